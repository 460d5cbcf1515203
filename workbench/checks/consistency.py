"""Consistency across the document: a proper name written two ways ("Hengtai Industrial Park" and
later "Hengtai Industry Park"), whether or not the glossary knows it."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from workbench.checks.base import DocumentCheck
from workbench.model import Finding

_PHRASE = re.compile(r"\b[A-Z][a-z]+(?:[ -](?:of |and |the |for )?[A-Z][a-z]+){1,5}\b")
_SENTENCE_OPENERS = {"The", "This", "In", "On", "At", "According", "After", "As", "By", "With", "For", "From"}


def _phrases(text: str):
    for match in _PHRASE.finditer(text):
        words = match.group().split()
        start = match.start()
        while words and (words[0] in _SENTENCE_OPENERS or words[0].islower()):
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) >= 2:
            yield start, match.end(), " ".join(words)


def _variant(first: str, later: str) -> bool:
    """Same name, one word written differently: same length in words, same first word, the differing
    word close in spelling or sharing its stem."""
    a, b = first.split(), later.split()
    if len(a) != len(b) or a[0] != b[0] or first == later:
        return False
    differing = [(x, y) for x, y in zip(a, b) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    return x[:5].lower() == y[:5].lower() or fuzz.ratio(x.lower(), y.lower()) >= 75


class NameConsistency(DocumentCheck):
    """A multi-word proper name rendered one way early in the document and slightly differently later."""

    check_id = "name_consistency"
    category = "consistency"
    severity = "warning"

    def check_document(self, pairs):
        seen: list[str] = []
        for pair in pairs:
            for start, end, phrase in _phrases(pair.target):
                earlier = next((s for s in seen if _variant(s, phrase)), None)
                if earlier is None:
                    if phrase not in seen:
                        seen.append(phrase)
                    continue
                yield pair.index, Finding(self.check_id, self.category, self.severity,
                                          f"“{phrase}” is written “{earlier}” earlier in the document.",
                                          start, end, pair.target[start:end], (earlier,), "qa", False)


DOCUMENT_CHECKS = (NameConsistency,)
