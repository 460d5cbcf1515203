"""TBX glossaries (TBX-Basic 2008 and TBX v3): sample files, status mapping, unusable entries, hostile files."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests.formats.format_contract import one_line_naming, refused_quickly
from tests.formats.test_glossary_formats import TRICKY
from workbench.errors import UserError
from workbench.formats import tbx
from workbench.model import Glossary, Term
from tests.conftest import TESTS, write_file

DATA = TESTS / "data" / "glossaries"
HOSTILE = TESTS / "hostile"

WUZHENG_TERMS = (
    Term("蒋卫东", "Jiang Weidong", "person", ("Jiang Wei dong", "Weidong Jiang"),
         "Chairman of Wuzheng Group; surname first, given name as one word"),
    Term("五莲县政府", "Wulian County Government", "organization", ("Wulian Government",),
         "The people's government of Wulian County (Rizhao, Shandong) & its offices"),
    Term("党组成员", "member of the Party leadership group", "title",
         ("Party group member", "member of the party group"), "Party is capitalised"),
    Term("五征集团", "Wuzheng Group", "organization", ("Wu Zheng Group",), ""),
    Term("五征", "Wuzheng Group", "organization", ("Wu Zheng Group",), ""),
    Term("五莲县", "Wulian County", "place", (), ""),
)


@pytest.mark.parametrize("name, problems", [
    ("wuzheng-basic2008.tbx", ("entry 6 (id c6): no English term",
                               "entry 7 (id c7): no English term (only deprecated English ones)")),
    ("wuzheng-v3.tbx", ("entry 6 (id c6): no English term",
                        "entry 7 (id c7): 五莲县政府: duplicate of entry 2 with a different target "
                        "('Wulian Government Office' vs 'Wulian County Government')")),
], ids=["tbx-basic-2008", "tbx-v3"])
def test_tbx_sample_files_read_to_terms(name, problems):
    glossary = tbx.read(DATA / name)
    assert glossary.terms == WUZHENG_TERMS
    assert glossary.problems == problems


def v3_entry(*language_sections: str, entry_id: str = ' id="c9"') -> bytes:
    body = "".join(f'<langSec xml:lang="{lang}">{terms}</langSec>' for lang, terms in
                   (section.split("|", 1) for section in language_sections))
    return (f'<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader>'
            f'<fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader><text><body>'
            f'<conceptEntry{entry_id}>{body}</conceptEntry></body></text></tbx>').encode()


def term(text: str, status: str = "") -> str:
    note = f'<termNote type="administrativeStatus">{status}</termNote>' if status else ""
    return f"<termSec><term>{text}</term>{note}</termSec>"


ZH = "zh-CN|" + term("五莲县")
MAPPINGS = [
    ("preferred-beats-earlier-admitted",
     (ZH, "en|" + term("Wulian", "admittedTerm-admn-sts") + term("Wulian County", "preferredTerm-admn-sts")),
     ("Wulian County", ())),
    ("first-admitted-when-none-preferred",
     (ZH, "en-US|" + term("Wulian County", "admittedTerm-admn-sts") + term("Wulian", "admittedTerm-admn-sts")),
     ("Wulian County", ())),
    ("unmarked-counts-as-admitted", (ZH, "en-GB|" + term("Wulian County")), ("Wulian County", ())),
    ("tbx-min-style-statuses",
     (ZH, "en|" + term("Wulian County", "preferred") + term("Wulian Xian", "notRecommended")
      + term("Wulien", "obsolete")),
     ("Wulian County", ("Wulian Xian", "Wulien"))),
    ("chinese-deprecated-term-ignored",
     ("zh-Hans|" + term("五莲", "deprecatedTerm-admn-sts") + term("五莲县"), "en|" + term("Wulian County")),
     ("Wulian County", ())),
]


@pytest.mark.parametrize("sections, expected", [case[1:] for case in MAPPINGS], ids=[case[0] for case in MAPPINGS])
def test_tbx_status_mapping(tmp_path, sections, expected):
    path = tmp_path / "mapping.tbx"
    path.write_bytes(v3_entry(*sections))
    glossary = tbx.read(path)
    assert [(t.source, t.target, t.forbidden) for t in glossary.terms] == [("五莲县", *expected)]
    assert glossary.problems == ()


@pytest.mark.parametrize("sections, entry_id, problem", [
    (("fr|" + term("comté de Wulian"),), ' id="c9"', "entry 1 (id c9): no Chinese or English term"),
    (("zh|" + term("五莲", "deprecatedTerm-admn-sts"), "en|" + term("Wulian County")), "",
     "entry 1: no Chinese term (only deprecated Chinese ones)"),
    ((ZH, "en|" + term("  ")), ' id="c9"', "entry 1 (id c9): no English term"),
], ids=["only-french", "only-deprecated-chinese-no-id", "blank-english"])
def test_tbx_unusable_entries_reported_with_position(tmp_path, sections, entry_id, problem):
    path = tmp_path / "unusable.tbx"
    path.write_bytes(v3_entry(*sections, entry_id=entry_id))
    assert tbx.read(path).problems == (problem,)


PASSWD_LINE = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").split("\n", 1)[0] \
    if Path("/etc/passwd").exists() else "root:x:0:0"
HOSTILE_TBX = [
    ("xxe-passwd.tbx", "refusing XML with a DTD"),
    ("xxe-parameter-entity.tbx", "refusing XML with a DTD"),
    ("billion-laughs.tbx", "refusing XML with a DTD"),
    ("external-dtd.tbx", "refusing XML with a DTD"),
    ("truncated.tbx", "not well-formed XML at line 12"),
]


@pytest.mark.parametrize("name, phrase", HOSTILE_TBX, ids=[name for name, _ in HOSTILE_TBX])
def test_tbx_hostile_files_refused_quickly_in_one_line(name, phrase):
    message = refused_quickly(tbx.read, HOSTILE / name, phrase)
    assert PASSWD_LINE not in message and "root:" not in message


@pytest.mark.parametrize("content, phrase", [
    (b"<martif><text><body><termEntry><langSet xml:lang='en'><tig><term>&xxe;</term></tig></langSet>"
     b"</termEntry></body></text></martif>", "not well-formed XML at line 1.*Entity 'xxe' not defined"),
    (b'<xliff version="1.2"><file/></xliff>', "not a TBX glossary"),
    (b"source,target\n", "not well-formed XML"),
], ids=["undeclared-entity", "xliff-not-tbx", "csv-named-tbx"])
def test_tbx_other_refusals(tmp_path, content, phrase):
    path = tmp_path / "other.tbx"
    path.write_bytes(content)
    with pytest.raises(UserError, match=phrase) as error:
        tbx.read(path)
    one_line_naming(error, path)


@pytest.mark.parametrize("version, root_tag, entry_tag, term_section", [
    ("v3", "{urn:iso:std:iso:30042:ed-2}tbx", "conceptEntry", "termSec"),
    ("basic2008", "martif", "termEntry", "tig"),
], ids=["v3", "basic2008"])
def test_tbx_written_file_is_tbx_basic(tmp_path, version, root_tag, entry_tag, term_section):
    path = tmp_path / "out.tbx"
    write_file(tbx.render, Glossary(TRICKY[:2]), path, version=version)
    raw = path.read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>") and b"<!DOCTYPE" not in raw
    assert "R&amp;D &lt;Dept&gt;".encode() in raw and "蒋卫东".encode() in raw
    root = etree.fromstring(raw)
    assert root.tag == root_tag and root.get("type", "").startswith("TBX-Basic")
    first = next(e for e in root.iter() if etree.QName(e).localname == entry_tag)
    english = [section for section in first if section.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"][0]
    statuses = [[(etree.QName(child).localname, child.get("type"), child.text) for child in section]
                for section in english if etree.QName(section).localname == term_section]
    assert statuses == [
        [("term", None, "Jiang Weidong"), ("termNote", "administrativeStatus", "preferredTerm-admn-sts"),
         ("termNote", "termType", "person")],
        [("term", None, "Jiang Wei dong"), ("termNote", "administrativeStatus", "deprecatedTerm-admn-sts")],
        [("term", None, "Weidong Jiang"), ("termNote", "administrativeStatus", "deprecatedTerm-admn-sts")],
    ]


def test_tbx_unknown_version_and_control_characters_refused(tmp_path):
    with pytest.raises(UserError, match="unknown TBX version 'v2'"):
        write_file(tbx.render, Glossary(TRICKY), tmp_path / "out.tbx", version="v2")
    with pytest.raises(UserError, match="control characters"):
        write_file(tbx.render, Glossary((Term("坏", "bad\x01term"),)), tmp_path / "bad.tbx")


def test_a_refused_tbx_write_leaves_the_file_that_was_there(tmp_path):
    path = tmp_path / "glossary.tbx"
    write_file(tbx.render, Glossary(TRICKY[:2]), path)
    before = path.read_bytes()
    with pytest.raises(UserError, match="control characters"):
        write_file(tbx.render, Glossary((Term("坏", "bad\x01term"),)), path)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["glossary.tbx"]
