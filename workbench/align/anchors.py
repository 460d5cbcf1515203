"""Anchors that carry across languages: numbers by value, Latin tokens, glossary pairs, pinyin names.

Each sentence gets a multiset of anchor keys; the aligner rewards a bead whose two sides share
keys and penalises keys left without a partner.
"""

from __future__ import annotations

from collections import Counter

from workbench.glossary.matcher import GlossaryMatcher
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


def glossary_keys_zh(text: str, glossary: GlossaryMatcher) -> list[str]:
    """The glossary terms in a Chinese sentence (longest match wins), keyed by the term's Chinese."""
    return ["g:" + glossary.terms[m.term].source for m in glossary.source_matches(text)]


def glossary_keys_en(text: str, glossary: GlossaryMatcher) -> list[str]:
    """The glossary terms an English sentence renders, as the checks find them (whole words, plurals,
    spacing and case normalised), keyed by the term's Chinese. A forbidden variant counts: it is still
    that term translated, and the pairing is what is in question here, not the rendering."""
    found = dict.fromkeys((m.start, glossary.terms[m.term].source) for m in glossary.target_matches(text))
    return ["g:" + source for _, source in found]


def number_keys(quantities) -> Counter:
    """Figures as anchors: only firm ones (a Chinese 一 or an English "one" is as often a word) and no
    model names, keyed by value so that 128亿 meets "12.8 billion" (workbench/text/quantity.py)."""
    return Counter(q.key for q in quantities if q.firm and q.kind != "code")


def zh_anchors(text: str, glossary: GlossaryMatcher | None) -> Counter:
    keys = number_keys(read_zh(text))
    keys.update(latin_tokens(text))
    if glossary is not None:
        keys.update(glossary_keys_zh(text, glossary))
    return keys


def en_anchors(text: str, glossary: GlossaryMatcher | None) -> Counter:
    keys = number_keys(read_en(text))
    keys.update(latin_tokens(text))
    if glossary is not None:
        keys.update(glossary_keys_en(text, glossary))
    return keys


def en_names(text: str) -> list[str]:
    """Romanised names as " jiang wei dong" search strings; they only ever count as matches."""
    return [" " + " ".join(syllables) for _, _, syllables in english_pinyin_names(text)]


