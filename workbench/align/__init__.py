"""Align a Chinese source with an existing English draft, sentence by sentence."""

from __future__ import annotations

import bisect
import gc
from itertools import accumulate
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from workbench.align.anchors import en_anchors, en_names, zh_anchors
from workbench.text.pinyin import han_pinyin_string, pinyin_table
from workbench.align.dp import AlignParams, Bead, Features, align_beads
from workbench.align.lexicon import load_lexicon
from workbench.align.refine import WordEvidence, refine, split_uncrossed
from workbench.align.headlines import split_headlines
from workbench.align.split import split_merges
from workbench.glossary.matcher import GlossaryMatcher
from workbench.model import Pair, Segmentation, Term

# How far (in sentences, around the proportional position) anchors and names are paired up.
ANCHOR_WINDOW = 60
NAME_WINDOW = 30


@dataclass(frozen=True, slots=True)
class Alignment:
    """The aligned pairs of one document, with the parameters that produced them.

    ``source`` and ``draft`` are the segmentations the pairs' indexes refer to: the ones given,
    with any run-on sentence cut where the other language showed a boundary (split.py).
    """

    pairs: tuple[Pair, ...]
    params: AlignParams
    length_ratio: float
    source: Segmentation | None = None
    draft: Segmentation | None = None

    @property
    def aligner(self) -> str:
        """How the pairs were made, for the signature of the findings on them: the parameters' version."""
        return self.params.version


def align(source: Segmentation, draft: Segmentation, terms: tuple[Term, ...] = (),
          params: AlignParams | None = None) -> Alignment:
    """Pair every source sentence with the draft sentences that translate it."""
    with _cyclic_gc_paused():
        return _align(source, draft, terms, params or AlignParams())


@contextmanager
def _cyclic_gc_paused():
    """The aligner builds hundreds of thousands of small tuples and dicts and no reference cycles, so
    Python's cycle collector finds nothing to free and only rescans them (0.3 s of a 10,000-sentence
    document); reference counting still frees everything. The previous state is restored."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _align(source: Segmentation, draft: Segmentation, terms: tuple[Term, ...], params: AlignParams) -> Alignment:
    zh = [s.text for s in source.sentences]
    en = [s.text for s in draft.sentences]
    features = build_features(zh, en, [s.paragraph for s in source.sentences],
                              [s.paragraph for s in draft.sentences], terms)
    if zh and en:
        beads = align_beads(features, params)
    else:  # one side is empty: everything on the other side is left over
        beads = [Bead(i, i + 1, 0, 0, params.bead_costs[(1, 0)]) for i in range(len(zh))] + \
                [Bead(0, 0, j, j + 1, params.bead_costs[(0, 1)]) for j in range(len(en))]
    if params.lexicon and beads:
        lexicon = load_lexicon()
        if lexicon is not None:
            words = WordEvidence(zh, en, lexicon)
            beads = split_uncrossed(refine(beads, words, features, params), words)
    if params.split_run_ons and beads:
        lexicon = load_lexicon() if params.lexicon else None
        beads, source, draft = split_merges(beads, source, draft, lexicon)
        beads, source, draft = split_headlines(beads, source, draft, lexicon)
    pairs = tuple(_pair(index, bead, source, draft) for index, bead in enumerate(beads))
    return Alignment(pairs, params, features.ratio, source, draft)


def build_features(zh: list[str], en: list[str], zh_paragraphs: list[int], en_paragraphs: list[int],
                   terms: tuple[Term, ...] = ()) -> Features:
    glossary = GlossaryMatcher(terms) if terms else None
    zh_keys = _distinctive([zh_anchors(text, glossary) for text in zh])
    en_keys = _distinctive([en_anchors(text, glossary) for text in en])
    matches = _shared_keys(zh_keys, en_keys)
    names = [en_names(text) for text in en]
    name_matches = _distinctive_pairs(_name_matches(zh, names))
    zh_lengths = np.array([_length(t) for t in zh], dtype=float)
    en_lengths = np.array([_length(t) for t in en], dtype=float)
    return Features(
        zh_lengths=zh_lengths,
        en_lengths=en_lengths,
        zh_paragraphs=np.array(zh_paragraphs, dtype=np.int64),
        en_paragraphs=np.array(en_paragraphs, dtype=np.int64),
        zh_anchor_counts=np.array([sum(k.values()) for k in zh_keys], dtype=float),
        en_anchor_counts=np.array([sum(k.values()) for k in en_keys], dtype=float),
        matches=matches,
        ratio=float(en_lengths.sum() / max(zh_lengths.sum(), 1.0)),
        en_name_counts=np.array([len(n) for n in names], dtype=float),
        name_matches=name_matches,
    )


def _distinctive(keys: list[Counter]) -> list[Counter]:
    """Drop keys that a neighbouring sentence repeats: "signing ceremony" in three sentences in a
    row says nothing about which of them pair up, and would reward merging them."""
    kept = []
    for index, counter in enumerate(keys):
        before = keys[index - 1] if index else {}
        after = keys[index + 1] if index + 1 < len(keys) else {}
        kept.append(Counter({k: v for k, v in counter.items() if k not in before and k not in after}))
    return kept


def _distinctive_pairs(matches: dict) -> dict:
    """The same rule for name matches: a name met in two neighbouring sentences is no anchor."""
    return {(i, j): v for (i, j), v in matches.items()
            if (i - 1, j) not in matches and (i + 1, j) not in matches
            and (i, j - 1) not in matches and (i, j + 1) not in matches}


def _length(text: str) -> int:
    return len("".join(text.split()))


def _expected(index: int, n_from: int, n_to: int) -> int:
    return round(index * n_to / max(n_from, 1))


def _shared_keys(zh_keys, en_keys) -> dict:
    where = defaultdict(list)
    for j, keys in enumerate(en_keys):
        for key in keys:
            where[key].append(j)
    matches: dict = defaultdict(float)
    for i, keys in enumerate(zh_keys):
        centre = _expected(i, len(zh_keys), len(en_keys))
        for key, count in keys.items():
            hits = where.get(key)
            if not hits:
                continue
            first = bisect.bisect_left(hits, centre - ANCHOR_WINDOW)
            last = bisect.bisect_right(hits, centre + ANCHOR_WINDOW)
            for j in hits[first:last]:
                matches[(i, j)] += min(count, en_keys[j][key])
    return matches


def _name_matches(zh: list[str], en_names_by_sentence: list[list[str]]) -> dict:
    """Pair romanised names in the English with the Chinese sentences near them that spell them in pinyin.

    One Aho–Corasick pass over the whole document's pinyin finds every sentence that spells each name;
    each English sentence then looks its names up in its window, instead of searching the window's text
    once per name (a name repeated through a long document was searched for again in every window).
    """
    import ahocorasick

    wanted = {name for names in en_names_by_sentence for name in names}
    if not wanted:
        return {}
    table = pinyin_table(zh)
    pieces = [han_pinyin_string(t.replace("\n", " "), table) for t in zh]
    offsets = [0, *accumulate(len(p) + 1 for p in pieces)]
    automaton = ahocorasick.Automaton()
    for name in wanted:
        automaton.add_word(name, name)
    automaton.make_automaton()
    spelling: dict[str, list[int]] = defaultdict(list)  # name -> the sentences that spell it, in order
    for end, name in automaton.iter("\n".join(pieces)):
        sentence = bisect.bisect_right(offsets, end - len(name) + 1) - 1
        found = spelling[name]
        if not found or found[-1] != sentence:
            found.append(sentence)
    matches: dict = {}
    for j, names in enumerate(en_names_by_sentence):
        centre = _expected(j, len(en_names_by_sentence), len(zh))
        first, last = max(0, centre - NAME_WINDOW), min(len(zh), centre + NAME_WINDOW + 1)
        for name in names:
            found = spelling.get(name, ())
            for i in found[bisect.bisect_left(found, first):bisect.bisect_left(found, last)]:
                matches[(i, j)] = matches.get((i, j), 0.0) + 1
    return matches


def _pair(index: int, bead: Bead, source: Segmentation, draft: Segmentation) -> Pair:
    zh = source.sentences[bead.zh_start : bead.zh_end]
    en = draft.sentences[bead.en_start : bead.en_end]
    source_text = source.source.text[zh[0].start : zh[-1].end] if zh else ""
    target_text = draft.source.text[en[0].start : en[-1].end] if en else ""
    if zh:
        paragraph = zh[0].paragraph
    elif bead.zh_start > 0:
        paragraph = source.sentences[bead.zh_start - 1].paragraph
    else:
        paragraph = 0
    kind = f"{len(zh)}-{len(en)}"
    confidence = float(np.exp(-max(bead.cost, 0.0) / 4.0))
    return Pair(source_text, target_text, kind, paragraph, round(confidence, 3),
                bead.zh_start, bead.zh_end, bead.en_start, bead.en_end, index)
