"""Consistency across the document: a proper name written two ways ("Hengtai Industrial Park" and
later "Hengtai Industry Park"), whether or not the glossary knows it."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from workbench.qa.checks.base import DocumentCheck

_NAME_WORD = r"[A-Z][a-z]+(?:-[a-z]+)*"  # "Jong-un" is one word: its tail tells Kim Jong-un from Kim Jung-ae
_PHRASE = re.compile(rf"\b{_NAME_WORD}(?:[ -](?:of |and |the |for )?{_NAME_WORD}){{1,5}}\b")
# A word and the same word with one of these endings are grammar, not two spellings of one name:
# "North Korea" and "North Korean", "the Wuzheng Group" and "the Wuzheng Group's".
_DERIVED_ENDINGS = ("n", "an", "ian", "ese", "i", "ish", "s", "es", "'s", "’s")
_SENTENCE_OPENERS = {"The", "This", "In", "On", "At", "According", "After", "As", "By", "With", "For", "From"}


def _phrases(text: str):
    for match in _PHRASE.finditer(text):
        words = match.group().split()
        start = match.start()
        while words and (words[0] in _SENTENCE_OPENERS or words[0].islower()):
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) >= 2:
            yield start, match.end(), " ".join(words)


def _variant(first: str, later: str) -> bool:
    """Same name, one word written differently: same length in words, same first word, the differing
    word close in spelling or sharing its stem."""
    a, b = first.split(), later.split()
    if len(a) != len(b) or a[0] != b[0] or first == later:
        return False
    differing = [(x, y) for x, y in zip(a, b) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    short, long = sorted((x, y), key=len)
    if long.startswith(short) and long[len(short):] in _DERIVED_ENDINGS:
        return False
    if "-" not in x + y and x[:5].lower() == y[:5].lower():  # one stem: "Industrial" and "Industry"
        return True
    return fuzz.ratio(x.lower(), y.lower()) >= 75  # a hyphenated tail is a syllable: Jong-un is not Jong-il


class NameConsistency(DocumentCheck):
    """A multi-word proper name rendered one way early in the document and slightly differently later.

    No suggestion: which of the two is right ("Macao" or "Macau", "Fan Mingong" or "Fan Mingeng") the
    check cannot know, and a consistency fix between two plausible renderings is a coin toss."""

    check_id = "name_consistency"
    category = "consistency"
    severity = "warning"

    def observe(self, pair):
        return tuple(_phrases(pair.target))

    def judge(self, pairs, observations):
        seen: dict[tuple[str, int], list[str]] = {}  # (first word, number of words) -> phrases in order
        for pair, phrases in zip(pairs, observations):
            for start, end, phrase in phrases:
                words = phrase.split()
                same_shape = seen.setdefault((words[0], len(words)), [])
                earlier = next((s for s in same_shape if _variant(s, phrase)), None)
                if earlier is None:
                    if phrase not in same_shape:
                        same_shape.append(phrase)
                    continue
                yield pair.index, self.finding(pair, start, end,
                                               f"“{phrase}” is written “{earlier}” earlier in the document.")


_WORD = re.compile(r"[A-Za-z]{3,}")
MAX_GLOSSES = 8  # words with more senses than this are too general to judge ("发展", "工作")


class _Stems:
    """The five-letter stems of a text's words, indexed so that a gloss stem is matched in O(1):
    equal stems, or one a prefix (of at least four letters) of the other."""

    def __init__(self, words):
        words = list(words)
        self.full = {w[:5] for w in words}
        self.four = {w[:4] for w in words if len(w) >= 4}
        self.short = {w for w in self.full if len(w) == 4}
        self._any: dict[frozenset[str], bool] = {}  # memo of match_any: the same glosses come up again

    def __eq__(self, other) -> bool:  # equal observations let the re-check skip the judgement
        return isinstance(other, _Stems) and self.full == other.full

    __hash__ = None

    def match_any(self, glosses: frozenset[str]) -> bool:
        found = self._any.get(glosses)
        if found is None:
            found = self._any[glosses] = any(self.match(g) for g in glosses)
        return found

    def match(self, gloss: str) -> bool:
        if gloss in self.full:
            return True
        if len(gloss) == 4:
            return gloss in self.four
        return len(gloss) == 5 and gloss[:4] in self.short


@lru_cache(maxsize=65536)
def _stems_of(glosses: frozenset[str]) -> _Stems:
    return _Stems(glosses)


class TermRenderingConsistency(DocumentCheck):
    """A Chinese term outside the glossary rendered one way and later another ("conference" for 会议
    in three paragraphs, "meeting" in the fourth), judged by the term's CC-CEDICT senses.

    A hint, with no suggestion: on real news drafts (bench/real_drafts.py) none of its findings was
    an inconsistency a rater marked; "禁止 is “prohibit” earlier but “ban” here" is the variation good
    English wants, and replacing one word by the other's stem broke sentences ("on represented of")."""

    check_id = "term_consistency"
    category = "consistency"
    severity = "info"

    def observe(self, pair):
        """The terms of this pair whose English uses one of their senses: (term, stems, first use and
        its text). Everything a finding shows is in here, so equal observations mean equal findings."""
        lexicon = pair.document.lexicon
        if lexicon is None or not pair.target.strip():
            return None
        words = [(m.start(), m.end(), m.group().lower()[:5]) for m in _WORD.finditer(pair.target)]
        target_stems = _Stems(w for _, _, w in words)
        uses, seen_here = [], set()
        for start, end, glosses in lexicon.entries(pair.source):
            term = pair.source[start:end]
            if term in seen_here or len(glosses) > MAX_GLOSSES or (pair.glossary and pair.glossary.rendering_of(term)):
                continue
            seen_here.add(term)
            if not any(target_stems.match(g) for g in glosses):
                continue
            gloss_stems = _stems_of(glosses)
            stems = frozenset(w for w in target_stems.full if gloss_stems.match(w))
            if stems:
                ws, we = next((ws, we) for ws, we, w in words if w in stems)
                uses.append((term, stems, ws, we, pair.target[ws:we]))
        return (target_stems, tuple(uses)) if uses else None

    def judge(self, pairs, observations):
        first_use: dict[str, tuple[frozenset[str], str]] = {}
        for pair, observed in zip(pairs, observations):
            if observed is None:
                continue
            target_stems, uses = observed
            for term, stems, ws, we, word in uses:
                if term not in first_use:
                    first_use[term] = (stems, word.lower())
                    continue
                earlier, earlier_word = first_use[term]
                if _stems_of(earlier).match_any(stems) or target_stems.match_any(earlier):
                    continue
                yield pair.index, self.finding(
                    pair, ws, we, f"{term} is “{earlier_word}” earlier in the document but “{word}” here.", text=word)


DOCUMENT_CHECKS = (NameConsistency, TermRenderingConsistency)
