"""The app with Streamlit's AppTest: pages load and show the sample's pairs side by side."""

from __future__ import annotations

import json


from tests.conftest import shown
from tests.ui.conftest import new_session
from workbench.project.release import open_findings


def test_projects_page_lists_the_sample_with_progress(app):
    app.run()
    assert not app.exception
    assert [shown(s) for s in app.subheader] == ["wuzheng-5g"]
    assert "0 of" in app.get("progress")[0].proto.text


def test_pairs_page_shows_chinese_left_and_english_right(app):
    app.switch_page("app_pages/pairs.py").run()
    assert not app.exception
    texts = [t.value for t in app.text]
    assert texts[0] == "五征集团与中国移动日照分公司签署5G战略合作协议"
    assert texts[1].startswith("Wuzheng Group and China Mobile(Rizhao)")
    assert any("根据协议" in t for t in texts)  # the omitted sentence is shown, with an empty target
    assert "—" in texts
    assert any("1-0" in w.value for w in app.warning)


def test_document_text_is_never_rendered_as_markup(db_url, factory, monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_DB", db_url)
    from workbench.ingest.pipeline import align_texts
    from workbench.model import SourceText
    from workbench.text.paragraphs import paragraph_spans
    from workbench.store.repository import import_document

    zh = "五征集团签约。"
    en = "<script>alert(1)</script> **bold** <b>Wuzheng</b> signed."
    alignment = align_texts(SourceText(zh, paragraph_spans(zh)), SourceText(en, paragraph_spans(en)))
    import_document(factory, "hostile", "doc", "a", "b", zh, en, alignment)
    app = new_session()
    app.switch_page("app_pages/pairs.py").run()
    assert not app.exception
    assert en in [t.value for t in app.text]  # shown verbatim by st.text, not as HTML or Markdown
    assert not any("<script>" in m.value for m in app.markdown)


def test_empty_store(db_url, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DB", db_url)
    app = new_session()
    app.run()
    assert not app.exception
    assert "No projects yet" in app.info[0].value


def test_translate_page_saves_edits_and_applies_fixes_as_revisions(app, factory):
    from workbench.store.editing import history
    from workbench.store.repository import document_segments

    app.switch_page("app_pages/translate.py").run()
    assert not app.exception
    segments = document_segments(factory, "wuzheng-5g")[0][1]
    index = next(i for i, s in enumerate(segments) if "point of views" in s.target_text)
    chosen = segments[index]  # "Jiang Weidong share his point of views at the signing ceremony."
    fix_buttons = [b for b in app.button if b.key.startswith(f"fix-{chosen.id}-")]
    assert fix_buttons
    fix_buttons[0].click().run()
    assert not app.exception
    after = document_segments(factory, "wuzheng-5g")[0][1][index]
    assert after.version == 2 and after.target_text != chosen.target_text
    assert [r.reason for r in history(factory, chosen.id)][-1].startswith("fix: ")
    area = [t for t in app.text_area if t.key == f"target-{chosen.id}-2"][0]
    area.input("Jiang Weidong shared his views at the signing ceremony.")  # the editor is a form: no rerun yet
    [b for b in app.button if b.key == f"save-{chosen.id}"][0].click().run()
    final = document_segments(factory, "wuzheng-5g")[0][1][index]
    assert final.target_text == "Jiang Weidong shared his views at the signing ceremony." and final.version == 3
    [b for b in app.button if b.key == f"approve-{chosen.id}"][0].click().run()
    assert document_segments(factory, "wuzheng-5g")[0][1][index].status == "approved"


def test_review_page_diffs_escaped_text_and_approves(app, factory):
    from workbench.project.editing import save_edit
    from workbench.store.repository import document_segments

    segment = document_segments(factory, "wuzheng-5g")[0][1][6]
    save_edit(factory, segment.id, "<b>Jiang</b> *Weidong* shares his [views](http://x) :red[x]", "Lin", 1)
    app.switch_page("app_pages/review.py").run()
    assert not app.exception
    diff = [m.value for m in app.markdown if "Weidong" in m.value][0]
    assert ":green[**" in diff and ":red[~~" in diff
    assert "\\<b\\>" in diff and "\\*" in diff and "\\[views\\]" in diff  # escaped, inert
    assert "\\:red\\[x\\]" in diff  # a colour directive in the document stays text
    assert "<b>" not in diff.replace("\\<b\\>", "")
    app.button(key="bulk-approve").click().run()
    statuses = [s.status for s in document_segments(factory, "wuzheng-5g")[0][1]]
    assert statuses[6] == "edited" and statuses.count("approved") >= 1
    card = [c.value for c in app.caption if c.value.startswith("error")]
    assert card  # the reviewer sees the open errors they would approve over
    [b for b in app.button if b.key == f"review-approve-{segment.id}"][0].click().run()
    assert document_segments(factory, "wuzheng-5g")[0][1][6].status == "edited"  # asked first, not approved
    assert any("approve anyway?" in w.value for w in app.warning)
    app.button(key=f"review-approve-{segment.id}-anyway").click().run()
    assert document_segments(factory, "wuzheng-5g")[0][1][6].status == "approved"


def test_release_page_refuses_unapproved_and_exports_when_asked(app, factory):
    app.switch_page("app_pages/release.py").run()
    assert not app.exception
    assert "0 of 15 segments approved" in app.get("progress")[0].proto.text
    app.selectbox(key="release_format").select("txt").run()
    app.button(key="release_export").click().run()
    assert "not approved" in app.error[0].value
    assert "switch on “Include unapproved segments (marked)”" in shown(app.error[0])  # the page's words, not a flag
    assert "--include-unapproved" not in app.error[0].value
    app.toggle(key="release_include").set_value(True).run()
    app.button(key="release_export").click().run()
    assert not app.exception
    assert app.success and "wuzheng-5g.txt" in shown(app.success[0])
    manifest = json.loads(app.session_state["release_file"][3])
    # the findings the page showed are signed like the command line's fresh check of the same project
    assert manifest["check_signatures"] == open_findings(factory, "wuzheng-5g").signatures
    [signature] = manifest["check_signatures"].values()  # the sample's one document
    assert "|aligner:banded-dp/2|" in signature


def test_release_page_exports_the_projects_glossary_as_tbx(app, factory, tmp_path):
    from workbench.formats import tbx
    from workbench.store.repository import project_by_name, project_terms

    app.switch_page("app_pages/release.py").run()
    app.button(key="release_glossary").click().run()
    assert not app.exception
    project, data, count = app.session_state["release_glossary_file"]
    (tmp_path / "g.tbx").write_bytes(data)
    with factory() as session:
        terms = project_terms(session, project_by_name(session, "wuzheng-5g"))
    assert project == "wuzheng-5g" and tbx.read(tmp_path / "g.tbx").terms == terms and count == len(terms) > 0
    assert f"{count} terms" in shown(app.caption[-1])


def test_translate_filters_by_category_status_and_text(app):
    app.switch_page("app_pages/translate.py").run()
    assert len(app.text_area) == 10  # ten pairs a page
    app.number_input(key="page_number").set_value(2).run()
    assert len(app.text_area) == 5  # the sample's 15 pairs
    app.number_input(key="page_number").set_value(1).run()
    app.multiselect(key="filter_categories").select("number").run()
    targets = [t.value for t in app.text_area]
    assert len(targets) == 1 and "12 million yuan" in targets[0]
    app.multiselect(key="filter_categories").unselect("number").run()
    app.text_input(key="filter_search").input("蒋卫东").run()  # Chinese search
    assert len(app.text_area) == 3 and all("Jiang" in t.value for t in app.text_area)
    app.text_input(key="filter_search").input("POINT OF VIEWS").run()  # English, any case
    assert [t.value[:13] for t in app.text_area] == ["Jiang Weidong"]
    app.text_input(key="filter_search").input("").run()
    app.multiselect(key="filter_statuses").select("approved").run()
    assert len(app.text_area) == 0
    assert not app.exception


def test_a_pair_the_translator_has_written_is_no_longer_marked_for_checking(app, factory):
    from workbench.project import editing
    from workbench.store.repository import document_segments

    app.switch_page("app_pages/pairs.py").run()
    before = next(c.value for c in app.caption if "marked for checking" in c.value)
    assert any("1-0" in w.value for w in app.warning)
    [(_, segments)] = document_segments(factory, "wuzheng-5g")
    omitted = next(s for s in segments if s.kind == "1-0")  # the sample's low-confidence omission
    editing.save_edit(factory, omitted.id, "Under the agreement, the two sides will build a 5G network.", "translator")

    app.switch_page("app_pages/pairs.py").run()
    assert not app.exception
    after = next(c.value for c in app.caption if "marked for checking" in c.value)
    assert int(after.split("·")[1].split()[0]) == int(before.split("·")[1].split()[0]) - 1
    assert not any("1-0" in w.value for w in app.warning)
    assert not any("1-0" in c.value for c in app.caption)  # filled in, it is a translated pair (issue 13)


def test_the_name_typed_once_is_kept_on_every_page_and_acts_there(app, factory):
    """Without accounts "Your name" says who approves: typed on the Translate page it stays on the Review
    page, and the approval made there is recorded under it."""
    app.switch_page("app_pages/translate.py").run()
    assert app.sidebar.text_input(key="user_field").value == "translator"
    app.sidebar.text_input(key="user_field").set_value("Lin Mei").run()
    app.switch_page("app_pages/review.py").run()
    assert app.sidebar.text_input(key="user_field").value == "Lin Mei"
    app.switch_page("app_pages/release.py").run()
    assert app.sidebar.text_input(key="user_field").value == "Lin Mei"
    app.switch_page("app_pages/review.py").run()
    app.button(key="bulk-approve").click().run()
    from workbench.store.audit import project_log

    assert {e.actor for e in project_log(factory, "wuzheng-5g") if e.action == "approve"} == {"Lin Mei"}


def test_the_translator_sees_the_reviewers_comment_on_the_pair_and_in_its_history(app, factory):
    from workbench.project.review import decide

    comment = "Write “China Mobile Rizhao Branch”, as the glossary says. *Not* bold."
    decide(factory, "wuzheng-5g", "reject", "Chen", [1], comment)

    app.switch_page("app_pages/translate.py").run()
    rejected = [w.value for w in app.warning if "Rejected by Chen" in w.value]
    assert len(rejected) == 1 and "glossary says" in rejected[0]
    assert "\\*Not\\*" in rejected[0]  # the reviewer's text is escaped: shown as typed, never as Markdown

    app.switch_page("app_pages/review.py").run()
    app.toggle(key="only_changed").set_value(False).run()
    assert any("Rejected by Chen" in t.value and comment in t.value for t in app.text)


def test_release_downloads_have_their_own_names_and_go_stale_when_the_project_changes(app, factory):
    from workbench.project.review import decide

    app.switch_page("app_pages/release.py").run()
    app.toggle(key="release_include").set_value(True).run()
    names = {}
    for fmt in ("docx", "docx-bilingual", "xliff", "xliff12"):
        app.selectbox(key="release_format").select(fmt).run()
        app.button(key="release_export").click().run()
        names[fmt] = app.session_state["release_file"][1]
    assert len(set(names.values())) == 4, names  # no two downloads under one name
    assert names["docx"] == "wuzheng-5g.docx" and names["docx-bilingual"] == "wuzheng-5g-docx-bilingual.docx"
    app.run()  # a rerun (the click on a download button) keeps the download
    assert app.session_state["release_file"][1] == names["xliff12"]

    decide(factory, "wuzheng-5g", "approve", "Chen", [3])  # a colleague approves meanwhile
    app.run()
    assert "release_file" not in app.session_state
    assert any("export again" in c.value for c in app.caption)


def test_approving_a_pair_with_open_errors_asks_first(app, factory):
    from workbench.store.repository import document_segments

    first = document_segments(factory, "wuzheng-5g")[0][1][0]  # "China Mobile(Rizhao)": a forbidden rendering
    status = lambda: document_segments(factory, "wuzheng-5g")[0][1][0].status  # noqa: E731
    app.switch_page("app_pages/translate.py").run()
    app.button(key=f"approve-{first.id}").click().run()
    assert status() == "draft" and any("approve anyway?" in w.value for w in app.warning)
    app.button(key=f"approve-{first.id}-cancel").click().run()
    assert status() == "draft" and not any("approve anyway?" in w.value for w in app.warning)
    app.button(key=f"approve-{first.id}").click().run()
    app.button(key=f"approve-{first.id}-anyway").click().run()
    assert status() == "approved"


def test_a_save_refused_because_a_colleague_saved_first_keeps_what_was_typed(app, factory):
    """Nothing typed is lost: the card keeps your text in the box and shows theirs beside it; saving
    again makes yours the next revision, and theirs stays in the history."""
    from workbench.project.editing import save_edit
    from workbench.store.editing import history
    from workbench.store.repository import document_segments

    segment = document_segments(factory, "wuzheng-5g")[0][1][7]
    mine, theirs = "Jiang Weidong shared his views at the ceremony.", "Jiang Weidong spoke at the ceremony."
    app.switch_page("app_pages/translate.py").run()
    app.text_area(key=f"target-{segment.id}-1").input(mine)  # typed, not yet saved
    save_edit(factory, segment.id, theirs, "Chen", 1)  # a colleague saves first
    app.button(key=f"save-{segment.id}").click().run()

    assert document_segments(factory, "wuzheng-5g")[0][1][7].target_text == theirs
    assert any("Not saved: a colleague saved this segment meanwhile" in w.value for w in app.warning)
    assert app.text_area(key=f"target-{segment.id}-2").value == mine
    assert any(t.value == f"Theirs: {theirs}" for t in app.text)

    app.button(key=f"save-{segment.id}").click().run()
    assert [(r.version, r.text) for r in history(factory, segment.id)][-2:] == [(2, theirs), (3, mine)]
    assert not any("Not saved" in w.value for w in app.warning)


def test_an_earlier_revision_is_restored_as_a_new_revision(app, factory):
    """Going back erases nothing: the edit stays in the history and the old text becomes the next version."""
    from workbench.project.editing import save_edit
    from workbench.store.editing import history
    from workbench.store.repository import document_segments

    segment = document_segments(factory, "wuzheng-5g")[0][1][7]
    save_edit(factory, segment.id, "An edit the reviewer does not want.", "Lin", 1)
    app.switch_page("app_pages/review.py").run()
    assert not [b for b in app.button if b.key == f"restore-{segment.id}-2"]  # the current text: nothing to restore
    app.button(key=f"restore-{segment.id}-1").click().run()
    assert not app.exception and app.success
    revisions = history(factory, segment.id)
    assert [(r.version, r.text, r.reason) for r in revisions] == [
        (1, segment.target_text, revisions[0].reason), (2, "An edit the reviewer does not want.", "edit"),
        (3, segment.target_text, "restore: v1")]
