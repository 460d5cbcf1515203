"""Ignoring a finding on one segment, with a reason that is remembered (and audited).

A finding is recognised again by its fingerprint: the check, the text it points at and its message.
Editing the segment so that the check reports something else brings the finding back; re-running
the checks on unchanged text does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from workbench.errors import UserError
from workbench.model import Finding
from workbench.store.accounts import require
from workbench.store.models import Event, FindingIgnore, SegmentRow

FINGERPRINT_LENGTH = 500


def fingerprint(finding: Finding) -> str:
    return f"{finding.text}\u241f{finding.message}"[:FINGERPRINT_LENGTH]


def ignore_finding(factory: sessionmaker, segment_id: int, finding: Finding, reason: str, actor: str) -> bool:
    """Remember that ``finding`` is ignored on this segment; False when it already was (also when
    somebody else ignored it at the same moment: the unique index decides)."""
    reason = " ".join(reason.split())
    if not reason:
        raise UserError("say why the finding is ignored (a reason is required)")
    try:
        return _ignore(factory, segment_id, finding, reason, actor)
    except IntegrityError:
        return False


def _ignore(factory: sessionmaker, segment_id: int, finding: Finding, reason: str, actor: str) -> bool:
    with factory.begin() as session:
        require(session, actor, "ignore")
        segment = session.get(SegmentRow, segment_id)
        if segment is None or segment.retired_at is not None:
            raise UserError(f"no segment with id {segment_id} (it may have been merged into its neighbour)")
        mark = fingerprint(finding)
        if session.scalar(select(FindingIgnore.id).where(
                FindingIgnore.segment_id == segment_id, FindingIgnore.check_id == finding.check,
                FindingIgnore.fingerprint == mark)) is not None:
            return False
        session.add(FindingIgnore(segment_id=segment_id, check_id=finding.check, fingerprint=mark, reason=reason,
                                  actor=actor.strip()))
        session.add(Event(project_id=segment.document.project_id, segment_id=segment_id, action="ignore",
                          actor=actor.strip(), detail={"check": finding.check, "text": finding.text,
                                                       "message": finding.message, "reason": reason}))
        return True


@dataclass(frozen=True, slots=True)
class Ignored:
    """A finding somebody chose to ignore on a segment, and why."""

    segment_id: int
    check_id: str
    fingerprint: str
    reason: str
    actor: str


def load_ignores(session: Session, segment_ids: list[int]) -> dict[int, dict[tuple[str, str], Ignored]]:
    """Every ignored finding of these segments: by segment id, then by (check, fingerprint)."""
    found: dict[int, dict[tuple[str, str], Ignored]] = {}
    for chunk in range(0, len(segment_ids), 5000):
        for row in session.scalars(select(FindingIgnore).where(
                FindingIgnore.segment_id.in_(segment_ids[chunk:chunk + 5000]))):
            found.setdefault(row.segment_id, {})[(row.check_id, row.fingerprint)] = Ignored(
                row.segment_id, row.check_id, row.fingerprint, row.reason, row.actor)
    return found


def split_ignored(findings, marks) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """(open, ignored) findings of one segment, given its ignored findings keyed by (check, fingerprint)."""
    if not marks:
        return tuple(findings), ()
    open_, ignored = [], []
    for finding in findings:
        (ignored if (finding.check, fingerprint(finding)) in marks else open_).append(finding)
    return tuple(open_), tuple(ignored)
