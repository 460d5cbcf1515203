"""Search and replace across a project's English: the preview lists every pair it would change (before and
after); applying it saves each changed pair as a revision of its own, by the actor, with the replacement as
the reason, and only at the versions the preview showed (a pair changed meanwhile refuses the whole
replacement: nothing is saved that the translator did not see)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import sessionmaker

from workbench.errors import RefusedError, UserError
from workbench.store.accounts import require
from workbench.store.conflicts import refused_if_changed_meanwhile
from workbench.store.models import Event, Revision, now
from workbench.store.repository import project_by_name
from workbench.store.review import numbered_segments
from workbench.text.pair_numbers import format_numbers
from workbench.text.replacing import Replace, deadline


@dataclass(frozen=True, slots=True)
class Replacement:
    """One pair the replacement changes: its id and version as read, its number, the English before and after."""

    segment_id: int
    version: int
    number: int
    before: str
    after: str
    count: int


def preview_replace(factory: sessionmaker, project_name: str, replace: Replace) -> list[Replacement]:
    """Every pair of the project whose English ``replace`` changes, in order; nothing is saved."""
    compiled, until = replace.compiled(), deadline()
    with factory() as session:
        project = project_by_name(session, project_name)
        found = []
        for number, _, segment in numbered_segments(session, project.id):
            after, count = replace.apply(segment.target_text, compiled, until)
            if count and after != segment.target_text:
                found.append(Replacement(segment.id, segment.version, number, segment.target_text, after, count))
        return found


def apply_replace(factory: sessionmaker, project_name: str, replace: Replace, seen: dict[int, int], actor: str) -> int:
    """Replace in the pairs a preview showed (``seen``: segment id -> version), each a new revision; returns
    how many pairs changed. All or nothing: a pair changed or merged since the preview refuses it."""
    if not actor.strip():
        raise UserError("say who replaces with --as NAME")
    compiled, until = replace.compiled(), deadline()
    reason = f"replace: {replace.find!r} → {replace.replacement!r}" + (" (regex)" if replace.as_regex else "")
    with refused_if_changed_meanwhile(), factory.begin() as session:
        require(session, actor, "edit")
        project = project_by_name(session, project_name)
        numbered = {s.id: (n, s) for n, _, s in numbered_segments(session, project.id)}
        changed = sorted(numbered[i][0] for i, v in seen.items() if i not in numbered or numbered[i][1].version != v)
        if any(i not in numbered for i in seen):
            raise RefusedError("a pair in the preview was merged or split meanwhile: nothing was replaced; preview again")
        if changed:
            raise RefusedError(f"segment(s) {format_numbers(changed)} changed since the preview: nothing was "
                               f"replaced; preview again")
        when, done = now(), 0
        for segment_id in seen:
            number, segment = numbered[segment_id]
            after, count = replace.apply(segment.target_text, compiled, until)
            if not count or after == segment.target_text:
                continue
            segment.target_text, segment.version, segment.updated_at = after, segment.version + 1, when
            if segment.status in ("draft", "approved", "rejected"):
                segment.status = "edited"
            session.add(Revision(segment_id=segment.id, version=segment.version, text=after, author=actor.strip(),
                                 reason=reason[:500], created_at=when))
            session.add(Event(project_id=project.id, segment_id=segment.id, action="edit", actor=actor.strip(),
                              created_at=when, detail={"version": segment.version, "reason": reason[:500],
                                                       "segment": number}))
            done += 1
        return done
