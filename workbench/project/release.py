"""What an export is made from: the project read from the store as the export adapters take it, and the
open findings a release gate and a manifest name (a fresh check of every pair's current text)."""

from __future__ import annotations

from sqlalchemy.orm import sessionmaker

from workbench.release.model import ExportProject, ExportUnit, ReleaseFindings, finding_note
from workbench.store.editing import decisions_of, revisions_of
from workbench.store.repository import project_by_name
from workbench.store.review import numbered_segments


def export_project(factory: sessionmaker, project_name: str) -> ExportProject:
    """The project as export adapters take it, with approvals and revision history per unit."""
    with factory() as session:
        project = project_by_name(session, project_name)
        segments = numbered_segments(session, project.id)
        ids = [s.id for _, _, s in segments]
        revisions, decisions = revisions_of(session, ids), decisions_of(session, ids)
        units = []
        for number, document, segment in segments:
            history = revisions.get(segment.id, [])
            decided = decisions.get(segment.id, [])
            # the decision in force: none once the last one was taken back ("reopened")
            latest = decided[-1] if decided and decided[-1].decision != "reopened" else None
            units.append(ExportUnit(
                id=str(number), document=document.name, paragraph=segment.paragraph, source=segment.source_text,
                target=segment.target_text, status=segment.status,
                approver=latest.reviewer if latest else "", approved_at=_iso(latest.created_at) if latest else "",
                created_by=history[0].author if history else "", created_at=_iso(history[0].created_at) if history else "",
                changed_by=history[-1].author if history else "", changed_at=_iso(history[-1].created_at) if history else "",
                comments=tuple(d.comment for d in decided if d.comment), draft=segment.draft_text))
        return ExportProject(project.name, tuple(units), tuple(d.name for d in project.documents))


def _iso(moment) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else ""



def open_findings(factory: sessionmaker, project_name: str) -> ReleaseFindings:
    """QA and glossary findings (no grammar engine) of every segment's current text, by segment number,
    with the signature of the run per document; findings somebody ignored with a reason are left out."""
    from workbench.model import Pair, pairing_confidence
    from workbench.qa.config import CheckConfig
    from workbench.qa.driver import Checker
    from workbench.store.ignores import load_ignores, split_ignored
    from workbench.store.repository import project_terms

    with factory() as session:
        project = project_by_name(session, project_name)
        checker = Checker(project_terms(session, project), None, CheckConfig.from_dict(project.check_config or {}))
        segments = numbered_segments(session, project.id)
        ignored = load_ignores(session, [s.id for _, _, s in segments])
        ids = {n: s.id for n, _, s in segments}
        found: dict[int, tuple[str, ...]] = {}
        signatures = {}
        for document in project.documents:
            mine = [(n, s) for n, d, s in segments if d.id == document.id]
            reports = checker.check([Pair(s.source_text, s.target_text, s.kind, s.paragraph,
                                          pairing_confidence(s.confidence, s.version, s.status), index=n)
                                     for n, s in mine], document.length_ratio or 3.0)
            signatures[document.name] = checker.signature(document.aligner or "unknown").text()
            for report in reports:
                findings = split_ignored(report.findings, ignored.get(ids[report.pair.index], {}))[0]
                if findings:
                    found[report.pair.index] = tuple(finding_note(f) for f in findings)
        return ReleaseFindings(found, signatures)
