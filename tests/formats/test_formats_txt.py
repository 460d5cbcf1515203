"""Reading text documents: encodings detected, paragraphs kept, bad input refused with one line."""

from __future__ import annotations

import codecs

import pytest

from workbench.errors import UserError
from workbench.formats import read_document

ZH = "五征集团与中国移动签署5G战略合作协议。\n\n12月12日上午，签约仪式在五征会展中心举行。蒋卫东出席。"
EN = "Wuzheng Group signed a 5G deal.\n\nJiang Weidong said: “Good.” He left."

ENCODINGS = [
    ("utf-8", ZH, lambda t: t.encode("utf-8")),
    ("utf-8 with BOM", ZH, lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
    ("utf-16 LE with BOM", ZH, lambda t: t.encode("utf-16")),
    ("utf-16 BE with BOM", ZH, lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
    ("utf-16 LE without BOM", ZH, lambda t: t.encode("utf-16-le")),
    ("utf-16 BE without BOM", ZH, lambda t: t.encode("utf-16-be")),
    ("gb18030", ZH, lambda t: t.encode("gb18030")),
    ("gbk", ZH, lambda t: t.encode("gbk")),
    ("english utf-16 LE without BOM", EN, lambda t: t.encode("utf-16-le")),
    ("english utf-8", EN, lambda t: t.encode("utf-8")),
    ("windows line ends", ZH, lambda t: t.replace("\n", "\r\n").encode("utf-8")),
]


@pytest.mark.parametrize("name,text,encode", ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_encodings_are_detected(tmp_path, name, text, encode):
    path = tmp_path / "doc.txt"
    path.write_bytes(encode(text))
    document = read_document(path)
    assert document.text == text
    assert len(document.paragraphs) == 2


def test_short_gbk_is_not_mistaken_for_big5(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("你好，世界".encode("gbk"))
    assert read_document(path).text == "你好，世界"


def test_one_paragraph_per_line_when_there_are_no_blank_lines(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("第一段。\n第二段。\n第三段。\n", encoding="utf-8")
    document = read_document(path)
    assert document.paragraph_texts() == ["第一段。", "第二段。", "第三段。"]


BAD = [
    ("empty", b"", "empty"),
    ("only whitespace", b"  \n\n ", "empty"),
    ("binary", bytes(range(256)) * 64, "binary"),
    ("nul bytes in ascii", b"hello\x00world\x00" * 50, "NUL"),
    ("undecodable bytes", b"Wuzheng \xff\xfe\xfa\xfb\xfc group " * 20, "not readable"),
    ("png named .txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
]


@pytest.mark.parametrize("name,data,words", BAD, ids=[b[0] for b in BAD])
def test_bad_text_is_refused_with_a_message_naming_the_file(tmp_path, name, data, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(UserError) as error:
        read_document(path)
    assert str(path) in str(error.value)
    assert words.lower() in str(error.value).lower()
    assert "\n" not in str(error.value)


def test_size_cap(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("五征集团。" * 1000, encoding="utf-8")
    with pytest.raises(UserError, match="size cap"):
        read_document(path, size_cap=1000)
    assert read_document(path).text.startswith("五征集团")


@pytest.mark.parametrize("name", ["missing.txt", "folder.txt", "draft.pdf"])
def test_missing_folder_and_unknown_type(tmp_path, name):
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "draft.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(UserError) as error:
        read_document(tmp_path / name)
    assert name in str(error.value)
