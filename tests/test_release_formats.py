"""Release exports: one contract for every format (same bytes, atomic writes, round trip), then each format's cases."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import time
import zipfile
from dataclasses import fields, replace
from pathlib import Path

import docx
import openpyxl
import pytest

from workbench.errors import UserError
from workbench.formats import release_csv, release_docx, release_json, release_txt
from workbench.formats import txt as txt_reader
from workbench.release_model import ExportProject, ExportUnit

A, B = "新闻稿.docx", "附件.txt"
TRICKY = (
    ExportUnit("1", A, 0, "五征集团与中国移动签署5G战略合作协议。", "Wuzheng Group and China Mobile sign a 5G deal 🎉.",
               "approved", "林", "2024-05-02T08:30:00Z", "import", "2024-05-01T09:00:00Z", "林",
               "2024-05-02T08:29:10Z", ("numbers/number_mismatch: 5G kept",), ("标题可以", "ok 👍"),
               "Wuzheng and China Mobile signs 5G deal."),
    ExportUnit("2", A, 0, "双方代表出席。", "Representatives of both sides attended\u00a0the ceremony.", "edited",
               changed_by="王", changed_at="2024-05-02T07:00:00Z"),
    ExportUnit("3", A, 1, "他说：“好。”", "He said: “Good.” ‘Fine’", "rejected", "王", "2024-05-02T08:31:00Z",
               findings=("punctuation/quotes: curly quotes", "=cmd|' /C calc'!A0")),
    ExportUnit("4", A, 1, "<script>", "<script>alert(1)</script>", "draft"),
    ExportUnit("5", A, 2, "电话：+86 10 1234", "+86 10 1234", "approved", "林", "2024-05-02T08:32:00Z"),
    ExportUnit("6", A, 2, "下降5%", "-5 percent", "edited"),
    ExportUnit("7", A, 3, "链接", '=HYPERLINK("http://x")', "draft"),
    ExportUnit("8", B, 0, "联系@user", "@user", "approved", "林", "2024-05-02T08:33:00Z"),
    ExportUnit("9", B, 0, "制表", "\tindented after a tab", "draft"),
    ExportUnit("10", B, 1, "漏译的一句。", "", "draft"),
    ExportUnit("11", B, 2, "引号", "'=typed with a quote", "edited"),
    ExportUnit("12", B, 2, "𠀀字", "Rare character 𠀀 kept", "approved", "林", "2024-05-02T08:34:00Z"),
)
PROJECT = ExportProject("五征 5G 发布", TRICKY, (A, B))
LABELS = ["emoji-history", "nbsp", "curly-quotes", "script-tag", "plus-phone", "minus", "hyperlink-formula",
          "at-user", "leading-tab", "empty-target", "typed-quote", "outside-bmp"]
UNIT_CASES = [pytest.param(unit, id=f"{unit.id}-{label}") for unit, label in zip(TRICKY, LABELS)]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def one_line_naming(error: pytest.ExceptionInfo, path: Path) -> str:
    message = str(error.value)
    assert path.name in message and "\n" not in message
    return message


def zip_file(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


class ExportContract:
    """Every release export inherits these (translate-toolkit's test_base.py pattern)."""

    suffix = ""

    def write(self, project: ExportProject, path: Path) -> None:
        raise NotImplementedError

    def test_same_project_gives_same_bytes_whatever_the_clock(self, tmp_path, monkeypatch):
        first, second = tmp_path / f"first{self.suffix}", tmp_path / f"second{self.suffix}"
        self.write(PROJECT, first)
        later = time.time() + 400 * 86400
        monkeypatch.setattr(time, "time", lambda: later)
        self.write(PROJECT, second)
        assert first.read_bytes() == second.read_bytes()

    def test_empty_project_is_written(self, tmp_path):
        path = tmp_path / f"empty{self.suffix}"
        self.write(ExportProject("空", ()), path)
        assert path.exists()

    @pytest.mark.parametrize("failure", ["rename-fails", "disk-full-mid-write", "interrupted-before-rename"])
    def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(self, tmp_path, monkeypatch, failure):
        path = tmp_path / f"release{self.suffix}"
        path.write_bytes(b"the previous release")
        if failure == "rename-fails":
            def replace_fails(*args):
                raise OSError(errno.EACCES, "Permission denied")
            monkeypatch.setattr(os, "replace", replace_fails)
        elif failure == "disk-full-mid-write":
            real_fdopen = os.fdopen

            class HalfWritten:
                def __init__(self, *args, **options):
                    self.stream = real_fdopen(*args, **options)

                def __enter__(self):
                    return self

                def __exit__(self, *exc):
                    self.stream.close()

                def write(self, data):
                    self.stream.write(data[: len(data) // 2])
                    raise OSError(errno.ENOSPC, "No space left on device")

            monkeypatch.setattr(os, "fdopen", HalfWritten)
        else:
            def interrupted(*args):
                raise KeyboardInterrupt
            monkeypatch.setattr(os, "replace", interrupted)
        expected = KeyboardInterrupt if failure == "interrupted-before-rename" else UserError
        with pytest.raises(expected):
            self.write(PROJECT, path)
        assert path.read_bytes() == b"the previous release"
        assert [entry.name for entry in tmp_path.iterdir()] == [path.name]

    def test_missing_folder_is_one_line(self, tmp_path):
        path = tmp_path / "no-such-folder" / f"release{self.suffix}"
        with pytest.raises(UserError, match="does not exist") as error:
            self.write(PROJECT, path)
        one_line_naming(error, path)


class RoundTripContract(ExportContract):
    """Formats that read back: write → read → write keeps what the format carries, byte for byte."""

    carried: tuple[str, ...] = tuple(field.name for field in fields(ExportUnit))

    def read(self, path: Path, **options) -> list[ExportUnit]:
        raise NotImplementedError

    def kept(self, units) -> list[dict]:
        return [{name: getattr(unit, name) for name in self.carried} for unit in units]

    def test_round_trip_keeps_every_carried_field(self, tmp_path):
        path = tmp_path / f"release{self.suffix}"
        self.write(PROJECT, path)
        assert self.kept(self.read(path)) == self.kept(TRICKY)

    @pytest.mark.parametrize("unit", UNIT_CASES)
    def test_round_trip_of_each_tricky_unit(self, tmp_path, unit):
        path = tmp_path / f"one{self.suffix}"
        self.write(ExportProject("one", (unit,)), path)
        assert self.kept(self.read(path)) == self.kept([unit])

    def test_write_read_write_gives_identical_bytes(self, tmp_path):
        first, second = tmp_path / f"first{self.suffix}", tmp_path / f"second{self.suffix}"
        self.write(PROJECT, first)
        self.write(replace(PROJECT, units=tuple(self.read(first))), second)
        assert first.read_bytes() == second.read_bytes()

    def test_empty_project_round_trips(self, tmp_path):
        path = tmp_path / f"empty{self.suffix}"
        self.write(ExportProject("空", ()), path)
        assert self.read(path) == []

    def test_missing_file(self, tmp_path):
        path = tmp_path / f"absent{self.suffix}"
        with pytest.raises(UserError, match="no such file") as error:
            self.read(path)
        one_line_naming(error, path)

    def test_empty_file(self, tmp_path):
        path = tmp_path / f"empty{self.suffix}"
        path.write_bytes(b"")
        with pytest.raises(UserError, match="empty") as error:
            self.read(path)
        one_line_naming(error, path)

    def test_file_over_the_size_cap(self, tmp_path):
        path = tmp_path / f"big{self.suffix}"
        self.write(PROJECT, path)
        with pytest.raises(UserError, match="size cap") as error:
            self.read(path, size_cap=100)
        one_line_naming(error, path)

    def test_binary_file_is_refused(self, tmp_path):
        path = tmp_path / f"binary{self.suffix}"
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
        with pytest.raises(UserError) as error:
            self.read(path)
        one_line_naming(error, path)


# ---------------------------------------------------------------- the formats


class TestTxt(ExportContract):
    suffix = ".txt"

    def write(self, project, path):
        release_txt.write(project, path)


class TestDocx(ExportContract):
    suffix = ".docx"

    def write(self, project, path):
        release_docx.write(project, path)


class TestCsv(RoundTripContract):
    suffix = ".csv"
    carried = ("id", "document", "paragraph", "source", "target", "status", "approver", "findings")

    def write(self, project, path):
        release_csv.write_csv(project, path)

    def read(self, path, **options):
        return release_csv.read_csv(path, **options)


class TestXlsx(TestCsv):
    suffix = ".xlsx"

    def write(self, project, path):
        release_csv.write_xlsx(project, path)

    def read(self, path, **options):
        return release_csv.read_xlsx(path, **options)


class TestJson(RoundTripContract):
    suffix = ".json"

    def write(self, project, path):
        release_json.write(project, path)

    def read(self, path, **options):
        return release_json.read(path, **options)


class TestDocxBilingual(RoundTripContract):
    suffix = ".docx"
    carried = ("id", "document", "source", "target", "status")

    def write(self, project, path):
        release_docx.write_bilingual(project, path)

    def read(self, path, **options):
        return release_docx.read_bilingual(path, **options)


# ---------------------------------------------------------------- final text: txt and docx

PARAGRAPHS_A = [
    "Wuzheng Group and China Mobile sign a 5G deal 🎉. Representatives of both sides attended\u00a0the ceremony.",
    "He said: “Good.” ‘Fine’ <script>alert(1)</script>",
    "+86 10 1234 -5 percent",
    '=HYPERLINK("http://x")',
]
PARAGRAPHS_B = ["@user indented after a tab", "'=typed with a quote Rare character 𠀀 kept"]


def test_txt_bytes_keep_paragraphs_and_skip_omissions(tmp_path):
    path = tmp_path / "release.txt"
    release_txt.write(PROJECT, path)
    expected = "\n\n".join(PARAGRAPHS_A) + "\n\n\n" + "\n\n".join(PARAGRAPHS_B) + "\n"
    assert path.read_bytes() == expected.encode("utf-8")


def test_txt_reads_back_as_the_same_paragraphs(tmp_path):
    path = tmp_path / "release.txt"
    release_txt.write(PROJECT, path)
    assert txt_reader.read(path, 10**6).paragraph_texts() == PARAGRAPHS_A + PARAGRAPHS_B


@pytest.mark.parametrize("units, expected", [
    ((ExportUnit("1", A, 0, "一", "One."),), b"One.\n"),
    ((ExportUnit("1", A, 0, "一", ""), ExportUnit("2", A, 1, "二", "Two.")), b"Two.\n"),
    ((ExportUnit("1", A, 0, "一", "  One.\n\nstill one \r\n"), ExportUnit("2", A, 0, "二", "Two.")),
     b"One. still one Two.\n"),
    ((ExportUnit("2", A, 1, "二", "Two."), ExportUnit("1", A, 0, "一", "One.")), b"One.\n\nTwo.\n"),
    ((ExportUnit("1", A, 0, "一", ""), ExportUnit("2", B, 0, "二", "Other.")), b"Other.\n"),
    ((ExportUnit("1", A, 0, "一", "\u00a0spaced\u00a0"),), "\u00a0spaced\u00a0\n".encode()),
    ((), b""),
], ids=["one-unit", "empty-paragraph-dropped", "line-breaks-inside-a-unit", "paragraph-order",
        "empty-document-dropped", "no-break-spaces-kept", "nothing"])
def test_txt_edge_cases(tmp_path, units, expected):
    path = tmp_path / "release.txt"
    release_txt.write(ExportProject("p", units), path)
    assert path.read_bytes() == expected


def body(path: Path) -> list[tuple[str, str]]:
    return [(paragraph.style.name, paragraph.text) for paragraph in docx.Document(str(path)).paragraphs]


def test_docx_keeps_paragraphs_with_a_heading_per_document(tmp_path):
    path = tmp_path / "release.docx"
    release_docx.write(PROJECT, path)
    assert body(path) == ([("Heading 1", A)] + [("Normal", text) for text in PARAGRAPHS_A]
                          + [("Heading 1", B)] + [("Normal", text) for text in PARAGRAPHS_B])
    assert docx.Document(str(path)).core_properties.title == PROJECT.name


def test_docx_of_one_document_has_no_heading(tmp_path):
    path = tmp_path / "release.docx"
    release_docx.write(replace(PROJECT, units=TRICKY[:7], documents=(A,)), path)
    assert body(path) == [("Normal", text) for text in PARAGRAPHS_A]


@pytest.mark.parametrize("write", [release_docx.write, release_docx.write_bilingual, release_csv.write_xlsx],
                         ids=["docx", "docx-bilingual", "xlsx"])
def test_control_characters_refused_before_the_old_file_is_touched(tmp_path, write):
    path = tmp_path / "release.out"
    path.write_bytes(b"the previous release")
    bad = ExportProject("p", (ExportUnit("7", A, 0, "坏", "bad\x01text"),))
    with pytest.raises(UserError, match="segment 7.*control characters") as error:
        write(bad, path)
    one_line_naming(error, path)
    assert path.read_bytes() == b"the previous release"
    assert [entry.name for entry in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("write", [release_docx.write, release_docx.write_bilingual, release_csv.write_xlsx],
                         ids=["docx", "docx-bilingual", "xlsx"])
def test_zipped_exports_carry_no_clock_time(tmp_path, write):
    path = tmp_path / "release.zip"
    write(PROJECT, path)
    with zipfile.ZipFile(path) as archive:
        assert {member.date_time for member in archive.infolist()} == {release_docx.ZIP_TIME}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("1980-01-01T00:00:00Z") == 2 and str(time.gmtime().tm_year) not in core


# ---------------------------------------------------------------- docx bilingual


def test_bilingual_table_layout(tmp_path):
    path = tmp_path / "bilingual.docx"
    release_docx.write_bilingual(PROJECT, path)
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
    release_docx.write_bilingual(PROJECT, good)
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
    started = time.perf_counter()
    with pytest.raises(UserError, match=phrase) as error:
        release_docx.read_bilingual(path, size_cap=200_000)
    assert time.perf_counter() - started < 2
    one_line_naming(error, path)


# ---------------------------------------------------------------- csv and xlsx


def shown(unit: ExportUnit) -> list[str]:
    """The cells a spreadsheet shows for a unit, formula-looking ones behind one quote."""
    def quoted(text: str) -> str:
        return "'" + text if text.lstrip("'")[:1] in FORMULA_STARTS else text
    return [quoted(text) for text in (unit.id, unit.document, str(unit.paragraph), unit.source, unit.target,
                                      unit.status, unit.approver, " | ".join(unit.findings))]


def test_csv_starts_with_a_bom_and_opens_to_the_same_cells(tmp_path):
    path = tmp_path / "release.csv"
    release_csv.write_csv(PROJECT, path)
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
    release_csv.write_csv(PROJECT, path)
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
    release_csv.write_xlsx(PROJECT, path)
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
    release_csv.write_xlsx(PROJECT, good)
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
    started = time.perf_counter()
    with pytest.raises(UserError, match=phrase) as error:
        release_csv.read_xlsx(path, size_cap=200_000)
    assert time.perf_counter() - started < 2
    one_line_naming(error, path)


# ---------------------------------------------------------------- json


def test_json_round_trips_the_whole_project(tmp_path):
    path = tmp_path / "release.json"
    project = replace(PROJECT, extra={"client": "五征"})
    release_json.write(project, path)
    assert release_json.read_project(path) == project
    text = path.read_text(encoding="utf-8")
    assert text.startswith('{\n  "schema": "workbench-project/1",\n  "project": "五征 5G 发布",')
    assert text.endswith("}\n") and "\\u" not in text


def test_json_lists_documents_from_the_units_when_the_project_has_none(tmp_path):
    path = tmp_path / "release.json"
    release_json.write(replace(PROJECT, documents=()), path)
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
