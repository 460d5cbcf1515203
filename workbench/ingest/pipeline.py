"""From files to aligned pairs: read, segment, align. Shared by the CLI and the app."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath

from workbench.align import Alignment, align
from workbench.errors import UserError
from workbench.formats import DEFAULT_SIZE_CAP, GLOSSARY_SIZE_CAP, FileInput, file_input, input_name, read_document
from workbench.formats.registry import GLOSSARY_SUFFIXES
from workbench.model import Glossary, Segmentation, SourceText
from workbench.segment import segment



@dataclass(frozen=True, slots=True)
class AlignedDocument:
    source: SourceText
    draft: SourceText
    alignment: Alignment
    glossary: Glossary | None
    draft_segments: Segmentation | None = None

    def target_spans(self) -> list[tuple[int, int]]:
        """Character range of each pair's target in the draft ((n, n) for a 1-0 pair)."""
        segments = self.draft_segments.sentences
        spans, position = [], 0
        for pair in self.alignment.pairs:
            if pair.tgt_end > pair.tgt_start:
                position = segments[pair.tgt_end - 1].end
                spans.append((segments[pair.tgt_start].start, position))
            else:
                spans.append((position, position))
        return spans


def read_glossary(source: str | Path | FileInput, size_cap: int = GLOSSARY_SIZE_CAP) -> Glossary:
    """A glossary file (a path, or an upload's bytes), by the format its suffix names."""
    name = input_name(source)
    suffix = PurePath(name).suffix
    reader = GLOSSARY_SUFFIXES.get(suffix.lower())
    if reader is None:
        raise UserError(f"{name}: unsupported glossary type {suffix or '(none)'!r}; "
                        f"use one of {', '.join(sorted(GLOSSARY_SUFFIXES))}")
    return reader.read_glossary(file_input(source, size_cap), size_cap)


def align_texts(source: SourceText, draft: SourceText, glossary: Glossary | None = None) -> Alignment:
    terms = glossary.terms if glossary else ()
    return align(segment(source, "zh"), segment(draft, "en"), terms)


def align_files(source_path: str | Path | FileInput, draft_path: str | Path | FileInput,
                glossary_path: str | Path | FileInput | None = None, size_cap: int = DEFAULT_SIZE_CAP) -> AlignedDocument:
    """Read, segment and align a source and a draft (paths, or uploads' bytes) with an optional glossary."""
    source = read_document(source_path, size_cap)
    draft = read_document(draft_path, size_cap)
    glossary = read_glossary(glossary_path) if glossary_path else None
    draft_segments = segment(draft, "en")
    alignment = align(segment(source, "zh"), draft_segments, glossary.terms if glossary else ())
    return AlignedDocument(source, draft, alignment, glossary, alignment.draft or draft_segments)
