"""The review's quality score, the way professional review is scored (MQM, as in TAUS DQF, Trados TQA and
memoQ LQA): a reviewer marks each error on a span of the English with a category and a severity; each
error costs its severity's multiplier times its category's weight in penalty points; the score is the
penalty per 1,000 English words of the pairs reviewed, passed when it stays at or under the threshold.

MQM's own figures are given beside it: the absolute penalty total (APT), the evaluation word count (EWC),
the overall quality score OQS = 100 × (1 − APT / EWC). The word count is the English's (ISO 5060 allows a
target count; a Chinese source has no spaces to count words by), over the pairs a reviewer decided or
marked, the evaluated sample.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from workbench.errors import UserError

# MQM-Core's dimensions (linguistic conventions under the name translators know, fluency), each with the
# error types reviewers of Chinese news drafts pick most; "other" when none fits
CATEGORIES: dict[str, tuple[str, ...]] = {
    "accuracy": ("mistranslation", "omission", "addition", "untranslated", "other"),
    "terminology": ("wrong term", "inconsistent term", "other"),
    "fluency": ("grammar", "spelling", "punctuation", "unintelligible", "other"),
    "style": ("awkward", "register", "inconsistent style", "other"),
    "locale": ("number format", "date format", "name format", "currency", "other"),
    "audience": ("culture-specific reference", "other"),
    "design": ("markup", "truncation", "other"),
}
# MQM 2.0's default severity multipliers
SEVERITIES: dict[str, float] = {"neutral": 0.0, "minor": 1.0, "major": 5.0, "critical": 25.0}
DEFAULT_THRESHOLD = 10.0  # penalty points per 1,000 words: about two major errors, OQS 99
REFERENCE_WORDS = 1000

ENGLISH_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*")


def word_count(text: str) -> int:
    """Words as a reviewer counts them: "China's", "5G" and "U.S" are one word each."""
    return len(ENGLISH_WORD.findall(text))


def category_of(text: str) -> str:
    """``text`` ("accuracy/omission", "Fluency / Grammar", "style") as a known "dimension/type" or
    "dimension"; anything else is refused naming the choices."""
    dimension, _, kind = (part.strip().lower() for part in text.partition("/"))
    if dimension not in CATEGORIES:
        raise UserError(f"unknown error category {text!r}; categories: {', '.join(CATEGORIES)}")
    if kind and kind not in CATEGORIES[dimension]:
        raise UserError(f"unknown {dimension} error type {kind!r}; types: {', '.join(CATEGORIES[dimension])}")
    return f"{dimension}/{kind}" if kind else dimension


def severity_of(text: str) -> str:
    severity = text.strip().lower()
    if severity not in SEVERITIES:
        raise UserError(f"unknown severity {text!r}; severities: {', '.join(SEVERITIES)}")
    return severity


@dataclass(frozen=True, slots=True)
class QualityModel:
    """How errors are weighed: the severity multipliers, a weight per dimension (1 unless set) and the
    pass threshold in penalty points per 1,000 words. A project keeps its own (``to_dict``)."""

    severities: dict[str, float] = field(default_factory=lambda: dict(SEVERITIES))
    weights: dict[str, float] = field(default_factory=lambda: {dimension: 1.0 for dimension in CATEGORIES})
    threshold: float = DEFAULT_THRESHOLD

    @classmethod
    def from_dict(cls, data: dict | None) -> QualityModel:
        model = cls()
        data = data or {}
        return model.changed(data.get("severities", {}), data.get("weights", {}), data.get("threshold"))

    def changed(self, severities: dict[str, float], weights: dict[str, float], threshold: float | None) -> QualityModel:
        """This model with some multipliers, weights or the threshold changed; a name that is not a
        severity or a dimension, or a negative number, is refused."""
        for name in severities:
            severity_of(name)
        for name in weights:
            if name not in CATEGORIES:
                raise UserError(f"unknown error category {name!r}; categories: {', '.join(CATEGORIES)}")
        numbers = [*severities.values(), *weights.values(), *([] if threshold is None else [threshold])]
        if any(not isinstance(n, (int, float)) or n < 0 or n != n for n in numbers):
            raise UserError("weights, multipliers and the threshold are numbers of zero or more")
        return replace(self, severities={**self.severities, **{k.lower(): float(v) for k, v in severities.items()}},
                       weights={**self.weights, **{k: float(v) for k, v in weights.items()}},
                       threshold=self.threshold if threshold is None else float(threshold))

    def penalty(self, category: str, severity: str) -> float:
        return self.severities[severity] * self.weights[category.partition("/")[0]]

    def to_dict(self) -> dict:
        return {"severities": dict(self.severities), "weights": dict(self.weights), "threshold": self.threshold}


@dataclass(frozen=True, slots=True)
class ErrorMark:
    """One error a reviewer marked: on which pair and span of its English (at the version they read),
    what kind, how bad, their note, who and when. ``fixed`` is True once the English changed since."""

    id: int
    segment: int  # the pair's number
    document: str
    category: str  # "dimension/type" or "dimension"
    severity: str
    start: int
    end: int
    span: str  # the English marked ("" for an omission: nothing to point at)
    note: str
    reviewer: str
    at: str  # ISO 8601 UTC
    version: int  # the pair's version the reviewer read
    english: str  # the pair's English at that version
    fixed: bool = False


@dataclass(frozen=True, slots=True)
class QualityScore:
    model: QualityModel
    marks: tuple[ErrorMark, ...]
    words: int  # the evaluation word count
    pairs_reviewed: int

    @property
    def penalty(self) -> float:
        """MQM's absolute penalty total."""
        return sum(self.model.penalty(m.category, m.severity) for m in self.marks)

    @property
    def per_thousand(self) -> float | None:
        return None if not self.words else self.penalty * REFERENCE_WORDS / self.words

    @property
    def score(self) -> float | None:
        """MQM's overall quality score, 100 × (1 − APT/EWC); below zero when errors outweigh the words."""
        return None if not self.words else 100.0 * (1.0 - self.penalty / self.words)

    @property
    def passed(self) -> bool | None:
        return None if self.per_thousand is None else self.per_thousand <= self.model.threshold

    def counts(self) -> dict[str, dict[str, int]]:
        """Errors by dimension and severity, the rows and columns of an MQM scorecard."""
        counted = Counter((m.category.partition("/")[0], m.severity) for m in self.marks)
        return {dimension: {severity: counted[dimension, severity] for severity in self.model.severities}
                for dimension in CATEGORIES if any(counted[dimension, s] for s in self.model.severities)}

    def verdict(self) -> str:
        """One line: "4 errors · 11.0 penalty points in 812 words: 13.5 per 1,000 (threshold 10.0): FAIL · MQM 98.6"."""
        if self.per_thousand is None:
            return "not scored yet: no pair has been reviewed"
        word = "PASS" if self.passed else "FAIL"
        return (f"{len(self.marks)} error(s) · {self.penalty:g} penalty points in {self.words} words of "
                f"{self.pairs_reviewed} reviewed pair(s): {self.per_thousand:.1f} per 1,000 words "
                f"(threshold {self.model.threshold:g}): {word} · MQM score {self.score:.1f}")

    def to_dict(self) -> dict:
        """What the manifest records: the model, the sample, the figures and the verdict."""
        return {"model": self.model.to_dict(), "pairs_reviewed": self.pairs_reviewed, "words": self.words,
                "errors": len(self.marks), "penalty": self.penalty,
                "per_1000_words": None if self.per_thousand is None else round(self.per_thousand, 2),
                "mqm_score": None if self.score is None else round(self.score, 2), "passed": self.passed,
                "errors_by_category": self.counts()}


def span_in(english: str, span: str, occurrence: int = 1) -> tuple[int, int]:
    """Where the ``occurrence``-th ``span`` is in ``english`` (start, end); "" marks the whole pair (an
    omission has nothing to point at). A span that is not there, or not that many times, is refused."""
    if not span:
        return 0, 0
    if occurrence < 1:
        raise UserError("the occurrence counts from 1")
    start = -1
    for _ in range(occurrence):
        start = english.find(span, start + 1)
        if start < 0:
            found = english.count(span)
            raise UserError(f"{span!r} is not in the English" if not found else
                            f"{span!r} is in the English {found} time(s), not {occurrence}")
    return start, start + len(span)
