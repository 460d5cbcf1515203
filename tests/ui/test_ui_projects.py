"""The Projects page with bad uploads: one error line in the page, the session keeps working, nothing saved changes."""

from __future__ import annotations

import io
import zipfile

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, shown
from workbench.formats import DEFAULT_SIZE_CAP
from workbench.store.models import Base
from workbench.store.repository import list_projects

SOURCE = ROOT / "samples" / "wuzheng-5g" / "source.zh.txt"
DRAFT = ROOT / "samples" / "wuzheng-5g" / "draft.en.txt"


def docx_without_document_xml() -> bytes:
    """A real zip that Word would refuse: it has no word/document.xml."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


BAD_UPLOADS = [  # which uploader, file name, bytes, what the error line must say
    pytest.param("import_source", "minutes.pdf", b"%PDF-1.4\n1 0 obj\n", "unsupported file type '.pdf'",
                 id="wrong-type"),
    pytest.param("import_draft", "draft", b"no suffix at all", "unsupported file type '(none)'",
                 id="no-suffix"),
    pytest.param("import_glossary", "terms.pdf", b"%PDF-1.4\n", "unsupported glossary type '.pdf'",
                 id="wrong-glossary-type"),
    pytest.param("import_source", "source.txt", bytes(range(0x80, 0x100)) * 40, "not readable as UTF-8",
                 id="undecodable-text"),
    pytest.param("import_source", "source.txt", b"", "the file is empty", id="empty"),
    pytest.param("import_source", "huge.txt", b"a" * (DEFAULT_SIZE_CAP + 1), "50.0 MB is over the 50 MB upload cap",
                 id="oversized"),
    pytest.param("import_source", "source.docx", b"PK\x03\x04 cut off here", "not a Word .docx file",
                 id="corrupt-docx"),
    pytest.param("import_draft", "draft.docx", docx_without_document_xml(), "no word/document.xml",
                 id="docx-without-document"),
    pytest.param("import_source", "source.txt", DRAFT.read_bytes(), "source.txt: not a Chinese source",
                 id="english-as-the-source"),
]


@pytest.fixture
def app(app):
    """The Projects page, run once."""
    app.run()
    return app


def store_rows(factory) -> dict[str, list]:
    """Every row of every table: what 'nothing saved before is lost or changed' means."""
    with factory() as session:
        return {table.name: sorted(map(tuple, session.execute(select(table)).all()), key=repr)
                for table in Base.metadata.sorted_tables}


def submit_import(app: AppTest, project: str, **uploads: tuple[str, bytes]) -> AppTest:
    """Fill the import form (source and draft default to the sample's) and press Import."""
    files = {"import_source": (SOURCE.name, SOURCE.read_bytes()), "import_draft": (DRAFT.name, DRAFT.read_bytes()),
             **uploads}
    app.text_input(key="import_project").set_value(project)
    for key, (name, content) in files.items():
        app.file_uploader(key=key).set_value((name, content, "application/octet-stream"))
    return next(b for b in app.button if b.label == "Import").click().run()


@pytest.mark.parametrize("uploader, name, content, expected", BAD_UPLOADS)
def test_a_bad_upload_is_one_error_line_and_the_store_is_unchanged(app, factory, uploader, name, content,
                                                                   expected):
    before = store_rows(factory)
    submit_import(app, "from-upload", **{uploader: (name, content)})
    assert not app.exception
    [error] = [shown(e) for e in app.error]
    assert expected in error and error.startswith(name + ":")  # the name the translator uploaded, no temp folder
    assert "\n" not in error and "/tmp" not in error
    assert app.status[0].proto.label == "Import failed"
    assert store_rows(factory) == before
    assert [shown(s) for s in app.subheader] == ["wuzheng-5g"]


def test_the_session_keeps_working_after_a_bad_upload(app, factory):
    before = {s.name: s for s in list_projects(factory)}
    submit_import(app, "press", import_source=("source.docx", b"PK\x03\x04 cut off here"))
    assert app.error
    submit_import(app, "press")
    assert not app.exception and not app.error
    assert [shown(s) for s in app.subheader] == ["press", "wuzheng-5g"]
    after = {s.name: s for s in list_projects(factory)}
    assert after["wuzheng-5g"] == before["wuzheng-5g"]
    assert after["press"].segments == before["wuzheng-5g"].segments  # the same sample, imported by upload


def test_a_source_and_a_draft_with_the_same_file_name_are_both_read(app, factory):
    submit_import(app, "same-names", import_source=("press.txt", SOURCE.read_bytes()),
                  import_draft=("press.txt", DRAFT.read_bytes()))
    assert not app.exception and not app.error
    [summary] = [s for s in list_projects(factory) if s.name == "same-names"]
    assert summary.segments == next(s for s in list_projects(factory) if s.name == "wuzheng-5g").segments


def test_glossary_rows_the_import_skips_are_named_on_the_page(app, factory):
    """As `workbench import` warns of them: a row of unknown type is not dropped without a word."""
    glossary = "source,target,type\n五征集团,Wuzheng Group,brand\n五莲,Wulian,place\n".encode()
    submit_import(app, "with-terms", import_glossary=("terms.csv", glossary))
    assert not app.exception and not app.error
    assert [w for w in map(shown, app.warning) if w.startswith("terms.csv: ") and "unknown type 'brand'" in w]
    app.run()  # said once: the next run of the page does not repeat it
    assert not [w for w in map(shown, app.warning) if "terms.csv" in w]


def test_a_project_is_deleted_from_the_page_once_its_name_is_typed(app, factory):
    assert app.button(key="delete-wuzheng-5g").disabled  # nothing typed yet
    app.text_input(key="delete-name-wuzheng-5g").set_value("wuzheng-5g").run()
    app.button(key="delete-wuzheng-5g").click().run()
    assert not app.exception and not app.error
    assert list_projects(factory) == [] and not app.subheader
    assert any("kept in the store, marked deleted" in shown(w) for w in app.warning)
