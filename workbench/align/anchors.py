"""Anchors that carry across languages: numbers by value, Latin tokens, glossary pairs, pinyin names.

Each sentence gets a multiset of anchor keys; the aligner rewards a bead whose two sides share
keys and penalises keys left without a partner.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from workbench.model import Term
from workbench.text.pinyin import english_pinyin_names
from workbench.text.quantity_en import read_en
from workbench.text.quantity_zh import read_zh
from workbench.text.tokens import latin_words

def latin_tokens(text: str) -> list[str]:
    """Tokens that a translation copies as they are: 5G, ICT, AI, WZ-5200, PM2.5, iPhone."""
    found = []
    for token in latin_words(text):
        lower = token.lower()
        if token == lower or lower == token.upper():
            continue  # ordinary words and bare numbers (numbers are anchors of their own)
        if token[0].isupper() and (len(token) == 1 or token[1:].islower()):
            continue  # plain "Group" and a lone "A" do not count; "McDonald"-style words still do
        found.append("lat:" + lower)
    return found


@dataclass(frozen=True, slots=True)
class GlossaryIndex:
    """Aho–Corasick automata over the glossary's Chinese terms and lower-cased English renderings."""

    zh: object
    en: object

    @classmethod
    def build(cls, terms: tuple[Term, ...]) -> GlossaryIndex | None:
        import ahocorasick

        if not terms:
            return None
        zh, en = ahocorasick.Automaton(), ahocorasick.Automaton()
        for number, term in enumerate(terms):
            if term.source:
                zh.add_word(term.source, (len(term.source), number))
            if term.target:
                en.add_word(term.target.lower(), (len(term.target), number))
        zh.make_automaton()
        en.make_automaton()
        return cls(zh, en)

    def keys(self, automaton, text: str) -> list[str]:
        """Longest non-overlapping matches, as anchor keys."""
        matches = sorted(
            ((end - length + 1, end + 1, number) for end, (length, number) in automaton.iter(text)),
            key=lambda m: (m[0], -(m[1] - m[0])),
        )
        keys, reach = [], -1
        for start, end, number in matches:
            if start >= reach:
                keys.append(f"g:{number}")
                reach = end
        return keys


def number_keys(quantities) -> Counter:
    """Figures as anchors: only firm ones (a Chinese 一 or an English "one" is as often a word) and no
    model names, keyed by value so that 128亿 meets "12.8 billion" (workbench/text/quantity.py)."""
    return Counter(q.key for q in quantities if q.firm and q.kind != "code")


def zh_anchors(text: str, glossary: GlossaryIndex | None) -> Counter:
    keys = number_keys(read_zh(text))
    keys.update(latin_tokens(text))
    if glossary is not None:
        keys.update(glossary.keys(glossary.zh, text))
    return keys


def en_anchors(text: str, glossary: GlossaryIndex | None) -> Counter:
    keys = number_keys(read_en(text))
    keys.update(latin_tokens(text))
    if glossary is not None:
        keys.update(glossary.keys(glossary.en, text.lower()))
    return keys


def en_names(text: str) -> list[str]:
    """Romanised names as " jiang wei dong" search strings; they only ever count as matches."""
    return [" " + " ".join(syllables) for _, _, syllables in english_pinyin_names(text)]


