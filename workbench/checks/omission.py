"""Omissions: a source sentence with no English, or English far shorter than the source predicts."""

from __future__ import annotations

from workbench.checks.base import Check

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


CHECKS = (OmittedSentence, TooShort)
