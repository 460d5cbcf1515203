"""Bead-boundary F1 of the workbench aligner and of galechurch on the gold set, per document."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.align.gold import galechurch_beads, gold_documents  # noqa: E402
from workbench.align import align  # noqa: E402
from workbench.align.scoring import BoundaryScore, score  # noqa: E402
from workbench.formats import read_document  # noqa: E402
from workbench.segment import segment  # noqa: E402


def evaluate():
    rows = []
    for doc in gold_documents():
        source = segment(read_document(doc.source), "zh")
        draft = segment(read_document(doc.draft), "en")
        ours = [(p.source, p.target) for p in align(source, draft).pairs]
        rows.append((doc, score(ours, doc.beads), score(galechurch_beads(source, draft), doc.beads)))
    return rows


def main() -> None:
    total_ours = total_gc = BoundaryScore(0, 0, 0)
    print(f"{'document':28} {'beads':>5} {'workbench F1':>12} {'galechurch F1':>13}  kinds")
    for doc, ours, gc in evaluate():
        total_ours, total_gc = total_ours + ours, total_gc + gc
        print(f"{doc.name:28} {len(doc.beads):5d} {ours.f1:12.3f} {gc.f1:13.3f}  {', '.join(sorted(doc.kinds))}")
    print(f"{'all':28} {total_ours.gold:5d} {total_ours.f1:12.3f} {total_gc.f1:13.3f}")


if __name__ == "__main__":
    main()
