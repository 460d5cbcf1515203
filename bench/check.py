"""Speed of checking: glossary + QA (engine none) against a naive term loop, Harper's throughput,
and a re-check of an unchanged project against the first check. Run: python bench/check.py

Input: the aligned pairs of the gold documents in tests/data/align, repeated to 20,000 segments,
and a 5,000-term glossary (the sample glossary plus generated names and terms).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.align.gold import gold_documents  # noqa: E402
from workbench.formats import read_document  # noqa: E402
from workbench.formats.glossary_csv import read as read_glossary  # noqa: E402
from workbench.model import Term  # noqa: E402
from workbench.text.pinyin import name_spellings  # noqa: E402
from workbench.qa.driver import Checker  # noqa: E402
from workbench.model import Pair
from workbench.qa.results import FindingCache  # noqa: E402
from workbench.segment import segment  # noqa: E402
from workbench.align import align  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
COMMON = "国家发展改革委员会省市县区镇村集团公司有限责任股份科技农业工业信息网络建设管理服务中心学校医院银行港口物流能源电力交通文化旅游"


def segments_from_gold(count: int) -> list[Pair]:
    base = []
    for document in gold_documents():
        pairs = align(segment(read_document(document.source), "zh"), segment(read_document(document.draft), "en")).pairs
        base += [(p.source, p.target, p.kind, p.paragraph) for p in pairs]
    # Every segment is made unique (a reference number on both sides), so that no cache helps the first check.
    segments = []
    for i in range(count):
        source, target, kind, paragraph = base[i % len(base)]
        if target:
            source, target = f"{source}（编号{i}）", f"{target} (No. {i})"
        segments.append(Pair(source, target, kind, paragraph + 10 * (i // len(base)), index=i))
    return segments


def glossary(size: int) -> tuple[Term, ...]:
    rng = random.Random(7)
    terms = list(read_glossary(ROOT / "glossaries" / "wuzheng.csv").terms)
    seen = {t.source for t in terms}
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    given = "建国海涛晓梅志强文华国栋丽娟明辉永军红霞春生秀英"
    while len(terms) < size:
        if rng.random() < 0.4:
            source = rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2))))
            spellings = name_spellings(source)
            if not spellings or source in seen:
                continue
            terms.append(Term(source, spellings[0], "person", (spellings[0].replace(" ", ""),)))
        else:
            source = "".join(rng.choice(COMMON) for _ in range(rng.choice((3, 4, 5))))
            if source in seen:
                continue
            words = " ".join(rng.choice(["Smart", "Rural", "Digital", "Port", "Energy", "Cultural", "Logistics",
                                         "Center", "Park", "Bureau", "Fund", "Zone", "Platform", "Office"])
                             for _ in range(rng.choice((2, 3))))
            terms.append(Term(source, f"{words} {len(terms)}", "term", (f"{words}s {len(terms)}",)))
        seen.add(source)
    return tuple(terms)


def naive_glossary(segments, terms) -> int:
    """Every term tested against every segment, the way a script without an index would:
    the source term in the source, then its rendering and each forbidden variant in the target."""
    hits = 0
    compiled = [(term.source, term.target.lower(), [re.compile(r"\b" + re.escape(v.lower()) + r"\b")
                                                     for v in term.forbidden]) for term in terms]
    for s in segments:
        target = " ".join(s.target.split()).lower()
        for source, rendering, forbidden in compiled:
            if source in s.source and rendering not in target:
                hits += 1
            for variant in forbidden:
                if variant.search(target):
                    hits += 1
    return hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--segments", type=int, default=20_000)
    parser.add_argument("--terms", type=int, default=5_000)
    parser.add_argument("--harper-segments", type=int, default=1_000)
    parser.add_argument("--naive-segments", type=int, default=2_000)
    args = parser.parse_args()
    segments = segments_from_gold(args.segments)
    terms = glossary(args.terms)
    print(f"input: {len(segments)} segments, {len(terms)} glossary terms")

    cache = FindingCache()
    checker = Checker(terms, None, cache=cache)
    started = time.perf_counter()
    reports = checker.check(segments)
    ours = time.perf_counter() - started
    findings = sum(len(r.findings) for r in reports)
    started = time.perf_counter()
    checker.check(segments)
    recheck = time.perf_counter() - started
    print(f"workbench glossary + QA checks (engine none), {len(segments)} segments: {ours:.2f} s "
          f"({findings} findings)")
    print(f"re-check of the unchanged project (cached): {recheck:.4f} s -> {ours / recheck:.0f}x faster than the "
          "first check (target >= 10x)")

    # The naive loop takes minutes on all segments: both sides are timed on the same slice.
    part = segments[: args.naive_segments]
    started = time.perf_counter()
    Checker(terms, None).check(part)
    ours_part = time.perf_counter() - started
    started = time.perf_counter()
    naive_glossary(part, terms)
    naive = time.perf_counter() - started
    print(f"on the first {len(part)} segments: workbench glossary + QA {ours_part:.2f} s; naive loop testing every "
          f"term against every segment (glossary only) {naive:.2f} s -> {naive / ours_part:.1f}x (target >= 20x)")

    from workbench.qa.engines import make_engine

    sample = segments[-args.harper_segments:]  # segments no engine has seen in this run
    engine = make_engine("harper")
    engine.check("Warm up the dictionary.")
    started = time.perf_counter()
    Checker(terms, engine).check(sample)
    harper_all = time.perf_counter() - started
    engine = make_engine("harper")  # a fresh engine: Harper caches what it has seen
    engine.check("Warm up the dictionary.")
    started = time.perf_counter()
    Checker(terms, engine, only=frozenset({"grammar"})).check(sample)
    harper_only = time.perf_counter() - started
    print(f"Harper alone: {len(sample) / harper_only:.0f} segments/s; all checks with Harper: "
          f"{len(sample) / harper_all:.0f} segments/s  (target >= 200)")


if __name__ == "__main__":
    main()
