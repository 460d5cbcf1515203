"""A quantity read from Chinese or English, and when two quantities say the same thing.

Chinese writes figures in ways an English draft renders differently and correctly: 500多万 is "more than
5 million" or "five million", 第5个月 is "the fifth month", 90后 is "post-90s", 2023-2027年 is
"2023-2027". The readers (``quantity_zh.read_zh``, ``quantity_en.read_en``) reduce what they read to a
``Quantity``: an interval of values of one kind, whether the figure was approximate, and whether it is
certain enough to be checked at all ("firm": a Chinese 一 or an English "one" may be a word like any
other, 1,300 may not). ``same`` says whether an English quantity renders a Chinese one, and ``match``
pairs the quantities of two texts, preferring partners in the same place (pair) before the paragraph.
The number and date checks and the aligner's number anchors all go through here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

# what a quantity is; the family decides which check reports it
FAMILY = {"number": "number", "percent": "number", "ordinal": "number", "multiple": "number",
          "decade": "number", "year": "date", "month": "date", "date": "date", "day": "date", "code": "code"}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure found in text: the interval [low, high] it stands for, of one kind, and where it is.

    ``value`` is the figure as written (500多万 -> 5,000,000; a date is month * 100 + day); an exact figure
    has low == high == value. ``approx`` marks 多/约/近/数百, "more than", "hundreds of": such a figure is
    never "fixed" to an exact one. ``firm`` marks a figure certain enough that its absence is a finding.
    """

    value: float
    kind: str
    start: int
    end: int
    low: float
    high: float
    approx: bool = False
    firm: bool = True

    @property
    def family(self) -> str:
        return FAMILY[self.kind]

    @property
    def key(self) -> str:
        """The aligner's anchor key: the same for a Chinese figure and its English rendering."""
        if self.kind in ("date", "month"):
            return f"{self.kind}:{int(self.value)}"
        kind = "number" if self.kind in ("ordinal", "day", "multiple") else self.kind
        return f"{kind}:{float(f'{self.value:.6g}')!r}"


def exact(value: float, kind: str, start: int, end: int, firm: bool = True) -> Quantity:
    return Quantity(value, kind, start, end, value, value, False, firm)


def step(value: float) -> float:
    """The place of the last significant digit: 5,000,000 -> 1,000,000; 5,300,000 -> 100,000; 1.5 -> 0.1.
    多 and "more than" reach up to the next step (500多万 is 5 to 6 million, 30多 is 30 to 40)."""
    if value <= 0:
        return 1.0
    for power in range(15, -7, -1):
        unit = 10.0 ** power
        if unit <= value * (1 + 1e-9) and abs(value / unit - round(value / unit)) < 1e-6:
            return unit
    return 1.0


def bounded(value: float, kind: str, start: int, end: int, how: str, firm: bool = True) -> Quantity:
    """A figure with an approximation: "more" (多, 余, 逾, more than) reaches up to the next step, "less"
    (近, nearly) and "about" (约, around) half a step down (and up)."""
    unit = step(value)
    low, high = {"more": (value, value + unit), "less": (value - unit / 2, value),
                 "about": (value - unit / 2, value + unit / 2)}[how]
    return Quantity(value, kind, start, end, max(low, 0.0), high, True, firm)


def vague(low: float, high: float, kind: str, start: int, end: int) -> Quantity:
    """数百, 几十万, "hundreds of", "tens of thousands": an order of magnitude, never checked on its own."""
    return Quantity(low, kind, start, end, low, high, True, False)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _overlap(zh: Quantity, en: Quantity, slack: float = 0.0) -> bool:
    return zh.low - slack <= en.high * (1 + 1e-6) and en.low * (1 - 1e-6) <= zh.high + slack


def _year_like(q: Quantity) -> bool:
    return q.value.is_integer() and 1000 <= q.value <= 2999


def same(zh: Quantity, en: Quantity) -> bool:
    """Whether the English quantity renders the Chinese one (the order matters: a Chinese month is
    rendered by an English date in that month, a Chinese date is not rendered by its month alone)."""
    a, b = zh.kind, en.kind
    if a == "code" or b == "code":  # a model name shares its digits with whatever renders them
        return _close(zh.value, en.value)
    if a == "multiple" or b == "multiple":  # 增长两倍 is "doubled" or "tripled" as often as not
        return {a, b} <= {"multiple", "number"} and _overlap(zh, en, slack=1.0)
    if a == b:
        return _overlap(zh, en)
    pair = {a, b}
    if pair <= {"number", "ordinal", "day"}:  # 第5个月 = "the fifth month"; 10日 = "the 10th"
        return not zh.approx and not en.approx and _overlap(zh, en)
    if a == "percent" and b == "number" and not en.firm:  # 百分之五十 is "half"
        return _close(zh.value, en.value * 100)
    if a == "decade" and b == "number":  # 90后 garbled as "a 90 girl" still carries its figure
        return _close(en.value, zh.value) or _close(en.value, zh.value % 100)
    if pair in ({"number", "year"}, {"year", "decade"}):  # 2023-2027年: the first figure has no 年
        return _year_like(zh) and _year_like(en) and _overlap(zh, en)
    if a == "month" and b == "date":
        return int(en.value) // 100 == int(zh.value)
    if pair == {"day", "date"}:
        day = zh if a == "day" else en
        date = en if a == "day" else zh
        return int(date.value) % 100 == int(day.value)
    return False


def identical(zh: Quantity, en: Quantity) -> bool:
    """The same kind and the same interval: the partner to prefer when several would do."""
    return zh.kind == en.kind and _close(zh.low, en.low) and _close(zh.high, en.high)


def match(zh: Sequence[tuple[int, Quantity]], en: Sequence[tuple[int, Quantity]]) -> list[tuple[int, int]]:
    """Pairs (index into zh, index into en) of quantities that say the same thing.

    Each item is (place, quantity), the place being the pair it sits in. Partners are taken in the same
    place first, then anywhere (the paragraph), identical ones before merely compatible ones, so that a
    wrong pairing of sentences inside a paragraph never leaves a figure without its partner.
    """
    used_zh: set[int] = set()
    used_en: set[int] = set()
    pairs = []
    for same_place, test in ((True, identical), (True, same), (False, identical), (False, same)):
        for i, (place_zh, q_zh) in enumerate(zh):
            if i in used_zh:
                continue
            for j, (place_en, q_en) in enumerate(en):
                if j in used_en or (same_place and place_en != place_zh) or not test(q_zh, q_en):
                    continue
                used_zh.add(i)
                used_en.add(j)
                pairs.append((i, j))
                break
    return pairs


# 2023-02-11, 2023.2.11, 2023/2/11: written the same way in both languages
NUMERIC_DATE = re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)[-./](?P<month>\d{1,2})[-./](?P<day>\d{1,2})(?![\d.])")


def free(taken: bytearray, start: int, end: int) -> bool:
    """True when no reader has claimed any character of [start, end) yet."""
    return not any(taken[start:end])


def take(taken: bytearray, start: int, end: int) -> None:
    taken[start:end] = b"\x01" * (end - start)


def numeric_dates(text: str, taken: bytearray) -> list[Quantity]:
    """The year and the date of every all-digit date, the first reader of both languages."""
    found = []
    for m in NUMERIC_DATE.finditer(text):
        month, day = int(m["month"]), int(m["day"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            found += [exact(float(m["year"]), "year", m.start("year"), m.end("year")),
                      exact(month * 100 + day, "date", m.start("month"), m.end())]
            take(taken, m.start(), m.end())
    return found
