"""Alignment quality on the hand-made gold set, scored beside galechurch in the same run."""

from __future__ import annotations

import re

import pytest

from tests.align.gold import galechurch_beads, gold_documents
from workbench.align import align
from workbench.align.scoring import BoundaryScore, score
from workbench.formats import read_document
from workbench.segment import segment

DOCUMENTS = gold_documents()


def _visible(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("document", DOCUMENTS, ids=[d.name for d in DOCUMENTS])
def test_gold_covers_each_document_exactly(document):
    assert _visible("".join(zh for zh, _ in document.beads)) == _visible(document.source.read_text("utf-8"))
    assert _visible("".join(en for _, en in document.beads)) == _visible(document.draft.read_text("utf-8"))


def test_gold_set_is_big_and_varied():
    assert len(DOCUMENTS) >= 8
    assert sum(len(d.beads) for d in DOCUMENTS) >= 150
    kinds = set().union(*(d.kinds for d in DOCUMENTS))
    assert {"omission", "merge", "split"} <= kinds


@pytest.fixture(scope="module")
def scores():
    rows = []
    for document in DOCUMENTS:
        source = segment(read_document(document.source), "zh")
        draft = segment(read_document(document.draft), "en")
        ours = score([(p.source, p.target) for p in align(source, draft).pairs], document.beads)
        reference = score(galechurch_beads(source, draft), document.beads)
        rows.append((document, ours, reference))
    return rows


def test_overall_bead_boundary_f1_is_at_least_097(scores):
    total = sum((ours for _, ours, _ in scores), BoundaryScore(0, 0, 0))
    assert total.f1 >= 0.97, f"F1 {total.f1:.3f}"


def test_beats_galechurch_on_documents_with_omissions(scores):
    with_omissions = [(ours, reference) for doc, ours, reference in scores if "omission" in doc.kinds]
    assert with_omissions
    ours = sum((o for o, _ in with_omissions), BoundaryScore(0, 0, 0))
    reference = sum((r for _, r in with_omissions), BoundaryScore(0, 0, 0))
    assert ours.f1 > reference.f1, f"workbench {ours.f1:.3f} vs galechurch {reference.f1:.3f}"
    for o, r in with_omissions:
        assert o.f1 >= r.f1
