"""Spacing: doubled spaces and invisible or foreign space characters inside English."""

from __future__ import annotations

import re

from workbench.qa.checks.base import Check

_DOUBLE = re.compile(r"(?<=\S)[ \u00a0\u3000]{2,}(?=\S)")
_SPECIAL = re.compile(r"[\u00a0\u3000\u2000-\u200b\u200c\u200d\u2060\ufeff\u202f]+")
_ZERO_WIDTH = set("\u200b\u200c\u200d\u2060\ufeff")


class DoubleSpace(Check):
    """Two or more spaces between words: invisible in print but a sign of a pasted or edited draft."""

    check_id = "double_space"
    category = "spacing"
    severity = "warning"

    def check(self, pair):
        for match in _DOUBLE.finditer(pair.target):
            yield self.finding(pair, match.start(), match.end(), "Several spaces between words.", [" "], safe=True)


class SpecialSpace(Check):
    """No-break, ideographic (U+3000) and zero-width spaces: copied from Chinese layouts, they break
    searching, line wrapping and term matching in the English."""

    check_id = "special_space"
    category = "spacing"
    severity = "warning"

    def check(self, pair):
        target = pair.target
        runs = [(m.start(), m.end()) for m in _DOUBLE.finditer(target)]  # DoubleSpace reports those
        for match in _SPECIAL.finditer(target):
            start, end = match.start(), match.end()
            if any(a <= start < b for a, b in runs):
                continue
            names = ", ".join(sorted({f"U+{ord(c):04X}" for c in match.group()}))
            between_words = 0 < start and end < len(target) and not set(match.group()) <= _ZERO_WIDTH
            yield self.finding(pair, start, end, f"Special space character {names} in the English.",
                               [" " if between_words else ""], safe=True)


CHECKS = (DoubleSpace, SpecialSpace)
