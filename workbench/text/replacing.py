"""Search and replace over the English, plain or regular expression, as a translator uses it across a
project: a preview shows every pair it would change before anything is saved.

A pattern is the user's, so it runs in the ``regex`` package with a time limit: a pattern that backtracks
catastrophically on a long pair is refused in one line instead of freezing the app. A pattern that matches
the empty string (``^``, ``x*``) is refused too: it would insert the replacement everywhere.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import regex

from workbench.errors import UserError

TIME_LIMIT = 5.0  # seconds for a whole project's English; a real pattern takes milliseconds


@dataclass(frozen=True, slots=True)
class Replace:
    """What to find and what to put instead; ``replacement`` may use \\1 or \\g<name> with ``as_regex``."""

    find: str
    replacement: str
    as_regex: bool = False
    match_case: bool = True
    whole_words: bool = False

    def compiled(self) -> regex.Pattern:
        if not self.find:
            raise UserError("say what to find")
        pattern = self.find if self.as_regex else regex.escape(self.find)
        if self.whole_words:
            pattern = rf"\b(?:{pattern})\b"
        try:
            compiled = regex.compile(pattern, 0 if self.match_case else regex.IGNORECASE)
        except regex.error as error:
            raise UserError(f"not a regular expression: {self.find!r}: {error}") from None
        if compiled.search("", timeout=TIME_LIMIT) is not None:
            raise _empty(self.find)
        return compiled

    def apply(self, text: str, compiled: regex.Pattern | None = None, deadline: float | None = None
              ) -> tuple[str, int]:
        """``text`` with every match replaced, and how many there were. ``deadline`` (time.monotonic())
        is shared by the pairs of one run, so a slow pattern is stopped however many pairs there are."""
        compiled = compiled or self.compiled()
        deadline = time.monotonic() + TIME_LIMIT if deadline is None else deadline
        try:
            if any(m.start() == m.end() for m in compiled.finditer(text, timeout=_left(deadline))):
                raise _empty(self.find)  # e.g. a lookbehind alone: empty here though not in ""
            if self.as_regex:
                return compiled.subn(self.replacement, text, timeout=_left(deadline))
            return compiled.subn(lambda _: self.replacement, text, timeout=_left(deadline))  # taken literally
        except TimeoutError:
            raise UserError(f"{self.find!r} takes too long (more than {TIME_LIMIT:g} s over the English): "
                            f"simplify the pattern") from None
        except (regex.error, IndexError) as error:
            raise UserError(f"cannot use the replacement {self.replacement!r}: {error}") from None


def _empty(find: str) -> UserError:
    return UserError(f"{find!r} matches the empty string: it would insert the replacement everywhere")


def deadline() -> float:
    """The moment a run of one pattern over a project's English must be done by."""
    return time.monotonic() + TIME_LIMIT


def _left(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left
