"""Export, once for every front end: authorise the exporter, read the project, pass the approval gate,
write the file and its manifest, and record who exported what.

The findings a manifest lists are the caller's: the command line checks every pair afresh
(``open_findings``), the Release page passes the findings it shows (the app's checked project, with
the same ignores), so what the page showed is what the manifest says.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import sessionmaker

from workbench.project.release import export_project, open_findings
from workbench.release.export import export, with_findings
from workbench.release.model import ReleaseFindings
from workbench.store.review import authorize_export, record_export


def export_release(factory: sessionmaker, project: str, fmt: str, output: Path, actor: str, *,
                   include_unapproved: bool = False, findings: ReleaseFindings | None = None,
                   via: str | None = None) -> dict:
    """Write the release of ``project`` as ``fmt`` to ``output`` (with its manifest beside it) and return
    the manifest. Refused before any file is written when the actor may not export or a pair is not
    approved (unless ``include_unapproved``). ``via`` names a front end whose output is a scratch file
    (the app's download), whose path is then not recorded."""
    authorize_export(factory, project, actor)
    if findings is None:
        findings = open_findings(factory, project)
    record = export(with_findings(export_project(factory, project), findings), fmt, output, include_unapproved)
    sha256 = record["output"]["sha256"]
    detail = ({"format": fmt, "sha256": sha256, "via": via} if via
              else {"format": fmt, "file": str(output), "sha256": sha256})
    record_export(factory, project, actor, detail)
    return record


def export_glossary(factory: sessionmaker, project: str, actor: str) -> tuple[bytes, int]:
    """The project's glossary as TBX v3 and its number of terms; refused unless the actor may export.
    The caller writes the bytes (atomically) or offers them for download."""
    from workbench.formats import tbx
    from workbench.model import Glossary
    from workbench.store.repository import project_by_name, project_terms

    authorize_export(factory, project, actor)
    with factory() as session:
        terms = project_terms(session, project_by_name(session, project))
    return tbx.render(Glossary(terms, project), f"{project}.tbx"), len(terms)
