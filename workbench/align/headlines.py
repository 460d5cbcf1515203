"""Fourth pass: cut a pair where both sides run a headline into the next sentence unpunctuated.

A page copied as one block runs its headline, subheadings and byline into the body with no mark on
either side: "…理财产品开售7家机构的…" against "…products went on sale Seven products from…". The
segmenter sees one sentence on each side, the aligner pairs them, and split.py has no sentence of
the other side to show the boundary. English still shows where one may be: a common word written
with a capital after a word that ends nothing ("…on sale Seven products", "…publicity The
delegation"), or a quotation opening after a name ("…reporter Xia Bin "We entered…").

For each one-to-one pair this pass tries every such English start in the sentence's unpunctuated
opening, looks for the Chinese cut that puts each translated word, figure and Latin token on the
side of its partner (split.py's measure), and keeps a cut only when the evidence agrees both ways:
the Chinese cut, read back, picks the same English start. The halves are tried again, so a
headline, a subheading and a body come apart in turn. A bracketed group that opens both sentences
(a dateline "（综合11日电）" against "(Comprehensive 11 days)") is cut off on typography alone.
"""

from __future__ import annotations

import re

from workbench.align.dp import Bead
from workbench.align.lexicon import Lexicon
from workbench.align.split import (
    CLAUSE_END,
    EN_CLAUSE,
    PREFER_SENTENCE_END,
    ZH_CLAUSE,
    best_cut,
    cut_segments,
    en_items,
    en_keys,
    letters,
    zh_allowed,
    zh_items,
    zh_keys,
)
from workbench.align.starts import lower_case_words, may_start, sentence_starts
from workbench.model import Segmentation

PINNED_WIDTH = 2  # characters of Chinese between the two pieces' evidence that a cut may fall anywhere in
_ZH_OPENS = set("“‘《（(「『【")
_ZH_CLOSES = set("”’》）)」』】")
# words that open a sentence of Chinese news: a day, a date, a source, a time adverb
_ZH_OPENER = re.compile(r"(?:据|近日|日前|目前|昨天|今天|昨日|今日|前天|上周|本周|周[一二三四五六日末]|星期[一二三四五六日天]"
                        r"|[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日|记者|本报|今年|去年"
                        r"|此外|另外|同时|其中|是次|此次|这次|当天|当日|新华社|中新社|中新网)")
_EN_CLOSING_QUOTES = set("”\"’'")


def split_headlines(beads: list[Bead], source: Segmentation, draft: Segmentation,
                    lexicon: Lexicon | None) -> tuple[list[Bead], Segmentation, Segmentation]:
    """Cut one-to-one pairs where both sentences hold an unpunctuated headline and what follows it."""
    if lexicon is None:
        return beads, source, draft
    common = lower_case_words(draft.source.text)
    to_chinese = zh_keys(lexicon)
    zh_cuts: dict[int, list[int]] = {}
    en_cuts: dict[int, list[int]] = {}
    rebuilt: list[Bead] = []
    zh_shift = en_shift = 0
    for bead in beads:
        zs, es = bead.zh_start + zh_shift, bead.en_start + en_shift
        cuts = []
        if bead.zh_end - bead.zh_start == 1 and bead.en_end - bead.en_start == 1:
            zh_segment, en_segment = source.sentences[bead.zh_start], draft.sentences[bead.en_start]
            cuts = _cuts(zh_segment.text, en_segment.text, lexicon, to_chinese, common)
            if cuts:
                zh_cuts[zh_segment.index] = [zh_segment.start + q for q, _ in cuts]
                en_cuts[en_segment.index] = [en_segment.start + p for _, p in cuts]
        for _ in range(len(cuts) + 1):
            rebuilt.append(Bead(zs, zs + 1, es, es + 1, bead.cost) if cuts else
                           Bead(zs, bead.zh_end + zh_shift, es, bead.en_end + en_shift, bead.cost))
            zs, es = zs + 1, es + 1
        zh_shift += len(cuts)
        en_shift += len(cuts)
    if not zh_cuts:
        return beads, source, draft
    return rebuilt, cut_segments(source, zh_cuts), cut_segments(draft, en_cuts)


# a bracketed dateline, credit or stage direction that opens both sentences: （综合11日电） / (Comprehensive 11 days)
_ZH_LEADING_GROUP = re.compile(r"[（(][^（()）\n]{1,24}[）)](?=[^\s，。、：；！？）)”’》])")
_EN_LEADING_GROUP = re.compile(r"\([^()\n]{1,60}\)\s+(?=[A-Z0-9“\"‘'])")


def _cuts(zh: str, en: str, lexicon: Lexicon, to_chinese, common: frozenset[str]) -> list[tuple[int, int]]:
    """A bracketed group that opens both sentences is a line of its own (the typography of both sides
    agrees, so no word evidence is asked for); the rest is cut where the evidence agrees both ways."""
    zh_group, en_group = _ZH_LEADING_GROUP.match(zh), _EN_LEADING_GROUP.match(en)
    if not (zh_group and en_group):
        return _joint_cuts(zh, en, lexicon, to_chinese, common)
    q, p = zh_group.end(), en_group.end()
    rest = _joint_cuts(zh[q:], en[p:], lexicon, to_chinese, common)
    return [(q, p), *((q + a, p + b) for a, b in rest)]


def _joint_cuts(zh: str, en: str, lexicon: Lexicon, to_chinese, common: frozenset[str]) -> list[tuple[int, int]]:
    """(Chinese offset, English offset) of each cut that both sides' evidence agrees on, in order."""
    if not may_start(en[:_opening(en, 0, len(en), EN_CLAUSE)], common):
        return []
    zh_items_all, en_items_all = zh_items(zh, lexicon), en_items(en, lexicon)
    zh_soft = zh_allowed(zh, lexicon)
    en_starts = set(sentence_starts(en, common))
    zh_clause_ends = {m.end() for m in CLAUSE_END.finditer(zh)}
    found: list[tuple[int, int]] = []

    def search(zh_lo: int, zh_hi: int, en_lo: int, en_hi: int) -> None:
        zh_open = _opening(zh, zh_lo, zh_hi, ZH_CLAUSE)
        en_open = _opening(en, en_lo, en_hi, EN_CLAUSE)
        zh_good = [q for q in zh_soft(zh_lo, zh_hi) if q < zh_open and q not in zh_clause_ends]
        zh_good_set = set(zh_good)
        zh_other = [q for q in zh_soft(zh_lo, zh_hi) if q >= zh_open or q in zh_clause_ends]
        best = None
        for p in sorted(p for p in en_starts if en_lo < p < min(en_open, en_hi)):
            left, right = en_keys(en[en_lo:p]), en_keys(en[p:en_hi])
            share = letters(en[en_lo:p]) / max(letters(en[en_lo:en_hi]), 1)
            # a start after a closing quotation ("Online Tours" MGTO…) is met by a cut after a closing mark
            after_quote = en[en_lo:p].rstrip()[-1:] in _EN_CLOSING_QUOTES
            zh_places = [q for q in zh_good if zh[q - 1] in _ZH_CLOSES] if after_quote else zh_good
            to_zh = best_cut(zh, zh_lo, zh_hi, zh_items_all, left, right, share, lambda a, b: zh_places)
            if to_zh is None:
                continue
            rival = best_cut(zh, zh_lo, zh_hi, zh_items_all, left, right, share, lambda a, b: zh_other)
            if rival and rival[1] > to_zh[1] - PREFER_SENTENCE_END:
                continue  # the English start fits a Chinese clause as well: a translator's own split
            q = _pinned(zh, to_zh[0], zh_items_all, left, right, zh_good_set)
            if q is None:
                continue
            back_share = letters(zh[zh_lo:q]) / max(letters(zh[zh_lo:zh_hi]), 1)
            to_en = best_cut(en, en_lo, en_hi, en_items_all, to_chinese(zh[zh_lo:q]), to_chinese(zh[q:zh_hi]),
                             back_share, lambda a, b: [s for s in en_starts if a < s < b])
            if to_en is None or to_en[0] != p:
                continue
            score = to_zh[1] + to_en[1]
            if best is None or score > best[0]:
                best = (score, q, p)
        if best is None:
            return
        _, q, p = best
        search(zh_lo, q, en_lo, p)
        found.append((q, p))
        search(q, zh_hi, p, en_hi)

    search(0, len(zh), 0, len(en))
    return sorted(found)


def _pinned(zh: str, q: int, items, left_words, right_words, allowed: set[int]) -> int | None:
    """The cut, if the evidence pins it: every position between the last Chinese item that partners
    the left English piece and the first that partners the right one fits equally well, so the cut
    stands only when that stretch is a character or two wide, or holds exactly one place where
    typography opens something new (before an opening quote or bracket, after a closing one), or,
    failing a mark, exactly one word that opens a Chinese news sentence (a day, a date, 据, 近日)."""
    left_union = frozenset().union(*left_words) if left_words else frozenset()
    right_union = frozenset().union(*right_words) if right_words else frozenset()
    lo = max((i.end for i in items if i.end <= q and not i.keys.isdisjoint(left_union)), default=None)
    hi = min((i.position for i in items if i.position >= q and not i.keys.isdisjoint(right_union)), default=None)
    if lo is None or hi is None:
        return None
    if hi - lo <= PINNED_WIDTH:
        return q
    marks = [k for k in range(lo, hi + 1) if k < len(zh) and zh[k] in _ZH_OPENS or k and zh[k - 1] in _ZH_CLOSES]
    if len(marks) == 1:
        return marks[0]
    if marks:
        return None
    openers = [k for k in range(lo, hi + 1) if k in allowed and _ZH_OPENER.match(zh, k)]
    return openers[0] if len(openers) == 1 else None


def _opening(text: str, lo: int, hi: int, clause_marks: re.Pattern) -> int:
    """Where the unpunctuated opening of text[lo:hi] ends: only a headline runs on without a mark."""
    mark = clause_marks.search(text, lo, hi)
    return mark.start() if mark else hi
