"""Find paragraph spans in plain text.

Blank lines separate paragraphs. A file with no blank line at all but several lines is the
common one-paragraph-per-line layout of Chinese press text, so there every line is a paragraph.
"""

from __future__ import annotations

import re

from workbench.model import Span

_BLANK_LINE = re.compile(r"\n[ \t\u3000\u00a0\r]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """Spans of the non-blank paragraphs of ``text``, trimmed of surrounding whitespace."""
    text_n = text.replace("\r", "\n") if "\r" in text and "\n" not in text else text
    separator = _BLANK_LINE if _BLANK_LINE.search(text_n) else _LINE_BREAK
    spans: list[Span] = []
    position = 0
    for match in separator.finditer(text_n):
        _add_trimmed(text, position, match.start(), spans)
        position = match.end()
    _add_trimmed(text, position, len(text), spans)
    return tuple(spans)


def _add_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))
