"""Editing a project's glossary as a table, and where each term is used and violated in the project."""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from workbench.errors import UserError
from workbench.glossary import RowProblem, validate_rows
from workbench.model import Glossary as GlossaryValue
from workbench.model import Term
from workbench.project.checked import CheckedProject
from workbench.store.accounts import require
from workbench.store.models import Glossary
from workbench.store.repository import project_by_name, project_terms, replace_glossary

COLUMNS = ("source", "target", "type", "forbidden", "note")


@dataclass(frozen=True, slots=True)
class StoredGlossary:
    """The project's glossary as it is stored now; version 0 when the project has none yet."""

    name: str
    version: int
    terms: tuple[Term, ...]


def current_glossary(factory: sessionmaker, project_name: str) -> StoredGlossary:
    with factory() as session:
        project = project_by_name(session, project_name)
        glossary = session.scalar(select(Glossary).where(Glossary.project_id == project.id))
        if glossary is None:
            return StoredGlossary("", 0, ())
        return StoredGlossary(glossary.name, glossary.version, project_terms(session, project))


def term_rows(terms: tuple[Term, ...]) -> list[dict[str, str]]:
    """The terms as the rows of an editable table; forbidden variants as one ";"-separated cell."""
    return [{"source": t.source, "target": t.target, "type": t.type, "forbidden": "; ".join(t.forbidden),
             "note": t.note} for t in terms]


def save_terms(factory: sessionmaker, project_name: str, rows: list[dict], author: str,
               numbers: list[int | None] | None = None) -> tuple[int, tuple[RowProblem, ...]]:
    """Replace the project's glossary terms by the edited rows, as a new glossary version.

    Rows are numbered as the editor shows them (``numbers``; by default the first row is 1); a row whose
    cells are all empty is ignored. If any row has a problem nothing is saved and the problems are
    returned; otherwise returns how many terms were saved (and no problems).
    """
    if not author.strip():
        raise UserError("say who edits the glossary: enter your name")
    shown = numbers or []
    numbered = [(shown[i] if i < len(shown) and shown[i] is not None else i + 1, _cells(row))
                for i, row in enumerate(rows)]
    terms, problems = validate_rows([(number, cells) for number, cells in numbered if any(cells.values())])
    with factory.begin() as session:
        require(session, author, "glossary")  # before the row problems: a refusal is the first thing to know
        if problems:
            return 0, problems
        replace_glossary(session, project_by_name(session, project_name), GlossaryValue(terms), author)
    return len(terms), ()


def import_terms(factory: sessionmaker, project_name: str, glossary: GlossaryValue, author: str) -> int:
    """Replace the project's glossary by one read from a file; a file without one usable term is refused
    and the current glossary kept. Returns how many terms were saved."""
    if not author.strip():
        raise UserError("say who imports the glossary: enter your name")
    if not glossary.terms:
        raise UserError(f"{glossary.name or 'the file'} has no usable term; the current glossary is kept")
    with factory.begin() as session:
        require(session, author, "glossary")
        replace_glossary(session, project_by_name(session, project_name), glossary, author)
    return len(glossary.terms)


def term_usage(checked: CheckedProject) -> list[dict]:
    """For every term: the segments whose source contains it (``used_in``), how many of those use the
    required rendering (``rendered``), and the segments where it is violated (``violated_in``).

    "Violated" is what the checks report, read from the open findings that name the term (a required
    rendering missing, a forbidden variant, a misspelt name, wrong capitals, another rendering than
    elsewhere): so the table agrees with the findings every page shows, a finding somebody ignored
    does not count, and a check switched off in the settings counts for nothing here either.
    Segment numbers are the ones every page and the CLI show; like the checks, the longest Chinese
    term wins (五莲县政府, not 五莲县).
    """
    matcher = checked.checker.glossary if checked.checker is not None else None
    terms = matcher.terms if matcher is not None else ()
    usage = {t.source: {"source": t.source, "target": t.target, "type": t.type, "segments": 0, "rendered": 0,
                        "used_in": [], "violated_in": []} for t in terms}
    for view in checked.snapshot.segments() if terms else ():
        in_source = {terms[m.term].source for m in matcher.source_matches(view.source_text)}
        rendered = {terms[m.term].source for m in matcher.target_matches(view.target_text) if not m.forbidden}
        violated = {f.term for f in checked.open_findings(view) if f.term in usage}
        for source in in_source:
            usage[source]["segments"] += 1
            usage[source]["used_in"].append(view.number)
            usage[source]["rendered"] += int(source in rendered)
        for source in violated:
            usage[source]["violated_in"].append(view.number)
    return list(usage.values())


def _cells(row: dict) -> dict[str, str]:
    """One editor row as text: missing, None and NaN cells (new rows of a table editor) are empty."""
    cells = {}
    for column in COLUMNS:
        value = row.get(column)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            value = ""
        cells[column] = str(value)
    return cells
