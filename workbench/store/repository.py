"""Repository functions: everything the CLI and the app do to the store goes through here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from workbench.errors import UserError
from workbench.model import Glossary as GlossaryValue
from workbench.model import Pair, Term
from workbench.infra.pause import pause_point
from workbench.store.accounts import require
from workbench.store.models import (
    STATUSES,
    Document,
    Event,
    Glossary,
    Project,
    Revision,
    SegmentRow,
    TermRow,
)

IMPORT_AUTHOR = "import"


class AlignedDocument(Protocol):
    """What the store keeps of an alignment (workbench.align.Alignment is one): the store knows the
    pairs, not the aligner."""

    @property
    def length_ratio(self) -> float: ...

    @property
    def pairs(self) -> Sequence[Pair]: ...

    @property
    def aligner(self) -> str:
        """How the pairs were made (kept for the signature of the findings on them)."""
        ...


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    name: str
    documents: int
    segments: int
    by_status: dict[str, int]


def project_by_name(session: Session, name: str) -> Project:
    project = session.scalar(select(Project).where(Project.name == name, Project.deleted_at.is_(None)))
    if project is None:
        known = session.scalars(select(Project.name).where(Project.deleted_at.is_(None)).order_by(Project.name)).all()
        hint = f"; projects: {', '.join(known)}" if known else "; there are no projects yet (use import)"
        raise UserError(f"no project named {name!r}{hint}")
    return project


def import_document(factory: sessionmaker, project_name: str, document_name: str, source_file: str,
                    draft_file: str, source_text: str, draft_text: str, alignment: AlignedDocument,
                    glossary: GlossaryValue | None = None, author: str = IMPORT_AUTHOR,
                    actor: str | None = None) -> int:
    """Store an aligned document (and its glossary) in one transaction; returns the document id.

    Either everything of the import is saved or, on any failure, nothing is. ``actor`` is the person
    importing: once accounts exist it must be an admin (an import creates projects and replaces the
    project's glossary, which only an admin may change).
    """
    if not project_name.strip():
        raise UserError("the project name is empty")
    with factory.begin() as session:
        if actor is not None:
            require(session, actor, "import")
        project = session.scalar(select(Project).where(Project.name == project_name))
        if project is None:
            project = Project(name=project_name, check_config={})
            session.add(project)
            session.flush()
        elif session.scalar(select(Document).where(Document.project_id == project.id,
                                                   Document.name == document_name)):
            raise UserError(f"project {project_name!r} already has a document named {document_name!r}")
        document = Document(project_id=project.id, name=document_name, source_file=source_file,
                            draft_file=draft_file, source_text=source_text, draft_text=draft_text,
                            length_ratio=alignment.length_ratio, aligner=alignment.aligner)
        session.add(document)
        session.flush()
        rows = []
        for position, pair in enumerate(alignment.pairs, start=1):
            rows.append(SegmentRow(document_id=document.id, position=position, paragraph=pair.paragraph,
                                   source_text=pair.source, draft_text=pair.target, target_text=pair.target,
                                   kind=pair.kind, confidence=pair.confidence, status="draft", version=1))
        session.add_all(rows)
        session.flush()
        session.add_all(Revision(segment_id=row.id, version=1, text=row.target_text, author=author,
                                 reason="imported draft") for row in rows)
        if glossary is not None:
            replace_glossary(session, project, glossary, author)
        session.add(Event(project_id=project.id, action="import", actor=author,
                          detail={"document": document_name, "segments": len(rows),
                                  "source": source_file, "draft": draft_file}))
        session.flush()
        pause_point("import-before-commit")
        return document.id


def replace_glossary(session: Session, project: Project, glossary: GlossaryValue, author: str) -> Glossary:
    """Give the project this glossary as a new version of its glossary (terms replaced as a whole)."""
    current = session.scalar(select(Glossary).where(Glossary.project_id == project.id))
    replaced = []
    if current is None:
        current = Glossary(project_id=project.id, name=glossary.name or "glossary", version=1)
        session.add(current)
        session.flush()
    else:
        for term in list(current.terms):
            replaced.append([term.source, term.target, term.type, term.forbidden, term.note])
            session.delete(term)
        current.version += 1
        current.name = glossary.name or current.name
    session.add_all(TermRow(glossary_id=current.id, source=t.source, target=t.target, type=t.type,
                            forbidden=";".join(t.forbidden), note=t.note) for t in glossary.terms)
    # the terms it replaces go into the audit trail: an earlier glossary version can be read back
    session.add(Event(project_id=project.id, action="glossary", actor=author,
                      detail={"glossary": current.name, "terms": len(glossary.terms), "version": current.version,
                              "replaced": replaced}))
    return current


def project_terms(session: Session, project: Project) -> tuple[Term, ...]:
    rows = session.scalars(
        select(TermRow).join(Glossary).where(Glossary.project_id == project.id).order_by(TermRow.id)
    ).all()
    return tuple(Term(r.source, r.target, r.type, tuple(v for v in r.forbidden.split(";") if v), r.note)
                 for r in rows)


def list_projects(factory: sessionmaker) -> list[ProjectSummary]:
    with factory() as session:
        names = session.scalars(select(Project.name).where(Project.deleted_at.is_(None)).order_by(Project.name)).all()
        return [summarize(session, name) for name in names]


def summarize(session: Session, name: str) -> ProjectSummary:
    project = project_by_name(session, name)
    counts = Counter(dict(session.execute(
        select(SegmentRow.status, func.count()).join(Document)
        .where(Document.project_id == project.id, SegmentRow.retired_at.is_(None)).group_by(SegmentRow.status)
    ).all()))
    documents = session.scalar(select(func.count()).select_from(Document).where(Document.project_id == project.id))
    return ProjectSummary(name, documents or 0, sum(counts.values()), {s: counts.get(s, 0) for s in STATUSES})


def project_status(factory: sessionmaker, name: str) -> ProjectSummary:
    with factory() as session:
        return summarize(session, name)


def document_segments(factory: sessionmaker, project_name: str) -> list[tuple[str, list[SegmentRow]]]:
    """Every document of a project with its segments in order, for display."""
    with factory() as session:
        project = project_by_name(session, project_name)
        result = []
        for document in project.documents:
            result.append((document.name, [s for s in document.segments if s.retired_at is None]))
        return result


def document_name_for(path: Path) -> str:
    name = path.name
    for suffix in (".zh.txt", ".zh.docx", ".txt", ".docx"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or name
    return name


def check_config(factory: sessionmaker, project_name: str) -> dict:
    with factory() as session:
        return dict(project_by_name(session, project_name).check_config or {})
