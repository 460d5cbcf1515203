"""Punctuation: full-width marks in English, spaces before and after marks, quotes and brackets."""

from __future__ import annotations

import re

from workbench.qa.checks.base import Check
from workbench.text.scripts import HAN

FULLWIDTH = {"，": ",", "。": ".", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?", "、": ",",
             "【": "[", "】": "]", "《": "“", "》": "”"}
_CJK = re.compile(f"[{HAN}]")
_SPACE_BEFORE = re.compile(r"(?<=\w)[ \u00a0]+([,.:;!?])(?=\s|$|[”\"’)])(?!\s+\d)")
_SPACE_BEFORE_QUOTE_COLON = re.compile(r"(?<=\w)[ \u00a0]+(:)(?=[“”\"])")
_MISSING_AFTER = re.compile(r"(?<=[a-z])([,;:])(?=[A-Za-z])|(?<=[a-z]{2})([.!?])(?=[A-Z][a-z])")


class FullwidthPunctuation(Check):
    """Chinese full-width punctuation (，。：；（）！？ and Chinese quotes) left in the English."""

    check_id = "fullwidth_punctuation"
    category = "punctuation"
    severity = "error"

    def check(self, pair):
        target = pair.target
        for index, char in enumerate(target):
            if char in FULLWIDTH and not _next_to_cjk(target, index):
                replacement = FULLWIDTH[char]
                start = index
                if replacement in ",.:;!?)]”":  # "creation 。" is "creation.": the space goes with the mark
                    while start > 0 and target[start - 1] in " \u00a0" and start - 1 > 0 and target[start - 2].isalnum():
                        start -= 1
                if replacement in ",.:;!?" and index + 1 < len(target) and target[index + 1].isalnum():
                    replacement += " "
                yield self.finding(pair, start, index + 1, f"Full-width “{char}” in English text.",
                                   [replacement], safe=True)


def _next_to_cjk(text: str, index: int) -> bool:
    """Full-width marks between Chinese characters belong to untranslated Chinese, reported there."""
    return bool(_CJK.match(text[index - 1: index]) or _CJK.match(text[index + 1: index + 2]))


class SpaceBeforePunctuation(Check):
    """A space before , . : ; ! ? — the French habit that shows up in Chinese-made English."""

    check_id = "space_before_punctuation"
    category = "punctuation"
    severity = "warning"

    def check(self, pair):
        seen = set()
        for pattern in (_SPACE_BEFORE, _SPACE_BEFORE_QUOTE_COLON):
            for match in pattern.finditer(pair.target):
                if match.start() in seen:
                    continue
                seen.add(match.start())
                mark = match.group(1)
                yield self.finding(pair, match.start(), match.end(), f"Space before “{mark}”.", [mark], safe=True)


class MissingSpaceAfterPunctuation(Check):
    """No space after a comma, semicolon or colon between words (growth,reaching), or after a full
    stop before a new sentence (rose.The)."""

    check_id = "missing_space_after_punctuation"
    category = "spacing"
    severity = "warning"

    def check(self, pair):
        for match in _MISSING_AFTER.finditer(pair.target):
            mark = match.group(1) or match.group(2)
            start = match.start()
            if _looks_like_code(pair.target, start):
                continue
            yield self.finding(pair, start, start + 1, f"No space after “{mark}”.", [mark + " "], safe=True)


def _looks_like_code(text: str, index: int) -> bool:
    """e.g., a.m., www.example.com and file.txt are not missing a space."""
    word_start = index
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word_end = index
    while word_end < len(text) and not text[word_end].isspace():
        word_end += 1
    word = text[word_start:word_end]
    return bool(re.search(r"www\.|https?:|@|\.(?:com|cn|org|net|gov)\b|\b[a-z]\.[a-z]\.", word))


CHECKS = (FullwidthPunctuation, MissingSpaceAfterPunctuation, SpaceBeforePunctuation)
