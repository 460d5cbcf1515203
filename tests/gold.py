"""Loading the hand-made gold alignments in tests/data/align."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ALIGN_DATA = Path(__file__).parent / "data" / "align"


@dataclass(frozen=True)
class GoldDocument:
    name: str
    folder: Path
    beads: list[tuple[str, str]]
    kinds: set[str]

    @property
    def source(self) -> Path:
        return self.folder / "source.zh.txt"

    @property
    def draft(self) -> Path:
        return self.folder / "draft.en.txt"


def load_gold(folder: Path) -> GoldDocument:
    beads, kinds = [], set()
    for line in (folder / "gold.tsv").read_text("utf-8").splitlines():
        if line.startswith("# kinds:"):
            kinds = {k.strip() for k in line.split(":", 1)[1].split(",") if k.strip()}
            continue
        if not line.strip():
            continue
        source, _, target = line.partition("\t")
        beads.append((source, target))
    return GoldDocument(folder.name, folder, beads, kinds)


def gold_documents() -> list[GoldDocument]:
    return [load_gold(folder) for folder in sorted(ALIGN_DATA.iterdir()) if (folder / "gold.tsv").exists()]
