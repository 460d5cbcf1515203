"""Banded dynamic programming over sentence beads, vectorised with NumPy.

Rows are Chinese sentences consumed, columns English sentences consumed. Every cost that does
not depend on the path (length fit, anchors, paragraph fit) is computed for the whole band at
once; only the recurrence itself walks row by row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numba import njit

INF = np.inf


@dataclass(frozen=True, slots=True)
class AlignParams:
    """Costs of the aligner; recorded with every result so a figure can be reproduced."""

    bead_costs: dict = field(
        default_factory=lambda: {
            (1, 1): 0.0, (1, 2): 3.0, (2, 1): 3.0, (2, 2): 5.0,
            (1, 0): 4.0, (0, 1): 4.0, (1, 3): 5.0, (3, 1): 5.0,
        }
    )
    variance: float = 4.0  # variance of English length per expected English character
    match_reward: float = 3.0  # per anchor shared by both sides of a bead
    unmatched_penalty: float = 1.0  # per anchor left without a partner in the bead
    paragraph_mismatch: float = 1.5  # a bead ends a paragraph on one side only
    paragraph_cross: float = 4.0  # a bead joins sentences from two paragraphs of one side
    band: int = 20  # initial half-width of the band around the length diagonal
    lexicon: bool = True  # re-align uncertain regions with CC-CEDICT evidence when it is installed
    lexical_weight: float = 0.8  # per dictionary word short of the document's usual coverage
    lexical_rate: float = 1.0  # share of the document's usual coverage that a bead must reach
    split_run_ons: bool = True  # cut a sentence that pairs with several where the other side shows the boundary
    uncertain_below: float = 0.6  # beads under this confidence (or not 1-1) are re-aligned
    # named in the signature of every check run on the pairs (workbench.qa.results.RunSignature):
    # bump it when the same input aligns differently
    version: str = "banded-dp/2"


@dataclass(frozen=True, slots=True)
class Features:
    """Per-sentence inputs of the recurrence."""

    zh_lengths: np.ndarray
    en_lengths: np.ndarray
    zh_paragraphs: np.ndarray
    en_paragraphs: np.ndarray
    zh_anchor_counts: np.ndarray
    en_anchor_counts: np.ndarray
    # matches[(zh index, en index)] = anchors the two sentences share
    matches: dict
    ratio: float  # expected English characters per Chinese character, for the whole document
    # romanised names of each English sentence, and those found in pinyin in a Chinese sentence;
    # a name never found costs nothing (it may be an English word that merely reads as pinyin)
    en_name_counts: np.ndarray | None = None
    name_matches: dict | None = None
    lexical: Lexical | None = None
    # (rows, columns) the path must pass through: the joins between independently aligned windows
    joins: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Lexical:
    """Dictionary evidence, sparse: gathered only near the diagonal of uncertain windows.

    For each listed sentence pair (zh[k], en[k]): zh_hits[k] dictionary words of the Chinese
    sentence whose glosses occur in the English one, en_hits[k] content words of the English
    sentence that some word of the Chinese glosses. A sentence inside a bead is expected to have
    ``rate`` of its words matched; each word short of that costs ``weight``.
    """

    zh: np.ndarray
    en: np.ndarray
    zh_hits: np.ndarray
    en_hits: np.ndarray
    zh_words: np.ndarray
    en_words: np.ndarray
    zh_rate: float
    en_rate: float
    weight: float


@dataclass(frozen=True, slots=True)
class Bead:
    zh_start: int
    zh_end: int
    en_start: int
    en_end: int
    cost: float


def band_limits(features: Features, width: int) -> np.ndarray:
    """Lowest English column of each row's band, following the cumulative-length diagonal
    (or the straight lines between the joins, when there are joins)."""
    n_zh, n_en = len(features.zh_lengths), len(features.en_lengths)
    if features.joins:
        points = [(0, 0), *features.joins, (n_zh, n_en)]
        centre = np.rint(np.interp(np.arange(n_zh + 1), [r for r, _ in points], [c for _, c in points]))
        centre = centre.astype(np.int64)
    else:
        zh_cum = np.concatenate([[0.0], np.cumsum(features.zh_lengths + 1.0)])
        en_cum = np.concatenate([[0.0], np.cumsum(features.en_lengths + 1.0)])
        centre = np.searchsorted(en_cum / en_cum[-1], zh_cum / zh_cum[-1])
    centre = np.minimum(centre, n_en)
    centre[0], centre[-1] = 0, n_en
    return np.maximum.accumulate(np.maximum(centre - width, 0))


def align_beads(features: Features, params: AlignParams) -> list[Bead]:
    """Best bead sequence; the band doubles until the path no longer touches its edge."""
    n_zh, n_en = len(features.zh_lengths), len(features.en_lengths)
    width = max(params.band, 4)
    while True:
        beads, touched = _align_in_band(features, params, width)
        if not touched or width >= max(n_zh, n_en) + 3:
            return beads
        width *= 2


def _align_in_band(features: Features, params: AlignParams, width: int):
    n_zh, n_en = len(features.zh_lengths), len(features.en_lengths)
    lo = band_limits(features, width)
    size = min(2 * width + 1, n_en + 1)
    lo = np.minimum(lo, n_en + 1 - size)
    kinds = [k for k in params.bead_costs if k[0] >= 1]
    costs = _bead_costs(features, params, lo, size, kinds)
    insert_costs = _insertion_costs(features, params, lo, size)

    join_columns = np.full(n_zh + 1, -1, dtype=np.int64)
    join_floor = np.zeros(n_zh + 1, dtype=np.int64)  # the last join row before each row
    for row, column in features.joins:
        join_columns[row] = column - lo[row]
        join_floor[row + 1:] = row
    table, raw, choice = _recurrence(
        np.ascontiguousarray(np.stack(costs)), np.array([a for a, _ in kinds], dtype=np.int64),
        np.array([b for _, b in kinds], dtype=np.int64), lo.astype(np.int64), insert_costs, join_columns,
        join_floor,
    )
    insert_code = len(kinds)

    beads: list[Bead] = []
    touched = False
    i, j = n_zh, n_en
    while i > 0 or j > 0:
        k = j - lo[i]
        if (k == 0 and lo[i] > 0) or (k == size - 1 and j < n_en):
            touched = True
        code = choice[i, k]
        a, b = (0, 1) if code == insert_code else kinds[code]
        here = raw[i, k]
        before = raw[i - a, j - b - lo[i - a]]
        beads.append(Bead(i - a, i, j - b, j, float(here - before)))
        i, j = i - a, j - b
    beads.reverse()
    return beads, touched


@njit(cache=True)
def _recurrence(costs, kind_a, kind_b, lo, insert_costs, join_columns, join_floor):
    """The DP proper: table[i, k] is the cheapest way to the cell (row i, column lo[i] + k).

    ``raw`` keeps the values before the rows of joins are narrowed to their one allowed cell,
    so that the backtrace can still read each bead's own cost. choice[i, k] is the bead kind
    used to arrive, or len(kind_a) for a 0-1 bead. A bead may start at a join row but never
    jump over one (join_floor[i] is the last join row before row i): a 2-1 or 3-1 bead across a
    join would join two windows that were aligned apart and lose the sentences between them.
    """
    n_kinds, rows, size = costs.shape
    table = np.full((rows, size), np.inf)
    raw = np.full((rows, size), np.inf)
    choice = np.full((rows, size), n_kinds, dtype=np.int8)
    for i in range(rows):
        for k in range(size):
            best = 0.0 if (i == 0 and k == 0 and lo[0] == 0) else np.inf
            arg = n_kinds
            for kind in range(n_kinds):
                a = kind_a[kind]
                if a > i or i - a < join_floor[i]:
                    continue
                previous = lo[i] + k - kind_b[kind] - lo[i - a]
                if previous < 0 or previous >= size:
                    continue
                candidate = table[i - a, previous] + costs[kind, i, k]
                if candidate < best:
                    best = candidate
                    arg = kind
            if k > 0:
                inserted = table[i, k - 1] + insert_costs[i, k]
                if inserted < best:
                    best = inserted
                    arg = n_kinds
            table[i, k] = best
            choice[i, k] = arg
        raw[i] = table[i]
        if join_columns[i] >= 0:
            for k in range(size):
                if k != join_columns[i]:
                    table[i, k] = np.inf
    return table, raw, choice


def _grid(lo: np.ndarray, size: int) -> np.ndarray:
    return lo[:, None] + np.arange(size)[None, :]


def _bead_costs(features: Features, params: AlignParams, lo, size, kinds) -> list[np.ndarray]:
    """For each bead kind (a, b): cost[i, k] of the bead ending at row i, column lo[i] + k."""
    n_zh, n_en = len(features.zh_lengths), len(features.en_lengths)
    zl = np.concatenate([[0.0], np.cumsum(features.zh_lengths)])
    el = np.concatenate([[0.0], np.cumsum(features.en_lengths)])
    en_names = np.concatenate([[0.0], np.cumsum(features.en_name_counts)])
    za = np.concatenate([[0.0], np.cumsum(features.zh_anchor_counts)])
    ea = np.concatenate([[0.0], np.cumsum(features.en_anchor_counts)])
    ratio = features.ratio
    zh_end = _paragraph_ends(features.zh_paragraphs)
    en_end = _paragraph_ends(features.en_paragraphs)
    zp, ep = features.zh_paragraphs, features.en_paragraphs

    columns = _grid(lo, size)
    inside = columns <= n_en
    rows = np.arange(n_zh + 1)[:, None]
    safe_cols = np.minimum(columns, n_en)
    result = []
    for a, b in kinds:
        cost = np.full((n_zh + 1, size), INF)
        valid = inside & (rows >= a) & (columns >= b)
        r = np.maximum(rows - a, 0)
        back = np.maximum(safe_cols - b, 0)
        zh_len = zl[rows] - zl[r]
        if b:
            en_len = el[safe_cols] - el[back]
            expected = ratio * zh_len
            length = 0.5 * (en_len - expected) ** 2 / (params.variance * (expected + en_len) / 2 + 1.0)
        else:
            length = np.zeros_like(zh_len)
        zh_anchors, en_anchors = za[rows] - za[r], ea[safe_cols] - ea[back]
        # Pairwise sums count a key repeated in both sentences of a 2-2 bead four times: cap them.
        shared = np.minimum(_block_sum(features.matches, lo, size, n_zh, a, b), np.minimum(zh_anchors, en_anchors))
        names = np.minimum(_block_sum(features.name_matches, lo, size, n_zh, a, b), en_names[safe_cols] - en_names[back])
        unmatched = np.maximum(zh_anchors + en_anchors - 2 * shared, 0)
        anchor = params.unmatched_penalty * unmatched - params.match_reward * (shared + names)
        mismatch = params.paragraph_mismatch * (zh_end[rows] != en_end[safe_cols])
        cross = np.zeros_like(length)
        if a >= 2:
            last = np.clip(rows - 1, 0, n_zh - 1)
            cross = cross + params.paragraph_cross * (zp[last] != zp[np.clip(r, 0, n_zh - 1)])
        if b >= 2:
            last = np.clip(safe_cols - 1, 0, n_en - 1)
            cross = cross + params.paragraph_cross * (ep[last] != ep[np.clip(back, 0, n_en - 1)])
        total = params.bead_costs[(a, b)] + length + anchor + mismatch + cross
        if features.lexical is not None and a and b:
            total = total + _lexical_shortfall(features.lexical, lo, size, n_zh, a, b)
        cost[valid] = np.broadcast_to(total, cost.shape)[valid]
        result.append(cost)
    return result


def _lexical_shortfall(lexical: Lexical, lo, size: int, n_zh: int, a: int, b: int) -> np.ndarray:
    """Words short of the expected coverage, per sentence of the bead: a merged-in sentence that
    the English does not translate costs as much as leaving it out."""
    n_en = len(lexical.en_words)
    rows = np.arange(n_zh + 1)[:, None]
    columns = np.minimum(_grid(lo, size), n_en)
    total = np.zeros((n_zh + 1, size))
    for da in range(a):
        hits = sum(_block(lexical.zh, lexical.en, lexical.zh_hits, lo, size, n_zh, da, db) for db in range(1, b + 1))
        words = lexical.zh_words[np.clip(rows - 1 - da, 0, n_zh - 1)]
        total += np.maximum(lexical.zh_rate * words - hits, 0)
    for db in range(1, b + 1):
        hits = sum(_block(lexical.zh, lexical.en, lexical.en_hits, lo, size, n_zh, da, db) for da in range(a))
        words = lexical.en_words[np.clip(columns - db, 0, max(n_en - 1, 0))]
        total += np.maximum(lexical.en_rate * words - hits, 0)
    return lexical.weight * total


def _block(zh: np.ndarray, en: np.ndarray, values: np.ndarray, lo, size: int, n_zh: int, da: int, db: int):
    """out[i, k] = value of the pair (Chinese sentence i-1-da, English sentence lo[i]+k-db)."""
    out = np.zeros((n_zh + 1, size))
    rows = zh + 1 + da
    ok = rows <= n_zh
    k = en[ok] + db - lo[rows[ok]]
    inside = (k >= 0) & (k < size)
    np.add.at(out, (rows[ok][inside], k[inside]), values[ok][inside])
    return out


def _insertion_costs(features: Features, params: AlignParams, lo, size) -> np.ndarray:
    """cost[i, k]: a 0-1 bead (an English sentence with no Chinese) ending at row i, column lo[i] + k."""
    n_zh, n_en = len(features.zh_lengths), len(features.en_lengths)
    columns = _grid(lo, size)
    safe = np.clip(columns, 1, n_en) if n_en else columns * 0
    zh_end = _paragraph_ends(features.zh_paragraphs)
    en_end = _paragraph_ends(features.en_paragraphs)
    rows = np.arange(n_zh + 1)[:, None]
    cost = (
        params.bead_costs[(0, 1)]
        + params.unmatched_penalty * (features.en_anchor_counts[safe - 1] if n_en else 0)
        + params.paragraph_mismatch * (zh_end[rows] != en_end[np.minimum(columns, n_en)])
    )
    cost = np.where((columns >= 1) & (columns <= n_en), cost, INF)
    return cost


def _paragraph_ends(paragraphs: np.ndarray) -> np.ndarray:
    """ends[i]: True when a boundary after i sentences is a paragraph boundary (or an edge)."""
    n = len(paragraphs)
    ends = np.ones(n + 1, dtype=bool)
    if n > 1:
        ends[1:n] = paragraphs[1:] != paragraphs[:-1]
    return ends


def _block_sum(matches: dict, lo, size, n_zh, a, b) -> np.ndarray:
    """sums[i, k]: the values of ``matches`` summed over the sentence pairs inside the bead (a, b)
    that ends at row i, column lo[i] + k."""
    if not matches or a == 0 or b == 0:
        return np.zeros((n_zh + 1, size))
    pairs = np.array(list(matches.keys()), dtype=np.int64).reshape(-1, 2)
    values = np.array(list(matches.values()), dtype=float)
    return sum(_block(pairs[:, 0], pairs[:, 1], values, lo, size, n_zh, da, db)
               for da in range(a) for db in range(1, b + 1))
