"""Bilingual input that needs no alignment: XLIFF, TMX and two-column .docx tables."""

from __future__ import annotations

from pathlib import Path

from workbench.align import Alignment
from workbench.align.dp import AlignParams
from workbench.errors import UserError
from workbench.formats import DEFAULT_SIZE_CAP, check_file
from workbench.formats.registry import PAIR_SUFFIXES
from workbench.model import Pair
from workbench.release.model import ExportUnit

# the aligner a bilingual file's pairs are signed with: none, they are the file's own
PAIRS_AS_IMPORTED = "as-imported"

def read_bilingual(path: Path, size_cap: int = DEFAULT_SIZE_CAP) -> list[ExportUnit]:
    """The pairs of a bilingual file, by the format its suffix names (workbench/formats/registry.py)."""
    file_format = PAIR_SUFFIXES.get(path.suffix.lower())
    if file_format is None:
        raise UserError(f"{path}: not a bilingual file type; use one of {', '.join(sorted(PAIR_SUFFIXES))}")
    check_file(path, size_cap)
    units = file_format.read_pairs(path)
    if not units:
        raise UserError(f"{path}: no translation units found")
    return units


def read_memory(path: Path, size_cap: int = DEFAULT_SIZE_CAP) -> list[tuple[str, str]]:
    """(source, target) pairs of a TMX file used as translation memory."""
    if path.suffix.lower() != ".tmx":
        raise UserError(f"{path}: a translation memory must be a .tmx file")
    check_file(path, size_cap)
    from workbench.formats import tmx

    return [(u.source, u.target) for u in tmx.read(path) if u.source and u.target]


def units_to_alignment(units: list[ExportUnit]) -> Alignment:
    pairs = tuple(Pair(u.source, u.target, "1-1" if u.source and u.target else ("1-0" if u.source else "0-1"),
                       u.paragraph, 1.0, i, i + 1, i, i + 1, i) for i, u in enumerate(units))
    return Alignment(pairs, AlignParams(version=PAIRS_AS_IMPORTED), 0.0)
