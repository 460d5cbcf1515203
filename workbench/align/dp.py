"""Banded dynamic programming over sentence beads, vectorised with NumPy.

Rows are Chinese sentences consumed, columns English sentences consumed. Every cost that does
not depend on the path (length fit, anchors, paragraph fit) is computed for the whole band at
once; only the recurrence itself walks row by row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

INF = np.inf


@dataclass(frozen=True, slots=True)
class AlignParams:
    """Costs of the aligner; recorded with every result so a figure can be reproduced."""

    bead_costs: dict = field(
        default_factory=lambda: {
            (1, 1): 0.0, (1, 2): 2.2, (2, 1): 2.2, (2, 2): 5.0,
            (1, 0): 4.5, (0, 1): 4.5, (1, 3): 4.5, (3, 1): 4.5,
        }
    )
    variance: float = 6.0  # variance of English length per expected English character
    match_reward: float = 2.0  # per anchor shared by both sides of a bead
    unmatched_penalty: float = 0.8  # per anchor left without a partner in the bead
    paragraph_mismatch: float = 1.5  # a bead ends a paragraph on one side only
    paragraph_cross: float = 4.0  # a bead joins sentences from two paragraphs of one side
    band: int = 20  # initial half-width of the band around the length diagonal
    version: str = "banded-dp/1"


@dataclass(frozen=True, slots=True)
class Features:
    """Per-sentence inputs of the recurrence."""

    zh_lengths: np.ndarray
    en_lengths: np.ndarray
    zh_paragraphs: np.ndarray
    en_paragraphs: np.ndarray
    zh_anchor_counts: np.ndarray
    en_anchor_counts: np.ndarray
    # matches[(zh index, en index)] = anchors the two sentences share (names included)
    matches: dict


@dataclass(frozen=True, slots=True)
class Bead:
    zh_start: int
    zh_end: int
    en_start: int
    en_end: int
    cost: float


def band_limits(features: Features, width: int) -> np.ndarray:
    """Lowest English column of each row's band, following the cumulative-length diagonal."""
    zh_cum = np.concatenate([[0.0], np.cumsum(features.zh_lengths + 1.0)])
    en_cum = np.concatenate([[0.0], np.cumsum(features.en_lengths + 1.0)])
    centre = np.searchsorted(en_cum / en_cum[-1], zh_cum / zh_cum[-1])
    centre = np.minimum(centre, len(en_cum) - 1)
    centre[0], centre[-1] = 0, len(en_cum) - 1
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

    max_a = max(a for a, _ in kinds)
    max_b = max(b for _, b in params.bead_costs)
    shifts = [lo[i] - lo[max(i - max_a, 0)] for i in range(n_zh + 1)]
    pad = int(max(shifts)) + max_b + 1
    table = np.full((n_zh + 1, size + 2 * pad), INF)
    choice = np.zeros((n_zh + 1, size), dtype=np.int8)
    insert_code = len(kinds)
    for i in range(n_zh + 1):
        if i == 0:
            best = np.full(size, INF)
            best[0] = 0.0
            arg = np.full(size, insert_code, dtype=np.int8)
        else:
            candidates = np.full((len(kinds), size), INF)
            for index, (a, b) in enumerate(kinds):
                if a > i:
                    continue
                shift = int(lo[i] - b - lo[i - a])
                start = pad + shift
                candidates[index] = table[i - a, start : start + size] + costs[index][i]
            arg = np.argmin(candidates, axis=0).astype(np.int8)
            best = candidates[arg, np.arange(size)]
        running = np.concatenate([[0.0], np.cumsum(insert_costs[i][1:])])
        chained = running + np.minimum.accumulate(best - running)
        inserted = chained < best - 1e-9
        arg[inserted] = insert_code
        table[i, pad : pad + size] = chained
        choice[i] = arg

    beads: list[Bead] = []
    touched = False
    i, j = n_zh, n_en
    while i > 0 or j > 0:
        k = j - lo[i]
        if (k == 0 and lo[i] > 0) or (k == size - 1 and j < n_en):
            touched = True
        code = choice[i, k]
        a, b = (0, 1) if code == insert_code else kinds[code]
        here = table[i, pad + k]
        before = table[i - a, pad + (j - b - lo[i - a])]
        beads.append(Bead(i - a, i, j - b, j, float(here - before)))
        i, j = i - a, j - b
    beads.reverse()
    return beads, touched


def _grid(lo: np.ndarray, size: int) -> np.ndarray:
    return lo[:, None] + np.arange(size)[None, :]


def _bead_costs(features: Features, params: AlignParams, lo, size, kinds) -> list[np.ndarray]:
    """For each bead kind (a, b): cost[i, k] of the bead ending at row i, column lo[i] + k."""
    n_zh, n_en = len(features.zh_lengths), len(features.en_lengths)
    zl = np.concatenate([[0.0], np.cumsum(features.zh_lengths)])
    el = np.concatenate([[0.0], np.cumsum(features.en_lengths)])
    za = np.concatenate([[0.0], np.cumsum(features.zh_anchor_counts)])
    ea = np.concatenate([[0.0], np.cumsum(features.en_anchor_counts)])
    ratio = el[-1] / max(zl[-1], 1.0)
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
        shared = _shared_anchors(features, lo, size, a, b)
        unmatched = np.maximum(za[rows] - za[r] + ea[safe_cols] - ea[back] - 2 * shared, 0)
        anchor = params.unmatched_penalty * unmatched - params.match_reward * shared
        mismatch = params.paragraph_mismatch * (zh_end[rows] != en_end[safe_cols])
        cross = np.zeros_like(length)
        if a >= 2:
            last = np.clip(rows - 1, 0, n_zh - 1)
            cross = cross + params.paragraph_cross * (zp[last] != zp[np.clip(r, 0, n_zh - 1)])
        if b >= 2:
            last = np.clip(safe_cols - 1, 0, n_en - 1)
            cross = cross + params.paragraph_cross * (ep[last] != ep[np.clip(back, 0, n_en - 1)])
        total = params.bead_costs[(a, b)] + length + anchor + mismatch + cross
        cost[valid] = np.broadcast_to(total, cost.shape)[valid]
        result.append(cost)
    return result


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


def _shared_anchors(features: Features, lo, size, a, b) -> np.ndarray:
    """shared[i, k]: anchors shared inside the bead (a, b) that ends at row i, column lo[i] + k."""
    n_zh = len(features.zh_lengths)
    shared = np.zeros((n_zh + 1, size))
    if not features.matches or a == 0 or b == 0:
        return shared
    pairs = np.array(list(features.matches.keys()), dtype=np.int64).reshape(-1, 2)
    values = np.array(list(features.matches.values()), dtype=float)
    for da in range(a):
        for db in range(1, b + 1):
            rows = pairs[:, 0] + 1 + da
            cols = pairs[:, 1] + db
            ok = rows <= n_zh
            k = cols[ok] - lo[rows[ok]]
            inside = (k >= 0) & (k < size)
            np.add.at(shared, (rows[ok][inside], k[inside]), values[ok][inside])
    return shared
