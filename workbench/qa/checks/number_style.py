"""How English news writes figures: 1,080 with a thousands separator, 500 Mbps with a space before the unit.

Machine drafts copy the Chinese layout of a figure (1080天, 500Mbps) into the English, and professional
raters of English news mark both as punctuation errors (docs/checks.md). Years (2023), ranges of years
(2023-2027), codes (Hwasong-17, No. 1095) and stock codes in brackets are not quantities and are left
alone. The suggestion is shown, not applied: a house that writes 4-digit figures without a separator, or
SI thin spaces, switches the check off in its settings.
"""

from __future__ import annotations

import re

from workbench.qa.checks.base import Check
from workbench.text.quantity_en import after_name

# a run of 4 or more digits not glued to a word, a code, a decimal or a range on either side
_BARE = re.compile(r"(?<![\w.,/#:'’-])\d{4,}(?![\d,]|[.:/-]\d|[A-Za-z-])")
# words after a number in the year range that show it counts something: "1080 days", "2000 people"
_COUNTED = frozenset(
    "days hours minutes seconds weeks months people persons residents visitors tourists students workers "
    "employees households families jobs cases deaths patients beds yuan rmb dollars euros pounds won yen "
    "ringgit baht dong km kilometers kilometres meters metres miles tons tonnes kilograms kg units vehicles "
    "cars products items projects enterprises companies firms schools villages stores shops times pieces "
    "sets square hectares mu acres".split())
_CODE_WORDS = re.compile(r"(?:\bNo\.?|\bnumber|\bcode|\bmodel|\broom|\bflight|\broute|\bpage|\bp\.|\bISO|\bID)\s*$",
                         re.IGNORECASE)
# units that English writes after a space (SI and AP style): 500 Mbps, 10 km, 5 MW
_UNIT = re.compile(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?)(?P<unit>[KMGT]bps|[kKMGT]B/s|kWh|MWh|GWh|TWh|kW|MW|GW|km|kg|"
                   r"mm|cm|GHz|MHz|kHz)\b")


def _grouped(digits: str) -> str:
    return f"{int(digits):,}"


class ThousandsSeparator(Check):
    """A figure of four digits or more written without a thousands separator: 1080 days, 4300 yuan."""

    check_id = "thousands_separator"
    category = "punctuation"
    severity = "warning"

    def check(self, pair):
        target = pair.target
        for match in _BARE.finditer(target):
            digits, start, end = match.group(), match.start(), match.end()
            if _is_year(digits, target[end:]) or _is_code(target, start, end):
                continue
            yield self.finding(pair, start, end,
                               f"English news writes {_grouped(digits)} with a thousands separator "
                               "(switch this check off if your house style does not).", [_grouped(digits)])


class UnitSpacing(Check):
    """A unit glued to its figure: 500Mbps, 10km; English writes 500 Mbps, 10 km."""

    check_id = "unit_spacing"
    category = "spacing"
    severity = "warning"

    def check(self, pair):
        for match in _UNIT.finditer(pair.target):
            figure, unit = match.group(1), match.group("unit")
            yield self.finding(pair, match.start(), match.end(),
                               f"English puts a space between a figure and its unit: “{figure} {unit}”.",
                               [f"{figure} {unit}"])


def _is_year(digits: str, after: str) -> bool:
    """1000-2099 is read as a year unless the next word shows it counts something (1080 days)."""
    if len(digits) != 4 or not 1000 <= int(digits) <= 2099:
        return False
    word = re.match(r"\s*([A-Za-z]+)", after)
    return not (word and word.group(1).lower() in _COUNTED)


def _is_code(text: str, start: int, end: int) -> bool:
    """No. 1095, Kirin 9000, a stock code alone in brackets (600519): names and codes, not counts."""
    if _CODE_WORDS.search(text[max(0, start - 10):start]) or after_name(text, start):
        return True
    return text[start - 1:start] == "(" and text[end:end + 1] == ")"


CHECKS = (ThousandsSeparator, UnitSpacing)
