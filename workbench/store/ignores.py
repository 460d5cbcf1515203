"""Findings ignored on a segment, with the reason that is remembered (and audited); the ignoring itself
is workbench/project/editing.py:ignore_finding.

A finding is recognised again by its fingerprint: the check, the text it points at and its message.
Editing the segment so that the check reports something else brings the finding back; re-running
the checks on unchanged text does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.model import Finding
from workbench.store.models import FindingIgnore

FINGERPRINT_LENGTH = 500


def fingerprint(finding: Finding) -> str:
    return f"{finding.text}\u241f{finding.message}"[:FINGERPRINT_LENGTH]


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
