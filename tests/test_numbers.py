"""Numbers and dates reduced to values, so 128亿 meets 12.8 billion."""

from __future__ import annotations

import pytest

from workbench.numbers import en_quantities, zh_quantities

ZH = [
    ("wan with decimal", "达1.2万人", ["number:12000.0"]),
    ("yi", "营收128亿元", ["number:12800000000.0"]),
    ("five yi", "投资5亿元", ["number:500000000.0"]),
    ("qianwan", "3千万元", ["number:30000000.0"]),
    ("percent", "增长15.6%", ["percent:15.6"]),
    ("fullwidth percent", "增长15.6％", ["percent:15.6"]),
    ("percentage points", "下降3.5个百分点", ["percent:3.5"]),
    ("baifenzhi", "百分之五", ["percent:5.0"]),
    ("chinese numeral with yi", "三亿元", ["number:300000000.0"]),
    ("thousands separator", "1,300亩", ["number:1300.0"]),
    ("full date", "2023年12月12日上午", ["year:2023.0", "date:1212"]),
    ("chinese numeral date", "十二月八日", ["date:1208"]),
    ("year alone", "2023年", ["year:2023.0"]),
    ("iso date", "2019-12-18", ["year:2019.0", "date:1218"]),
    ("5G is a code", "5G基站", []),
    ("PM2.5 is a code", "PM2.5浓度", []),
    ("model number", "WZ-5200型", []),
    ("empty", "", []),
]


@pytest.mark.parametrize("text,keys", [c[1:] for c in ZH], ids=[c[0] for c in ZH])
def test_chinese_quantities(text, keys):
    assert [q.key for q in zh_quantities(text)] == keys


EN = [
    ("billion", "12.8 billion yuan", ["number:12800000000.0"]),
    ("million", "500 million", ["number:500000000.0"]),
    ("thousands separator", "12,000 people", ["number:12000.0"]),
    ("percent word", "15.6 percent", ["percent:15.6"]),
    ("percent sign", "15.6%", ["percent:15.6"]),
    ("per cent", "8.3 per cent", ["percent:8.3"]),
    ("percentage points", "3.5 percentage points", ["percent:3.5"]),
    ("month day", "March 8", ["date:308"]),
    ("day month", "8 March", ["date:308"]),
    ("ordinal with year", "December 12th, 2023", ["date:1212", "year:2023.0"]),
    ("the morning of", "the morning of December 12", ["date:1212"]),
    ("year", "in 2023", ["year:2023.0"]),
    ("dotted date", "2019.12.18", ["year:2019.0", "date:1218"]),
    ("5G is a code", "5G networks", []),
    ("empty", "", []),
]


@pytest.mark.parametrize("text,keys", [c[1:] for c in EN], ids=[c[0] for c in EN])
def test_english_quantities(text, keys):
    assert [q.key for q in en_quantities(text)] == keys


def test_spans_point_at_the_number():
    text = "营收128亿元，增长15.6%"
    assert [text[q.start:q.end] for q in zh_quantities(text)] == ["128亿", "15.6%"]
