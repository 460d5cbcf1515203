"""The aligner on a 10,000-sentence document pair, beside galechurch on the same sentences in the same run.

One block (the default; issue 11's target): the ten hand-checked pairs of tests/data/align/sample-sentences.tsv
(from samples/wuzheng-5g) are copied until the Chinese side has 10,000 sentences; each copy leaves out one
English sentence (the first in copy 0, the second in copy 1, ...), all the Chinese is one paragraph with nothing
between sentences and all the English is one paragraph joined by single spaces, as text pasted from a PDF
arrives. The gold beads are known by construction: nine 1-1 and one 1-0 per copy. Printed beside the targets:
  - bead-boundary F1 (workbench.align.scoring) of `workbench align`'s JSON output and of galechurch, >= 0.97;
  - `workbench align SOURCE DRAFT` in a fresh process, start-up included, against galechurch's full DP (one
    block) on the already-split sentences, >= 5x faster;
  - the peak resident memory of that process, <= 1 GiB.
--diagnose lists the gold beads the workbench gets wrong, --stages times the pieces of the end-to-end run.
--paragraphs is the older measurement: the gold documents repeated with their paragraphs kept, in-process.

Run: .venv/bin/python bench/align.py [--diagnose] [--stages] [--paragraphs]
"""

from __future__ import annotations

import argparse
import bisect
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import galechurch  # noqa: E402

from tests.align.gold import ALIGN_DATA, gold_documents  # noqa: E402
from workbench.align import align  # noqa: E402
from workbench.align.lexicon import load_lexicon  # noqa: E402
from workbench.align.scoring import score  # noqa: E402
from workbench.cli.files import write_pairs_json  # noqa: E402
from workbench.formats import read_document  # noqa: E402
from workbench.model import SourceText  # noqa: E402
from workbench.text.paragraphs import paragraph_spans  # noqa: E402
from workbench.segment import segment  # noqa: E402

SAMPLE_PAIRS = ALIGN_DATA / "sample-sentences.tsv"
SAMPLE = ROOT / "samples" / "wuzheng-5g"
WORKBENCH = Path(sys.executable).parent / "workbench"
GIB = 1024 ** 3


def sample_pairs() -> list[tuple[str, str]]:
    lines = SAMPLE_PAIRS.read_text("utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")]


def sentences_of(text: str, language: str) -> list[str]:
    return [s.text for s in segment(SourceText(text, paragraph_spans(text)), language).sentences]


# ---- the one-block pair ------------------------------------------------------------------------------

def one_block_pair(pairs: list[tuple[str, str]], sentences: int):
    """The Chinese sentences, the English sentences and the gold beads: copy c leaves out English c mod n.

    Gold bead i is sentence i % n of copy i // n, so the diagnosis can say where a wrong bead sits."""
    zh, en, gold = [], [], []
    copy = 0
    while len(zh) < sentences:
        for position, (source, target) in enumerate(pairs):
            kept = position != copy % len(pairs)
            zh.append(source)
            en.extend([target] if kept else [])
            gold.append((source, target if kept else ""))
        copy += 1
    return zh, en, gold


def check_segmentation(zh_text: str, en_text: str, zh: list[str], en: list[str]) -> None:
    """The gold is only right if the segmenter cuts the joined text back into the sentences it was built from."""
    for language, text, expected in (("zh", zh_text, zh), ("en", en_text, en)):
        found = sentences_of(text, language)
        if found != expected:
            first = next((i for i, (a, b) in enumerate(zip(found, expected)) if a != b), min(len(found), len(expected)))
            sys.exit(f"bench/align.py: the {language} segmenter cuts the one-block text differently from "
                     f"{SAMPLE_PAIRS.name} ({len(found)} sentences for {len(expected)}, first at {first}); "
                     f"choose sentences that stay whole when run together")


def run_workbench(source: Path, draft: Path, output: Path) -> tuple[float, int]:
    """Wall time and peak resident bytes of `workbench align` in a fresh process (os.wait4 gives its own rusage)."""
    started = time.perf_counter()
    with output.open("wb") as out:
        process = subprocess.Popen([str(WORKBENCH), "align", str(source), str(draft)], stdout=out)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        sys.exit(f"bench/align.py: `workbench align` exited with {process.returncode}")
    return seconds, usage.ru_maxrss * 1024  # Linux reports kilobytes


def galechurch_full_dp(zh: list[str], en: list[str]):
    """galechurch over one block, calibrated as tests/align/gold.py does: its DP time and its beads as text."""
    ratio = sum(len(t.replace(" ", "")) for t in en) / max(sum(len(t) for t in zh), 1)
    started = time.perf_counter()
    result = galechurch.align(zh, en, mean_xy=ratio, variance_xy=6.8 * ratio,
                              max_block_size=(len(zh) + 1) * (len(en) + 1))
    seconds = time.perf_counter() - started
    beads = [("".join(zh[b.source_start:b.source_end]), " ".join(en[b.target_start:b.target_end]))
             for b in result.beads]
    return seconds, beads


def one_block(args) -> None:
    pairs = sample_pairs()
    zh, en, gold = one_block_pair(pairs, args.sentences)
    zh_text, en_text = "".join(zh), " ".join(en)
    check_segmentation(zh_text, en_text, zh, en)
    with tempfile.TemporaryDirectory() as folder:
        source, draft, output = Path(folder, "source.zh.txt"), Path(folder, "draft.en.txt"), Path(folder, "out.json")
        source.write_text(zh_text, "utf-8")
        draft.write_text(en_text, "utf-8")
        # Not timed: fills numba's compiled DP and the dictionary pickles on disk, as any earlier run would have.
        run_workbench(SAMPLE / "source.zh.txt", SAMPLE / "draft.en.txt", output)
        runs = [run_workbench(source, draft, output) for _ in range(args.repeat)]
        document = json.loads(output.read_text("utf-8"))
        galechurch_runs = [galechurch_full_dp(zh, en) for _ in range(args.repeat)]
        if args.stages:
            stages = time_stages(source, draft)
    ours = [(p["source"], p["target"]) for p in document["pairs"]]
    wb_time, peak = min(seconds for seconds, _ in runs), max(peak for _, peak in runs)
    gc_time, gc_beads = min(seconds for seconds, _ in galechurch_runs), galechurch_runs[0][1]
    ours_score, gc_score = score(ours, gold), score(gc_beads, gold)

    best = f"best of {args.repeat}" if args.repeat > 1 else "one run"
    print(f"one block: {len(pairs)} sample pairs x {len(zh) // len(pairs)} copies = {len(zh)} Chinese sentences, "
          f"{len(en)} English; {len(gold)} gold beads ({len(gold) - len(en)} of them 1-0)")
    print(f"bead F1   workbench {ours_score.f1:.3f} (P {ours_score.precision:.3f}, R {ours_score.recall:.3f}, "
          f"{len(ours)} beads)   galechurch {gc_score.f1:.3f} (P {gc_score.precision:.3f}, R {gc_score.recall:.3f}, "
          f"{len(gc_beads)} beads)   target >= 0.97")
    print(f"time      `workbench align` end to end {wb_time:.2f} s   galechurch full DP {gc_time:.2f} s   "
          f"({best})   {gc_time / wb_time:.1f}x faster   target >= 5x")
    print(f"memory    `workbench align` peak resident {peak / 2 ** 20:.0f} MiB   target <= {GIB // 2 ** 20} MiB")
    if args.stages:
        print_stages(stages, wb_time)
    if args.diagnose:
        diagnose(ours, gold, len(pairs))


# ---- where the time goes -----------------------------------------------------------------------------

def fresh_python(code: str) -> float:
    """Best of three wall times of a fresh interpreter running ``code``."""
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - started)
    return min(times)


def time_stages(source: Path, draft: Path) -> list[tuple[str, float]]:
    """The end-to-end run in pieces. Start-up and imports in fresh interpreters; the rest in this process,
    whose dictionary and pinyin caches are still cold, so the first align call pays for loading them as the CLI does."""
    interpreter = fresh_python("pass")
    parser = fresh_python("from workbench.cli.main import build_parser; build_parser()")
    imports = fresh_python("from workbench.cli.main import build_parser; build_parser(); import workbench.cli.files, "
                           "workbench.ingest.pipeline")
    clock = [time.perf_counter()]

    def lap() -> float:
        clock.append(time.perf_counter())
        return clock[-1] - clock[-2]

    zh_source, en_source = read_document(source), read_document(draft)
    reading = lap()
    zh_segments = segment(zh_source, "zh")
    zh_time = lap()
    en_segments = segment(en_source, "en")
    en_time = lap()
    load_lexicon()
    lexicon = lap()
    alignment = align(zh_segments, en_segments)
    aligning = lap()
    write_pairs_json(alignment.pairs, io.StringIO())  # as cmd_align writes it
    writing = lap()
    return [("interpreter start-up", interpreter),
            ("importing workbench.cli.main and building its parser", parser - interpreter),
            ("importing the pipeline (aligner, numpy, numba)", imports - parser),
            ("reading both files", reading), ("segmenting the Chinese", zh_time),
            ("segmenting the English", en_time), ("loading the lexicon (pickle)", lexicon),
            ("aligning (first call: pinyin tables, numba cache load)", aligning), ("writing the JSON", writing)]


def print_stages(stages: list[tuple[str, float]], end_to_end: float) -> None:
    print("where the end-to-end time goes:")
    for name, seconds in stages:
        print(f"  {name:58} {seconds:6.2f} s")
    pieces = sum(s for _, s in stages)
    print(f"  {'the rest (process exit, noise)':58} {end_to_end - pieces:6.2f} s   (end to end {end_to_end:.2f} s)")


# ---- the wrong beads ---------------------------------------------------------------------------------

def _visible(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def spans(beads: list[tuple[str, str]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Each bead as (start, end) in visible characters of both texts, as workbench.align.scoring counts them."""
    found, zh, en = [], 0, 0
    for source, target in beads:
        start = (zh, en)
        zh, en = zh + _visible(source), en + _visible(target)
        found.append((start, (zh, en)))
    return found


def _kind(source: str, target: str) -> str:
    return f"{len(sentences_of(source, 'zh')) if source else 0}-{len(sentences_of(target, 'en')) if target else 0}"


def _short(text: str, width: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def diagnose(ours: list[tuple[str, str]], gold: list[tuple[str, str]], per_copy: int, shown: int = 15) -> None:
    """Which gold beads the workbench does not reproduce exactly, what it made of them, and where they sit."""
    predicted, gold_spans = spans(ours), spans(gold)
    exact = set(predicted)
    wrong = [i for i, bead in enumerate(gold_spans) if bead not in exact]
    omitted = {i for i, (_, target) in enumerate(gold) if not target}
    predicted_ends = [end[0] for _, end in predicted]

    def made_of(i: int) -> list[int]:
        """The workbench beads over gold bead i's Chinese."""
        (zh_start, _), (zh_end, _) = gold_spans[i]
        first = bisect.bisect_right(predicted_ends, zh_start)
        return [k for k in range(first, len(predicted)) if predicted[k][0][0] < zh_end]

    def where(i: int) -> str:
        if i in omitted:
            return "the 1-0 omission"
        if i - 1 in omitted or i + 1 in omitted:
            return "1-1 next to the omission"
        if i % per_copy in (0, per_copy - 1):
            return "1-1 at a copy join"
        return "1-1 elsewhere"

    print(f"wrong gold beads (no workbench bead with the same boundaries): {len(wrong)} of {len(gold)}")
    for label, count in sorted(Counter(where(i) for i in wrong).items()):
        total = sum(1 for i in range(len(gold)) if where(i) == label)
        print(f"  {label:28} {count:5d} of {total}")
    made = Counter(" + ".join(_kind(*ours[k]) for k in made_of(i)) for i in wrong)
    print("  what the workbench made of them: " + ", ".join(f"{kinds} x{n}" for kinds, n in made.most_common(8)))
    print("  by sentence of the sample (1-10): " + ", ".join(f"{p + 1}: {n}" for p, n in
                                                         sorted(Counter(i % per_copy for i in wrong).items())))
    print(f"  by copy: first wrong in copy {wrong[0] // per_copy if wrong else '-'}, "
          f"{len({i // per_copy for i in wrong})} of {len(gold) // per_copy} copies have one")
    patterns: dict[tuple, list[int]] = {}
    for i in wrong:  # the construction repeats every copy, so one example per pattern says more than 15 repeats
        patterns.setdefault((i % per_copy, where(i), tuple(_kind(*ours[k]) for k in made_of(i))), []).append(i)
    print(f"the first {min(shown, len(patterns))} of {len(patterns)} patterns, one example each "
          f"(copy.sentence, where, how many; gold || workbench):")
    for examples in list(patterns.values())[:shown]:
        i = examples[0]
        source, target = gold[i]
        print(f"  {i // per_copy}.{i % per_copy + 1} {where(i)}, x{len(examples)}: "
              f"{_short(source, 24)} || {_short(target) or '(none)'}")
        for k in made_of(i):
            print(f"      -> {_kind(*ours[k])}: {_short(ours[k][0], 24)} || {_short(ours[k][1], 80) or '(none)'}")


# ---- the older measurement: paragraphs kept ----------------------------------------------------------

def paragraph_pair(sentences: int):
    """The gold documents repeated, paragraphs kept, until the Chinese side has ``sentences`` sentences."""
    zh_parts, en_parts, count = [], [], 0
    documents = [(read_document(d.source).text, read_document(d.draft).text) for d in gold_documents()]
    while count < sentences:
        for zh, en in documents:
            zh_parts.append(zh)
            en_parts.append(en)
            count += len(sentences_of(zh, "zh"))
            if count >= sentences:
                break
    zh_text, en_text = "\n\n".join(zh_parts), "\n\n".join(en_parts)
    return SourceText(zh_text, paragraph_spans(zh_text)), SourceText(en_text, paragraph_spans(en_text))


def paragraphs(args) -> None:
    zh_source, en_source = paragraph_pair(args.sentences)
    started = time.perf_counter()
    source, draft = segment(zh_source, "zh"), segment(en_source, "en")
    segmented = time.perf_counter()
    alignment = align(source, draft)  # cold: includes loading the pinyin and dictionary caches
    cold = time.perf_counter() - segmented
    warm = []
    for _ in range(args.repeat):
        began = time.perf_counter()
        align(source, draft)
        warm.append(time.perf_counter() - began)

    zh = [s.text for s in source.sentences]
    en = [s.text for s in draft.sentences]
    try:
        gc_time, gc_beads = galechurch_full_dp(zh, en)
        gc_count = len(gc_beads)
    except (ValueError, MemoryError) as error:
        gc_time, gc_count = float("nan"), f"failed: {error}"

    print(f"input: {len(zh)} Chinese sentences, {len(en)} English sentences")
    print(f"workbench segmentation: {segmented - started:.2f} s")
    print(f"workbench alignment, first call: {cold:.2f} s  ({len(alignment.pairs)} beads)")
    print(f"workbench alignment, best of {args.repeat}: {min(warm):.2f} s  (median {sorted(warm)[len(warm) // 2]:.2f} s)"
          "  target <= 3 s")
    print(f"galechurch (Rust, one block, no anchors): {gc_time:.2f} s  ({gc_count} beads)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, help="runs of each system, the best time counts (default: one block 1, "
                        "paragraphs 3)")
    parser.add_argument("--diagnose", action="store_true", help="list the gold beads the workbench gets wrong")
    parser.add_argument("--stages", action="store_true", help="time the pieces of the end-to-end run")
    parser.add_argument("--paragraphs", action="store_true",
                        help="the older measurement: gold documents with their paragraphs kept, aligned in-process")
    args = parser.parse_args()
    args.repeat = args.repeat or (3 if args.paragraphs else 1)
    (paragraphs if args.paragraphs else one_block)(args)


if __name__ == "__main__":
    main()
