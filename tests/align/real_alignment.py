"""The aligner on the real drafts of tests/data/real, scored against the segments the corpus gives.

Shared by bench/align_real.py (which prints the figures) and tests/align/test_align_real.py (which holds
the floors). Each draft is aligned in two layouts, as a translator's files arrive:

- "paragraphs": every corpus segment is a paragraph on each side (a Word file or a web page copied
  with its paragraph breaks);
- "block": each side's segments joined into one paragraph (text copied out of a PDF): the Chinese
  run together, the English joined by a space.

A corpus segment is a pair the raters read together, so its end is a gold boundary: a position in
both texts, counted in letters, digits and ideographs. Punctuation and spaces do not count, so a
boundary does not move when the corpus puts a closing quote at the start of the next segment
("…内容很重要。" | "”来自广东的…": its sentence splitter cut before the quote that closes the sentence). The workbench is scored on two figures:

- recovered: the share of gold boundaries that are also the end of an aligned pair;
- consistent: the share of the aligner's pair ends that cross no gold segment, that is, fall at the
  same gold boundary on both sides, or inside the same gold segment on both sides (a finer split of
  a segment that holds two sentences is right).

galechurch (PyPI) is run on the same sentences for comparison, calibrated to the length ratio.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import accumulate

from tests.qa.real_drafts import Draft, load
from workbench.align import align
from workbench.model import SourceText
from workbench.text.paragraphs import paragraph_spans
from workbench.segment import segment

LAYOUTS = ("paragraphs", "block")
JOINERS = {"paragraphs": ("\n\n", "\n\n"), "block": ("", " ")}


@dataclass(frozen=True, slots=True)
class Score:
    """Counts for one aligner on some drafts: gold boundaries recovered, predicted ones consistent."""

    gold: int = 0
    recovered: int = 0
    predicted: int = 0
    consistent: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.gold + other.gold, self.recovered + other.recovered,
                     self.predicted + other.predicted, self.consistent + other.consistent)

    @property
    def recall(self) -> float:
        return self.recovered / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.consistent / self.predicted if self.predicted else 1.0


@dataclass(frozen=True, slots=True)
class AlignedDraft:
    """One draft aligned in one layout: its scores, and per pair whether it is wrong and marked."""

    draft: Draft
    layout: str
    workbench: Score
    galechurch: Score | None
    pairs_wrong: tuple[bool, ...]  # a pair is wrong when either of its ends crosses a gold segment
    pairs_marked: tuple[bool, ...]  # marked low-confidence for the translator


def texts(draft: Draft, layout: str) -> tuple[str, str]:
    zh_joiner, en_joiner = JOINERS[layout]
    return (zh_joiner.join(s.source.strip() for s in draft.segments),
            en_joiner.join(s.target.strip() for s in draft.segments))


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


def _gold_ends(pieces: list[str]) -> list[int]:
    return list(accumulate(_letters(p) for p in pieces))


def _states(position: int, ends: list[int]) -> set:
    """Where a position sits among the gold segments: at the end of segment k ("end", k), possibly
    several when segments are empty, or strictly inside segment k ("in", k)."""
    first = bisect.bisect_left(ends, position)
    if first < len(ends) and ends[first] == position:
        last = bisect.bisect_right(ends, position)
        return {("end", k) for k in range(first, last)}
    return {("in", first)}


def score_boundaries(predicted: list[tuple[int, int]], zh_ends: list[int], en_ends: list[int]) -> tuple[Score, list[bool]]:
    """Score predicted pair ends (non-space character positions on each side) against the gold ends."""
    total = (zh_ends[-1] if zh_ends else 0, en_ends[-1] if en_ends else 0)
    # a boundary at either end of the document (a segment of punctuation only) is no boundary
    inner = {(zh_ends[k], en_ends[k]) for k in range(len(zh_ends) - 1)} - {total, (0, 0)}
    ends = [p for p in predicted if p != total]
    right = [bool(_states(z, zh_ends) & _states(e, en_ends)) for z, e in ends]
    recovered = len(inner & set(ends))
    return Score(len(inner), recovered, len(ends), sum(right)), right


def _positions(segmentation) -> list[int]:
    """Letters, digits and ideographs before the end of each segment."""
    text = segmentation.source.text
    counts = [0, *accumulate(1 if c.isalnum() else 0 for c in text)]
    return [counts[s.end] for s in segmentation.sentences]


def _bead_end(index: int, positions: list[int]) -> int:
    return positions[index - 1] if index else 0


def align_draft(draft: Draft, layout: str, with_galechurch: bool = True) -> AlignedDraft:
    zh_text, en_text = texts(draft, layout)
    source = segment(SourceText(zh_text, paragraph_spans(zh_text)), "zh")
    target = segment(SourceText(en_text, paragraph_spans(en_text)), "en")
    zh_ends = _gold_ends([s.source for s in draft.segments])
    en_ends = _gold_ends([s.target for s in draft.segments])
    alignment = align(source, target)
    pairs = alignment.pairs
    zh_pos, en_pos = _positions(alignment.source), _positions(alignment.draft)
    ends = [(_bead_end(p.src_end, zh_pos), _bead_end(p.tgt_end, en_pos)) for p in pairs]
    ours, right = score_boundaries(ends, zh_ends, en_ends)
    # a pair is wrong when its start or its end crosses a gold segment
    end_right = dict(zip([e for e in ends if e != (zh_ends[-1], en_ends[-1])], right))
    wrong, marked, start = [], [], (0, 0)
    for pair, end in zip(pairs, ends):
        wrong.append(not (end_right.get(start, True) and end_right.get(end, True)))
        marked.append(pair.low_confidence)
        start = end
    gc = None
    if with_galechurch:
        gc_ends = _galechurch_ends(source, target, _positions(source), _positions(target))
        gc = score_boundaries(gc_ends, zh_ends, en_ends)[0]
    return AlignedDraft(draft, layout, ours, gc, tuple(wrong), tuple(marked))


def _galechurch_ends(source, target, zh_pos, en_pos) -> list[tuple[int, int]]:
    import galechurch

    zh = [s.text for s in source.sentences]
    en = [s.text for s in target.sentences]
    if not zh or not en:
        return []
    ratio = sum(len(t.replace(" ", "")) for t in en) / max(sum(len(t) for t in zh), 1)
    beads = galechurch.align(zh, en, mean_xy=ratio, variance_xy=6.8 * ratio).beads
    return [(_bead_end(b.source_end, zh_pos), _bead_end(b.target_end, en_pos)) for b in beads]


def run(corpus: str, layout: str, with_galechurch: bool = True, drafts=None) -> list[AlignedDraft]:
    chosen = load(corpus) if drafts is None else drafts
    return [align_draft(d, layout, with_galechurch) for d in chosen]


def total(results, which: str = "workbench") -> Score:
    score = Score()
    for r in results:
        score = score + getattr(r, which)
    return score


def confidence_shares(results) -> tuple[int, int, int]:
    """(wrong pairs, wrong pairs that are marked, marked pairs)."""
    wrong = marked_wrong = marked = 0
    for r in results:
        for w, m in zip(r.pairs_wrong, r.pairs_marked):
            wrong += w
            marked += m
            marked_wrong += w and m
    return wrong, marked_wrong, marked
