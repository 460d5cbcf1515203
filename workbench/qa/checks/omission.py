"""Omissions: a source sentence with no English, or English far shorter than the source predicts."""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.align.lexicon import english_stems, load_lexicon, stem
from workbench.qa.checks.base import Check, DocumentCheck
from workbench.text.pinyin import english_pinyin_names, han_pinyin_string
from workbench.text.dateline import english_credit, read_credit

# English shorter than this share of the length the document's ratio predicts is flagged.
SHORT_SHARE = 0.35
MIN_SOURCE = 15  # Chinese characters; short titles and datelines vary too much to judge


def _visible(text: str) -> int:
    return len("".join(text.split()))


class OmittedSentence(Check):
    """A 1-0 pair: the aligner found no English for this Chinese sentence."""

    check_id = "omitted_sentence"
    category = "omission"
    severity = "error"

    def check(self, pair):
        if pair.kind == "1-0" and pair.source.strip():
            yield self.finding(pair, 0, 0, "This Chinese sentence has no English translation in the draft.")


class TooShort(Check):
    """English far shorter than the document's length ratio predicts: part of the sentence is missing."""

    check_id = "target_too_short"
    category = "omission"
    severity = "warning"
    skips_untranslated = True

    def check(self, pair):
        source, target = _visible(pair.source), _visible(pair.target)
        if source < MIN_SOURCE:
            return
        expected = pair.length_ratio * source
        if target < SHORT_SHARE * expected:
            yield self.finding(pair, 0, len(pair.target),
                               f"The English ({target} characters) is much shorter than the Chinese predicts "
                               f"(about {expected:.0f}); part of it may be missing.")


class UnpairedTarget(Check):
    """A 0-1 pair: English with no Chinese sentence behind it — an addition, or a shortened
    translation of a sentence the aligner found missing nearby."""

    check_id = "unpaired_target"
    category = "omission"
    severity = "warning"

    def check(self, pair):
        if pair.kind == "0-1" and pair.target.strip():
            yield self.finding(pair, 0, len(pair.target), "This English has no Chinese source sentence: check "
                               "whether it is an addition or a shortened translation of a nearby sentence.")


class CreditMissing(Check):
    """The Chinese credits the story (新华社北京2月11日电, （德国之声中文网）, …-中新网) and the English does
    not: the published translation would not say who reported it. Also the reporters of a credit line.

    The credit counts as rendered when the English has a credit line of its own (whatever its words), spells
    the outlet or a reporter in pinyin anywhere (Xinhua, Chen Shan), or has a dictionary gloss of the
    outlet's name where a credit goes (Economic Observer, Deutsche Welle, CCTV).
    """

    check_id = "credit_missing"
    category = "omission"
    severity = "warning"

    def check(self, pair):
        target = pair.target
        credit = read_credit(pair.source) if pair.translated else None
        if credit is None:
            return
        if not _credited(credit, target):
            where = "page title ends with its site" if credit.in_title else "story opens with the credit line"
            yield self.finding(pair, 0, len(target), f"The Chinese {where} “{credit.text}”; the English does not "
                               "say who reported it.")
        elif credit.reporters and not any(_spelled(name, target) for name in credit.reporters):
            yield self.finding(pair, 0, len(target), f"The reporters of the credit line (记者{'、'.join(credit.reporters)}) "
                               "are not named in the English.")


# gloss words every outlet shares: they say nothing about which outlet the English names
_GENERIC_GLOSS = frozenset(stem(w) for w in "news agency service network online website daily press reporter "
                           "chinese station newspaper".split())


# where a credit goes, these say the English names who reported it ("Vietnam News Agency's correspondent")
_ATTRIBUTION = re.compile(r"\bnews agency\b|\bcorrespondents?\b|\breporters?\b", re.IGNORECASE)


def _credited(credit, target: str) -> bool:
    if english_credit(target, credit.in_title):
        return True
    if any(_spelled(name, target) for name in (credit.outlet, *credit.reporters, credit.byline) if name):
        return True
    where = target[-40:] if credit.in_title else target[:60] + " " + target[-60:]
    if _ATTRIBUTION.search(where):
        return True
    return bool(credit.outlet) and _glossed(credit.outlet, where)


def _spelled(chinese: str, english: str) -> bool:
    """The pinyin of the first two characters of ``chinese`` spelled in ``english`` (Xinhua, Zhao Bo, Chinanews)."""
    syllables = han_pinyin_string(chinese[:2]).split()
    letters = "".join(c for c in english.lower() if c.isalpha())
    return len(syllables) == 2 and "".join(syllables) in letters


def _glossed(chinese: str, english: str) -> bool:
    """A distinctive gloss of a dictionary word of ``chinese`` among the English words (经济观察 -> Economic Observer)."""
    lexicon = load_lexicon()
    if lexicon is None:
        return False
    words = english_stems(english)
    return any((stems - _GENERIC_GLOSS) & words for stems in lexicon.words(chinese))


class ShortenedNearOmission(DocumentCheck):
    """English that names a person whose Chinese sentence, one or two pairs away, has no English:
    most likely a drastically shortened translation of that sentence, aligned to its neighbour."""

    check_id = "shortened_near_omission"
    category = "omission"
    severity = "warning"

    def judge(self, pairs, observations):
        omitted = [position for position, p in enumerate(pairs) if p.kind == "1-0"]
        nearby: dict[int, list[int]] = {}
        for position in omitted:
            for near in range(max(0, position - 2), min(len(pairs), position + 3)):
                nearby.setdefault(near, []).append(position)
        for position in sorted(nearby):
            pair = pairs[position]
            if not pair.target.strip():
                continue
            for start, end, syllables in _names(pair.target):
                name = " " + " ".join(syllables)
                if len(syllables) < 2 or name in _pinyin(pair.source):
                    continue
                near = [pairs[o] for o in nearby[position] if name in _pinyin(pairs[o].source)]
                if near:
                    yield pair.index, self.finding(
                        pair, start, end,
                        f"“{pair.target[start:end]}” belongs to the untranslated sentence “{near[0].source[:30]}…”; "
                        "this English may be a shortened translation of it.")


# remembered by text: after one edit the judgement above runs again over the whole document
@lru_cache(maxsize=65536)
def _pinyin(chinese: str) -> str:
    return han_pinyin_string(chinese)


@lru_cache(maxsize=65536)
def _names(english: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    return tuple(english_pinyin_names(english))


CHECKS = (CreditMissing, OmittedSentence, TooShort, UnpairedTarget)
DOCUMENT_CHECKS = (ShortenedNearOmission,)
