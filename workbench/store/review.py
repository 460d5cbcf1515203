"""Approval and rejection of segments, and the project as an export sees it."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session, defer, sessionmaker

from workbench.errors import RefusedError, UserError
from workbench.release_model import ExportProject, ExportUnit, finding_note
from workbench.store.accounts import require
from workbench.store.conflicts import refused_if_changed_meanwhile
from workbench.store.models import Document, Event, Revision, ReviewDecision, SegmentRow, now
from workbench.store.repository import project_by_name

DECISIONS = {"approve": "approved", "reject": "rejected"}


def parse_numbers(text: str) -> list[int]:
    """ "3,5-9" -> [3, 5, 6, 7, 8, 9]; segment numbers as `status` and the app show them."""
    numbers: list[int] = []
    for part in text.split(","):
        part = part.strip()
        match = re.fullmatch(r"(\d+)(?:\s*-\s*(\d+))?", part)
        if not match:
            raise UserError(f"segment numbers look like 3,5-9; cannot read {part!r}")
        first, last = int(match[1]), int(match[2] or match[1])
        if last < first:
            raise UserError(f"segment range {part!r} runs backwards")
        numbers.extend(range(first, last + 1))
    return sorted(set(numbers))


def format_numbers(numbers: list[int]) -> str:
    """[3, 5, 6, 7] -> "3, 5-7"."""
    ranges, start = [], None
    for index, number in enumerate(numbers):
        if start is None:
            start = number
        if index + 1 == len(numbers) or numbers[index + 1] != number + 1:
            ranges.append(str(start) if start == number else f"{start}-{number}")
            start = None
    return ", ".join(ranges)


def numbered_segments(session: Session, project_id: int) -> list[tuple[int, Document, SegmentRow]]:
    """Every segment of the project with its number: documents in the order they were imported.

    Documents are loaded once and without their full texts (which can be megabytes each)."""
    documents = {d.id: d for d in session.scalars(
        select(Document).where(Document.project_id == project_id)
        .options(defer(Document.source_text), defer(Document.draft_text)))}
    rows = session.scalars(
        select(SegmentRow).where(SegmentRow.document_id.in_(list(documents)), SegmentRow.retired_at.is_(None))
        .order_by(SegmentRow.document_id, SegmentRow.position)
    ).all()
    return [(number, documents[segment.document_id], segment) for number, segment in enumerate(rows, start=1)]


def decide(factory: sessionmaker, project_name: str, action: str, reviewer: str, numbers: list[int] | None,
           comment: str = "") -> int:
    """Approve or reject the given segments (all when ``numbers`` is None); returns how many.
    Once accounts exist the reviewer must hold a role that may approve or reject."""
    if not reviewer.strip():
        raise UserError("say who decides with --as NAME")
    with refused_if_changed_meanwhile(), factory.begin() as session:
        require(session, reviewer, action)
        project = project_by_name(session, project_name)
        segments = numbered_segments(session, project.id)
        chosen = segments if numbers is None else [s for s in segments if s[0] in set(numbers)]
        missing = sorted(set(numbers or []) - {s[0] for s in segments})
        if missing:
            raise UserError(f"project {project_name!r} has segments 1-{len(segments)}; no segment "
                            f"{format_numbers(missing)}")
        _record(session, project.id, action, reviewer, comment, chosen)
        return len(chosen)


def decide_seen(factory: sessionmaker, project_name: str, action: str, reviewer: str, seen: dict[int, int],
                comment: str = "") -> int:
    """Approve or reject exactly the segments a page showed, by id, at the versions it showed
    (``seen``: segment id -> version). Numbers shift when pairs are merged or split, and a text can
    change between showing and clicking: either way the decision is refused, not applied to
    something the reviewer did not see."""
    if not reviewer.strip():
        raise UserError("say who decides")
    with refused_if_changed_meanwhile(), factory.begin() as session:
        require(session, reviewer, action)
        project = project_by_name(session, project_name)
        numbered = {s.id: (n, d, s) for n, d, s in numbered_segments(session, project.id)}
        for segment_id, version in seen.items():
            if segment_id not in numbered:
                raise RefusedError("a segment shown was merged or removed meanwhile: nothing was decided; reload")
            if numbered[segment_id][2].version != version:
                raise RefusedError(f"segment {numbered[segment_id][0]} changed meanwhile (now version "
                                   f"{numbered[segment_id][2].version}): nothing was decided; reload and read it again")
        _record(session, project.id, action, reviewer, comment, [numbered[i] for i in seen])
        return len(seen)


def _record(session: Session, project_id: int, action: str, reviewer: str, comment: str, chosen) -> None:
    status, when = DECISIONS[action], now()
    for number, _, segment in chosen:
        segment.status = status
        segment.updated_at = when
        session.add(ReviewDecision(segment_id=segment.id, decision=status, reviewer=reviewer, comment=comment,
                                   segment_version=segment.version, created_at=when))
        session.add(Event(project_id=project_id, segment_id=segment.id, action=action, actor=reviewer,
                          created_at=when, detail={"segment": number, "comment": comment,
                                                   "version": segment.version}))


def export_project(factory: sessionmaker, project_name: str, findings_by_segment=None) -> ExportProject:
    """The project as export adapters take it, with approvals and revision history per unit."""
    with factory() as session:
        project = project_by_name(session, project_name)
        segments = numbered_segments(session, project.id)
        ids = [s.id for _, _, s in segments]
        revisions: dict[int, list[Revision]] = {}
        for revision in session.scalars(select(Revision).where(Revision.segment_id.in_(ids)).order_by(Revision.id)):
            revisions.setdefault(revision.segment_id, []).append(revision)
        decisions: dict[int, list[ReviewDecision]] = {}
        for decision in session.scalars(select(ReviewDecision).where(ReviewDecision.segment_id.in_(ids))
                                        .order_by(ReviewDecision.id)):
            decisions.setdefault(decision.segment_id, []).append(decision)
        units = []
        for number, document, segment in segments:
            history = revisions.get(segment.id, [])
            decided = decisions.get(segment.id, [])
            latest = decided[-1] if decided else None
            units.append(ExportUnit(
                id=str(number), document=document.name, paragraph=segment.paragraph, source=segment.source_text,
                target=segment.target_text, status=segment.status,
                approver=latest.reviewer if latest else "", approved_at=_iso(latest.created_at) if latest else "",
                created_by=history[0].author if history else "", created_at=_iso(history[0].created_at) if history else "",
                changed_by=history[-1].author if history else "", changed_at=_iso(history[-1].created_at) if history else "",
                findings=tuple((findings_by_segment or {}).get(number, ())),
                comments=tuple(d.comment for d in decided if d.comment), draft=segment.draft_text))
        return ExportProject(project.name, tuple(units), tuple(d.name for d in project.documents))


def authorize_export(factory: sessionmaker, project_name: str, actor: str) -> None:
    """Refuse an export before any file is written: the project must exist and, once accounts exist,
    the actor must hold a role that may export. ``record_export`` checks again in its transaction."""
    with factory() as session:
        project_by_name(session, project_name)
        require(session, actor, "export")


def record_export(factory: sessionmaker, project_name: str, actor: str, detail: dict) -> None:
    with factory.begin() as session:
        project = project_by_name(session, project_name)
        require(session, actor, "export")
        session.add(Event(project_id=project.id, action="export", actor=actor, detail=detail))


def _iso(moment) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else ""


def open_findings(factory: sessionmaker, project_name: str) -> dict[int, tuple[str, ...]]:
    """QA and glossary findings (no grammar engine) of every segment's current text, by segment number;
    findings somebody ignored with a reason are left out."""
    from workbench.model import pairing_confidence
    from workbench.qa import CheckConfig, Checker, SegmentInput
    from workbench.store.ignores import load_ignores, split_ignored
    from workbench.store.repository import project_terms

    with factory() as session:
        project = project_by_name(session, project_name)
        checker = Checker(project_terms(session, project), None, CheckConfig.from_dict(project.check_config or {}))
        segments = numbered_segments(session, project.id)
        ignored = load_ignores(session, [s.id for _, _, s in segments])
        ids = {n: s.id for n, _, s in segments}
        found: dict[int, tuple[str, ...]] = {}
        for document in project.documents:
            mine = [(n, s) for n, d, s in segments if d.id == document.id]
            reports = checker.check([SegmentInput(n, s.paragraph, s.source_text, s.target_text, s.kind,
                                                  pairing_confidence(s.confidence, s.version, s.status))
                                     for n, s in mine], document.length_ratio or 3.0)
            for report in reports:
                findings = split_ignored(report.findings, ignored.get(ids[report.index], {}))[0]
                if findings:
                    found[report.index] = tuple(finding_note(f) for f in findings)
        return found
