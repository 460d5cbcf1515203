"""Correcting the alignment by hand: merge a pair with the next one, or split a pair in two.

Nothing is deleted: a merged-away pair is retired (kept with its revisions, no longer numbered),
the surviving or split pair gets a new revision, and the event records the texts as they were.
Segment numbers after the change shift by one, as they do in the source document's own order.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from workbench.errors import UserError
from workbench.segment import break_positions, default_rules
from workbench.store.accounts import require
from workbench.store.conflicts import refused_if_changed_meanwhile
from workbench.project.editing import StaleEdit
from workbench.store.models import Event, FindingIgnore, Revision, SegmentRow, now


@dataclass(frozen=True, slots=True)
class SplitPoint:
    """Where a pair may be split: after this many Chinese and this many English sentences."""

    source_at: int  # code-point offset into the source text
    target_at: int  # code-point offset into the target text


def sentence_breaks(text: str, language: str) -> list[int]:
    """Offsets where a sentence of ``text`` ends, 0 and len(text) included: the choices for a split."""
    return [0, *break_positions(text, default_rules(language)), len(text)]


def kind_of(source: str, target: str) -> str:
    """The bead kind of a pair, e.g. "2-1": its number of Chinese and English sentences."""
    count = lambda text, language: len(sentence_breaks(text.strip(), language)) - 1 if text.strip() else 0  # noqa: E731
    return f"{count(source, 'zh')}-{count(target, 'en')}"


def merge_with_next(factory: sessionmaker, segment_id: int, actor: str, expected_version: int | None = None) -> int:
    """Merge the pair with the next pair of its document; returns the surviving segment's new version."""
    with refused_if_changed_meanwhile(), factory.begin() as session:
        require(session, actor, "merge-split")
        first = _segment(session, segment_id, expected_version)
        second = session.scalar(
            select(SegmentRow).where(SegmentRow.document_id == first.document_id,
                                     SegmentRow.position > first.position, SegmentRow.retired_at.is_(None))
            .order_by(SegmentRow.position).limit(1))
        if second is None:
            raise UserError("this is the last pair of its document: there is nothing to merge it with")
        before = _texts(first, second)
        first.source_text = first.source_text + second.source_text
        first.draft_text = _join_english(first.draft_text, second.draft_text)
        first.kind = kind_of(first.source_text, _join_english(first.target_text, second.target_text))
        version = _revise(session, first, _join_english(first.target_text, second.target_text), actor,
                          f"merged with the next pair (segment id {second.id})")
        second.retired_at = now()
        second.version += 1  # a save still aimed at it (expecting the old version) is refused
        _carry_ignores(session, second.id, first.id)
        session.add(Event(project_id=first.document.project_id, segment_id=first.id, action="merge",
                          actor=actor.strip(), detail={"merged": second.id, "before": before,
                                                       "version": version}))
        return version


def split_segment(factory: sessionmaker, segment_id: int, point: SplitPoint, actor: str,
                  expected_version: int | None = None) -> int:
    """Split the pair in two at ``point``; returns the id of the new second pair."""
    with refused_if_changed_meanwhile(), factory.begin() as session:
        require(session, actor, "merge-split")
        first = _segment(session, segment_id, expected_version)
        source, target = first.source_text, first.target_text
        if not (0 <= point.source_at <= len(source) and 0 <= point.target_at <= len(target)):
            raise UserError("the split point lies outside the pair's text")
        head = (source[:point.source_at], target[:point.target_at])
        tail = (source[point.source_at:], target[point.target_at:])
        if not any(t.strip() for t in head) or not any(t.strip() for t in tail):
            raise UserError("a split must leave some text in both pairs")
        before = _texts(first)
        draft = first.draft_text
        draft_head, draft_tail = (head[1], tail[1]) if draft == target else (draft, "")
        # make room: later pairs move one position down (in two steps, so the unique index holds)
        later = (SegmentRow.document_id == first.document_id) & (SegmentRow.position > first.position)
        session.execute(update(SegmentRow).where(later).values(position=-SegmentRow.position - 1)
                        .execution_options(synchronize_session=False))
        session.execute(update(SegmentRow).where((SegmentRow.document_id == first.document_id)
                                                 & (SegmentRow.position < 0))
                        .values(position=-SegmentRow.position).execution_options(synchronize_session=False))
        first.source_text, first.draft_text = head[0].rstrip(), draft_head.rstrip()
        first.kind = kind_of(*head)
        version = _revise(session, first, head[1].rstrip(), actor, "split: first part")
        second = SegmentRow(document_id=first.document_id, position=first.position + 1, paragraph=first.paragraph,
                            source_text=tail[0].lstrip(), draft_text=draft_tail.lstrip(),
                            target_text=tail[1].lstrip(), kind=kind_of(*tail), confidence=first.confidence,
                            status="edited", version=1, updated_at=now())
        session.add(second)
        session.flush()
        session.add(Revision(segment_id=second.id, version=1, text=second.target_text, author=actor.strip(),
                             reason=f"split: second part of segment id {first.id}"))
        session.add(Event(project_id=first.document.project_id, segment_id=first.id, action="split",
                          actor=actor.strip(), detail={"new": second.id, "before": before, "version": version}))
        return second.id


def _carry_ignores(session: Session, from_id: int, to_id: int) -> None:
    """Findings ignored on a merged-away pair stay ignored on the merged pair (same check, same text)."""
    kept = set(session.execute(select(FindingIgnore.check_id, FindingIgnore.fingerprint)
                               .where(FindingIgnore.segment_id == to_id)).all())
    for row in session.scalars(select(FindingIgnore).where(FindingIgnore.segment_id == from_id)):
        if (row.check_id, row.fingerprint) not in kept:
            row.segment_id = to_id


def _segment(session: Session, segment_id: int, expected_version: int | None) -> SegmentRow:
    segment = session.get(SegmentRow, segment_id)
    if segment is None or segment.retired_at is not None:
        raise UserError(f"no segment with id {segment_id}")
    if expected_version is not None and segment.version != expected_version:
        raise StaleEdit(f"segment changed since version {expected_version}: it is now version {segment.version}: "
                        f"{segment.target_text!r}", segment.target_text, segment.version)
    return segment


def _revise(session: Session, segment: SegmentRow, text: str, actor: str, reason: str) -> int:
    segment.version += 1
    segment.target_text = text
    segment.status = "edited"
    segment.updated_at = now()
    session.add(Revision(segment_id=segment.id, version=segment.version, text=text, author=actor.strip(),
                         reason=reason))
    return segment.version


def _texts(*segments: SegmentRow) -> list[dict]:
    return [{"id": s.id, "source": s.source_text, "target": s.target_text, "kind": s.kind, "version": s.version}
            for s in segments]


def _join_english(first: str, second: str) -> str:
    first, second = first.rstrip(), second.lstrip()
    return f"{first} {second}" if first and second else first or second
