"""Editing a pair: every save of its English is a revision (a stale save is refused, not merged), and a
finding can be ignored with a reason that is remembered and audited, and shown again. Each checks the
actor's role inside its own transaction; the command line and the app call only these."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from workbench.errors import RefusedError, UserError
from workbench.model import Finding
from workbench.store.accounts import require
from workbench.store.ignores import fingerprint
from workbench.store.models import Event, FindingIgnore, Revision, SegmentRow, now


@dataclass(frozen=True, slots=True)
class SavedEdit:
    segment_id: int
    version: int
    text: str


class StaleEdit(RefusedError):
    """Somebody saved this segment since it was opened; the message carries their text."""

    def __init__(self, message: str, current_text: str, current_version: int):
        super().__init__(message)
        self.current_text = current_text
        self.current_version = current_version


def save_edit(factory: sessionmaker, segment_id: int, text: str, author: str, expected_version: int | None = None,
              reason: str = "edit") -> SavedEdit:
    """Save a new target text as the next version. With ``expected_version`` the save only succeeds
    when nobody saved in between (compare-and-set in one UPDATE, safe across processes).
    Once accounts exist the author must hold a role that may edit (a reason "fix: ..." is a fix)."""
    if not author.strip():
        raise UserError("say who edits with --as NAME")
    with factory.begin() as session:
        require(session, author, "fix" if reason.startswith("fix") else "edit")
        segment = session.get(SegmentRow, segment_id)
        if segment is None:
            raise UserError(f"no segment with id {segment_id}")
        if segment.retired_at is not None:
            raise RefusedError("this pair was merged into the pair before it meanwhile: nothing was saved; "
                               "reload and edit the merged pair")
        if segment.target_text == text and expected_version in (None, segment.version):
            return SavedEdit(segment.id, segment.version, text)  # nothing changed: no new revision
        version = segment.version if expected_version is None else expected_version
        changed = session.execute(
            update(SegmentRow).where(SegmentRow.id == segment_id, SegmentRow.version == version)
            .values(target_text=text, version=version + 1, updated_at=now(), kind=_kind_after(segment, text),
                    status="edited" if segment.status in ("draft", "approved", "rejected") else segment.status)
            .execution_options(synchronize_session=False)
        ).rowcount
        if changed != 1:
            session.rollback()
            with factory() as fresh:
                current = fresh.get(SegmentRow, segment_id)
                raise StaleEdit(f"segment changed since version {version}: it is now version {current.version}: "
                                f"{current.target_text!r}", current.target_text, current.version)
        session.add(Revision(segment_id=segment_id, version=version + 1, text=text, author=author, reason=reason))
        project_id = segment.document.project_id
        session.add(Event(project_id=project_id, segment_id=segment_id, action="edit", actor=author,
                          detail={"version": version + 1, "reason": reason}))
        return SavedEdit(segment_id, version + 1, text)


def _kind_after(segment: SegmentRow, text: str) -> str:
    """A pair the aligner found no English for (1-0) has a translation once somebody writes one: it is
    then counted like any pair ("1-1", or "1-2" for two sentences), so its "no English translation"
    finding goes; emptied again, it is reported as an empty translation (empty_target)."""
    if segment.kind == "1-0" and text.strip():
        from workbench.project.realign import kind_of  # the segmenter: imported when a 1-0 pair is filled

        return kind_of(segment.source_text, text)
    return segment.kind


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


def unignore_finding(factory: sessionmaker, segment_id: int, finding: Finding, actor: str) -> bool:
    """Show an ignored finding again; False when it was not ignored (or somebody took it back first).
    The ignore is not forgotten: the "unignore" event keeps who had ignored it and why, with who took it back."""
    with factory.begin() as session:
        require(session, actor, "ignore")
        segment = session.get(SegmentRow, segment_id)
        if segment is None or segment.retired_at is not None:
            raise UserError(f"no segment with id {segment_id} (it may have been merged into its neighbour)")
        ignored = session.scalar(select(FindingIgnore).where(
            FindingIgnore.segment_id == segment_id, FindingIgnore.check_id == finding.check,
            FindingIgnore.fingerprint == fingerprint(finding)))
        if ignored is None:
            return False
        session.add(Event(project_id=segment.document.project_id, segment_id=segment_id, action="unignore",
                          actor=actor.strip(), detail={"check": finding.check, "text": finding.text,
                                                       "message": finding.message, "ignored_by": ignored.actor,
                                                       "reason": ignored.reason}))
        session.delete(ignored)
        return True


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
