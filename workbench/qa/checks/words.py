"""Word-level checks: repeated words, phrases repeated in a loop, a lower-case letter where a sentence starts."""

from __future__ import annotations

import re

from workbench.qa.checks.base import Check
from workbench.text.abbreviations import is_abbreviation

_REPEAT = re.compile(r"\b([A-Za-z]+)(\s+)(\1)\b", re.IGNORECASE)
# doubled words that are good English: "had had", "that that", "what it is is", emphasis, interjections
_ALLOWED_REPEATS = {"that", "had", "is", "do", "bye", "so", "very", "ha", "no", "really", "many", "much", "far",
                    "long", "more", "again", "over", "on", "yes", "now", "well", "bla", "blah", "knock", "tut"}
# a doubled function word is a slip whatever the sentence: deleting one is certain
_FUNCTION_WORDS = {"the", "a", "an", "of", "to", "in", "at", "for", "with", "by", "from", "and", "or", "but",
                   "as", "its", "their", "his", "her", "our", "this", "these", "those", "was", "were", "are",
                   "be", "been", "will", "would", "which", "who", "than", "into", "onto", "about"}
_LOWER_AFTER_END = re.compile(r"(?<=[a-z0-9\)”\"’][.!?])(\s+)([a-z])")
_LOWER_START_OK = re.compile(r"(?:iPhone|iPad|eBay|e-|mRNA|pH|km|kg|mm|cm|m\b)")


class RepeatedWord(Check):
    """The same word twice in a row ("the the"), almost always an editing slip.

    Not a slip: a doubled word that English allows ("had had", "that that", "very very"), and a
    capitalised word written twice (Fang Fang, Li Li, Walla Walla): Chinese given names are often
    reduplicated (芳芳, 丽丽) and place names can be too. Only a doubled function word is certain
    enough to delete in one click; a doubled content word ("protest protest") is shown, not fixed.
    """

    check_id = "repeated_word"
    category = "repetition"
    severity = "error"

    def check(self, pair):
        for match in _REPEAT.finditer(pair.target):
            first, second = match.group(1), match.group(3)
            if first.lower() in _ALLOWED_REPEATS or (first[:1].isupper() and second[:1].isupper()):
                continue
            yield self.finding(pair, match.start(), match.end(), f"“{first}” is repeated.",
                               [first], safe=first.lower() in _FUNCTION_WORDS)


class LowercaseSentenceStart(Check):
    """A sentence that starts with a lower-case letter after a full stop, question or exclamation mark.

    A straight quotation mark standing apart before the word closes a quotation ("… home!" said
    Fang): what follows continues the sentence. A segment that opens with a bracket opens an aside
    ("(applause)"), not a sentence. The capital is suggested, never applied in one click:
    a lower-case start in a machine draft is as often a broken sentence as a missing capital.
    """

    check_id = "lowercase_sentence_start"
    category = "style"
    severity = "warning"

    def check(self, pair):
        target = pair.target
        for match in _LOWER_AFTER_END.finditer(target):
            start = match.start(2)
            if _LOWER_START_OK.match(target, start) or _after_abbreviation(target, match.start(1)):
                continue
            yield self.finding(pair, start, start + 1, "A sentence starts with a lower-case letter.",
                               [target[start].upper()])
        first = re.match(r"\s*(?:“\s*|\"(?=\S))*([a-z])", target)
        if first and not _LOWER_START_OK.match(target, first.start(1)):
            start = first.start(1)
            yield self.finding(pair, start, start + 1, "The segment starts with a lower-case letter.",
                               [target[start].upper()])


_WORD = re.compile(r"\w+(?:['’-]\w+)*")
LOOP_LONGEST_UNIT = 12  # words in the longest phrase looked for
# a phrase of a few words repeated this often is stuck output; one or two words repeat legitimately
# a little more ("No, no, no", "very, very, very"), so they need more repeats
LOOP_REPEATS = {1: 5, 2: 4}
LOOP_REPEATS_LONGER = 3


class RepeatedPhrase(Check):
    """A phrase repeated over and over ("the University of Bern, Bern, Bern, Bern, Bern, …", "the history of
    the country, the history of the country, …"): machine output stuck in a loop, which hides that
    the rest of the sentence was never translated. Shown, never fixed: what belongs there is missing.
    """

    check_id = "repeated_phrase"
    category = "repetition"
    severity = "error"

    def check(self, pair):
        words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(pair.target)]
        position = 0
        while position < len(words):
            loop = _loop_at(words, position)
            if loop is None:
                position += 1
                continue
            size, repeats = loop
            first_end = words[position + size - 1][1]
            last_end = words[position + size * repeats - 1][1]
            phrase = pair.target[words[position][0]:first_end]
            yield self.finding(pair, first_end, last_end,
                               f"“{phrase}” is repeated {repeats} times: the draft is stuck in a loop here, "
                               "and what the source says next is probably missing.")
            position += size * repeats


def _loop_at(words, position: int) -> tuple[int, int] | None:
    """(phrase length in words, repeats) of the loop starting at ``position``, the longest stretch first."""
    best = None
    for size in range(1, LOOP_LONGEST_UNIT + 1):
        unit = [w for _, _, w in words[position:position + size]]
        if len(unit) < size:
            break
        repeats = 1
        while [w for _, _, w in words[position + size * repeats:position + size * (repeats + 1)]] == unit:
            repeats += 1
        if repeats >= LOOP_REPEATS.get(size, LOOP_REPEATS_LONGER) and (best is None or size * repeats > best[0] * best[1]):
            best = (size, repeats)
    return best


def _after_abbreviation(text: str, end: int) -> bool:
    word = re.search(r"(\S+)$", text[:end])
    return bool(word and is_abbreviation(word.group(1)))


CHECKS = (LowercaseSentenceStart, RepeatedPhrase, RepeatedWord)
