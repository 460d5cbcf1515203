"""Re-checking after edits (workbench/qa/driver.py:DocumentRun) gives exactly what a fresh full check gives.

The annotated QA documents carry every kind of cross-pair problem (names and terms rendered two
ways, quotes left open, shortened translations near omissions); random edits of their pairs —
a word replaced by one from elsewhere, a glossary rendering swapped, quote marks added, a pair
emptied — must leave the incremental result equal to a full check from scratch.
"""

from __future__ import annotations

import random

import pytest

from tests.qa.qa_data import qa_documents
from workbench.ingest.pipeline import align_files
from workbench.qa.driver import Checker, DocumentRun
from workbench.model import Pair
from workbench.qa.results import FindingCache

DOCUMENTS = qa_documents()


def _edits(rng: random.Random, segments: list[Pair], terms) -> list[Pair]:
    segments = list(segments)
    for _ in range(rng.randint(1, 3)):
        position = rng.randrange(len(segments))
        segment = segments[position]
        words = segment.target.split()
        donor = rng.choice(segments).target.split() or ["word"]
        choice = rng.randrange(5)
        if choice == 0 and words:
            words[rng.randrange(len(words))] = rng.choice(donor)
            target = " ".join(words)
        elif choice == 1 and terms:
            term = rng.choice(terms)
            target = f"{segment.target} {rng.choice([term.target, *term.forbidden] or [term.target])}"
        elif choice == 2:
            target = f"“{segment.target}" if rng.random() < 0.5 else f"{segment.target}”"
        elif choice == 3:
            target = ""
        else:
            target = segment.target.replace(" ", "  ", 1) + " Hengtai Industry Park"
        segments[position] = Pair(segment.source, target, segment.kind, segment.paragraph, index=segment.index)
    return segments


@pytest.mark.parametrize("document", DOCUMENTS, ids=[d.name for d in DOCUMENTS])
def test_incremental_recheck_equals_a_full_check(document):
    aligned = align_files(document.source, document.draft, document.glossary)
    ratio = aligned.alignment.length_ratio
    segments = [Pair(p.source, p.target, p.kind, p.paragraph, index=i)
                for i, p in enumerate(aligned.alignment.pairs)]
    terms = aligned.glossary.terms
    checker = Checker(terms, None, cache=FindingCache())
    run = DocumentRun(checker, segments, ratio)
    rng = random.Random(document.name)
    compared = 0
    for _ in range(25):
        segments = _edits(rng, segments, terms)
        run = run.recheck(segments, ratio)
        expected = Checker(terms, None).check(segments, ratio)
        assert run.reports == expected
        compared += sum(len(r.findings) for r in expected)
    assert compared > 0  # the comparison covered real findings


def test_an_unchanged_document_is_not_rechecked():
    document = DOCUMENTS[0]
    aligned = align_files(document.source, document.draft, document.glossary)
    segments = [Pair(p.source, p.target, p.kind, p.paragraph, index=i)
                for i, p in enumerate(aligned.alignment.pairs)]
    run = DocumentRun(Checker(aligned.glossary.terms, None), segments, aligned.alignment.length_ratio)
    reports = list(run.reports)
    assert run.recheck(list(segments), aligned.alignment.length_ratio) is run and run.reports == reports


def test_a_paragraph_number_that_comes_back_later_is_checked_in_both_places():
    """Paragraph-scoped checks (quotes left open) run per run of pairs with one paragraph number; a
    number met again further down (documents joined one after another) must not replace the first run's
    findings, neither in a one-off check nor after an edit."""
    segments = [Pair("他说：“你好。", "He said: “Hello."), Pair("好的。", "Fine.", paragraph=1, index=1),
                Pair("他说：“再见。", "He said: “Goodbye.", index=2)]
    open_quotes = lambda reports: [r.pair.index for r in reports if any(f.check == "quote_marks" for f in r.findings)]  # noqa: E731
    assert open_quotes(Checker(lexicon=None).check(segments)) == [0, 2]
    run = DocumentRun(Checker(lexicon=None), segments, 3.0)
    edited = [segments[0], Pair("好的。", "All right.", paragraph=1, index=1), segments[2]]
    assert open_quotes(run.recheck(edited, 3.0).reports) == [0, 2]
    closed = [Pair("他说：“你好。", "He said: “Hello.”"), *edited[1:]]
    assert open_quotes(run.recheck(closed, 3.0).reports) == [2]
