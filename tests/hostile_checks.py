"""What correct handling is for the hostile cases that a command must accept (tests/test_hostile.py).

Each check reads what a user would see: the texts in the store, the command's output, or an export as the
format's own reader or a spreadsheet opens it.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from tests import hostile_files as make


@dataclass(frozen=True, slots=True)
class Ran:
    """What one command did: its result, the case's folder and the store it ran against."""

    result: subprocess.CompletedProcess
    folder: Path
    db: Path | None

    def rows(self, sql: str, *params) -> list[tuple]:
        if self.db is None:  # the command ran without a store
            return []
        with sqlite3.connect(self.db) as connection:
            return connection.execute(sql, params).fetchall()

    def document(self, name: str) -> tuple[str, str]:
        (row,) = self.rows("SELECT source_text, draft_text FROM document WHERE name = ?", name)
        return row


def same_texts_as_sample(ran: Ran) -> None:
    sample_source, sample_draft = ran.rows("SELECT source_text, draft_text FROM document ORDER BY id")[0]
    assert ran.document("hostile") == (sample_source, sample_draft)
    assert "15 segments" in ran.result.stdout


def docx_text_imported(ran: Ran) -> None:
    source, _ = ran.document("hostile")
    assert source.split("\n\n") == [line for line in make.SOURCE_TEXT.split("\n") if line.strip()]


def entity_never_expanded(ran: Ran) -> None:
    assert "五征集团签约。" in ran.result.stdout + "".join(text for (text,) in ran.rows("SELECT source_text FROM segment"))
    assert make.ENTITY not in ran.result.stdout + ran.result.stderr
    assert not any(make.ENTITY in text for (text,) in ran.rows("SELECT source_text FROM segment"))


def bidi_kept_exactly(ran: Ran) -> None:
    _, draft = ran.document("hostile")
    assert make.RTL_AND_ZERO_WIDTH in draft
    targets = "".join(text for (text,) in ran.rows("SELECT target_text FROM segment WHERE document_id = "
                                                   "(SELECT id FROM document WHERE name = 'hostile')"))
    for character in "\u202e\u202c\u200b\u200d\u05e9\u0645":
        assert character in targets


def script_kept_as_text(ran: Ran) -> None:
    (target,) = ran.rows("SELECT target_text FROM segment WHERE document_id = "
                         "(SELECT id FROM document WHERE name = 'hostile') AND source_text = '五征集团签约。'")[0]
    assert target == make.SCRIPT


def glossary_problems_named(ran: Ran) -> None:
    warnings = ran.result.stderr.splitlines()
    assert any("row 3: empty source term" in line for line in warnings)
    assert any("row 4: 五征集团: empty target" in line for line in warnings)
    assert any("row 6: 五征集团: duplicate of row 2" in line for line in warnings)
    assert any("row 7: cell 'note' is over 1000 characters" in line for line in warnings)
    terms = ran.rows("SELECT source, target FROM term JOIN glossary ON glossary.id = term.glossary_id "
                     "JOIN project ON project.id = glossary.project_id WHERE project.name = 'other'")
    assert sorted(terms) == [("五征集团", "Wuzheng Group"), ("蒋卫东", "Jiang Weidong")]


def formulas_stored_as_typed(ran: Ran) -> None:
    targets = {target for (target,) in ran.rows("SELECT target FROM term")}
    assert set(make.FORMULAS) <= targets


def terms_count(count: int):
    def verify(ran: Ran) -> None:
        (stored,) = ran.rows("SELECT count(*) FROM term JOIN glossary ON glossary.id = term.glossary_id "
                             "JOIN project ON project.id = glossary.project_id WHERE project.name = 'other'")[0]
        assert stored == count
    return verify


def named_from_unicode_path(ran: Ran) -> None:
    assert ran.rows("SELECT name FROM document WHERE project_id = (SELECT id FROM project WHERE name = 'other')") \
        == [("五征 新闻稿",)]


def one_huge_segment(ran: Ran) -> None:
    lengths = [len(p["target"]) for p in json.loads(ran.result.stdout)["pairs"]]
    assert max(lengths) >= 1_000_000


def exported(reader: Callable[[Path], list[str]], suffix: str):
    """The export's target texts as the format's own reader (or a spreadsheet) sees them."""
    def verify(ran: Ran) -> None:
        targets = reader(ran.folder / ("out" + suffix))
        joined = "\n".join(targets)
        assert make.SCRIPT in joined
        for formula in make.FORMULAS:
            assert formula in joined
        assert make.RTL_AND_ZERO_WIDTH in joined
    return verify


def xml_targets(path: Path) -> list[str]:
    from lxml import etree

    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    assert not [e for e in root.iter() if isinstance(e.tag, str) and etree.QName(e).localname in ("script", "img")]
    return ["".join(e.itertext()) for e in root.iter() if etree.QName(e).localname in ("target", "seg")]


def docx_targets(path: Path) -> list[str]:
    import docx

    with zipfile.ZipFile(path) as archive:
        assert b"<script" not in archive.read("word/document.xml")
    return [p.text for p in docx.Document(str(path)).paragraphs]


def csv_targets(path: Path) -> list[str]:
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    for row in rows:
        for cell in row.values():  # a spreadsheet would run these as formulas
            assert cell[:1] not in ("=", "+", "-", "@"), cell
    return [row["target"][1:] if row["target"][:1] == "'" else row["target"] for row in rows]


def xlsx_targets(path: Path) -> list[str]:
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    header = [cell.value for cell in next(sheet.iter_rows())]
    column = header.index("target")
    return [str(row[column].value or "").removeprefix("'") for row in sheet.iter_rows(min_row=2)]


def json_targets(path: Path) -> list[str]:
    return [unit["target"] for unit in json.loads(path.read_text("utf-8"))["units"]]
