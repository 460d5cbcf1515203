"""Reading .docx: paragraphs and table cells in reading order; damaged files refused."""

from __future__ import annotations

import zipfile

import docx
import pytest

from workbench.errors import UserError
from workbench.formats import read_document


def make_docx(path):
    document = docx.Document()
    document.add_paragraph("五征集团与中国移动签署5G战略合作协议")
    document.add_paragraph("")
    document.add_paragraph("12月12日上午，签约仪式举行。蒋卫东出席。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "表头甲"
    table.cell(0, 1).text = "表头乙"
    table.cell(1, 0).text = "一行一列"
    table.cell(1, 1).text = "一行二列"
    document.add_paragraph("最后一段。")
    document.save(path)
    return path


def test_paragraphs_and_table_cells_in_reading_order(tmp_path):
    document = read_document(make_docx(tmp_path / "source.docx"))
    assert document.paragraph_texts() == [
        "五征集团与中国移动签署5G战略合作协议",
        "12月12日上午，签约仪式举行。蒋卫东出席。",
        "表头甲", "表头乙", "一行一列", "一行二列",
        "最后一段。",
    ]


def test_truncated_docx(tmp_path):
    good = make_docx(tmp_path / "good.docx").read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(UserError, match="truncated.docx.*corrupt"):
        read_document(path)


def test_text_file_named_docx(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_text("not a word file", encoding="utf-8")
    with pytest.raises(UserError, match="fake.docx"):
        read_document(path)


def test_zip_without_a_document(tmp_path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(UserError, match="no word/document.xml"):
        read_document(path)


def test_zip_bomb_is_refused_without_inflating(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w/>")
        archive.writestr("word/padding.xml", b"\0" * (60 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(UserError, match="zip bomb"):
        read_document(path, size_cap=2 * 1024 * 1024)


def test_corrupt_document_xml(tmp_path):
    path = tmp_path / "broken.docx"
    good = make_docx(tmp_path / "good.docx")
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[:200]
            target.writestr(item, data)
    with pytest.raises(UserError, match="broken.docx"):
        read_document(path)
