"""The source credit of a news story: who reported it, from where, when, and by whom.

Chinese news opens a story with a credit line (新华社北京2月11日电（记者赵博、黄扬）, 中新网2月11日电,
（德国之声中文网）, （综合11日电）, 央视网消息：, 越通社河内——) or ends a page title with its site
(…半导体产业-中新网). Machine drafts often drop it, and a story published without its credit misattributes
it. ``read_credit`` finds the credit in Chinese; ``english_credit`` says whether an English paragraph
opens (or a title ends) with a credit of its own, whatever words it uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.text.scripts import HAN

_OUTLET = r"(?:中文网|网站|社|网|台|报|新闻)"  # what the name of a news outlet ends with
_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
_NOT_IN_CREDIT = r"[^，。；：:！？（）()“”\"《》、\s]"
_REPORTERS = r"(?:\s*[（(]记者(?P<reporters>[^）)]{2,24})[）)])?"
_LEADS = (
    # 新华社北京2月11日电（记者赵博、黄扬）, 中新网2月11日电
    re.compile(r"^\s*(?P<credit>" + _NOT_IN_CREDIT + r"{2,24}?(?:\d{1,2}月)?" + _DAY + r"[电讯])" + _REPORTERS),
    # （德国之声中文网）, （综合11日电）, （中央社）
    re.compile(r"^\s*[（(](?P<credit>" + _NOT_IN_CREDIT + r"{2,24}?(?:" + _OUTLET + r"|" + _DAY + r"[电讯]))[）)]"),
    # 央视网消息：
    re.compile(r"^\s*(?P<credit>" + _NOT_IN_CREDIT + r"{2,16}?" + _OUTLET + r"消息)[：:，,]"),
    # 越通社河内——
    re.compile(r"^\s*(?P<credit>" + _NOT_IN_CREDIT + r"{1,16}?" + _OUTLET + _NOT_IN_CREDIT + r"{0,8}?)——"),
    # 经济观察网记者陈姗 (the two characters after 记者 may be a name, or a verb: 记者看到, 记者获悉)
    re.compile(r"^\s*(?P<credit>" + _NOT_IN_CREDIT + r"{2,16}?" + _OUTLET + r")记者(?P<byline>[" + HAN + "]{2})"),
)
_OUTLET_NAME = re.compile(r"[^\d]{1,16}?" + _OUTLET)
# a page title that ends with its site: 美国升级“芯片战”重创全球半导体产业-中新网
_TITLE_SITE = re.compile(r"[-－—–|｜]\s*(?P<credit>[^-－—–|｜，。！？]{2,30}?" + _OUTLET + r")(?:\s*[-－—–|｜][^，。]{0,20})?\s*$")
_TITLE_LENGTH = 80

# an English credit line before the story: "Taipei, Feb. 11 (Xinhua) --", "HANOI –", "CCTV News:"
_EN_BRACKETED = re.compile(r"^\s*[(\[][^)\]]{2,60}[)\]]")
_EN_DASHED = re.compile(r"^(?P<lead>(?:[^.!?]|\.(?!\s+[A-Z])){2,90}?)(?:\s+--?\s*|--|\s*[—–]\s*|\s+-\s+)(?=\S)")
_EN_LABEL = re.compile(r"^\s*(?:According to\s+)?[A-Z][\w.&'-]*(?:\s+[\w.&'-]+){0,3}\s*:")
_EN_TITLE_SITE = re.compile(r"[-–—|]\s*[A-Za-z][^-–—|]{1,40}$")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_DATELINE_LOWER = frozenset("and of by from the in on at".split())  # the only small words a dateline has


@dataclass(frozen=True, slots=True)
class Credit:
    """A credit line in Chinese: its span, the outlet part, the reporters' names (if any), a title's site.

    ``byline`` is what follows an unbracketed 记者: a name (陈姗) or a verb (看到); it is evidence when the
    English spells it, never a finding when it does not."""

    start: int
    end: int
    text: str
    reporters: tuple[str, ...] = ()
    in_title: bool = False
    byline: str = ""

    @property
    def outlet(self) -> str:
        """The outlet's name alone (新华社 of 新华社北京2月11日电), without the place and date; "" for 综合11日电."""
        match = _OUTLET_NAME.match(self.text)
        return match.group() if match else ""


def read_credit(chinese: str) -> Credit | None:
    """The credit line that opens ``chinese`` (or ends it, for a page title), or None."""
    for pattern in _LEADS:
        match = pattern.match(chinese)
        if match:
            groups = match.groupdict()
            reporters = tuple(n for n in re.split(r"[、，,\s]+", groups.get("reporters") or "") if n)
            return Credit(match.start("credit"), match.end(), match.group("credit"), reporters,
                          byline=groups.get("byline") or "")
    title = chinese.strip()
    if len(title) <= _TITLE_LENGTH and "。" not in title:
        match = _TITLE_SITE.search(chinese)
        if match:
            return Credit(match.start("credit"), match.end(), match.group("credit"), (), True)
    return None


def english_credit(english: str, in_title: bool = False) -> bool:
    """Whether the English has a credit line of its own in the place the Chinese has one."""
    if in_title:
        return bool(_EN_TITLE_SITE.search(english.rstrip()))
    if _EN_BRACKETED.match(english) or _EN_LABEL.match(english):
        return True
    dashed = _EN_DASHED.match(english)
    # a dateline is names, a date and an agency: few small words ("and", "of"), no verbs or nouns in lower case
    small = _LOWER_WORD.findall(dashed.group("lead")) if dashed else []
    return bool(dashed) and len(small) <= 3 and set(small) <= _DATELINE_LOWER
