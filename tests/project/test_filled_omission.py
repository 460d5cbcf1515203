"""A pair the aligner found no English for (1-0) that a translator fills in is translated: its label, its
"no English translation" finding and the export all say so, after a reload too."""

from __future__ import annotations

from workbench.align import Alignment
from workbench.align.dp import AlignParams
from workbench.model import Pair
from workbench.project import editing, review
from workbench.project import release as exported
from workbench.project.checked import CheckedProject
from workbench.store.editing import segment_id_for
from workbench.store.repository import import_document

ZH = ("五征集团与中国移动签署了5G合作协议。", "双方将在智能制造领域开展合作。")
EN = "Wuzheng Group and China Mobile signed a 5G cooperation agreement."


def _import_with_an_omission(factory) -> int:
    pairs = (Pair(ZH[0], EN, "1-1", 0, 0.9, 0, 1, 0, 1), Pair(ZH[1], "", "1-0", 0, 0.9, 1, 2, 1, 1, 1))
    import_document(factory, "p", "doc", "s.zh.txt", "d.en.txt", "".join(ZH), EN, Alignment(pairs, AlignParams(), 3.0))
    return segment_id_for(factory, "p", 2)


def _omission_findings(factory) -> list[str]:
    checked = CheckedProject(factory, "p").refresh()
    return [f.check for s in checked.documents["doc"] for f in checked.open_findings(s) if f.category == "omission"]


def test_filling_in_an_omitted_sentence_makes_it_a_translated_pair(factory):
    segment_id = _import_with_an_omission(factory)
    assert _omission_findings(factory) == ["omitted_sentence"]

    editing.save_edit(factory, segment_id, "The two sides will cooperate in smart manufacturing.", "translator")

    checked = CheckedProject(factory, "p").refresh()  # a fresh read, as after a reload
    assert [s.kind for s in checked.documents["doc"]] == ["1-1", "1-1"]
    assert _omission_findings(factory) == []
    review.decide(factory, "p", "approve", "reviewer", None)
    assert 2 not in exported.open_findings(factory, "p").notes  # the export carries no omission either


def test_a_filled_in_pair_emptied_again_is_reported_as_empty(factory):
    segment_id = _import_with_an_omission(factory)
    saved = editing.save_edit(factory, segment_id, "The two sides will cooperate.", "translator")
    editing.save_edit(factory, segment_id, "", "translator", saved.version)
    checked = CheckedProject(factory, "p").refresh()
    (_, second) = checked.documents["doc"]
    assert [f.check for f in checked.open_findings(second)] == ["empty_target"]
