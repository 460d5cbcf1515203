"""Bead-boundary F1: where each bead ends, counted in non-whitespace characters of both texts."""

from __future__ import annotations

from dataclasses import dataclass


def _visible(text: str) -> int:
    return len(text) - sum(1 for ch in text if ch.isspace())


def boundaries(beads: list[tuple[str, str]]) -> set[tuple[int, int]]:
    """The (source position, target position) after each bead, in visible characters."""
    found, zh, en = set(), 0, 0
    for source, target in beads:
        zh += _visible(source)
        en += _visible(target)
        found.add((zh, en))
    return found


@dataclass(frozen=True, slots=True)
class BoundaryScore:
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: BoundaryScore) -> BoundaryScore:
        return BoundaryScore(self.true_positives + other.true_positives, self.predicted + other.predicted,
                             self.gold + other.gold)


def score(predicted: list[tuple[str, str]], gold: list[tuple[str, str]]) -> BoundaryScore:
    p, g = boundaries(predicted), boundaries(gold)
    return BoundaryScore(len(p & g), len(p), len(g))
