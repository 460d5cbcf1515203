"""Bilingual input that needs no alignment: XLIFF, TMX and two-column .docx tables."""

from __future__ import annotations

from pathlib import Path, PurePath

from workbench.align import Alignment
from workbench.align.dp import AlignParams
from workbench.errors import UserError
from workbench.formats import DEFAULT_SIZE_CAP, FileInput, file_input, input_name
from workbench.formats.registry import PAIR_SUFFIXES
from workbench.model import Pair
from workbench.release.model import ExportUnit

# the aligner a bilingual file's pairs are signed with: none, they are the file's own
PAIRS_AS_IMPORTED = "as-imported"

def read_bilingual(source: str | Path | FileInput, size_cap: int = DEFAULT_SIZE_CAP) -> list[ExportUnit]:
    """The pairs of a bilingual file, by the format its suffix names (workbench/formats/registry.py)."""
    name = input_name(source)
    file_format = PAIR_SUFFIXES.get(PurePath(name).suffix.lower())
    if file_format is None:
        raise UserError(f"{name}: not a bilingual file type; use one of {', '.join(sorted(PAIR_SUFFIXES))}")
    units = file_format.read_pairs(file_input(source, size_cap), size_cap)
    if not units:
        raise UserError(f"{name}: no translation units found")
    return units


def read_memory(source: str | Path | FileInput, size_cap: int = DEFAULT_SIZE_CAP) -> list[tuple[str, str]]:
    """(source, target) pairs of a TMX file used as translation memory; units with an empty side are left out."""
    name = input_name(source)
    if PurePath(name).suffix.lower() != ".tmx":
        raise UserError(f"{name}: a translation memory must be a .tmx file")
    from workbench.formats import tmx

    return [(u.source, u.target) for u in tmx.read(file_input(source, size_cap), size_cap) if u.source and u.target]


def units_to_alignment(units: list[ExportUnit]) -> Alignment:
    pairs = tuple(Pair(u.source, u.target, "1-1" if u.source and u.target else ("1-0" if u.source else "0-1"),
                       u.paragraph, 1.0, i, i + 1, i, i + 1, i) for i, u in enumerate(units))
    return Alignment(pairs, AlignParams(version=PAIRS_AS_IMPORTED), 0.0)
