"""Export, once for every front end: authorise the exporter, read the project, pass the approval gate,
write the file and its manifest, and record who exported what.

The findings a manifest lists are the caller's: the command line checks every pair afresh
(``open_findings``), the Release page passes the findings it shows (the app's checked project, with
the same ignores), so what the page showed is what the manifest says.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy.orm import sessionmaker

from workbench.project.quality import quality_score
from workbench.project.release import export_project, open_findings
from workbench.release.export import INCLUDE_ON_THE_COMMAND_LINE, Release, build_release, with_findings, write_release
from workbench.release.model import ReleaseFindings
from workbench.store.review import authorize_export, record_export


def export_release(factory: sessionmaker, project: str, fmt: str, output: Path | None, actor: str, *,
                   include_unapproved: bool = False, findings: ReleaseFindings | None = None,
                   via: str | None = None, name: str = "", how_to_include: str = INCLUDE_ON_THE_COMMAND_LINE) -> Release:
    """The release of ``project`` as ``fmt``: its bytes and manifest, written to ``output`` (with the
    manifest beside it) when given. Refused before anything is written when the actor may not export or
    a pair is not approved (unless ``include_unapproved``). ``via`` names a front end that offers the
    bytes as a download (``output`` None, ``name`` the download's file name): no path is recorded."""
    authorize_export(factory, project, actor)
    if findings is None:
        findings = open_findings(factory, project)
    scored = replace(export_project(factory, project), quality=quality_score(factory, project).to_dict())
    release = build_release(with_findings(scored, findings), fmt,
                            str(output) if output is not None else name, include_unapproved, how_to_include)
    if output is not None:
        write_release(release, output)
    sha256 = release.manifest["output"]["sha256"]
    detail = ({"format": fmt, "sha256": sha256, "via": via} if via
              else {"format": fmt, "file": str(output), "sha256": sha256})
    record_export(factory, project, actor, detail)
    return release


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
