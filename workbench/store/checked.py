"""A project snapshot together with the check results of its documents, kept up to date cheaply.

After an edit only the edited document is checked again, and the checker's cache makes that cost
one pair's checks plus the cross-pair judgement (see checks.base.DocumentCheck). The glossary and
check settings are read again only when an event says they changed.
"""

from __future__ import annotations

import threading

from sqlalchemy.orm import sessionmaker

from workbench.model import Finding
from workbench.qa import CheckConfig, Checker, FindingCache, SegmentInput
from workbench.store.ignores import Ignored, fingerprint, split_ignored
from workbench.store.repository import project_by_name, project_terms
from workbench.store.snapshot import ProjectSnapshot, SegmentView


class CheckedProject:
    """What every page of the app reads: segments, their open and ignored findings, the checker."""

    def __init__(self, factory: sessionmaker, project_name: str):
        self._factory = factory
        self.snapshot = ProjectSnapshot(factory, project_name)
        self._lock = threading.Lock()
        self._cache = FindingCache()
        self.checker: Checker | None = None
        self._settings = -1
        self._reports: dict[str, tuple[int, dict[int, tuple]]] = {}  # by document: (generation, by segment id)

    def refresh(self) -> CheckedProject:
        with self._lock:
            snapshot = self.snapshot.refresh()
            if snapshot.settings_generation != self._settings:
                with self._factory() as session:
                    project = project_by_name(session, snapshot.project_name)
                    self.checker = Checker(project_terms(session, project), None,
                                           CheckConfig.from_dict(project.check_config or {}), cache=self._cache)
                self._settings = snapshot.settings_generation
                self._reports = {}
            for document, segments in snapshot.documents.items():
                generation = snapshot.document_generation.get(document, 0)
                if self._reports.get(document, (None,))[0] != generation:
                    reports = self.checker.check(
                        [SegmentInput(s.id, s.paragraph, s.source_text, s.target_text, s.kind) for s in segments],
                        snapshot.length_ratios.get(document, 3.0), remember_document=False)
                    ignored = snapshot.ignored
                    self._reports[document] = (generation, {
                        r.index: self._split(r.findings, ignored.get(r.index, {})) for r in reports})
            return self

    @staticmethod
    def _split(findings, ignored):
        open_, ignored_findings = split_ignored(findings, ignored)
        return open_, tuple((f, ignored[(f.check, fingerprint(f))]) for f in ignored_findings)

    @property
    def documents(self) -> dict[str, list[SegmentView]]:
        return self.snapshot.documents

    def findings(self, segment: SegmentView) -> tuple[tuple[Finding, ...], tuple[tuple[Finding, Ignored], ...]]:
        """The segment's open findings, and its ignored ones with who ignored them and why."""
        return self._reports[segment.document][1].get(segment.id, ((), ()))

    def open_findings(self, segment: SegmentView) -> tuple[Finding, ...]:
        return self.findings(segment)[0]
