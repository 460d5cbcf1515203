"""The approved release: the approval gate, the export formats and the manifest beside each export."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path, PurePath

from workbench import __version__
from workbench.errors import RefusedError
from workbench.formats.registry import RELEASE_FORMATS, release_format
from workbench.release.model import ExportProject, ReleaseFindings
from workbench.infra.safe_write import write_bytes_atomically

# every release format, with its suffix and media type: workbench/formats/registry.py
EXPORTERS = RELEASE_FORMATS


def unapproved(project: ExportProject) -> list[int]:
    return [int(u.id) for u in project.units if u.status != "approved"]


INCLUDE_ON_THE_COMMAND_LINE = "export with --include-unapproved"


def check_gate(project: ExportProject, include_unapproved: bool, how_to_include: str = INCLUDE_ON_THE_COMMAND_LINE) -> None:
    """Refuse (exit 3) to export a release with segments nobody approved, unless asked to mark them;
    ``how_to_include`` says how, in the words of the front end that asks (a flag, a switch)."""
    from workbench.text.pair_numbers import format_numbers

    waiting = unapproved(project)
    if waiting and not include_unapproved:
        raise RefusedError(f"{len(waiting)} of {len(project.units)} segment(s) of {project.name!r} are not approved: "
                           f"{format_numbers(waiting)}; approve them or {how_to_include}")


def write_export(project: ExportProject, fmt: str, output: Path) -> None:
    """The release as ``fmt`` written to ``output`` atomically: a failed export leaves what was there."""
    write_bytes_atomically(output, release_format(fmt).render_release(project, str(output)))


def editing_effort(project: ExportProject) -> dict:
    """sacrebleu BLEU, chrF and TER of the original draft (hypothesis) against the final text."""
    import sacrebleu

    pairs = [(u.draft, u.target) for u in project.units if u.target or u.draft]
    if not pairs:
        return {}
    drafts, finals = [d for d, _ in pairs], [f for _, f in pairs]
    bleu = sacrebleu.BLEU()
    chrf = sacrebleu.CHRF()
    ter = sacrebleu.TER()
    return {
        "bleu": round(bleu.corpus_score(drafts, [finals]).score, 2),
        "chrf": round(chrf.corpus_score(drafts, [finals]).score, 2),
        "ter": round(ter.corpus_score(drafts, [finals]).score, 2),
        "signatures": {"bleu": str(bleu.get_signature()), "chrf": str(chrf.get_signature()),
                       "ter": str(ter.get_signature())},
        "segments": len(pairs),
    }


def manifest(project: ExportProject, fmt: str, file_name: str, data: bytes, include_unapproved: bool) -> dict:
    return {
        "project": project.name,
        "documents": list(project.documents),
        "format": fmt,
        "output": {"file": file_name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()},
        "segments": len(project.units),
        "segments_by_status": dict(sorted(Counter(u.status for u in project.units).items())),
        "include_unapproved": include_unapproved,
        "approvals": [{"segment": int(u.id), "status": u.status, "by": u.approver, "at": u.approved_at}
                      for u in project.units if u.approver],
        "editing_effort": editing_effort(project),
        "check_signatures": dict(project.check_signatures),
        "quality": dict(project.quality),
        "workbench_version": __version__,
        "created_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


@dataclass(frozen=True, slots=True)
class Release:
    """An export in memory: the file's bytes and its manifest, offered as downloads or written side by side."""

    data: bytes
    manifest: dict

    def manifest_bytes(self) -> bytes:
        return (json.dumps(self.manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def build_release(project: ExportProject, fmt: str, name: str, include_unapproved: bool = False,
                  how_to_include: str = INCLUDE_ON_THE_COMMAND_LINE) -> Release:
    """Past the approval gate, the release as ``fmt`` and its manifest. ``name`` is the file's: errors
    give it whole, the manifest records its base name."""
    check_gate(project, include_unapproved, how_to_include)
    file_format = release_format(fmt)
    shown = marked_unapproved(project) if include_unapproved and file_format.marks_status_in_text else project
    data = file_format.render_release(shown, name)
    return Release(data, manifest(project, fmt, PurePath(name).name, data, include_unapproved))


def marked_unapproved(project: ExportProject) -> ExportProject:
    """The project with each unapproved segment's English marked by its status ("[draft] …", "[rejected] …"),
    for the formats that have no place for a status: "Include unapproved segments (marked)" keeps its word.
    The manifest's editing effort is measured on the unmarked text."""
    return replace(project, units=tuple(u if u.status == "approved" or not u.target.strip()
                                        else replace(u, target=f"[{u.status}] {u.target}") for u in project.units))


def write_release(release: Release, output: Path) -> None:
    """OUTPUT and OUTPUT.manifest.json, each written atomically."""
    write_bytes_atomically(output, release.data)
    write_bytes_atomically(manifest_path(output), release.manifest_bytes())


def manifest_path(output: Path) -> Path:
    return output.with_name(output.name + ".manifest.json")


def with_findings(project: ExportProject, findings: ReleaseFindings) -> ExportProject:
    return replace(project, units=tuple(replace(u, findings=findings.notes.get(int(u.id), ())) for u in project.units),
                   check_signatures=dict(findings.signatures))
