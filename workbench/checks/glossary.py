"""Glossary enforcement: required renderings, forbidden variants, names, consistent renderings."""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz

from workbench.checks.base import Check, DocumentCheck
from workbench.glossary.names import chinese_names, name_problems
from workbench.model import Finding
from workbench.pinyin import name_spellings

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
                               f"{term.source}; use “{term.target}”.", [term.target], safe=True)


class TermMissing(Check):
    """A glossary term in the source whose required rendering is not in the English."""

    check_id = "glossary_term_missing"
    category = "glossary"
    severity = "error"

    def check(self, pair):
        glossary = pair.glossary
        if glossary is None or pair.kind == "1-0" or not pair.target.strip():
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
            yield self.finding(pair, start, end, message, [term.target])


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
                                   [term.target], safe=True)


class NameSpelling(Check):
    """A person's name split, misspelt or reordered ("Jiang Wei dong", "Jiang Weidon", "Weidong Jiang"
    for 蒋卫东): glossary names, and any name in the source spelt by pypinyin."""

    check_id = "name_spelling"
    category = "glossary"
    severity = "error"

    def check(self, pair):
        if pair.kind == "1-0" or not pair.target.strip():
            return
        people: dict[str, list[str]] = {}
        if pair.glossary is not None:
            for match in pair.glossary.source_matches(pair.source):
                term = pair.glossary.terms[match.term]
                if term.type == "person":
                    people[term.source] = [term.target]
        for chinese in chinese_names(pair.source):
            if not any(chinese in known or known in chinese for known in people):
                spellings = name_spellings(chinese)
                if spellings:
                    people[chinese] = spellings
        reported = []
        for chinese, spellings in people.items():
            for problem in name_problems(pair.target, spellings):
                if any(problem.start < e and s < problem.end for s, e in reported):
                    continue
                reported.append((problem.start, problem.end))
                yield self.finding(pair, problem.start, problem.end,
                                   f"“{problem.written}” for {chinese}: the name is {problem.kind}; "
                                   f"write “{problem.expected}”.", [problem.expected], safe=True)


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
                renderings[term].append((pair.index, start, end, " ".join(raw.split()), raw))
        for number, uses in renderings.items():
            forms = list(dict.fromkeys(u[3] for u in uses))
            if len(forms) < 2:
                continue
            first = forms[0]
            term = pairs[0].glossary.terms[number]
            for index, start, end, form, raw in uses:
                if form != first and form != term.target:
                    yield index, Finding(self.check_id, self.category, self.severity,
                                         f"{term.source} is “{first}” elsewhere in the document but “{form}” here.",
                                         start, end, raw, (term.target,), "qa", False)


CHECKS = (CaseOfName, ForbiddenVariant, NameSpelling, TermMissing)
DOCUMENT_CHECKS = (TermConsistency,)
