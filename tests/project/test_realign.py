"""Merging and splitting pairs by hand, ignoring findings with a reason, and the app's incremental
project snapshot: on SQLite and PostgreSQL, through the real store."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.conftest import DATABASES, store_url
from workbench.errors import UserError
from workbench.store import repository
from workbench.project.checked import CheckedProject
from workbench.store.editing import history
from workbench.project.editing import StaleEdit, save_edit
from workbench.project.editing import ignore_finding
from workbench.store.models import Event, SegmentRow
from workbench.project.realign import SplitPoint, kind_of, merge_with_next, sentence_breaks, split_segment
from workbench.project.review import decide
from workbench.project.release import open_findings
from workbench.project.snapshot import ProjectSnapshot


@pytest.fixture(params=DATABASES)
def db_url(request, tmp_path):
    yield from store_url(request.param, tmp_path)


@pytest.fixture
def project(factory, sample):
    repository.import_document(factory, "p", "doc", "s.zh.txt", "d.en.txt", sample.source.text, sample.draft.text,
                               sample.alignment, sample.glossary)
    return ProjectSnapshot(factory, "p").refresh()


@pytest.mark.parametrize("source, target, kind", [
    ("他来了。她也来了。", "He came.", "2-1"),
    ("他来了。", "He came. She came too. They all came.", "1-3"),
    ("", "An added sentence.", "0-1"),
    ("未译的句子。", "  ", "1-0"),
], ids=["two-one", "one-three", "addition", "omission"])
def test_kind_counts_sentences_on_each_side(source, target, kind):
    assert kind_of(source, target) == kind


def test_sentence_breaks_offer_every_sentence_end():
    assert sentence_breaks("他来了。她也来了。", "zh") == [0, 4, 9]


def test_merge_joins_texts_retires_the_second_and_renumbers(factory, project):
    first, second, third = project.segments()[:3]
    merge_with_next(factory, first.id, "ann", expected_version=first.version)
    after = ProjectSnapshot(factory, "p").refresh().segments()
    assert len(after) == len(project.segments()) - 1
    merged = after[0]
    assert merged.source_text == first.source_text + second.source_text
    assert merged.target_text == f"{first.target_text.rstrip()} {second.target_text.lstrip()}".strip()
    assert merged.version == first.version + 1 and merged.status == "edited"
    assert after[1].id == third.id and after[1].number == 2  # numbers close up
    with factory() as session:
        retired = session.get(SegmentRow, second.id)
        assert retired.retired_at is not None and retired.target_text == second.target_text  # kept, not deleted
        event = session.scalars(select(Event).where(Event.action == "merge")).one()
        assert event.actor == "ann" and event.detail["before"][1]["target"] == second.target_text
    assert [r.reason for r in history(factory, first.id)][-1].startswith("merged with the next pair")


def test_split_makes_two_pairs_with_history_and_shifts_the_rest(factory, project):
    third = project.segments()[2]  # after the title and the date: two sentences that end with full stops
    merge_with_next(factory, third.id, "ann", expected_version=third.version)  # an English of two sentences
    segments = ProjectSnapshot(factory, "p").refresh().segments()
    chosen = next(s for s in segments if len(sentence_breaks(s.target_text, "en")) > 2)
    index = segments.index(chosen)
    target_at = sentence_breaks(chosen.target_text, "en")[1]
    new_id = split_segment(factory, chosen.id, SplitPoint(len(chosen.source_text), target_at), "ann")
    after = ProjectSnapshot(factory, "p").refresh().segments()
    assert len(after) == len(segments) + 1
    head, tail = after[index], after[index + 1]
    assert (head.id, tail.id) == (chosen.id, new_id)
    assert head.source_text == chosen.source_text and tail.source_text == ""
    assert head.target_text == chosen.target_text[:target_at].rstrip()
    assert tail.target_text == chosen.target_text[target_at:].lstrip() != ""
    assert tail.kind.startswith("0-") and after[index + 2].id == segments[index + 1].id
    assert [r.reason for r in history(factory, new_id)] == [f"split: second part of segment id {chosen.id}"]


@pytest.mark.parametrize("source_at, target_at", [(0, 0), (-1, 0), (10_000, 0)], ids=["empty-head", "negative",
                                                                                   "beyond"])
def test_bad_split_points_are_refused_and_change_nothing(factory, project, source_at, target_at):
    first = project.segments()[0]
    with pytest.raises(UserError):
        split_segment(factory, first.id, SplitPoint(source_at, target_at), "ann")
    assert ProjectSnapshot(factory, "p").refresh().segments() == project.segments()


def test_merging_the_last_pair_or_a_stale_version_is_refused(factory, project):
    last, first = project.segments()[-1], project.segments()[0]
    with pytest.raises(UserError, match="last pair"):
        merge_with_next(factory, last.id, "ann")
    save_edit(factory, first.id, first.target_text + " (edited)", "bob")
    with pytest.raises(StaleEdit):
        merge_with_next(factory, first.id, "ann", expected_version=first.version)
    assert len(ProjectSnapshot(factory, "p").refresh().segments()) == len(project.segments())


def test_ignored_finding_stays_ignored_with_its_reason_until_the_text_changes(factory, project):
    checked = CheckedProject(factory, "p").refresh()
    segment, finding = next((s, f) for s in checked.snapshot.segments() for f in checked.open_findings(s))
    assert ignore_finding(factory, segment.id, finding, "house style allows it", "ann") is True
    assert ignore_finding(factory, segment.id, finding, "again", "ann") is False
    checked.refresh()
    segment = next(s for s in checked.snapshot.segments() if s.id == segment.id)
    open_, ignored = checked.findings(segment)
    assert finding not in open_
    assert [(f, i.reason, i.actor) for f, i in ignored] == [(finding, "house style allows it", "ann")]
    with pytest.raises(UserError, match="reason"):
        ignore_finding(factory, segment.id, finding, "   ", "ann")
    exported = open_findings(factory, "p").notes.get(segment.number, ())  # what export and release readiness count
    assert f"{finding.category}/{finding.check}: {finding.message}" not in exported


def test_snapshot_reloads_only_what_events_name(factory, project):
    first, second = project.segments()[:2]
    generation = project.generation
    assert project.refresh().generation == generation  # nothing happened: nothing reloaded
    save_edit(factory, first.id, "A new text.", "ann")
    decide(factory, "p", "approve", "rev", [2])
    project.refresh()
    assert project.generation == generation + 1
    assert project.segments()[0].target_text == "A new text." and project.segments()[0].version == first.version + 1
    assert project.segments()[1].status == "approved"
    assert project.segments()[2:] == ProjectSnapshot(factory, "p").refresh().segments()[2:]


def test_a_decision_is_refused_when_numbers_shifted_or_the_text_changed(factory, project):
    from workbench.errors import RefusedError
    from workbench.project.review import decide_seen

    first, second, third = project.segments()[:3]
    merge_with_next(factory, first.id, "ann")  # the pair shown as #3 is now #2
    with pytest.raises(RefusedError, match="merged or removed"):
        decide_seen(factory, "p", "approve", "rev", {second.id: second.version})
    save_edit(factory, third.id, "Changed after the reviewer read it.", "ann")
    with pytest.raises(RefusedError, match="changed meanwhile"):
        decide_seen(factory, "p", "approve", "rev", {third.id: third.version})
    statuses = {s.id: s.status for s in ProjectSnapshot(factory, "p").refresh().segments()}
    assert "approved" not in statuses.values()
    assert decide_seen(factory, "p", "approve", "rev", {third.id: third.version + 1}) == 1


def test_a_save_to_a_pair_merged_away_meanwhile_is_refused(factory, project):
    from workbench.errors import RefusedError

    first, second = project.segments()[:2]
    merge_with_next(factory, first.id, "ann")
    for expected in (second.version, None):
        with pytest.raises(RefusedError):
            save_edit(factory, second.id, "Lost text?", "bob", expected)
    assert [r.text for r in history(factory, second.id)] == [second.target_text]


def test_an_update_from_a_stale_read_is_refused_not_overwriting(factory, project):
    from workbench.errors import RefusedError
    from workbench.store.conflicts import refused_if_changed_meanwhile

    first = project.segments()[0]
    with pytest.raises(RefusedError, match="changed this segment meanwhile"):
        with refused_if_changed_meanwhile(), factory.begin() as session:
            row = session.get(SegmentRow, first.id)  # read ...
            save_edit(factory, first.id, "Saved by someone else meanwhile.", "bob")  # ... someone saves ...
            row.status = "approved"  # ... and this update must not land on their text
    after = ProjectSnapshot(factory, "p").refresh().segments()[0]
    assert after.target_text == "Saved by someone else meanwhile." and after.status == "edited"


def test_the_snapshot_notices_a_restore_even_when_event_ids_repeat(factory, project, db_url, tmp_path):
    from workbench.store.backup import backup, restore

    file = tmp_path / "before.json"
    backup(db_url, file, "json")
    first = project.segments()[0]
    save_edit(factory, first.id, "An edit the restore undoes.", "ann")
    assert project.refresh().segments()[0].target_text == "An edit the restore undoes."
    restore(db_url, file, force=True, actor="ops")  # its event takes the id the edit had
    assert project.refresh().segments()[0].target_text == first.target_text


def test_findings_ignored_on_a_merged_away_pair_stay_ignored_on_the_merged_pair(factory, project):
    checked = CheckedProject(factory, "p").refresh()
    segments = checked.snapshot.segments()
    position, finding = next((i, f) for i, s in enumerate(segments[1:], start=1) for f in checked.open_findings(s)
                             if f.check not in ("term_consistency", "name_consistency", "glossary_consistency"))
    ignore_finding(factory, segments[position].id, finding, "approved wording", "ann")
    merge_with_next(factory, segments[position - 1].id, "ann")
    merged = next(s for s in checked.refresh().snapshot.segments() if s.id == segments[position - 1].id)
    open_, ignored = checked.findings(merged)
    assert finding.message not in [f.message for f in open_]
    assert "approved wording" in [i.reason for _, i in ignored]
