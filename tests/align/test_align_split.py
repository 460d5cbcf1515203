"""Run-on sentences: a headline pasted into the next sentence is cut where the other language shows
the boundary, and a translator's own split or merge is left as it is."""

from __future__ import annotations

import pytest

from workbench.align import align
from workbench.align.lexicon import load_lexicon
from workbench.align.split import singular, word_keys, zh_allowed
from workbench.model import SourceText
from workbench.text.paragraphs import paragraph_spans
from workbench.segment import segment


def aligned(zh: str, en: str):
    return align(segment(SourceText(zh, paragraph_spans(zh)), "zh"), segment(SourceText(en, paragraph_spans(en)), "en"))


CASES = [
    ("English headline with its site credit runs into the body",
     "五征集团与中国移动签署5G战略合作协议-中新网12月12日，五征集团与中国移动日照分公司在五征会展中心举行签约仪式。"
     "中国移动计划投资1.2亿元。",
     "Wuzheng Group and China Mobile sign 5G strategic cooperation agreement-Chinanews.com On December 12, Wuzheng "
     "Group and China Mobile Rizhao held a signing ceremony at the Wuzheng Convention Center. China Mobile plans to "
     "invest 120 million yuan.",
     [("1-1", "五征集团与中国移动签署5G战略合作协议-中新网",
       "Wuzheng Group and China Mobile sign 5G strategic cooperation agreement-Chinanews.com"),
      ("1-1", "12月12日，五征集团与中国移动日照分公司在五征会展中心举行签约仪式。",
       "On December 12, Wuzheng Group and China Mobile Rizhao held a signing ceremony at the Wuzheng Convention Center."),
      ("1-1", "中国移动计划投资1.2亿元。", "China Mobile plans to invest 120 million yuan.")]),
    ("Chinese headline without punctuation runs into the body",
     "五征集团签署5G战略合作协议双方将在五征会展中心共建联合实验室。中国移动计划投资1.2亿元。",
     "Wuzheng Group signs 5G strategic cooperation agreement. The two sides will jointly build a laboratory at the "
     "Wuzheng Convention Center. China Mobile plans to invest 120 million yuan.",
     [("1-1", "五征集团签署5G战略合作协议", "Wuzheng Group signs 5G strategic cooperation agreement."),
      ("1-1", "双方将在五征会展中心共建联合实验室。",
       "The two sides will jointly build a laboratory at the Wuzheng Convention Center."),
      ("1-1", "中国移动计划投资1.2亿元。", "China Mobile plans to invest 120 million yuan.")]),
    ("a headline runs into the body with no mark on either side",
     "五征集团与中国移动签署5G战略合作协议双方将在五征会展中心共建联合实验室。中国移动计划投资1.2亿元。",
     "Wuzheng Group and China Mobile sign 5G strategic cooperation agreement The two sides will jointly build a "
     "laboratory at the Wuzheng Convention Center. China Mobile plans to invest 120 million yuan.",
     [("1-1", "五征集团与中国移动签署5G战略合作协议",
       "Wuzheng Group and China Mobile sign 5G strategic cooperation agreement"),
      ("1-1", "双方将在五征会展中心共建联合实验室。",
       "The two sides will jointly build a laboratory at the Wuzheng Convention Center."),
      ("1-1", "中国移动计划投资1.2亿元。", "China Mobile plans to invest 120 million yuan.")]),
    ("a headline whose content sits in single characters (鱼, 虾) is cut from the body",
     "市民排队买鱼虾菜市场里人头攒动，摊主们忙个不停。",
     "Residents queue to buy fish and shrimp The vegetable market was crowded, and the stall owners were busy.",
     [("1-1", "市民排队买鱼虾", "Residents queue to buy fish and shrimp"),
      ("1-1", "菜市场里人头攒动，摊主们忙个不停。", "The vegetable market was crowded, and the stall owners were busy.")]),
    ("a headline whose words come back in the body is cut where each piece holds its own share of them",
     "日照限制港口建设据日照日报报道，日照今年将投资十亿元加强港口建设。",
     "Rizhao limits port construction According to Rizhao Daily, Rizhao will invest one billion yuan this year to "
     "strengthen port construction.",
     [("1-1", "日照限制港口建设", "Rizhao limits port construction"),
      ("1-1", "据日照日报报道，日照今年将投资十亿元加强港口建设。",
       "According to Rizhao Daily, Rizhao will invest one billion yuan this year to strengthen port construction.")]),
    ("a bracketed dateline that opens both sentences is a pair of its own",
     "（日照12日电）五征集团与中国移动签署5G战略合作协议。中国移动计划投资1.2亿元。",
     "(Rizhao, 12th) Wuzheng Group and China Mobile signed a 5G strategic cooperation agreement. China Mobile "
     "plans to invest 120 million yuan.",
     [("1-1", "（日照12日电）", "(Rizhao, 12th)"),
      ("1-1", "五征集团与中国移动签署5G战略合作协议。",
       "Wuzheng Group and China Mobile signed a 5G strategic cooperation agreement."),
      ("1-1", "中国移动计划投资1.2亿元。", "China Mobile plans to invest 120 million yuan.")]),
    ("a headline that ends on a quoted name runs into the body: cut after the closing quote on both sides",
     "五征集团推出智能农机拓展“智慧农业”中国移动日照分公司将为其提供5G网络支持。",
     'Wuzheng Group launches intelligent farm machinery to expand "Smart Agriculture" China Mobile Rizhao will '
     'provide it with 5G network support.',
     [("1-1", "五征集团推出智能农机拓展“智慧农业”",
       'Wuzheng Group launches intelligent farm machinery to expand "Smart Agriculture"'),
      ("1-1", "中国移动日照分公司将为其提供5G网络支持。", "China Mobile Rizhao will provide it with 5G network support.")]),
    ("a quoted name inside a sentence stays in it",
     "他说“智慧农业”是五征集团的未来。", 'He said "Smart Agriculture" is the future of Wuzheng Group.',
     [("1-1", "他说“智慧农业”是五征集团的未来。", 'He said "Smart Agriculture" is the future of Wuzheng Group.')]),
    ("an untranslated headline word is passed over to the Chinese sentence opener (周六) after it",
     "五征集团扩大农机生产规模盛况空前周六(12月12日)，五征集团在日照宣布新建三条生产线。",
     "Wuzheng Group expands farm machinery production on a large scale On Saturday (December 12), Wuzheng Group "
     "announced three new production lines in Rizhao.",
     [("1-1", "五征集团扩大农机生产规模盛况空前", "Wuzheng Group expands farm machinery production on a large scale"),
      ("1-1", "周六(12月12日)，五征集团在日照宣布新建三条生产线。",
       "On Saturday (December 12), Wuzheng Group announced three new production lines in Rizhao.")]),
    ("a bracket inside a sentence stays in it",
     "五征集团（日照）与中国移动签署协议。",
     "Wuzheng Group (Rizhao) and China Mobile signed an agreement.",
     [("1-1", "五征集团（日照）与中国移动签署协议。", "Wuzheng Group (Rizhao) and China Mobile signed an agreement.")]),
    ("an unpunctuated sentence with a name inside stays whole",
     "五征集团董事长蒋卫东在五征会展中心会见了中国移动日照分公司总经理。",
     "Wuzheng Group Chairman Jiang Weidong met the general manager of China Mobile Rizhao at the Wuzheng "
     "Convention Center.",
     [("1-1", "五征集团董事长蒋卫东在五征会展中心会见了中国移动日照分公司总经理。",
       "Wuzheng Group Chairman Jiang Weidong met the general manager of China Mobile Rizhao at the Wuzheng "
       "Convention Center.")]),
    ("a comma-joined English sentence stays one pair",
     "五征集团在日照举行签约仪式，双方将共建联合实验室。中国移动计划投资1.2亿元。",
     "Wuzheng Group held a signing ceremony in Rizhao and the two sides will jointly build a laboratory. China "
     "Mobile plans to invest 120 million yuan.",
     [("1-1", "五征集团在日照举行签约仪式，双方将共建联合实验室。",
       "Wuzheng Group held a signing ceremony in Rizhao and the two sides will jointly build a laboratory."),
      ("1-1", "中国移动计划投资1.2亿元。", "China Mobile plans to invest 120 million yuan.")]),
    ("a translator's split at a comma stays one Chinese sentence",
     "根据协议，双方将在5G网络建设、智能制造等领域开展全方位合作，中国移动计划投资1.2亿元新建基站260个。",
     "Under the agreement, the two sides will cooperate in 5G network construction and intelligent manufacturing. "
     "China Mobile plans to invest 120 million yuan in 260 new base stations.",
     [("1-2", "根据协议，双方将在5G网络建设、智能制造等领域开展全方位合作，中国移动计划投资1.2亿元新建基站260个。",
       "Under the agreement, the two sides will cooperate in 5G network construction and intelligent manufacturing. "
       "China Mobile plans to invest 120 million yuan in 260 new base stations.")]),
    ("a translator's merge with 'and' stays one English sentence",
     "蒋卫东出席签约仪式。李宝军讲话。",
     "Jiang Weidong attended the signing ceremony and Li Baojun spoke.",
     [("2-1", "蒋卫东出席签约仪式。李宝军讲话。", "Jiang Weidong attended the signing ceremony and Li Baojun spoke.")]),
]


@pytest.mark.parametrize("zh,en,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_run_on_sentences(zh, en, expected):
    assert [(p.kind, p.source, p.target) for p in aligned(zh, en).pairs] == expected


@pytest.mark.parametrize("zh,en", [c[1:3] for c in CASES[:3]], ids=[c[0] for c in CASES[:3]])
def test_cut_segmentations_still_give_back_the_documents(zh, en):
    alignment = aligned(zh, en)
    assert alignment.source.rebuild() == zh and alignment.draft.rebuild() == en
    assert [s.index for s in alignment.draft.sentences] == list(range(len(alignment.draft.sentences)))
    for pair in alignment.pairs:  # every pair's indexes point at the segments that hold its text
        segments = alignment.draft.sentences[pair.tgt_start:pair.tgt_end]
        assert " ".join(s.text for s in segments) == pair.target


@pytest.mark.parametrize("sentence", ["最短可持有360天个人养老金产品上线", "7家机构的7只产品可选"])
def test_no_chinese_cut_between_a_figure_and_its_unit(sentence):
    allowed = zh_allowed(sentence, load_lexicon())(0, len(sentence))
    assert not [p for p in allowed if sentence[p - 1].isdigit()]


@pytest.mark.parametrize("plural,expected", [("chips", "chip"), ("holds", "hold"), ("companies", "company"),
                                             ("policies", "policy"), ("boxes", "boxe"), ("news", "new"),
                                             ("business", "business"), ("status", "status"), ("shoes", "shoe")])
def test_english_plurals_meet_their_singular(plural, expected):
    assert singular(plural) == expected


def test_an_english_plural_partners_a_singular_gloss():
    assert "chip" in word_keys("chips") and "hold" in word_keys("holds")
