"""Glossary as CSV or TSV with the columns source,target,type,forbidden,note."""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path

from workbench.errors import UserError
from workbench.formats import GLOSSARY_SIZE_CAP, FileInput, file_input
from workbench.formats.txt import decode
from workbench.glossary import validate_rows
from workbench.model import Glossary

REQUIRED = ("source", "target")
COLUMNS = ("source", "target", "type", "forbidden", "note")
DEFAULT_CAP = GLOSSARY_SIZE_CAP
_LIMIT_LOCK = threading.Lock()


def read(source: str | Path | FileInput, size_cap: int = DEFAULT_CAP) -> Glossary:
    file = file_input(source, size_cap)
    text = decode(file.data, file.name)
    delimiter = "\t" if file.suffix == ".tsv" or "\t" in text.split("\n", 1)[0] else ","
    # csv's default 128 KB field limit would refuse the whole glossary for one huge cell; the file is already
    # capped, so let any cell through and let validate_rows report the row that holds it. The limit is
    # process-wide: it is only ever raised, never put back, so two readers at once (two sessions of the
    # app) cannot lower it under each other.
    with _LIMIT_LOCK:
        csv.field_size_limit(max(len(text), csv.field_size_limit()))
    try:
        rows = _rows(csv.DictReader(io.StringIO(text), delimiter=delimiter), file.name)
    except csv.Error as error:
        raise UserError(f"{file.name}: not a readable CSV file ({error})") from None
    terms, problems = validate_rows(rows)
    return Glossary(terms, file.basename, tuple(str(p) for p in problems))


def _rows(reader: csv.DictReader, path: str) -> list[tuple[int, dict[str, str]]]:
    """Rows numbered as a spreadsheet shows them (the header is row 1), after checking the header."""
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise UserError(f"{path}: glossary header lacks the column(s) {', '.join(missing)}; "
                        f"expected {','.join(COLUMNS)}")
    reader.fieldnames = header
    return [(number, row) for number, row in enumerate(reader, start=2)]


def render(glossary: Glossary, name: str = "glossary.csv") -> bytes:
    """CSV, or TSV when ``name`` ends in .tsv, exactly as typed (the release CSV export is the one
    neutralised against spreadsheet formulas; a glossary file is read back by the workbench)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter="\t" if name.lower().endswith(".tsv") else ",")
    writer.writerow(COLUMNS)
    for term in glossary.terms:
        writer.writerow([term.source, term.target, term.type, ";".join(term.forbidden), term.note])
    return buffer.getvalue().encode("utf-8")
