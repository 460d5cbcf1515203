"""Reading the audit trail: a project's events in the order they happened, with segment numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from workbench.errors import UserError
from workbench.store.models import Event
from workbench.store.repository import project_by_name
from workbench.store.review import numbered_segments


@dataclass(frozen=True, slots=True)
class LoggedEvent:
    """One event as a person reads it: ``segment`` is the number the pages and the CLI show (None for
    project-wide events such as an import or an export, and for a segment since merged away)."""

    when: datetime
    actor: str
    action: str
    segment: int | None
    detail: dict


def project_log(factory: sessionmaker, project_name: str, segment: int | None = None) -> list[LoggedEvent]:
    """Every event of the project in the order it was recorded; with ``segment`` only that segment's."""
    with factory() as session:
        project = project_by_name(session, project_name)
        numbers = {row.id: number for number, _, row in numbered_segments(session, project.id)}
        query = select(Event).where(Event.project_id == project.id).order_by(Event.id)
        if segment is not None:
            ids = [segment_id for segment_id, number in numbers.items() if number == segment]
            if not ids:
                raise UserError(f"project {project_name!r} has segments 1-{len(numbers)}; no segment {segment}")
            query = query.where(Event.segment_id == ids[0])
        return [LoggedEvent(e.created_at, e.actor, e.action, numbers.get(e.segment_id), dict(e.detail or {}))
                for e in session.scalars(query)]


def format_event(event: LoggedEvent) -> str:
    """One line: time (UTC), actor, action, segment number, detail as key=value."""
    when = event.when.astimezone(timezone.utc) if event.when.tzinfo else event.when  # SQLite keeps UTC, naive
    segment = f"#{event.segment}" if event.segment is not None else "-"
    detail = " ".join(f"{key}={_short(value)}" for key, value in event.detail.items() if value not in ("", None, []))
    return "\t".join((when.strftime("%Y-%m-%d %H:%M:%SZ"), event.actor, event.action, segment, detail))


def _short(value, limit: int = 200) -> str:
    """A detail value on one line; a long one (the terms a glossary replaced) cut with its size."""
    if isinstance(value, list) and len(str(value)) > limit:
        return f"[{len(value)} items]"
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[:limit] + "…"
