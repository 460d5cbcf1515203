"""Where the source places a person: names whose English spelling is not their Mandarin pinyin.

Chinese news writes foreign people in Chinese characters (越南政府总理范明政 is Pham Minh Chinh) and
Taiwan, Hong Kong and Macao people by their own characters but not by mainland pinyin (夏立言 is Hsia
Li-yan, 李家超 is John Lee). For such a person the pinyin of the characters is the one spelling that is
certainly wrong, so the name checks must neither demand it nor offer it as a fix. The source says so
in a fixed pattern: a place, a title, the name ("新加坡旅游局……署长王凌丽").
"""

from __future__ import annotations

import re

from workbench.glossary.names import name_candidates
from workbench.text.scripts import HAN

# Places whose people are not written in mainland pinyin: Taiwan, Hong Kong, Macao (and their parties
# and governments), and countries, with the Sino-xenic ones (Vietnam, Korea, Japan) first.
PLACES = ("台湾", "台北", "国民党", "民进党", "民众党", "香港", "港府", "澳门",
          "越南", "朝鲜", "韩国", "日本", "新加坡", "马来西亚", "泰国", "印尼", "缅甸", "柬埔寨", "菲律宾",
          "美国", "英国", "法国", "德国", "俄罗斯", "意大利", "西班牙", "加拿大", "澳大利亚", "新西兰",
          "印度", "巴西", "墨西哥", "荷兰", "比利时", "瑞士", "瑞典", "挪威", "芬兰", "丹麦", "波兰",
          "乌克兰", "土耳其", "伊朗", "以色列", "埃及", "南非", "阿根廷", "智利", "文莱", "老挝")
# A person is named after a title: the place, then up to this many characters of title, then the name.
TITLES = ("总统", "副总统", "总理", "首相", "主席", "部长", "外长", "大臣", "大使", "议员", "议长", "市长",
          "州长", "省长", "署长", "局长", "司长", "主任", "书记", "夫人", "国王", "女王", "王子", "公主",
          "总裁", "董事长", "会长", "院长", "校长", "教授", "发言人", "代表", "官员", "领导人", "委员",
          "行政长官", "特首", "主委", "顾问", "选手", "球员", "演员", "歌手", "导演", "作家")
MAX_TITLE = 16
# A place right after one of these is where a Chinese person went or is posted (中国驻越南大使), not
# where the person is from.
_NOT_ORIGIN = set("驻访赴抵在到往")
_PLACE = re.compile("|".join(sorted(PLACES, key=len, reverse=True)))
_TITLE_GAP = re.compile(f"[{HAN}]{{0,{MAX_TITLE}}}")


def placed_names(source: str) -> dict[str, str]:
    """Candidate names (both lengths at a position) the source places in one of ``PLACES``: name -> place."""
    candidates = dict(name_candidates(source))
    placed: dict[str, str] = {}
    for match in _PLACE.finditer(source):
        if match.start() > 0 and source[match.start() - 1] in _NOT_ORIGIN:
            continue
        gap = _TITLE_GAP.match(source, match.end()).group()
        for cut in range(len(gap) + 1):  # the shortest title that a name follows
            title = gap[:cut]
            if (not title or title.endswith(TITLES)) and "的" not in title and "驻" not in title:
                names = candidates.get(match.end() + cut)
                if names:
                    placed.update((name, match.group()) for name in names)
                    break
    return placed
