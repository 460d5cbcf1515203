"""Glossary as an Excel .xlsx workbook with the columns source,target,type,forbidden,note."""

from __future__ import annotations

import io
from pathlib import Path

from workbench.errors import UserError
from workbench.formats import FileInput, file_input
from workbench.formats.glossary_csv import COLUMNS, DEFAULT_CAP, REQUIRED
from workbench.formats.zip_guard import EXCEL, XLSX_READ_ERRORS, check_package
from workbench.glossary import validate_rows
from workbench.model import Glossary

# A spreadsheet runs a cell starting with one of these as a formula (or a DDE call).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def read(source: str | Path | FileInput, size_cap: int = DEFAULT_CAP) -> Glossary:
    """Read the first sheet; row 1 is the header, bad rows are reported by their spreadsheet row number."""
    file = file_input(source, size_cap)
    check_package(file, size_cap, EXCEL)
    import pandas  # imported late because it is slow to import
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # na_filter=False keeps real text such as "NA" or "None" instead of turning it into a missing value.
        frame = pandas.read_excel(file.stream(), sheet_name=0, header=None, dtype=str, engine="openpyxl", na_filter=False)
    except (*XLSX_READ_ERRORS, InvalidFileException) as error:
        raise UserError(f"{file.name}: not a readable .xlsx workbook ({error.__class__.__name__}); "
                        f"open it in Excel and save it again as .xlsx") from None
    grid = [[restore(str(cell)) for cell in row] for row in frame.itertuples(index=False, name=None)]
    header = [name.strip().lower() for name in grid[0]] if grid else []
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise UserError(f"{file.name}: row 1 of the first sheet lacks the column(s) {', '.join(missing)}; "
                        f"expected {','.join(COLUMNS)}")
    rows = []
    # pandas keeps blank rows, so the position in the grid is the row number a spreadsheet user sees.
    for number, cells in enumerate(grid[1:], start=2):
        if any(cell.strip() for cell in cells):
            rows.append((number, dict(zip(header, cells))))
    terms, problems = validate_rows(rows)
    return Glossary(terms, file.basename, tuple(str(p) for p in problems))


def render(glossary: Glossary, name: str = "glossary.xlsx") -> bytes:
    """One sheet with a header row; cells that a spreadsheet would run as a formula are neutralised."""
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "glossary"
    sheet.append(COLUMNS)
    for term in glossary.terms:
        values = (term.source, term.target, term.type, ";".join(term.forbidden), term.note)
        try:
            sheet.append([neutralise(value) for value in values])
        except IllegalCharacterError:
            raise UserError(f"{name}: cannot write the term {term.source!r}: it contains control characters "
                            f"that a spreadsheet cannot hold") from None
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDE", (24, 36, 14, 40, 48)):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def neutralise(text: str) -> str:
    """Prefix one ' to text that starts, after any run of quotes, with = + - @ tab or CR.

    Counting the quotes makes the convention lossless: ``restore`` removes the added quote only when the
    rest again starts (after any quotes) with one of those characters, so "'=x" written by a person comes
    back as "'=x" (it is written as "''=x"), and "'hello" is written and read unchanged.
    """
    return "'" + text if text.lstrip("'")[:1] in FORMULA_STARTS else text


def restore(text: str) -> str:
    """Undo ``neutralise``: drop one leading ' when the rest starts (after any quotes) with = + - @ tab or CR."""
    return text[1:] if text[:1] == "'" and text[1:].lstrip("'")[:1] in FORMULA_STARTS else text
