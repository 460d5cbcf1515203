"""One guard for the zip packages the workbench reads (.docx, .xlsx): refuse what is not the expected
package, and packages that would unpack past a limit, before any parser sees them.

zipfile stops inflating a member at its declared size, so the declared sizes bound the work; the limit
is a multiple of the file's own size (a 1 MB workbook may unpack to 20 MB, not to 1 GB) and never more
than 2 GiB.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

from workbench.errors import UserError
from workbench.formats import FileInput

MAX_INFLATE_FACTOR = 20
MAX_INFLATED_BYTES = 2 * 1024**3
# what openpyxl and pandas raise on a damaged workbook that passed the guard
XLSX_READ_ERRORS = (KeyError, ValueError, TypeError, IndexError, EOFError, zipfile.BadZipFile, zlib.error, ParseError)


@dataclass(frozen=True, slots=True)
class PackageKind:
    """What a package of one kind must hold, and how a refusal names the kind."""

    required_part: str
    not_a_zip: str  # after "{path}: " when the file is no readable zip
    without_part: str  # after "{path}: " when the required part is missing


WORD = PackageKind("word/document.xml", "not a Word .docx file (corrupt or truncated zip)",
                   "not a Word .docx file (no word/document.xml)")
EXCEL = PackageKind("xl/workbook.xml",
                    "not an .xlsx workbook (corrupt or truncated, an old .xls, or password-protected); "
                    "save it from Excel as .xlsx without a password",
                    "not an .xlsx workbook (the package has no xl/workbook.xml)")


def check_package(file: FileInput, size_cap: int, kind: PackageKind) -> None:
    """Raise a one-line UserError unless ``file`` is a zip of this kind that unpacks within the limit."""
    path = file.name
    try:
        with zipfile.ZipFile(file.stream()) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise UserError(f"{path}: {kind.not_a_zip}") from None
    if kind.required_part not in {member.filename for member in members}:
        raise UserError(f"{path}: {kind.without_part}")
    inflated = sum(member.file_size for member in members)
    limit = min(max(size_cap, 1) * MAX_INFLATE_FACTOR, MAX_INFLATED_BYTES)
    if inflated > limit:
        raise UserError(f"{path}: unpacks to {inflated / 1e6:.0f} MB, over the {limit / 1e6:.0f} MB limit; "
                        f"refusing a likely zip bomb")
