"""Quotation marks and brackets: facing the wrong way, straight among curly, left open or unopened.

Quotations in press releases run over several sentences, so balance is checked over a paragraph,
not a segment; the direction of a single mark is judged from its neighbours.
"""

from __future__ import annotations

import re
from itertools import groupby

from workbench.qa.checks.base import DocumentCheck, PairContext
from workbench.model import Finding

DOUBLE = "“”\""
_MARKS = re.compile(r"[“”\"()\[\]{}]")
OPENERS = "([{"
CLOSERS = ")]}"


def quote_role(text: str, index: int) -> str:
    """'open' or 'close', from what stands before and after the mark at ``index``."""
    before = text[:index].rstrip(" \u00a0")
    after = text[index + 1 : index + 2]
    previous = before[-1:] if before else ""
    if previous == ":" or previous in "([{—–-" or not before:
        return "close" if (not after or after.isspace()) and before and previous != ":" else "open"
    if not after or after.isspace() or after in ".,;:!?)]}":
        return "close"
    if index > 0 and text[index - 1] in " \u00a0\t\n":
        return "open"
    return "close"


class QuoteMarks(DocumentCheck):
    """Curly quotes facing the wrong way (:” the …, a quotation closed with “), straight quotes mixed
    with curly ones, and quotations or brackets left open or closed without being opened."""

    check_id = "quote_marks"
    category = "punctuation"
    severity = "error"

    scope = "paragraph"

    def judge(self, pairs: list[PairContext], observations):
        for _, group in groupby(pairs, key=lambda p: p.paragraph):
            yield from self._paragraph(list(group))

    def _paragraph(self, pairs):
        curly = any(c in "“”" for p in pairs for c in p.target)
        open_quotes: list[tuple[PairContext, int]] = []
        open_brackets: list[tuple[PairContext, int, str]] = []
        for pair in pairs:
            text = pair.target
            for mark in _MARKS.finditer(text):
                index, char = mark.start(), mark.group()
                if char in DOUBLE:
                    role = quote_role(text, index)
                    wanted = "“" if role == "open" else "”"
                    if not text[:index].strip() and not text[index + 1:].strip():
                        # a mark standing alone (a quotation's closing mark cut off into a paragraph of its
                        # own) faces no way that its neighbours could tell: show it, suggest nothing
                        yield pair.index, self._finding(pair, index, f"The quote mark {char} stands alone here; "
                                                        "it belongs to the quotation before or after it.", None)
                        continue
                    if char == "”" and role == "open" or char == "“" and role == "close":
                        start, end, replacement = _respaced(text, index, role, wanted)
                        yield pair.index, self._finding(pair, index, f"The quote mark {char} faces the wrong way here; "
                                                        f"use {wanted}.", replacement, start=start, end=end)
                    elif char == '"' and curly:
                        yield pair.index, self._finding(pair, index, f"Straight quote among curly quotes; use {wanted}.",
                                                        wanted, severity="warning")
                    if role == "open":
                        open_quotes.append((pair, index))
                    elif open_quotes:
                        open_quotes.pop()
                    else:
                        yield pair.index, self._finding(pair, index, "Closing quote without an opening one.", None)
                elif char in OPENERS:
                    open_brackets.append((pair, index, char))
                elif char in CLOSERS:
                    expected = OPENERS[CLOSERS.index(char)]
                    if open_brackets and open_brackets[-1][2] == expected:
                        open_brackets.pop()
                    else:
                        yield pair.index, self._finding(pair, index, f"The bracket {char} closes a bracket that was never opened.",
                                                        None)
        for pair, index in open_quotes:
            yield pair.index, self._finding(pair, index, "Quotation opened here is never closed in this paragraph.",
                                            None)
        for pair, index, char in open_brackets:
            yield pair.index, self._finding(pair, index, f"The bracket {char} is never closed in this paragraph.", None)

    def _finding(self, pair, index, message, replacement, severity=None, start=None, end=None) -> Finding:
        start = index if start is None else start
        end = index + 1 if end is None else end
        return self.finding(pair, start, end, message, (replacement,) if replacement else (),
                            safe=replacement is not None, severity=severity)


def _respaced(text: str, index: int, role: str, wanted: str) -> tuple[int, int, str]:
    """Span and replacement that also fix the spacing around a turned quote mark:
    "ceremony:” the" -> "ceremony: “the", "outcomes. “" -> "outcomes.”"."""
    start, end = index, index + 1
    if role == "close":
        while start > 0 and text[start - 1] in " \u00a0":
            start -= 1
        return start, end, wanted
    while end < len(text) and text[end] in " \u00a0":
        end += 1
    while start > 0 and text[start - 1] in " \u00a0":
        start -= 1
    before = text[start - 1] if start > 0 else ""
    return start, end, (" " if before and before not in "([{—–-" else "") + wanted


CHECKS = (QuoteMarks,)
