"""Speed of the aligner on a 10,000-sentence document pair, beside galechurch on the same input.

The pair is built from the gold documents in tests/data/align, repeated until the Chinese side
has 10,000 sentences (omissions, merges and splits included). Run: python bench/align.py
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import galechurch  # noqa: E402

from tests.gold import gold_documents  # noqa: E402
from workbench.align import align  # noqa: E402
from workbench.formats import read_document  # noqa: E402
from workbench.model import SourceText  # noqa: E402
from workbench.paragraphs import paragraph_spans  # noqa: E402
from workbench.segment import segment  # noqa: E402


def build_pair(sentences: int):
    zh_parts, en_parts, count = [], [], 0
    documents = [(read_document(d.source).text, read_document(d.draft).text) for d in gold_documents()]
    round_number = 0
    while count < sentences:
        for zh, en in documents:
            zh_parts.append(zh)
            en_parts.append(en)
            count += len(segment(SourceText(zh, paragraph_spans(zh)), "zh").segments)
            if count >= sentences:
                break
        round_number += 1
    zh_text, en_text = "\n\n".join(zh_parts), "\n\n".join(en_parts)
    return SourceText(zh_text, paragraph_spans(zh_text)), SourceText(en_text, paragraph_spans(en_text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    zh_source, en_source = build_pair(args.sentences)

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

    zh = [s.text for s in source.segments]
    en = [s.text for s in draft.segments]
    ratio = sum(len(t.replace(" ", "")) for t in en) / sum(len(t) for t in zh)
    gc_started = time.perf_counter()
    try:
        gc = galechurch.align(zh, en, mean_xy=ratio, variance_xy=6.8 * ratio, max_block_size=200_000_000)
        gc_time, gc_beads = time.perf_counter() - gc_started, len(gc.beads)
    except (ValueError, MemoryError) as error:
        gc_time, gc_beads = float("nan"), f"failed: {error}"

    print(f"input: {len(zh)} Chinese sentences, {len(en)} English sentences")
    print(f"workbench segmentation: {segmented - started:.2f} s")
    print(f"workbench alignment, first call: {cold:.2f} s  ({len(alignment.pairs)} beads)")
    print(f"workbench alignment, best of {args.repeat}: {min(warm):.2f} s  (median {sorted(warm)[len(warm) // 2]:.2f} s)"
          "  target <= 3 s")
    print(f"galechurch (Rust, one block, no anchors): {gc_time:.2f} s  ({gc_beads} beads)")


if __name__ == "__main__":
    main()
