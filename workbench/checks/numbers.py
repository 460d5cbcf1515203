"""Numbers, percentages, dates and years compared by value, and Latin tokens that must be copied."""

from __future__ import annotations

from collections import Counter

from workbench.align.anchors import latin_tokens
from workbench.checks.base import Check
from workbench.numbers import MONTHS, Quantity, en_quantities, zh_quantities

SMALL_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
                      9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 20: "twenty", 100: "hundred"}
MONTH_NAMES = [name.title() for name, number in sorted(MONTHS.items(), key=lambda m: m[1]) if len(name) > 3]
MONTH_NAMES.insert(4, "May")


def _key(quantity: Quantity) -> tuple[str, float]:
    return quantity.kind, float(f"{quantity.value:.6g}")


def format_number(value: float, like: str = "") -> str:
    """12800000000 -> "12.8 billion"; 12000 -> "12,000"; keeps "percent" or "%" as ``like`` has it."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= scale and (value / scale) >= 1:
            return f"{value / scale:.6g} {word}"
    return f"{value:,.6g}" if value >= 10000 else f"{value:.6g}"


def _mismatches(zh: list[Quantity], en: list[Quantity], kinds: tuple[str, ...]):
    """(missing Chinese quantities, English quantities without a Chinese partner) for these kinds."""
    wanted = Counter(_key(q) for q in zh if q.kind in kinds)
    extra = []
    for quantity in en:
        if quantity.kind not in kinds:
            continue
        if wanted[_key(quantity)] > 0:
            wanted[_key(quantity)] -= 1
        else:
            extra.append(quantity)
    missing = [q for q in zh if q.kind in kinds and wanted[_key(q)] > 0 and not wanted.subtract({_key(q): 0})]
    seen = Counter()
    result = []
    for quantity in missing:  # each missing value once per missing count
        if seen[_key(quantity)] < wanted[_key(quantity)]:
            seen[_key(quantity)] += 1
            result.append(quantity)
    return result, extra


class _ValueMismatch(Check):
    """Quantities of ``kinds`` in the source and the target compared by value: each English value
    without a Chinese partner is paired with a missing Chinese one and gets it as its suggestion."""

    kinds: tuple[str, ...] = ()
    missing_severity: str | None = None

    def check(self, pair):
        if pair.kind == "1-0" or not pair.target.strip():
            return
        missing, extra = _mismatches(zh_quantities(pair.source), en_quantities(pair.target), self.kinds)
        missing = [q for q in missing if not self.said_in_words(q, pair.target.lower())]
        for wrong in extra:
            partner = next((q for q in missing if q.kind == wrong.kind), None)
            if partner is None:
                continue
            missing.remove(partner)
            text = pair.target[wrong.start:wrong.end]
            suggestion = self.suggest(partner, text)
            yield self.finding(pair, wrong.start, wrong.end,
                               f"“{text}” does not match {pair.source[partner.start:partner.end]} in the source "
                               f"(expected {suggestion}).", [suggestion])
        for absent in missing:
            yield self.finding(pair, 0, len(pair.target),
                               f"{pair.source[absent.start:absent.end]} in the source is missing from the English.",
                               severity=self.missing_severity)

    def said_in_words(self, quantity: Quantity, target_lower: str) -> bool:
        return False

    def suggest(self, quantity: Quantity, written: str) -> str:
        raise NotImplementedError


class NumberMismatch(_ValueMismatch):
    """A number or percentage of the source that the English gives with another value or scale
    (128亿 as "1.28 billion"), or leaves out. Correct conversions (128亿 = 12.8 billion,
    1.2万 = 12,000, 15.6% = 15.6 percent) compare equal."""

    check_id = "number_mismatch"
    category = "number"
    severity = "error"
    kinds = ("number", "percent")

    def said_in_words(self, quantity, target_lower):
        return quantity.value in SMALL_NUMBER_WORDS and SMALL_NUMBER_WORDS[quantity.value] in target_lower

    def suggest(self, quantity: Quantity, written: str) -> str:
        if quantity.kind == "percent":
            unit = "%" if written.rstrip().endswith("%") else " percent"
            return f"{quantity.value:.6g}{unit}"
        return format_number(quantity.value)


class DateMismatch(_ValueMismatch):
    """A date, month or year of the source given differently in the English (3月8日 as "March 18").
    March 8, 8 March and "the morning of December 12" for 12月12日上午 all compare equal."""

    check_id = "date_mismatch"
    category = "date"
    severity = "error"
    kinds = ("date", "year", "month")
    missing_severity = "warning"

    def suggest(self, quantity: Quantity, written: str) -> str:
        if quantity.kind == "year":
            return f"{quantity.value:.0f}"
        if quantity.kind == "month":
            return MONTH_NAMES[int(quantity.value) - 1]
        month, day = MONTH_NAMES[int(quantity.value) // 100 - 1], int(quantity.value) % 100
        return f"{day} {month}" if written[:1].isdigit() else f"{month} {day}"


class LatinTokenMissing(Check):
    """A code the English must copy as it is (5G, ICT, HX-300) that is missing or written differently."""

    check_id = "latin_token_missing"
    category = "omission"
    severity = "warning"

    def check(self, pair):
        if pair.kind == "1-0" or not pair.target.strip():
            return
        present = {t[4:] for t in latin_tokens(pair.target)} | {w.lower() for w in pair.target.split()}
        target_lower = pair.target.lower()
        for key in dict.fromkeys(latin_tokens(pair.source)):
            token = key[4:]
            if token in present or token in target_lower:
                continue
            squeezed = token.replace("-", "").replace(" ", "")
            near = [t for t in present if t.replace("-", "").replace(" ", "") == squeezed]
            original = next(w for w in _latin_words(pair.source) if w.lower() == token)
            if near:
                start = target_lower.find(near[0])
                yield self.finding(pair, start, start + len(near[0]), f"Write “{original}” as in the source.",
                                   [original], safe=True)
            else:
                yield self.finding(pair, 0, len(pair.target), f"“{original}” from the source is missing.")


def _latin_words(text: str) -> list[str]:
    from workbench.align.anchors import _LATIN

    return _LATIN.findall(text)


CHECKS = (DateMismatch, LatinTokenMissing, NumberMismatch)
