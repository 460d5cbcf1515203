"""Import, once for every front end: read and align a Chinese source with its English draft (or read a
bilingual file whose pairs are given), and store the pairs, the texts and the glossary in one transaction.

The command line, the Projects page and ``serve --sample`` all come through here, so an import made in
the browser and one made in a terminal give the same pairs and the same history.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import sessionmaker

from workbench.formats import DEFAULT_SIZE_CAP, FileInput, input_name
from workbench.model import Glossary, Pair
from workbench.store.repository import IMPORT_AUTHOR, document_name_for, import_document, list_projects

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "wuzheng-5g"
SAMPLE_GLOSSARY = ROOT / "glossaries" / "wuzheng.csv"
SAMPLE_PROJECT = "wuzheng-5g"


@dataclass(frozen=True, slots=True)
class Imported:
    """What an import stored: the document's name, its pairs, and the glossary read with it."""

    document: str
    pairs: tuple[Pair, ...]
    glossary: Glossary | None


def import_files(factory: sessionmaker, project: str, source: Path | FileInput, draft: Path | FileInput,
                 glossary: Path | FileInput | None = None, *,
                 name: str | None = None, source_label: str | None = None, draft_label: str | None = None,
                 size_cap: int = DEFAULT_SIZE_CAP, author: str = IMPORT_AUTHOR, actor: str | None = None,
                 on_read: Callable[[int, Glossary | None], None] | None = None) -> Imported:
    """Align ``source`` with ``draft`` and store them as document ``name`` of ``project``.

    ``source``, ``draft`` and ``glossary`` are paths or uploads' bytes (formats.FileInput);
    ``source_label``/``draft_label`` are the file names recorded (by default the path or the upload's
    name); ``on_read`` hears the number of pairs and the glossary read
    (with its skipped rows) before saving starts, so a failed save still shows them."""
    from workbench.ingest.pipeline import align_files  # the aligner loads numba; imported when needed

    aligned = align_files(source, draft, glossary, size_cap)
    if on_read is not None:
        on_read(len(aligned.alignment.pairs), aligned.glossary)
    name = name or document_name_for(Path(input_name(source)))
    import_document(factory, project, name, source_label or input_name(source), draft_label or input_name(draft),
                    aligned.source.text, aligned.draft.text, aligned.alignment, aligned.glossary,
                    author=author, actor=actor)
    return Imported(name, aligned.alignment.pairs, aligned.glossary)


def import_bilingual(factory: sessionmaker, project: str, path: Path | FileInput, glossary: Path | FileInput | None = None, *,
                     name: str | None = None, size_cap: int = DEFAULT_SIZE_CAP, actor: str | None = None,
                     on_read: Callable[[int, Glossary | None], None] | None = None) -> Imported:
    """Store the pairs of a bilingual file (XLIFF, TMX, CSV, XLSX, DOCX table) as they are: no alignment."""
    from workbench.ingest.bilingual import read_bilingual, units_to_alignment
    from workbench.ingest.pipeline import read_glossary

    units = read_bilingual(path, size_cap)
    terms = read_glossary(glossary) if glossary else None
    alignment = units_to_alignment(units)
    if on_read is not None:
        on_read(len(units), terms)
    name = name or document_name_for(Path(input_name(path)))
    import_document(factory, project, name, input_name(path), input_name(path), "\n\n".join(u.source for u in units),
                    "\n\n".join(u.target for u in units), alignment, terms, actor=actor)
    return Imported(name, alignment.pairs, terms)


def ensure_sample(factory: sessionmaker) -> None:
    """Import the bundled sample project unless the store already has it."""
    if any(p.name == SAMPLE_PROJECT for p in list_projects(factory)):
        return
    import_files(factory, SAMPLE_PROJECT, SAMPLE / "source.zh.txt", SAMPLE / "draft.en.txt", SAMPLE_GLOSSARY,
                 name="wuzheng-5g-cooperation", source_label="samples/wuzheng-5g/source.zh.txt",
                 draft_label="samples/wuzheng-5g/draft.en.txt")
