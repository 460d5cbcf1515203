"""File format adapters, one module per format, all listed in registry.py; what every reader shares
(the size cap, refusing unreadable files) is here."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path, PurePath

from workbench.errors import UserError
from workbench.model import SourceText

DEFAULT_SIZE_CAP = 50 * 1024 * 1024
GLOSSARY_SIZE_CAP = 10 * 1024 * 1024  # a glossary is a table of terms: far smaller than a document


@dataclass(frozen=True, slots=True)
class FileInput:
    """What every reader takes: a file's bytes, and the name its messages give it (the path on the
    command line, the upload's own name in the app). A reader never opens a path itself, so an upload
    is read from memory, with no temporary file and no temporary folder to keep out of the messages."""

    name: str
    data: bytes

    @property
    def suffix(self) -> str:
        return PurePath(self.name).suffix.lower()

    @property
    def basename(self) -> str:
        return PurePath(self.name).name

    def stream(self) -> io.BytesIO:
        """The bytes as a file object, for libraries that read one (python-docx, openpyxl, zipfile)."""
        return io.BytesIO(self.data)


def input_name(source: str | Path | FileInput) -> str:
    """What messages and records call ``source``: its path, or an upload's own name."""
    return source.name if isinstance(source, FileInput) else str(source)


def file_input(source: str | Path | FileInput, size_cap: int) -> FileInput:
    """``source`` as a FileInput: a path is checked (see check_file) and read; given bytes are held to
    the same empty-file and size-cap rules, with the same messages."""
    if isinstance(source, FileInput):
        _check_size(source.name, len(source.data), size_cap)
        return source
    path = Path(source)
    check_file(path, size_cap)
    return FileInput(str(path), path.read_bytes())


def read_document(source: str | Path | FileInput, size_cap: int = DEFAULT_SIZE_CAP) -> SourceText:
    """Read a source or draft document, whatever its supported format."""
    # the registry imports every adapter, and adapters import file_input from here: so not at the top
    from workbench.formats.registry import DOCUMENT_SUFFIXES

    name = input_name(source)
    suffix = PurePath(name).suffix
    file_format = DOCUMENT_SUFFIXES.get(suffix.lower())
    if file_format is None:
        known = ", ".join(sorted(DOCUMENT_SUFFIXES))
        raise UserError(f"{name}: unsupported file type {suffix or '(none)'!r}; use one of {known}")
    return file_format.read_document(file_input(source, size_cap), size_cap)


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
    return _check_size(str(path), size, size_cap)


def _check_size(name: str, size: int, size_cap: int) -> int:
    if size == 0:
        raise UserError(f"{name}: the file is empty")
    if size > size_cap:
        # in MiB, as --max-size counts them, so "over the 50 MB size cap" matches the option's default
        raise UserError(f"{name}: {size / 2**20:.1f} MB is over the {round(size_cap / 2**20, 1):g} MB size cap")
    return size
