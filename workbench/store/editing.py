"""Reading what editing left: a pair's id from its number, and its revisions (the edits themselves are
workbench/project/editing.py)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from workbench.errors import UserError
from workbench.store.models import Revision
from workbench.store.repository import project_by_name
from workbench.store.review import numbered_segments


def segment_id_for(factory: sessionmaker, project_name: str, number: int) -> int:
    with factory() as session:
        project = project_by_name(session, project_name)
        for position, _, segment in numbered_segments(session, project.id):
            if position == number:
                return segment.id
        raise UserError(f"project {project_name!r} has no segment {number}")


def history(factory: sessionmaker, segment_id: int) -> list[Revision]:
    with factory() as session:
        return list(session.scalars(select(Revision).where(Revision.segment_id == segment_id).order_by(Revision.id)))
