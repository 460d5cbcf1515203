"""Every file format the workbench reads or writes, in one table: its name, file suffixes, media type,
and the adapters that read it or render it.

Adapters have one shape per role: readers take a file's bytes (``formats.FileInput``: the bytes and
the name messages give it; a path is read into one first) and give values (a document's text, a
glossary, bilingual pairs); writers take values and give the file's bytes. The caller reads the file
or takes the upload, and writes the bytes (atomically, workbench/infra/safe_write.py) or offers them
for download, so no adapter touches the disk and no front end round-trips through a temporary file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workbench.errors import UserError
from workbench.formats import (docx_text, glossary_csv, glossary_xlsx, release_csv, release_docx, release_json,
                               release_txt, tbx, tmx, txt, xliff)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True, slots=True)
class FileFormat:
    """One format and what the workbench does with it; a role it lacks is None."""

    name: str  # as `workbench export --format` and the Release page name it
    suffixes: tuple[str, ...]  # the first is the one an export is saved with
    media_type: str
    description: str
    read_document: Callable | None = None  # (FileInput, size cap) -> SourceText: a source or a draft
    read_pairs: Callable | None = None  # (FileInput, size cap) -> [ExportUnit]: a bilingual file, not aligned
    read_glossary: Callable | None = None  # (FileInput, size cap) -> Glossary
    render_glossary: Callable | None = None  # (Glossary, name) -> bytes
    render_release: Callable | None = None  # (ExportProject, name) -> bytes; name is for error messages
    # a release format with no place for a segment's status (plain text, a Word document): an unapproved
    # segment included on request is marked in its text, "[draft] …", so the file says what is not approved
    marks_status_in_text: bool = False

    @property
    def suffix(self) -> str:
        return self.suffixes[0]


FORMATS: tuple[FileFormat, ...] = (
    FileFormat("txt", (".txt",), "text/plain; charset=utf-8", "the final English, original paragraphs",
               read_document=txt.read, render_release=release_txt.render, marks_status_in_text=True),
    FileFormat("docx", (".docx",), DOCX, "one Word paragraph per source paragraph",
               read_document=docx_text.read, read_pairs=release_docx.read_bilingual,
               render_release=release_docx.render, marks_status_in_text=True),
    FileFormat("docx-bilingual", (".docx",), DOCX, "a Word table # / Chinese / English / Status",
               render_release=release_docx.render_bilingual),
    FileFormat("xliff", (".xlf", ".xliff"), "application/xliff+xml", "XLIFF 2.0",
               read_pairs=xliff.read, render_release=xliff.render_xliff20),
    FileFormat("xliff12", (".xlf", ".xliff"), "application/xliff+xml", "XLIFF 1.2",
               render_release=xliff.render_xliff12),
    FileFormat("tmx", (".tmx",), "application/x-tmx+xml", "TMX 1.4b",
               read_pairs=tmx.read, render_release=tmx.render),
    FileFormat("csv", (".csv",), "text/csv; charset=utf-8", "a row per segment (UTF-8 with BOM)",
               read_glossary=glossary_csv.read, render_glossary=glossary_csv.render,
               render_release=release_csv.render_csv),
    FileFormat("tsv", (".tsv",), "text/tab-separated-values; charset=utf-8", "a glossary, tab-separated",
               read_glossary=glossary_csv.read, render_glossary=glossary_csv.render),
    FileFormat("xlsx", (".xlsx",), XLSX, "a sheet with a row per segment",
               read_glossary=glossary_xlsx.read, render_glossary=glossary_xlsx.render,
               render_release=release_csv.render_xlsx),
    FileFormat("json", (".json",), "application/json", "the whole project (docs/json-schema.md)",
               render_release=release_json.render),
    FileFormat("tbx", (".tbx",), "application/x-tbx+xml", "the glossary, TBX v3 (ISO 30042)",
               read_glossary=tbx.read, render_glossary=tbx.render),
)

BY_NAME = {f.name: f for f in FORMATS}
RELEASE_FORMATS = {f.name: f for f in FORMATS if f.render_release is not None}


def release_format(name: str) -> FileFormat:
    found = RELEASE_FORMATS.get(name)
    if found is None:
        raise UserError(f"unknown export format {name!r}; use one of {', '.join(sorted(RELEASE_FORMATS) + ['tbx'])}")
    return found


def _by_suffix(role: str) -> dict[str, FileFormat]:
    table: dict[str, FileFormat] = {}
    for file_format in FORMATS:
        if getattr(file_format, role) is not None:
            for suffix in file_format.suffixes:
                table.setdefault(suffix, file_format)
    return table


DOCUMENT_SUFFIXES = _by_suffix("read_document")
PAIR_SUFFIXES = _by_suffix("read_pairs")
GLOSSARY_SUFFIXES = _by_suffix("read_glossary")
