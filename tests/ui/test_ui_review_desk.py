"""The reviewer's desk in the app: an MQM error marked on a span and the score on the Release page with its
report, a decision taken back, a comment thread both desks read, and search and replace with a preview."""

from __future__ import annotations

import pytest

from tests.conftest import shown
from workbench.project.quality import error_marks
from workbench.project.review import decide
from workbench.store.editing import history, review_decisions, threads
from workbench.store.repository import document_segments

PROJECT = "wuzheng-5g"


def _segments(factory):
    return document_segments(factory, PROJECT)[0][1]


@pytest.fixture
def review(app):
    app.switch_page("app_pages/review.py").run()
    app.toggle(key="only_changed").set_value(False).run()
    assert not app.exception
    return app


def _mark(app, segment, span: str, category: str, severity: str, note: str = ""):
    key = f"mark-{segment.id}-{segment.version}"
    app.text_input(key=f"{key}-span").input(span)
    app.selectbox(key=f"{key}-category").select(category)
    app.selectbox(key=f"{key}-severity").select(severity)
    app.text_input(key=f"{key}-note").input(note)
    return app.button(key=f"{key}-submit").click().run()


def test_an_error_marked_on_a_span_scores_the_release(review, factory):
    first = _segments(factory)[0]
    span = first.target_text.split()[0]
    _mark(review, first, span, "terminology/wrong term", "major", "use the glossary's name")
    assert not review.exception
    [marked] = error_marks(factory, PROJECT)
    assert (marked.segment, marked.span, marked.category, marked.severity, marked.note, marked.reviewer) == (
        1, span, "terminology/wrong term", "major", "use the glossary's name", "reviewer")
    assert any(f"Error {marked.id}: major terminology/wrong term" in shown(c.value) for c in review.caption)

    review.switch_page("app_pages/release.py").run()
    verdicts = [shown(e.value) for e in [*review.error, *review.success] if "per 1,000 words" in shown(e.value)]
    assert verdicts and "1 error" in verdicts[0] and "5 penalty points" in verdicts[0]
    labels = [b.label for b in review.get("download_button")]
    assert "Download the quality report (CSV)" in labels and "Download the quality report (XLSX)" in labels


def test_a_span_that_is_not_in_the_english_is_refused_on_the_page(review, factory):
    first = _segments(factory)[0]
    _mark(review, first, "no such words", "fluency/grammar", "minor")
    assert any("'no such words' is not in the English" in shown(e.value) for e in review.error)
    assert error_marks(factory, PROJECT) == []


def test_a_withdrawn_error_leaves_the_page_and_the_score(review, factory):
    first = _segments(factory)[0]
    _mark(review, first, "", "accuracy/omission", "critical")
    [marked] = error_marks(factory, PROJECT)
    review.button(key=f"withdraw-{marked.id}").click().run()
    assert error_marks(factory, PROJECT) == []
    assert not any(f"Error {marked.id}:" in shown(c.value) for c in review.caption)


def test_an_approval_is_taken_back_from_the_review_page(review, factory):
    decide(factory, PROJECT, "approve", "Chen", [2])
    review.run()
    second = _segments(factory)[1]
    review.button(key=f"review-reopen-{second.id}").click().run()
    assert _segments(factory)[1].status == "draft"
    assert [d.decision for d in review_decisions(factory, [second.id])[second.id]] == ["approved", "reopened"]


def test_the_reviewers_comment_thread_is_read_and_answered_on_the_translators_desk(review, factory):
    first = _segments(factory)[0]
    review.text_input(key=f"thread-text-review-{first.id}").input("Is *Rizhao* right? <b>check</b>")
    review.button(key=f"thread-post-review-{first.id}").click().run()

    review.switch_page("app_pages/translate.py").run()
    assert "Is *Rizhao* right? <b>check</b>" in [t.value for t in review.text]  # as typed: st.text, no markup
    review.text_input(key=f"thread-text-translate-{first.id}").input("Yes, it is the branch's city.")
    review.button(key=f"thread-post-translate-{first.id}").click().run()
    assert [(c.author, c.text) for c in threads(factory, [first.id])[first.id]] == [
        ("reviewer", "Is *Rizhao* right? <b>check</b>"), ("translator", "Yes, it is the branch's city.")]


def test_search_and_replace_previews_then_saves_every_change_as_a_revision(app, factory):
    app.switch_page("app_pages/translate.py").run()
    app.text_input(key="replace_find").input("Wuzheng")
    app.text_input(key="replace_with").input("WUZHENG")
    app.button(key="FormSubmitter:replace-Preview").click().run()
    before = {s.id: s.target_text for s in _segments(factory)}
    changing = [i for i, text in before.items() if "Wuzheng" in text]
    assert app.button(key="replace_apply").label == f"Replace in {len(changing)} segment(s)"
    assert {s.id: s.target_text for s in _segments(factory)} == before  # the preview saved nothing

    app.button(key="replace_apply").click().run()
    after = {s.id: s.target_text for s in _segments(factory)}
    assert all(after[i] == before[i].replace("Wuzheng", "WUZHENG") for i in changing)
    assert history(factory, changing[0])[-1].reason == "replace: 'Wuzheng' → 'WUZHENG'"


def test_a_bad_pattern_is_one_line_on_the_page(app, factory):
    app.switch_page("app_pages/translate.py").run()
    app.text_input(key="replace_find").input("(")
    app.checkbox(key="replace_regex").check()
    app.button(key="FormSubmitter:replace-Preview").click().run()
    assert not app.exception
    assert any("not a regular expression" in shown(e.value) for e in app.error)
