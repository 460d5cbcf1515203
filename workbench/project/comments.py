"""A thread per pair between reviewer and translator: anybody who may open the project writes in it;
each message keeps its author, its time and the version of the English it was written about."""

from __future__ import annotations

from sqlalchemy.orm import sessionmaker

from workbench.errors import UserError
from workbench.store.accounts import require
from workbench.store.models import Comment, Event, SegmentRow

LONGEST = 5000  # characters: a message, not a document


def add_comment(factory: sessionmaker, segment_id: int, text: str, author: str) -> int:
    """Add ``text`` to the pair's thread; returns its id. An empty or over-long message is refused."""
    text = text.strip()
    if not author.strip():
        raise UserError("say who writes with --as NAME")
    if not text:
        raise UserError("the comment is empty: nothing was added")
    if len(text) > LONGEST:
        raise UserError(f"the comment is {len(text)} characters; keep it under {LONGEST}")
    with factory.begin() as session:
        require(session, author, "comment")
        segment = session.get(SegmentRow, segment_id)
        if segment is None or segment.retired_at is not None:
            raise UserError(f"no segment with id {segment_id} (it may have been merged into its neighbour)")
        comment = Comment(segment_id=segment.id, segment_version=segment.version, author=author.strip(), text=text)
        session.add(comment)
        session.flush()
        session.add(Event(project_id=segment.document.project_id, segment_id=segment.id, action="comment",
                          actor=author.strip(), detail={"comment": comment.id, "version": segment.version}))
        return comment.id
