"""Translation memory: fuzzy matches above the threshold, best first."""

from __future__ import annotations

import pytest

from workbench.ingest.memory import TranslationMemory

MEMORY = TranslationMemory([
    ("五征集团与中国移动签署5G战略合作协议。", "Wuzheng Group and China Mobile signed a 5G strategic cooperation agreement."),
    ("五征集团与中国联通签署5G战略合作协议。", "Wuzheng Group and China Unicom signed a 5G strategic cooperation agreement."),
    ("天气很好。", "The weather is fine."),
])

CASES = [
    ("exact", "五征集团与中国移动签署5G战略合作协议。", 75, [100.0]),
    ("near", "五征集团与中国电信签署5G战略合作协议。", 75, ["China Unicom", "China Mobile"]),
    ("below the threshold", "县政府召开常务会议。", 75, []),
    ("empty", "", 0, []),
]


@pytest.mark.parametrize("source,threshold,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_lookup(source, threshold, expected):
    matches = MEMORY.lookup(source, threshold)
    if expected and isinstance(expected[0], float):
        assert [m.score for m in matches][:1] == expected
    elif expected:
        assert len(matches) == 2 and all(m.score >= threshold for m in matches)
        assert sorted(m.score for m in matches) == sorted((m.score for m in matches))
        assert {e for e in expected} == {m.target.split(" and ")[1].split(" signed")[0] for m in matches}
    else:
        assert matches == []
