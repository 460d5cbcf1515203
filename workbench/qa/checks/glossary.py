"""Glossary enforcement: required renderings, forbidden variants, names, consistent renderings."""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz

from workbench.qa.checks.base import Check, DocumentCheck
from workbench.glossary.names import exact_windows, name_candidates, name_problems
from workbench.glossary.origin import placed_names
from workbench.text.pinyin import name_spellings

NEAR_RENDERING = 80  # rapidfuzz partial-ratio above which a wrong rendering is located in the target


class ForbiddenVariant(Check):
    """A rendering the glossary forbids ("Wulian Government" for 五莲县政府), whether or not the
    Chinese term is in this sentence's source."""

    check_id = "glossary_forbidden"
    category = "glossary"
    severity = "error"

    def check(self, pair):
        if pair.glossary is None:
            return
        matches = pair.glossary.target_matches(pair.target)
        required = [m for m in matches if not m.forbidden]
        for match in matches:
            if not match.forbidden or any(r.start <= match.start and match.end <= r.end for r in required):
                continue
            term = pair.glossary.terms[match.term]
            written = pair.target[match.start:match.end]
            yield self.finding(pair, match.start, match.end, f"“{written}” is a forbidden rendering of "
                               f"{term.source}; use “{term.target}”.", [term.target], safe=True, term=term.source)


class TermMissing(Check):
    """A glossary term in the source whose required rendering is not in the English."""

    check_id = "glossary_term_missing"
    category = "glossary"
    severity = "error"
    skips_untranslated = True

    def check(self, pair):
        glossary = pair.glossary
        if glossary is None:
            return
        present = glossary.target_matches(pair.target)
        rendered = {m.term for m in present if not m.forbidden}
        variants = {m.term for m in present if m.forbidden}
        for number in dict.fromkeys(m.term for m in glossary.source_matches(pair.source)):
            term = glossary.terms[number]
            if number in rendered or number in variants:
                continue
            if term.type == "person" and name_problems(pair.target, [term.target]):
                continue  # a wrong form of the name: reported by name_spelling with its span
            start, end = _near(pair.target, term.target)
            message = f"{term.source} should be rendered “{term.target}”."
            if end > start:
                message = f"“{pair.target[start:end]}”: {message}"
            yield self.finding(pair, start, end, message, [term.target], term=term.source)


def _near(target: str, rendering: str) -> tuple[int, int]:
    """Where in the target a wrong rendering probably stands, or the whole target if nowhere."""
    alignment = fuzz.partial_ratio_alignment(rendering.lower(), target.lower())
    if alignment and alignment.score >= NEAR_RENDERING:
        start, end = alignment.dest_start, alignment.dest_end
        while start > 0 and target[start - 1].isalnum():
            start -= 1
        while end < len(target) and target[end].isalnum():
            end += 1
        return start, end
    return 0, len(target)


class CaseOfName(Check):
    """A name, organisation or place in the glossary written with other capitals ("wuzheng group")."""

    check_id = "glossary_case"
    category = "glossary"
    severity = "warning"

    def check(self, pair):
        if pair.glossary is None:
            return
        for match in pair.glossary.target_matches(pair.target):
            if not match.forbidden and not match.exact_case and pair.glossary.case_matters(match.term):
                term = pair.glossary.terms[match.term]
                written = pair.target[match.start:match.end]
                if " ".join(written.split()) == term.target:
                    continue  # only the spacing differs: the spacing checks report that
                yield self.finding(pair, match.start, match.end, f"Write “{term.target}” with its capitals.",
                                   [term.target], safe=True, term=term.source)


def _people(pair) -> list[tuple[dict[str, str], bool]]:
    """The persons of a pair's source, each as {spelling: Chinese} and whether the glossary gave it.

    A glossary name is one spelling; a name found by its surname is every reading of every candidate
    at that position (3 and 2 characters), since which of them the English spells is the English's say.
    """
    people: list[tuple[dict[str, str], bool]] = []
    known = []
    if pair.glossary is not None:
        for match in pair.glossary.source_matches(pair.source):
            term = pair.glossary.terms[match.term]
            if term.type == "person" and term.source not in known:
                known.append(term.source)
                people.append(({term.target: term.source}, True))
    for _, names in name_candidates(pair.source):
        if any(name in k or k in name for name in names for k in known):
            continue
        spellings = {s: name for name in names for s in name_spellings(name)}
        if spellings:
            people.append((spellings, False))
    return people


def _placed_anywhere(observations) -> set[str]:
    return {name for observed in observations if observed for name in observed[0]}


class NameSpelling(DocumentCheck):
    """A person's name split, misspelt or reordered ("Jiang Wei dong", "Jiang Weidon", "Weidong Jiang"
    for 蒋卫东): glossary names, and any name in the source spelt by pypinyin. Only the glossary's
    spelling is certain enough for a one-click fix: pinyin has polyphonic readings, and a person the
    source places abroad or in Taiwan, Hong Kong or Macao is not written in pinyin at all (that is
    name_romanisation's to report, anywhere in the document)."""

    check_id = "name_spelling"
    category = "glossary"
    severity = "error"
    skips_untranslated = True

    def observe(self, pair):
        """(names the source places abroad, problems as (Chinese, start, end, written, expected, kind, certain))."""
        people = _people(pair)
        # where the English writes someone exactly right: another candidate inside it (明政 of 范明政, read
        # from a surname 明) is no name of its own
        right = [[(s, e) for s, e, _ in exact_windows(pair.target, tuple(spellings))] for spellings, _ in people]
        found, reported = [], []
        for person, (spellings, certain) in enumerate(people):
            others = [w for other, windows in enumerate(right) if other != person for w in windows]
            for problem in name_problems(pair.target, tuple(spellings)):
                if any(problem.start < e and s < problem.end for s, e in reported + others):
                    continue
                reported.append((problem.start, problem.end))
                found.append((spellings[problem.expected], problem.start, problem.end, problem.written,
                              problem.expected, problem.kind, certain))
        placed = tuple(placed_names(pair.source))
        return (placed, tuple(found)) if placed or found else None

    def judge(self, pairs, observations):
        placed = _placed_anywhere(observations)
        for pair, observed in zip(pairs, observations):
            for chinese, start, end, written, expected, kind, certain in (observed[1] if observed else ()):
                if chinese in placed and not certain:
                    continue
                yield pair.index, self.finding(
                    pair, start, end, f"“{written}” for {chinese}: the name is {kind}; write “{expected}”.",
                    (expected,), certain, text=written, term=chinese)


class NameRomanisation(DocumentCheck):
    """A person the source places abroad or in Taiwan, Hong Kong or Macao (越南政府总理范明政,
    国民党副主席夏立言) written in the Mandarin pinyin of the characters ("Fan Mingzheng" for Pham Minh
    Chinh): the English wants the person's own spelling, which no table of readings gives, so there
    is no suggestion."""

    check_id = "name_romanisation"
    category = "glossary"
    severity = "warning"
    skips_untranslated = True

    def observe(self, pair):
        """(names this source places, with the place; pinyin-like windows as (Chinese, start, end, written))."""
        placed = tuple(placed_names(pair.source).items())
        windows = []
        for spellings, certain in _people(pair):
            if certain:
                continue
            forms = [(s, e, w, spellings[w]) for s, e, w in exact_windows(pair.target, tuple(spellings))]
            forms += [(p.start, p.end, p.written, spellings[p.expected])
                      for p in name_problems(pair.target, tuple(spellings))]
            for start, end, written, chinese in sorted(forms):
                if not any(start < e and s < end for _, s, e, _ in windows):
                    windows.append((chinese, start, end, written))
        return (placed, tuple(windows)) if placed or windows else None

    def judge(self, pairs, observations):
        places = dict(item for observed in observations if observed for item in observed[0])
        for pair, observed in zip(pairs, observations):
            for chinese, start, end, written in (observed[1] if observed else ()):
                if chinese in places:
                    yield pair.index, self.finding(
                        pair, start, end,
                        f"“{written}” spells {chinese} in Mandarin pinyin, but the source places this person in "
                        f"{places[chinese]}: use the spelling the person is known by.", text=written)


class TermConsistency(DocumentCheck):
    """The same glossary term rendered in different ways across the document."""

    check_id = "glossary_consistency"
    category = "consistency"
    severity = "warning"

    def observe(self, pair):
        """The glossary terms of this pair's Chinese found in its English: (term, start, end, raw text)."""
        if pair.glossary is None:
            return ()
        terms_here = {m.term for m in pair.glossary.source_matches(pair.source)}
        return tuple((match.term, match.start, match.end, pair.target[match.start:match.end])
                     for match in pair.glossary.target_matches(pair.target) if match.term in terms_here)

    def judge(self, pairs, observations):
        if not pairs or pairs[0].glossary is None:
            return
        renderings: dict[int, list[tuple[int, int, int, str, str]]] = defaultdict(list)
        for pair, found in zip(pairs, observations):
            for term, start, end, raw in found:
                renderings[term].append((pair, start, end, " ".join(raw.split()), raw))
        for number, uses in renderings.items():
            forms = list(dict.fromkeys(u[3] for u in uses))
            if len(forms) < 2:
                continue
            first = forms[0]
            term = pairs[0].glossary.terms[number]
            for pair, start, end, form, raw in uses:
                if form != first and form != term.target:
                    yield pair.index, self.finding(
                        pair, start, end, f"{term.source} is “{first}” elsewhere in the document but “{form}” here.",
                        (term.target,), text=raw, term=term.source)


CHECKS = (CaseOfName, ForbiddenVariant, TermMissing)
DOCUMENT_CHECKS = (NameRomanisation, NameSpelling, TermConsistency)
