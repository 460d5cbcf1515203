"""Glossaries: loading, validation and (later) matching of names and titles."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.model import Term

TERM_TYPES = ("person", "organization", "title", "place", "term")
MAX_CELL = 1000


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A glossary row that was not taken, and why; row numbers count the header as row 1."""

    row: int
    problem: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.problem}"


def validate_rows(rows: list[tuple[int, dict[str, str]]]) -> tuple[tuple[Term, ...], tuple[RowProblem, ...]]:
    """Turn raw rows into terms, reporting (not silently dropping) the ones that cannot be used."""
    terms: list[Term] = []
    problems: list[RowProblem] = []
    seen: dict[str, tuple[int, str]] = {}
    for number, row in rows:
        cells = {key: (value or "").strip() for key, value in row.items() if key}
        long = [key for key, value in cells.items() if len(value) > MAX_CELL]
        if long:
            problems.append(RowProblem(number, f"cell {long[0]!r} is over {MAX_CELL} characters"))
            continue
        source, target = cells.get("source", ""), cells.get("target", "")
        if not source:
            problems.append(RowProblem(number, "empty source term"))
            continue
        if not target:
            problems.append(RowProblem(number, f"{source}: empty target"))
            continue
        kind = (cells.get("type") or "term").lower()
        if kind not in TERM_TYPES:
            problems.append(RowProblem(number, f"{source}: unknown type {kind!r} (use {', '.join(TERM_TYPES)})"))
            continue
        if source in seen:
            first_row, first_target = seen[source]
            if first_target != target:
                problems.append(RowProblem(
                    number, f"{source}: duplicate of row {first_row} with a different target "
                            f"({target!r} vs {first_target!r})"))
            continue
        seen[source] = (number, target)
        forbidden = tuple(v.strip() for v in cells.get("forbidden", "").split(";") if v.strip())
        same = next((v for v in forbidden if _same_words(v, target)), None)
        if same is not None:  # the rendering would be required and forbidden at once (terms match without case)
            problems.append(RowProblem(number, f"{source}: the forbidden variant {same!r} is the required rendering "
                                               f"{target!r} itself"))
            continue
        terms.append(Term(source, target, kind, forbidden, cells.get("note", "")))
    return tuple(terms), tuple(problems)


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())
