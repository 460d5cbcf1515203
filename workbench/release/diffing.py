"""Word-level differences between the imported draft and the current English, and editing effort."""

from __future__ import annotations

from functools import lru_cache

import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Change:
    op: str  # "equal" | "insert" | "delete"
    text: str


def word_diff(before: str, after: str) -> list[Change]:
    """Changes that turn ``before`` into ``after``, word by word (spaces and punctuation are tokens too)."""
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)
    changes: list[Change] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            changes.append(Change("equal", "".join(old[a1:a2])))
        else:
            if a2 > a1:
                changes.append(Change("delete", "".join(old[a1:a2])))
            if b2 > b1:
                changes.append(Change("insert", "".join(new[b1:b2])))
    return changes


@lru_cache(maxsize=65536)
def effort(draft: str, final: str) -> tuple[float, float]:
    """(TER, chrF) of the draft against the final text, sacrebleu's sentence-level scores.
    Remembered by text: a page shows the same unchanged pairs on every rerun."""
    import sacrebleu

    if not draft and not final:
        return 0.0, 100.0
    return (round(sacrebleu.sentence_ter(draft, [final]).score, 1),
            round(sacrebleu.sentence_chrf(draft, [final]).score, 1))
