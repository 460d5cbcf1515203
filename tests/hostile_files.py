"""Makers of hostile input files for tests/test_hostile.py: each writes its file(s) into a folder at test time.

Small fixed attacks live in tests/hostile/; everything large (zip bombs, 100 MB, 100k entries) or built from the
sample is made here, so no big file is ever committed.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

from tests.conftest import SAMPLE

HOSTILE = Path(__file__).parent / "hostile"
SOURCE_TEXT = (SAMPLE / "source.zh.txt").read_text("utf-8")
DRAFT_TEXT = (SAMPLE / "draft.en.txt").read_text("utf-8")
BOMB_BYTES = 1_100_000_000  # inflated size of the zip bombs: past the 1 GB (20 x 50 MB) limit
RTL_AND_ZERO_WIDTH = "\u202eevil\u202c \u200bzero\u200dwidth\ufeff \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627"
SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)> [link](javascript:alert(1)) :red[boo] **b**'
FORMULAS = ("=HYPERLINK(\"http://evil.example/\",\"click\")", "@SUM(1+1)*cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0")
ENTITY = "root:x:0:0"  # what /etc/passwd starts with: must never reach the store or stdout


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def copy_hostile(name: str, as_name: str | None = None):
    """A committed file from tests/hostile/."""
    return lambda folder, url: shutil.copyfile(HOSTILE / name, folder / (as_name or name))


def zip_bytes(members: dict[str, bytes], level: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", level) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_members(paragraphs: list[str], table: list[tuple[str, str]] | None = None) -> dict[str, bytes]:
    """The parts of a real .docx that python-docx writes, so a case can change one of them."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=0, cols=2)
        for row in table:
            cells = grid.add_row().cells
            cells[0].text, cells[1].text = row
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def sample_docx(folder: Path, name: str = "source.docx", language: str = "zh") -> Path:
    text = SOURCE_TEXT if language == "zh" else DRAFT_TEXT
    return write(folder, name, zip_bytes(docx_members([p for p in text.split("\n") if p.strip()])))


def truncated_docx(folder, url):
    data = zip_bytes(docx_members([p for p in SOURCE_TEXT.split("\n") if p.strip()]))
    write(folder, "source.docx", data[: len(data) // 2])


def docx_with_document_xml(xml: bytes, name: str = "source.docx"):
    def make(folder, url):
        members = docx_members(["占位"])
        members["word/document.xml"] = xml.replace(b"{url}", url.encode())
        write(folder, name, zip_bytes(members))
    return make


WORD = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def document_xml(body: bytes, doctype: bytes = b"") -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + doctype
            + b"<w:document " + WORD + b"><w:body>" + body + b"</w:body></w:document>")


def para(text: bytes) -> bytes:
    return b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>"


def docx_external_relationships(folder, url):
    """An attachedTemplate and a linked image, both TargetMode="External", pointing at the canary server."""
    members = docx_members([p for p in SOURCE_TEXT.split("\n") if p.strip()])
    members["word/_rels/settings.xml.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/attachedTemplate" Target="' + url.encode() + b'/template.dotm" TargetMode="External"/>'
        b'</Relationships>')
    members["word/settings.xml"] = members["word/settings.xml"].replace(
        b"</w:settings>", b'<w:attachedTemplate xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                          b'relationships" r:id="rIdT"/></w:settings>')
    members["word/_rels/document.xml.rels"] = members["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/'
                             b'2006/relationships/image" Target="' + url.encode() + b'/image.png" '
                             b'TargetMode="External"/></Relationships>')
    write(folder, "source.docx", zip_bytes(members))


def bomb(folder: Path, name: str, members: dict[str, bytes]) -> None:
    """A zip whose filler member inflates to BOMB_BYTES of zeros from about 5 MB (deflate level 1 is fast)."""
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
        info = zipfile.ZipInfo("word/media/filler.bin" if name.endswith(".docx") else "xl/media/filler.bin")
        info.compress_type = zipfile.ZIP_DEFLATED
        info._compresslevel = 1
        with archive.open(info, "w", force_zip64=True) as stream:
            chunk = bytes(64 << 20)
            for _ in range(BOMB_BYTES // len(chunk)):
                stream.write(chunk)
            stream.write(bytes(BOMB_BYTES % len(chunk)))


def docx_bomb(folder, url):
    bomb(folder, "source.docx", docx_members(["五征集团签约。"]))


def xlsx_bomb(folder, url):
    bomb(folder, "glossary.xlsx", {"xl/workbook.xml": b"<workbook/>", "[Content_Types].xml": b"<Types/>"})


def bilingual_docx(rows: list[tuple[str, str]]):
    def make(folder, url):
        write(folder, "bilingual.docx", zip_bytes(docx_members([], [("Chinese", "English"), *rows])))
    return make


def text_file(name: str, data: bytes):
    return lambda folder, url: write(folder, name, data)


def encoded(name: str, text: str, encoding: str):
    return text_file(name, text.encode(encoding))


def invalid_utf8(folder, url):
    """The sample draft in UTF-8 with three stray bytes from a broken copy and paste."""
    data = DRAFT_TEXT.encode("utf-8")
    middle = len(data) // 2
    write(folder, "draft.txt", data[:middle] + b"\xff\xfe\xc3" + data[middle:])


def hundred_megabytes(folder, url):
    path = folder / "source.txt"
    line = ("五征集团与中国移动签署5G战略合作协议。" * 50 + "\n\n").encode("utf-8")
    with path.open("wb") as stream:
        for _ in range(100 * 1024 * 1024 // len(line) + 1):
            stream.write(line)


def xml_file(name: str, text: str):
    return lambda folder, url: write(folder, name, text.replace("{url}", url).encode("utf-8"))


XLIFF_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
              'version="2.0" srcLang="zh-CN" trgLang="en-US"><file id="f1"><unit id="1"><segment>'
              '<source>五征集团签约。</source><target>{target}</target></segment></unit></file></xliff>')
TMX_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<tmx version="1.4"><header creationtool="x" '
            'creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="zh-CN" '
            'o-tmf="x"/><body><tu tuid="1"><tuv xml:lang="zh-CN"><seg>五征集团签约。</seg></tuv>'
            '<tuv xml:lang="en-US"><seg>{target}</seg></tuv></tu></body></tmx>')
LAUGHS = ("<!DOCTYPE {root} [<!ENTITY a \"hahahahahahahahahaha\">" + "".join(
    f"<!ENTITY {chr(98 + i)} \"{('&' + chr(97 + i) + ';') * 10}\">" for i in range(9)) + "]>\n")
PARAMETER = '<!DOCTYPE {root} [<!ENTITY % remote SYSTEM "{url}/evil.dtd"> %remote;]>\n'
EXTERNAL_DTD = '<!DOCTYPE {root} SYSTEM "{url}/evil.dtd">\n'
XXE = '<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'


def xliff(doctype: str = "", target: str = "Wuzheng signed.") -> str:
    return XLIFF_HEAD.format(doctype=doctype.replace("{root}", "xliff"), target=target)


def tmx(doctype: str = "", target: str = "Wuzheng signed.") -> str:
    return TMX_HEAD.format(doctype=doctype.replace("{root}", "tmx"), target=target)


def tbx_entries(count: int):
    """A TBX 2008 glossary with ``count`` distinct entries, written compactly."""
    def make(folder, url):
        with (folder / "glossary.tbx").open("w", encoding="utf-8") as stream:
            stream.write('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en">'
                         '<text><body>')
            for number in range(count):
                stream.write(f'<termEntry><langSet xml:lang="zh"><tig><term>术语{number}</term></tig></langSet>'
                             f'<langSet xml:lang="en"><tig><term>term {number}</term></tig></langSet></termEntry>')
            stream.write("</body></text></martif>")
    return make


def glossary_rows(rows: list[str]):
    return lambda folder, url: write(folder, "glossary.csv", ("\n".join(["source,target,type,forbidden,note", *rows])
                                                              + "\n").encode("utf-8"))


def many_glossary_rows(count: int):
    return glossary_rows([f"词条{number},entry {number},term,," for number in range(count)])


def symlink_loop(folder, url):
    os.symlink(folder / "b.txt", folder / "a.txt")
    os.symlink(folder / "a.txt", folder / "b.txt")


def fifo(folder, url):
    os.mkfifo(folder / "pipe.txt")


def device(folder, url):
    os.symlink("/dev/zero", folder / "zero.txt")


def directory(folder, url):
    (folder / "folder.txt").mkdir()


def unicode_paths(folder, url):
    inner = folder / "新 闻 稿 (final) — 草稿"
    inner.mkdir()
    shutil.copyfile(SAMPLE / "source.zh.txt", inner / "五征 新闻稿.zh.txt")
    shutil.copyfile(SAMPLE / "draft.en.txt", inner / "draft (v2) — final.txt")


def lines_pair(source_lines: list[str], target_lines: list[str]):
    def make(folder, url):
        write(folder, "source.txt", "\n".join(source_lines).encode("utf-8"))
        write(folder, "draft.txt", "\n".join(target_lines).encode("utf-8"))
    return make


def both(*makers):
    def make(folder, url):
        for maker in makers:
            maker(folder, url)
    return make
