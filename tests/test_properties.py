"""Properties that must hold for any input, checked with hypothesis, beside the ones kept next to their modules.

The four promised properties and where each lives are listed in docs/hostile.md: segmentation loses no character
(tests/segment/test_segment.py), alignment covers both texts in order (here, sentence by sentence, and tests/align/test_align.py),
fixes are idempotent (tests/qa/test_fixes.py), and export -> import round-trips (here).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import write_file, writer
from workbench.align import align
from workbench.formats import release_csv, release_json, tmx, xliff
from workbench.model import SourceText
from workbench.text.paragraphs import paragraph_spans
from workbench.release.model import ExportProject, ExportUnit
from workbench.segment import segment

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# ---------------------------------------------------------------- alignment: every sentence once, in order

ZH = ["五征集团签约。", "营收128亿元。", "蒋卫东讲话。", "天气很好！", "我们走吧？", "他说：“好。”", "第三季度增长5.2%。"]
EN = ["Wuzheng signed.", "Revenue hit 12.8 billion yuan.", "Jiang Weidong spoke.", "Nice weather!", "Shall we go?",
      "He said: “Good.”", "Growth was 5.2% in the third quarter."]


def paragraphs(sentences: list[str], breaks: list[int], joiner: str) -> str:
    """Sentences laid out as text, with a blank line after the sentences whose position is in ``breaks``."""
    text = ""
    for position, sentence in enumerate(sentences):
        text += sentence + ("\n\n" if position in breaks and position < len(sentences) - 1 else joiner)
    return text.strip()


def visible(text: str) -> str:
    return "".join(text.split())


@FAST
@given(st.lists(st.sampled_from(ZH), max_size=14), st.lists(st.sampled_from(EN), max_size=14),
       st.lists(st.integers(0, 13), max_size=4), st.lists(st.integers(0, 13), max_size=4))
def test_alignment_uses_every_sentence_of_both_texts_once_in_order(zh, en, zh_breaks, en_breaks):
    source = segment(SourceText(text := paragraphs(zh, zh_breaks, ""), paragraph_spans(text)), "zh")
    draft = segment(SourceText(text := paragraphs(en, en_breaks, " "), paragraph_spans(text)), "en")
    pairs = align(source, draft).pairs
    # the beads tile both sentence sequences: each starts where the previous ended, none is empty on both sides
    assert [p.src_start for p in pairs] == [0, *(p.src_end for p in pairs)][:len(pairs)]
    assert [p.tgt_start for p in pairs] == [0, *(p.tgt_end for p in pairs)][:len(pairs)]
    assert (pairs[-1].src_end if pairs else 0) == len(source.sentences)
    assert (pairs[-1].tgt_end if pairs else 0) == len(draft.sentences)
    assert all(p.src_end > p.src_start or p.tgt_end > p.tgt_start for p in pairs)
    # and each pair's text is exactly its sentences
    for p in pairs:
        assert visible(p.source) == visible("".join(s.text for s in source.sentences[p.src_start:p.src_end]))
        assert visible(p.target) == visible("".join(s.text for s in draft.sentences[p.tgt_start:p.tgt_end]))
    assert [p.paragraph for p in pairs] == sorted(p.paragraph for p in pairs)


# ---------------------------------------------------------------- export -> import round trips

PIECES = ["五征集团", "签约。", "Wuzheng", " ", "  ", "\n", "\t", "<b>", "&amp;", "&", "<", ">", "\"", "'", "=SUM(A1)",
          "+1", "-2", "@x", "\u00a0", "\u3000", "\u200b", "\u202e", "🚀", "𠀀", "“", "”", "]]>", "'=x", "''"]
TEXT = st.lists(st.sampled_from(PIECES) | st.text(st.characters(codec="utf-8",
                                                                exclude_categories=("Cs", "Cc", "Co", "Cn")),
                                                  max_size=4), max_size=6).map("".join)
NAME = st.lists(st.sampled_from(["新闻稿", " 2024", ".docx", "notes & <misc>", ".txt", "a"]), min_size=1,
                max_size=3).map("".join)


@st.composite
def projects(draw) -> ExportProject:
    documents = draw(st.lists(NAME, min_size=1, max_size=2, unique=True))
    units = []
    for number in range(1, draw(st.integers(1, 5)) + 1):
        status = draw(st.sampled_from(["draft", "edited", "approved", "rejected"]))
        decided = status in ("approved", "rejected")
        units.append(ExportUnit(
            str(number), draw(st.sampled_from(documents)), draw(st.integers(0, 3)), draw(TEXT), draw(TEXT), status,
            approver=draw(NAME) if decided else "", approved_at="2024-05-02T09:00:00Z" if decided else "",
            findings=tuple(draw(st.lists(TEXT.filter(lambda f: "|" not in f and f.strip() == f and f), max_size=2)))))
    # a project lists its segments document by document, paragraphs in order, numbered 1, 2, ...
    units.sort(key=lambda unit: (documents.index(unit.document), unit.paragraph))
    units = [replace(unit, id=str(number)) for number, unit in enumerate(units, start=1)]
    return ExportProject("项目 <1>", tuple(units), tuple(documents))


CSV_FIELDS = ("id", "document", "paragraph", "source", "target", "status", "approver", "findings")
ALL_FIELDS = CSV_FIELDS + ("approved_at",)
ROUND_TRIPS = [
    pytest.param(lambda project, path: write_file(xliff.render, project, path, "2.0"), xliff.read, ".xlf", ALL_FIELDS,
                 id="xliff-2.0"),
    pytest.param(lambda project, path: write_file(xliff.render, project, path, "1.2"), xliff.read, ".xlf", ALL_FIELDS,
                 id="xliff-1.2"),
    pytest.param(writer(tmx.render), tmx.read, ".tmx", ALL_FIELDS, id="tmx"),
    pytest.param(writer(release_csv.render_csv), release_csv.read_csv, ".csv", CSV_FIELDS, id="csv"),
    pytest.param(writer(release_json.render), release_json.read, ".json", ALL_FIELDS, id="json"),
]


@pytest.mark.parametrize("write, read, suffix, fields", ROUND_TRIPS)
@FAST
@given(project=projects())
def test_export_then_import_gives_back_every_unit(tmp_path: Path, write, read, suffix, fields, project):
    path = tmp_path / f"release{suffix}"
    write(project, path)
    back = read(path)
    assert [[getattr(u, f) for f in fields] for u in back] == [[getattr(u, f) for f in fields] for u in project.units]
