"""The interface every grammar engine implements."""

from __future__ import annotations

from typing import Protocol

from workbench.errors import UserError
from workbench.model import Finding


class EngineUnavailable(UserError):
    """The chosen engine cannot be reached or started; the message says which and why, in one line."""


class GrammarEngine(Protocol):
    """check(text) returns findings with offsets into ``text`` (code points)."""

    name: str
    version: str  # what the run's signature names besides the engine: a package version, a server

    def check(self, text: str) -> list[Finding]: ...

    def add_words(self, words: list[str]) -> None:
        """Words (glossary names, pinyin names) the engine must not report as misspellings."""
        ...
