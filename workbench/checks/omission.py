"""Omissions: a source sentence with no English, or English far shorter than the source predicts."""

from __future__ import annotations

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

    def check_document(self, pairs):
        omitted = [p for p in pairs if p.kind == "1-0"]
        if not omitted:
            return
        for pair in pairs:
            if not pair.target.strip():
                continue
            nearby = [o for o in omitted if abs(o.index - pair.index) <= 2]
            if not nearby:
                continue
            own = None
            for start, end, syllables in english_pinyin_names(pair.target):
                name = " " + " ".join(syllables)
                own = own if own is not None else han_pinyin_string(pair.source)
                if len(syllables) < 2 or name in own:
                    continue
                near = [o for o in nearby if name in han_pinyin_string(o.source)]
                if near:
                    yield pair.index, Finding(
                        self.check_id, self.category, self.severity,
                        f"“{pair.target[start:end]}” belongs to the untranslated sentence “{near[0].source[:30]}…”; "
                        "this English may be a shortened translation of it.", start, end, pair.target[start:end],
                        (), "qa", False)


CHECKS = (OmittedSentence, TooShort, UnpairedTarget)
DOCUMENT_CHECKS = (ShortenedNearOmission,)
