"""The registry of checks: every check class listed once, explicitly, sorted by id."""

from __future__ import annotations

from workbench.qa.checks import (
    consistency,
    conventions,
    date_style,
    glossary,
    number_style,
    numbers,
    omission,
    punctuation,
    quotes,
    sentences,
    spacing,
    translationese,
    untranslated,
    words,
)
from workbench.qa.checks.base import Check, DocumentCheck, DocumentContext, PairContext

CHECKS: tuple[type[Check], ...] = tuple(sorted(
    conventions.CHECKS + date_style.CHECKS + glossary.CHECKS + number_style.CHECKS
    + numbers.CHECKS + omission.CHECKS + punctuation.CHECKS + sentences.CHECKS + spacing.CHECKS
    + translationese.CHECKS + untranslated.CHECKS + words.CHECKS,
    key=lambda check: check.check_id,
))
DOCUMENT_CHECKS: tuple[type[DocumentCheck], ...] = tuple(sorted(
    consistency.DOCUMENT_CHECKS + glossary.DOCUMENT_CHECKS + numbers.DOCUMENT_CHECKS + omission.DOCUMENT_CHECKS
    + quotes.CHECKS,
    key=lambda check: check.check_id,
))


def check_ids() -> list[str]:
    return [c.check_id for c in CHECKS + DOCUMENT_CHECKS]


__all__ = ["CHECKS", "DOCUMENT_CHECKS", "Check", "DocumentCheck", "DocumentContext", "PairContext", "check_ids"]
