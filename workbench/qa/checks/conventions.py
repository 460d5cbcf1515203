"""News-style conventions that professional reviewers of English news mark as errors."""

from __future__ import annotations

import re

from workbench.qa.checks.base import Check

# "US" as a word: not "US$", not inside an all-capitals headline, not a part of a code (US-1)
_US = re.compile(r"(?<![\w$.])US(?![\w$]|-\d)(\.)?")


class UsAbbreviation(Check):
    """"US" for the United States where news style (AP, Xinhua, Reuters' U.S. desk) writes "U.S.".

    Raters of English news mark the bare form nine times in ten (docs/checks.md); a house style that
    writes "US" (China Daily, the Guardian) switches this check off in its settings. The suggestion is
    shown, not applied: the choice is the house's.
    """

    check_id = "us_abbreviation"
    category = "spelling"
    severity = "warning"

    def check(self, pair):
        target = pair.target
        for match in _US.finditer(target):
            if _in_capitals(target, match.start(), match.end()):
                continue
            yield self.finding(pair, match.start(), match.end(),
                               "News style writes “U.S.” for the United States (switch this check off if your "
                               "house style writes “US”).", ["U.S."])


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Inside a headline in capitals ("US WARNS CHINA"): the neighbouring words are capitals too."""
    words = re.findall(r"[A-Za-z]{2,}", text[max(0, start - 30):start] + " " + text[end:end + 30])
    return bool(words) and all(w.isupper() for w in words)


CHECKS = (UsAbbreviation,)
