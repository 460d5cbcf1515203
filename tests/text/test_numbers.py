"""Numbers and dates reduced to values, so 128亿 meets 12.8 billion: the readers and the aligner's anchor keys
(numbers, and glossary terms as the checks find them)."""

from __future__ import annotations

import pytest

from workbench.align.anchors import en_anchors, zh_anchors
from workbench.glossary.matcher import GlossaryMatcher
from workbench.model import Term
from workbench.text.quantity_en import read_en as en_quantities
from workbench.text.quantity_zh import read_zh as zh_quantities

# name, text, [(kind, value, low, high, firm, span)]
ZH = [
    ("wan with decimal", "达1.2万人", [("number", 12000, 12000, 12000, True, "1.2万")]),
    ("yi", "营收128亿元", [("number", 128e8, 128e8, 128e8, True, "128亿")]),
    ("qianwan", "3千万元", [("number", 3e7, 3e7, 3e7, True, "3千万")]),
    ("wanyi in numerals", "约二十六万亿元", [("number", 26e12, 25.5e12, 26.5e12, True, "约二十六万亿")]),
    ("duo after the figure", "500多万人", [("number", 5e6, 5e6, 6e6, True, "500多万")]),
    ("yu after a bare thousand", "千余人", [("number", 1000, 1000, 2000, True, "千余")]),
    ("jin", "近5亿元", [("number", 5e8, 4.5e8, 5e8, True, "近5亿")]),
    ("shu bai is vague", "数百人", [("number", 200, 200, 999, False, "数百")]),
    ("shi ji is vague", "十几个", [("number", 11, 11, 19, False, "十几")]),
    ("adjacent digits", "一万六七千元", [("number", 16000, 16000, 17000, True, "一万六七千")]),
    ("range shares the scale", "3至5万", [("number", 3e4, 3e4, 3e4, True, "3"), ("number", 5e4, 5e4, 5e4, True, "5万")]),
    ("percent", "增长15.6％", [("percent", 15.6, 15.6, 15.6, True, "15.6％")]),
    ("percentage points", "下降3.5个百分点", [("percent", 3.5, 3.5, 3.5, True, "3.5个百分点")]),
    ("baifenzhi", "百分之五", [("percent", 5, 5, 5, True, "百分之五")]),
    ("qianfenzhi", "千分之五", [("percent", 0.5, 0.5, 0.5, True, "千分之五")]),
    ("cheng is soft", "七成", [("percent", 70, 70, 70, False, "七成")]),
    ("multiple", "翻一番", [("multiple", 2, 2, 2, True, "翻一番")]),
    ("ordinal", "第十四届", [("ordinal", 14, 14, 14, True, "十四")]),
    ("decade", "80年代", [("decade", 1980, 1980, 1980, True, "80年代")]),
    ("generation", "00后", [("decade", 2000, 2000, 2000, True, "00后")]),
    ("year in numerals", "二〇二三年", [("year", 2023, 2023, 2023, True, "二〇二三年")]),
    ("year range", "2023-2027年", [("year", 2023, 2023, 2023, True, "2023"), ("year", 2027, 2027, 2027, True, "2027年")]),
    ("date", "12月12日上午", [("date", 1212, 1212, 1212, True, "12月12日")]),
    ("day alone", "记者11日获悉", [("day", 11, 11, 11, True, "11日")]),
    ("month with xun", "3月上旬", [("month", 3, 3, 3, True, "3月")]),
    ("model name", "火星-17导弹", [("code", 17, 17, 17, False, "17")]),
    ("product name", "华为Mate 60", [("code", 60, 60, 60, False, "60")]),
    ("5G is a code", "5G基站", [("code", 5, 5, 5, False, "5")]),
    ("idiom without a measure word", "伤敌一千自损八百", [("number", 1000, 1000, 1000, False, "一千"),
                                                      ("number", 800, 800, 800, False, "八百")]),
    ("no figure in 万一", "万一下雨", []),
    ("empty", "", []),
]


def _read(quantities, text):
    return [(q.kind, _round(q.value), _round(q.low), _round(q.high), q.firm, text[q.start:q.end]) for q in quantities]


def _round(value: float) -> float:
    return float(f"{value:.9g}")


def _rounded(expected):
    return [(kind, _round(v), _round(lo), _round(hi), firm, span) for kind, v, lo, hi, firm, span in expected]


@pytest.mark.parametrize("text,expected", [c[1:] for c in ZH], ids=[c[0] for c in ZH])
def test_chinese_quantities(text, expected):
    assert _read(zh_quantities(text), text) == _rounded(expected)


EN = [
    ("billion", "12.8 billion yuan", [("number", 128e8, 128e8, 128e8, True, "12.8 billion")]),
    ("glued bn after a currency", "$5bn", [("number", 5e9, 5e9, 5e9, True, "$5bn")]),
    ("5m alone is metres", "a 5m wall", [("number", 1, 1, 1, False, "a"), ("code", 5, 5, 5, False, "5")]),
    ("more than", "more than 5 million", [("number", 5e6, 5e6, 6e6, True, "more than 5 million")]),
    ("words", "twenty-five", [("number", 25, 25, 25, False, "twenty-five")]),
    ("a scale word", "a million", [("number", 1e6, 1e6, 1e6, False, "a million")]),
    ("and a half", "two and a half million", [("number", 2.5e6, 2.5e6, 2.5e6, False, "two and a half million")]),
    ("hundreds of", "hundreds of", [("number", 200, 200, 1000, False, "hundreds")]),
    ("range shares the scale", "3 to 5 million", [("number", 3e6, 3e6, 3e6, True, "3"),
                                                 ("number", 5e6, 5e6, 5e6, True, "5 million")]),
    ("ordinal word", "the fifth month", [("ordinal", 5, 5, 5, False, "fifth")]),
    ("ordinal digits", "14th", [("ordinal", 14, 14, 14, True, "14th")]),
    ("decade", "the '80s", [("decade", 1980, 1980, 1980, True, "the '80s")]),
    ("generation", "post-90s", [("decade", 1990, 1990, 1990, True, "post-90s")]),
    ("percent word", "30 per cent", [("percent", 30, 30, 30, True, "30 per cent")]),
    ("percentage points", "3.5 percentage points", [("percent", 3.5, 3.5, 3.5, True, "3.5 percentage points")]),
    ("date", "December 12th, 2023", [("date", 1212, 1212, 1212, True, "December 12th, 2023"),
                                     ("year", 2023, 2023, 2023, True, "2023")]),
    ("year after dots", "......2023 soon after", [("year", 2023, 2023, 2023, True, "2023")]),
    ("model name", "the Hwasong-17 missile", [("code", 17, 17, 17, False, "17")]),
    ("list of digits", "[1,1]", [("number", 1, 1, 1, True, "1"), ("number", 1, 1, 1, True, "1")]),
    ("empty", "", []),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in EN], ids=[c[0] for c in EN])
def test_english_quantities(text, expected):
    assert _read(en_quantities(text), text) == _rounded(expected)


ANCHORS = [
    ("scaled figure", "营收128亿元", "revenue of 12.8 billion yuan", {"number:12800000000.0"}),
    ("date", "12月12日上午", "on the morning of December 12", {"date:1212"}),
    ("a code is no anchor", "5G基站", "5G base stations", {"lat:5g"}),
    ("a word is no anchor", "两岸一起", "both sides together, as one", set()),
]


@pytest.mark.parametrize("zh,en,shared", [c[1:] for c in ANCHORS], ids=[c[0] for c in ANCHORS])
def test_number_anchors_are_firm_figures_keyed_by_value(zh, en, shared):
    assert set(zh_anchors(zh, None)) & set(en_anchors(en, None)) == shared
    assert set(zh_anchors(zh, None)) == shared


GLOSSARY = GlossaryMatcher((Term("五莲县政府", "Wulian County Government", "organization", ("Wulian Government",)),
                            Term("五莲", "Wulian", "place")))


@pytest.mark.parametrize("english, found", [
    ("The Wulian County Government approved it.", True),
    ("The Wulian County  Government's plan was approved.", True),  # spacing and possessive, as the checks read it
    ("The wulian county government approved it.", True),
    ("The Wulian Government approved it.", True),  # a forbidden variant is still this term translated
    ("The Wuliang County Governments office", False),  # another word
    ("The county approved it.", False),
])
def test_the_aligner_anchors_glossary_terms_as_the_checks_find_them(english, found):
    """The aligner's glossary anchors come from the checks' own matcher (workbench/glossary/matcher.py):
    a rendering the checks see is a shared anchor, the longest Chinese term wins (五莲县政府, not 五莲)."""
    zh = zh_anchors("五莲县政府批准了该计划。", GLOSSARY)
    assert zh["g:五莲县政府"] == 1 and "g:五莲" not in zh
    assert ("g:五莲县政府" in en_anchors(english, GLOSSARY)) is found
