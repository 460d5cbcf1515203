"""Loading the hand-made gold alignments in tests/data/align."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.conftest import TESTS

ALIGN_DATA = TESTS / "data" / "align"


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


def galechurch_beads(source, draft) -> list[tuple[str, str]]:
    """galechurch (the Gale–Church reference) over the whole document, calibrated to its length ratio."""
    import galechurch

    zh = [s.text for s in source.sentences]
    en = [s.text for s in draft.sentences]
    ratio = sum(len(t.replace(" ", "")) for t in en) / max(sum(len(t) for t in zh), 1)
    result = galechurch.align(zh, en, mean_xy=ratio, variance_xy=6.8 * ratio)
    return [("".join(zh[b.source_start:b.source_end]), " ".join(en[b.target_start:b.target_end]))
            for b in result.beads]
