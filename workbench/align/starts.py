"""Where an English sentence ends and the next begins, read from the words alone.

Text copied as one block runs a headline, a byline or a credit into the next sentence with no full
stop between them. The aligner's cutting passes (split.py, headlines.py) need to know where an
English sentence could end there: before a word that starts like a sentence, after a word that
ends nothing. A capitalised common word after such a word ("…on sale Seven products") or a
quotation opening after a name ("…reporter Xia Bin "We entered…") says more: a sentence starts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.text.quantity_en import read_en

# an English sentence does not end on these: a cut after them is inside a sentence
NO_END_WORDS = frozenset(
    "a an the of to in on at by for with from as and or but nor that which who whose whom its his her their "
    "our my your is are was were be been being has have had will would shall should can could may might must "
    "than into onto per via about after before over under between among against during without within "
    "this these those such very more most less mr mrs ms dr prof no".split())

_EN_STARTS = re.compile(r"[A-Z0-9(“\"‘']")


def en_allowed(sentence: str):
    """Starts of words where an English sentence may end just before: the word after starts like a
    sentence, the word before is no article, preposition or conjunction, and no bracket is open."""
    positions = []
    depth = 0
    figures = set()  # "February| 11" is one date
    for quantity in read_en(sentence):
        figures.update(range(quantity.start + 1, quantity.end))
    for index, char in enumerate(sentence):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if index == 0 or not char.isspace():
            continue
        after = index + 1
        if after >= len(sentence) or not _EN_STARTS.match(sentence, after) or depth or after in figures:
            continue
        before = sentence[:index].rstrip()
        if not before or before[-1] in ",;:(“\"‘'&/-–—":
            continue
        last_word = re.search(r"[A-Za-z]+\Z", before)
        if last_word and last_word[0].lower() in NO_END_WORDS:
            continue
        if re.search(r"(?:^|\s)[A-Z][\w'’-]*\Z", before) and sentence[after].isupper():
            continue  # "… the County Fire Rescue Brigade": capitalised words in a row are a name
        positions.append(after)

    def allowed(lo: int, hi: int):
        return [p for p in positions if lo < p < hi]
    return allowed


_WORD = re.compile(r"[A-Za-z][a-z]+")
_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]+")
_OPENING_QUOTE = re.compile(r"[“\"‘'][A-Z]")
# a quotation that reads as a sentence runs past five words before it closes, or past the sentence
_QUOTED_SENTENCE = re.compile(r"[“\"‘'](?:[^”\"’'\s]+\s+){5}")
# a quotation: a double quote to the next, or a single quote that opens after a space to one before one
_QUOTATION = re.compile(r"[“\"][^”\"]*[”\"]|(?<![\w])[‘'][^‘’']*\w[’'](?!\w)")
# the words that open an English sentence even after a capitalised word: in a title-case headline a
# capital says nothing, but these do not follow a capitalised word inside a sentence
_OPENERS_AFTER_CAPITALS = frozenset(
    "the this these those it we they he she our its according recently yesterday today earlier".split())
_CAPITAL_AFTER = re.compile(r"\s+(?=[A-Z])")
_WORD_AFTER_WORD = re.compile(r"([A-Za-z0-9]+) (?=([A-Z][a-z]+)\b)")


@lru_cache(maxsize=4)  # both cutting passes ask for the same document's words
def lower_case_words(text: str) -> frozenset[str]:
    """The words a document writes in lower case somewhere: given a capital, such a word is no name."""
    return frozenset(_LOWER_WORD.findall(text))


def sentence_starts(sentence: str, common: frozenset[str]) -> list[int]:
    """Where an English sentence plausibly starts inside ``sentence`` with no punctuation before it: a
    word split.py allows a sentence to end before, that opens a quotation or is a common word (one the
    document also writes in lower case) given a capital, and is not inside a quotation."""
    quoted = _quoted(sentence)
    starts = []
    for position in en_allowed(sentence)(0, len(sentence)):
        if _OPENING_QUOTE.match(sentence, position):
            if _QUOTED_SENTENCE.match(sentence, position):
                starts.append(position)  # a quoted title or name ("Online Tours") starts nothing
            continue
        word = _WORD.match(sentence, position)
        if word and word[0][0].isupper() and word[0].lower() in common:
            starts.append(position)
    for match in _WORD_AFTER_WORD.finditer(sentence):  # after a capitalised word
        if match[2].lower() in _OPENERS_AFTER_CAPITALS and match[1].lower() not in NO_END_WORDS:
            starts.append(match.start(2))
    for match in _QUOTATION.finditer(sentence):  # a headline that ends on a quoted name: …"Online Tours" MGTO organized
        after = _CAPITAL_AFTER.match(sentence, match.end())
        if after:
            starts.append(after.end())
    return sorted({p for p in starts if p not in quoted and _reads_in_sentence_case(sentence, p)})


# the words a title-case headline leaves in lower case ("… Exceeds 30 Billion Yuan for the First Time")
_MINOR_WORDS = frozenset("a an the and but or nor for of on in at to by with from as up via vs per into over".split())
_NEXT_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
SENTENCE_CASE_WINDOW = 5  # words (minor ones aside) after a start among which a sentence shows a lower-case one


def _reads_in_sentence_case(sentence: str, position: int) -> bool:
    """Whether the words after ``position`` read as a sentence rather than as more of a title-case
    headline: a capital starts nothing inside "…Releases 2023 Annual Report: Operating Revenue…", where
    every word but the minor ones is capitalised, while a body shows a lower-case word within a few
    words even after a long name ("The Wall Street Journal reported…")."""
    words = [w for w in _NEXT_WORDS.findall(sentence, position)[1:] if w.lower() not in _MINOR_WORDS]
    window = words[:SENTENCE_CASE_WINDOW]
    return len(window) < SENTENCE_CASE_WINDOW or any(w[0].islower() for w in window)


_START_CANDIDATE = re.compile(r"\s(?:[“\"‘'][A-Z]|([A-Z][a-z]+))")


def may_start(text: str, common: frozenset[str]) -> bool:
    """Whether any sentence could start inside ``text`` by sentence_starts' measure: a quotation or a
    common word or opener with a capital after a space. A cheap test that lets the cutting passes skip
    the many sentences without one before reading their words."""
    for match in _START_CANDIDATE.finditer(text):
        word = match[1]
        if word is None or word.lower() in common or word.lower() in _OPENERS_AFTER_CAPITALS:
            return True
    return False


def _quoted(sentence: str) -> set[int]:
    """Offsets inside a quotation ("…'Chip War'…"), where no sentence starts."""
    inside: set[int] = set()
    for match in _QUOTATION.finditer(sentence):
        inside.update(range(match.start() + 1, match.end()))
    return inside
