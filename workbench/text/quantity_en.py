"""Quantities as an English draft writes them: 1,300, 12.8 billion, $5bn, five, a dozen, a million, hundreds of,
more than 5 million, three to five, 5-11, fifth, 14th, the 1980s, the '80s, post-90s, 30 percent, 3 percentage
points, twice, February 11, early March, 2023."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from workbench.text.quantity import Quantity, bounded, exact, vague
from workbench.text.quantity import free as _free, numeric_dates as _numeric_dates, take as _take

MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
SCALES = {"hundred": 100, "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
          "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
UNITS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                     "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
ORDINALS = {w: n for n, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1)}
ORDINALS.update({w: 10 * n for n, w in enumerate(
    "thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(), start=3)})
MULTIPLES = {"twice": 2, "thrice": 3, "double": 2, "doubled": 2, "doubling": 2, "triple": 3, "tripled": 3, "tripling": 3,
             "quadruple": 4, "quadrupled": 4, "threefold": 3, "fourfold": 4, "fivefold": 5, "tenfold": 10}
_HOW = {"more than": "more", "over": "more", "upwards of": "more", "in excess of": "more", "at least": "more",
        "just over": "more", "nearly": "less", "almost": "less", "close to": "less", "up to": "less",
        "less than": "less", "fewer than": "less", "under": "less", "just under": "less", "about": "about",
        "around": "about", "some": "about", "roughly": "about", "approximately": "about", "an estimated": "about",
        "approx.": "about"}

_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    r"|(?:the\s+)?(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\b(?:,?\s+(?P<year2>\d{4})\b)?)")
_MONTH_ALONE = re.compile(r"\b(?:(?:early|mid|late)[- ])?(?P<name>January|February|March|April|June|July|August|"
                          r"September|October|November|December)\b|\b(?:early|mid|late|in|of)[- ]May\b")
_DECADE = re.compile(r"(?:\bpost-?\s?|\b)(?:the\s+)?['‘’]?(?P<num>(?:1[89]|20)?\d0)['’]?s\b|\bpost-(?P<gen>\d\d)\b")
_APPROX = "|".join(sorted((re.escape(w) for w in _HOW), key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?:(?P<how>\b(?i:{_APPROX}))\s+)?(?<!\w)(?<!\d\.)"
    r"(?P<cur>(?:US|HK|NT|A|C|S)?\$|[£€¥]|(?:RMB|RM|USD|CNY|Rs)\.?\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?!\.\d)(?!,\d{3}\b)(?P<ord>st|nd|rd|th)?(?:(?P<glued>bn|mn|tn|m|k|b)|(?P<x>x)|(?P<tail>[A-Za-z]+))?\b"
    # a title-case headline writes "30 Billion Yuan", "5 Percent", "3 Times"
    r"(?:(?:\s+|-)(?P<scale>(?i:hundred|thousand|million|mln|billion|bn|trillion))s?\b)?"
    r"(?P<plus>-?plus\b|\+)?"
    r"(?:\s*(?P<pct>%|(?i:percent)\b|(?i:per\s?cent)\b|pct\b|(?i:percentage points?)\b|basis points?\b|bps?\b|‰|per thousand\b)"
    r"|(?:\s+|-)(?P<times>(?i:times)\b|fold\b))?"
)
_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
         r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
         r"|thousand|million|billion|trillion|dozen|half|quarter(?:\s+of)?)")
_WORDS = re.compile(
    rf"(?:(?P<how>\b(?:{_APPROX}))\s+)?(?P<a>\b(?:a|an)\s+)?\b(?P<words>{_WORD}(?:(?:\s+and\s+|\s+|-)(?:a\s+)?{_WORD})*)\b"
    r"(?P<times>\s+times\b|-fold\b)?(?P<pct>\s+percent\b|\s+per\s?cent\b)?", re.IGNORECASE)
_ORDINAL_WORDS = re.compile(r"\b(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?P<word>"
                            + "|".join(ORDINALS) + r")\b", re.IGNORECASE)
_VAGUE = re.compile(r"\b(?:(?P<few>several|a few|a couple of)\s+(?P<unit>hundred|thousand|million|billion)"
                    r"|(?P<outer>tens|hundreds)\s+of\s+(?P<inner>thousands|millions|billions)"
                    r"|(?P<plural>dozens|tens|hundreds|thousands|millions|billions))\b", re.IGNORECASE)
_MULTIPLE = re.compile(r"\b(?:" + "|".join(MULTIPLES) + r")\b", re.IGNORECASE)
_HALF = re.compile(r"\bdecade\b", re.IGNORECASE)
_CODE_BEFORE = re.compile(r"(?:[A-Za-z]-|[A-Za-z]|\b(?!(?:In|On|By|At|Of|To|For|From|The|And|Or|Over|About|Nearly|Some|"
                          r"Around|Almost|Up|Until|Since|Between|Than|Only|No|US|USD|RMB|HK|May|" + "|".join(
                              m.title() for m in MONTHS) + r")\b)[A-Z][A-Za-z]+\s)$")
_PLURAL = {"dozens": 12, "tens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}


@lru_cache(maxsize=8192)
def read_en(text: str) -> tuple[Quantity, ...]:
    """Every quantity in English text, in order."""
    if not re.search(r"\d|[A-Za-z]{3}", text):
        return ()
    taken = bytearray(len(text))
    found: list[Quantity] = []
    for reader in (_numeric_dates, _dates, _months, _decades, _vague, _numbers, _ordinal_words, _words,
                   _multiples, _halves, _articles):
        found += reader(text, taken)
    return tuple(sorted(found, key=lambda q: q.start))


def _dates(text: str, taken: bytearray) -> list[Quantity]:
    found = []
    for m in _DATE.finditer(text):
        month = MONTHS[(m["month"] or m["month2"]).lower().rstrip(".")]
        day = int(m["day"] or m["day2"])
        if not 1 <= day <= 31:
            continue
        found.append(exact(month * 100 + day, "date", m.start(), m.end()))
        year = m["year"] or m["year2"]
        if year:
            group = "year" if m["year"] else "year2"
            found.append(exact(float(year), "year", m.start(group), m.end(group)))
        _take(taken, m.start(), m.end())
    return found


def _months(text: str, taken: bytearray) -> list[Quantity]:
    found = []
    for m in _MONTH_ALONE.finditer(text):
        if _free(taken, m.start(), m.end()):
            found.append(exact(MONTHS[(m["name"] or "may").lower()], "month", m.start(), m.end()))
            _take(taken, m.start(), m.end())
    return found


def _decades(text: str, taken: bytearray) -> list[Quantity]:
    """the 1980s, the '80s, 80s, post-90s, post-00s."""
    found = []
    for m in _DECADE.finditer(text):
        if not _free(taken, m.start(), m.end()):
            continue
        value = float(m["num"] or m["gen"])
        if value < 100:
            value += 2000 if value < 30 else 1900
        found.append(exact(value, "decade", m.start(), m.end()))
        _take(taken, m.start(), m.end())
    return found


def _vague(text: str, taken: bytearray) -> list[Quantity]:
    """hundreds of, tens of thousands, several hundred, dozens: an order of magnitude."""
    found = []
    for m in _VAGUE.finditer(text):
        if not _free(taken, m.start(), m.end()):
            continue
        if m["few"]:
            unit = SCALES[m["unit"].lower()]
        elif m["outer"]:
            unit = _PLURAL[m["outer"].lower()] * _PLURAL[m["inner"].lower()]
        else:
            unit = _PLURAL[m["plural"].lower()]
        found.append(vague(2 * unit, 10 * unit, "number", m.start(), m.end()))
        _take(taken, m.start(), m.end())
    return found


def _numbers(text: str, taken: bytearray) -> list[Quantity]:
    found: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        if not _free(taken, m.start("num"), m.end("num")):
            continue
        raw = m["num"]
        value = float(raw.replace(",", ""))
        glued = m["glued"]
        unit_glued = m["tail"] or (glued in ("m", "b", "k") and not m["cur"])  # 6km, 5m: five metres
        scale = 1 if unit_glued else SCALES.get((m["scale"] or glued or "").lower(), 1)
        value *= scale
        start = m.start("how") if m["how"] else m.start()
        if unit_glued or _is_code(text, m.start("num"), m.end("num")) and not (scale > 1 or m["pct"]):
            found.append(exact(value, "code", m.start("num"), m.end("num"), firm=False))
            continue
        pct = (m["pct"] or "").lower()
        if pct:
            kind = "percent"
            value = value / 100 if pct.startswith(("basis", "bp")) else value / 10 if pct in ("‰", "per thousand") \
                else value
        elif m["times"] or m["x"]:
            kind = "multiple"
        elif m["ord"]:
            kind = "ordinal"
        elif re.fullmatch(r"(1[5-9]|20)\d\d", raw) and scale == 1:
            kind = "year"
        else:
            kind = "number"
        how = "more" if m["plus"] else _HOW.get((m["how"] or "").lower())
        found.append(bounded(value, kind, start, m.end(), how) if how else exact(value, kind, start, m.end()))
        _take(taken, start, m.end())
    return _ranges(text, found)


def _ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """3 to 5 million, 3-5%: the scale and unit of the second figure are the first one's too."""
    result = list(found)
    for i in range(len(result) - 1):
        first, second = result[i], result[i + 1]
        between = text[first.end:second.start]
        if (first.kind == "number" and second.kind in ("number", "percent")
                and re.fullmatch(r"\s*(?:-|–|—|to|and|or)\s*", between) and second.value > first.value
                and (second.value >= 1000 * first.value or second.kind == "percent")):
            factor = second.value / float(_digits(text, second)) if second.kind == "number" else 1
            result[i] = replace(first, value=first.value * factor, kind=second.kind, low=first.low * factor,
                                high=first.high * factor)
    return result


def _digits(text: str, q: Quantity) -> str:
    m = re.search(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", text[q.start:q.end])
    return m.group().replace(",", "") if m else "1"


def _is_code(text: str, start: int, end: int) -> bool:
    """Hwasong-17, 5G, Mate 60, COVID-19: digits glued to Latin letters or after a capitalised name."""
    after = text[end] if end < len(text) else " "
    if after.isascii() and after.isalpha() and not re.match(r"(?:st|nd|rd|th|s|bn|mn|tn|m|k|b|x)\b", text[end:]):
        return True
    return after_name(text, start) and not re.match(r"\d{4}\b", text[start:])


def after_name(text: str, start: int) -> bool:
    """Digits right after a capitalised name or glued to letters (Mate 60, Kirin 9000, A320): a model, not a count."""
    return bool(_CODE_BEFORE.search(text[max(0, start - 16):start]))


def words_value(words: str) -> float | None:
    """one hundred and twenty -> 120; twenty-five -> 25; three million -> 3,000,000; a dozen -> 12."""
    total = current = 0.0
    seen = False
    for word in re.split(r"\s+and\s+|\s+|-", words.lower()):
        if word in ("a", "of"):  # two and a half million, half a million, a quarter of a million
            continue
        if word == "quarter":
            current += 0.25
        elif word == "half":
            current += 0.5
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _words(text: str, taken: bytearray) -> list[Quantity]:
    found = []
    for m in _WORDS.finditer(text):
        if not _free(taken, m.start("words"), m.end("words")):
            continue
        value = words_value(m["words"])
        if value is None:
            continue
        start = m.start("how") if m["how"] else m.start()
        kind = "multiple" if m["times"] else "percent" if m["pct"] else "number"
        how = _HOW.get((m["how"] or "").lower())
        quantity = bounded(value, kind, start, m.end(), how, firm=False) if how else exact(
            value, kind, start, m.end(), firm=False)
        found.append(quantity)
        _take(taken, start, m.end())
    return found


def _ordinal_words(text: str, taken: bytearray) -> list[Quantity]:
    found = []
    for m in _ORDINAL_WORDS.finditer(text):
        if _free(taken, m.start(), m.end()):
            value = ORDINALS[m["word"].lower()] + (TENS[m["tens"].lower()] if m["tens"] else 0)
            found.append(exact(value, "ordinal", m.start(), m.end(), firm=False))
    return found


def _multiples(text: str, taken: bytearray) -> list[Quantity]:
    return [exact(MULTIPLES[m.group().lower()], "multiple", m.start(), m.end(), firm=False)
            for m in _MULTIPLE.finditer(text) if _free(taken, m.start(), m.end())]


def _halves(text: str, taken: bytearray) -> list[Quantity]:
    """"the past decade" for 近10年."""
    return [exact(10.0, "number", m.start(), m.end(), firm=False)
            for m in _HALF.finditer(text) if _free(taken, m.start(), m.end())]


_ARTICLE = re.compile(r"\b(?:a|an|single)\b")


def _articles(text: str, taken: bytearray) -> list[Quantity]:
    """"a research institute" for 1家研究机构: an article is a soft one, there only to be matched."""
    return [exact(1.0, "number", m.start(), m.end(), firm=False)
            for m in _ARTICLE.finditer(text) if _free(taken, m.start(), m.end())]
