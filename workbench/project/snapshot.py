"""A project as the app shows it, kept between page reruns and brought up to date from the audit trail.

Every change to a project appends an Event in the same transaction (see models.Event). So the app
need not reload thousands of segments on every rerun: it asks for the events newer than the last one
it saw. Events that name segments (edit, fix, approve, reject, ignore) reload just those rows;
events that change the shape of the project (import, merge, split) or what the checks depend on
(glossary, check settings) reload everything. One indexed query when nothing changed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from workbench.model import Pair, pairing_confidence
from workbench.store.ignores import Ignored, load_ignores
from workbench.store.models import Document, Event, Project, SegmentRow
from workbench.store.repository import project_by_name
from workbench.store.review import numbered_segments

# events after which a partial reload is not enough
RELOAD_ALL = frozenset({"import", "merge", "split", "glossary", "check-config", "restore"})
WINDOW = 200  # event ids read again on every refresh (see ProjectSnapshot.refresh)


@dataclass(frozen=True, slots=True)
class PairView:
    """One stored pair as a page shows it: a plain value, safe to share between sessions. ``pair`` is
    what the checker is given (its index is the stored id, its confidence the pairing's as the checks
    may trust it: workbench.model.pairing_confidence)."""

    id: int
    number: int  # as `status`, the CLI and every page number it
    document: str
    position: int
    draft_text: str
    status: str
    version: int
    aligner_confidence: float  # the aligner's own figure, as the Pairs page shows it
    pair: Pair

    @property
    def source_text(self) -> str:
        return self.pair.source

    @property
    def target_text(self) -> str:
        return self.pair.target

    @property
    def paragraph(self) -> int:
        return self.pair.paragraph

    @property
    def kind(self) -> str:
        return self.pair.kind


class ProjectSnapshot:
    """Segments (by document, in order) and ignored findings of one project, refreshed incrementally."""

    def __init__(self, factory: sessionmaker, project_name: str):
        self._factory = factory
        self.project_name = project_name
        self._lock = threading.Lock()
        self.project_id: int | None = None
        self.last_event = -1
        self._seen: set[tuple] = set()  # (id, time) of the events with the last WINDOW ids
        self.generation = 0  # grows whenever anything changed; pages key their derived caches on it
        self.documents: dict[str, list[PairView]] = {}
        self.length_ratios: dict[str, float] = {}
        self.aligners: dict[str, str] = {}  # how each document's pairs were made
        self.ignored: dict[int, dict[tuple[str, str], Ignored]] = {}
        self.settings_generation = 0  # grows when the glossary or check settings changed
        self.document_generation: dict[str, int] = {}  # grows when one of the document's segments changed

    def refresh(self) -> ProjectSnapshot:
        """Bring the snapshot up to date; one small query when nothing changed.

        Events are recognised by (id, time) and the last WINDOW ids are read again each time: on
        PostgreSQL an event can commit after one with a higher id, and a restore can reuse ids; an
        event seen before that is gone means the store was restored, and everything is reloaded."""
        with self._lock, self._factory() as session:
            project = project_by_name(session, self.project_name)
            if project.id != self.project_id:
                newest = session.scalar(select(func.max(Event.id)).where(Event.project_id == project.id)) or 0
                rows = self._recent(session, project.id, newest - WINDOW)
                self._load_all(session, project)
            else:
                lower = self.last_event - WINDOW
                rows = self._recent(session, project.id, lower)
                now_there = {(r.id, r.created_at) for r in rows}
                new = [r for r in rows if (r.id, r.created_at) not in self._seen]
                vanished = any(seen[0] > lower and seen not in now_there for seen in self._seen)
                if not new and not vanished:
                    return self
                if vanished or any(r.action in RELOAD_ALL for r in new):
                    self._load_all(session, project)
                else:
                    self._reload(session, {r.segment_id for r in new if r.segment_id is not None})
            self.project_id = project.id
            self.last_event = max((r.id for r in rows), default=0)
            self._seen = {(r.id, r.created_at) for r in rows if r.id > self.last_event - WINDOW}
            self.generation += 1
            return self

    @staticmethod
    def _recent(session, project_id: int, lower: int):
        return session.execute(select(Event.id, Event.created_at, Event.action, Event.segment_id)
                               .where(Event.project_id == project_id, Event.id > lower)).all()

    def segments(self) -> list[PairView]:
        return [s for segments in self.documents.values() for s in segments]

    def ignored_for(self, segment_id: int) -> dict[tuple[str, str], Ignored]:
        return self.ignored.get(segment_id, {})

    def _load_all(self, session, project: Project) -> None:
        """Everything again, published at the end: a page reading meanwhile sees the old snapshot."""
        documents = session.execute(  # names and length ratios, in import order
            select(Document.name, Document.length_ratio, Document.aligner)
            .where(Document.project_id == project.id).order_by(Document.id)).all()
        loaded: dict[str, list[PairView]] = {d.name: [] for d in documents}
        numbered = numbered_segments(session, project.id)  # numbered as the CLI and every export number them
        for number, document, row in numbered:
            loaded[document.name].append(_view(row, number, document.name))
        ignored = load_ignores(session, [row.id for _, _, row in numbered])
        self.document_generation = {name: self.generation + 1 for name in loaded}
        self.length_ratios = {d.name: d.length_ratio or 3.0 for d in documents}
        self.aligners = {d.name: d.aligner or "unknown" for d in documents}
        self.documents, self.ignored = loaded, ignored
        self.settings_generation += 1

    def _reload(self, session, segment_ids: set[int]) -> None:
        rows = {r.id: r for r in session.scalars(select(SegmentRow).where(SegmentRow.id.in_(segment_ids)))}
        for name, segments in self.documents.items():
            for position, old in enumerate(segments):
                row = rows.get(old.id)
                if row is not None:
                    segments[position] = _view(row, old.number, name)
                    self.document_generation[name] = self.generation + 1
        ignored = {k: v for k, v in self.ignored.items() if k not in segment_ids}
        ignored.update(load_ignores(session, list(segment_ids)))
        self.ignored = ignored  # published whole, like everything a page reads


def _view(row: SegmentRow, number: int, document: str) -> PairView:
    pair = Pair(row.source_text, row.target_text, row.kind, row.paragraph,
                pairing_confidence(row.confidence, row.version, row.status), index=row.id)
    return PairView(row.id, number, document, row.position, row.draft_text, row.status, row.version, row.confidence,
                    pair)
