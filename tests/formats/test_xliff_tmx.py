"""XLIFF 2.0, XLIFF 1.2 and TMX: round trips, official schemas, translate-toolkit as a second reader, hostile files."""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from tests.formats.format_contract import one_line_naming, refused_quickly
from tests.formats.test_release_formats import RoundTripContract
from workbench.release import export as release
from workbench.errors import UserError
from workbench.formats import tmx, xliff
from workbench.ingest.bilingual import read_memory
from workbench.release.model import ExportProject, ExportUnit
from tests.conftest import ROOT, TESTS, write_file, writer

HOSTILE = TESTS / "hostile"
OTHER_TOOL_TMX = TESTS / "data" / "tmx" / "other-tool.tmx"
# The official OASIS XLIFF schemas, as Debian's php-symfony-translation installs them.
SYMFONY_SCHEMAS = Path("/usr/share/php/Symfony/Component/Translation/Resources/schemas")
# The LISA TMX 1.4b DTD ships only inside Debian's omegat package; scripts/test.sh downloads the .deb and keeps
# just the DTD in .cache/schemas/ (no Java needed); an installed omegat works too.
CACHED_TMX_DTD = ROOT / ".cache" / "schemas" / "tmx14.dtd"
OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")

PRESS, MISC = "新闻稿 2024.docx", "notes & <misc>.txt"
TRICKY = (
    ExportUnit("1", PRESS, 0, "五征集团董事长蒋卫东出席会议。",
               "Jiang Weidong, Chairman of Wuzheng Group, attended the meeting.", "approved",
               approver="林梅", approved_at="2024-05-02T09:00:00Z", created_by="mt-import",
               created_at="2024-05-01T08:00:00Z", changed_by="lin.mei", changed_at="2024-05-01T10:20:30Z",
               comments=("Name order checked against the glossary",), draft="Chairman Jiang Weidong attended."),
    ExportUnit("2", PRESS, 0, "5G网络正式开通🚀", "The 5G network is live 🚀", "edited",
               created_by="mt-import", created_at="2024-05-01T08:00:00Z",
               findings=("numbers/number_missing: 5G is missing", "punctuation/fullwidth: ！ in English")),
    ExportUnit("3", PRESS, 1, "研发部<b>&amp;</b>", "<b>&amp;</b> R&D", "draft", draft="<b>&amp;</b> R&D"),
    ExportUnit("4", PRESS, 1, "他说：“你好”", "He said, “hello” — ‘twice’", "rejected",
               approver="wang", approved_at="2024-05-03T11:00:00Z", comments=("Too literal", "  keep the spaces  ")),
    ExportUnit("5", PRESS, 2, "  前后空格  ", "  leading and trailing spaces  ", "edited"),
    ExportUnit("6", PRESS, 2, "价格\u00a0100元", "", "draft"),
    ExportUnit("7", MISC, 0, "第一行\n第二行\r\n\t第三行", "line one\nline two\r\n\tline three", "approved",
               approver="lin", approved_at="2024-05-04T00:00:00Z"),
    ExportUnit("8", MISC, 3, "𠀀 outside the BMP", "price\u00a0100\u00a0yuan", "draft",
               findings=("spacing/x: <tag> & 'quotes'",)),
)
PROJECT = ExportProject("tricky", TRICKY, (PRESS, MISC))

FORMATS = [
    pytest.param(lambda project, path: write_file(xliff.render, project, path, "2.0"), xliff.read, ".xlf", id="xliff-2.0"),
    pytest.param(lambda project, path: write_file(xliff.render, project, path, "1.2"), xliff.read, ".xlf", id="xliff-1.2"),
    pytest.param(writer(tmx.render), tmx.read, ".tmx", id="tmx"),
]


class TestXliff20Contract(RoundTripContract):
    """XLIFF through the contract every release format passes (atomic, deterministic, round trip, refusals)."""

    suffix = ".xlf"
    format_name = "xliff"

    def read(self, path, **options):
        return xliff.read(path, **options)

    def test_empty_project_is_written(self, tmp_path):
        """Overridden: both XLIFF schemas need at least one unit, so an empty project is refused, not written."""
        path = tmp_path / "empty.xlf"
        with pytest.raises(UserError, match="has no segments") as error:
            self.write(ExportProject("空", ()), path)
        one_line_naming(error, path)
        assert not path.exists()

    test_empty_project_round_trips = None  # pytest collects no test under a name set to None


class TestXliff12Contract(TestXliff20Contract):
    format_name = "xliff12"


class TestTmxContract(RoundTripContract):
    suffix = ".tmx"
    format_name = "tmx"

    def read(self, path, **options):
        return tmx.read(path, **options)


@pytest.mark.parametrize("write, read, suffix", FORMATS)
def test_round_trip_keeps_every_unit_and_the_bytes(tmp_path, write, read, suffix):
    first, second = tmp_path / f"first{suffix}", tmp_path / f"second{suffix}"
    write(PROJECT, first)
    units = read(first)
    assert tuple(units) == TRICKY
    write(ExportProject(PROJECT.name, tuple(units), PROJECT.documents), second)
    assert second.read_bytes() == first.read_bytes()


@pytest.mark.parametrize("unit", TRICKY, ids=[f"{u.id}-{u.status}" for u in TRICKY])
@pytest.mark.parametrize("write, read, suffix", FORMATS)
def test_round_trip_of_each_tricky_unit(tmp_path, write, read, suffix, unit):
    path = tmp_path / f"one{suffix}"
    write(ExportProject("one", (unit,)), path)
    assert read(path) == [unit]


STATUS_TABLE = [  # status, XLIFF 2.0 state, XLIFF 1.2 target state, XLIFF 1.2 approved
    ("draft", "initial", "needs-review-translation", None),
    ("edited", "translated", "translated", None),
    ("approved", "final", "final", "yes"),
    ("rejected", "initial", "needs-translation", None),
]


@pytest.mark.parametrize("status, state_20, state_12, approved_12", STATUS_TABLE, ids=[r[0] for r in STATUS_TABLE])
def test_status_is_written_as_standard_states_and_kept_exactly(tmp_path, status, state_20, state_12, approved_12):
    project = ExportProject("one", (replace(TRICKY[0], status=status),))
    write_file(xliff.render, project, tmp_path / "a.xlf", "2.0")
    segment = etree.parse(str(tmp_path / "a.xlf")).find(".//{*}segment")
    assert (segment.get("state"), segment.get("subState")) == (state_20, f"workbench:{status}")
    write_file(xliff.render, project, tmp_path / "b.xlf", "1.2")
    unit = etree.parse(str(tmp_path / "b.xlf")).find(".//{*}trans-unit")
    assert (unit.find("{*}target").get("state"), unit.get("approved")) == (state_12, approved_12)
    write_file(tmx.render, project, tmp_path / "c.tmx")
    assert etree.parse(str(tmp_path / "c.tmx")).find(".//prop[@type='x-status']").text == status
    for path in (tmp_path / "a.xlf", tmp_path / "b.xlf"):
        assert xliff.read(path)[0].status == status
    assert tmx.read(tmp_path / "c.tmx")[0].status == status


def test_tmx_carries_history_as_standard_attributes(tmp_path):
    write_file(tmx.render, PROJECT, tmp_path / "m.tmx")
    tu = etree.parse(str(tmp_path / "m.tmx")).find(".//tu")
    assert dict(tu.attrib) == {"tuid": "1", "creationid": "mt-import", "creationdate": "20240501T080000Z",
                               "changeid": "lin.mei", "changedate": "20240501T102030Z"}
    header = etree.parse(str(tmp_path / "m.tmx")).find("header")
    assert [header.get(name) for name in ("srclang", "creationtool", "o-tmf")] == ["zh-CN", "workbench", "workbench"]
    assert [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tu.iter("tuv")] == ["zh-CN", "en-US"]


def _schema_missing(reason: str) -> None:
    """Skip on a developer's machine; fail under scripts/test.sh (and so CI), which promises the schemas."""
    if os.environ.get("WORKBENCH_REQUIRE_SCHEMAS"):
        pytest.fail(f"{reason} (scripts/test.sh should have fetched it)")
    pytest.skip(reason)


def _xliff_schema(name: str) -> etree.XMLSchema:
    if not (SYMFONY_SCHEMAS / name).exists():
        _schema_missing(f"{name} comes with Debian's php-symfony-translation; apt-get install php-symfony-translation")
    document = etree.parse(str(SYMFONY_SCHEMAS / name), etree.XMLParser(no_network=True, resolve_entities=False))
    for schema_import in document.iter("{http://www.w3.org/2001/XMLSchema}import"):  # the local xml.xsd, no network
        if schema_import.get("namespace") == "http://www.w3.org/XML/1998/namespace":
            schema_import.set("schemaLocation", (SYMFONY_SCHEMAS / "xml.xsd").as_uri())
    return etree.XMLSchema(document)


def _tmx_dtd() -> etree.DTD:
    if CACHED_TMX_DTD.exists():
        return etree.DTD(str(CACHED_TMX_DTD))
    if not OMEGAT_JAR.exists():
        _schema_missing(f"the TMX 1.4b DTD is missing; bash scripts/test.sh puts it in {CACHED_TMX_DTD}")
    with zipfile.ZipFile(OMEGAT_JAR) as jar:
        return etree.DTD(io.BytesIO(jar.read("schemas/tmx14.dtd")))


VALIDATORS = [
    pytest.param("2.0", lambda: _xliff_schema("xliff-core-2.0.xsd"), id="xliff-2.0-core-xsd"),
    pytest.param("1.2", lambda: _xliff_schema("xliff-core-1.2-strict.xsd"), id="xliff-1.2-strict-xsd"),
    pytest.param("tmx", _tmx_dtd, id="tmx-1.4b-dtd"),
]


@pytest.mark.parametrize("version, validator", VALIDATORS)
def test_written_files_are_valid_against_the_official_schema(tmp_path, version, validator):
    schema = validator()
    path = tmp_path / "out.xml"
    write_file(tmx.render, PROJECT, path) if version == "tmx" else write_file(xliff.render, PROJECT, path, version)
    assert schema.validate(etree.parse(str(path))), schema.error_log


BREAKAGES = {  # an out-of-vocabulary value the standard enumerates, so a validator that accepts anything fails
    "2.0": (".//{*}segment", "state"),
    "1.2": (".//{*}target", "state"),
    "tmx": ("header", "segtype"),
}


@pytest.mark.parametrize("version, validator", VALIDATORS)
def test_the_schema_check_is_not_vacuous(tmp_path, version, validator):
    schema = validator()
    path = tmp_path / "out.xml"
    write_file(tmx.render, PROJECT, path) if version == "tmx" else write_file(xliff.render, PROJECT, path, version)
    tree = etree.parse(str(path))
    element, attribute = BREAKAGES[version]
    tree.find(element).set(attribute, "half-done")
    assert not schema.validate(tree)


def _toolkit_store(kind: str, path: Path):
    storage = pytest.importorskip(f"translate.storage.{kind}")
    store_class = {"xliff2": "Xliff2File", "xliff": "xlifffile", "tmx": "tmxfile"}[kind]
    return getattr(storage, store_class).parsefile(str(path))


@pytest.mark.parametrize("kind, write", [
    ("xliff2", lambda project, path: write_file(xliff.render, project, path, "2.0")),
    ("xliff", lambda project, path: write_file(xliff.render, project, path, "1.2")),
    ("tmx", writer(tmx.render)),
], ids=["xliff-2.0", "xliff-1.2", "tmx"])
def test_translate_toolkit_reads_the_same_units(tmp_path, kind, write):
    path = tmp_path / ("out.tmx" if kind == "tmx" else "out.xlf")
    write(PROJECT, path)
    store = _toolkit_store(kind, path)
    assert [(str(u.source), str(u.target)) for u in store.units] == [(u.source, u.target) for u in TRICKY]
    if kind != "tmx":
        assert [u.isapproved() for u in store.units] == [u.status == "approved" for u in TRICKY]


def _written_by_translate_toolkit(kind: str) -> bytes:
    storage = pytest.importorskip(f"translate.storage.{kind}")
    if kind == "tmx":
        store = storage.tmxfile(sourcelanguage="zh-CN", targetlanguage="en-US")  # writes <!DOCTYPE tmx SYSTEM ...>
        for unit in TRICKY:
            store.addtranslation(unit.source, "zh-CN", unit.target, "en-US")
        return bytes(store)
    store_class = storage.Xliff2File if kind == "xliff2" else storage.xlifffile
    store = store_class(sourcelanguage="zh-CN", targetlanguage="en-US")
    for unit in TRICKY:
        toolkit_unit = store.addsourceunit(unit.source)
        toolkit_unit.setid(unit.id)
        toolkit_unit.target = unit.target
        toolkit_unit.markapproved(unit.status == "approved")
    return bytes(store)


@pytest.mark.parametrize("kind, read", [("xliff2", xliff.read), ("xliff", xliff.read), ("tmx", tmx.read)],
                         ids=["xliff-2.0", "xliff-1.2", "tmx"])
def test_files_written_by_translate_toolkit_read_back(tmp_path, kind, read):
    path = tmp_path / ("toolkit.tmx" if kind == "tmx" else "toolkit.xlf")
    path.write_bytes(_written_by_translate_toolkit(kind))
    units = read(path)
    assert [(u.source, u.target) for u in units] == [(u.source, u.target) for u in TRICKY]
    if kind != "tmx":
        assert [u.id for u in units] == [u.id for u in TRICKY]
        assert [u.status == "approved" for u in units] == [u.status == "approved" for u in TRICKY]


HOSTILE_CASES = [
    ("xliff-xxe.xlf", xliff.read, "refusing XML with a DTD"),
    ("xliff-billion-laughs.xlf", xliff.read, "refusing XML with a DTD"),
    ("tmx-external-dtd.tmx", tmx.read, "refusing XML with a DTD"),
    ("tmx-truncated.tmx", tmx.read, "not well-formed XML at line 11"),
]


@pytest.mark.parametrize("name, read, expected", HOSTILE_CASES, ids=[case[0] for case in HOSTILE_CASES])
def test_hostile_files_are_refused_quickly_in_one_line(name, read, expected):
    message = refused_quickly(read, HOSTILE / name, expected)
    assert "root:" not in message and "lol" not in message


_BODY = ('<tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="6.0" segtype="sentence" '
         'o-tmf="OmegaT TMX" adminlang="EN-US" srclang="zh-CN" datatype="plaintext"/><body><tu>'
         '<tuv xml:lang="zh-CN"><seg>你好</seg></tuv><tuv xml:lang="en-US"><seg>Hello{}</seg></tuv></tu></body></tmx>')
DOCTYPE_CASES = [
    ('<!DOCTYPE tmx SYSTEM "tmx14.dtd">', "", None),
    ('<!DOCTYPE tmx PUBLIC "-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN" "tmx14.dtd" >', "", None),
    ('<!DOCTYPE tmx SYSTEM "tmx14.dtd" [<!ENTITY x "boom">]>', "&x;", "refusing XML with a DTD"),
    ('<!DOCTYPE tmx SYSTEM "tmx14.dtd">', "&x;", "refusing XML with entity"),
    ('<!DOCTYPE tmx SYSTEM "file:///etc/passwd">', "", "refusing XML with a DTD"),
    ('<!DOCTYPE tmx SYSTEM "../tmx14.dtd">', "", "refusing XML with a DTD"),
    ('<!-- <!DOCTYPE tmx SYSTEM "tmx14.dtd"> -->\n<!DOCTYPE tmx SYSTEM "tmx14.dtd" [<!ENTITY x "boom">]>', "&x;",
     "refusing XML with a DTD"),
]


@pytest.mark.parametrize("doctype, extra, refusal", DOCTYPE_CASES,
                         ids=["omegat", "public-id", "internal-subset", "undeclared-entity", "file-url", "path",
                              "hidden-in-comment"])
def test_only_the_bare_standard_tmx_doctype_is_accepted_and_never_loaded(tmp_path, doctype, extra, refusal):
    (tmp_path / "tmx14.dtd").write_text('<!ENTITY x "LOADED">')  # would declare &x; if it were ever read
    path = tmp_path / "memory.tmx"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n{_BODY.format(extra)}', encoding="utf-8")
    if refusal is None:
        assert [(u.source, u.target) for u in tmx.read(path)] == [("你好", "Hello")]
    else:
        with pytest.raises(UserError, match=refusal) as error:
            tmx.read(path)
        assert "LOADED" not in one_line_naming(error, path)


def test_tmx_from_another_tool_reads_as_draft_units():
    units = tmx.read(OTHER_TOOL_TMX)
    assert [(u.id, u.document, u.paragraph, u.status) for u in units] == [
        ("1", "other-tool.tmx", 0, "draft"), ("2", "other-tool.tmx", 1, "draft"), ("3", "other-tool.tmx", 2, "draft")]
    assert [(u.source, u.target) for u in units] == [
        ("五征集团董事长蒋卫东出席会议。", "Jiang Weidong, Chairman of Wuzheng Group, attended the meeting."),
        ("5G网络覆盖五莲县。", "The 5G network covers Wulian County."),
        ("研发部 R&D", "R&D Department")]
    assert (units[0].created_by, units[0].created_at, units[0].changed_at) == (
        "LIN.MEI", "2023-09-15T08:15:02Z", "2023-10-02T14:12:33Z")
    assert units[1].comments == ("Checked against the client glossary",)
    assert read_memory(OTHER_TOOL_TMX) == [(u.source, u.target) for u in units]


FOREIGN_XLIFF = [
    pytest.param(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.html" '
        'source-language="zh-CN" target-language="en" datatype="html"><body><group id="g1">'
        '<trans-unit id="t1" approved="yes"><source>你好<g id="1">世界</g></source><target>Hello '
        '<g id="1">world</g></target><note>from the developer</note></trans-unit>'
        '<trans-unit id="t2"><source>再见<x id="2"/></source><target state="translated">Bye</target>'
        '<alt-trans><target>Farewell</target></alt-trans></trans-unit></group></body></file></xliff>',
        [("t1", "a.html", 0, "你好世界", "Hello world", "approved", ("from the developer",)),
         ("t2", "a.html", 1, "再见", "Bye", "edited", ())], id="xliff-1.2"),
    pytest.param(
        '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh" trgLang="en">'
        '<file id="f"><unit id="u1"><notes><note category="description">a title</note></notes>'
        '<segment state="final"><source>你好。</source><target>Hello.</target></segment>'
        '<ignorable><source> </source></ignorable>'
        '<segment><source><pc id="1">再见</pc><ph id="2"/></source><target>Bye<cp hex="2603"/></target></segment>'
        '</unit><unit id="u2"><segment state="reviewed"><source>谢谢</source><target>Thanks</target></segment></unit>'
        '<unit id="u3"><segment state="translated"><source>对</source><target>Yes</target></segment></unit>'
        '<group id="g"><unit id="u4"><segment><source>不</source></segment></unit></group></file></xliff>',
        [("u1", "f", 0, "你好。 再见", "Hello.Bye☃", "approved", ("a title",)),
         ("u2", "f", 1, "谢谢", "Thanks", "approved", ()), ("u3", "f", 2, "对", "Yes", "edited", ()),
         ("u4", "f", 3, "不", "", "draft", ())], id="xliff-2.0"),
]


@pytest.mark.parametrize("text, expected", FOREIGN_XLIFF)
def test_xliff_from_another_tool(tmp_path, text, expected):
    path = tmp_path / "other.xlf"
    path.write_text(text, encoding="utf-8")
    units = xliff.read(path)
    assert [(u.id, u.document, u.paragraph, u.source, u.target, u.status, u.comments) for u in units] == expected


@pytest.mark.parametrize("read, suffix", [(xliff.read, ".xlf"), (tmx.read, ".tmx")], ids=["xliff", "tmx"])
def test_a_file_over_the_size_cap_is_refused_before_parsing(tmp_path, read, suffix):
    path = tmp_path / f"big{suffix}"
    path.write_bytes(b"<" * 2000)  # not even XML: the cap must answer first
    with pytest.raises(UserError, match="size cap") as error:
        read(path, size_cap=1000)
    one_line_naming(error, path)


@pytest.mark.parametrize("text, read, expected", [
    ('<tmx version="1.4"><header/><body><tu><tuv xml:lang="fr"><seg>bonjour</seg></tuv></tu></body></tmx>',
     tmx.read, "no Chinese-English translation units"),
    ("<xliff><file/></xliff>", tmx.read, "not a TMX file"),
    ('<tmx version="1.4"><header/><body/></tmx>', xliff.read, "not an XLIFF file"),
    (('<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"><file id="f"><unit id="1"><notes>'
      '<note category="workbench:paragraph">two</note></notes><segment><source>一</source></segment></unit>'
      '</file></xliff>'), xliff.read, "paragraph 'two' is not a whole number"),
], ids=["french-only-tmx", "xliff-as-tmx", "tmx-as-xliff", "bad-paragraph"])
def test_unreadable_content_is_one_line(tmp_path, text, read, expected):
    path = tmp_path / "file.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=expected) as error:
        read(path)
    one_line_naming(error, path)


@pytest.mark.parametrize("write, project, expected", [
    (lambda p, path: write_file(xliff.render, p, path, "2.1"), PROJECT, "unknown XLIFF version"),
    (writer(xliff.render), ExportProject("empty", ()), "has no segments"),
    (writer(xliff.render), ExportProject("c", (replace(TRICKY[0], target="bell \x07"),)), "segment 1 contains control"),
    (writer(tmx.render), ExportProject("c", (replace(TRICKY[0], target="bell \x07"),)), "segment 1 contains control"),
    (writer(xliff.render), ExportProject("d", (TRICKY[0], TRICKY[0])), "appears twice"),
    (writer(xliff.render), ExportProject("s", (replace(TRICKY[0], id="segment 1"),)), "cannot be an XLIFF 2.0 unit id"),
    (writer(tmx.render), ExportProject("t", (replace(TRICKY[0], created_at="yesterday"),)), "not an ISO 8601 time"),
    (writer(tmx.render), ExportProject("u", (replace(TRICKY[0], status="done"),)), "unknown status 'done'"),
], ids=["version", "empty", "control-xliff", "control-tmx", "duplicate-id", "id-with-space", "bad-date", "status"])
def test_write_refusals_are_one_line_and_leave_no_file(tmp_path, write, project, expected):
    path = tmp_path / "out.xml"
    with pytest.raises(UserError, match=expected) as error:
        write(project, path)
    assert "\n" not in str(error.value)
    assert not path.exists()


@pytest.mark.parametrize("fmt, read", [("xliff", xliff.read), ("xliff12", xliff.read), ("tmx", tmx.read)])
def test_release_export_registry_writes_these_formats(tmp_path, fmt, read):
    path = tmp_path / f"release.{fmt}"
    release.write_export(PROJECT, fmt, path)
    assert tuple(read(path)) == TRICKY
