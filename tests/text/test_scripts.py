"""The one definition of Han and CJK characters (workbench/text/scripts.py) that every part uses."""

from __future__ import annotations

import re

import pytest

from workbench.text.scripts import CJK, CJK_PUNCTUATION, HAN, is_han


@pytest.mark.parametrize("char, han, cjk_punctuation, cjk", [
    ("蒋", True, False, True),
    ("㐀", True, False, True),  # Extension A
    ("豈", True, False, True),  # a compatibility ideograph
    ("，", False, True, True),
    ("。", False, True, True),
    ("\u3000", False, True, True),  # the ideographic space
    ("Ａ", False, True, True),  # a full-width Latin letter: not a word of Chinese
    ("の", False, False, True),  # kana: no Han, but nothing an English engine can judge
    ("𠀀", False, False, True),  # Extension B, outside the Basic Multilingual Plane
    ("a", False, False, False),
    ("·", False, False, False),
])
def test_each_character_is_in_the_classes_it_belongs_to(char, han, cjk_punctuation, cjk):
    assert is_han(char) is han
    assert bool(re.fullmatch(f"[{HAN}]", char)) is han
    assert bool(re.fullmatch(f"[{CJK_PUNCTUATION}]", char)) is cjk_punctuation
    assert bool(re.fullmatch(f"[{CJK}]", char)) is cjk


def test_the_regex_class_and_the_function_agree_on_every_character_of_the_basic_plane():
    han = re.compile(f"[{HAN}]")
    assert [c for c in map(chr, range(0x10000)) if bool(han.fullmatch(c)) != is_han(c)] == []
