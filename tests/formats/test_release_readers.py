"""Release formats that read back: the bilingual DOCX table, CSV and XLSX, and JSON; their contract is in
test_release_formats.py."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.formats.format_contract import one_line_naming, refused_quickly, zip_file
from tests.formats.test_release_formats import FORMULA_STARTS, PROJECT, TRICKY, A, B
from tests.conftest import write_file
from workbench.errors import UserError
from workbench.formats import release_csv, release_docx, release_json
from workbench.release.model import ExportUnit


# ---------------------------------------------------------------- docx bilingual


def test_bilingual_table_layout(tmp_path):
    path = tmp_path / "bilingual.docx"
    write_file(release_docx.render_bilingual, PROJECT, path)
    document = docx.Document(str(path))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [A, B]
    first = document.tables[0]
    assert [cell.text for cell in first.rows[0].cells] == ["#", "Chinese", "English", "Status"]
    assert [cell.text for cell in first.rows[3].cells] == ["3", "他说：“好。”", "He said: “Good.” ‘Fine’", "rejected"]
    assert [len(table.rows) for table in document.tables] == [1 + 7, 1 + 5]


def person_made_table(path: Path, rows, heading: str | None = None) -> Path:
    document = docx.Document()
    if heading:
        document.add_heading(heading, level=2)
    document.add_paragraph("请审校下表。")
    table = document.add_table(rows=0, cols=len(rows[0]))
    for cells in rows:
        for cell, text in zip(table.add_row().cells, cells):
            cell.text = text
    document.save(str(path))
    return path


@pytest.mark.parametrize("rows, heading, expected", [
    ([("你好", "Hello"), ("再见", "Goodbye")], None,
     [("1", "plain.docx", 0, "你好", "Hello", "draft"), ("2", "plain.docx", 1, "再见", "Goodbye", "draft")]),
    ([("英文", "中文", "状态"), ("Hello", "你好", "Approved")], "问候",
     [("1", "问候", 0, "你好", "Hello", "approved")]),
    ([("Source", "Target"), ("", ""), ("一", "")], None, [("1", "plain.docx", 0, "一", "", "draft")]),
], ids=["two-columns-no-header", "chinese-header-in-any-order", "blank-rows-skipped-empty-target-kept"])
def test_bilingual_reads_a_table_made_by_a_person(tmp_path, rows, heading, expected):
    path = person_made_table(tmp_path / "plain.docx", rows, heading)
    units = release_docx.read_bilingual(path)
    assert [(u.id, u.document, u.paragraph, u.source, u.target, u.status) for u in units] == expected


def test_bilingual_unknown_status_names_the_row(tmp_path):
    path = person_made_table(tmp_path / "status.docx", [("中文", "英文", "状态"), ("你好", "Hello", "done")])
    with pytest.raises(UserError, match="table 1, row 2.*unknown status 'done'") as error:
        release_docx.read_bilingual(path)
    one_line_naming(error, path)


def _docx_bytes(tmp_path: Path) -> bytes:
    good = tmp_path / "good.docx"
    write_file(release_docx.render_bilingual, PROJECT, good)
    return good.read_bytes()


CORRUPT_DOCX = [
    ("truncated", lambda p, t: p.write_bytes(_docx_bytes(t)[:3000]), "corrupt or truncated"),
    ("text-named-docx", lambda p, t: p.write_text("中文\tEnglish\n", encoding="utf-8"), "not a Word .docx"),
    ("zip-without-document", lambda p, t: zip_file(p, {"hello.txt": b"hi"}), "no word/document.xml"),
    ("zip-bomb", lambda p, t: zip_file(p, {"word/document.xml": b"<x/>", "word/fill.bin": bytes(8_000_000)}),
     "zip bomb"),
    ("no-table", lambda p, t: docx.Document().save(str(p)), "no table"),
]


@pytest.mark.parametrize("make, phrase", [case[1:] for case in CORRUPT_DOCX], ids=[case[0] for case in CORRUPT_DOCX])
def test_bilingual_corrupt_or_hostile_docx_refused_in_one_line(tmp_path, make, phrase):
    path = tmp_path / "bilingual.docx"
    make(path, tmp_path)
    refused_quickly(release_docx.read_bilingual, path, phrase, size_cap=200_000)


# ---------------------------------------------------------------- csv and xlsx


def shown(unit: ExportUnit) -> list[str]:
    """The cells a spreadsheet shows for a unit, formula-looking ones behind one quote."""
    def quoted(text: str) -> str:
        return "'" + text if text.lstrip("'")[:1] in FORMULA_STARTS else text
    return [quoted(text) for text in (unit.id, unit.document, str(unit.paragraph), unit.source, unit.target,
                                      unit.status, unit.approver, " | ".join(unit.findings))]


def test_csv_starts_with_a_bom_and_opens_to_the_same_cells(tmp_path):
    path = tmp_path / "release.csv"
    write_file(release_csv.render_csv, PROJECT, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,document,paragraph,")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows == [list(release_csv.COLUMNS)] + [shown(unit) for unit in TRICKY]
    assert not [cell for row in rows for cell in row if cell[:1] in FORMULA_STARTS]


@pytest.mark.parametrize("fragment", [
    b'\r\n7,',  # RFC 4180 rows end in CRLF
    '"\'=HYPERLINK(""http://x"")"'.encode(),  # quotes doubled inside a quoted field
    "'+86 10 1234,".encode(), b"'-5 percent,", b"'@user,", b"'\tindented after a tab,",
    b"''=typed with a quote,", "<script>alert(1)</script>,".encode(),
    "punctuation/quotes: curly quotes | =cmd|' /C calc'!A0\r\n".encode(),  # only a cell's start can run
], ids=["crlf", "doubled-quotes", "plus", "minus", "at", "tab", "typed-quote", "script-as-text", "findings-joined"])
def test_csv_bytes(tmp_path, fragment):
    path = tmp_path / "release.csv"
    write_file(release_csv.render_csv, PROJECT, path)
    assert fragment in path.read_bytes()


@pytest.mark.parametrize("encoding, newline", [("utf-8", "\n"), ("gb18030", "\r\n"), ("utf-8-sig", "\r")],
                         ids=["utf8-no-bom-lf", "gb18030-from-excel", "old-mac-cr"])
def test_csv_saved_again_by_a_spreadsheet_reads(tmp_path, encoding, newline):
    path = tmp_path / "saved.csv"
    lines = ["ID,Document,Paragraph,Source,Target,Status", "1,新闻稿.docx,0,你好,'=1+1,Approved", "2,新闻稿.docx,1,再见,,"]
    path.write_bytes(newline.join(lines).encode(encoding))
    units = release_csv.read_csv(path)
    assert [(u.id, u.paragraph, u.source, u.target, u.status, u.findings) for u in units] == [
        ("1", 0, "你好", "=1+1", "approved", ()), ("2", 1, "再见", "", "draft", ())]


@pytest.mark.parametrize("reader, suffix", [(release_csv.read_csv, ".csv"), (release_csv.read_xlsx, ".xlsx")],
                         ids=["csv", "xlsx"])
@pytest.mark.parametrize("header, row, phrase", [
    (("id", "source", "target"), ("1", "一", "One"), "row 1 lacks the column.s. document, paragraph, status"),
    (release_csv.COLUMNS, ("1", A, "two", "一", "One", "draft", "", ""), "row 2: paragraph must be a whole number"),
    (release_csv.COLUMNS, ("1", A, "0", "一", "One", "signed", "", ""), "row 2 .id 1.: unknown status 'signed'"),
], ids=["missing-columns", "bad-paragraph", "bad-status"])
def test_table_problems_name_the_row(tmp_path, reader, suffix, header, row, phrase):
    path = tmp_path / f"bad{suffix}"
    if suffix == ".csv":
        path.write_text(",".join(header) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    else:
        workbook = openpyxl.Workbook()
        workbook.active.append(list(header))
        workbook.active.append(list(row))
        workbook.save(path)
    with pytest.raises(UserError, match=phrase) as error:
        reader(path)
    one_line_naming(error, path)


def test_xlsx_has_no_formula_cell(tmp_path):
    path = tmp_path / "release.xlsx"
    write_file(release_csv.render_xlsx, PROJECT, path)
    cells = [cell for row in openpyxl.load_workbook(path).active.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f" or str(cell.value).startswith("=")]
    assert not [cell.value for cell in cells if isinstance(cell.value, str) and cell.value[:1] in FORMULA_STARTS]
    assert "'=HYPERLINK(\"http://x\")" in [cell.value for cell in cells]
    assert [cell.value for cell in openpyxl.load_workbook(path).active["C"]][1:4] == [0, 0, 1]


def test_xlsx_edited_in_a_spreadsheet_reads(tmp_path):
    path = tmp_path / "edited.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(list(release_csv.COLUMNS))
    workbook.active.append([1, A, 2.0, "你好", "Hello", " Approved ", None, "a/b: one | c/d: two"])
    workbook.active.append([])
    workbook.active.append([2, A, 3, "再见", None, None, None, None])
    workbook.save(path)
    units = release_csv.read_xlsx(path)
    assert [(u.id, u.paragraph, u.target, u.status, u.findings) for u in units] == [
        ("1", 2, "Hello", "approved", ("a/b: one", "c/d: two")), ("2", 3, "", "draft", ())]


def _xlsx_bytes(tmp_path: Path) -> bytes:
    good = tmp_path / "good.xlsx"
    write_file(release_csv.render_xlsx, PROJECT, good)
    return good.read_bytes()


def _with_sheet(path: Path, tmp_path: Path, sheet: bytes) -> None:
    good = zipfile.ZipFile(io.BytesIO(_xlsx_bytes(tmp_path)))
    members = {name: good.read(name) for name in good.namelist()}
    members["xl/worksheets/sheet1.xml"] = sheet
    zip_file(path, members)


CORRUPT_XLSX = [
    ("truncated", lambda p, t: p.write_bytes(_xlsx_bytes(t)[:2000]), "corrupt or truncated"),
    ("csv-named-xlsx", lambda p, t: p.write_text("id,source\n1,一\n", encoding="utf-8"), "not an .xlsx"),
    ("zip-without-workbook", lambda p, t: zip_file(p, {"hello.txt": b"hi"}), "no xl/workbook.xml"),
    ("zip-bomb", lambda p, t: zip_file(p, {"xl/workbook.xml": b"<x/>", "xl/media/fill.bin": bytes(8_000_000)}),
     "zip bomb"),
    ("broken-sheet-xml", lambda p, t: _with_sheet(p, t, b"<worksheet><sheetData><row>"), "not a readable .xlsx"),
]


@pytest.mark.parametrize("make, phrase", [case[1:] for case in CORRUPT_XLSX], ids=[case[0] for case in CORRUPT_XLSX])
def test_xlsx_corrupt_or_hostile_workbook_refused_in_one_line(tmp_path, make, phrase):
    path = tmp_path / "release.xlsx"
    make(path, tmp_path)
    refused_quickly(release_csv.read_xlsx, path, phrase, size_cap=200_000)


# ---------------------------------------------------------------- json


def test_json_round_trips_the_whole_project(tmp_path):
    path = tmp_path / "release.json"
    project = replace(PROJECT, extra={"client": "五征"})
    write_file(release_json.render, project, path)
    assert release_json.read_project(path) == project
    text = path.read_text(encoding="utf-8")
    assert text.startswith('{\n  "schema": "workbench-project/1",\n  "project": "五征 5G 发布",')
    assert text.endswith("}\n") and "\\u" not in text


def test_json_lists_documents_from_the_units_when_the_project_has_none(tmp_path):
    path = tmp_path / "release.json"
    write_file(release_json.render, replace(PROJECT, documents=()), path)
    assert json.loads(path.read_text(encoding="utf-8"))["documents"] == [A, B]


def test_json_ignores_unknown_keys(tmp_path):
    path = tmp_path / "later.json"
    unit = {"id": "1", "document": A, "paragraph": 0, "source": "一", "target": "One", "colour": "red"}
    path.write_text(json.dumps({"schema": "workbench-project/1", "units": [unit], "later": 1}), encoding="utf-8")
    assert release_json.read(path) == [ExportUnit("1", A, 0, "一", "One")]


def unit_json(**changes) -> str:
    unit = {"id": "4", "document": A, "paragraph": 0, "source": "一", "target": "One"} | changes
    return json.dumps({"schema": "workbench-project/1", "units": [unit]})


@pytest.mark.parametrize("text, phrase", [
    ('{"schema": "workbench-project/1", "units": [', "not valid JSON .line 1, column"),
    ("[1, 2]", "not a workbench project export .schema none, a JSON list"),
    ('{"schema": "workbench-project/2", "units": []}', "schema 'workbench-project/2', expected"),
    ('{"units": []}', "schema None"),
    ('{"schema": "workbench-project/1"}', "'units' must be a list"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply|not a workbench"),
    (unit_json(paragraph="0"), r"units\[0\] .id 4.: 'paragraph' must be a whole number"),
    (unit_json(paragraph=True), "'paragraph' must be a whole number"),
    (unit_json(status="done"), "unknown status 'done'"),
    (unit_json(findings="one"), "'findings' must be a list of texts"),
    (unit_json(target=None), "'target' must be text"),
    (json.dumps({"schema": "workbench-project/1", "units": [{"id": "4"}]}), "missing document, paragraph"),
], ids=["truncated", "not-an-object", "other-schema", "no-schema", "no-units", "deeply-nested",
        "paragraph-as-text", "paragraph-as-bool", "bad-status", "findings-not-a-list", "null-target",
        "missing-fields"])
def test_json_refusals_are_one_line(tmp_path, text, phrase):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=phrase) as error:
        release_json.read(path)
    one_line_naming(error, path)
