"""File format adapters, one module per format, all listed in registry.py; what every reader shares
(the size cap, refusing unreadable files) is here."""

from __future__ import annotations

from pathlib import Path

from workbench.errors import UserError
from workbench.model import SourceText

DEFAULT_SIZE_CAP = 50 * 1024 * 1024


def read_document(path: str | Path, size_cap: int = DEFAULT_SIZE_CAP) -> SourceText:
    """Read a source or draft document, whatever its supported format."""
    # the registry imports every adapter, and adapters import check_file from here: so not at the top
    from workbench.formats.registry import DOCUMENT_SUFFIXES

    path = Path(path)
    file_format = DOCUMENT_SUFFIXES.get(path.suffix.lower())
    if file_format is None:
        known = ", ".join(sorted(DOCUMENT_SUFFIXES))
        raise UserError(f"{path}: unsupported file type {path.suffix or '(none)'!r}; use one of {known}")
    check_file(path, size_cap)
    return file_format.read_document(path, size_cap)


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
