"""Word documents through python-docx: body paragraphs and table cells in reading order."""

from __future__ import annotations

import zipfile
from pathlib import Path

from workbench.errors import UserError
from workbench.formats import DEFAULT_SIZE_CAP, FileInput, file_input
from workbench.formats.zip_guard import WORD, check_package
from workbench.model import SourceText, Span


def read(source: str | Path | FileInput, size_cap: int = DEFAULT_SIZE_CAP) -> SourceText:
    file = file_input(source, size_cap)
    check_package(file, size_cap, WORD)
    document = open_docx(file)
    paragraphs = [text for text in _blocks_in_reading_order(document) if text.strip()]
    if not paragraphs:
        raise UserError(f"{file.name}: the document has no text")
    return join_paragraphs(paragraphs, file.basename)


def open_docx(file: FileInput):
    """python-docx's Document, or one UserError line for a damaged or wrong file."""
    import docx  # python-docx; imported late because it is slow to import
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(file.stream())
    except PackageNotFoundError:
        raise UserError(f"{file.name}: not a Word .docx file (corrupt or wrong type)") from None
    except (KeyError, ValueError, zipfile.BadZipFile) as error:
        raise UserError(f"{file.name}: corrupt .docx ({error.__class__.__name__}: {error})") from None
    except Exception as error:  # lxml errors inside a damaged package
        if error.__class__.__module__.startswith(("lxml", "docx", "zipfile")):
            raise UserError(f"{file.name}: corrupt .docx ({error.__class__.__name__})") from None
        raise


def join_paragraphs(paragraphs: list[str], name: str) -> SourceText:
    """Lay paragraphs out as text separated by blank lines, keeping each paragraph's span."""
    spans = []
    parts = []
    position = 0
    for text in paragraphs:
        text = text.strip()
        spans.append(Span(position, position + len(text)))
        parts.append(text)
        position += len(text) + 2
    return SourceText(text="\n\n".join(parts), paragraphs=tuple(spans), name=name)


def _blocks_in_reading_order(document):
    """Yield the text of body paragraphs and of table cells in the order they appear."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            yield from _table_cells(block)


def _table_cells(table):
    seen = set()  # the elements themselves, kept alive, so identity is reliable
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:  # merged cells repeat the same element
                continue
            seen.add(cell._tc)
            for paragraph in cell.paragraphs:
                yield paragraph.text
            for inner in cell.tables:
                yield from _table_cells(inner)
