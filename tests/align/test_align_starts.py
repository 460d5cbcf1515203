"""Where an English sentence starts with no full stop before it: the words the headline pass may cut
before, and the quotations, titles and names it must leave whole."""

from __future__ import annotations

import pytest

from workbench.align.starts import lower_case_words, sentence_starts

# (case, English, words the document also writes in lower case, the words that start a sentence)
CASES = [
    ("a common word given a capital after a headline", "Seven wealth products went on sale Seven products from "
     "banks were offered", "seven", ["Seven products"]),
    ("an opener after a capitalised place name", "Macau will increase publicity The delegation visited the port",
     "the", ["The delegation"]),
    ("a quotation that runs as a sentence after a byline", 'Reporter Xia Bin "We entered the factory at dawn and '
     'saw it" he said', "", ['"We entered']),
    ("a quoted title starts nothing", 'She said the film "Online Tours" was good', "online tours", []),
    ("nothing starts inside a quotation", "He read 'Chip War The Fight' and left", "the", []),
    ("a capitalised name is no sentence", "Jiang Weidong met Li Baojun at the port", "the", []),
    ("a capital after an article is no sentence", "They visited the Port Authority yesterday", "port", []),
    ("a capital after a quoted name that ends a headline", 'Macau expands "Online Tours" MGTO organized a large '
     'delegation', "", ["MGTO organized"]),
    ("a capital inside a title-case headline starts nothing", "Shenlan Releases 2023 Annual Report: Operating Revenue "
     "Exceeds 30 Billion Yuan for the First Time", "annual report operating revenue billion the first time", []),
    ("an opener before a long name still starts a sentence", "Restrictions on exports to China According to a Wall "
     "Street Journal report today, the ban grows", "according report", ["According to"]),
]


@pytest.mark.parametrize("sentence,lower,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_sentence_starts(sentence, lower, expected):
    starts = sentence_starts(sentence, lower_case_words(lower))
    assert [" ".join(sentence[p:].split()[:2]) for p in starts] == expected


def test_a_word_written_only_with_a_capital_is_not_common():
    assert "seven" not in lower_case_words("Seven Products Go On Sale")
    assert "seven" in lower_case_words("Seven products: seven banks")
