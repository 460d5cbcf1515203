"""Word exports: the final English by paragraph, and a bilingual review table (# | Chinese | English | Status)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from workbench.errors import UserError
from workbench.formats import DEFAULT_SIZE_CAP, FileInput, file_input
from workbench.formats.zip_guard import WORD, check_package
from workbench.formats.docx_text import open_docx
from workbench.formats.release_json import unit_from_fields
from workbench.formats.release_txt import final_paragraphs, units_by_document
from workbench.release.model import ExportProject, ExportUnit

BILINGUAL_HEADER = ("#", "Chinese", "English", "Status")
COLUMN_WIDTHS_CM = (1.3, 7.2, 7.2, 2.3)
# Header names a person might give the columns of a bilingual table, after lower-casing and trimming.
HEADER_NAMES = {
    "id": {"#", "id", "no", "no.", "编号", "序号"},
    "source": {"chinese", "source", "zh", "zh-cn", "中文", "原文"},
    "target": {"english", "target", "translation", "en", "en-us", "英文", "译文"},
    "status": {"status", "状态"},
}
# Zip entries and the created/modified properties get this fixed time, so the same content always gives the
# same bytes (a re-export diffs clean); the export's real time is in the manifest written beside it.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FIXED_TIME = datetime(*ZIP_TIME)  # naive UTC, as python-docx and openpyxl take it
# Characters XML 1.0 cannot carry (tab, line feed and carriage return it can).
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def render(project: ExportProject, name: str = "release.docx") -> bytes:
    """One Word paragraph per source paragraph that has text; a Heading 1 per document when there are several."""
    import docx

    _refuse_control_characters(project, name)
    document = docx.Document()
    groups = final_paragraphs(project)
    with_headings = len(groups) > 1
    for name, paragraphs in groups:
        if with_headings:
            document.add_heading(name, level=1)
        for text in paragraphs:
            document.add_paragraph(text)
    return _package(document, project, language=project.target_language)


def render_bilingual(project: ExportProject, name: str = "release.docx") -> bytes:
    """Per document a Heading 1 with its name, then a table with a header row and one row per unit."""
    import docx

    _refuse_control_characters(project, name)
    document = docx.Document()
    groups = units_by_document(project) or [(project.name, [])]
    for name, units in groups:
        document.add_heading(name, level=1)
        table = document.add_table(rows=1, cols=len(BILINGUAL_HEADER))
        table.style = "Table Grid"
        table.autofit = False
        _set_widths(table)  # before the rows: add_row() copies each column's width into its new cells
        _mark_as_header(table.rows[0])
        for cell, title in zip(table.rows[0].cells, BILINGUAL_HEADER):
            cell.paragraphs[0].add_run(title).bold = True
        _add_rows(table, [(unit.id, unit.source, unit.target, unit.status) for unit in units])
    return _package(document, project, language=f"{project.source_language}, {project.target_language}")


def _add_rows(table, rows: list[tuple[str, ...]]) -> None:
    """Rows copied from one template row and filled in directly: python-docx's add_row() walks the
    whole table each time, which makes 20,000 rows take half a minute."""
    from copy import deepcopy

    from docx.oxml.ns import qn

    if not rows:
        return
    template = table.add_row()._tr
    space = "{http://www.w3.org/XML/1998/namespace}space"
    for values in rows:
        row = deepcopy(template)
        for cell, text in zip(row.findall(qn("w:tc")), values):
            paragraph = cell.find(qn("w:p"))
            run = paragraph.makeelement(qn("w:r"), {})
            for number, line in enumerate(text.split("\n")):
                if number:
                    run.append(run.makeelement(qn("w:br"), {}))
                piece = run.makeelement(qn("w:t"), {})
                piece.text = line
                piece.set(space, "preserve")
                run.append(piece)
            paragraph.append(run)
        table._tbl.append(row)
    table._tbl.remove(template)


def read_bilingual(source: str | Path | FileInput, size_cap: int = DEFAULT_SIZE_CAP) -> list[ExportUnit]:
    """Units from every table of two or more columns, in reading order.

    A header row is recognised by its names (# / Chinese / English / Status, or 中文 / 英文 ...); without one the
    first column is Chinese and the second English. A heading before a table names the document (else the
    file name). Tables carry no paragraph numbers, so each row is read as its own paragraph, numbered in file
    order; rows without an id are numbered by their position too.
    """
    file = file_input(source, size_cap)
    check_package(file, size_cap, WORD)
    document = open_docx(file)
    from docx.table import Table

    units: list[ExportUnit] = []
    tables = 0
    current = file.basename
    try:
        for block in document.iter_inner_content():
            if not isinstance(block, Table):
                style = block.style.name if block.style is not None else ""
                if style.startswith("Heading") or style == "Title":
                    current = block.text.strip() or current
                continue
            grid = [[cell.text for cell in row.cells] for row in block.rows]
            if not grid or max(len(row) for row in grid) < 2:
                continue
            tables += 1
            units.extend(_units_of_table(grid, current, tables, len(units), file.name))
    except UserError:
        raise
    except Exception as error:  # lxml or python-docx errors inside a damaged document
        damaged = error.__class__.__module__.startswith(("lxml", "docx", "zipfile"))
        if damaged or isinstance(error, (KeyError, ValueError)):
            raise UserError(f"{file.name}: corrupt .docx ({error.__class__.__name__})") from None
        raise
    if not tables:
        raise UserError(f"{file.name}: no table with a Chinese and an English column; a bilingual .docx needs one")
    return units


def _units_of_table(grid: list[list[str]], document: str, number: int, before: int, path: str) -> list[ExportUnit]:
    columns = _header_columns(grid[0])
    rows = grid[1:] if columns else grid
    columns = columns or {"source": 0, "target": 1}
    first_row = 2 if len(rows) < len(grid) else 1
    units = []
    for row_number, cells in enumerate(rows, start=first_row):
        if not any(cell.strip() for cell in cells):
            continue
        cell = {name: cells[index] if index < len(cells) else "" for name, index in columns.items()}
        position = before + len(units)
        fields = {
            "id": cell.get("id", "").strip() or str(position + 1),
            "document": document,
            "paragraph": position,
            "source": cell["source"],
            "target": cell["target"],
            "status": cell.get("status", "").strip().lower() or "draft",
        }
        units.append(unit_from_fields(fields, f"table {number}, row {row_number}", path))
    return units


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """Column positions by header name, or None when the row is not a header (it lacks Chinese or English)."""
    columns: dict[str, int] = {}
    for index, text in enumerate(cells):
        for name, spellings in HEADER_NAMES.items():
            if text.strip().lower() in spellings and name not in columns:
                columns[name] = index
    return columns if "source" in columns and "target" in columns else None


def _refuse_control_characters(project: ExportProject, name: str) -> None:
    """Name the segment before building anything: lxml would refuse it deep inside python-docx."""
    for unit in project.units:
        if any(_NOT_IN_XML.search(text) for text in (unit.id, unit.document, unit.source, unit.target, unit.status)):
            raise UserError(f"{name}: cannot write segment {unit.id}: it contains control characters a Word file "
                            f"cannot hold; remove them and export again")
    if _NOT_IN_XML.search(project.name):
        raise UserError(f"{name}: the project name contains control characters a Word file cannot hold")


def _mark_as_header(row) -> None:
    """Repeat the header row at the top of every page."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _set_widths(table) -> None:
    from docx.shared import Cm

    for column, cell, width in zip(table.columns, table.rows[0].cells, COLUMN_WIDTHS_CM):
        column.width = cell.width = Cm(width)


def _package(document, project: ExportProject, language: str) -> bytes:
    properties = document.core_properties
    properties.title = project.name
    properties.language = language
    properties.author = "translation workbench"
    properties.comments = ""
    properties.last_modified_by = "translation workbench"
    properties.revision = 1
    properties.created = properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue())


def reproducible_zip(data: bytes) -> bytes:
    """The same package with fixed entry times and attributes, so equal content gives equal bytes."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            entry = zipfile.ZipInfo(member.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(member.filename))
    return output.getvalue()
