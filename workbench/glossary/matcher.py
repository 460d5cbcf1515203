"""Find glossary terms in a Chinese source and their renderings in an English target, in one pass each.

Chinese terms are matched with one Aho–Corasick automaton (the longest match wins: 五莲县政府 beats
五莲). English renderings and forbidden variants share a second automaton over the lower-cased
normalised view of the target; word boundaries, plural "s" and possessive "'s" are checked after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from workbench.glossary.normalize import normalize, normalize_term
from workbench.model import Term

EXACT_CASE_TYPES = ("person", "organization", "place")


@dataclass(frozen=True, slots=True)
class SourceMatch:
    start: int
    end: int
    term: int  # index into the matcher's terms


@dataclass(frozen=True, slots=True)
class TargetMatch:
    start: int  # raw offsets into the target
    end: int
    term: int
    forbidden: bool  # a forbidden variant rather than the required rendering
    exact_case: bool  # the raw text has the rendering's own capitalisation


class GlossaryMatcher:
    def __init__(self, terms: tuple[Term, ...]):
        self.terms = terms
        self._zh = ahocorasick.Automaton()
        self._en = ahocorasick.Automaton()
        by_source: dict[str, int] = {}
        renderings: dict[str, list[tuple[int, bool, str]]] = {}
        for number, term in enumerate(terms):
            by_source.setdefault(term.source, number)
            renderings.setdefault(normalize_term(term.target, True), []).append(
                (number, False, normalize_term(term.target)))
            for variant in term.forbidden:
                renderings.setdefault(normalize_term(variant, True), []).append(
                    (number, True, normalize_term(variant)))
        for source, number in by_source.items():
            self._zh.add_word(source, (len(source), number))
        for key, entries in list(renderings.items()):
            if re.search(r"[^aeiou]y$", key):  # "ceremony" also as "ceremonies"
                renderings.setdefault(key[:-1] + "ies", []).extend(entries)
        for key, entries in renderings.items():
            if key:
                self._en.add_word(key, (len(key), tuple(entries)))
        self._has_zh = bool(by_source)
        self._has_en = bool(renderings)
        if self._has_zh:
            self._zh.make_automaton()
        if self._has_en:
            self._en.make_automaton()
        self._by_source = by_source
        self._recent: dict[str, list[TargetMatch]] = {}

    def source_matches(self, source: str) -> list[SourceMatch]:
        if not self._has_zh:
            return []
        return [SourceMatch(end - length + 1, end + 1, number)
                for end, (length, number) in self._zh.iter_long(source)]

    def target_matches(self, target: str) -> list[TargetMatch]:
        """Every rendering or forbidden variant in the target; longer matches hide those inside them."""
        if not self._has_en:
            return []
        cached = self._recent.get(target)
        if cached is None:
            cached = self._target_matches(target)
            if len(self._recent) > 256:  # several checks ask about the same target in a row
                self._recent.clear()
            self._recent[target] = cached
        return cached

    def _target_matches(self, target: str) -> list[TargetMatch]:
        lower = normalize(target, lower=True)
        cased = normalize(target)
        found: list[TargetMatch] = []
        for end, (length, entries) in self._en.iter(lower.text):
            start = end - length + 1
            stop = _word_end(lower.text, end + 1)
            if stop is None or (start > 0 and lower.text[start - 1].isalnum()):
                continue
            raw_start, raw_end = lower.raw_span(start, end + 1)
            for number, forbidden, form in entries:
                exact = cased.text[start : end + 1] == form
                found.append(TargetMatch(raw_start, raw_end, number, forbidden, exact))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[TargetMatch] = []
        for match in found:
            if any(k.start <= match.start and match.end <= k.end and (k.end - k.start) > (match.end - match.start)
                   for k in kept):
                continue
            kept.append(match)
        return kept

    def rendering_of(self, chinese: str) -> str | None:
        number = self._by_source.get(chinese)
        return self.terms[number].target if number is not None else None

    def case_matters(self, number: int) -> bool:
        return self.terms[number].type in EXACT_CASE_TYPES


def _word_end(text: str, end: int) -> int | None:
    """Where the word ends if the match at [.., end) stops at a word boundary, allowing "s" and "'s"."""
    for suffix in ("", "s", "'s", "es"):
        stop = end + len(suffix)
        if text[end:stop] == suffix and (stop >= len(text) or not text[stop].isalnum()):
            return stop
    return None
