"""One list of English abbreviations whose full stop ends no sentence (workbench/text/abbreviations.py),
as the lower-case-start check and the grammar engine's noise filter read it."""

from __future__ import annotations

import pytest

from workbench.model import Pair
from workbench.qa.checks import PairContext
from workbench.qa.checks.words import LowercaseSentenceStart
from workbench.text.abbreviations import is_abbreviation


@pytest.mark.parametrize("word, abbreviates", [
    ("Mr.", True), ("Gen.", True), ("Ltd.", True), ("No.", True), ("etc.", True), ("U.S.", True), ("a.m.", True),
    ("end.", False), ("Co", False), ("Wuzheng.", False), ("US.", False),
])
def test_an_abbreviation_is_known_by_its_full_stop(word, abbreviates):
    assert is_abbreviation(word) is abbreviates


@pytest.mark.parametrize("english, flagged", [
    ("China Mobile Communications Co. was the partner.", False),
    ("The talks were led by Gen. wang of the county office.", False),
    ("Trade with the U.S. was up 10 percent.", False),
    ("The deal was signed. the plant opens in May.", True),
])
def test_a_lower_case_word_after_an_abbreviation_starts_no_sentence(english, flagged):
    found = list(LowercaseSentenceStart().check(PairContext(Pair("协议已签署。", english))))
    assert bool(found) is flagged
