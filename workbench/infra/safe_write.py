"""Writing output files atomically: a temporary file in the same folder, then a rename.

On Linux the temporary file has no name while it is written (O_TMPFILE): a process killed in the middle
(SIGKILL, power loss) leaves neither a partial output nor a stray temporary file. It is given a name only
once its bytes are on disk, just before the rename. Elsewhere a named temporary file is used.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

from workbench.errors import UserError
from workbench.infra.pause import pause_point


def _open_unnamed(folder: Path) -> int | None:
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None:
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o666)
    except OSError:  # a filesystem without O_TMPFILE
        return None


def _name_unnamed(handle: int, name: str) -> None:
    """linkat(2) with AT_SYMLINK_FOLLOW on /proc/self/fd/N, as open(2) documents for O_TMPFILE; through
    ctypes because os.link of CPython before 3.14 calls link(2), which does not follow that link."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    at_fdcwd, at_symlink_follow = -100, 0x400
    if libc.linkat(at_fdcwd, f"/proc/self/fd/{handle}".encode(), at_fdcwd, os.fsencode(name), at_symlink_follow):
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number), name)


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """A crash leaves the old file or the new one, never half of one."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise UserError(f"{path}: the folder {folder} does not exist")
    handle, temporary = _open_unnamed(folder), None
    try:
        if handle is None:
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            pause_point("write-before-rename")
            if temporary is None:
                temporary = str(folder / f".{path.name}.{secrets.token_hex(6)}.tmp")
                _name_unnamed(stream.fileno(), temporary)
        os.replace(temporary, path)
    except OSError as error:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        raise UserError(f"{path}: cannot write ({error.strerror})") from None
    except BaseException:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        raise


def write_text_atomically(path: Path, text: str) -> None:
    write_bytes_atomically(path, text.encode("utf-8"))
