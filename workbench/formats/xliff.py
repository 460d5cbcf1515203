"""Bilingual export as XLIFF 2.0 or 1.2 with statuses, approvals and notes, built with lxml and read safely."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from workbench.errors import UserError
from workbench.formats import DEFAULT_SIZE_CAP, FileInput, file_input
from workbench.formats.release_txt import units_by_document
from workbench.formats.safe_xml import local_name, parse_untrusted_xml
from workbench.formats.tmx import inline_text, whole_number
from workbench.release.model import ExportProject, ExportUnit

VERSIONS = ("2.0", "1.2")
NAMESPACE_20 = "urn:oasis:names:tc:xliff:document:2.0"
NAMESPACE_12 = "urn:oasis:names:tc:xliff:document:1.2"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
STATUSES = ("draft", "edited", "approved", "rejected")
# Our status -> XLIFF 2.0 <segment state>; the exact status also goes in subState="workbench:<status>".
STATE_20 = {"draft": "initial", "edited": "translated", "approved": "final", "rejected": "initial"}
# Our status -> XLIFF 1.2 <target state>; approved also gets approved="yes"; the exact status is a context.
STATE_12 = {"draft": "needs-review-translation", "edited": "translated", "approved": "final",
            "rejected": "needs-translation"}
# Another tool's state (no workbench status in the file) -> our status; anything else reads as draft.
# reviewed counts as approved, as in translate-toolkit's isapproved().
STATUS_FROM_STATE = {"final": "approved", "signed-off": "approved", "reviewed": "approved", "translated": "edited"}
# label -> ExportUnit field of the metadata kept per unit:
# 2.0 <note category="workbench:LABEL">, 1.2 <context context-type="x-workbench-LABEL">.
METADATA = {"paragraph": "paragraph", "approver": "approver", "approved-at": "approved_at", "created-by": "created_by",
            "created-at": "created_at", "changed-by": "changed_by", "changed-at": "changed_at", "draft": "draft"}
NOTE_PREFIX, CONTEXT_PREFIX = "workbench:", "x-workbench-"
FINDING_CATEGORY, COMMENT_CATEGORY = "finding", "comment"  # 2.0 note categories
FINDING_AUTHOR, COMMENT_AUTHOR = "workbench-qa", "reviewer"  # 1.2 note from=
INLINE_20, INLINE_12 = ("pc", "mrk"), ("g", "mrk")  # inline elements whose text is segment text


def render(project: ExportProject, name: str = "release.xlf", version: str = "2.0") -> bytes:
    """One <file> per document (original= its name), one unit per segment with id = the segment number.

    XLIFF 2.0: <segment state subState="workbench:STATUS">, metadata as <note category="workbench:...">,
    findings as <note category="finding" appliesTo="target">, review comments as <note category="comment">.
    XLIFF 1.2: <trans-unit approved="yes"> for approved units, <target state>, metadata and the exact status in
    a <context-group purpose="information">, findings as <note from="workbench-qa" annotates="target">,
    comments as <note from="reviewer">. Source and target keep every space (xml:space="preserve").
    """
    if version not in VERSIONS:
        raise UserError(f"unknown XLIFF version {version!r}; use one of {', '.join(VERSIONS)}")
    documents = units_by_document(project)
    if not documents:
        raise UserError(f"{name}: the project {project.name!r} has no segments; XLIFF needs at least one unit")
    if version == "2.0":
        root = etree.Element(f"{{{NAMESPACE_20}}}xliff", nsmap={None: NAMESPACE_20}, attrib={
            "version": "2.0", "srcLang": project.source_language, "trgLang": project.target_language})
    else:
        root = etree.Element(f"{{{NAMESPACE_12}}}xliff", nsmap={None: NAMESPACE_12}, attrib={"version": "1.2"})
    for number, (document, units) in enumerate(documents, start=1):
        _check_ids(units, document, name, version)
        parent = _file_20(root, number, document) if version == "2.0" else _file_12(root, document, project)
        for unit in units:
            try:
                (_unit_20 if version == "2.0" else _unit_12)(parent, unit)
            except ValueError:
                raise UserError(f"{name}: segment {unit.id} contains control characters that XML cannot hold; "
                                f"remove them and export again") from None
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def render_xliff20(project: ExportProject, name: str = "release.xlf") -> bytes:
    return render(project, name, "2.0")


def render_xliff12(project: ExportProject, name: str = "release.xlf") -> bytes:
    return render(project, name, "1.2")


def read(source: str | Path | FileInput, size_cap: int = DEFAULT_SIZE_CAP) -> list[ExportUnit]:
    """Units of an XLIFF 2.x or 1.x file (told apart by namespace and version), in file order.

    A file this module wrote reads back unit for unit. From another tool's file: the document is the file's
    original (else its id), the paragraph the unit's position in its file, notes are comments, and the status
    comes from the state as translate-toolkit reads it (final, signed-off, reviewed → approved; translated →
    edited; else draft; 1.2 approved="yes" → approved). A 2.0 unit's segments and ignorables are joined;
    inline codes give no text.
    """
    file = file_input(source, size_cap)
    root = parse_untrusted_xml(file.name, file.data, "XLIFF")
    if local_name(root) != "xliff":
        raise UserError(f"{file.name}: not an XLIFF file (the root element is <{local_name(root)}>, not <xliff>)")
    namespace = etree.QName(root).namespace or ""
    if namespace.startswith("urn:oasis:names:tc:xliff:document:2") or root.get("version", "").startswith("2"):
        return _read_20(root, file.name)
    return _read_12(root, file.name)


def _check_ids(units: list[ExportUnit], document: str, path: str, version: str) -> None:
    seen = set()
    for unit in units:
        if unit.status not in STATUSES:
            raise UserError(f"{path}: segment {unit.id} has the unknown status {unit.status!r}")
        if version == "2.0" and not re.fullmatch(r"[\w.:-]+", unit.id):
            raise UserError(f"{path}: segment id {unit.id!r} cannot be an XLIFF 2.0 unit id (letters, digits, . - _ :)")
        if unit.id in seen:
            raise UserError(f"{path}: segment id {unit.id!r} appears twice in document {document!r}")
        seen.add(unit.id)


def _metadata(unit: ExportUnit) -> list[tuple[str, str]]:
    """(label, value) of the unit's metadata; the paragraph always, the rest when set."""
    values = [(label, str(getattr(unit, field))) for label, field in METADATA.items()]
    return [(label, value) for label, value in values if value or label == "paragraph"]


def _text(parent, tag: str, text: str):
    element = etree.SubElement(parent, tag)
    element.text = text
    return element


def _file_20(root, number: int, document: str):
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", document).strip("_.-")
    return etree.SubElement(root, f"{{{NAMESPACE_20}}}file",
                            attrib={"id": f"f{number}" + (f"-{slug}" if slug else ""), "original": document})


def _unit_20(file, unit: ExportUnit) -> None:
    x = f"{{{NAMESPACE_20}}}"
    element = etree.SubElement(file, x + "unit", id=unit.id)
    notes = etree.SubElement(element, x + "notes")
    for label, value in _metadata(unit):
        _text(notes, x + "note", value).set("category", NOTE_PREFIX + label)
    for finding in unit.findings:
        _text(notes, x + "note", finding).attrib.update({"category": FINDING_CATEGORY, "appliesTo": "target"})
    for comment in unit.comments:
        _text(notes, x + "note", comment).set("category", COMMENT_CATEGORY)
    segment = etree.SubElement(element, x + "segment",
                               attrib={"state": STATE_20[unit.status], "subState": NOTE_PREFIX + unit.status})
    for tag, text in (("source", unit.source), ("target", unit.target)):
        _text(segment, x + tag, text).set(XML_SPACE, "preserve")


def _file_12(root, document: str, project: ExportProject):
    x = f"{{{NAMESPACE_12}}}"
    file = etree.SubElement(root, x + "file", attrib={
        "original": document, "source-language": project.source_language,
        "target-language": project.target_language, "datatype": "plaintext"})
    return etree.SubElement(file, x + "body")


def _unit_12(body, unit: ExportUnit) -> None:
    x = f"{{{NAMESPACE_12}}}"
    attributes = {"id": unit.id, **({"approved": "yes"} if unit.status == "approved" else {}), XML_SPACE: "preserve"}
    element = etree.SubElement(body, x + "trans-unit", attrib=attributes)
    _text(element, x + "source", unit.source)
    _text(element, x + "target", unit.target).set("state", STATE_12[unit.status])
    group = etree.SubElement(element, x + "context-group", purpose="information")
    for label, value in [("status", unit.status)] + _metadata(unit):
        _text(group, x + "context", value).set("context-type", CONTEXT_PREFIX + label)
    for finding in unit.findings:
        _text(element, x + "note", finding).attrib.update({"from": FINDING_AUTHOR, "annotates": "target"})
    for comment in unit.comments:
        _text(element, x + "note", comment).set("from", COMMENT_AUTHOR)


def _children(element, name: str) -> list:
    return [child for child in element if local_name(child) == name]


def _read_20(root, path: str) -> list[ExportUnit]:
    units = []
    for file in _children(root, "file"):
        document = file.get("original") or file.get("id", "")
        for position, element in enumerate(e for e in file.iter() if local_name(e) == "unit"):
            metadata, findings, comments = {}, [], []
            for note in (n for notes in _children(element, "notes") for n in _children(notes, "note")):
                category, text = note.get("category", ""), "".join(note.itertext())
                if category.startswith(NOTE_PREFIX):
                    metadata[category.removeprefix(NOTE_PREFIX)] = text
                else:
                    (findings if category == FINDING_CATEGORY else comments).append(text)
            parts = [child for child in element if local_name(child) in ("segment", "ignorable")]
            texts = {side: "".join(inline_text(e, INLINE_20) for part in parts for e in _children(part, side)[:1])
                     for side in ("source", "target")}
            segment = next((part for part in parts if local_name(part) == "segment"), None)
            sub_state = segment.get("subState", "") if segment is not None else ""
            status = sub_state.removeprefix(NOTE_PREFIX) if sub_state.startswith(NOTE_PREFIX) else ""
            if status not in STATUSES:
                state = segment.get("state", "initial") if segment is not None else "initial"
                status = STATUS_FROM_STATE.get(state, "draft")
            unit_id = element.get("id") or str(position + 1)
            units.append(_unit(path, unit_id, document, position, texts, status, metadata, findings, comments))
    return units


def _read_12(root, path: str) -> list[ExportUnit]:
    units = []
    for file in _children(root, "file"):
        document = file.get("original", "")
        for position, element in enumerate(e for e in file.iter() if local_name(e) == "trans-unit"):
            texts = {side: "".join(inline_text(e, INLINE_12) for e in _children(element, side)[:1])
                     for side in ("source", "target")}
            metadata = {context.get("context-type", "").removeprefix(CONTEXT_PREFIX): "".join(context.itertext())
                        for group in _children(element, "context-group") for context in _children(group, "context")
                        if context.get("context-type", "").startswith(CONTEXT_PREFIX)}
            status = metadata.pop("status", "")
            if status not in STATUSES:
                target = _children(element, "target")
                state = target[0].get("state", "") if target else ""
                status = "approved" if element.get("approved") == "yes" else STATUS_FROM_STATE.get(state, "draft")
            notes = [(note.get("from", ""), "".join(note.itertext())) for note in _children(element, "note")]
            findings = [text for author, text in notes if author == FINDING_AUTHOR]
            comments = [text for author, text in notes if author != FINDING_AUTHOR]
            unit_id = element.get("id") or str(position + 1)
            units.append(_unit(path, unit_id, document, position, texts, status, metadata, findings, comments))
    return units


def _unit(path: str, unit_id: str, document: str, position: int, texts: dict, status: str,
          metadata: dict, findings: list, comments: list) -> ExportUnit:
    fields = {field: metadata.get(label, "") for label, field in METADATA.items() if label != "paragraph"}
    paragraph = whole_number(metadata.get("paragraph", str(position)), path, f"unit {unit_id}: paragraph")
    return ExportUnit(id=unit_id, document=document, paragraph=paragraph, source=texts["source"],
                      target=texts["target"], status=status, findings=tuple(findings), comments=tuple(comments),
                      **fields)
