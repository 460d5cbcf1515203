"""A normalised view of English text for term matching, with offsets mapped back to the raw text.

Runs of spaces (including U+00A0 and U+3000) become one space, zero-width characters vanish, curly
apostrophes become straight and hyphen variants become "-", so "China \\u00a0Mobile" and
"China Mobile" match the same glossary entry; a match is then reported on the raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SPACES = set(" \t\n\r\u00a0\u3000\u2002\u2003\u2009\u202f")
ZERO_WIDTH = set("\u200b\u200c\u200d\u2060\ufeff")
FOLD = {"’": "'", "‘": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-"}


@dataclass(frozen=True, slots=True)
class NormalizedText:
    text: str  # the normalised view
    raw_starts: tuple[int, ...] | range  # raw offset of each normalised character
    raw_length: int

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw [start, end) of the normalised [start, end)."""
        raw_start = self.raw_starts[start] if start < len(self.raw_starts) else self.raw_length
        raw_end = self.raw_starts[end - 1] + 1 if end > start else raw_start
        return raw_start, raw_end


_NEEDS_WORK = re.compile("[" + "".join(sorted((SPACES - {" "}) | ZERO_WIDTH | set(FOLD))) + "]|  ")


def normalize(raw: str, lower: bool = False) -> NormalizedText:
    if not _NEEDS_WORK.search(raw):  # the common case: nothing to change, offsets are the identity
        return NormalizedText(raw.lower() if lower else raw, range(len(raw)), len(raw))
    chars: list[str] = []
    starts: list[int] = []
    for index, char in enumerate(raw):
        if char in ZERO_WIDTH:
            continue
        if char in SPACES:
            if chars and chars[-1] == " ":
                continue
            char = " "
        char = FOLD.get(char, char)
        chars.append(char.lower() if lower else char)
        starts.append(index)
    return NormalizedText("".join(chars), tuple(starts), len(raw))


def normalize_term(term: str, lower: bool = False) -> str:
    return normalize(term.strip(), lower).text
