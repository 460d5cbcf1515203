"""Word-level checks: repeated words and a lower-case letter where a sentence starts."""

from __future__ import annotations

import re

from workbench.checks.base import Check

_REPEAT = re.compile(r"\b([A-Za-z]+)(\s+)(\1)\b", re.IGNORECASE)
_ALLOWED_REPEATS = {"that", "had", "is", "bye", "so", "very", "ha", "no"}
_LOWER_AFTER_END = re.compile(r"(?<=[a-z0-9\)”\"’][.!?])(\s+)([a-z])")
_LOWER_START_OK = re.compile(r"(?:iPhone|iPad|eBay|e-|mRNA|pH|km|kg|mm|cm|m\b)")


class RepeatedWord(Check):
    """The same word twice in a row ("the the"), almost always an editing slip."""

    check_id = "repeated_word"
    category = "repetition"
    severity = "error"

    def check(self, pair):
        for match in _REPEAT.finditer(pair.target):
            if match.group(1).lower() in _ALLOWED_REPEATS:
                continue
            yield self.finding(pair, match.start(), match.end(), f"“{match.group(1)}” is repeated.",
                               [match.group(1)], safe=True)


class LowercaseSentenceStart(Check):
    """A sentence that starts with a lower-case letter after a full stop, question or exclamation mark."""

    check_id = "lowercase_sentence_start"
    category = "style"
    severity = "warning"

    def check(self, pair):
        target = pair.target
        for match in _LOWER_AFTER_END.finditer(target):
            start = match.start(2)
            if _LOWER_START_OK.match(target, start) or _after_abbreviation(target, match.start(1)):
                continue
            yield self.finding(pair, start, start + 1, "A sentence starts with a lower-case letter.",
                               [target[start].upper()], safe=True)
        first = re.match(r"[\s“\"(]*([a-z])", target)
        if first and pair.extras.get("starts_sentence", True) and not _LOWER_START_OK.match(target, first.start(1)):
            start = first.start(1)
            yield self.finding(pair, start, start + 1, "The segment starts with a lower-case letter.",
                               [target[start].upper()], safe=True)


def _after_abbreviation(text: str, end: int) -> bool:
    word = re.search(r"(\S+)$", text[:end])
    return bool(word and re.fullmatch(r"(?:[A-Za-z]\.){2,}|etc\.|e\.g\.|i\.e\.|vs\.|approx\.|No\.|Co\.|Ltd\.|"
                                      r"Inc\.|Corp\.|Dr\.|Mr\.|Mrs\.|Ms\.|Prof\.|St\.|Jr\.|Sr\.",
                                      word.group(1)))


CHECKS = (LowercaseSentenceStart, RepeatedWord)
