"""Sentence segmentation driven by the rule tables in rules/."""

from __future__ import annotations

from functools import lru_cache

from workbench.model import Sentence, Segmentation, SourceText
from workbench.segment.rules import RuleSet, load_rules


@lru_cache(maxsize=8)
def default_rules(language: str) -> RuleSet:
    return load_rules(language)


def break_positions(paragraph: str, rules: RuleSet) -> list[int]:
    """Positions inside ``paragraph`` where a sentence ends, by the first matching rule."""
    candidates = sorted({m.end() for pattern in rules.candidates for m in pattern.finditer(paragraph)})
    breaks = []
    for position in candidates:
        if position >= len(paragraph):
            continue
        for rule in rules.rules:
            if rule.matches(paragraph, position):
                if rule.breaks:
                    breaks.append(position)
                break
    return breaks


def segment(source: SourceText, language: str, rules: RuleSet | None = None) -> Segmentation:
    """Split every paragraph of ``source`` into sentences with offsets into ``source.text``."""
    rules = rules or default_rules(language)
    text = source.text
    pieces: list[tuple[int, int, int]] = []  # (paragraph, start, end)
    for number, span in enumerate(source.paragraphs):
        paragraph = text[span.start : span.end]
        start = 0
        for position in break_positions(paragraph, rules) + [len(paragraph)]:
            piece = paragraph[start:position]
            stripped_start = start + (len(piece) - len(piece.lstrip()))
            stripped_end = position - (len(piece) - len(piece.rstrip()))
            if stripped_end > stripped_start:
                pieces.append((number, span.start + stripped_start, span.start + stripped_end))
            start = position
    segments = []
    for index, (number, start, end) in enumerate(pieces):
        next_start = pieces[index + 1][1] if index + 1 < len(pieces) else len(text)
        segments.append(Sentence(index, number, start, end, text[start:end], text[end:next_start]))
    prefix = text[: pieces[0][1]] if pieces else text
    return Segmentation(source, tuple(segments), prefix)
