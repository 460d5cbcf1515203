"""Text left untranslated: Chinese in the English, an empty target, a target identical to its source."""

from __future__ import annotations

import re

from workbench.qa.checks.base import Check
from workbench.text.scripts import CJK_PUNCTUATION, HAN

_CJK_RUN = re.compile(f"[{HAN}][{HAN}{CJK_PUNCTUATION}·]*")


class ChineseInTarget(Check):
    """Chinese characters left in the English (a term or clause the translator did not translate)."""

    check_id = "chinese_in_target"
    category = "untranslated"
    severity = "error"

    def check(self, pair):
        if pair.target == pair.source:
            return  # reported once, by identical_to_source
        for match in _CJK_RUN.finditer(pair.target):
            run = match.group().rstrip("，。：；！？、")
            rendering = pair.glossary.rendering_of(run) if pair.glossary is not None else None
            yield self.finding(pair, match.start(), match.start() + len(run), f"Untranslated Chinese “{run}”.",
                               [rendering] if rendering else [], safe=False)


class EmptyTarget(Check):
    """A pair whose source has text but whose English is empty although it is not a 1-0 omission bead."""

    check_id = "empty_target"
    category = "omission"
    severity = "error"

    def check(self, pair):
        if pair.source.strip() and not pair.target.strip() and pair.kind != "1-0":
            yield self.finding(pair, 0, len(pair.target), "The English is empty.")


class IdenticalToSource(Check):
    """An English target that is a copy of the Chinese source."""

    check_id = "identical_to_source"
    category = "untranslated"
    severity = "error"

    def check(self, pair):
        if pair.target.strip() and pair.target.strip() == pair.source.strip() and _CJK_RUN.search(pair.source):
            yield self.finding(pair, 0, len(pair.target), "The English is a copy of the Chinese source.")


CHECKS = (ChineseInTarget, EmptyTarget, IdenticalToSource)
