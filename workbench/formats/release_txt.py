"""The final English as plain UTF-8 text: one paragraph per source paragraph, blank lines between."""

from __future__ import annotations

import re

from workbench.release.model import ExportProject, ExportUnit

PARAGRAPH_SEPARATOR = "\n\n"  # one blank line, as the workbench's own text reader expects
DOCUMENT_SEPARATOR = "\n\n\n"  # two blank lines; document names are not written, this is the final text

# A line break inside one unit would split its paragraph in a text file; it becomes a space.
_LINE_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_EDGE_SPACE = " \t\r\n"  # not str.strip(): a no-break space at an edge is the translator's choice


def render(project: ExportProject, name: str = "release.txt") -> bytes:
    """Paragraphs in source order, a unit's text joined to the next with one space; empty targets skipped.

    A paragraph whose units all have empty targets disappears; a document with no text at all does too.
    """
    documents = [PARAGRAPH_SEPARATOR.join(paragraphs) for _, paragraphs in final_paragraphs(project)]
    text = DOCUMENT_SEPARATOR.join(document for document in documents if document)
    return (text + "\n").encode("utf-8") if text else b""


def final_paragraphs(project: ExportProject) -> list[tuple[str, list[str]]]:
    """(document, its paragraphs of final English) in release order; shared by the .docx export."""
    result = []
    for document, units in units_by_document(project):
        paragraphs: dict[int, list[str]] = {}
        for unit in sorted(units, key=lambda unit: unit.paragraph):  # stable: a paragraph keeps its unit order
            text = _LINE_BREAK.sub(" ", unit.target).strip(_EDGE_SPACE)
            if text:
                paragraphs.setdefault(unit.paragraph, []).append(text)
        result.append((document, [" ".join(texts) for texts in paragraphs.values()]))
    return result


def units_by_document(project: ExportProject) -> list[tuple[str, list[ExportUnit]]]:
    """Units grouped by document: the project's document order first, then others as they first appear."""
    groups: dict[str, list[ExportUnit]] = {name: [] for name in project.documents}
    for unit in project.units:
        groups.setdefault(unit.document, []).append(unit)
    return [(name, units) for name, units in groups.items() if units]
