"""Translation memory as TMX 1.4b: the export with statuses and history, read safely from any tool's TMX."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from workbench import __version__
from workbench.errors import UserError
from workbench.formats import DEFAULT_SIZE_CAP, FileInput, file_input
from workbench.release.model import ExportProject, ExportUnit
from workbench.formats.safe_xml import local_name, parse_untrusted_xml

STATUSES = ("draft", "edited", "approved", "rejected")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# ExportUnit field -> <prop type="...">, in the order written; findings repeat as x-finding, comments are <note>s
PROPS = (("document", "x-document"), ("paragraph", "x-paragraph"), ("status", "x-status"),
         ("approver", "x-approver"), ("approved_at", "x-approved-at"), ("draft", "x-draft"))
ALWAYS_WRITTEN = ("document", "paragraph", "status")
FINDING_PROP = "x-finding"
# The DOCTYPE line OmegaT, translate-toolkit and others put in every TMX; accepted bare, never loaded.
STANDARD_DTDS = ("tmx14.dtd", "tmx13.dtd", "tmx12.dtd", "tmx11.dtd")
_TMX_DATE = re.compile(r"(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z")


def render(project: ExportProject, name: str = "release.tmx") -> bytes:
    """One <tu tuid="segment number"> per unit, in project order; UTF-8, no DTD, built as a tree.

    created_by/created_at become creationid/creationdate and changed_by/changed_at changeid/changedate
    (TMX dates, YYYYMMDDThhmmssZ, in UTC); document, paragraph, status, approver, approval time and the
    imported draft are <prop type="x-...">; each finding is a <prop type="x-finding">, each review comment a <note>.
    """
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", attrib={
        "creationtool": "workbench", "creationtoolversion": __version__, "datatype": "plaintext",
        "segtype": "sentence", "adminlang": "en", "srclang": project.source_language, "o-tmf": "workbench"})
    body = etree.SubElement(root, "body")
    for unit in project.units:
        if unit.status not in STATUSES:
            raise UserError(f"{name}: segment {unit.id} has the unknown status {unit.status!r}")
        try:
            _add_unit(body, unit, project, name)
        except ValueError:
            raise UserError(f"{name}: segment {unit.id} contains control characters that XML cannot hold; "
                            f"remove them and export again") from None
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def read(source: str | Path | FileInput, size_cap: int = DEFAULT_SIZE_CAP) -> list[ExportUnit]:
    """Units of a Chinese→English TMX: the zh* variant is the source, the en* variant the target.

    A TMX this module wrote reads back unit for unit. Another tool's TMX reads as draft units: tuid (else the
    position) is the id, the file name the document, each unit its own paragraph, <note>s are comments;
    units with no Chinese variant are skipped, and a file with none at all is refused.
    """
    file = file_input(source, size_cap)
    root = parse_untrusted_xml(file.name, file.data, "TMX", STANDARD_DTDS)
    if local_name(root) != "tmx":
        raise UserError(f"{file.name}: not a TMX file (the root element is <{local_name(root)}>, not <tmx>)")
    units, languages, per_document = [], set(), {}
    for number, tu in enumerate((e for e in root.iter() if local_name(e) == "tu"), start=1):
        variants = {}
        for tuv in (child for child in tu if local_name(child) == "tuv"):
            language = tuv.get(XML_LANG) or tuv.get("lang") or "?"
            languages.add(language)
            segment = next((child for child in tuv if local_name(child) == "seg"), None)
            code = language.lower().replace("_", "-").split("-")[0]
            if code in ("zh", "en") and code not in variants and segment is not None:
                variants[code] = inline_text(segment, keep=("hi",))
        if "zh" not in variants:
            continue
        props = {}
        for prop in (child for child in tu if local_name(child) == "prop"):
            props.setdefault(prop.get("type", ""), []).append(prop.text or "")
        document = props.get("x-document", [file.basename])[0]
        position = per_document[document] = per_document.get(document, -1) + 1
        unit_id = tu.get("tuid") or str(number)
        status = props.get("x-status", ["draft"])[0]
        units.append(ExportUnit(
            id=unit_id, document=document, paragraph=whole_number(props.get("x-paragraph", [str(position)])[0],
                                                                  file.name, f"tu {unit_id}: x-paragraph"),
            source=variants["zh"], target=variants.get("en", ""), status=status if status in STATUSES else "draft",
            approver=props.get("x-approver", [""])[0], approved_at=props.get("x-approved-at", [""])[0],
            created_by=tu.get("creationid", ""), created_at=_iso_date(tu.get("creationdate", "")),
            changed_by=tu.get("changeid", ""), changed_at=_iso_date(tu.get("changedate", "")),
            findings=tuple(props.get(FINDING_PROP, ())),
            comments=tuple("".join(note.itertext()) for note in tu if local_name(note) == "note"),
            draft=props.get("x-draft", [""])[0]))
    if not units and languages:
        raise UserError(f"{file.name}: no Chinese-English translation units (languages found: "
                        f"{', '.join(sorted(languages))}); the workbench reads zh → en memories")
    return units


def _add_unit(body, unit: ExportUnit, project: ExportProject, path: str) -> None:
    tu = etree.SubElement(body, "tu", tuid=unit.id)
    for attribute, value in (("creationid", unit.created_by), ("creationdate", _tmx_date(unit.created_at, unit, path)),
                             ("changeid", unit.changed_by), ("changedate", _tmx_date(unit.changed_at, unit, path))):
        if value:
            tu.set(attribute, value)
    for field, prop_type in PROPS:
        value = str(getattr(unit, field))
        if value or field in ALWAYS_WRITTEN:
            etree.SubElement(tu, "prop", type=prop_type).text = value
    for finding in unit.findings:
        etree.SubElement(tu, "prop", type=FINDING_PROP).text = finding
    for comment in unit.comments:
        etree.SubElement(tu, "note").text = comment
    for language, text in ((project.source_language, unit.source), (project.target_language, unit.target)):
        tuv = etree.SubElement(tu, "tuv", attrib={XML_LANG: language})
        etree.SubElement(tuv, "seg").text = text


def _tmx_date(moment: str, unit: ExportUnit, path: str) -> str:
    """ISO 8601 (as the store writes it, 2024-05-01T10:20:30Z) to TMX's 20240501T102030Z, in UTC."""
    if not moment:
        return ""
    try:
        parsed = datetime.fromisoformat(moment)
    except ValueError:
        raise UserError(f"{path}: segment {unit.id}: {moment!r} is not an ISO 8601 time "
                        f"(2024-05-01T10:20:30Z)") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _iso_date(moment: str) -> str:
    match = _TMX_DATE.fullmatch(moment)
    return "{}-{}-{}T{}:{}:{}Z".format(*match.groups()) if match else moment


def whole_number(text: str, path: str, where: str) -> int:
    if not re.fullmatch(r"[0-9]+", text):
        raise UserError(f"{path}: {where} {text!r} is not a whole number")
    return int(text)


def inline_text(element, keep: tuple[str, ...]) -> str:
    """The text of a segment: inline elements named in ``keep`` give their text, codes (ph, bpt, ...) none.

    XLIFF 2.0's <cp hex="..."/> gives the code point it stands for.
    """
    parts = [element.text or ""]
    for child in element:
        name = local_name(child)
        if name in keep:
            parts.append(inline_text(child, keep))
        elif name == "cp" and re.fullmatch(r"[0-9A-Fa-f]{1,6}", child.get("hex", "")):
            parts.append(chr(min(int(child.get("hex"), 16), 0x10FFFF)))
        parts.append(child.tail or "")
    return "".join(parts)
