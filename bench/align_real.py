"""The aligner on the real drafts (tests/data/real), beside galechurch on the same sentences.

Every draft of both corpora is aligned with its paragraphs kept and joined into one block per
side, and scored against the corpus segments (tests/align/real_alignment.py says how). Prints, per corpus
and layout, the gold boundaries recovered and the predicted boundaries consistent with the gold,
per system and overall, and how much of what is wrong the low-confidence mark catches.

Run: python bench/align_real.py [--corpus news|ted|both] [--layout paragraphs|block|both]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.align.real_alignment import LAYOUTS, confidence_shares, run, total  # noqa: E402

TARGETS = {"paragraphs": (0.99, None), "block": (0.95, 0.97)}


def _row(label: str, ours, gc) -> str:
    return (f"{label:24} {ours.gold:6d} {ours.recall:9.3f} {ours.precision:10.3f}"
            f" {gc.recall:9.3f} {gc.precision:10.3f}")


def report(corpus: str, layout: str, per_system: bool) -> None:
    started = time.perf_counter()
    results = run(corpus, layout)
    elapsed = time.perf_counter() - started
    target_recall, target_precision = TARGETS[layout]
    goal = f"target recovered >= {target_recall}" + (f", consistent >= {target_precision}" if target_precision else "")
    print(f"\n== {corpus}, {layout} ({len(results)} drafts, {elapsed:.1f} s; {goal})")
    print(f"{'':24} {'gold':>6} {'recovered':>9} {'consistent':>10} {'gc recov':>9} {'gc consist':>10}")
    if per_system:
        by_system = defaultdict(list)
        for r in results:
            by_system[r.draft.system].append(r)
        for system, rs in sorted(by_system.items()):
            print(_row(system[:24], total(rs), total(rs, "galechurch")))
    print(_row("all", total(results), total(results, "galechurch")))
    wrong, caught, marked = confidence_shares(results)
    print(f"wrong pairs {wrong}: {caught / wrong if wrong else 1:.2f} of them marked low-confidence;"
          f" marked pairs {marked}: {caught / marked if marked else 0:.2f} of them wrong")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", choices=("news", "ted", "both"), default="both")
    parser.add_argument("--layout", choices=(*LAYOUTS, "both"), default="both")
    parser.add_argument("--no-systems", action="store_true", help="only the overall rows")
    args = parser.parse_args()
    corpora = ("news", "ted") if args.corpus == "both" else (args.corpus,)
    layouts = LAYOUTS if args.layout == "both" else (args.layout,)
    for corpus in corpora:
        for layout in layouts:
            report(corpus, layout, not args.no_systems)


if __name__ == "__main__":
    main()
