"""Review decisions: approve or reject pairs, by number (the command line) or exactly as a page showed
them (the app), each decision recorded with its reviewer, time, comment and the version it saw."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from workbench.errors import RefusedError, UserError
from workbench.store.accounts import require
from workbench.store.conflicts import refused_if_changed_meanwhile
from workbench.store.models import Event, ReviewDecision, now
from workbench.store.repository import project_by_name
from workbench.store.review import numbered_segments
from workbench.text.pair_numbers import format_numbers

# an action, and the decision it records; "reopen" takes an approval or a rejection back (the pair is
# then "edited" again, or "draft" if nobody ever changed its English), kept in the history like the others
DECISIONS = {"approve": "approved", "reject": "rejected", "reopen": "reopened"}


def decide(factory: sessionmaker, project_name: str, action: str, reviewer: str, numbers: list[int] | None,
           comment: str = "") -> int:
    """Approve or reject the given segments (all when ``numbers`` is None); returns how many.
    Once accounts exist the reviewer must hold a role that may approve or reject."""
    if not reviewer.strip():
        raise UserError("say who decides with --as NAME")
    with refused_if_changed_meanwhile(), factory.begin() as session:
        require(session, reviewer, action)
        project = project_by_name(session, project_name)
        segments = numbered_segments(session, project.id)
        chosen = segments if numbers is None else [s for s in segments if s[0] in set(numbers)]
        missing = sorted(set(numbers or []) - {s[0] for s in segments})
        if missing:
            raise UserError(f"project {project_name!r} has segments 1-{len(segments)}; no segment "
                            f"{format_numbers(missing)}")
        if action == "reopen":
            _refuse_undecided(chosen)
        _record(session, project.id, action, reviewer, comment, chosen)
        return len(chosen)


def decide_seen(factory: sessionmaker, project_name: str, action: str, reviewer: str, seen: dict[int, int],
                comment: str = "") -> int:
    """Approve or reject exactly the segments a page showed, by id, at the versions it showed
    (``seen``: segment id -> version). Numbers shift when pairs are merged or split, and a text can
    change between showing and clicking: either way the decision is refused, not applied to
    something the reviewer did not see."""
    if not reviewer.strip():
        raise UserError("say who decides")
    with refused_if_changed_meanwhile(), factory.begin() as session:
        require(session, reviewer, action)
        project = project_by_name(session, project_name)
        numbered = {s.id: (n, d, s) for n, d, s in numbered_segments(session, project.id)}
        for segment_id, version in seen.items():
            if segment_id not in numbered:
                raise RefusedError("a segment shown was merged or removed meanwhile: nothing was decided; reload")
            if numbered[segment_id][2].version != version:
                raise RefusedError(f"segment {numbered[segment_id][0]} changed meanwhile (now version "
                                   f"{numbered[segment_id][2].version}): nothing was decided; reload and read it again")
        chosen = [numbered[i] for i in seen]
        if action == "reopen":
            _refuse_undecided(chosen)
        _record(session, project.id, action, reviewer, comment, chosen)
        return len(seen)


def _refuse_undecided(chosen) -> None:
    waiting = [number for number, _, segment in chosen if segment.status not in ("approved", "rejected")]
    if waiting:
        raise UserError(f"segment(s) {format_numbers(waiting)} are neither approved nor rejected: "
                        f"there is no decision to take back")


def _record(session: Session, project_id: int, action: str, reviewer: str, comment: str, chosen) -> None:
    decision, when = DECISIONS[action], now()
    for number, _, segment in chosen:
        status = decision if action != "reopen" else ("edited" if segment.version > 1 else "draft")
        segment.status = status
        segment.updated_at = when
        session.add(ReviewDecision(segment_id=segment.id, decision=decision, reviewer=reviewer, comment=comment,
                                   segment_version=segment.version, created_at=when))
        session.add(Event(project_id=project_id, segment_id=segment.id, action=action, actor=reviewer,
                          created_at=when, detail={"segment": number, "comment": comment,
                                                   "version": segment.version}))
