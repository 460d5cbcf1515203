"""Numbers, percentages and dates in Chinese and English text, reduced to comparable values.

Both the aligner (as anchors) and the number/date checks use these, so 128亿 and
"12.8 billion" meet as the same value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ZH_SCALES = {"十": 10, "百": 100, "千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7,
             "亿": 1e8, "十亿": 1e9, "百亿": 1e10, "千亿": 1e11, "万亿": 1e12}
EN_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9,
             "trillion": 1e12}
MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text: its value, what it is and where it is."""

    value: float
    kind: str  # "number" | "percent" | "year" | "month" | "date" (value = month * 100 + day)
    start: int
    end: int

    @property
    def key(self) -> str:
        if self.kind == "date":
            return f"date:{int(self.value)}"
        return f"{self.kind}:{float(f'{self.value:.6g}')!r}"


_NUM = r"\d+(?:[,，]\d{3})*(?:[.．]\d+)?"
_ZH_NUMERAL = r"[〇零一二两三四五六七八九十百千]+"
_ZH_DATE = re.compile(
    rf"(?:(?P<year>\d{{4}}|[〇零一二三四五六七八九]{{4}})年)?(?P<month>\d{{1,2}}|{_ZH_NUMERAL})月"
    rf"(?:(?P<day>\d{{1,2}}|{_ZH_NUMERAL})[日号])?"
)
_ZH_YEAR = re.compile(r"(?P<year>\d{4})年")
_ZH_NUMBER = re.compile(
    rf"(?P<num>{_NUM}|{_ZH_NUMERAL}(?=[万亿]))\s*(?P<scale>万亿|千亿|百亿|十亿|亿|千万|百万|十万|万)?"
    r"\s*(?P<pct>[%％]|个百分点)?"
)
_ZH_PERCENT_WORD = re.compile(rf"百分之(?P<num>{_NUM}|{_ZH_NUMERAL})")

_EN_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_EN_DATE = re.compile(
    rf"\b(?:{_EN_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>January|February|March|April|May|June|July|August|September|October|November|December)\b(?:,?\s+(?P<year2>\d{{4}})\b)?)"
)
_EN_MONTH_ALONE = re.compile(r"\b(?:January|February|March|April|June|July|August|September|October|November|"
                             r"December)\b")
_EN_NUMBER = re.compile(
    rf"(?<![\w.])(?P<num>{_NUM.replace('[,，]', ',').replace('[.．]', '[.]')})(?:st|nd|rd|th)?"
    r"(?:\s*-?\s*(?P<scale>hundred|thousand|million|mln|billion|bn|trillion)\b)?"
    r"(?:\s*(?P<pct>%|percent\b|per cent\b|percentage points?\b))?"
)


_NUMERIC_DATE = re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)[-./](?P<month>\d{1,2})[-./](?P<day>\d{1,2})(?![\d.])")


def _numeric_dates(text: str, taken: bytearray) -> list[Quantity]:
    """2019-12-18 and 2019.12.18, written the same way in both languages."""
    found = []
    for match in _NUMERIC_DATE.finditer(text):
        month, day = int(match["month"]), int(match["day"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append(Quantity(float(match["year"]), "year", match.start("year"), match.end("year")))
            found.append(Quantity(month * 100 + day, "date", match.start("month"), match.end()))
            _take(taken, match.start(), match.end())
    return found


def zh_numeral(text: str) -> float | None:
    """Value of a Chinese numeral such as 十二, 二十五, 三千五百 or a digit-by-digit 二〇二三."""
    if all(ch in ZH_DIGITS for ch in text):
        return float("".join(str(ZH_DIGITS[ch]) for ch in text)) if len(text) > 1 else float(ZH_DIGITS[text])
    total, current = 0.0, 0.0
    for ch in text:
        if ch in ZH_DIGITS:
            current = ZH_DIGITS[ch]
        elif ch in ("十", "百", "千"):
            total += (current or 1) * ZH_SCALES[ch]
            current = 0
        else:
            return None
    return total + current


def _number(text: str) -> float | None:
    text = text.replace(",", "").replace("，", "").replace("．", ".")
    try:
        return float(text)
    except ValueError:
        return zh_numeral(text)


_ANY_ZH_NUMBER = re.compile(r"[\d〇零一二两三四五六七八九十百千]")
_ANY_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=8192)
def zh_quantities(text: str) -> tuple[Quantity, ...]:
    """Dates, years, percentages and scaled numbers in Chinese text."""
    if not _ANY_ZH_NUMBER.search(text):
        return ()
    taken = bytearray(len(text))
    found: list[Quantity] = _numeric_dates(text, taken)
    for match in _ZH_DATE.finditer(text):
        month = _number(match["month"])
        if month is None or not 1 <= month <= 12:
            continue
        if match["year"]:
            found.append(Quantity(_number(match["year"]) or 0, "year", match.start("year"), match.end("year") + 1))
        day = _number(match["day"]) if match["day"] else None
        if day and 1 <= day <= 31:
            found.append(Quantity(month * 100 + day, "date", match.start("month"), match.end()))
        elif not match["day"]:
            found.append(Quantity(month, "month", match.start("month"), match.end()))
        _take(taken, match.start(), match.end())
    for match in _ZH_YEAR.finditer(text):
        if not any(taken[match.start() : match.end()]):
            found.append(Quantity(float(match["year"]), "year", match.start(), match.end()))
            _take(taken, match.start(), match.end())
    for match in _ZH_PERCENT_WORD.finditer(text):
        value = _number(match["num"])
        if value is not None and not any(taken[match.start() : match.end()]):
            found.append(Quantity(value, "percent", match.start(), match.end()))
            _take(taken, match.start(), match.end())
    for match in _ZH_NUMBER.finditer(text):
        if any(taken[match.start() : match.end()]) or _inside_latin_token(text, match.start(), match.end()):
            continue
        value = _number(match["num"])
        if value is None:
            continue
        if match["scale"]:
            value *= ZH_SCALES[match["scale"]]
        kind = "percent" if match["pct"] else "number"
        found.append(Quantity(value, kind, match.start(), match.end()))
    return tuple(sorted(found, key=lambda q: q.start))


@lru_cache(maxsize=8192)
def en_quantities(text: str) -> tuple[Quantity, ...]:
    """Dates, years, percentages and scaled numbers in English text."""
    if not _ANY_DIGIT.search(text) and not _EN_MONTH_ALONE.search(text):
        return ()
    taken = bytearray(len(text))
    found: list[Quantity] = _numeric_dates(text, taken)
    for match in _EN_DATE.finditer(text):
        month_name = (match["month"] or match["month2"]).lower().rstrip(".")
        day = int(match["day"] or match["day2"])
        if not 1 <= day <= 31:
            continue
        found.append(Quantity(MONTHS[month_name] * 100 + day, "date", match.start(), match.end()))
        year = match["year"] or match["year2"]
        if year:
            group = "year" if match["year"] else "year2"
            found.append(Quantity(float(year), "year", match.start(group), match.end(group)))
        _take(taken, match.start(), match.end())
    for match in _EN_MONTH_ALONE.finditer(text):
        if not any(taken[match.start() : match.end()]):
            found.append(Quantity(MONTHS[match.group().lower()], "month", match.start(), match.end()))
            _take(taken, match.start(), match.end())
    for match in _EN_NUMBER.finditer(text):
        if any(taken[match.start() : match.end()]) or _inside_latin_token(text, match.start(), match.end()):
            continue
        raw = match["num"]
        value = float(raw.replace(",", ""))
        if match["scale"]:
            value *= EN_SCALES[match["scale"]]
        if match["pct"]:
            kind = "percent"
        elif re.fullmatch(r"(1[5-9]|20)\d\d", raw) and not match["scale"]:
            kind = "year"
        else:
            kind = "number"
        found.append(Quantity(value, kind, match.start(), match.end()))
    return tuple(sorted(found, key=lambda q: q.start))


def _take(taken: bytearray, start: int, end: int) -> None:
    taken[start:end] = b"\x01" * (end - start)


def _inside_latin_token(text: str, start: int, end: int) -> bool:
    """5G, PM2.5, WZ-5200: digits glued to Latin letters are a code, not a quantity."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()) or before == "-"
