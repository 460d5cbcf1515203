"""The Glossary page and its store functions: edit, validate, version, import, export and term usage."""

from __future__ import annotations


import pytest
from sqlalchemy import select

from tests.conftest import shown
from workbench.qa.driver import Checker
from workbench.model import Pair
from workbench.project.checked import CheckedProject
from workbench.project.editing import ignore_finding
from workbench.project.glossary_edit import current_glossary, save_terms, term_rows, term_usage
from workbench.project.importing import ensure_sample
from workbench.project.settings import set_check_config
from workbench.store.models import Event
from workbench.store.repository import project_by_name, project_terms
from workbench.store.review import numbered_segments

PROJECT = "wuzheng-5g"
PAGE = "app_pages/glossary.py"


def forbidden_findings(factory) -> list[tuple[int, str]]:
    """(segment number, message) of every glossary_forbidden finding, checked with the project's terms."""
    with factory() as session:
        project = project_by_name(session, PROJECT)
        checker = Checker(project_terms(session, project))
        segments = {s.id: (n, s) for n, _, s in numbered_segments(session, project.id)}
    reports = checker.check([Pair(s.source_text, s.target_text, s.kind, s.paragraph, index=s.id)
                             for _, s in segments.values()])
    return [(segments[r.pair.index][0], f.message) for r in reports for f in r.findings
            if f.check == "glossary_forbidden"]


def glossary_events(factory) -> list[Event]:
    with factory() as session:
        return list(session.scalars(select(Event).where(Event.action == "glossary").order_by(Event.id)))


def test_page_shows_the_sample_glossary_and_its_usage(app):
    app.switch_page(PAGE).run()
    assert not app.exception
    editor = app.data_editor[0]
    assert editor.editing_mode == "dynamic"
    terms = editor.value
    assert list(terms.columns) == ["source", "target", "type", "forbidden", "note"]
    assert len(terms) == 22
    row = terms[terms["source"] == "五莲县政府"].iloc[0]
    assert row["target"] == "Wulian County Government" and row["forbidden"] == "Wulian Government"
    usage = [d for d in app.dataframe if d.editing_mode == "read_only"][0].value
    jiang = usage[usage["Chinese"] == "蒋卫东"].iloc[0]
    assert jiang["segments"] == 3 and jiang["violated in"] == "12"
    assert "22 terms · version 1" in [c.value for c in app.caption]
    assert not any("蒋卫东" in m.value for m in app.markdown)  # terms never go through Markdown


def test_a_bad_row_is_reported_by_its_editor_row_and_nothing_is_saved(app, factory):
    before = current_glossary(factory, PROJECT)
    rows = term_rows(before.terms)
    rows[2]["source"] = ""
    rows.append({"source": "新词", "target": None, "type": "term", "forbidden": None, "note": None})
    rows.append({"source": None, "target": None, "type": None, "forbidden": None, "note": None})  # blank: ignored
    saved, problems = save_terms(factory, PROJECT, rows, "Lin")
    assert saved == 0
    assert [str(p) for p in problems] == ["row 3: empty source term", "row 23: 新词: empty target"]
    after = current_glossary(factory, PROJECT)
    assert after.version == before.version and after.terms == before.terms
    assert len(glossary_events(factory)) == 1  # only the import's


def test_a_valid_save_is_a_new_version_with_an_audit_event_and_changes_the_findings(app, factory):
    assert any(n == 4 and "Wulian Government" in m for n, m in forbidden_findings(factory))
    rows = term_rows(current_glossary(factory, PROJECT).terms)
    row = next(r for r in rows if r["source"] == "五莲县政府")
    row["forbidden"] = ""
    saved, problems = save_terms(factory, PROJECT, rows, "Lin")
    assert (saved, problems) == (22, ())
    after = current_glossary(factory, PROJECT)
    assert after.version == 2 and len(after.terms) == 22
    assert next(t for t in after.terms if t.source == "五莲县政府").forbidden == ()
    event = glossary_events(factory)[-1]
    assert event.actor == "Lin" and event.detail["version"] == 2 and event.detail["terms"] == 22
    assert not any("Wulian Government" in m for _, m in forbidden_findings(factory))
    assert any("Jiang Wei dong" in m for _, m in forbidden_findings(factory))  # the other terms still apply


def test_term_usage_finds_the_segment_that_breaks_a_name(factory):
    ensure_sample(factory)
    with factory() as session:
        project = project_by_name(session, PROJECT)
        number = next(n for n, _, s in numbered_segments(session, project.id) if "Jiang Wei dong" in s.target_text)
    usage = term_usage(CheckedProject(factory, PROJECT).refresh())
    jiang = next(u for u in usage if u["source"] == "蒋卫东")
    assert number in jiang["used_in"] and jiang["violated_in"] == [number]  # name_spelling's finding names 蒋卫东
    assert jiang["rendered"] == jiang["segments"] - 1
    government = next(u for u in usage if u["source"] == "五莲县政府")
    assert government["violated_in"] == [4] and government["rendered"] == 0


def _violated(factory, source: str) -> list[int]:
    return next(u for u in term_usage(CheckedProject(factory, PROJECT).refresh()) if u["source"] == source)["violated_in"]


@pytest.mark.parametrize("silence", ["ignore the finding", "switch the check off"])
def test_term_usage_agrees_with_the_findings_the_pages_show(factory, silence):
    """"Violated in" is read from the open findings: a violation somebody ignored with a reason, or one
    whose check the project switched off, is no longer listed, as it is no longer shown anywhere."""
    ensure_sample(factory)
    assert _violated(factory, "五莲县政府") == [4]
    checked = CheckedProject(factory, PROJECT).refresh()
    segment = next(s for s in checked.snapshot.segments() if s.number == 4)
    finding = next(f for f in checked.open_findings(segment) if f.term == "五莲县政府")
    if silence == "ignore the finding":
        ignore_finding(factory, segment.id, finding, "the county's own usage", "reviewer")
    else:
        set_check_config(factory, PROJECT, {"disabled": [finding.check]}, "admin")
    assert _violated(factory, "五莲县政府") == []
    assert _violated(factory, "蒋卫东")  # the other terms' violations are still there


def test_page_save_with_an_invalid_edit_shows_the_row_and_keeps_the_glossary(app, factory):
    app.switch_page(PAGE).run()
    assert app.button(key="glossary-save").disabled  # nothing edited yet
    # AppTest cannot type into a data editor; a keyed editor takes its edit state from session state.
    app.session_state[app.data_editor[0].key] = {"edited_rows": {0: {"source": ""}}, "added_rows": [],
                                                 "deleted_rows": []}
    app.run()
    app.button(key="glossary-save").click().run()
    assert not app.exception
    errors = [shown(e) for e in app.error]
    assert errors[0].startswith("Nothing saved") and "row 1" in errors[1] and "empty source term" in errors[1]
    assert current_glossary(factory, PROJECT).version == 1


def test_a_new_row_with_an_empty_english_cell_is_named_by_the_row_number_the_grid_shows(app, factory):
    """Row numbers are the grid's own (a deleted row's number is not reused), and a new row missing its
    English is a named problem, not a Save button that greys out and says nothing."""
    app.switch_page(PAGE).run()
    rows = len(current_glossary(factory, PROJECT).terms)
    app.session_state[app.data_editor[0].key] = {"edited_rows": {}, "deleted_rows": [0],
                                                 "added_rows": [{"source": "智能工厂", "type": "term"}]}
    app.run()
    assert not app.button(key="glossary-save").disabled
    app.button(key="glossary-save").click().run()
    errors = [shown(e) for e in app.error]
    assert errors[0].startswith("Nothing saved") and errors[1] == f"row {rows + 1}: 智能工厂: empty target"
    assert current_glossary(factory, PROJECT).version == 1


def test_page_save_with_a_valid_edit_saves_and_shows_the_new_terms(app, factory):
    app.switch_page(PAGE).run()
    app.session_state[app.data_editor[0].key] = {
        "edited_rows": {6: {"forbidden": ""}},
        "added_rows": [{"source": "智能工厂", "target": "intelligent factory", "type": "term"}],
        "deleted_rows": [],
    }
    app.run()
    app.button(key="glossary-save").click().run()
    assert not app.exception and not app.error
    assert shown(app.success[0]) == "Saved 23 terms as a new glossary version."
    stored = current_glossary(factory, PROJECT)
    assert stored.version == 2 and stored.terms[-1].source == "智能工厂"
    assert next(t for t in stored.terms if t.source == "五莲县政府").forbidden == ()
    terms = app.data_editor[0].value
    assert len(terms) == 23 and "智能工厂" in list(terms["source"])
    assert glossary_events(factory)[-1].actor == "translator"  # the sidebar's default name


def test_import_replaces_the_terms_and_warns_about_bad_rows(app, factory):
    app.switch_page(PAGE).run()
    csv = "source,target,type,forbidden,note\n五征集团,Wuzheng Group,organization,Wu Zheng Group,\n,x,term,,\n"
    app.file_uploader(key="glossary-upload").upload("new.csv", csv.encode(), "text/csv").run()
    app.button(key="glossary-import").click().run()
    assert not app.exception
    assert shown(app.success[0]) == "Imported 1 terms from new.csv as a new glossary version."
    assert [shown(w) for w in app.warning] == ["Not imported: row 3: empty source term"]
    stored = current_glossary(factory, PROJECT)
    assert stored.version == 2 and [t.source for t in stored.terms] == ["五征集团"]
    assert len(app.data_editor[0].value) == 1


@pytest.mark.parametrize("content, reason", [
    (b"chinese,english\n\xe4\xba\x94,x\n", "lacks the column(s) source, target"),
    (b"source,target\n\xe4,x\n", "not valid UTF-8 at byte 14 (line 2)"),
], ids=["no-source-column", "undecodable"])
def test_a_bad_file_is_refused_in_one_line_and_the_glossary_kept(app, factory, content, reason):
    app.switch_page(PAGE).run()
    app.file_uploader(key="glossary-upload").upload("bad.csv", content, "text/csv").run()
    app.button(key="glossary-import").click().run()
    assert not app.exception
    message = shown(app.error[0])
    assert message.startswith("bad.csv: ") and reason in message and "\n" not in message
    assert current_glossary(factory, PROJECT).version == 1 and len(app.data_editor[0].value) == 22


@pytest.mark.parametrize("key, suffix", [("glossary-csv", ".csv"), ("glossary-tbx", ".tbx")], ids=["csv", "tbx"])
def test_export_downloads_a_file_that_reads_back_as_the_glossary(app, factory, monkeypatch, tmp_path, key, suffix):
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    from workbench.ingest.pipeline import read_glossary

    downloads = {}
    keep = MemoryMediaFileStorage.load_and_get_id

    def capture(self, data, mimetype, kind, filename=None):
        downloads[filename] = data
        return keep(self, data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", capture)
    app.switch_page(PAGE).run()
    assert not app.exception and not app.download_button(key=key).disabled
    path = tmp_path / f"{PROJECT}-glossary{suffix}"
    path.write_bytes(downloads[path.name])
    exported = read_glossary(path)
    assert exported.terms == current_glossary(factory, PROJECT).terms and not exported.problems
