"""Omissions: a source sentence with no English, or English far shorter than the source predicts."""

from __future__ import annotations

from functools import lru_cache

from workbench.checks.base import Check, DocumentCheck
from workbench.model import Finding
from workbench.pinyin import english_pinyin_names, han_pinyin_string

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

    def check(self, pair):
        source, target = _visible(pair.source), _visible(pair.target)
        if pair.kind == "1-0" or not target or source < MIN_SOURCE:
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
                    yield pair.index, Finding(
                        self.check_id, self.category, self.severity,
                        f"“{pair.target[start:end]}” belongs to the untranslated sentence “{near[0].source[:30]}…”; "
                        "this English may be a shortened translation of it.", start, end, pair.target[start:end],
                        (), "qa", False)


# remembered by text: after one edit the judgement above runs again over the whole document
@lru_cache(maxsize=65536)
def _pinyin(chinese: str) -> str:
    return han_pinyin_string(chinese)


@lru_cache(maxsize=65536)
def _names(english: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    return tuple(english_pinyin_names(english))


CHECKS = (OmittedSentence, TooShort, UnpairedTarget)
DOCUMENT_CHECKS = (ShortenedNearOmission,)
