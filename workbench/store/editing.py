"""Reading what editing and review left: a pair's id from its number, its revisions and the reviewers'
decisions with their comments (the edits and decisions themselves are workbench/project/)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from workbench.errors import UserError
from workbench.store.models import Comment, Revision, ReviewDecision, SegmentRow
from workbench.store.repository import project_by_name
from workbench.store.review import numbered_segments


def segment_id_for(factory: sessionmaker, project_name: str, number: int) -> int:
    with factory() as session:
        project = project_by_name(session, project_name)
        for position, _, segment in numbered_segments(session, project.id):
            if position == number:
                return segment.id
        raise UserError(f"project {project_name!r} has no segment {number}")


def current_version(factory: sessionmaker, segment_id: int) -> int:
    with factory() as session:
        return session.get(SegmentRow, segment_id).version


def history(factory: sessionmaker, segment_id: int) -> list[Revision]:
    """One segment's revisions, oldest first."""
    with factory() as session:
        return revisions_of(session, [segment_id]).get(segment_id, [])


def revisions_of(session: Session, segment_ids: list[int]) -> dict[int, list[Revision]]:
    """Every revision of these segments, oldest first, in one query."""
    found: dict[int, list[Revision]] = {}
    for revision in session.scalars(select(Revision).where(Revision.segment_id.in_(segment_ids)).order_by(Revision.id)):
        found.setdefault(revision.segment_id, []).append(revision)
    return found


def decisions_of(session: Session, segment_ids: list[int]) -> dict[int, list[ReviewDecision]]:
    """Every approval and rejection of these segments, oldest first: who, when, the version they read
    and their comment."""
    found: dict[int, list[ReviewDecision]] = {}
    for decision in session.scalars(select(ReviewDecision).where(ReviewDecision.segment_id.in_(segment_ids))
                                    .order_by(ReviewDecision.id)):
        found.setdefault(decision.segment_id, []).append(decision)
    return found


def review_decisions(factory: sessionmaker, segment_ids: list[int]) -> dict[int, list[ReviewDecision]]:
    """``decisions_of`` in a session of its own: what a page shows beside the pairs it draws."""
    with factory() as session:
        return decisions_of(session, segment_ids)


def histories(factory: sessionmaker, segment_ids: list[int]
              ) -> tuple[dict[int, list[Revision]], dict[int, list[ReviewDecision]]]:
    """The revisions and the decisions of the pairs a page draws, two queries for all of them."""
    with factory() as session:
        return revisions_of(session, segment_ids), decisions_of(session, segment_ids)


def threads(factory: sessionmaker, segment_ids: list[int]) -> dict[int, list[Comment]]:
    """The comment threads of these pairs, oldest message first, in one query."""
    found: dict[int, list[Comment]] = {}
    with factory() as session:
        for comment in session.scalars(select(Comment).where(Comment.segment_id.in_(segment_ids)).order_by(Comment.id)):
            found.setdefault(comment.segment_id, []).append(comment)
    return found
