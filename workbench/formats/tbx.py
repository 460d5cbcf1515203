"""Glossary as TBX-Basic: TBX 2008 (<martif>) and TBX v3, ISO 30042:2019 (<tbx>); read safely, written with lxml."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from workbench.errors import UserError
from workbench.formats import GLOSSARY_SIZE_CAP, FileInput, file_input
from workbench.formats.safe_xml import local_name, parse_untrusted_xml
from workbench.glossary import TERM_TYPES, validate_rows
from workbench.model import Glossary

DEFAULT_CAP = GLOSSARY_SIZE_CAP
VERSIONS = ("v3", "basic2008")
NAMESPACE_V3 = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CHINESE, ENGLISH = "zh-CN", "en"
PREFERRED, DEPRECATED = "preferredTerm-admn-sts", "deprecatedTerm-admn-sts"
_FORBIDDEN_STATUSES = ("deprecated", "superseded", "notrecommended", "obsolete")
_LANGUAGES = {"zh": "zh", "zho": "zh", "chi": "zh", "cmn": "zh", "en": "en", "eng": "en"}
# element names: (entry, language section, term section) for each version
_NAMES = {"v3": ("conceptEntry", "langSec", "termSec"), "basic2008": ("termEntry", "langSet", "tig")}


def read(source: str | Path | FileInput, size_cap: int = DEFAULT_CAP) -> Glossary:
    """Read a TBX file; entries that cannot become terms are reported as "entry N (id X): ..." problems.

    Mapping, per concept entry (termEntry or conceptEntry):
    - every Chinese term (xml:lang zh, zh-CN, zh-Hans, ...) that is not deprecated becomes a Term.source,
      preferred ones first; each gets the same target, so synonyms all match;
    - the English target (xml:lang en, en-US, en-GB, ...) is the first preferred term, else the first admitted
      or unmarked one; further admitted English terms are allowed renderings and are not kept;
    - English terms whose administrativeStatus is deprecated, superseded, notRecommended or obsolete are forbidden;
    - the type is the first <termNote type="termType"> or <descrip type="termCategory"> in the entry whose value
      is person, organization, title, place or term, else "term" (standard termType values such as fullForm
      read as "term"); ``write`` uses termNote termType, an element TBX-Basic's schema accepts, though its
      Schematron picklist (fullForm, acronym, ...) does not list our values;
    - the note is the first concept-level <note>, else the first <note> anywhere, else the first definition.
    """
    file = file_input(source, size_cap)
    root = parse_untrusted_xml(file.name, file.data, "TBX")
    if local_name(root) not in ("martif", "tbx"):
        raise UserError(f"{file.name}: not a TBX glossary (the root element is <{local_name(root)}>, not <tbx> or <martif>)")
    rows, labels, problems = [], {}, []
    entries = (element for element in root.iter() if local_name(element) in ("termEntry", "conceptEntry"))
    for number, entry in enumerate(entries, start=1):
        labels[number] = f"entry {number}" + (f" (id {entry.get('id')})" if entry.get("id") else "")
        entry_rows, problem = _entry_rows(entry)
        if problem:
            problems.append((number, problem))
        rows.extend((number, row) for row in entry_rows)
    terms, row_problems = validate_rows(rows)
    # validate_rows speaks of rows; here its row numbers are entry numbers.
    problems.extend((p.row, p.problem.replace(" of row ", " of entry ")) for p in row_problems)
    problems.sort(key=lambda problem: problem[0])
    return Glossary(terms, file.basename, tuple(f"{labels[number]}: {text}" for number, text in problems))


def render(glossary: Glossary, name: str = "glossary.tbx", version: str = "v3") -> bytes:
    """TBX-Basic, v3 (ISO 30042:2019) or 2008 style; no DTD, UTF-8, built as a tree and never by hand.
    ``name`` is what an error message calls the output."""
    if version not in VERSIONS:
        raise UserError(f"unknown TBX version {version!r}; use one of {', '.join(VERSIONS)}")
    entry_name, language_name, term_name = _NAMES[version]
    prefix = f"{{{NAMESPACE_V3}}}" if version == "v3" else ""

    def make(parent, tag: str):
        return etree.SubElement(parent, prefix + tag)

    if version == "v3":
        root = etree.Element(prefix + "tbx", nsmap={None: NAMESPACE_V3},
                             attrib={"type": "TBX-Basic", "style": "dca", XML_LANG: ENGLISH})
        header = make(root, "tbxHeader")
    else:
        root = etree.Element("martif", attrib={"type": "TBX-Basic", XML_LANG: ENGLISH})
        header = make(root, "martifHeader")
    file_description = make(header, "fileDesc")
    _set_text(make(make(file_description, "sourceDesc"), "p"), f"Glossary {glossary.name} from the workbench", name)
    if version == "basic2008":
        encoding = make(make(header, "encodingDesc"), "p")
        encoding.set("type", "XCSURI")
        encoding.text = "TBXBasicXCSV02.xcs"
    body = make(make(root, "text"), "body")
    for number, term in enumerate(glossary.terms, start=1):
        entry = make(body, entry_name)
        entry.set("id", f"c{number}")
        if term.note:
            _set_text(make(entry, "note"), term.note, name)
        kind = term.type if term.type != "term" else ""
        languages = ((CHINESE, [(term.source, PREFERRED, kind)]),
                     (ENGLISH, [(term.target, PREFERRED, kind)] + [(v, DEPRECATED, "") for v in term.forbidden]))
        for language, variants in languages:
            section = make(entry, language_name)
            section.set(XML_LANG, language)
            for text, status, term_type in variants:
                term_section = make(section, term_name)
                _set_text(make(term_section, "term"), text, name)
                _set_note(make(term_section, "termNote"), "administrativeStatus", status)
                if term_type:
                    _set_note(make(term_section, "termNote"), "termType", term_type)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def _entry_rows(entry) -> tuple[list[dict[str, str]], str]:
    """The glossary rows of one concept entry, or a problem saying why it has none."""
    found = {"zh": [], "en": []}  # language -> [(status, text)]
    for section in (child for child in entry if local_name(child) in ("langSet", "langSec")):
        language = _language(section.get(XML_LANG, ""))
        if language is None:
            continue
        for term_section in (e for e in section.iter() if local_name(e) in ("tig", "ntig", "termSec")):
            term = next((e for e in term_section.iter() if local_name(e) == "term"), None)
            if term is not None and "".join(term.itertext()).strip():
                found[language].append((_status(term_section), "".join(term.itertext())))
    sources = [text for status, text in sorted(found["zh"], key=lambda item: item[0] != "preferred")
               if status != "forbidden"]
    allowed = [(status, text) for status, text in found["en"] if status != "forbidden"]
    target = next((text for status, text in allowed if status == "preferred"), allowed[0][1] if allowed else "")
    forbidden = list(dict.fromkeys(text.strip() for status, text in found["en"] if status == "forbidden"))
    if not sources or not target:
        missing = [name for name, absent in (("Chinese", not sources), ("English", not target)) if absent]
        deprecated_only = [name for name, code in (("Chinese", "zh"), ("English", "en"))
                           if name in missing and found[code]]
        return [], f"no {' or '.join(missing)} term" + (
            f" (only deprecated {' and '.join(deprecated_only)} ones)" if deprecated_only else "")
    row = {"target": target, "type": _kind(entry), "forbidden": ";".join(forbidden), "note": _note(entry)}
    return [dict(row, source=source) for source in dict.fromkeys(sources)], ""


def _status(term_section) -> str:
    """preferred, admitted or forbidden, from administrativeStatus (DCA attribute or DCT element)."""
    for element in term_section.iter():
        if _category(element) in ("administrativeStatus", "normativeAuthorization"):
            value = (element.text or "").strip().lower().removesuffix("-admn-sts").removesuffix("term")
            if value in _FORBIDDEN_STATUSES:
                return "forbidden"
            return "preferred" if value == "preferred" else "admitted"
    return "admitted"


def _kind(entry) -> str:
    for element in entry.iter():
        if _category(element) in ("termType", "termCategory"):
            value = (element.text or "").strip().lower()
            if value in TERM_TYPES:
                return value
    return "term"


def _note(entry) -> str:
    notes = [child for child in entry if local_name(child) == "note"]
    notes += [element for element in entry.iter() if local_name(element) == "note"]
    notes += [element for element in entry.iter() if _category(element) == "definition"]
    return "".join(notes[0].itertext()) if notes else ""


def _language(code: str) -> str | None:
    return _LANGUAGES.get(code.strip().lower().replace("_", "-").split("-")[0])


def _category(element) -> str:
    """The data category: the type attribute in DCA style (<termNote type="x">), the element name in DCT style."""
    name = local_name(element)
    return element.get("type", "") if name in ("termNote", "descrip", "admin", "transac") else name


def _set_note(element, category: str, value: str) -> None:
    element.set("type", category)
    element.text = value


def _set_text(element, text: str, name: str) -> None:
    try:
        element.text = text
    except ValueError:
        raise UserError(f"{name}: cannot write {text[:40]!r}: it contains control characters "
                        f"that XML cannot hold") from None
