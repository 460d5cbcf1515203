"""Sentence segmentation: rules as data, offsets exact, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.errors import UserError
from workbench.model import SourceText
from workbench.text.paragraphs import paragraph_spans
from workbench.segment import segment
from workbench.segment.rules import load_rules


def sentences(text: str, language: str, rules=None) -> list[str]:
    return [s.text for s in segment(SourceText(text, paragraph_spans(text)), language, rules).sentences]


ZH_CASES = [
    ("full stop", "双方签约。随后参观。", ["双方签约。", "随后参观。"]),
    ("question and exclamation", "真的吗？太好了！我们走。", ["真的吗？", "太好了！", "我们走。"]),
    ("closing quote stays", "他说：“我们要加快发展。”随后离开。", ["他说：“我们要加快发展。”", "随后离开。"]),
    ("closing bracket stays", "项目已开工（见附件。）下一步是验收。", ["项目已开工（见附件。）", "下一步是验收。"]),
    ("corner quotes", "她说：「好的。」然后走了。", ["她说：「好的。」", "然后走了。"]),
    ("ellipsis", "发展很快……我们很高兴。", ["发展很快……", "我们很高兴。"]),
    ("decimal and wan", "增长3.5%，达1.2万人。", ["增长3.5%，达1.2万人。"]),
    ("5G and dates", "2023年12月12日，5G基站开通。", ["2023年12月12日，5G基站开通。"]),
    ("latin words", "使用Wi-Fi 6和ICT技术。好。", ["使用Wi-Fi 6和ICT技术。", "好。"]),
    ("semicolon does not break by default", "一是加强领导；二是落实责任。", ["一是加强领导；二是落实责任。"]),
    ("title without punctuation", "五征集团签署协议\n\n正文一句。", ["五征集团签署协议", "正文一句。"]),
    ("signature lines", "县政府办公室\n2024年1月22日", ["县政府办公室", "2024年1月22日"]),
    ("empty", "", []),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in ZH_CASES], ids=[c[0] for c in ZH_CASES])
def test_chinese(text, expected):
    assert sentences(text, "zh") == expected


EN_CASES = [
    ("two sentences", "It rained. We left.", ["It rained.", "We left."]),
    ("titles", "Mr. Wang met Dr. Li and Prof. Zhao.", ["Mr. Wang met Dr. Li and Prof. Zhao."]),
    ("company suffixes", "Wuzheng Co., Ltd. and Acme Inc. signed. They left.",
     ["Wuzheng Co., Ltd. and Acme Inc. signed.", "They left."]),
    ("U.S. inside", "Exports to the U.S. rose 5 percent.", ["Exports to the U.S. rose 5 percent."]),
    ("U.S. at the end", "It exported to the U.S. The firm grew.", ["It exported to the U.S.", "The firm grew."]),
    ("No. before a number", "He studied at No. 1 Middle School.", ["He studied at No. 1 Middle School."]),
    ("month abbreviation", "On Jan. 5 it opened. Next.", ["On Jan. 5 it opened.", "Next."]),
    ("e.g.", "Crops, e.g. wheat, grew. Then rain.", ["Crops, e.g. wheat, grew.", "Then rain."]),
    ("a.m. inside", "It began at 9 a.m. on Monday.", ["It began at 9 a.m. on Monday."]),
    ("initials", "J. K. Rowling wrote it. Fine.", ["J. K. Rowling wrote it.", "Fine."]),
    ("decimal", "Revenue rose 3.5 percent. Good.", ["Revenue rose 3.5 percent.", "Good."]),
    ("ellipsis lower case", "We waited... and waited. Done.", ["We waited... and waited.", "Done."]),
    ("closing quote stays", "He said: “We will win.” Then he left.", ["He said: “We will win.”", "Then he left."]),
    ("straight quote stays", 'He said "yes." Then he left.', ['He said "yes."', "Then he left."]),
    ("colon before quote", "He pointed :”5G is new. It grows.", ["He pointed :”5G is new.", "It grows."]),
    ("exclamation then lower case", "“Great!” he said.", ["“Great!” he said."]),
    ("stray quote at paragraph end", "It ends here. “", ["It ends here. “"]),
    ("signature lines", "General Office\nJanuary 22, 2024", ["General Office", "January 22, 2024"]),
    ("hard wrap in lower case", "Intro.\n\nthe county will\ncontinue to grow.", ["Intro.", "the county will\ncontinue to grow."]),
    ("a title's site domain", "Chip war hits the industry - CNN.com Recently, the U.S. acted.",
     ["Chip war hits the industry - CNN.com", "Recently, the U.S. acted."]),
    ("a title's site glued to it", "Held for 360 days-Chinanews.com The first batch sold.",
     ["Held for 360 days-Chinanews.com", "The first batch sold."]),
    ("a title's site name before an opener", "A pioneer city-China News The first batch sold.",
     ["A pioneer city-China News", "The first batch sold."]),
    ("a site name before more of the name", "A pioneer city - China News Service, Feb. 11 reported.",
     ["A pioneer city - China News Service, Feb. 11 reported."]),
    ("a dash inside a sentence", "He met Li - President Xi and others in Beijing.",
     ["He met Li - President Xi and others in Beijing."]),
    ("a title's site before the credit line", "Exports fell - China News Network Xinhua News Agency, Taipei, "
     "Feb. 11 -- Exports fell.", ["Exports fell - China News Network", "Xinhua News Agency, Taipei, Feb. 11 -- Exports fell."]),
    ("a title's site before an upper-case dateline", "A Keynote Speech-China News Service BEIJING, Feb. 11 (Xinhua) "
     "-- He spoke.", ["A Keynote Speech-China News Service", "BEIJING, Feb. 11 (Xinhua) -- He spoke."]),
    ("an opener is no part of the site's name", "Sales? - China News Service On February 11, it said so.",
     ["Sales?", "- China News Service", "On February 11, it said so."]),
    ("Ltd. before a sentence opener", "It listed Yingmen Group Co., Ltd. Before that, the White House spoke.",
     ["It listed Yingmen Group Co., Ltd.", "Before that, the White House spoke."]),
    ("Co. before a sentence opener", "It listed Aviation Group Co. This comes after a ban.",
     ["It listed Aviation Group Co.", "This comes after a ban."]),
    ("Co. before more of the name", "Wuzheng Co. Ltd. signed it.", ["Wuzheng Co. Ltd. signed it."]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in EN_CASES], ids=[c[0] for c in EN_CASES])
def test_english(text, expected):
    assert sentences(text, "en") == expected


def test_semicolon_breaks_when_configured():
    rules = load_rules("zh", options=frozenset({"semicolon"}))
    assert sentences("一是加强领导；二是落实责任。", "zh", rules) == ["一是加强领导；", "二是落实责任。"]


@pytest.mark.parametrize("table, text, expected", [
    ("action\tbefore\tafter\toption\twhy\nno-break\t\\bApprox\\.\t\\s\t\tour house style\n",
     "Approx. 300 people came. Fine.", ["Approx. 300 people came.", "Fine."]),
    ("define\tHOUSE\t(?:Approx|Abt)\nno-break\t\\b%HOUSE%\\.\t\\s\t\tour house style\n",
     "Abt. 300 people came. Approx. 20 left.", ["Abt. 300 people came.", "Approx. 20 left."]),
], ids=["a rule", "a named pattern"])
def test_user_rules_extend_and_win(tmp_path: Path, table, text, expected):
    extra = tmp_path / "extra.tsv"
    extra.write_text(table, encoding="utf-8")
    assert sentences(text, "en", load_rules("en", extra)) == expected


@pytest.mark.parametrize("table", ["break\t(unclosed\t\\s\n", "break\t%NOWHERE%\t\\s\n"], ids=["regex", "undefined-name"])
def test_bad_user_rules_are_a_user_error(tmp_path: Path, table):
    extra = tmp_path / "bad.tsv"
    extra.write_text(table, encoding="utf-8")
    with pytest.raises(UserError, match="bad.tsv: rule 1"):
        load_rules("en", extra)


def test_segments_keep_paragraph_and_offsets():
    text = "标题\n\n第一句。第二句。\n\n第三句。"
    result = segment(SourceText(text, paragraph_spans(text)), "zh")
    assert [(s.paragraph, s.text) for s in result.sentences] == [(0, "标题"), (1, "第一句。"), (1, "第二句。"), (2, "第三句。")]
    for s in result.sentences:
        assert text[s.start : s.end] == s.text


ALPHABET = st.sampled_from(list("五征集团签约。！？”“」）…；，5G3.万 \n\nabcMrDr.U.S!?\"' \u00a0\u3000\u200b"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120), st.sampled_from(["zh", "en"]))
def test_joining_segments_gives_back_the_text(text, language):
    result = segment(SourceText(text, paragraph_spans(text)), language)
    assert result.rebuild() == text
    for s in result.sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
