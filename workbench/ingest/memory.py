"""A translation memory: fuzzy matches of a new Chinese segment against stored pairs (rapidfuzz)."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process


@dataclass(frozen=True, slots=True)
class MemoryMatch:
    score: float
    source: str
    target: str


class TranslationMemory:
    def __init__(self, pairs: list[tuple[str, str]]):
        self.sources = [s for s, _ in pairs]
        self.targets = [t for _, t in pairs]

    def lookup(self, source: str, threshold: float = 75.0, limit: int = 3) -> list[MemoryMatch]:
        """Stored pairs whose Chinese is at least ``threshold`` percent similar (character level)."""
        if not source.strip() or not self.sources:
            return []
        found = process.extract(source, self.sources, scorer=fuzz.ratio, score_cutoff=threshold, limit=limit)
        return [MemoryMatch(round(score, 1), self.sources[index], self.targets[index]) for _, score, index in found]
