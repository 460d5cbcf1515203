"""The base every file-format test class inherits (translate-toolkit's tests/translate/storage/test_base.py pattern).

A family contract (glossaries, release exports) subclasses FormatContract with its own round trips; each format's
test class subclasses that and only says how to write and read its files, so a new format gets every test at once.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from workbench.errors import UserError


def one_line_naming(error: pytest.ExceptionInfo, path: Path) -> str:
    """A refusal a translator can act on: one line that names their file."""
    message = str(error.value)
    assert path.name in message and "\n" not in message
    return message


def refused_quickly(read, path: Path, phrase: str, **options) -> str:
    """A corrupt or hostile file is refused in one line naming it, within 2 s: no bomb inflated, no entity expanded."""
    started = time.perf_counter()
    with pytest.raises(UserError, match=phrase) as error:
        read(path, **options)
    assert time.perf_counter() - started < 2
    return one_line_naming(error, path)


def zip_file(path: Path, members: dict[str, bytes]) -> Path:
    """A zip with exactly these members: the raw material of corrupt and hostile .docx/.xlsx files."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


class FormatContract:
    """What every reader must do with a file it cannot or must not read: refuse it in one line naming the file."""

    suffix = ""

    def sample(self):
        """A value to write that is big enough to pass a 100-byte size cap."""
        raise NotImplementedError

    def write(self, value, path: Path) -> None:
        raise NotImplementedError

    def read(self, path: Path, **options):
        raise NotImplementedError

    def test_missing_file(self, tmp_path):
        path = tmp_path / f"absent{self.suffix}"
        with pytest.raises(UserError, match="no such file") as error:
            self.read(path)
        one_line_naming(error, path)

    def test_empty_file(self, tmp_path):
        path = tmp_path / f"empty{self.suffix}"
        path.write_bytes(b"")
        with pytest.raises(UserError, match="empty") as error:
            self.read(path)
        one_line_naming(error, path)

    def test_file_over_the_size_cap(self, tmp_path):
        path = tmp_path / f"big{self.suffix}"
        self.write(self.sample(), path)
        with pytest.raises(UserError, match="size cap") as error:
            self.read(path, size_cap=100)
        one_line_naming(error, path)

    def test_binary_file_is_refused(self, tmp_path):
        path = tmp_path / f"binary{self.suffix}"
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
        with pytest.raises(UserError) as error:
            self.read(path)
        one_line_naming(error, path)
