"""Numbers, percentages, dates and years compared by value, and Latin tokens that must be copied.

The number and date checks judge a whole paragraph at once: a figure is missing only when no English
sentence of its paragraph renders it, so a paragraph whose sentences the aligner paired differently
than the translator split them never shows a figure as missing that is there.
"""

from __future__ import annotations

import re

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from workbench.align.anchors import latin_tokens
from workbench.qa.checks.base import Check, DocumentCheck, PairContext
from workbench.model import Finding
from workbench.text.quantity import Quantity, match
from workbench.text.quantity_en import MONTHS, read_en
from workbench.text.quantity_zh import read_zh
from workbench.text.tokens import latin_words

MONTH_NAMES = [name.title() for name, number in sorted(MONTHS.items(), key=lambda m: m[1]) if len(name) > 3]
MONTH_NAMES.insert(4, "May")
# kinds an English figure can be mistaken for: a wrong value is only ever a figure of the same kind
_RIVALS = {"number": ("number", "ordinal"), "ordinal": ("number", "ordinal"), "percent": ("percent",),
           "multiple": ("multiple",), "decade": ("decade",), "year": ("year",), "month": ("month", "date"),
           "date": ("date", "month"), "day": ("day", "date")}
_CERTAIN = ("number", "percent", "year", "date", "month")  # kinds whose right value can be written back


def format_number(value: float, like: str = "") -> str:
    """12800000000 -> "12.8 billion"; 12000 -> "12,000"."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= scale and (value / scale) >= 1:
            return f"{value / scale:.6g} {word}"
    return f"{value:,.6g}" if value >= 10000 else f"{value:.6g}"


@dataclass(frozen=True, slots=True)
class _Seen:
    """The quantities of one pair: what ``judge`` needs, and all it depends on."""

    zh: tuple[Quantity, ...]
    en: tuple[Quantity, ...]
    answered: bool  # the pair has English (a pair without any is the omitted_sentence check's)


class _ValueMismatch(DocumentCheck):
    """Quantities of one family in a paragraph's Chinese and its English, paired by meaning
    (workbench/text/quantity.py): 500多万 is rendered by "more than 5 million" and by "5 million",
    第5个月 by "the fifth month". A firm Chinese figure left without a partner is reported: on the
    English figure that stands in its place in the same pair ("1.28 billion" for 128亿), with the right
    value as a suggestion only when it is certain, or else as missing from the pair's English."""

    scope = "paragraph"
    family = ""
    missing_severity: str | None = None

    def observe(self, pair: PairContext) -> _Seen:
        answered = pair.translated
        return _Seen(read_zh(pair.source), read_en(pair.target) if answered else (), answered)

    def judge(self, pairs: list[PairContext], observations: list) -> Iterator[tuple[int, Finding]]:
        numbered = list(zip(pairs, observations))
        for _, group in groupby(numbered, key=lambda item: item[0].paragraph):
            yield from self._paragraph(list(group))

    def _paragraph(self, group: list[tuple[PairContext, _Seen]]) -> Iterator[tuple[int, Finding]]:
        zh = [(place, q) for place, (_, seen) in enumerate(group) for q in seen.zh]
        en = [(place, q) for place, (_, seen) in enumerate(group) for q in seen.en]
        matched = match(zh, en)
        done = {a for a, _ in matched}
        # a figure the Chinese repeats (前20%与后20%) is rendered once in good English ("top and bottom 20%")
        repeated = {(zh[a][0], zh[a][1].kind, zh[a][1].value) for a in done}
        zh_left = [i for i in range(len(zh)) if i not in done and self._reported(zh[i][1])
                   and group[zh[i][0]][1].answered and (zh[i][0], zh[i][1].kind, zh[i][1].value) not in repeated]
        en_left = [j for j in range(len(en)) if j not in {b for _, b in matched} and self._reported(en[j][1])]
        def leftover(place: int, kind: str) -> tuple[int, int]:
            kinds = _RIVALS[kind]
            return (sum(1 for k in zh_left if zh[k][0] == place and zh[k][1].kind in kinds),
                    sum(1 for k in en_left if en[k][0] == place and en[k][1].kind in kinds))

        # a fix is certain only when the pair leaves exactly one figure of the kind on either side
        alone = {i: leftover(zh[i][0], zh[i][1].kind) == (1, 1) for i in zh_left}
        for i in list(zh_left):
            place, wanted = zh[i]
            rivals = [j for j in en_left if en[j][0] == place and en[j][1].kind in _RIVALS[wanted.kind]]
            if not rivals:
                continue
            j = rivals[0]
            en_left.remove(j)
            zh_left.remove(i)
            pair = group[place][0]
            yield pair.index, self._wrong(pair, wanted, en[j][1], certain=alone[i])
        for i in zh_left:
            place, absent = zh[i]
            pair = group[place][0]
            yield pair.index, self.finding(
                pair, 0, len(pair.target),
                f"{pair.source[absent.start:absent.end]} in the source is missing from the English.",
                severity=self.missing_severity)

    def _reported(self, quantity: Quantity) -> bool:
        return quantity.firm and quantity.family == self.family

    def _wrong(self, pair: PairContext, wanted: Quantity, written: Quantity, certain: bool) -> Finding:
        """A wrong figure; its fix only when the intended English value is certain: an exact source figure,
        an English figure in digits of the same kind, and no other figure of that kind left over."""
        text = pair.target[written.start:written.end]
        source = pair.source[wanted.start:wanted.end]
        if (certain and not wanted.approx and not written.approx and wanted.kind == written.kind
                and wanted.kind in _CERTAIN and any(c.isdigit() for c in text)):
            suggestion = self.suggest(wanted, text)
            return self.finding(pair, written.start, written.end,
                                f"“{text}” does not match {source} in the source (expected {suggestion}).",
                                [suggestion])
        return self.finding(pair, written.start, written.end,
                            f"“{text}” does not match {source} in the source: check the figure.")

    def suggest(self, quantity: Quantity, written: str) -> str:
        raise NotImplementedError


class NumberMismatch(_ValueMismatch):
    """A number, percentage, ordinal, multiple or decade of the source that the English gives with another
    value or scale (128亿 as "1.28 billion"), or leaves out. Correct renderings compare equal: 128亿 and
    12.8 billion, 1.2万 and 12,000, 500多万 and "more than 5 million", 第5 and "fifth", 90后 and "post-90s".
    Model names (火星-17, Mate 60) are names, and 一, 两, 十 alone are as often words as figures: neither
    is ever reported missing."""

    check_id = "number_mismatch"
    category = "number"
    severity = "error"
    family = "number"

    def suggest(self, quantity: Quantity, written: str) -> str:
        if quantity.kind == "percent":
            unit = "%" if written.rstrip().endswith("%") else " percent"
            return f"{quantity.value:.6g}{unit}"
        return format_number(quantity.value)


class DateMismatch(_ValueMismatch):
    """A date, month, day or year of the source given differently in the English (3月8日 as "March 18"),
    or left out. March 8, 8 March and "the morning of December 12" for 12月12日上午 compare equal, and so
    do 2023-2027年 and "2023-2027", 10日 and "the 10th", 3月上旬 and "early March"."""

    check_id = "date_mismatch"
    category = "date"
    severity = "error"
    family = "date"
    missing_severity = "warning"

    def suggest(self, quantity: Quantity, written: str) -> str:
        if quantity.kind == "year":
            return f"{quantity.value:.0f}"
        if quantity.kind == "month":
            return MONTH_NAMES[int(quantity.value) - 1]
        month, day = MONTH_NAMES[int(quantity.value) // 100 - 1], int(quantity.value) % 100
        return f"{day} {month}" if written[:1].isdigit() else f"{month} {day}"


_DIGIT_GROUP = re.compile(r"(?<=\d)[,\u00a0 ](?=\d{3}\b|\d{3}[^\d])")


class LatinTokenMissing(Check):
    """A code the English must copy as it is (5G, ICT, HX-300) that is missing or written differently."""

    check_id = "latin_token_missing"
    category = "omission"
    severity = "warning"
    skips_untranslated = True

    def check(self, pair):
        present = {t[4:] for t in latin_tokens(pair.target)} | {w.lower() for w in pair.target.split()}
        target_lower = pair.target.lower()
        # "1,000Mbps" copies "1000Mbps": a thousands separator is English typography, not another code
        ungrouped = _DIGIT_GROUP.sub("", target_lower)
        for key in dict.fromkeys(latin_tokens(pair.source)):
            token = key[4:]
            if token in present or token in target_lower or _DIGIT_GROUP.sub("", token) in ungrouped:
                continue
            squeezed = token.replace("-", "").replace(" ", "")
            near = [t for t in present if t.replace("-", "").replace(" ", "") == squeezed]
            original = next(w for w in latin_words(pair.source) if w.lower() == token)
            if near:
                start = target_lower.find(near[0])
                yield self.finding(pair, start, start + len(near[0]), f"Write “{original}” as in the source.",
                                   [original], safe=True)
            else:
                yield self.finding(pair, 0, len(pair.target), f"“{original}” from the source is missing.")


CHECKS = (LatinTokenMissing,)
DOCUMENT_CHECKS = (DateMismatch, NumberMismatch)
