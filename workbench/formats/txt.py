"""Plain text: encoding detected by charset-normalizer among the encodings Chinese text really uses."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from workbench.errors import UserError
from workbench.formats import DEFAULT_SIZE_CAP, FileInput, file_input
from workbench.model import SourceText
from workbench.text.paragraphs import paragraph_spans

# big5 is left out on purpose: short GBK text is otherwise mistaken for it.
CANDIDATE_ENCODINGS = ["utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "gb18030"]
# A UTF-8 file with at most this many undecodable bytes is reported by the first one's position.
MAX_STRAY_BYTES = 16
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)


def decode(data: bytes, name: str) -> str:
    """Decode bytes of a text document, or raise UserError naming the problem."""
    if not data.strip():
        raise UserError(f"{name}: the file is empty")
    text = _decode_by_bom(data, name)
    if text is None:
        best = from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
        if best is None:
            raise _undecodable(data, name)
        text = str(best)
    if "\x00" in text:
        raise UserError(f"{name}: contains NUL bytes; this looks like a binary file, not text")
    controls = _controls(text)
    if controls > max(2, len(text) // 100):
        raise UserError(f"{name}: contains {controls} control characters; this looks like a binary file")
    if not text.strip():
        raise UserError(f"{name}: the file is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _undecodable(data: bytes, name: str) -> UserError:
    """Point at the first bad byte when the file is UTF-8 but for a few stray bytes (a broken copy and paste),
    so the translator can find and fix it; anything else is called binary or undecodable."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        text = data.decode("utf-8", "replace")
        if text.count("\ufffd") <= MAX_STRAY_BYTES and "\x00" not in text and _controls(text) <= len(text) // 100:
            line = data.count(b"\n", 0, error.start) + 1
            return UserError(f"{name}: not valid UTF-8 at byte {error.start} (line {line}): "
                             f"{data[error.start:error.end + 2]!r}; fix or delete those bytes and save as UTF-8")
    return UserError(f"{name}: not readable as UTF-8, UTF-16 or GB18030 text (binary file or undecodable bytes)")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # control characters other than \t \n \v \f \r


def _controls(text: str) -> int:
    return sum(1 for _ in _CONTROL.finditer(text))


def _decode_by_bom(data: bytes, name: str) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError as error:
                raise UserError(f"{name}: invalid {encoding} at byte {error.start} despite its byte-order mark") from None
    return None


def read(source: str | Path | FileInput, size_cap: int = DEFAULT_SIZE_CAP) -> SourceText:
    file = file_input(source, size_cap)
    text = decode(file.data, file.name)
    return SourceText(text=text, paragraphs=paragraph_spans(text), name=file.basename)
