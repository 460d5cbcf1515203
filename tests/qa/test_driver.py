"""What the one checker driver decides for every check: which pairs a check sees."""

from __future__ import annotations

import pytest

from workbench.model import Term
from workbench.qa.checks import CHECKS, DOCUMENT_CHECKS
from workbench.qa.driver import Checker
from workbench.model import Pair

TERMS = (Term("五征集团", "Wuzheng Group", "organization"), Term("姜卫东", "Jiang Weidong", "person"))
SOURCE = "五征集团董事长姜卫东介绍，5G专网已覆盖ABC-100生产线的30%。"
SKIPPING = sorted(c.check_id for c in CHECKS + DOCUMENT_CHECKS if c.skips_untranslated)


def test_the_checks_that_compare_both_sides_say_so():
    assert {"glossary_term_missing", "latin_token_missing", "target_too_short"} <= set(SKIPPING)


# (kind, English): a pair without English, as the aligner or the draft leaves it
UNTRANSLATED = [("1-0", ""), ("1-1", "   "), ("1-1", "\u00a0")]


@pytest.mark.parametrize("kind, target", UNTRANSLATED, ids=["omitted", "blank", "no-break-space"])
def test_a_pair_without_english_is_reported_once_as_missing_not_by_every_comparison(kind, target):
    segments = [Pair("双方签署了协议。", "The two sides signed an agreement."),
                Pair(SOURCE, target, kind, 0, index=1)]
    [_, report] = Checker(TERMS, lexicon=None).check(segments)
    checks = {f.check for f in report.findings}
    assert checks and not checks & set(SKIPPING)
    assert checks <= {"omitted_sentence", "empty_target", "shortened_near_omission", "special_space"}


def test_the_same_pair_with_english_is_compared():
    segments = [Pair(SOURCE, "The 5G network covers 30% of the line.")]
    [report] = Checker(TERMS, lexicon=None).check(segments)
    assert {"glossary_term_missing", "latin_token_missing"} <= {f.check for f in report.findings}
