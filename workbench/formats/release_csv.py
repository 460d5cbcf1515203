"""The release as a table, CSV (UTF-8 with BOM) or XLSX, with formula-looking cells neutralised."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from workbench.errors import UserError
from workbench.formats import DEFAULT_SIZE_CAP, FileInput, file_input
from workbench.formats.glossary_xlsx import neutralise, restore
from workbench.formats.zip_guard import EXCEL, XLSX_READ_ERRORS, check_package
from workbench.formats.release_docx import FIXED_TIME, reproducible_zip
from workbench.formats.release_json import unit_from_fields
from workbench.formats.txt import decode
from workbench.release.model import ExportProject, ExportUnit

COLUMNS = ("id", "document", "paragraph", "source", "target", "status", "approver", "findings")
REQUIRED = ("id", "document", "paragraph", "source", "target", "status")
FINDINGS_SEPARATOR = " | "  # a finding that itself contains " | " reads back as two findings
COLUMN_WIDTHS = (6, 20, 10, 48, 48, 11, 14, 48)


def render_csv(project: ExportProject, name: str = "release.csv") -> bytes:
    """RFC 4180 (CRLF rows, quotes only where needed), UTF-8 with a BOM so Excel shows the Chinese right."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for unit in project.units:
        writer.writerow([neutralise(str(cell)) for cell in _cells(unit)])
    return buffer.getvalue().encode("utf-8-sig")


def render_xlsx(project: ExportProject, name: str = "release.xlsx") -> bytes:
    """One sheet "units" with a frozen header row; the paragraph is a number, every other cell text."""
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook(write_only=True)  # streams rows: about twice as fast for 20,000 segments
    sheet = workbook.create_sheet("units")
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGH", COLUMN_WIDTHS):
        sheet.column_dimensions[letter].width = width
    sheet.append(COLUMNS)
    for unit in project.units:
        try:
            sheet.append([cell if isinstance(cell, int) else neutralise(cell) for cell in _cells(unit)])
        except IllegalCharacterError:
            raise UserError(f"{name}: cannot write segment {unit.id}: it contains control characters that a "
                            f"spreadsheet cannot hold; remove them and export again") from None
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    workbook.properties.title = project.name
    workbook.properties.creator = workbook.properties.lastModifiedBy = "translation workbench"
    buffer = io.BytesIO()
    # ExcelWriter, not workbook.save(): save() stamps the current time as "modified", so bytes would differ.
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return reproducible_zip(buffer.getvalue())


def read_csv(source: str | Path | FileInput, size_cap: int = DEFAULT_SIZE_CAP) -> list[ExportUnit]:
    """Units from a CSV this module wrote, or one a spreadsheet saved again (UTF-8, or GB18030 from Excel)."""
    file = file_input(source, size_cap)
    data = file.data
    try:
        text = data.decode("utf-8-sig")  # decoded here, not by txt.decode, to keep a CR inside a cell
    except UnicodeDecodeError:
        text = decode(data, file.name)
    if "\x00" in text:
        raise UserError(f"{file.name}: contains NUL bytes; this looks like a binary file, not CSV")
    try:
        grid = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise UserError(f"{file.name}: not a readable CSV file ({error})") from None
    return _units(grid, file.name)


def read_xlsx(source: str | Path | FileInput, size_cap: int = DEFAULT_SIZE_CAP) -> list[ExportUnit]:
    """Units from the first sheet; row 1 is the header."""
    file = file_input(source, size_cap)
    check_package(file, size_cap, EXCEL)
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(file.stream(), read_only=True)
        try:
            grid = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
        finally:
            workbook.close()
    except (*XLSX_READ_ERRORS, InvalidFileException) as error:
        raise UserError(f"{file.name}: not a readable .xlsx workbook ({error.__class__.__name__}); "
                        f"open it in Excel and save it again as .xlsx") from None
    return _units([[_text(value) for value in row] for row in grid], file.name)


def _cells(unit: ExportUnit) -> tuple:
    return (unit.id, unit.document, unit.paragraph, unit.source, unit.target, unit.status, unit.approver,
            FINDINGS_SEPARATOR.join(unit.findings))


def _units(grid: list[list[str]], path: str) -> list[ExportUnit]:
    """Rows to units; a row is named by the number a spreadsheet shows (the header is row 1)."""
    header = [restore(name).strip().lower() for name in grid[0]] if grid else []
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise UserError(f"{path}: row 1 lacks the column(s) {', '.join(missing)}; expected {','.join(COLUMNS)}")
    units = []
    for number, row in enumerate(grid[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {name: restore(row[index]) if index < len(row) else "" for index, name in enumerate(header)}
        paragraph = cells["paragraph"].strip()
        if not paragraph.isdigit() or not paragraph.isascii():
            raise UserError(f"{path}: row {number}: paragraph must be a whole number from 0, not {paragraph[:20]!r}")
        findings = cells.get("findings", "")
        fields = {
            "id": cells["id"].strip(),
            "document": cells["document"],
            "paragraph": int(paragraph),
            "source": cells["source"],
            "target": cells["target"],
            "status": cells["status"].strip().lower() or "draft",
            "approver": cells.get("approver", ""),
            "findings": tuple(findings.split(FINDINGS_SEPARATOR)) if findings else (),
        }
        units.append(unit_from_fields(fields, f"row {number}", path))
    return units


def _text(value) -> str:
    """A cell as text: empty for a blank cell, 3 (not 3.0) for a whole number a spreadsheet made a float."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
