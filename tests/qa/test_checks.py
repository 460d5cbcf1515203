"""Every QA check, table-driven: a case that fires (span and suggestion), a clean case, an edge case."""

from __future__ import annotations

import pytest

from workbench.qa.checks import CHECKS, DOCUMENT_CHECKS, DocumentContext, PairContext, check_ids
from workbench.glossary.matcher import GlossaryMatcher
from workbench.model import CATEGORIES, SEVERITIES, Pair, Term

GLOSSARY = GlossaryMatcher((
    Term("蒋卫东", "Jiang Weidong", "person", ("Jiang Wei dong", "Weidong Jiang")),
    Term("五莲县政府", "Wulian County Government", "organization", ("Wulian Government",)),
    Term("五莲", "Wulian", "place"),
    Term("五征集团", "Wuzheng Group", "organization"),
    Term("签约仪式", "signing ceremony", "term"),
))
BY_ID = {c.check_id: c for c in CHECKS + DOCUMENT_CHECKS}

# check id, source, target, expected [(text, first suggestion or None)]
CASES = [
    ("double_space", "", "China  Mobile signed.", [("  ", " ")]),
    ("double_space", "", "China \u00a0Mobile signed.", [(" \u00a0", " ")]),
    ("double_space", "", "China Mobile signed.", []),
    ("double_space", "", "", []),
    ("special_space", "", "China\u00a0Mobile", [("\u00a0", " ")]),
    ("special_space", "", "Wu\u200bzheng", [("\u200b", "")]),
    ("special_space", "", "中国\u3000移动 has no English", [("\u3000", " ")]),
    ("special_space", "", "China Mobile", []),
    ("fullwidth_punctuation", "", "Wuzheng，China Mobile。", [("，", ", "), ("。", ".")]),
    ("fullwidth_punctuation", "", "He said：“yes”", [("：", ":")]),
    ("fullwidth_punctuation", "", "the experience of everyday creation 。", [(" 。", ".")]),
    ("fullwidth_punctuation", "", "Wuzheng, China Mobile.", []),
    ("fullwidth_punctuation", "", "left 五莲，县 in Chinese", []),  # inside untranslated Chinese
    ("space_before_punctuation", "", "implementation , while", [(" ,", ",")]),
    ("space_before_punctuation", "", "He pointed :”5G", [(" :", ":")]),
    ("space_before_punctuation", "", "It ends here .", [(" .", ".")]),
    ("space_before_punctuation", "", "Ratio 3 : 2 is fine? No.", []),
    ("missing_space_after_punctuation", "", "growth,reaching 5 percent", [(",", ", ")]),
    ("missing_space_after_punctuation", "", "It rose.The firm grew.", [(".", ". ")]),
    ("missing_space_after_punctuation", "", "Visit www.wuzheng.com, or e.g. call.", []),
    ("missing_space_after_punctuation", "", "3.5 percent, 12,000 people", []),
    ("us_abbreviation", "", "The US and China signed.", [("US", "U.S.")]),
    ("us_abbreviation", "", "It moved to the US.", [("US.", "U.S.")]),
    ("us_abbreviation", "", "It cost US$5 billion; the U.S. agreed.", []),
    ("us_abbreviation", "", "US WARNS CHINA ON CHIPS", []),  # a headline in capitals
    ("us_abbreviation", "", "", []),
    ("thousands_separator", "", "held for 1080 days at 4300 yuan, 250000 species", [("1080", "1,080"), ("4300", "4,300"),
                                                                                    ("250000", "250,000")]),
    ("thousands_separator", "", "In 2023 it planned 2023-2027; 12,000 people; 3.14159", []),  # years, ranges, decimals
    ("thousands_separator", "", "Kirin 9000 chips, product No. 1095, Moutai (600519)", []),  # models and codes
    ("thousands_separator", "", "", []),
    ("unit_spacing", "", "download speeds of 500Mbps and 1.5GB/s", [("500Mbps", "500 Mbps"), ("1.5GB/s", "1.5 GB/s")]),
    ("unit_spacing", "", "5G networks at 500 Mbps, 3D maps, a 5m yacht", []),
    ("unit_spacing", "", "", []),
    ("ordinal_date", "", "On February 4th and the 11th of Feb. it rained", [("February 4th", "February 4"),
                                                                           ("the 11th of Feb.", "11 Feb.")]),
    ("ordinal_date", "", "On February 4, the 16th forum opened on 11 February.", []),
    ("ordinal_date", "", "", []),
    ("day_without_month", "朝鲜官媒9日公布影片", "State media released a video on the 9th, showing her.",
     [("the 9th", None)]),
    ("day_without_month", "（综合11日电）", "(Comprehensive report, 11th)", [("11th", None)]),
    ("day_without_month", "2月9日公布", "It was released on the 9th of February.", []),  # a whole date
    ("day_without_month", "9日举行第9次会议", "The 9th meeting was held.", []),  # an ordinal with its noun
    ("day_without_month", "", "It happened on the 9th.", []),  # nothing in the Chinese says it is a day
    ("comma_splice", "", "The investment nature is mixed, the risk level is three.", [(", the risk level", None)]),
    ("comma_splice", "", "This detection is not limited to black holes, it can also be used.", [(", it", None)]),
    ("comma_splice", "", "When demand is weak, the price is low.", []),  # a subordinate clause first
    ("comma_splice", "", "It is red, and the sky is blue.", []),
    ("comma_splice", "", "It rose, but at the same time, the death toll is rising.", []),
    ("comma_splice", "", "Beijing has five districts, the largest of which is Chaoyang.", []),
    ("comma_splice", "", "What I mean is, it is usually rolled up.", []),
    ("comma_splice", "", "", []),
    ("credit_missing", "新华社北京2月11日电 第十六届论坛在北京举办。", "The 16th forum was held in Beijing.",
     [("The 16th forum was held in Beijing.", None)]),
    ("credit_missing", "新华社北京2月11日电 第十六届论坛在北京举办。", "BEIJING, Feb. 11 (Xinhua) -- The 16th forum was held.", []),
    ("credit_missing", "（德国之声中文网）拜登政府本周五将6个中国实体列入黑名单。",
     "The Biden administration blacklisted six Chinese entities on Friday.",
     [("The Biden administration blacklisted six Chinese entities on Friday.", None)]),
    ("credit_missing", "（德国之声中文网）拜登政府本周五将6个中国实体列入黑名单。",
     "(Deutsche Welle) The Biden administration blacklisted six Chinese entities.", []),
    ("credit_missing", "经济观察网记者陈姗 基金购买渠道繁杂", "Economic Observer reporter Chen Shan: fund channels are many", []),
    ("credit_missing", "北京青年报记者看到，5只新品中4只为固收类", "A Beijing Youth Daily reporter saw that four are fixed income", []),
    ("credit_missing", "美国升级“芯片战”重创全球半导体产业-中新网", "U.S. escalates chip war, hitting chipmakers",
     [("U.S. escalates chip war, hitting chipmakers", None)]),
    ("credit_missing", "美国升级“芯片战”重创全球半导体产业-中新网", "U.S. escalates chip war - chinanews.com", []),
    ("credit_missing", "新华社台北2月11日电(记者赵博、黄扬)出口额连续下降", "TAIPEI, Feb. 11 (Xinhua) -- Exports fell.",
     [("TAIPEI, Feb. 11 (Xinhua) -- Exports fell.", None)]),  # the reporters are missing
    ("credit_missing", "新华社台北2月11日电(记者赵博、黄扬)出口额连续下降",
     "TAIPEI, Feb. 11 (Xinhua) -- (Reporters Zhao Bo, Huang Yang) Exports fell.", []),
    ("credit_missing", "2月10日，中国理财网发布首批名单", "On February 10, the list was published.", []),  # no credit line
    ("repeated_word", "", "coverage of the the county", [("the the", "the")]),
    ("repeated_word", "", "He said that that plan works.", []),
    ("repeated_word", "", "", []),
    ("repeated_word", "芳芳说。", "said Fang Fang, a post-90s girl.", []),  # a reduplicated given name
    ("repeated_word", "", "He had had enough.", []),
    ("repeated_word", "", "between a protest protest and a walkout", [("protest protest", "protest")]),
    ("repeated_word", "", "The the county grew.", [("The the", "The")]),
    ("repeated_phrase", "", "He visited the University of Bern, Bern, Bern, Bern, Bern, Bern.",
     [(", Bern, Bern, Bern, Bern, Bern", None)]),
    ("repeated_phrase", "", "the history of the people, the history of the people, the history of the people.",
     [(", the history of the people, the history of the people", None)]),
    ("repeated_phrase", "", "No, no, no, that is not what I meant.", []),  # a few repeats of a short word
    ("repeated_phrase", "", "", []),
    ("repeated_phrase", "", "他说 Bern Bern Bern Bern Bern 好", [(" Bern Bern Bern Bern", None)]),  # mixed scripts
    ("lowercase_sentence_start", "", "It grew. the county gained.", [("t", "T")]),
    ("lowercase_sentence_start", "", "It runs on iPhone. iPhone users like it.", []),
    ("lowercase_sentence_start", "", "At 9 a.m. the forum began.", []),
    ("lowercase_sentence_start", "", "\" said Fang, a girl from Guangdong.", []),  # a closing quote's attribution
    ("lowercase_sentence_start", "", "\"the plan works,\" he said.", [("t", "T")]),  # an opening quote
    ("lowercase_sentence_start", "", "(applause)", []),  # an aside in brackets
    ("chinese_in_target", "", "The 五征集团 signed.", [("五征集团", "Wuzheng Group")]),
    ("chinese_in_target", "", "It is 智慧农业 now.", [("智慧农业", None)]),
    ("chinese_in_target", "", "Wuzheng signed.", []),
    ("identical_to_source", "五征集团签约。", "五征集团签约。", [("五征集团签约。", None)]),
    ("identical_to_source", "5G", "5G", []),
    ("empty_target", "五征集团签约。", "", [("", None)]),
    ("number_mismatch", "营收128亿元。", "Revenue was 1.28 billion yuan.", [("1.28 billion", "12.8 billion")]),
    ("number_mismatch", "投资5亿元。", "It invests 50 million yuan.", [("50 million", "500 million")]),
    ("number_mismatch", "增长15.6%。", "It grew 16.5 percent.", [("16.5 percent", "15.6 percent")]),
    ("number_mismatch", "营收128亿元，达1.2万人，增长15.6%，投资5亿元。",
     "Revenue was 12.8 billion yuan for 12,000 people, up 15.6 percent, with 500 million yuan invested.", []),
    ("number_mismatch", "两个乡镇。", "Two townships.", []),
    ("number_mismatch", "新建基站260个。", "It builds new base stations.", [("It builds new base stations.", None)]),
    ("date_mismatch", "3月8日举行。", "It was held on March 18.", [("March 18", "March 8")]),
    ("date_mismatch", "3月8日举行。", "It was held on 18 March.", [("18 March", "8 March")]),
    ("date_mismatch", "12月12日上午，仪式举行。", "On the morning of December 12, the ceremony was held.", []),
    ("date_mismatch", "2023年营收增长。", "Revenue grew in 2024.", [("2024", "2023")]),
    ("latin_token_missing", "下载速率达到1000Mbps。", "The download rate reached 1,000Mbps.", []),
    ("latin_token_missing", "采用HX-300型号。", "It uses the HX300 model.", [("HX300", "HX-300")]),
    ("latin_token_missing", "建设5G网络。", "It builds networks.", [("It builds networks.", None)]),
    ("latin_token_missing", "建设5G和ICT。", "It builds 5G and ICT.", []),
    ("omitted_sentence", "五征集团签约。", "", [("", None)]),
    ("target_too_short", "签约仪式上，双方就5G网络建设、智能制造、车联网、智慧农业等领域的全方位合作达成一致意见。",
     "They agreed.", [("They agreed.", None)]),
    ("target_too_short", "双方签约。", "They signed.", []),
    ("point_of_views", "", "He shared his point of views.", [("point of views", "points of view")]),
    ("point_of_views", "", "They shared their points of view.", []),
    ("pointed_out", "", "He pointed :”5G is new", [("pointed :", "pointed out:")]),
    ("pointed_out", "", "He pointed that growth is fast.", [("pointed that", "pointed out that")]),
    ("pointed_out", "", "He pointed out that growth is fast.", []),
    ("in_the_morning_of", "", "In the morning of December 12, it rained.", [("In the morning of ", "On the morning of ")]),
    ("in_the_morning_of", "", "In the morning of 8 March, it rained.", [("In the morning of ", "On the morning of ")]),
    ("in_the_morning_of", "", "In the morning, it rained.", []),
    ("singular_were", "", "The signing ceremony between Wuzheng Group and China Mobile were held in May.",
     [("were", "was")]),
    ("singular_were", "", "The ceremony and the forum were held in May.", []),
    ("third_person_verb", "", "Jiang Weidong share his view.", [("share", "shares")]),
    ("third_person_verb", "", "He have a plan.", [("have", "has")]),
    ("third_person_verb", "", "They share a view. Will Jiang Weidong share it?", []),
    ("plural_subject_singular_verb", "", "Party organizations at all levels has done well.", [("has", "have")]),
    ("plural_subject_singular_verb", "", "The idea of dental implants is an ideal option.", []),
    ("plural_subject_singular_verb", "", "The number of people who took part in the demonstrations has fallen.",
     []),
    ("plural_subject_singular_verb", "", "", []),
    ("singular_have", "", "The flood control standard of the reservoir have been raised.", [("have", "has")]),
    ("singular_have", "", "How could the content of a consignment have been the key?", []),  # after a modal
    ("singular_have", "", "Others in the literature have controlled for poverty.", []),
    ("glossary_forbidden", "", "He met the Wulian Government officials.", [("Wulian Government", "Wulian County Government")]),
    ("glossary_forbidden", "五莲县政府", "He met the Wulian County Government.", []),
    ("glossary_term_missing", "五征集团签约。", "Wuzheng Groupe signed.", [("Wuzheng Groupe", "Wuzheng Group")]),
    ("glossary_term_missing", "五征集团签约。", "The firm signed.", [("The firm signed.", "Wuzheng Group")]),
    ("glossary_term_missing", "五征集团签约。", "Wuzheng Group's deal was signed.", []),
    ("glossary_term_missing", "五莲县政府发文。", "Wulian County Government issued it.", []),  # longest match wins
    ("glossary_term_missing", "签约仪式举行。", "Signing ceremonies were held.", []),  # case-insensitive, plural
    ("glossary_case", "五征集团", "The wuzheng group signed.", [("wuzheng group", "Wuzheng Group")]),
    ("glossary_case", "五征集团", "The Wuzheng Group signed.", []),
    ("name_spelling", "蒋卫东讲话。", "Jiang Wei dong spoke.", [("Jiang Wei dong", "Jiang Weidong")]),
    ("name_spelling", "蒋卫东讲话。", "Jiang Weidon spoke.", [("Jiang Weidon", "Jiang Weidong")]),
    ("name_spelling", "蒋卫东讲话。", "Weidong Jiang spoke.", [("Weidong Jiang", "Jiang Weidong")]),
    ("name_spelling", "刘晓梅讲话。", "Liu Xiao Mei spoke.", [("Liu Xiao Mei", "Liu Xiaomei")]),  # not in the glossary
    ("name_spelling", "刘晓梅讲话。", "Liu Xiaomie spoke.", [("Liu Xiaomie", "Liu Xiaomei")]),
    ("name_spelling", "曾强讲话。", "Zeng Qiang spoke.", []),  # polyphonic surname read right
    ("name_spelling", "蒋卫东讲话。", "Jiang Weidong spoke.", []),
    ("name_spelling", "何立峰出席。", "He Lifeng attended.", []),
    ("name_spelling", "郑州医保局发布。", "The Zhengzhou bureau said.", []),  # a place spelt like a name run together
    ("name_spelling", "蒋卫东讲话。", "JiangWeidong spoke.", [("JiangWeidong", "Jiang Weidong")]),
    ("name_spelling", "越南政府总理范明政出席。", "Prime Minister Fan Mingzheng attended.", []),  # 明政 inside 范明政  # 立 reads li or wei: either reading is right
    ("name_spelling", "何立峰出席。", "He Li Feng attended.", [("He Li Feng", "He Lifeng")]),  # over the right "He Li"
    ("name_spelling", "何立峰出席。", "He Lifen attended.", [("He Lifen", "He Lifeng")]),
    ("name_spelling", "发言人毛宁在会上表示。", "Spokesperson Mao Ning said at the meeting.", []),  # 毛宁, then 在
    ("name_spelling", "国民党副主席夏立言访陆。", "KMT vice chairman Xia Liyang visited.", []),  # placed: not pinyin's
    ("name_romanisation", "越南政府总理范明政出席。", "Vietnamese Prime Minister Fan Mingzheng attended.",
     [("Fan Mingzheng", None)]),
    ("name_romanisation", "国民党副主席夏立言访陆。", "KMT vice chairman Xia Liyang visited.", [("Xia Liyang", None)]),
    ("name_romanisation", "新加坡旅游局体育与康养旅游执行署长王凌丽说。", "Singapore official Wang Lingli said.",
     [("Wang Lingli", None)]),
    ("name_romanisation", "越南政府总理范明政出席。", "Vietnamese Prime Minister Pham Minh Chinh attended.", []),
    ("name_romanisation", "中国驻越南大使熊波出席。", "Chinese Ambassador to Vietnam Xiong Bo attended.", []),
    ("name_romanisation", "国民党副主席夏立言传达宋涛语。", "Hsia Li-yan conveyed Song Tao's words.", []),  # not the titled
    ("name_romanisation", "蒋卫东访问越南。", "Jiang Weidong visited Vietnam.", []),
    ("to_gerund", "", "We must strive to earnestly shouldering it.", [("shouldering", "shoulder")]),
    ("to_gerund", "", "It helps in earnestly shouldering it.", []),
    ("plural_subject_singular_verb", "", "Party organizations at all levels has worked hard.", [("has", "have")]),
    ("plural_subject_singular_verb", "", "The number of applications has grown.", []),
    ("singular_have", "", "The flood control standard of the reservoir have been raised.", [("have", "has")]),
    ("singular_have", "", "The standards of the reservoir have been raised.", []),
]


def _run(check_id, source, target):
    check = BY_ID[check_id]()
    kind = "1-0" if check_id == "omitted_sentence" else "1-1"
    pair = PairContext(Pair(source, target, kind), DocumentContext(3.0, GLOSSARY))
    if hasattr(check, "check_document"):
        return [f for _, f in check.check_document([pair])]
    return list(check.check(pair))


@pytest.mark.parametrize("check_id,source,target,expected", CASES,
                         ids=[f"{c[0]}:{c[2][:30]}" for c in CASES])
def test_check(check_id, source, target, expected):
    findings = _run(check_id, source, target)
    assert [(f.text, f.suggestions[0] if f.suggestions else None) for f in findings] == expected
    for finding in findings:
        assert finding.text == target[finding.start:finding.end]
        assert finding.check == check_id


# check id, target, the one-click fix of its first finding (None: shown as a suggestion only)
FIX_CASES = [
    ("repeated_word", "coverage of the the county", "the"),
    ("repeated_word", "between a protest protest and a walkout", None),  # a content word: a person decides
    ("lowercase_sentence_start", "It grew. the county gained.", None),
    ("third_person_verb", "Jiang Weidong share his view.", None),
    ("singular_were", "The signing ceremony between Wuzheng Group and China Mobile were held in May.", None),
    ("point_of_views", "He shared his point of views.", "points of view"),
    ("in_the_morning_of", "In the morning of December 12, it rained.", "On the morning of "),
    ("double_space", "China  Mobile signed.", " "),
]


@pytest.mark.parametrize("check_id,target,fix", FIX_CASES, ids=[f"{c[0]}:{c[1][:30]}" for c in FIX_CASES])
def test_only_certain_fixes_are_one_click(check_id, target, fix):
    assert _run(check_id, "", target)[0].fix == fix


QUOTE_CASES = [
    ("colon then closing quote used to open", ["spoke at the ceremony:” the plan works.”"], [("” ", " “")]),
    ("quotation closed with an opening mark", ["He said: “We will win. “"], [(" “", "”")]),
    ("straight among curly", ["He said: “We will win.\""], [('"', "”")]),
    ("quotation over two segments is fine", ["He said: “We will win.", "We will grow.”"], []),
    ("never closed", ["He said: “We will win."], [("“", None)]),
    ("a closing mark alone in its paragraph: no direction to suggest", ["”"], [("”", None)]),
    ("bracket never opened", ["Wuzheng Rizhao) signed."], [(")", None)]),
    ("balanced straight quotes", ['He said "yes" and left.'], []),
    ("empty", [""], []),
]


@pytest.mark.parametrize("targets,expected", [c[1:] for c in QUOTE_CASES], ids=[c[0] for c in QUOTE_CASES])
def test_quote_marks(targets, expected):
    pairs = [PairContext(Pair("", t, index=i)) for i, t in enumerate(targets)]
    findings = [(i, f) for i, f in BY_ID["quote_marks"]().check_document(pairs)]
    assert [(f.text, f.suggestions[0] if f.suggestions else None) for _, f in findings] == expected
    for index, finding in findings:
        assert finding.text == targets[index][finding.start:finding.end]


def test_name_consistency_across_the_document():
    pairs = [PairContext(Pair("", "The Hengtai Industrial Park opened.")),
             PairContext(Pair("", "Firms moved into the Hengtai Industry Park.", paragraph=1, index=1))]
    findings = list(BY_ID["name_consistency"]().check_document(pairs))
    assert [(i, f.text, f.suggestions) for i, f in findings] == [(1, "Hengtai Industry Park", ())]


@pytest.mark.parametrize("first,later,expected", [
    ("Tourism to Hong Kong and Macau grew.", "Hong Kong and Macao said so.", ["Hong Kong and Macao"]),
    ("Officials of North Korea spoke.", "The North Korean media said so.", []),  # noun and adjective
    ("Kim Jong-un spoke.", "Kim Jung-ae smiled.", []),  # two people: the hyphenated tail is part of the name
    ("Kim Jong-un spoke.", "Kim Jong-il ruled.", []),  # one differing syllable is another person
    ("Wang Yi-ning spoke.", "Wang Yining smiled.", ["Wang Yining"]),  # the same name hyphenated once
    ("The Global Center opened.", "The Global Centre grew.", ["Global Centre"]),
], ids=["macao-macau", "demonym", "hyphenated-given-name", "another-syllable", "hyphenated-once", "center-centre"])
def test_name_consistency_cases(first, later, expected):
    pairs = [PairContext(Pair("", first)), PairContext(Pair("", later, paragraph=1, index=1))]
    assert [f.text for _, f in BY_ID["name_consistency"]().check_document(pairs)] == expected


NAME_DOCUMENTS = [
    ("placed in one sentence, pinyin in another", ["越南政府总理范明政出席。", "范明政总理讲话。"],
     ["Prime Minister Pham Minh Chinh attended.", "Fan Mingzheng spoke."], [(1, "name_romanisation", "Fan Mingzheng")]),
    ("a near miss of a placed name is not corrected to pinyin", ["越南政府总理范明政出席。", "范明政总理讲话。"],
     ["Pham Minh Chinh attended.", "Fan Mingeng spoke."], [(1, "name_romanisation", "Fan Mingeng")]),
    ("a mainland name is corrected", ["国家发展改革委主任何立峰出席。", "何立峰讲话。"],
     ["He Lifeng attended.", "He Li Feng spoke."], [(1, "name_spelling", "He Li Feng")]),
]


@pytest.mark.parametrize("sources,targets,expected", [c[1:] for c in NAME_DOCUMENTS], ids=[c[0] for c in NAME_DOCUMENTS])
def test_names_across_the_document(sources, targets, expected):
    pairs = [PairContext(Pair(s, t, index=i)) for i, (s, t) in enumerate(zip(sources, targets))]
    found = [(i, f.check, f.text) for check in ("name_romanisation", "name_spelling")
             for i, f in BY_ID[check]().check_document(pairs)]
    assert found == expected


@pytest.mark.parametrize("source,target,safe", [
    ("蒋卫东讲话。", "Jiang Wei dong spoke.", True),  # the glossary's rendering: certain
    ("刘晓梅讲话。", "Liu Xiao Mei spoke.", False),  # pypinyin's: polyphony and places make it a suggestion
], ids=["glossary-name", "pinyin-name"])
def test_name_spelling_fix_is_one_click_only_from_the_glossary(source, target, safe):
    assert [f.safe for f in _run("name_spelling", source, target)] == [safe]


def _omission_pairs(kind_of_middle):
    return [PairContext(Pair("王海涛介绍了项目。", "Wang Haitao introduced the project. Ma Li pledged support.")),
            PairContext(Pair("马丽表示，区里将全力做好要素保障，推动产业链上下游协同发展。", "", kind_of_middle, 0, index=1))]


def test_unpaired_target_and_shortened_translation_near_an_omission():
    added = list(BY_ID["unpaired_target"]().check(PairContext(Pair("", "Wulian is a county in Rizhao.", "0-1", 0))))
    assert [f.text for f in added] == ["Wulian is a county in Rizhao."]
    found = list(BY_ID["shortened_near_omission"]().check_document(_omission_pairs("1-0")))
    assert [(i, f.text) for i, f in found] == [(0, "Ma Li")]
    assert list(BY_ID["shortened_near_omission"]().check_document(_omission_pairs("1-1"))) == []


def test_term_rendering_consistency_uses_dictionary_senses():
    from workbench.align.lexicon import load_lexicon

    document = DocumentContext(lexicon=load_lexicon())
    pairs = [PairContext(Pair("会议在北京举行。", "The conference was held in Beijing."), document),
             PairContext(Pair("会议强调了安全。", "The meeting stressed safety.", paragraph=1, index=1), document)]
    found = list(BY_ID["term_consistency"]().check_document(pairs))
    assert [(i, f.text, f.suggestions, f.severity) for i, f in found] == [(1, "meeting", (), "info")]
    same = [pairs[0], PairContext(Pair("会议强调了安全。", "The conference stressed safety.", paragraph=1, index=1), document)]
    assert list(BY_ID["term_consistency"]().check_document(same)) == []


def test_registry_lists_every_check_once_with_a_stable_id_and_a_docstring():
    ids = check_ids()
    assert len(ids) == len(set(ids))
    assert ids[: len(CHECKS)] == sorted(ids[: len(CHECKS)])
    for check in CHECKS + DOCUMENT_CHECKS:
        assert check.check_id and check.check_id == check.check_id.lower()
        assert check.category in CATEGORIES and check.severity in SEVERITIES
        assert (check.__doc__ or "").strip(), check


def test_every_check_has_a_case_here():
    tested = {c[0] for c in CASES} | {"quote_marks", "name_consistency", "glossary_consistency", "unpaired_target",
                                      "shortened_near_omission", "term_consistency"}
    assert set(check_ids()) <= tested
