"""The Translate page beyond editing: glossary terms highlighted, findings ignored with a reason,
pairs split and merged, and two tabs saving the same segment. AppTest on the bundled sample."""

from __future__ import annotations


import pytest

from tests.conftest import shown
from tests.ui.conftest import new_session
from workbench.store.editing import history
from workbench.project.realign import sentence_breaks
from workbench.store.repository import document_segments
from workbench.ui.markup import glossary_markup, highlight


@pytest.fixture
def app(app):
    """The Translate page, run once."""
    app.switch_page("app_pages/translate.py").run()
    assert not app.exception
    return app


def _segments(factory):
    return document_segments(factory, "wuzheng-5g")[0][1]


def _button(app, key):
    return next(b for b in app.button if b.key == key)


@pytest.mark.parametrize("text, spans, expected", [
    ("五莲县政府", [(0, 3)], ":blue-background[五莲县]政府"),
    ("a*b [x](y)", [(0, 3)], ":blue-background[a\\*b] \\[x\\]\\(y\\)"),
    ("abc", [(0, 2), (1, 3)], ":blue-background[ab]:blue-background[c]"),
    ("]:red[x", [(0, 7)], ":blue-background[\\]\\:red\\[x]"),
], ids=["chinese", "markdown-escaped", "overlap", "closing-bracket-inert"])
def test_highlight_escapes_the_text_inside_and_outside_terms(text, spans, expected):
    assert highlight(text, spans) == expected


def test_glossary_terms_are_highlighted_with_their_rendering_on_hover(app, factory):
    from workbench.glossary.matcher import GlossaryMatcher
    from workbench.model import Term

    matcher = GlossaryMatcher((Term("蒋卫东", "Jiang Weidong", "person"), Term("五莲县", "Wulian County", "place")))
    source, line, hover = glossary_markup("蒋卫东在五莲县讲话。", "Jiang Weidong spoke in Wulian.", matcher)
    assert source == ":blue-background[蒋卫东]在:blue-background[五莲县]讲话。"
    assert line == "✓ **Jiang Weidong** · ✗ **Wulian County**"
    assert hover == "蒋卫东 → Jiang Weidong  \n五莲县 → Wulian County"
    highlighted = [m for m in app.markdown if ":blue-background[蒋卫东]" in m.value]
    assert highlighted and "Jiang Weidong" in highlighted[0].proto.help  # the rendering on hover


def test_a_finding_is_ignored_with_a_reason_and_stays_ignored(app, factory):
    seventh = _segments(factory)[6]
    ignore_buttons = [b for b in app.button if b.key.startswith(f"ignore-{seventh.id}-")]
    before = len(ignore_buttons)
    assert before
    ignore_buttons[0].click().run()
    assert not app.exception
    assert _button(app, "ignore-confirm").disabled  # no reason yet
    app.text_input(key="ignore-reason").input("the client's style guide allows it").run()
    _button(app, "ignore-confirm").click().run()
    assert not app.exception
    assert len([b for b in app.button if b.key.startswith(f"ignore-{seventh.id}-")]) == before - 1
    assert any("style guide allows it" in c.value for c in app.caption)
    fresh = new_session()  # a new session: the ignore is remembered
    fresh.switch_page("app_pages/translate.py").run()
    assert len([b for b in fresh.button if b.key.startswith(f"ignore-{seventh.id}-")]) == before - 1


def test_ignoring_without_a_reason_is_not_possible(app, factory):
    first_with_finding = next(b for b in app.button if b.key.startswith("ignore-"))
    first_with_finding.click().run()
    assert _button(app, "ignore-confirm").disabled


def test_merge_and_split_from_the_dialog_keep_every_text(app, factory):
    segments = _segments(factory)
    chosen, following = segments[2], segments[3]  # two pairs of one full sentence each
    _button(app, f"realign-{chosen.id}").click().run()
    _button(app, "merge-confirm").click().run()
    assert not app.exception
    merged = _segments(factory)
    assert len(merged) == len(segments) - 1
    assert merged[2].target_text == f"{chosen.target_text} {following.target_text}"
    assert merged[2].source_text == chosen.source_text + following.source_text
    _button(app, f"realign-{chosen.id}").click().run()
    assert not app.exception
    breaks = sentence_breaks(merged[2].target_text, "en")
    app.selectbox(key="split-en").select(breaks[1]).run()
    _button(app, "split-confirm").click().run()
    assert not app.exception
    after = _segments(factory)
    assert len(after) == len(segments)
    assert after[2].target_text == chosen.target_text and after[3].target_text == following.target_text
    assert after[2].id == chosen.id and after[3].source_text == ""  # the Chinese stays whole unless split too
    assert [r.reason for r in history(factory, chosen.id)][-2:] == [
        f"merged with the next pair (segment id {following.id})", "split: first part"]


def test_two_tabs_saving_one_segment_do_not_overwrite_each_other(app, factory):
    other = new_session()
    other.switch_page("app_pages/translate.py").run()
    first = _segments(factory)[0]
    for tab, text in ((app, "Text from the first tab."), (other, "Text from the second tab.")):
        next(t for t in tab.text_area if t.key == f"target-{first.id}-1").input(text)
    _button(app, f"save-{first.id}").click().run()
    _button(other, f"save-{first.id}").click().run()
    assert _segments(factory)[0].target_text == "Text from the first tab."
    assert any("meanwhile" in shown(w) for w in other.warning)  # on the segment's card
    assert any(t.value == "Theirs: Text from the first tab." for t in other.text)
    assert next(t for t in other.text_area if t.key == f"target-{first.id}-2").value == "Text from the second tab."
    assert len(history(factory, first.id)) == 2  # the import and the first tab's save


def test_merging_a_pair_without_english_into_its_neighbour_says_so(app, factory):
    """The sample's 1-0 pair merged into the pair before it: its omission is no longer a pair of its own,
    so the page says to check that the merged English translates both sentences."""
    segments = _segments(factory)
    position = next(i for i, s in enumerate(segments) if s.kind == "1-0")
    before = segments[position - 1]
    app.number_input(key="page_number").set_value(1 + (position - 1) // 10).run()  # ten pairs a page
    _button(app, f"realign-{before.id}").click().run()
    _button(app, "merge-confirm").click().run()
    assert not app.exception
    assert any(f"Segment {position + 1} had no English" in shown(w) for w in app.warning)


def test_an_ignored_finding_can_be_shown_again_and_the_audit_keeps_why_it_was_ignored(app, factory):
    from workbench.project.checked import CheckedProject
    from workbench.project.editing import ignore_finding
    from workbench.store.audit import project_log

    checked = CheckedProject(factory, "wuzheng-5g").refresh()
    segment = next(s for s in checked.snapshot.segments() if checked.open_findings(s))
    finding = checked.open_findings(segment)[0]
    assert ignore_finding(factory, segment.id, finding, "the client's own spelling", "Lin")
    app.run()
    assert any("the client's own spelling" in shown(c) for c in app.caption)
    _button(app, f"unignore-{segment.id}-0").click().run()
    assert not app.exception
    assert finding in CheckedProject(factory, "wuzheng-5g").refresh().open_findings(segment)
    [event] = [e for e in project_log(factory, "wuzheng-5g") if e.action == "unignore"]
    assert (event.actor, event.detail["ignored_by"], event.detail["reason"]) == (
        "translator", "Lin", "the client's own spelling")
