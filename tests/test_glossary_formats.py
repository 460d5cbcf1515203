"""Glossary files: every format passes one contract (round trip, refusals), then each format's own cases."""

from __future__ import annotations

import csv
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from workbench.errors import UserError
from workbench.formats import glossary_csv, glossary_xlsx, tbx
from workbench.model import Glossary, Term

DATA = Path(__file__).parent / "data" / "glossaries"
HOSTILE = Path(__file__).parent / "hostile"

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


def one_line_naming(error: pytest.ExceptionInfo, path: Path) -> str:
    message = str(error.value)
    assert path.name in message
    assert "\n" not in message
    return message


class GlossaryContract:
    """Every glossary format inherits these tests (translate-toolkit's test_base.py pattern)."""

    suffix = ""

    def write(self, glossary: Glossary, path: Path) -> None:
        raise NotImplementedError

    def read(self, path: Path, **options) -> Glossary:
        raise NotImplementedError

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
        self.write(Glossary(TRICKY), path)
        with pytest.raises(UserError, match="size cap") as error:
            self.read(path, size_cap=100)
        one_line_naming(error, path)

    def test_binary_file_is_refused(self, tmp_path):
        path = tmp_path / f"binary{self.suffix}"
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
        with pytest.raises(UserError) as error:
            self.read(path)
        one_line_naming(error, path)


class TestCsv(GlossaryContract):
    suffix = ".csv"

    def write(self, glossary, path):
        glossary_csv.write(glossary, path)

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
        glossary_csv.write(Glossary(TRICKY), path)
        assert glossary_csv.read(path).terms == TRICKY


class TestXlsx(GlossaryContract):
    suffix = ".xlsx"

    def write(self, glossary, path):
        glossary_xlsx.write(glossary, path)

    def read(self, path, **options):
        return glossary_xlsx.read(path, **options)


class TestTbxV3(GlossaryContract):
    suffix = ".tbx"

    def write(self, glossary, path):
        tbx.write(glossary, path, version="v3")

    def read(self, path, **options):
        return tbx.read(path, **options)


class TestTbxBasic2008(TestTbxV3):
    def write(self, glossary, path):
        tbx.write(glossary, path, version="basic2008")


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
    glossary_xlsx.write(Glossary(TRICKY), path)
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


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


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
    return _zip(path, members)


XXE_SHEET = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
             b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             b'<row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>')
CORRUPT_XLSX = [
    ("truncated", _truncated, "corrupt or truncated"),
    ("text-named-xlsx", lambda p: _text_file(p, "source,target\n蒋卫东,Jiang Weidong\n"), "not an .xlsx"),
    ("zip-without-workbook", lambda p: _zip(p, {"hello.txt": b"hi"}), "no xl/workbook.xml"),
    ("zip-bomb", lambda p: _zip(p, {"xl/workbook.xml": b"<x/>", "xl/media/fill.bin": bytes(8_000_000)}),
     "zip bomb"),
    ("broken-sheet-xml", lambda p: _with_sheet(p, b"<worksheet><sheetData><row>"), "not a readable .xlsx"),
    ("xxe-in-sheet", lambda p: _with_sheet(p, XXE_SHEET), "not a readable .xlsx"),
]


@pytest.mark.parametrize("make, phrase", [case[1:] for case in CORRUPT_XLSX], ids=[case[0] for case in CORRUPT_XLSX])
def test_xlsx_corrupt_or_hostile_workbook_is_refused(tmp_path, make, phrase):
    path = make(tmp_path / "glossary.xlsx")
    started = time.perf_counter()
    with pytest.raises(UserError, match=phrase) as error:
        glossary_xlsx.read(path, size_cap=200_000)
    assert time.perf_counter() - started < 2
    assert "root:" not in one_line_naming(error, path)


def test_xlsx_control_characters_refused_on_write(tmp_path):
    with pytest.raises(UserError, match="control characters"):
        glossary_xlsx.write(Glossary((Term("坏", "bad\x01term"),)), tmp_path / "bad.xlsx")


# ---------------------------------------------------------------- TBX

WUZHENG_TERMS = (
    Term("蒋卫东", "Jiang Weidong", "person", ("Jiang Wei dong", "Weidong Jiang"),
         "Chairman of Wuzheng Group; surname first, given name as one word"),
    Term("五莲县政府", "Wulian County Government", "organization", ("Wulian Government",),
         "The people's government of Wulian County (Rizhao, Shandong) & its offices"),
    Term("党组成员", "member of the Party leadership group", "title",
         ("Party group member", "member of the party group"), "Party is capitalised"),
    Term("五征集团", "Wuzheng Group", "organization", ("Wu Zheng Group",), ""),
    Term("五征", "Wuzheng Group", "organization", ("Wu Zheng Group",), ""),
    Term("五莲县", "Wulian County", "place", (), ""),
)


@pytest.mark.parametrize("name, problems", [
    ("wuzheng-basic2008.tbx", ("entry 6 (id c6): no English term",
                               "entry 7 (id c7): no English term (only deprecated English ones)")),
    ("wuzheng-v3.tbx", ("entry 6 (id c6): no English term",
                        "entry 7 (id c7): 五莲县政府: duplicate of entry 2 with a different target "
                        "('Wulian Government Office' vs 'Wulian County Government')")),
], ids=["tbx-basic-2008", "tbx-v3"])
def test_tbx_sample_files_read_to_terms(name, problems):
    glossary = tbx.read(DATA / name)
    assert glossary.terms == WUZHENG_TERMS
    assert glossary.problems == problems


def v3_entry(*language_sections: str, entry_id: str = ' id="c9"') -> bytes:
    body = "".join(f'<langSec xml:lang="{lang}">{terms}</langSec>' for lang, terms in
                   (section.split("|", 1) for section in language_sections))
    return (f'<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader>'
            f'<fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader><text><body>'
            f'<conceptEntry{entry_id}>{body}</conceptEntry></body></text></tbx>').encode()


def term(text: str, status: str = "") -> str:
    note = f'<termNote type="administrativeStatus">{status}</termNote>' if status else ""
    return f"<termSec><term>{text}</term>{note}</termSec>"


ZH = "zh-CN|" + term("五莲县")
MAPPINGS = [
    ("preferred-beats-earlier-admitted",
     (ZH, "en|" + term("Wulian", "admittedTerm-admn-sts") + term("Wulian County", "preferredTerm-admn-sts")),
     ("Wulian County", ())),
    ("first-admitted-when-none-preferred",
     (ZH, "en-US|" + term("Wulian County", "admittedTerm-admn-sts") + term("Wulian", "admittedTerm-admn-sts")),
     ("Wulian County", ())),
    ("unmarked-counts-as-admitted", (ZH, "en-GB|" + term("Wulian County")), ("Wulian County", ())),
    ("tbx-min-style-statuses",
     (ZH, "en|" + term("Wulian County", "preferred") + term("Wulian Xian", "notRecommended")
      + term("Wulien", "obsolete")),
     ("Wulian County", ("Wulian Xian", "Wulien"))),
    ("chinese-deprecated-term-ignored",
     ("zh-Hans|" + term("五莲", "deprecatedTerm-admn-sts") + term("五莲县"), "en|" + term("Wulian County")),
     ("Wulian County", ())),
]


@pytest.mark.parametrize("sections, expected", [case[1:] for case in MAPPINGS], ids=[case[0] for case in MAPPINGS])
def test_tbx_status_mapping(tmp_path, sections, expected):
    path = tmp_path / "mapping.tbx"
    path.write_bytes(v3_entry(*sections))
    glossary = tbx.read(path)
    assert [(t.source, t.target, t.forbidden) for t in glossary.terms] == [("五莲县", *expected)]
    assert glossary.problems == ()


@pytest.mark.parametrize("sections, entry_id, problem", [
    (("fr|" + term("comté de Wulian"),), ' id="c9"', "entry 1 (id c9): no Chinese or English term"),
    (("zh|" + term("五莲", "deprecatedTerm-admn-sts"), "en|" + term("Wulian County")), "",
     "entry 1: no Chinese term (only deprecated Chinese ones)"),
    ((ZH, "en|" + term("  ")), ' id="c9"', "entry 1 (id c9): no English term"),
], ids=["only-french", "only-deprecated-chinese-no-id", "blank-english"])
def test_tbx_unusable_entries_reported_with_position(tmp_path, sections, entry_id, problem):
    path = tmp_path / "unusable.tbx"
    path.write_bytes(v3_entry(*sections, entry_id=entry_id))
    assert tbx.read(path).problems == (problem,)


PASSWD_LINE = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").split("\n", 1)[0] \
    if Path("/etc/passwd").exists() else "root:x:0:0"
HOSTILE_TBX = [
    ("xxe-passwd.tbx", "refusing XML with a DTD"),
    ("xxe-parameter-entity.tbx", "refusing XML with a DTD"),
    ("billion-laughs.tbx", "refusing XML with a DTD"),
    ("external-dtd.tbx", "refusing XML with a DTD"),
    ("truncated.tbx", "not well-formed XML at line 12"),
]


@pytest.mark.parametrize("name, phrase", HOSTILE_TBX, ids=[name for name, _ in HOSTILE_TBX])
def test_tbx_hostile_files_refused_quickly_in_one_line(name, phrase):
    path = HOSTILE / name
    started = time.perf_counter()
    with pytest.raises(UserError, match=phrase) as error:
        tbx.read(path)
    assert time.perf_counter() - started < 2
    message = one_line_naming(error, path)
    assert PASSWD_LINE not in message and "root:" not in message


@pytest.mark.parametrize("content, phrase", [
    (b"<martif><text><body><termEntry><langSet xml:lang='en'><tig><term>&xxe;</term></tig></langSet>"
     b"</termEntry></body></text></martif>", "not well-formed XML at line 1.*Entity 'xxe' not defined"),
    (b'<xliff version="1.2"><file/></xliff>', "not a TBX glossary"),
    (b"source,target\n", "not well-formed XML"),
], ids=["undeclared-entity", "xliff-not-tbx", "csv-named-tbx"])
def test_tbx_other_refusals(tmp_path, content, phrase):
    path = tmp_path / "other.tbx"
    path.write_bytes(content)
    with pytest.raises(UserError, match=phrase) as error:
        tbx.read(path)
    one_line_naming(error, path)


@pytest.mark.parametrize("version, root_tag, entry_tag, term_section", [
    ("v3", "{urn:iso:std:iso:30042:ed-2}tbx", "conceptEntry", "termSec"),
    ("basic2008", "martif", "termEntry", "tig"),
], ids=["v3", "basic2008"])
def test_tbx_written_file_is_tbx_basic(tmp_path, version, root_tag, entry_tag, term_section):
    path = tmp_path / "out.tbx"
    tbx.write(Glossary(TRICKY[:2]), path, version=version)
    raw = path.read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>") and b"<!DOCTYPE" not in raw
    assert "R&amp;D &lt;Dept&gt;".encode() in raw and "蒋卫东".encode() in raw
    root = etree.fromstring(raw)
    assert root.tag == root_tag and root.get("type", "").startswith("TBX-Basic")
    first = next(e for e in root.iter() if etree.QName(e).localname == entry_tag)
    english = [section for section in first if section.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"][0]
    statuses = [[(etree.QName(child).localname, child.get("type"), child.text) for child in section]
                for section in english if etree.QName(section).localname == term_section]
    assert statuses == [
        [("term", None, "Jiang Weidong"), ("termNote", "administrativeStatus", "preferredTerm-admn-sts"),
         ("termNote", "termType", "person")],
        [("term", None, "Jiang Wei dong"), ("termNote", "administrativeStatus", "deprecatedTerm-admn-sts")],
        [("term", None, "Weidong Jiang"), ("termNote", "administrativeStatus", "deprecatedTerm-admn-sts")],
    ]


def test_tbx_unknown_version_and_control_characters_refused(tmp_path):
    with pytest.raises(UserError, match="unknown TBX version 'v2'"):
        tbx.write(Glossary(TRICKY), tmp_path / "out.tbx", version="v2")
    with pytest.raises(UserError, match="control characters"):
        tbx.write(Glossary((Term("坏", "bad\x01term"),)), tmp_path / "bad.tbx")
