"""Second pass: re-align the uncertain stretches of a first alignment with dictionary evidence.

Lengths and anchors decide most beads. Where they leave doubt (merges, omissions, additions,
low confidence) the question is usually which neighbour a sentence belongs to, and only word
translations answer it. Dense word evidence is affordable on these small windows only.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from workbench.align.dp import AlignParams, Bead, Features, Lexical, align_beads
from workbench.align.lexicon import Lexicon, english_stems

CONTEXT = 1  # confident beads kept on each side of an uncertain stretch
LOCAL_BAND = 3  # word evidence is gathered this far (in sentences) from a window's diagonal
RATE_SAMPLE = 300  # confident 1-1 beads used to estimate the document's usual coverage


def refine(beads: list[Bead], words: WordEvidence, features: Features, params: AlignParams) -> list[Bead]:
    """Re-align every uncertain window in one pass over the windows laid end to end."""
    regions = [(first, last) for first, last in _uncertain_regions(beads, params)
               if beads[last].zh_end > beads[first].zh_start and beads[last].en_end > beads[first].en_start]
    if not regions:  # nothing uncertain, or only one language in each uncertain stretch
        return beads
    zh_rate, en_rate = _coverage_rates(beads, params, words)
    windows = [(beads[first].zh_start, beads[last].zh_end, beads[first].en_start, beads[last].en_end)
               for first, last in regions]
    local = _windows_features(features, words, windows, zh_rate, en_rate, params)
    zh_index = np.concatenate([np.arange(zs, ze) for zs, ze, _, _ in windows]).tolist()
    en_index = np.concatenate([np.arange(es, ee) for _, _, es, ee in windows]).tolist()
    realigned = iter(align_beads(local, params))
    refined: list[Bead] = []
    done = 0
    for (first, last), (zs, ze, es, ee) in zip(regions, windows):
        refined.extend(beads[done:first])
        while not refined or refined[-1].zh_end < ze or refined[-1].en_end < ee:
            bead = next(realigned)
            refined.append(Bead(_origin(zh_index, bead.zh_start, ze), _origin(zh_index, bead.zh_end, ze),
                                _origin(en_index, bead.en_start, ee), _origin(en_index, bead.en_end, ee),
                                bead.cost))
        done = last + 1
    refined.extend(beads[done:])
    return refined


def _origin(index: list[int], local: int, window_end: int) -> int:
    """Document position of a local boundary: sentence ``local`` of the laid-out windows."""
    return index[local] if local < len(index) and index[local] < window_end else window_end


def _confident(bead: Bead, params: AlignParams) -> bool:
    one_to_one = bead.zh_end - bead.zh_start == 1 and bead.en_end - bead.en_start == 1
    return one_to_one and np.exp(-max(bead.cost, 0.0) / 4.0) >= params.uncertain_below


def _uncertain_regions(beads, params) -> list[tuple[int, int]]:
    regions: list[list[int]] = []
    for index, bead in enumerate(beads):
        if _confident(bead, params):
            continue
        first, last = max(0, index - CONTEXT), min(len(beads) - 1, index + CONTEXT)
        if regions and first <= regions[-1][1] + 1:
            regions[-1][1] = max(regions[-1][1], last)
        else:
            regions.append([first, last])
    return [(a, b) for a, b in regions]


class WordEvidence:
    """Dictionary words of Chinese sentences and content stems of English ones, computed once for
    both passes that need them (the re-alignment and the 2-2 split)."""

    def __init__(self, zh: list[str], en: list[str], lexicon: Lexicon):
        self.zh, self.en, self.lexicon = zh, en, lexicon
        self._zh: dict[int, list[frozenset[str]]] = {}
        self._en: dict[int, frozenset[str]] = {}
        self._union: dict[int, frozenset[str]] = {}

    def zh_words(self, i: int) -> list[frozenset[str]]:
        if i not in self._zh:
            self._zh[i] = self.lexicon.words(self.zh[i])
            self._union[i] = frozenset().union(*self._zh[i]) if self._zh[i] else frozenset()
        return self._zh[i]

    def en_stems(self, j: int) -> frozenset[str]:
        if j not in self._en:
            self._en[j] = english_stems(self.en[j])
        return self._en[j]

    def hits(self, i: int, j: int) -> tuple[int, int]:
        stems = self.en_stems(j)
        words = self.zh_words(i)
        missed = sum(map(stems.isdisjoint, words))  # a loop in C: this runs ~30,000 times a document
        return len(words) - missed, len(stems & self._union[i])


def _coverage_rates(beads, params, words: WordEvidence) -> tuple[float, float]:
    confident = [b for b in beads if _confident(b, params)]
    step = max(1, len(confident) // RATE_SAMPLE)
    zh_hits = zh_total = en_hits = en_total = 0
    for bead in confident[::step]:
        hz, he = words.hits(bead.zh_start, bead.en_start)
        zh_hits, en_hits = zh_hits + hz, en_hits + he
        zh_total += len(words.zh_words(bead.zh_start))
        en_total += len(words.en_stems(bead.en_start))
    zh_rate = zh_hits / zh_total if zh_total else 0.3
    en_rate = en_hits / en_total if en_total else 0.3
    return zh_rate * params.lexical_rate, en_rate * params.lexical_rate


def _windows_features(features: Features, words: WordEvidence, windows, zh_rate, en_rate,
                      params: AlignParams) -> Features:
    zh_index = np.concatenate([np.arange(zs, ze) for zs, ze, _, _ in windows])
    en_index = np.concatenate([np.arange(es, ee) for _, _, es, ee in windows])
    by_row = defaultdict(list)
    for (i, j), value in features.matches.items():
        by_row[i].append((j, value))
    names_by_row = defaultdict(list)
    for (i, j), value in (features.name_matches or {}).items():
        names_by_row[i].append((j, value))
    matches, name_matches, joins = {}, {}, []
    pair_zh, pair_en, zh_hits, en_hits = [], [], [], []
    row = column = 0
    for zs, ze, es, ee in windows:
        nz, ne = ze - zs, ee - es
        for i in range(zs, ze):
            for j, value in by_row.get(i, ()):
                if es <= j < ee:
                    matches[(row + i - zs, column + j - es)] = value
            for j, value in names_by_row.get(i, ()):
                if es <= j < ee:
                    name_matches[(row + i - zs, column + j - es)] = value
        for i in range(nz):
            centre = round(i * ne / nz)
            for j in range(max(0, centre - LOCAL_BAND), min(ne, centre + LOCAL_BAND + 1)):
                hz, he = words.hits(zs + i, es + j)
                if hz or he:
                    pair_zh.append(row + i)
                    pair_en.append(column + j)
                    zh_hits.append(hz)
                    en_hits.append(he)
        row, column = row + nz, column + ne
        joins.append((row, column))
    lexical = Lexical(
        zh=np.array(pair_zh, dtype=np.int64),
        en=np.array(pair_en, dtype=np.int64),
        zh_hits=np.array(zh_hits, dtype=float),
        en_hits=np.array(en_hits, dtype=float),
        zh_words=np.array([len(words.zh_words(i)) for i in zh_index.tolist()], dtype=float),
        en_words=np.array([len(words.en_stems(j)) for j in en_index.tolist()], dtype=float),
        zh_rate=zh_rate,
        en_rate=en_rate,
        weight=params.lexical_weight,
    )
    return Features(
        zh_lengths=features.zh_lengths[zh_index],
        en_lengths=features.en_lengths[en_index],
        zh_paragraphs=features.zh_paragraphs[zh_index],
        en_paragraphs=features.en_paragraphs[en_index],
        zh_anchor_counts=features.zh_anchor_counts[zh_index],
        en_anchor_counts=features.en_anchor_counts[en_index],
        matches=matches,
        ratio=features.ratio,
        en_name_counts=features.en_name_counts[en_index],
        name_matches=name_matches,
        lexical=lexical,
        joins=tuple(joins[:-1]),
    )


def split_uncrossed(beads: list[Bead], words: WordEvidence) -> list[Bead]:
    """Split a 2-2 bead into two 1-1 beads when the dictionary shows the two pairs do not cross: each
    sentence's words are translated in its diagonal partner more than in the other sentence, both ways.

    Lengths alone merge a short translation with its longer neighbour (a compressed English sentence
    and the next one add up to the two Chinese), and word evidence pooled over a 2-2 bead always finds
    more partners than over a 1-1; only the crossing pairs tell a real 2-2 (content moved across the
    boundary) from two 1-1 pairs.
    """
    result = []
    for bead in beads:
        if bead.zh_end - bead.zh_start != 2 or bead.en_end - bead.en_start != 2:
            result.append(bead)
            continue
        a, c = bead.zh_start, bead.en_start
        hits = {(i, j): sum(words.hits(a + i, c + j)) for i in (0, 1) for j in (0, 1)}
        if hits[0, 0] > max(hits[0, 1], hits[1, 0]) and hits[1, 1] > max(hits[0, 1], hits[1, 0]):
            result += [Bead(a, a + 1, c, c + 1, bead.cost), Bead(a + 1, a + 2, c + 1, c + 2, bead.cost)]
        else:
            result.append(bead)
    return result
