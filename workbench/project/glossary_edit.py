"""Editing a project's glossary as a table, and where each term is used and violated in the project."""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from workbench.errors import UserError
from workbench.glossary import RowProblem, validate_rows
from workbench.glossary.matcher import GlossaryMatcher
from workbench.model import Glossary as GlossaryValue
from workbench.model import Term
from workbench.store.accounts import require
from workbench.store.models import Glossary
from workbench.store.repository import project_by_name, project_terms, replace_glossary
from workbench.store.review import numbered_segments

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


def save_terms(factory: sessionmaker, project_name: str, rows: list[dict], author: str
               ) -> tuple[int, tuple[RowProblem, ...]]:
    """Replace the project's glossary terms by the edited rows, as a new glossary version.

    Rows are numbered as the translator sees them in the editor (the first row is 1); a row whose cells
    are all empty is ignored. If any row has a problem nothing is saved and the problems are returned;
    otherwise returns how many terms were saved (and no problems).
    """
    if not author.strip():
        raise UserError("say who edits the glossary: enter your name")
    numbered = [(number, _cells(row)) for number, row in enumerate(rows, start=1)]
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


def term_usage(factory: sessionmaker, project_name: str) -> list[dict]:
    """For every term: the segments whose source contains it (``used_in``), how many of those use the
    required rendering (``rendered``), and the segments where it is violated (``violated_in``): the term
    is in the source but its rendering is not in the English, or a forbidden variant is used anywhere.

    Segment numbers are the ones every page and the CLI show. Like the checks, the longest Chinese term
    wins (五莲县政府, not 五莲县) and a pair without English (an omission) is not a term violation.
    """
    with factory() as session:
        project = project_by_name(session, project_name)
        terms = project_terms(session, project)
        segments = [(number, s.source_text, s.target_text, s.kind)
                    for number, _, s in numbered_segments(session, project.id)]
    matcher = GlossaryMatcher(terms)
    usage = [{"source": t.source, "target": t.target, "type": t.type, "segments": 0, "rendered": 0,
              "used_in": [], "violated_in": []} for t in terms]
    if not terms:
        return usage
    for number, source, target, kind in segments:
        in_source = {m.term for m in matcher.source_matches(source)}
        found = matcher.target_matches(target)
        rendered = {m.term for m in found if not m.forbidden}
        forbidden = {m.term for m in found if m.forbidden and not _inside_rendering(m, found)}
        has_target = kind != "1-0" and bool(target.strip())
        for index in sorted(in_source | forbidden):
            entry = usage[index]
            if index in in_source:
                entry["segments"] += 1
                entry["used_in"].append(number)
                entry["rendered"] += int(index in rendered)
            missing = index in in_source and has_target and index not in rendered
            if missing or index in forbidden:
                entry["violated_in"].append(number)
    return usage


def _inside_rendering(match, found) -> bool:
    """A forbidden variant inside a required rendering is not a violation ("Wuzheng Groups" holds
    "Wuzheng Group" + plural s): the same rule as the glossary_forbidden check."""
    return any(not r.forbidden and r.start <= match.start and match.end <= r.end for r in found)


def _cells(row: dict) -> dict[str, str]:
    """One editor row as text: missing, None and NaN cells (new rows of a table editor) are empty."""
    cells = {}
    for column in COLUMNS:
        value = row.get(column)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            value = ""
        cells[column] = str(value)
    return cells
