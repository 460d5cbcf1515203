"""The credit line of a news story, read from Chinese and recognised in English (workbench.text.dateline)."""

from __future__ import annotations

import pytest

from workbench.text.dateline import english_credit, read_credit

# Chinese paragraph, the credit read (None: there is none), its outlet, its reporters, whether it ends a title
CHINESE = [
    ("新华社台北2月11日电(记者赵博、黄扬)出口贸易额“连五黑”", "新华社台北2月11日电", "新华社", ("赵博", "黄扬"), False),
    ("中新网2月11日电据“深圳工信”微信公众号10日消息", "中新网2月11日电", "中新网", (), False),
    ("（德国之声中文网）拜登政府本周五将6个中国实体列入黑名单。", "德国之声中文网", "德国之声中文网", (), False),
    ("（综合11日电）新加坡旅游局近日公布", "综合11日电", "", (), False),
    ("央视网消息：种植牙是很多缺牙患者的理想选择", "央视网消息", "央视网", (), False),
    ("越通社河内——越通社特派记者报道，在访问文莱期间", "越通社河内", "越通社", (), False),
    ("美国升级“芯片战”重创全球半导体产业-中新网", "中新网", "中新网", (), True),
    ("2月10日，中国理财网发布首批个人养老金理财产品名单", None, "", (), False),  # a date, not a credit
    ("周六(2月11日)，法国工会再次发起全国动员", None, "", (), False),
    ("据美联社报道，在加济安泰普省的重灾区", None, "", (), False),  # a cited source inside the story
    ("", None, "", (), False),
]


@pytest.mark.parametrize("chinese,credit,outlet,reporters,in_title", CHINESE, ids=[c[0][:12] for c in CHINESE])
def test_read_credit(chinese, credit, outlet, reporters, in_title):
    found = read_credit(chinese)
    if credit is None:
        assert found is None
        return
    assert (found.text, found.outlet, found.reporters, found.in_title) == (credit, outlet, reporters, in_title)
    assert chinese[found.start:found.start + len(found.text)] == found.text


# English paragraph, whether the Chinese credit's place holds one (a title is judged at its end)
ENGLISH = [
    ("TAIPEI, Feb. 11 (Xinhua) -- Export trade fell for a fifth month.", False, True),
    ("(Deutsche Welle) Days after the earthquake, hope is fading.", False, True),
    ("HANOI – Prime Minister Pham Minh Chinh visited Brunei.", False, True),
    ("CCTV News: Dental implants are the ideal choice.", False, True),
    ("The Biden administration on Friday - a day after the vote - acted.", False, False),  # an aside, not a dateline
    ("The Singapore Tourism Board recently announced a rebound.", False, False),
    ("U.S. escalates chip war - chinanews.com", True, True),
    ("U.S. escalates chip war, hitting the global industry hard", True, False),
]


@pytest.mark.parametrize("english,in_title,expected", ENGLISH, ids=[e[0][:20] for e in ENGLISH])
def test_english_credit(english, in_title, expected):
    assert english_credit(english, in_title) is expected
