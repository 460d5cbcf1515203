"""Third pass: find the sentence ends that punctuation did not mark, from the other language.

A headline, a subheading, a dateline or a photo credit carries no full stop, so when a page is
copied as one block it runs into the next sentence ("…半导体产业-中新网最近，美国…", "…industry
hard-Chinanews.com Recently, the U.S. …"). The segmenter cannot see that boundary, and the aligner
can only pair the run-on sentence with two sentences of the other side. The other side shows where
the boundary is: its first sentence's words are translated before it and its second sentence's
after. For every bead that pairs one sentence with several, this pass looks for the cut of the one
sentence that puts each translated word, figure and Latin token on the side of its partner, and
makes the cut only where that evidence is clear and the cut is a plausible sentence end.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace

from workbench.align.anchors import latin_tokens, number_keys
from workbench.align.dp import Bead
from workbench.align.lexicon import STOPWORDS, Lexicon, english_words, stem
from workbench.align.starts import en_allowed, lower_case_words, sentence_starts
from workbench.model import Sentence, Segmentation
from workbench.text.quantity_en import read_en
from workbench.text.quantity_zh import read_zh
from workbench.text.scripts import HAN

MIN_SUPPORT = 2  # words of its own group each piece must find a partner for, beyond the uncut sentence
MAX_LENGTH_DRIFT = 2.5  # a piece may be at most this far (as a factor) from its expected length
PREFER_SENTENCE_END = 1.0  # a cut must fit better than any clause end by this much (about one item)
_EN_WORD = re.compile(r"[A-Za-z]{3,}")
_LATIN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?")
# a headline has no clause punctuation: a cut is only looked for in a sentence's unpunctuated opening
ZH_CLAUSE = re.compile(r"[，,；;。！？!?]")
EN_CLAUSE = re.compile(r"[,;]|[.!?](?=\s)")
CLAUSE_END = re.compile(r"(?<=[，,；;：:])\s*")
# where a translator joins or splits clauses: before "and", "which"; before or after 和, 并, 及
_CONJUNCTION = re.compile(r"(?<=\s)(?:and|but|while|whereas|which|who|where|when|as|so|with|or)\b"
                          r"|(?:以及|同时|但是|并且|而且|[和与并及且而但])|(?<=[和与并及且而但])")
_ZH_NO_END = set("，、：；（(“‘《〈【「『—-－·")  # a sentence does not end after these
_ZH_NO_START = set("，。、：；！？）)”’》〉】」』…%％")  # nor does one start with these


@dataclass(frozen=True, slots=True)
class Item:
    """Something in the sentence being cut that may have a partner on the other side."""

    position: int
    keys: frozenset[str]
    end: int


def split_merges(beads: list[Bead], source: Segmentation, draft: Segmentation,
                 lexicon: Lexicon | None) -> tuple[list[Bead], Segmentation, Segmentation]:
    """Cut run-on sentences where the other side's sentences show a boundary; beads follow the cuts."""
    zh_cuts: dict[int, list[int]] = {}
    en_cuts: dict[int, list[int]] = {}
    pieces: dict[int, list[tuple[int, int]]] = {}  # bead -> (zh sentences, en sentences) of each new bead
    to_chinese = zh_keys(lexicon)
    common = lower_case_words(draft.source.text)
    for number, bead in enumerate(beads):
        n_zh, n_en = bead.zh_end - bead.zh_start, bead.en_end - bead.en_start
        if n_zh >= 2 and n_en >= 1:  # the Chinese sentences show where the English should be cut
            found = _map(draft, bead.en_start, bead.en_end, [s.text for s in source.sentences[bead.zh_start:bead.zh_end]],
                         lambda text: en_items(text, lexicon), en_allowed, to_chinese, EN_CLAUSE,
                         lambda text: sentence_starts(text, common))
            if found:
                cuts, runs = found
                en_cuts.update(cuts)
                pieces[number] = [(other, mine) for mine, other in runs]
                continue
        if n_en >= 2 and n_zh >= 1:  # the English sentences show where the Chinese should be cut
            found = _map(source, bead.zh_start, bead.zh_end, [s.text for s in draft.sentences[bead.en_start:bead.en_end]],
                         lambda text: zh_items(text, lexicon), lambda text: zh_allowed(text, lexicon), en_keys,
                         ZH_CLAUSE)
            if found:
                cuts, runs = found
                zh_cuts.update(cuts)
                pieces[number] = runs
    if not pieces:
        return beads, source, draft
    return _rebuild_beads(beads, pieces), cut_segments(source, zh_cuts), cut_segments(draft, en_cuts)


def _map(side: Segmentation, first: int, last: int, groups: list[str], items_of, allowed_of, keys_of,
         clause_marks: re.Pattern, starts_of=lambda text: ()):
    """Where the boundaries between ``groups`` (the other side's sentences of a bead) fall in this side's
    sentences first..last: the cuts to make inside them ({segment: [document offsets]}) and, per new
    bead, (this side's sentences after the cuts, the other side's sentences)."""
    segments = side.sentences[first:last]
    base = segments[0].start
    text = side.source.text[base : segments[-1].end]
    starts = [s.start - base for s in segments[1:]]
    soft = allowed_of(text)
    sentence_starts = [0, *starts]

    def headline_only(position: int) -> bool:  # only a headline runs into the next sentence unpunctuated
        start = max(p for p in sentence_starts if p <= position)
        return not clause_marks.search(text, start, position)

    # where a translator splits a sentence in two: a cut here would only undo the translator's split
    clause_ends = {m.end() for m in CLAUSE_END.finditer(text)} | {m.start() for m in _CONJUNCTION.finditer(text)}

    def candidates(lo: int, hi: int) -> list[int]:
        return sorted(set(soft(lo, hi)) | {p for p in [*starts, *clause_ends] if lo < p < hi})

    # where the words alone show a sentence starting ("…to 2021 The Singapore…"), even after a comma
    plain_starts = set(starts_of(text))

    def acceptable(position: int) -> bool:
        return position in starts or (position not in clause_ends and
                                      (headline_only(position) or position in plain_starts))

    mapped = _cuts(text, groups, items_of(text), candidates, acceptable, keys_of)
    if not mapped:
        return None
    cuts: dict[int, list[int]] = {}
    for position, _ in mapped:
        if position not in starts:
            owner = segments[sum(1 for p in starts if p <= position)]
            cuts.setdefault(owner.index, []).append(base + position)
    bounds = [0, *(p for p, _ in mapped), len(text)]
    other = [0, *(b for _, b in mapped), len(groups)]
    runs = []
    for k in range(len(bounds) - 1):
        lo, hi = bounds[k], bounds[k + 1]
        runs.append((1 + sum(1 for p in starts if lo < p < hi), other[k + 1] - other[k]))
    return cuts, runs


def _rebuild_beads(beads, pieces) -> list[Bead]:
    rebuilt, zh_shift, en_shift = [], 0, 0
    for number, bead in enumerate(beads):
        zs, es = bead.zh_start + zh_shift, bead.en_start + en_shift
        if number not in pieces:
            rebuilt.append(Bead(zs, bead.zh_end + zh_shift, es, bead.en_end + en_shift, bead.cost))
            continue
        for n_zh, n_en in pieces[number]:
            rebuilt.append(Bead(zs, zs + n_zh, es, es + n_en, bead.cost))
            zs, es = zs + n_zh, es + n_en
        zh_shift = zs - bead.zh_end
        en_shift = es - bead.en_end
    return rebuilt


def cut_segments(segmentation: Segmentation, cuts: dict[int, list[int]]) -> Segmentation:
    """The segmentation with segment ``k`` cut at each document offset in ``cuts[k]``."""
    if not cuts:
        return segmentation
    text = segmentation.source.text
    spans: list[tuple[int, int, int]] = []
    for segment in segmentation.sentences:
        start = segment.start
        for cut in sorted(cuts.get(segment.index, ())) + [segment.end]:
            piece = text[start:cut]
            left = start + len(piece) - len(piece.lstrip())
            right = cut - (len(piece) - len(piece.rstrip()))
            if right > left:
                spans.append((segment.paragraph, left, right))
            start = cut
    segments = []
    for index, (paragraph, start, end) in enumerate(spans):
        following = spans[index + 1][1] if index + 1 < len(spans) else len(text)
        last = segmentation.sentences[-1]
        if index + 1 == len(spans):
            following = last.end + len(last.separator)
        segments.append(Sentence(index, paragraph, start, end, text[start:end], text[end:following]))
    return replace(segmentation, sentences=tuple(segments))


# --- where to cut -------------------------------------------------------------------------------------


def _cuts(sentence: str, groups: list[str], items: list[Item], allowed, acceptable, words_of) -> list[tuple[int, int]]:
    """(offset in ``sentence``, other-side sentences before it) of each cut, found one at a time: the
    best-supported boundary between the other side's sentences first, then inside each piece. When
    the evidence points at a place that is no sentence end (a comma where the translator split the
    sentence), that stretch is left alone."""
    words = [words_of(g) for g in groups]
    lengths = [letters(g) for g in groups]
    found: list[tuple[int, int]] = []

    def search(lo: int, hi: int, first: int, last: int) -> None:  # sentence[lo:hi] against groups[first:last]
        if last - first < 2:
            return
        best = None
        for boundary in range(first + 1, last):
            left = [w for ws in words[first:boundary] for w in ws]
            right = [w for ws in words[boundary:last] for w in ws]
            share = sum(lengths[first:boundary]) / max(sum(lengths[first:last]), 1)
            good = best_cut(sentence, lo, hi, items, left, right, share, lambda a, b: [p for p in allowed(a, b) if acceptable(p)])
            other = best_cut(sentence, lo, hi, items, left, right, share,
                             lambda a, b: [p for p in allowed(a, b) if not acceptable(p)])
            if good and other and other[1] > good[1] - PREFER_SENTENCE_END:
                continue  # the evidence fits a clause or a conjunction as well: the translator's own split
            if good and (best is None or good[1] > best[1]):
                best = (good[0], good[1], boundary)
        if best is None:
            return
        position, _, boundary = best
        found.append((position, boundary))
        search(lo, position, first, boundary)
        search(position, hi, boundary, last)

    search(0, len(sentence), 0, len(groups))
    return sorted(found)


def best_cut(sentence, lo, hi, items, left_words, right_words, share, allowed):
    """The allowed cut of sentence[lo:hi] that best pairs its two pieces with the two groups, or None
    when either piece earns its group fewer than MIN_SUPPORT more partners than the whole would.

    Support is counted both ways: the groups' words with a partner in their piece (MIN_SUPPORT more
    than the whole sentence gives either group) and the pieces' own items with a partner in their
    group only (at least one more), so that one figure cannot carry a cut by counting twice.
    A word that partners both groups says nothing by itself; a word both groups hold (a headline's
    words come back in the body) counts by occurrences: each piece earns as many of its partners as
    its group holds it, so "…to China | The Wall Street Journal … to China" puts one 中国 in each piece.
    """
    inside = [i for i in items if lo <= i.position < hi]
    if not inside:
        return None
    left_union = frozenset().union(*left_words) if left_words else frozenset()
    right_union = frozenset().union(*right_words) if right_words else frozenset()
    # a word both groups have says nothing about where the cut goes; of a word with many senses (a
    # Chinese gloss set) only the senses the other group lacks can tell the groups apart
    left_only = [w - right_union for w in left_words if not w <= right_union]
    right_only = [w - left_union for w in right_words if not w <= left_union]
    firsts = [min((i.position for i in inside if not i.keys.isdisjoint(w)), default=None) for w in left_only]
    lasts = [max((i.position for i in inside if not i.keys.isdisjoint(w)), default=None) for w in right_only]
    firsts = [p for p in firsts if p is not None]
    lasts = [p for p in lasts if p is not None]
    in_left = [i.position for i in inside if not i.keys.isdisjoint(left_union)]
    in_right = [i.position for i in inside if not i.keys.isdisjoint(right_union)]
    shared = _shared_words(inside, left_words, right_words)

    def held(position: int) -> int:  # partners of the shared words that each piece's group can claim
        total = 0
        for n_left, n_right, positions in shared:
            before = sum(1 for p in positions if p < position)
            total += min(n_left, before) + min(n_right, len(positions) - before)
        return total

    def support(position: int) -> tuple[int, int]:  # (group words with a partner, items with a partner)
        return (sum(1 for p in firsts if p < position) + sum(1 for p in lasts if p >= position) + held(position),
                sum(1 for p in in_left if p < position) + sum(1 for p in in_right if p >= position))

    ends = (support(lo), support(hi))  # the whole sentence with the right group, with the left one
    total_letters = letters(sentence[lo:hi])
    expected = share * total_letters
    best = None
    for position in allowed(lo, hi):
        words, own = support(position)
        if any(words - w < MIN_SUPPORT or own - o < 1 for w, o in ends):
            continue
        actual = letters(sentence[lo:position])
        rest = total_letters - actual
        if not expected or not actual or not rest or not (1 / MAX_LENGTH_DRIFT <= actual / expected <= MAX_LENGTH_DRIFT) \
                or not (1 / MAX_LENGTH_DRIFT <= rest / (total_letters - expected) <= MAX_LENGTH_DRIFT):
            continue
        score = words + own - max(w + o for w, o in ends) - abs(math.log(actual / expected))
        if best is None or score > best[1]:
            best = (position, score)
    return best


def _shared_words(inside, left_words, right_words):
    """(times in the left group, times in the right group, partner positions) of each word both groups
    hold: a headline's words come back in the body, and a cut is right when each piece holds as many
    of them as its partner does."""
    left, right = Counter(left_words), Counter(right_words)
    found = []
    for word in left.keys() & right.keys():
        positions = [i.position for i in inside if not i.keys.isdisjoint(word)]
        if positions:
            found.append((left[word], right[word], positions))
    return found


def letters(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


# --- English sentence, Chinese groups ------------------------------------------------------------------


def en_items(sentence: str, lexicon: Lexicon | None) -> list[Item]:
    items = []
    if lexicon is not None:
        for match in _EN_WORD.finditer(sentence):
            word = match[0].lower()
            if word not in STOPWORDS:
                items.append(Item(match.start(), word_keys(word), match.end()))
    return items + _figures_and_codes(sentence, read_en)


def zh_keys(lexicon: Lexicon | None):
    def words(text: str) -> list[frozenset[str]]:
        found = [frozenset({key}) for key in (*number_keys(read_zh(text)), *latin_tokens(text))]
        return found + ([g for _, _, g in lexicon.entries_with_characters(text)] if lexicon is not None else [])
    return words


# --- Chinese sentence, English groups ------------------------------------------------------------------


def zh_items(sentence: str, lexicon: Lexicon | None) -> list[Item]:
    items = []
    if lexicon is not None:
        items += [Item(start, glosses, end) for start, end, glosses in lexicon.entries_with_characters(sentence)]
    return items + _figures_and_codes(sentence, read_zh)


def _figures_and_codes(sentence: str, read_quantities) -> list[Item]:
    """Firm figures (by value) and Latin tokens: the same on both sides of a translation."""
    items = [Item(q.start, frozenset({q.key}), q.end) for q in read_quantities(sentence) if q.firm and q.kind != "code"]
    for match in _LATIN.finditer(sentence):
        items += [Item(match.start(), frozenset({key}), match.end()) for key in latin_tokens(match[0])]
    return items


def en_keys(text: str) -> list[frozenset[str]]:
    words = {word_keys(word) for word in english_words(text)}
    return [*words, *(frozenset({key}) for key in (*number_keys(read_en(text)), *latin_tokens(text)))]


def word_keys(word: str) -> frozenset[str]:
    """An English word's stem and its singular's: a five-letter stem tells "chips" from "chip"."""
    return frozenset({stem(word), stem(singular(word))})


def singular(word: str) -> str:
    """Harman's S-stemmer (1991): the plural endings -ies, -es and -s, with their usual exceptions."""
    if word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


def zh_allowed(sentence: str, lexicon: Lexicon | None):
    """Positions between two characters where a Chinese sentence may end: not inside a dictionary word,
    a number with its unit or a Latin token, not after a comma or an opening mark, not inside brackets or quotes."""
    inside = set()
    if lexicon is not None:
        for start, end, _ in lexicon.entries(sentence):
            inside.update(range(start + 1, end))
    for match in re.finditer(r"[A-Za-z0-9.．%％]+", sentence):
        inside.update(range(match.start() + 1, match.end()))
    for quantity in read_zh(sentence):  # 2月|11日 is one date
        inside.update(range(quantity.start + 1, quantity.end))
    # a figure is followed by its measure word or unit (360|天, 7|家): no sentence ends on a bare figure
    inside.update(m.end() for m in re.finditer(rf"[0-9０-９](?=[{HAN}])", sentence))
    depth, positions = 0, []
    for index, char in enumerate(sentence):
        if index and not depth and index not in inside and sentence[index - 1] not in _ZH_NO_END \
                and char not in _ZH_NO_START and not char.isspace():
            positions.append(index)
        if char in "（(“‘《〈【「『":
            depth += 1
        elif char in "）)”’》〉】」』":
            depth = max(0, depth - 1)

    def allowed(lo: int, hi: int):
        return [p for p in positions if lo < p < hi]
    return allowed
