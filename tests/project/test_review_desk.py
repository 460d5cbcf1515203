"""The reviewer's tools on the application layer: MQM error marks and the quality score (in the manifest and
the report), taking a decision back, comment threads, and search and replace with each change a revision."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from tests.conftest import ON_BOTH_DATABASES
from workbench.errors import RefusedError, UserError
from workbench.formats.quality_report import render_csv, render_xlsx
from workbench.project.comments import add_comment
from workbench.project.editing import save_edit
from workbench.project.exporting import export_release
from workbench.project.importing import ensure_sample
from workbench.project.quality import error_marks, mark_error, quality_score, set_quality_model, withdraw_mark
from workbench.project.release import export_project
from workbench.project.replacing import apply_replace, preview_replace
from workbench.project.review import decide
from workbench.store.accounts import add_user
from workbench.store.editing import history, segment_id_for, threads
from workbench.store.models import ErrorMark, Event, SegmentRow
from workbench.text.replacing import Replace

PROJECT = "wuzheng-5g"


def _pair(factory, number: int) -> tuple[int, int, str]:
    segment_id = segment_id_for(factory, PROJECT, number)
    with factory() as session:
        segment = session.get(SegmentRow, segment_id)
        return segment_id, segment.version, segment.target_text


@ON_BOTH_DATABASES
def test_marked_errors_make_the_score_that_the_manifest_and_the_report_carry(factory, tmp_path):
    ensure_sample(factory)
    first, version, english = _pair(factory, 1)
    word = english.split()[1]
    mark_error(factory, first, version, "accuracy/mistranslation", "major", "Chen", span=word, note="wrong word")
    second, version, _ = _pair(factory, 2)
    mark_error(factory, second, version, "accuracy/omission", "minor", "Chen")
    decide(factory, PROJECT, "approve", "Chen", None)

    score = quality_score(factory, PROJECT)
    assert score.pairs_reviewed == 15 and score.penalty == 6
    assert score.per_thousand == pytest.approx(6000 / score.words)
    [marked, omitted] = score.marks
    assert (marked.segment, marked.span, marked.english[marked.start:marked.end]) == (1, word, word)
    assert (omitted.segment, omitted.span, omitted.severity) == (2, "", "minor")

    release = export_release(factory, PROJECT, "txt", tmp_path / "r.txt", "Chen")
    quality = json.loads((tmp_path / "r.txt.manifest.json").read_text("utf-8"))["quality"]
    assert quality == release.manifest["quality"] == score.to_dict()
    assert quality["errors_by_category"]["accuracy"]["major"] == 1 and quality["passed"] == score.passed

    rows = list(csv.DictReader(io.StringIO(render_csv(score).decode("utf-8-sig"))))
    assert [(r["segment"], r["category"], r["severity"], r["span"], r["note"]) for r in rows] == [
        ("1", "accuracy/mistranslation", "major", word, "wrong word"), ("2", "accuracy/omission", "minor", "", "")]
    sheets = load_workbook(io.BytesIO(render_xlsx(score)))
    summary = {row[0]: row[1] for row in sheets["summary"].iter_rows(values_only=True) if row and row[0]}
    assert summary["penalty points"] == 6 and summary["verdict"] in ("pass", "fail")
    assert sheets["errors"].max_row == 3


def test_a_mark_on_a_text_that_changed_since_it_was_read_is_refused(factory):
    ensure_sample(factory)
    segment_id, version, english = _pair(factory, 3)
    save_edit(factory, segment_id, english + " Edited.", "Lin", version)
    with pytest.raises(RefusedError, match="changed meanwhile"):
        mark_error(factory, segment_id, version, "fluency", "minor", "Chen", span=english.split()[0])
    assert error_marks(factory, PROJECT) == []


def test_a_withdrawn_mark_leaves_the_score_and_stays_in_the_store(factory):
    ensure_sample(factory)
    segment_id, version, _ = _pair(factory, 4)
    mark_id = mark_error(factory, segment_id, version, "style", "critical", "Chen")
    assert quality_score(factory, PROJECT).penalty == 25
    withdraw_mark(factory, PROJECT, mark_id, "Zhao")
    assert quality_score(factory, PROJECT).penalty == 0 and error_marks(factory, PROJECT) == []
    with factory() as session:
        row = session.get(ErrorMark, mark_id)
        assert row.withdrawn_by == "Zhao" and row.category == "style"
        assert session.scalar(select(Event.actor).where(Event.action == "withdraw-mark")) == "Zhao"
    with pytest.raises(UserError, match="already withdrawn by Zhao"):
        withdraw_mark(factory, PROJECT, mark_id, "Zhao")


def test_a_fix_after_the_mark_is_shown_but_the_error_still_counts(factory):
    ensure_sample(factory)
    segment_id, version, english = _pair(factory, 5)
    mark_error(factory, segment_id, version, "fluency/spelling", "minor", "Chen", span=english.split()[0])
    save_edit(factory, segment_id, english.replace(english.split()[0], "Fixed", 1), "Lin", version)
    [mark] = error_marks(factory, PROJECT)
    assert mark.fixed and mark.english == english  # the English the reviewer read, kept with the mark
    assert quality_score(factory, PROJECT).penalty == 1  # the score is of the translation as reviewed


def test_the_projects_model_changes_the_score_and_is_an_admins_once_accounts_exist(factory):
    ensure_sample(factory)
    segment_id, version, _ = _pair(factory, 6)
    mark_error(factory, segment_id, version, "terminology", "major", "Chen")
    set_quality_model(factory, PROJECT, "cli", weights={"terminology": 2}, threshold=50)
    score = quality_score(factory, PROJECT)
    assert score.penalty == 10 and score.model.threshold == 50
    add_user(factory, "Zhao", "admin", "a long admin password")
    add_user(factory, "Lin", "translator", "a long translator password", "Zhao")
    with pytest.raises(RefusedError):
        set_quality_model(factory, PROJECT, "Lin", threshold=1000)
    with pytest.raises(RefusedError):
        mark_error(factory, segment_id, version, "style", "minor", "Lin")  # a translator does not mark errors


def test_taking_an_approval_back_reopens_the_pair_and_keeps_the_decision(factory):
    ensure_sample(factory)
    decide(factory, PROJECT, "approve", "Chen", [1, 2])
    decide(factory, PROJECT, "reopen", "Chen", [2], "approved too soon")
    units = {u.id: u for u in export_project(factory, PROJECT).units}
    assert (units["1"].status, units["2"].status, units["2"].approver) == ("approved", "draft", "")
    with pytest.raises(UserError, match="segment\\(s\\) 3 are neither approved nor rejected"):
        decide(factory, PROJECT, "reopen", "Chen", [3])
    from workbench.store.editing import review_decisions

    segment_id = segment_id_for(factory, PROJECT, 2)
    assert [d.decision for d in review_decisions(factory, [segment_id])[segment_id]] == ["approved", "reopened"]


def test_a_comment_thread_keeps_authors_times_and_versions(factory):
    ensure_sample(factory)
    segment_id, version, _ = _pair(factory, 7)
    add_comment(factory, segment_id, "Is 128亿 really 12.8 billion here?", "Chen")
    add_comment(factory, segment_id, "  Yes: checked with the source.  ", "Lin")
    thread = threads(factory, [segment_id])[segment_id]
    assert [(c.author, c.text, c.segment_version) for c in thread] == [
        ("Chen", "Is 128亿 really 12.8 billion here?", version), ("Lin", "Yes: checked with the source.", version)]
    for text, said in (("   ", "empty"), ("x" * 6000, "keep it under 5000")):
        with pytest.raises(UserError, match=said):
            add_comment(factory, segment_id, text, "Chen")


@ON_BOTH_DATABASES
def test_replace_previews_then_saves_each_change_as_a_revision(factory):
    ensure_sample(factory)
    replace = Replace("Wuzheng", "WUZHENG", whole_words=True)
    preview = preview_replace(factory, PROJECT, replace)
    assert preview and all("WUZHENG" in p.after and p.after == p.before.replace("Wuzheng", "WUZHENG")
                           for p in preview)
    assert not any("WUZHENG" in _pair(factory, p.number)[2] for p in preview)  # a preview saves nothing

    changed = apply_replace(factory, PROJECT, replace, {p.segment_id: p.version for p in preview}, "Lin")
    assert changed == len(preview)
    latest = history(factory, preview[0].segment_id)[-1]
    assert (latest.text, latest.author, latest.reason) == (preview[0].after, "Lin", "replace: 'Wuzheng' → 'WUZHENG'")


def test_a_replace_over_a_pair_changed_since_the_preview_saves_nothing(factory):
    ensure_sample(factory)
    replace = Replace(r"(\d+)G\b", r"\1-G", as_regex=True)
    preview = preview_replace(factory, PROJECT, replace)
    assert len(preview) >= 2
    first = preview[0]
    save_edit(factory, first.segment_id, first.before + " (edited)", "Chen", first.version)
    with pytest.raises(RefusedError, match=f"segment\\(s\\) {first.number} changed since the preview"):
        apply_replace(factory, PROJECT, replace, {p.segment_id: p.version for p in preview}, "Lin")
    assert all(_pair(factory, p.number)[2] == p.before for p in preview[1:])


@pytest.mark.parametrize("replace, said", [
    (Replace("(", "x", as_regex=True), "not a regular expression"),
    (Replace("x*", "y", as_regex=True), "matches the empty string"),
    (Replace("", "y"), "say what to find"),
    (Replace("(G)", r"\2", as_regex=True), "cannot use the replacement"),
])
def test_a_bad_pattern_is_one_line(factory, replace, said):
    ensure_sample(factory)
    with pytest.raises(UserError, match=said):
        preview_replace(factory, PROJECT, replace)
