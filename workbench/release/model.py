"""What an export carries: the units of a project with their status, approvals and history.

Format adapters in workbench/formats/ write an ``ExportProject`` and read bilingual files back
into ``ExportUnit``s; they never touch the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SOURCE_LANGUAGE = "zh-CN"
TARGET_LANGUAGE = "en-US"


@dataclass(frozen=True, slots=True)
class ExportUnit:
    """One segment as it leaves the workbench."""

    id: str  # the segment number as `workbench status` and the app show it ("1", "2", ...)
    document: str
    paragraph: int  # 0-based paragraph of the source document
    source: str
    target: str
    status: str = "draft"  # draft | edited | approved | rejected
    approver: str = ""  # who approved (or rejected) it, "" if nobody yet
    approved_at: str = ""  # ISO 8601 UTC of that decision
    created_by: str = ""  # author and time of the first revision (the imported draft)
    created_at: str = ""
    changed_by: str = ""  # author and time of the latest revision
    changed_at: str = ""
    findings: tuple[str, ...] = ()  # open findings, "category/check: message"
    comments: tuple[str, ...] = ()  # review comments
    draft: str = ""  # the target as imported, for editing-effort figures


@dataclass(frozen=True, slots=True)
class ExportProject:
    name: str
    units: tuple[ExportUnit, ...]
    documents: tuple[str, ...] = ()
    source_language: str = SOURCE_LANGUAGE
    target_language: str = TARGET_LANGUAGE
    extra: dict = field(default_factory=dict)
    # per document, the signature of the check run whose findings the units carry (RunSignature.text())
    check_signatures: dict[str, str] = field(default_factory=dict)
    # the review's quality score (release/quality.py QualityScore.to_dict), {} when nobody scored it
    quality: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReleaseFindings:
    """The open findings a release carries, by segment number, and the signature of the check run that
    found them per document: the manifest says which checks, settings, engine, glossary and aligner the
    "no open findings" of an approved release rests on."""

    notes: dict[int, tuple[str, ...]]  # "category/check: message" (finding_note)
    signatures: dict[str, str] = field(default_factory=dict)


def finding_note(finding) -> str:
    """A finding as an export carries it in ExportUnit.findings: "category/check: message"."""
    return f"{finding.category}/{finding.check}: {finding.message}"
