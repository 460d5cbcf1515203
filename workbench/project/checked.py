"""A project snapshot together with the check results of its documents, kept up to date cheaply.

After an edit only the edited document is checked again, and only the edited pairs' share of the
work is redone (workbench/qa/driver.py:DocumentRun). The glossary and check settings are read again, and every
document re-checked, only when an event says they changed (or after an import, merge, split or
restore, which reload the whole snapshot).

Several Streamlit sessions share one object: ``refresh`` runs under a lock and publishes its results
by replacing whole dictionaries, so a page reading meanwhile sees the old results or the new ones,
never half of either.
"""

from __future__ import annotations

import threading

from sqlalchemy.orm import sessionmaker

from workbench.model import Finding
from workbench.qa.config import CheckConfig
from workbench.qa.driver import Checker, DocumentRun
from workbench.qa.results import FindingCache
from workbench.store.ignores import Ignored, fingerprint, split_ignored
from workbench.store.repository import project_by_name, project_terms
from workbench.project.snapshot import PairView, ProjectSnapshot

NO_FINDINGS: tuple[tuple[Finding, ...], tuple] = ((), ())


class CheckedProject:
    """What every page of the app reads: segments, their open and ignored findings, the checker."""

    def __init__(self, factory: sessionmaker, project_name: str):
        self._factory = factory
        self.snapshot = ProjectSnapshot(factory, project_name)
        self._lock = threading.Lock()
        self._cache = FindingCache()
        self.checker: Checker | None = None
        self._settings = -1
        # by document: (generation, {segment id: (open findings, ignored findings with why)})
        self._reports: dict[str, tuple[int, dict[int, tuple]]] = {}
        # by document, private to refresh: the last check, the views and inputs it was made from
        self._runs: dict[str, tuple[DocumentRun, list[PairView]]] = {}

    def refresh(self) -> CheckedProject:
        with self._lock:
            snapshot = self.snapshot.refresh()
            reports = self._reports
            if snapshot.settings_generation != self._settings:
                with self._factory() as session:
                    project = project_by_name(session, snapshot.project_name)
                    self.checker = Checker(project_terms(session, project), None,
                                           CheckConfig.from_dict(project.check_config or {}), cache=self._cache)
                self._settings = snapshot.settings_generation
                reports, self._runs = {}, {}
            fresh = {}
            for document, segments in snapshot.documents.items():
                generation = snapshot.document_generation.get(document, 0)
                known = reports.get(document)
                if known is not None and known[0] == generation:
                    fresh[document] = known
                else:
                    fresh[document] = (generation, self._check_document(document, segments, snapshot, known))
            self._reports = fresh
            return self

    def _check_document(self, document: str, segments: list[PairView], snapshot: ProjectSnapshot,
                        known: tuple[int, dict[int, tuple]] | None) -> dict[int, tuple]:
        """Re-check one document, touching only the segments whose view changed (a snapshot replaces
        the view of every segment an event named, and keeps the others as they were)."""
        run, before = self._runs.get(document, (None, None))
        same_shape = before is not None and len(before) == len(segments)
        inputs = [view.pair for view in segments]
        changed = {view.id for i, view in enumerate(segments) if not same_shape or view is not before[i]}
        ratio = snapshot.length_ratios.get(document, 3.0)
        previous_reports = list(run.reports) if run is not None and same_shape else None
        run = run.recheck(inputs, ratio) if run is not None else DocumentRun(self.checker, inputs, ratio)
        incremental = previous_reports is not None and known is not None
        by_id = dict(known[1]) if incremental else {}
        for i, report in enumerate(run.reports):
            if not incremental or report is not previous_reports[i] or report.pair.index in changed:
                by_id[report.pair.index] = _split(report.findings, snapshot.ignored.get(report.pair.index, {}))
        self._runs[document] = (run, list(segments))
        return by_id

    @property
    def documents(self) -> dict[str, list[PairView]]:
        return self.snapshot.documents

    def findings(self, segment: PairView) -> tuple[tuple[Finding, ...], tuple[tuple[Finding, Ignored], ...]]:
        """The segment's open findings, and its ignored ones with who ignored them and why."""
        return self._reports.get(segment.document, (None, {}))[1].get(segment.id, NO_FINDINGS)

    def open_findings(self, segment: PairView) -> tuple[Finding, ...]:
        return self.findings(segment)[0]

    def signatures(self) -> dict[str, str]:
        """Per document, the signature of the findings shown: checks, settings, engine, glossary, aligner."""
        if self.checker is None:
            return {}
        return {name: self.checker.signature(self.snapshot.aligners.get(name, "unknown")).text()
                for name in self.documents}


def _split(findings, ignored):
    open_, ignored_findings = split_ignored(findings, ignored)
    return open_, tuple((f, ignored[(f.check, fingerprint(f))]) for f in ignored_findings)
