"""Frozen value types shared by every part of the workbench.

Offsets are code points into the exact text they refer to.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range [start, end) of code points."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SourceText:
    """A decoded document: its exact text and the spans of its paragraphs, in order."""

    text: str
    paragraphs: tuple[Span, ...]
    name: str = ""

    def paragraph_texts(self) -> list[str]:
        return [self.text[p.start : p.end] for p in self.paragraphs]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document, as the segmenter cut it.

    ``text`` is ``document[start:end]`` (no surrounding whitespace); ``separator`` is the
    whitespace that follows it up to the next sentence, so that the document prefix plus
    every ``text + separator`` gives back the original document exactly.
    """

    index: int
    paragraph: int
    start: int
    end: int
    text: str
    separator: str = ""


@dataclass(frozen=True, slots=True)
class Segmentation:
    """All sentences of one document, with the whitespace that precedes the first one."""

    source: SourceText
    sentences: tuple[Sentence, ...]
    prefix: str = ""

    def rebuild(self) -> str:
        return self.prefix + "".join(s.text + s.separator for s in self.sentences)


BEAD_KINDS = ("1-1", "1-2", "2-1", "2-2", "1-0", "0-1", "1-3", "3-1")


@dataclass(frozen=True, slots=True)
class Pair:
    """An aligned unit: source sentences [src_start, src_end) with target sentences [tgt_start, tgt_end).

    The one pair type from alignment to the checker and back: the aligner makes it, the store keeps its
    text, kind and confidence, the app's view (workbench.project.snapshot.PairView) holds one, and the
    checks read it inside a PairContext. ``index`` is its key where it is checked: the stored pair's id
    in the app, its number on the command line, its position in the aligner's output.
    """

    source: str
    target: str
    kind: str = "1-1"
    paragraph: int = 0
    confidence: float = 1.0
    src_start: int = 0
    src_end: int = 0
    tgt_start: int = 0
    tgt_end: int = 0
    index: int = 0

    @property
    def low_confidence(self) -> bool:
        return self.confidence < LOW_CONFIDENCE


LOW_CONFIDENCE = 0.5
CONFIRMED_BY_A_PERSON = 1.0


def pairing_confidence(aligner_confidence: float, version: int, status: str) -> float:
    """How far the checks may trust a stored pair's pairing. The aligner's confidence is a guess made
    before anyone read the pair; once a translator has written its English (an edit, a fix, a merge or
    a split: a new version, or a pair a split made), a person has read it against this source, so its
    number, date and omission findings are findings again, not hints that say to check the pairing
    first. An approval alone does not confirm it: `approve --all` reads nothing."""
    written_by_a_person = version > 1 or status == "edited"
    return CONFIRMED_BY_A_PERSON if written_by_a_person else aligner_confidence


@dataclass(frozen=True, slots=True)
class Term:
    """A glossary entry: the required English rendering of a Chinese term and its forbidden variants."""

    source: str
    target: str
    type: str = "term"
    forbidden: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Glossary:
    terms: tuple[Term, ...] = ()
    name: str = ""
    problems: tuple[str, ...] = field(default=())


CATEGORIES = ("glossary", "number", "date", "punctuation", "spacing", "grammar", "spelling", "untranslated",
              "omission", "repetition", "consistency", "style")
SEVERITIES = ("error", "warning", "info")
# who may do what (workbench.store.accounts); here so that the command line lists them without loading the store
ROLES = ("translator", "reviewer", "admin")


@dataclass(frozen=True, slots=True)
class Finding:
    """Something a careful reviewer would mark in a target segment.

    ``start``/``end`` are code-point offsets into the exact target text and ``text`` is
    ``target[start:end]``. ``suggestions`` replace that span; ``safe`` says the check is certain of
    its suggestion, and ``fix`` is then the one-click fix (``workbench fix`` and "Apply fix" use it).
    """

    check: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    text: str
    suggestions: tuple[str, ...] = ()
    engine: str = "qa"
    safe: bool = False
    # the glossary term (its Chinese) a glossary finding enforces: the Glossary page's "violated in"
    # is read from the findings by it (project/glossary_edit.term_usage), not worked out a second time
    term: str = ""

    @property
    def fix(self) -> str | None:
        """The one-click fix: offered only when the check is certain and has one clear suggestion.
        Several suggestions mean a person must choose, so none of them is applied for them."""
        if self.safe and len(self.suggestions) == 1 and self.suggestions[0] != self.text:
            return self.suggestions[0]
        return None

    def to_json(self) -> dict:
        return {"check": self.check, "category": self.category, "severity": self.severity,
                "message": self.message, "start": self.start, "end": self.end, "text": self.text,
                "suggestions": list(self.suggestions), "fix": self.fix, "engine": self.engine}
