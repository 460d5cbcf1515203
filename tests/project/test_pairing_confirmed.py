"""A pair whose English a person has written is no longer the aligner's guess: its number, date and
omission findings are findings again, not hints that say to check the pairing first."""

from __future__ import annotations

import pytest

from workbench.align import Alignment
from workbench.align.dp import AlignParams
from workbench.model import Pair, pairing_confidence
from workbench.project import editing, review
from workbench.project import release as exported
from workbench.project.checked import CheckedProject
from workbench.store.editing import segment_id_for
from workbench.store.repository import import_document

ZH, EN = "销量达到128亿元。", "Sales reached 1.28 billion yuan."

# version, status, aligner confidence, the confidence the checks are given
CASES = [
    (1, "draft", 0.3, 0.3),
    (1, "approved", 0.3, 0.3),  # `approve --all` reads nothing
    (1, "rejected", 0.3, 0.3),  # a rejection may be about the pairing itself
    (2, "edited", 0.3, 1.0),
    (2, "approved", 0.3, 1.0),  # edited, then approved
    (1, "edited", 0.3, 1.0),  # the second pair a person's split made
    (1, "draft", 0.9, 0.9),
]


@pytest.mark.parametrize("version,status,aligner,given", CASES, ids=[f"v{c[0]}-{c[1]}@{c[2]}" for c in CASES])
def test_a_person_who_writes_the_english_confirms_the_pairing(version, status, aligner, given):
    assert pairing_confidence(aligner, version, status) == given


def _import_unsure_pair(factory) -> int:
    pair = Pair(ZH, EN, "1-1", 0, 0.3, 0, 1, 0, 1)
    import_document(factory, "p", "doc", "s.zh.txt", "d.en.txt", ZH, EN, Alignment((pair,), AlignParams(), 3.0))
    return segment_id_for(factory, "p", 1)


def _number_severities(factory) -> list[str]:
    checked = CheckedProject(factory, "p").refresh()
    (segment,) = checked.documents["doc"]
    return [f.severity for f in checked.open_findings(segment) if f.check == "number_mismatch"]


def test_an_edited_unsure_pair_reports_its_wrong_number_as_an_error(factory):
    segment_id = _import_unsure_pair(factory)
    assert _number_severities(factory) == ["info"]
    review.decide(factory, "p", "approve", "reviewer", None)  # a bulk approval reads nothing
    assert _number_severities(factory) == ["info"]
    assert any("unsure of this pair" in note for note in exported.open_findings(factory, "p").notes[1])

    editing.save_edit(factory, segment_id, "Sales reached 1.28 billion yuan in 2023.", "translator")

    assert _number_severities(factory) == ["error"]
    notes = exported.open_findings(factory, "p").notes[1]
    assert any("number_mismatch" in note and "unsure of this pair" not in note for note in notes)
