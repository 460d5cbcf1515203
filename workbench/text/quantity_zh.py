"""Quantities as Chinese writes them: 1.2万, 一百二十三, 500多万, 数百, 3至5, 百分之五, 七成, 两倍,
翻一番, 第十四届, 80年代, 90后, 2023年初, 3月上旬, 11日, and model names (火星-17, Mate 60) that are names."""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.text.quantity import Quantity, bounded, exact, vague
from workbench.text.quantity import free as _free, numeric_dates as _numeric_dates, take as _take

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％－～", "0123456789.%-~")
DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SCALES = {"十": 10, "百": 100, "千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8,
          "十亿": 1e9, "百亿": 1e10, "千亿": 1e11, "万亿": 1e12}

_D = "[一二两三四五六七八九]"
_SECTION = re.compile(rf"(?:(?P<q>{_D})千)?(?:(?P<z1>零)?(?P<b>{_D})百)?(?:(?P<z2>零)?(?P<s>{_D})?(?P<ten>十))?"
                      rf"(?:(?P<z3>零)?(?P<g>{_D}))?")


def _section(text: str) -> float | None:
    """一千二百三十四 -> 1234; 三千五 -> 3500 (a digit right after 千 or 百 is the next place down)."""
    match = _SECTION.fullmatch(text)
    if not text or match is None:
        return None
    value = sum(DIGITS[match[g]] * unit for g, unit in (("q", 1000), ("b", 100)) if match[g])
    if match["ten"]:
        value += DIGITS[match["s"]] * 10 if match["s"] else 10
    if match["g"]:
        shortened = not match["z3"] and not match["ten"] and text[-2:-1] in ("千", "百")
        value += DIGITS[match["g"]] * ((1000 if text[-2] == "千" else 100) // 10 if shortened else 1)
    return float(value)


def zh_numeral(text: str, year: bool = False) -> float | None:
    """The value of a Chinese numeral (十二, 三千五百, 两万五, 三亿), or None for anything else (千千万,
    一五一十, 万一). With ``year``, digit by digit as years are written (二〇二三)."""
    if year:
        return float("".join(str(DIGITS[c]) for c in text)) if len(text) == 4 and all(
            c in DIGITS and c != "两" for c in text) else None
    total = 0.0
    rest = text
    for unit, size in (("亿", 1e8), ("万", 1e4)):
        if unit in rest:
            head, rest = rest.split(unit, 1)
            head_value = zh_numeral(head) if head else None
            if head_value is None:
                return None
            total += head_value * size
            if len(rest) == 1 and rest in DIGITS:  # 两万五 = 25,000
                return total + DIGITS[rest] * size / 10
    if not rest:
        return total if total else None
    section = _section(rest.lstrip("零"))
    return None if section is None else total + section


def _number(raw: str) -> float | None:
    digits = raw.replace(",", "").replace("，", "")
    try:
        return float(digits)
    except ValueError:
        return zh_numeral(raw)


_ARABIC = r"\d+(?:[,，]\d{3})*(?![\d])(?:\.\d+)?"
_CN = r"[〇零一二两三四五六七八九十百千万亿]+"
_DECADE = re.compile(r"(?:(?P<century>\d{2}|二十|十九)世纪)?(?P<num>\d{2,4}|[〇零一二三四五六七八九十]+)年代"
                     r"|(?<![\d.])(?P<gen>\d\d)后(?![来面续期])")
_DATE = re.compile(rf"(?:(?P<year>\d{{4}}|[〇零一二三四五六七八九]{{4}})年)?(?P<month>\d{{1,2}}|{_CN})月份?"
                   rf"(?:(?P<day>\d{{1,2}}|{_CN})[日号])?|(?<![\d月])(?P<dayonly>\d{{1,2}}|{_CN})[日号](?![子本])")
_YEAR = re.compile(r"(?<![\d.])(?:(?P<first>\d{4})(?:年)?\s*[-—–~至到]\s*)?(?P<year>\d{4}|[〇零一二三四五六七八九]{4})年")
_PER = re.compile(rf"(?P<per>百分之|千分之)(?P<num>{_ARABIC}|{_CN})")
_VAGUE = re.compile(r"(?P<cn>[一二三四五六七八九]?十)几|[几数](?P<unit>十|百|千)?(?P<scale>万|亿)?"
                    r"|成(?P<a>百|千)上(?P<b>千|万)|上(?P<up>百|千|万|亿)"
                    r"|(?P<head>[一二两三四五六七八九十百千]+万)?(?P<d1>[一二三四五六七八九])(?P<d2>[二三四五六七八九])"
                    r"(?P<u>十|百|千|万|亿)?(?=[^一二两三四五六七八九十百千万亿]|$)")
_BARE_MORE = re.compile(r"(?<![\d〇零一二两三四五六七八九十百千])(?P<unit>百|千|万)余")
_DOUBLE = re.compile(r"翻了?(?P<times>[一两二三四五]?)番")
_PRE = r"(?P<pre>大约|约|将近|接近|近|逾|超过|超|多达|不到|不足)?"
_NUMBER = re.compile(
    rf"{_PRE}(?P<ord>第)?(?P<num>{_ARABIC}|{_CN})(?:\s(?=[多余万亿千百%]))?(?P<more>多|余)?"
    r"(?P<scale>万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百)?(?P<more2>多|余)?"
    r"(?P<unit>%|‰|个百分点|百分点|成(?!不)|倍|世纪)?"
)
_RANGE = re.compile(r"\s*(?:[-—–~至到]|－)\s*$")
_HOW = {"大约": "about", "约": "about", "将近": "less", "接近": "less", "近": "less", "不到": "less",
        "不足": "less", "逾": "more", "超过": "more", "超": "more", "多达": "more"}


@lru_cache(maxsize=8192)
def read_zh(text: str) -> tuple[Quantity, ...]:
    """Every quantity in Chinese text, in order. Offsets are into ``text`` itself."""
    norm = text.translate(_FULLWIDTH)
    if not re.search(r"[\d〇零一二两三四五六七八九十百千万亿几数番]", norm):
        return ()
    taken = bytearray(len(norm))
    found: list[Quantity] = []
    for reader in (_numeric_dates, _decades, _dates, _years, _per, _vague, _doubles, _numbers):
        found += reader(norm, taken)
    return tuple(sorted(found, key=lambda q: q.start))


def _decades(text: str, taken: bytearray) -> list[Quantity]:
    """80年代 and 20世纪80年代 are the 1980s; 90后 and 00后 are the generations born in them."""
    found = []
    for m in _DECADE.finditer(text):
        raw = m["num"] or m["gen"]
        value = _number(raw)
        if value is None:
            continue
        if value < 100:
            value += 2000 if value < 30 and not m["century"] or m["century"] in ("21", "二十一") else 1900
        found.append(exact(value, "decade", m.start(), m.end()))
        _take(taken, m.start(), m.end())
    return found


def _dates(text: str, taken: bytearray) -> list[Quantity]:
    found = []
    for m in _DATE.finditer(text):
        if not _free(taken, m.start(), m.end()):
            continue
        if m["dayonly"]:
            day = _number(m["dayonly"])
            if day and 1 <= day <= 31 and day.is_integer():
                found.append(exact(day, "day", m.start(), m.end(), firm=m["dayonly"][0].isdigit()))
                _take(taken, m.start(), m.end())
            continue
        month = _number(m["month"])
        if month is None or not (1 <= month <= 12 and month.is_integer()):
            continue
        if m["year"]:
            year = float(m["year"]) if m["year"].isdigit() else zh_numeral(m["year"], year=True)
            if year:
                found.append(exact(year, "year", m.start("year"), m.end("year") + 1))
        day = _number(m["day"]) if m["day"] else None
        if day and 1 <= day <= 31:
            found.append(exact(month * 100 + day, "date", m.start("month"), m.end()))
        elif not m["day"]:
            found.append(exact(month, "month", m.start("month"), m.end()))
        _take(taken, m.start(), m.end())
    return found


def _years(text: str, taken: bytearray) -> list[Quantity]:
    """2023年, 二〇二三年, 2023年初, and both ends of 2023-2027年."""
    found = []
    for m in _YEAR.finditer(text):
        if not _free(taken, m.start(), m.end()):
            continue
        year = float(m["year"]) if m["year"].isdigit() else zh_numeral(m["year"], year=True)
        if year is None:
            continue
        if m["first"]:
            found.append(exact(float(m["first"]), "year", m.start("first"), m.end("first")))
        found.append(exact(year, "year", m.start("year"), m.end()))
        _take(taken, m.start(), m.end())
    return found


def _per(text: str, taken: bytearray) -> list[Quantity]:
    """百分之五 is 5%, 千分之五 is 0.5%."""
    found = []
    for m in _PER.finditer(text):
        value = _number(m["num"])
        if value is None or not _free(taken, m.start(), m.end()):
            continue
        found.append(exact(value if m["per"] == "百分之" else value / 10, "percent", m.start(), m.end()))
        _take(taken, m.start(), m.end())
    return found


def _vague(text: str, taken: bytearray) -> list[Quantity]:
    """十几 (11-19), 数百 (200-999), 几十万, 上万 (10,000 and more), 成千上万: magnitudes, not figures."""
    found = []
    for m in _VAGUE.finditer(text):
        if not _free(taken, m.start(), m.end()) or m.group() in ("几", "数"):
            continue
        if m["d1"]:  # 六七千 is six or seven thousand, 一万六七千 16,000 or 17,000
            if DIGITS[m["d2"]] != DIGITS[m["d1"]] + 1 or (m["head"] and zh_numeral(m["head"]) is None):
                continue
            head = zh_numeral(m["head"]) if m["head"] else 0.0
            unit = SCALES[m["u"]] if m["u"] else (1e3 if m["head"] else 1)
            low, high = head + DIGITS[m["d1"]] * unit, head + DIGITS[m["d2"]] * unit
        elif m["cn"]:
            tens = zh_numeral(m["cn"]) or 10
            low, high = tens + 1, tens + 9
        elif m["up"]:
            low = SCALES[m["up"]]
            low, high = low, low * 10
        elif m["a"]:
            low, high = SCALES[m["a"]], SCALES[m["b"]] * 10
        else:
            unit = SCALES.get(m["unit"], 1) * SCALES.get(m["scale"], 1)
            low, high = 2 * unit, 10 * unit - 1
        if m["d1"] and (m["u"] or m["head"]):  # 一万六七千 is a figure, only not an exact one
            found.append(Quantity(low, "number", m.start(), m.end(), low, high, True, True))
        else:
            found.append(vague(low, high, "number", m.start(), m.end()))
        _take(taken, m.start(), m.end())
    for m in _BARE_MORE.finditer(text):  # 千余 is a thousand and more
        if _free(taken, m.start(), m.end()):
            found.append(bounded(SCALES[m["unit"]], "number", m.start(), m.end(), "more"))
            _take(taken, m.start(), m.end())
    return found


def _doubles(text: str, taken: bytearray) -> list[Quantity]:
    """翻一番 doubles, 翻两番 quadruples."""
    found = []
    for m in _DOUBLE.finditer(text):
        times = DIGITS.get(m["times"], 1) if m["times"] else 1
        found.append(exact(2.0 ** times, "multiple", m.start(), m.end()))
        _take(taken, m.start(), m.end())
    return found


def _numbers(text: str, taken: bytearray) -> list[Quantity]:
    found: list[Quantity] = []
    last_bare: tuple[int, re.Match] | None = None  # a figure without scale that may begin a range
    for m in _NUMBER.finditer(text):
        start = m.start("num") if m["pre"] is None else m.start()
        if not _free(taken, m.start("num"), m.end("num")):
            continue
        value = _number(m["num"])
        if value is None:
            continue
        code = _is_code(text, m.start("num"), m.end())
        scale = SCALES[m["scale"]] if m["scale"] else 1
        unit = m["unit"] or ""
        quantity = _quantity(m, value * scale, unit, start, code, text)
        if quantity is None:
            continue
        if last_bare and (m["scale"] or unit) and _RANGE.match(text[last_bare[1].end():m.start()]):
            # 3至5万, 3-5%: the scale and unit of the second figure are the first one's too
            index, first = last_bare
            found[index] = _quantity(first, _number(first["num"]) * scale, unit, found[index].start, False, text)
        found.append(quantity)
        bare = not (m["scale"] or unit or m["more"] or m["more2"] or m["ord"] or code)
        last_bare = (len(found) - 1, m) if bare else None
    return found


def _quantity(m: re.Match, value: float, unit: str, start: int, code: bool, text: str) -> Quantity | None:
    end = m.end()
    arabic = m["num"][0].isdigit()
    firm = not code and (arabic or _firm_numeral(m["num"], bool(m["ord"]), text[end:end + 1]))
    if code:
        return exact(value, "code", m.start("num"), end, firm=False)
    if unit in ("%", "个百分点", "百分点"):
        kind = "percent"
    elif unit == "‰":
        kind, value = "percent", value / 10
    elif unit == "成":
        kind, value, firm = "percent", value * 10, False
    elif unit == "倍":
        kind = "multiple"
    elif unit == "世纪" or m["ord"]:
        kind = "ordinal"
    else:
        kind = "number"
    how = _HOW.get(m["pre"] or "")
    if m["more"] or m["more2"]:
        how = "more"
    after = text[end:end + 5]
    if how is None and re.match(r"^[^\d，。、；]{0,3}?(?:左右|上下)", after):
        how = "about"
    elif how is None and re.match(r"^[^\d，。、；]{0,3}?以上", after):
        how = "more"
    if how:
        return bounded(value, kind, start, end, how, firm)
    return exact(value, kind, start, end, firm)


def _firm_numeral(numeral: str, ordinal: bool, after: str) -> bool:
    """二十名, 一百万, 第十四: a Chinese numeral of two characters or more, worth 10 or more, that counts
    something (a measure word follows, or it has 万 or 亿, or 第 makes it an ordinal) is a figure. 一, 两,
    十 alone are as often words (一起, 两岸, 十分), and a bare numeral is often an idiom (伤敌一千自损八百)."""
    value = zh_numeral(numeral)
    if value is None or len(numeral) < 2 or value < 10:
        return False
    return ordinal or numeral[-1] in "万亿" or after in MEASURES


MEASURES = set("个名人元家年月天日次倍岁位项件台辆座所条种期届层户亩吨米斤度分秒周批只张本篇场支架艘双块根笔段")


def _is_code(text: str, start: int, end: int) -> bool:
    """火星-17, 5G, PM2.5, Mate 60, WZ-5200: digits glued to Latin letters or a hyphen make a name."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
        return True
    if before in "-－" and (start < 2 or text[start - 2].isalpha()):
        return True
    return bool(re.search(r"[A-Za-z]{2,} $", text[max(0, start - 12):start]))
