"""The annotated QA documents in tests/data/qa: injected errors with their spans, and tricky
correct renderings that must not be flagged."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.conftest import TESTS

QA_DATA = TESTS / "data" / "qa"


@dataclass(frozen=True)
class Annotation:
    category: str
    start: int
    end: int
    text: str
    expected: str
    in_source: bool  # an omission: the span is in the Chinese source
    note: str


@dataclass(frozen=True)
class QaDocument:
    name: str
    folder: Path
    errors: list[Annotation]
    tricky: list[Annotation]

    source = property(lambda self: self.folder / "source.zh.txt")
    draft = property(lambda self: self.folder / "draft.en.txt")
    glossary = property(lambda self: self.folder / "glossary.csv")


def _span(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    position = -1
    for _ in range(occurrence):
        position = text.find(needle, position + 1)
        if position < 0:
            raise ValueError(f"{needle!r} does not occur {occurrence} time(s)")
    return position, position + len(needle)


def _read(folder: Path, name: str, columns: int) -> list[Annotation]:
    path = folder / name
    if not path.exists():
        return []
    source = (folder / "source.zh.txt").read_text("utf-8")
    draft = (folder / "draft.en.txt").read_text("utf-8")
    found = []
    for line in path.read_text("utf-8").split("\n"):
        if not line:
            continue
        fields = line.split("\t")
        assert len(fields) == columns, (path, line)
        category, text, occurrence = fields[0], fields[1], int(fields[2])
        expected = fields[3] if columns == 5 else ""
        note = fields[-1]
        in_source = note.startswith("source")
        start, end = _span(source if in_source else draft, text, occurrence)
        found.append(Annotation(category, start, end, text, expected, in_source, note))
    return found


def qa_documents(clean: bool = False) -> list[QaDocument]:
    return [QaDocument(f.name, f, _read(f, "annotations.tsv", 5), _read(f, "tricky.tsv", 4))
            for f in sorted(QA_DATA.iterdir()) if f.is_dir() and f.name.startswith("clean") == clean]
