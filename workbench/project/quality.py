"""MQM review: a reviewer marks errors on spans of the English (category, severity, note), withdraws one
(kept, with who and when), and the project's quality score is read from the marks by its own model.
Each use case checks the actor's role inside its own transaction; the command line and the app call these."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from workbench.errors import RefusedError, UserError
from workbench.release.quality import (ErrorMark, QualityModel, QualityScore, category_of, severity_of, span_in,
                                       word_count)
from workbench.store.accounts import require
from workbench.store.models import ErrorMark as ErrorMarkRow
from workbench.store.models import Document, Event, ReviewDecision, SegmentRow, now
from workbench.store.repository import project_by_name
from workbench.store.review import numbered_segments


def mark_error(factory: sessionmaker, segment_id: int, seen_version: int, category: str, severity: str,
               reviewer: str, span: str = "", occurrence: int = 1, note: str = "") -> int:
    """Record an error on the ``occurrence``-th ``span`` of the pair's English ("" for the whole pair, as
    an omission), as read at ``seen_version``; returns the mark's id. Refused when the English changed
    since it was read (the span would point at other words) or the reviewer may not mark errors."""
    if not reviewer.strip():
        raise UserError("say who marks the error with --as NAME")
    category, severity = category_of(category), severity_of(severity)
    with factory.begin() as session:
        require(session, reviewer, "mark-error")
        segment = _live_segment(session, segment_id)
        if segment.version != seen_version:
            raise RefusedError(f"the pair changed meanwhile (now version {segment.version}): nothing was marked; "
                               f"reload and read it again")
        start, end = span_in(segment.target_text, span, occurrence)
        mark = ErrorMarkRow(segment_id=segment.id, segment_version=segment.version, start=start, end=end, span=span,
                            english=segment.target_text, category=category, severity=severity,
                            note=" ".join(note.split()), reviewer=reviewer.strip())
        session.add(mark)
        session.flush()
        session.add(Event(project_id=segment.document.project_id, segment_id=segment.id, action="mark-error",
                          actor=reviewer.strip(), detail={"mark": mark.id, "category": category, "severity": severity,
                                                         "span": span, "version": segment.version}))
        return mark.id


def withdraw_mark(factory: sessionmaker, project_name: str, mark_id: int, actor: str) -> None:
    """Take a mark back: it stays in the store, withdrawn, with who and when; the score leaves it out."""
    with factory.begin() as session:
        require(session, actor, "mark-error")
        project = project_by_name(session, project_name)
        mark = session.get(ErrorMarkRow, mark_id)
        if mark is None or _project_of(session, mark.segment_id) != project.id:
            raise UserError(f"project {project_name!r} has no error mark {mark_id}")
        if mark.withdrawn_at is not None:
            raise UserError(f"error mark {mark_id} was already withdrawn by {mark.withdrawn_by}")
        mark.withdrawn_at, mark.withdrawn_by = now(), actor.strip()
        session.add(Event(project_id=project.id, segment_id=mark.segment_id, action="withdraw-mark",
                          actor=actor.strip(), detail={"mark": mark.id, "category": mark.category,
                                                      "severity": mark.severity, "span": mark.span}))


def error_marks(factory: sessionmaker, project_name: str) -> list[ErrorMark]:
    """The project's live marks in pair order, numbered as the pages and the command line number pairs."""
    with factory() as session:
        project = project_by_name(session, project_name)
        return _marks(session, numbered_segments(session, project.id))


def quality_score(factory: sessionmaker, project_name: str) -> QualityScore:
    """The score of the pairs reviewed so far (decided or marked) by the project's quality model."""
    with factory() as session:
        project = project_by_name(session, project_name)
        numbered = numbered_segments(session, project.id)
        marks = _marks(session, numbered)
        decided = set(session.scalars(select(ReviewDecision.segment_id).where(
            ReviewDecision.segment_id.in_([s.id for _, _, s in numbered]))))
        marked = {m.segment for m in marks}
        reviewed = [s for n, _, s in numbered if s.id in decided or n in marked]
        return QualityScore(QualityModel.from_dict(project.quality_model), tuple(marks),
                            sum(word_count(s.target_text) for s in reviewed), len(reviewed))


def set_quality_model(factory: sessionmaker, project_name: str, actor: str, severities: dict[str, float] | None = None,
                      weights: dict[str, float] | None = None, threshold: float | None = None) -> QualityModel:
    """Change how the project's score weighs errors (an admin once accounts exist); recorded as an event
    with the model before and after."""
    with factory.begin() as session:
        require(session, actor, "quality-model")
        project = project_by_name(session, project_name)
        before = QualityModel.from_dict(project.quality_model)
        after = before.changed(severities or {}, weights or {}, threshold)
        project.quality_model = after.to_dict()
        session.add(Event(project_id=project.id, action="quality-model", actor=actor.strip() or "cli",
                          detail={"before": before.to_dict(), "after": after.to_dict()}))
        return after


def _marks(session: Session, numbered) -> list[ErrorMark]:
    by_id = {s.id: (n, d, s) for n, d, s in numbered}
    rows = session.scalars(select(ErrorMarkRow).where(ErrorMarkRow.segment_id.in_(list(by_id)),
                                                      ErrorMarkRow.withdrawn_at.is_(None)))
    marks = []
    for row in rows:
        number, document, segment = by_id[row.segment_id]
        marks.append(ErrorMark(row.id, number, document.name, row.category, row.severity, row.start, row.end,
                               row.span, row.note, row.reviewer, row.created_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                               row.segment_version, row.english, fixed=segment.target_text != row.english))
    return sorted(marks, key=lambda m: (m.segment, m.id))


def _live_segment(session: Session, segment_id: int) -> SegmentRow:
    segment = session.get(SegmentRow, segment_id)
    if segment is None or segment.retired_at is not None:
        raise UserError(f"no segment with id {segment_id} (it may have been merged into its neighbour)")
    return segment


def _project_of(session: Session, segment_id: int) -> int:
    return session.scalar(select(Document.project_id).join(SegmentRow).where(SegmentRow.id == segment_id))
