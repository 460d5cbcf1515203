"""How English news writes a date: February 11, not February 11th; a day with its month, not "on the 9th".

Chinese news dates events by the day of the current month alone (9日, 综合11日电). A machine draft renders
that as "on the 9th", which an English reader cannot place; and it writes the day of a full date as an
ordinal ("February 11th"), which no English news style does (AP, Reuters and Xinhua write "Feb. 11",
the Guardian "11 February"). Professional raters mark both as date-format errors (docs/checks.md).
"""

from __future__ import annotations

import re

from workbench.qa.checks.base import Check
from workbench.text.quantity_zh import read_zh

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_MONTH_FIRST = re.compile(r"\b(?P<month>" + _MONTH + r")\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b")
_DAY_FIRST = re.compile(r"\b(?:the\s+)?(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\s+(?:of\s+)?(?P<month>"
                        + _MONTH + r")(?!\w)")
_ORDINAL_DAY = re.compile(r"(?:\bthe\s+)?\b(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b")
# after "the 9th" these words end the date: "on the 9th and ...", "the 8th, when ..."; any other word is
# the noun the ordinal counts ("the 9th meeting", "the 11th Five-Year Plan")
_ENDS_A_DATE = frozenset("and or at in on when to with that as by for from after before during which who where "
                         "while he she it they we the a an local time".split())


class OrdinalDate(Check):
    """The day of a full date written as an ordinal: "February 11th", "the 4th of February"."""

    check_id = "ordinal_date"
    category = "date"
    # raters of the news corpus marked it no more often than chance (6 of 16): a house-style hint
    severity = "info"

    def check(self, pair):
        target = pair.target
        for pattern, layout in ((_MONTH_FIRST, "{month} {day}"), (_DAY_FIRST, "{day} {month}")):
            for match in pattern.finditer(target):
                written = layout.format(month=match["month"], day=match["day"])
                yield self.finding(pair, match.start(), match.end(),
                                   f"English news writes the day of a date as a figure: “{written}”.", [written])


class DayWithoutMonth(Check):
    """A day of the month with no month: the Chinese 9日 rendered as "on the 9th"."""

    check_id = "day_without_month"
    category = "date"
    severity = "warning"

    def check(self, pair):
        days = {int(q.value) for q in read_zh(pair.source) if q.kind == "day"}
        if not days:
            return
        target = pair.target
        full_dates = [range(m.start(), m.end()) for m in _DAY_FIRST.finditer(target)]
        for match in _ORDINAL_DAY.finditer(target):
            if int(match["day"]) not in days or any(match.start("day") in span for span in full_dates):
                continue
            if not _ends_here(target[match.end():]):
                continue
            yield self.finding(pair, match.start(), match.end(),
                               f"“{match.group()}” is {match['day']}日, a day of the month in the Chinese: English "
                               "news names the month (“on February 9”) or the weekday.")


def _ends_here(after: str) -> bool:
    """The ordinal is the whole date: punctuation, the end, or a word that cannot be the noun it counts."""
    word = re.match(r"\s*([A-Za-z]+)", after)  # None when punctuation follows: "the 9th, when"
    return word is None or word.group(1).lower() in _ENDS_A_DATE


CHECKS = (DayWithoutMonth, OrdinalDate)
