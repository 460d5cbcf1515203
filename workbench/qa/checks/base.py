"""What a check is: a small stateless unit with a stable id that yields findings for one pair."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.model import Finding, Pair

if TYPE_CHECKING:
    from workbench.align.lexicon import Lexicon
    from workbench.glossary.matcher import GlossaryMatcher


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """What the checks need from the document around its pairs, the same for every pair of one run."""

    length_ratio: float = 3.0  # English characters per Chinese character in this document
    glossary: GlossaryMatcher | None = None
    lexicon: Lexicon | None = None  # CC-CEDICT's senses, for the checks that read the source's words


@dataclass(frozen=True, slots=True)
class PairContext:
    """One pair as the checks see it: the pair itself and its document's context. A field added to
    ``Pair`` reaches the checks as ``context.pair.<field>`` with no other edit; the properties below
    are the fields every check reads."""

    pair: Pair
    document: DocumentContext = field(default_factory=DocumentContext)

    @property
    def index(self) -> int:
        return self.pair.index

    @property
    def paragraph(self) -> int:
        return self.pair.paragraph

    @property
    def source(self) -> str:
        return self.pair.source

    @property
    def target(self) -> str:
        return self.pair.target

    @property
    def kind(self) -> str:
        return self.pair.kind

    @property
    def confidence(self) -> float:
        """The aligner's confidence in this pairing (workbench.model.LOW_CONFIDENCE)."""
        return self.pair.confidence

    @property
    def low_confidence(self) -> bool:
        return self.pair.low_confidence

    @property
    def glossary(self) -> GlossaryMatcher | None:
        return self.document.glossary

    @property
    def length_ratio(self) -> float:
        return self.document.length_ratio

    @property
    def translated(self) -> bool:
        """The draft has English for this pair. A 1-0 bead (the aligner found none) or blank English
        gives the checks that compare the two sides nothing to compare: the omission checks report it."""
        return self.pair.kind != "1-0" and bool(self.pair.target.strip())


class _Reports:
    """What every check shares: its identity, and how it turns a span of a pair's English into a finding."""

    check_id: str = ""
    category: str = ""
    severity: str = "warning"
    # a check that compares the two sides has nothing to compare on a pair without English (a 1-0 bead
    # or a blank target): the driver does not run it there, and the omission checks report the pair
    skips_untranslated: bool = False

    def applies_to(self, pair: PairContext) -> bool:
        return pair.translated or not self.skips_untranslated

    def finding(self, pair: PairContext, start: int, end: int, message: str, suggestions=(),
                safe: bool = False, severity: str | None = None, text: str | None = None, term: str = "") -> Finding:
        """A finding of the checker on [start, end) of the pair's English; ``text`` when the span's text
        was normalised before the check compared it; ``term`` the glossary term it enforces."""
        return Finding(self.check_id, self.category, severity or self.severity, message, start, end,
                       pair.target[start:end] if text is None else text, tuple(suggestions), "qa", safe, term)


class Check(_Reports):
    """Base of every check. Subclasses set the class attributes and implement ``check``.

    ``check_id`` is the stable identity used in configuration and output: it never changes when the
    class is renamed.
    """

    def check(self, pair: PairContext) -> Iterator[Finding]:
        raise NotImplementedError


class DocumentCheck(_Reports):
    """A check that needs every pair of the document at once (consistency across segments).

    Most of such a check's work is per pair and pure: finding the names, terms and phrases in one
    pair. ``observe`` does that part, and the checker caches its result by the pair's text, so that
    after one edit only ``judge`` (the cheap comparison across pairs) runs over the whole document
    again. A check whose findings never reach beyond one paragraph says ``scope = "paragraph"``: the
    checker then re-runs it only for the paragraphs whose pairs changed.
    """

    scope: str = "document"  # or "paragraph"

    def observe(self, pair: PairContext) -> object:
        """What ``judge`` needs from one pair; depends on nothing but the pair's text, kind and glossary."""
        return None

    def judge(self, pairs: list[PairContext], observations: list) -> Iterator[tuple[int, Finding]]:
        raise NotImplementedError

    def observation(self, pair: PairContext) -> object:
        """``observe``, or None on a pair the check skips."""
        return self.observe(pair) if self.applies_to(pair) else None

    def check_document(self, pairs: list[PairContext]) -> Iterator[tuple[int, Finding]]:
        return self.judge(pairs, [self.observation(pair) for pair in pairs])
