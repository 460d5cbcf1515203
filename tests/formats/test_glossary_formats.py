"""Glossary files: every format passes one contract (round trip, refusals), then the XLSX cases; TBX ones are in
test_glossary_tbx.py."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.formats.format_contract import FormatContract, one_line_naming, refused_quickly, zip_file
from tests.conftest import write_file
from workbench.errors import UserError
from workbench.formats import glossary_csv, glossary_xlsx, tbx
from workbench.model import Glossary, Term

TRICKY = (
    Term("蒋卫东", "Jiang Weidong", "person", ("Jiang Wei dong", "Weidong Jiang"),
         "Chairman of Wuzheng Group; surname first, given name as one word"),
    Term("研发部", "R&D <Dept>", "organization", ("R & D Dept", "<R&D> Department", "R&amp D"),
         'Say "R&D", not "research, development" — keep the <Dept> tag'),
    Term("五莲县政府", "Wulian County Government", "organization", ("Wulian Government",), "Do not drop County"),
    Term("党组成员", "member of the Party leadership group", "title",
         ("member of the party group", "Party group member"), "Party is capitalised"),
    Term("五莲县", "Wulian County", "place", (), ""),
    Term("点赞", "thumbs-up 👍", "term", ("like 👍🏽",), "emoji 🎉 in the note, 𠀀 outside the BMP"),
    Term("合计", "=SUM(A1)", "term", ("+SUM(A1)", "-SUM(A1)", "@SUM(A1)"), "=HYPERLINK(\"http://x\")"),
    Term("客服电话", "+86 633 555 0100", "term", (), "-dashed, then 'quoted'"),
    Term("引号", "'=kept as typed", "term", ("'hello",), "''=two quotes"),
)


class GlossaryContract(FormatContract):
    """Every glossary format inherits these tests and FormatContract's refusals."""

    def sample(self) -> Glossary:
        return Glossary(TRICKY)

    def round_trip(self, tmp_path: Path, terms) -> Glossary:
        path = tmp_path / f"glossary{self.suffix}"
        self.write(Glossary(tuple(terms), "tricky"), path)
        return self.read(path)

    def test_round_trip_keeps_every_term(self, tmp_path):
        glossary = self.round_trip(tmp_path, TRICKY)
        assert glossary.terms == TRICKY
        assert glossary.problems == ()
        assert glossary.name == f"glossary{self.suffix}"

    @pytest.mark.parametrize("term", TRICKY, ids=[term.target for term in TRICKY])
    def test_round_trip_of_each_tricky_term(self, tmp_path, term):
        assert self.round_trip(tmp_path, [term]).terms == (term,)

    def test_empty_glossary_round_trips(self, tmp_path):
        glossary = self.round_trip(tmp_path, [])
        assert (glossary.terms, glossary.problems) == ((), ())


class TestCsv(GlossaryContract):
    suffix = ".csv"

    def write(self, glossary, path):
        write_file(glossary_csv.render, glossary, path)

    def read(self, path, **options):
        return glossary_csv.read(path, **options)


def write_tsv(glossary: Glossary, path: Path) -> None:
    """What a .tsv glossary exported from a spreadsheet looks like."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow(glossary_csv.COLUMNS)
        for term in glossary.terms:
            writer.writerow([term.source, term.target, term.type, ";".join(term.forbidden), term.note])


class TestTsv(GlossaryContract):
    """The reader against real tab-separated files; the module's own writer is pinned by the xfail below."""

    suffix = ".tsv"

    def write(self, glossary, path):
        write_tsv(glossary, path)

    def read(self, path, **options):
        return glossary_csv.read(path, **options)

    def test_module_writer_round_trips_a_tsv(self, tmp_path):
        path = tmp_path / "glossary.tsv"
        write_file(glossary_csv.render, Glossary(TRICKY), path)
        assert glossary_csv.read(path).terms == TRICKY


class TestXlsx(GlossaryContract):
    suffix = ".xlsx"

    def write(self, glossary, path):
        write_file(glossary_xlsx.render, glossary, path)

    def read(self, path, **options):
        return glossary_xlsx.read(path, **options)


class TestTbxV3(GlossaryContract):
    suffix = ".tbx"

    def write(self, glossary, path):
        write_file(tbx.render, glossary, path, version="v3")

    def read(self, path, **options):
        return tbx.read(path, **options)


class TestTbxBasic2008(TestTbxV3):
    def write(self, glossary, path):
        write_file(tbx.render, glossary, path, version="basic2008")


# ---------------------------------------------------------------- XLSX


def make_xlsx(path: Path, rows, header=("source", "target", "type", "forbidden", "note")) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


GOOD_ROW = ("蒋卫东", "Jiang Weidong", "person", "Jiang Wei dong", "")
BAD_ROWS = [
    ("empty-source", (None, "Wulian County", "place"), "row 4: empty source term"),
    ("empty-target", ("五莲县", None, "place"), "row 4: 五莲县: empty target"),
    ("duplicate-other-target", ("蒋卫东", "Jiang Wei Dong", "person"),
     "row 4: 蒋卫东: duplicate of row 2 with a different target ('Jiang Wei Dong' vs 'Jiang Weidong')"),
    ("cell-over-1000", ("五莲县", "Wulian County", "place", None, "长" * 1001),
     "row 4: cell 'note' is over 1000 characters"),
    ("unknown-type", ("五莲县", "Wulian County", "county"), "row 4: 五莲县: unknown type 'county'"),
    ("forbidden-is-the-rendering", ("五莲县", "Wulian County", "place", "Wulian Xian;wulian  county"),
     "row 4: 五莲县: the forbidden variant 'wulian  county' is the required rendering 'Wulian County' itself"),
]


@pytest.mark.parametrize("bad_row, problem", [case[1:] for case in BAD_ROWS], ids=[case[0] for case in BAD_ROWS])
def test_xlsx_bad_rows_reported_by_spreadsheet_row(tmp_path, bad_row, problem):
    # row 2 good, row 3 blank (skipped but counted), row 4 bad, row 5 good
    path = make_xlsx(tmp_path / "bad.xlsx", [GOOD_ROW, (), bad_row, ("党组成员", "member of the Party leadership group")])
    glossary = glossary_xlsx.read(path)
    assert len(glossary.problems) == 1 and glossary.problems[0].startswith(problem)
    assert [term.source for term in glossary.terms] == ["蒋卫东", "党组成员"]


@pytest.mark.parametrize("cells, expected", [
    (("五莲县", "Wulian County"), Term("五莲县", "Wulian County", "term", (), "")),
    (("没有", "NA", "term", "null", "None"), Term("没有", "NA", "term", ("null",), "None")),
    (("一一零", 110, "term", None, 1.5), Term("一一零", "110", "term", (), "1.5")),
    (("引号", "'hello", "term", None, "'plain quote"), Term("引号", "'hello", "term", (), "'plain quote")),
], ids=["empty-cells-are-empty-text", "NA-None-null-stay-text", "numbers-become-text", "typed-leading-quote-kept"])
def test_xlsx_cell_values_read_as_typed_under_a_loose_header(tmp_path, cells, expected):
    path = make_xlsx(tmp_path / "values.xlsx", [cells], header=(" Source", "TARGET ", "Type", " Forbidden ", "NOTE"))
    assert glossary_xlsx.read(path).terms == (expected,)


def test_xlsx_only_the_first_sheet_is_read(tmp_path):
    path = make_xlsx(tmp_path / "sheets.xlsx", [GOOD_ROW])
    workbook = openpyxl.load_workbook(path)
    workbook.create_sheet("notes").append(["source", "target"])
    workbook["notes"].append(["五莲县", "Wulian County"])
    workbook.save(path)
    assert [term.source for term in glossary_xlsx.read(path).terms] == ["蒋卫东"]


def test_xlsx_missing_column_names_the_file_and_the_column(tmp_path):
    path = make_xlsx(tmp_path / "nocol.xlsx", [("蒋卫东", "Jiang Weidong")], header=("source", "english"))
    with pytest.raises(UserError, match="lacks the column.s. target") as error:
        glossary_xlsx.read(path)
    one_line_naming(error, path)


def test_xlsx_written_cells_never_run_as_formulas(tmp_path):
    path = tmp_path / "formulas.xlsx"
    write_file(glossary_xlsx.render, Glossary(TRICKY), path)
    cells = [cell for row in openpyxl.load_workbook(path).active.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert not [cell.value for cell in cells if str(cell.value or "")[:1] in glossary_xlsx.FORMULA_STARTS]
    assert "'=SUM(A1)" in [cell.value for cell in cells]


@pytest.mark.parametrize("text, written", [
    ("=SUM(A1)", "'=SUM(A1)"), ("+86 633", "'+86 633"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"), ("\rcmd", "'\rcmd"), ("'=typed", "''=typed"), ("''-two", "'''-two"),
    ("'hello", "'hello"), ("'", "'"), ("plain = text", "plain = text"), ("", ""),
], ids=["equals", "plus", "minus", "at", "tab", "cr", "quote-equals", "two-quotes-minus", "quote-text",
        "lone-quote", "plain", "empty"])
def test_xlsx_quote_convention_is_lossless(text, written):
    assert glossary_xlsx.neutralise(text) == written
    assert glossary_xlsx.restore(written) == text


def _truncated(path: Path) -> Path:
    good = make_xlsx(path.with_name("good.xlsx"), [GOOD_ROW]).read_bytes()
    path.write_bytes(good[: len(good) // 2])
    return path


def _text_file(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _with_sheet(path: Path, sheet: bytes) -> Path:
    good = zipfile.ZipFile(make_xlsx(path.with_name("good.xlsx"), [GOOD_ROW]))
    members = {name: good.read(name) for name in good.namelist()}
    members["xl/worksheets/sheet1.xml"] = sheet
    return zip_file(path, members)


XXE_SHEET = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
             b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             b'<row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>')
CORRUPT_XLSX = [
    ("truncated", _truncated, "corrupt or truncated"),
    ("text-named-xlsx", lambda p: _text_file(p, "source,target\n蒋卫东,Jiang Weidong\n"), "not an .xlsx"),
    ("zip-without-workbook", lambda p: zip_file(p, {"hello.txt": b"hi"}), "no xl/workbook.xml"),
    ("zip-bomb", lambda p: zip_file(p, {"xl/workbook.xml": b"<x/>", "xl/media/fill.bin": bytes(8_000_000)}),
     "zip bomb"),
    ("broken-sheet-xml", lambda p: _with_sheet(p, b"<worksheet><sheetData><row>"), "not a readable .xlsx"),
    ("xxe-in-sheet", lambda p: _with_sheet(p, XXE_SHEET), "not a readable .xlsx"),
]


@pytest.mark.parametrize("make, phrase", [case[1:] for case in CORRUPT_XLSX], ids=[case[0] for case in CORRUPT_XLSX])
def test_xlsx_corrupt_or_hostile_workbook_is_refused(tmp_path, make, phrase):
    path = make(tmp_path / "glossary.xlsx")
    assert "root:" not in refused_quickly(glossary_xlsx.read, path, phrase, size_cap=200_000)


def test_xlsx_control_characters_refused_on_write(tmp_path):
    with pytest.raises(UserError, match="control characters"):
        write_file(glossary_xlsx.render, Glossary((Term("坏", "bad\x01term"),)), tmp_path / "bad.xlsx")
