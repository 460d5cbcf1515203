"""Queries the review and the release share: the project's pairs by number, and the export events."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, defer, sessionmaker

from workbench.store.accounts import require
from workbench.store.models import Document, Event, SegmentRow
from workbench.store.repository import project_by_name

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
