"""Aligner behaviour a translator relies on: complete coverage, omissions found, confidence marks."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.gold import ALIGN_DATA
from workbench.align import align
from workbench.model import SourceText, Term
from workbench.text.paragraphs import paragraph_spans
from workbench.segment import segment


def pairs_for(zh: str, en: str, terms=()):
    source = segment(SourceText(zh, paragraph_spans(zh)), "zh")
    draft = segment(SourceText(en, paragraph_spans(en)), "en")
    return align(source, draft, terms).pairs


ZH = ("五征集团与中国移动签署5G战略合作协议。\n\n"
      "12月12日上午，签约仪式在五征会展中心举行。现场还举行了应用展示活动，吸引了300余名嘉宾参观。"
      "中国移动计划投资1.2亿元，新建5G基站260个。双方还将共建联合实验室。\n\n"
      "薛向民表示，全县12个乡镇将实现5G全覆盖。")
EN = ("Wuzheng Group and China Mobile signed a 5G strategic cooperation agreement.\n\n"
      "The signing ceremony was held at Wuzheng Convention and Exhibition Center on the morning of December 12. "
      "China Mobile plans to invest 120 million yuan to build 260 new 5G base stations. "
      "The two sides will also build a joint laboratory.\n\n"
      "Xue Xiangmin said that all 12 townships of the county will be covered by 5G.")


def test_an_omitted_sentence_becomes_a_low_confidence_1_0_pair():
    pairs = pairs_for(ZH, EN)
    omitted = [p for p in pairs if p.kind == "1-0"]
    assert [p.source for p in omitted] == ["现场还举行了应用展示活动，吸引了300余名嘉宾参观。"]
    assert omitted[0].low_confidence
    assert omitted[0].target == ""


def test_numbers_and_names_pair_sentences_correctly():
    pairs = pairs_for(ZH, EN)
    by_source = {p.source: p.target for p in pairs}
    assert by_source["中国移动计划投资1.2亿元，新建5G基站260个。"].startswith("China Mobile plans")
    assert by_source["薛向民表示，全县12个乡镇将实现5G全覆盖。"].startswith("Xue Xiangmin")


def test_a_merge_and_different_paragraph_counts():
    zh = "第一段第一句，营收达128亿元。第一段第二句，增长15.6%。\n\n第二段，五征集团在2023年成立了研究院。"
    en = ("Revenue reached 12.8 billion yuan, up 15.6 percent. "
          "In 2023, Wuzheng Group set up a research institute.")
    pairs = pairs_for(zh, en)
    assert [p.kind for p in pairs] == ["2-1", "1-1"]
    assert [p.paragraph for p in pairs] == [0, 1]


def test_glossary_pairs_are_anchors():
    zh = "蒋卫东出席。李宝军讲话。五征集团签约。"
    en = "Li Baojun spoke. Jiang Weidong attended. Wuzheng Group signed."
    terms = (Term("五征集团", "Wuzheng Group", "organization"),)
    pairs = pairs_for(zh, en, terms)
    assert pairs[-1].source == "五征集团签约。" and pairs[-1].target == "Wuzheng Group signed."


def _visible(text: str) -> str:
    return re.sub(r"\s+", "", text)


ZH_SENTENCES = st.lists(st.sampled_from(["五征集团签约。", "营收128亿元。", "蒋卫东讲话。", "天气很好！", "我们走吧？"]),
                        max_size=12)
EN_SENTENCES = st.lists(st.sampled_from(["Wuzheng signed.", "Revenue hit 12.8 billion yuan.", "Jiang Weidong spoke.",
                                         "Nice weather!", "Shall we go?"]), max_size=12)


@settings(max_examples=60, deadline=None)
@given(ZH_SENTENCES, EN_SENTENCES, st.integers(0, 3))
def test_pairs_cover_both_texts_in_order(zh_sentences, en_sentences, breaks):
    zh = "".join(zh_sentences)
    en = " ".join(en_sentences)
    if breaks and len(zh_sentences) > 2:
        zh = "".join(zh_sentences[:2]) + "\n\n" + "".join(zh_sentences[2:])
    pairs = pairs_for(zh, en)
    assert _visible("".join(p.source for p in pairs)) == _visible(zh)
    assert _visible("".join(p.target for p in pairs)) == _visible(en)
    assert all(p.source or p.target for p in pairs)
    assert [p.paragraph for p in pairs] == sorted(p.paragraph for p in pairs)


def test_refinement_never_loses_sentences_between_two_windows():
    """Found by the property above: a 3-1 bead in the second pass jumped over the join between two
    re-aligned windows, and the three Chinese sentences in between vanished from the pairs."""
    zh = "五征集团签约。蒋卫东讲话。五征集团签约。营收128亿元。" + "五征集团签约。" * 4
    en = ("Revenue hit 12.8 billion yuan. Jiang Weidong spoke. Wuzheng signed. Nice weather! "
          "Wuzheng signed. Wuzheng signed.")
    pairs = pairs_for(zh, en)
    assert _visible("".join(p.source for p in pairs)) == _visible(zh)
    assert pairs[0].src_start == 0 and pairs[-1].src_end == 8
    assert all(a.src_end == b.src_start and a.tgt_end == b.tgt_start for a, b in zip(pairs, pairs[1:]))


def test_a_compressed_translation_is_not_merged_with_its_neighbour():
    """Sentences 3 and 4 of the sample: the English of the first is far shorter than its Chinese, so by
    length the two add up to a 2-2 bead; their words say they are two pairs that do not cross. Repeated
    (as bench/align.py does), every copy must keep them apart."""
    rows = [line.split("\t") for line in (ALIGN_DATA / "sample-sentences.tsv").read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    zh = "".join(r[0] for r in rows) * 5
    en = " ".join(r[1] for r in rows * 5)
    pairs = pairs_for(zh, en)
    assert [p.kind for p in pairs] == ["1-1"] * len(rows) * 5
    assert [p.source for p in pairs[2:4]] == [rows[2][0], rows[3][0]]


def test_a_two_two_bead_whose_content_crosses_stays_one_bead():
    from workbench.align.dp import Bead
    from workbench.align.lexicon import load_lexicon
    from workbench.align.refine import WordEvidence, split_uncrossed

    # the English moves most of the second Chinese sentence (base stations, the laboratory) into its first
    zh = ["中国移动计划投资。", "双方将新建基站、共建联合实验室、培养人才。"]
    en = ["China Mobile plans to invest in new base stations and a joint laboratory.", "Both sides will train talent."]
    bead = [Bead(0, 2, 0, 2, 5.0)]
    assert split_uncrossed(bead, WordEvidence(zh, en, load_lexicon())) == bead
    # the same English, each sentence translating its own Chinese one: two pairs
    apart = ["中国移动计划投资新建基站和联合实验室。", "双方将培养人才。"]
    assert split_uncrossed(bead, WordEvidence(apart, en, load_lexicon())) == [Bead(0, 1, 0, 1, 5.0), Bead(1, 2, 1, 2, 5.0)]
