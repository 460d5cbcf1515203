"""One table of formats (workbench/formats/registry.py): every export the command line and the Release
page offer renders bytes of the kind its suffix and media type promise."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from lxml import etree

from workbench.cli.main import EXPORT_FORMATS
from workbench.errors import UserError
from workbench.formats import DEFAULT_SIZE_CAP, FileInput
from workbench.formats.registry import BY_NAME, FORMATS, GLOSSARY_SUFFIXES, PAIR_SUFFIXES, RELEASE_FORMATS
from workbench.model import Glossary, Term
from workbench.release.model import ExportProject, ExportUnit

PROJECT = ExportProject("p", (ExportUnit("1", "d", 0, "五征集团签约。", "Wuzheng signed.", "approved"),))


def is_zip_with(member: str):
    return lambda data: member in zipfile.ZipFile(io.BytesIO(data)).namelist()


def is_xml_named(root: str):
    return lambda data: etree.fromstring(data).tag.split("}")[-1] == root


# media type -> what bytes of that type must be
KINDS = {
    "text/plain; charset=utf-8": lambda data: data.decode("utf-8").strip() == "Wuzheng signed.",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": is_zip_with("word/document.xml"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": is_zip_with("xl/workbook.xml"),
    "application/xliff+xml": is_xml_named("xliff"),
    "application/x-tmx+xml": is_xml_named("tmx"),
    "application/x-tbx+xml": lambda data: etree.fromstring(data).tag.split("}")[-1] in ("tbx", "martif"),
    "text/csv; charset=utf-8": lambda data: data.decode("utf-8-sig").splitlines()[0].startswith(("id,", "source,")),
    "text/tab-separated-values; charset=utf-8": lambda data: data.decode("utf-8").startswith("source\t"),
    "application/json": lambda data: isinstance(json.loads(data), dict),
}


def test_the_command_line_offers_exactly_the_registrys_exports():
    assert list(EXPORT_FORMATS) == [*RELEASE_FORMATS, "tbx"]


@pytest.mark.parametrize("name", list(RELEASE_FORMATS))
def test_each_release_format_renders_what_its_media_type_says(name):
    file_format = RELEASE_FORMATS[name]
    assert KINDS[file_format.media_type](file_format.render_release(PROJECT, f"release{file_format.suffix}"))


@pytest.mark.parametrize("name", [f.name for f in FORMATS if f.render_glossary])
def test_each_glossary_format_renders_what_its_media_type_says_and_reads_back(name, tmp_path):
    file_format = BY_NAME[name]
    glossary = Glossary((Term("五征集团", "Wuzheng Group", "organization"),), "g")
    path = tmp_path / f"glossary{file_format.suffix}"
    path.write_bytes(file_format.render_glossary(glossary, path.name))
    assert KINDS[file_format.media_type](path.read_bytes())
    assert GLOSSARY_SUFFIXES[file_format.suffix].read_glossary(path).terms == glossary.terms


def test_a_format_name_and_suffix_are_unambiguous_per_role():
    assert len(BY_NAME) == len(FORMATS)
    assert set(PAIR_SUFFIXES) == {".xlf", ".xliff", ".tmx", ".docx"}
    assert set(GLOSSARY_SUFFIXES) == {".csv", ".tsv", ".xlsx", ".tbx"}


def _readers():
    """(format name, role, the reader, bytes of a file of that format) for every reader in the table."""
    glossary = Glossary((Term("五征集团", "Wuzheng Group", "organization"),), "g")
    for f in FORMATS:
        suffix = f.suffix
        if f.read_document:
            yield f.name, "document", f.read_document, f.render_release(PROJECT, "d" + suffix)
        if f.read_pairs:
            data = f.render_release(PROJECT, "p" + suffix) if f.name != "docx" else BY_NAME["docx-bilingual"].render_release(PROJECT, "p.docx")
            yield f.name, "pairs", f.read_pairs, data
        if f.read_glossary:
            yield f.name, "glossary", f.read_glossary, f.render_glossary(glossary, "g" + suffix)


READERS = list(_readers())


@pytest.mark.parametrize("name, role, reader, data", READERS, ids=[f"{r[0]}-{r[1]}" for r in READERS])
def test_every_reader_reads_an_upload_from_memory_as_it_reads_the_file(name, role, reader, data, tmp_path):
    """Readers take bytes: an upload is read with no temporary file, gives what the same file on disk
    gives, and is named in messages by the name it was uploaded under."""
    suffix = BY_NAME[name].suffix
    path = tmp_path / f"upload{suffix}"
    path.write_bytes(data)
    from_disk = reader(path, DEFAULT_SIZE_CAP)
    assert reader(FileInput(f"upload{suffix}", data), DEFAULT_SIZE_CAP) == from_disk
    with pytest.raises(UserError, match=rf"^upload\{suffix}: the file is empty$"):
        reader(FileInput(f"upload{suffix}", b""), DEFAULT_SIZE_CAP)
    with pytest.raises(UserError, match=rf"^upload\{suffix}: .* MB is over the .* MB size cap$"):
        reader(FileInput(f"upload{suffix}", data), len(data) - 1)


@pytest.mark.parametrize("name, role, reader, data", READERS, ids=[f"{r[0]}-{r[1]}" for r in READERS])
def test_a_damaged_upload_is_one_line_naming_the_upload(name, role, reader, data):
    suffix = BY_NAME[name].suffix
    damaged = data[: len(data) // 2]
    try:
        reader(FileInput(f"minutes{suffix}", damaged), DEFAULT_SIZE_CAP)
    except UserError as error:
        assert str(error).startswith(f"minutes{suffix}: ") and "\n" not in str(error)
    else:  # a text format cut in half can still be read; then the reader must not have met a damaged file
        assert suffix in (".txt", ".csv", ".tsv")
