"""File format adapters; the registry maps a file suffix to the adapter that reads it."""

from __future__ import annotations

from pathlib import Path

from workbench.errors import UserError
from workbench.formats import docx_text, txt
from workbench.model import SourceText

DEFAULT_SIZE_CAP = 50 * 1024 * 1024

# suffix -> module with read(path, size_cap) -> SourceText
READERS = {
    ".txt": txt,
    ".docx": docx_text,
}


def read_document(path: str | Path, size_cap: int = DEFAULT_SIZE_CAP) -> SourceText:
    """Read a source or draft document, whatever its supported format."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise UserError(f"{path}: unsupported file type {path.suffix or '(none)'!r}; use one of {known}")
    check_file(path, size_cap)
    return reader.read(path, size_cap)


def check_file(path: Path, size_cap: int) -> int:
    """Refuse missing, non-regular, empty and oversized files before reading them."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except OSError as error:
        raise UserError(f"{path}: cannot read ({error.strerror})") from None
    if not path.is_file():
        raise UserError(f"{path}: not a regular file")
    if size == 0:
        raise UserError(f"{path}: the file is empty")
    if size > size_cap:
        # in MiB, as --max-size counts them, so "over the 50 MB size cap" matches the option's default
        raise UserError(f"{path}: {size / 2**20:.1f} MB is over the {round(size_cap / 2**20, 1):g} MB size cap")
    return size
