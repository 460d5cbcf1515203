"""From files to aligned pairs: read, segment, align. Shared by the CLI and the app."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePath

from workbench.align import Alignment, align
from workbench.errors import UserError
from workbench.formats import DEFAULT_SIZE_CAP, GLOSSARY_SIZE_CAP, FileInput, file_input, input_name, read_document
from workbench.formats.registry import GLOSSARY_SUFFIXES
from workbench.model import Glossary, Segmentation, SourceText
from workbench.segment import segment
from workbench.text.scripts import HAN



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


# Of a document's letters (Han characters and Latin letters), the share that is Han. Real Chinese news
# keeps Latin names, codes and figures (5G, WZ-5200), real English drafts leave a Chinese word or two:
# on the realdrafts corpora the sources are at least 0.76 Han and the drafts at most 0.005.
SOURCE_HAN_AT_LEAST = 0.25
DRAFT_HAN_AT_MOST = 0.5


_HAN_RUN = re.compile(f"[{HAN}]+")
_LATIN_RUN = re.compile(r"[A-Za-z]+")


def han_share(text: str) -> float:
    # counted by what a regex removes, not character by character in Python: every `workbench align`,
    # `check` and import reads both documents whole through here (a 50 MB document is allowed)
    han = len(text) - len(_HAN_RUN.sub("", text))
    latin = len(text) - len(_LATIN_RUN.sub("", text))
    return han / (han + latin) if han + latin else 0.0


def check_languages(source: SourceText, draft: SourceText, source_name: str, draft_name: str) -> None:
    """Refuse, in one line, a "source" that is not Chinese or a "draft" that is: swapped or wrong files
    would otherwise align into a project of nonsense findings."""
    share = han_share(source.text)
    if share < SOURCE_HAN_AT_LEAST:
        raise UserError(f"{source_name}: not a Chinese source (only {share:.0%} of its letters are Chinese "
                        f"characters); give the Chinese source first and the English draft second")
    share = han_share(draft.text)
    if share > DRAFT_HAN_AT_MOST:
        raise UserError(f"{draft_name}: not an English draft ({share:.0%} of its letters are Chinese characters); "
                        f"give the Chinese source first and the English draft second")


def align_texts(source: SourceText, draft: SourceText, glossary: Glossary | None = None) -> Alignment:
    terms = glossary.terms if glossary else ()
    return align(segment(source, "zh"), segment(draft, "en"), terms)


def align_files(source_path: str | Path | FileInput, draft_path: str | Path | FileInput,
                glossary_path: str | Path | FileInput | None = None, size_cap: int = DEFAULT_SIZE_CAP) -> AlignedDocument:
    """Read, segment and align a source and a draft (paths, or uploads' bytes) with an optional glossary."""
    source = read_document(source_path, size_cap)
    draft = read_document(draft_path, size_cap)
    check_languages(source, draft, input_name(source_path), input_name(draft_path))
    glossary = read_glossary(glossary_path) if glossary_path else None
    draft_segments = segment(draft, "en")
    alignment = align(segment(source, "zh"), draft_segments, glossary.terms if glossary else ())
    return AlignedDocument(source, draft, alignment, glossary, alignment.draft or draft_segments)
