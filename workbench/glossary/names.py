"""Personal names written wrongly in English: split ("Jiang Wei dong"), misspelt ("Jiang Weidon")
or reordered ("Weidong Jiang"), judged against the standard pinyin spelling of the Chinese name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from workbench.text.pinyin import name_spellings
from workbench.text.scripts import is_han

_TOKEN = re.compile(r"[A-Za-z]+")
# The most common Chinese surnames; a name not in the glossary is only looked for after one of these.
SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
               "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
               "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
               "单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦"
               "麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖"
               "巩明佘池查麻苑迟邝")


@dataclass(frozen=True, slots=True)
class NameProblem:
    start: int
    end: int
    written: str
    expected: str
    kind: str  # "split" | "reordered" | "misspelt"


@lru_cache(maxsize=512)
def _windows(target: str) -> dict[str, list[tuple[int, int, str, str, int]]]:
    """Runs of one to four adjacent words starting with a capital, indexed by their first two letters:
    (start, end, written, joined lower-case letters, number of words)."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(target)]
    index: dict[str, list] = {}
    for first in range(len(tokens)):
        if not tokens[first][2][0].isupper():
            continue
        for size in (1, 2, 3, 4):
            window = tokens[first : first + size]
            if len(window) < size or not _adjacent(target, window):
                break
            start, end = window[0][0], window[-1][1]
            joined = "".join(t[2] for t in window).lower()
            index.setdefault(joined[:2], []).append((start, end, target[start:end], joined, size))
    return index


def name_problems(target: str, spellings) -> list[NameProblem]:
    """Windows of the target that are a wrong form of one of ``spellings`` (all of one person).

    A window written exactly as one of the spellings is right, and a near miss overlapping it is no
    problem: 立 reads li or wei, so "He Lifeng" is not a misspelt "He Weifeng", and 毛宁在 is 毛宁 before
    在, so "Mao Ning said" is not a misspelt "Mao Ningzai". Only a window whose letters are exactly a
    longer spelling ("Jiang Wei dong" for 蒋卫东, over the right "Jiang Wei" of 蒋卫) still counts.
    """
    if not spellings:
        return []
    windows = _windows(target)
    right = [(s, e) for s, e, _ in exact_windows(target, spellings)]
    candidates = []
    for expected in spellings:
        surname, given = expected.lower().split(" ", 1)
        for window in windows.get(surname[:2], []) + windows.get(given[:2], []):
            start, end, written, joined, size = window
            kind = _compare(written, joined, expected, size)
            if not kind or (start, end) in right:
                continue
            if kind != "split" and any(start < e and s < end for s, e in right):
                continue
            candidates.append((start, _rank(kind), -(end - start), NameProblem(start, end, written, expected, kind)))
    problems: list[NameProblem] = []
    for _, _, _, problem in sorted(candidates, key=lambda c: c[:3]):
        if problems and problem.start < problems[-1].end:
            continue
        problems.append(problem)
    return problems


def exact_windows(target: str, spellings) -> list[tuple[int, int, str]]:
    """Where the target writes the name exactly as one of ``spellings``: (start, end, written).

    A window that a hyphen continues is part of a longer name ("Li Xue" of "Li Xue-ju"), not this one.
    """
    windows = _windows(target)
    found = []
    for expected in spellings:
        for start, end, written, _, _ in windows.get(expected[:2].lower(), []):
            if "-" in (target[end : end + 1], target[max(start - 1, 0) : start]):
                continue
            if written == expected and (start, end, written) not in found:
                found.append((start, end, written))
    return sorted(found)


def _compare(written: str, joined: str, expected: str, size: int) -> str | None:
    surname, given = expected.split(" ", 1)
    canonical = (surname + given).lower()
    if written == expected:
        return None
    if joined == canonical and size >= 2:
        return "split"
    if joined == (given + surname).lower() and size == 2:
        return "reordered"
    if joined == canonical and size == 1:
        # "JiangWeidong" run together; one ordinary word is a place or a firm spelt like a name
        # (郑州 "Zhengzhou", 华为 "Huawei"), not a person
        return "split" if any(c.isupper() for c in written[1:]) else None
    limit = 1 if len(canonical) < 8 else 2
    if len(canonical) >= 6 and size in (2, 3) and written.split()[0].lower() == surname.lower():
        if 0 < Levenshtein.distance(joined, canonical) <= limit:
            return "misspelt"
    return None


def _rank(kind: str) -> int:
    return {"split": 0, "reordered": 1, "misspelt": 2}[kind]


def _adjacent(text: str, window) -> bool:
    """Tokens of one name are separated by a single space or hyphen only."""
    return all(text[a[1] : b[0]] in (" ", "-") for a, b in zip(window, window[1:]))


def chinese_names(source: str) -> list[str]:
    """Two- and three-character windows that start with a common surname: candidate personal names."""
    return [name for _, names in name_candidates(source) for name in names]


def name_candidates(source: str) -> list[tuple[int, tuple[str, ...]]]:
    """Per position of a common surname, the three- and two-character names that may start there.

    Both are one person: 毛宁在 is 毛宁 followed by 在, 陈姗基 is 陈姗 followed by 基金, and which one it
    is shows only in the English.
    """
    found = []
    for index, char in enumerate(source):
        if char in SURNAMES:
            names = tuple(candidate for length in (3, 2)
                          if len(candidate := source[index : index + length]) == length
                          and all(map(is_han, candidate)))
            if names:
                found.append((index, names))
    return found


def spellings_of(chinese: str) -> list[str]:
    return name_spellings(chinese)
