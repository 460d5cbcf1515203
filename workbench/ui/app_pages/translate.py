"""Translate: edit the English pair by pair, with glossary terms, findings, one-click fixes, ignoring with a
reason, and merge/split when the alignment is wrong. Every change is a revision and an event.

Speed: the project's segments and findings live in a shared snapshot refreshed from the audit trail
(workbench/project/checked.py); actions run as button callbacks, before the page is drawn, so a save
costs one rerun, and typing none (the editor is a form). Document text is shown escaped (ui/markup.py) or in st.text_area, never as HTML.
"""

from __future__ import annotations


import streamlit as st

from workbench.errors import UserError
from workbench.qa.fixes import apply_fixes
from workbench.model import CATEGORIES
from workbench.store.accounts import PERMISSIONS
from workbench.project.editing import StaleEdit, save_edit
from workbench.project.editing import ignore_finding, unignore_finding
from workbench.store.editing import review_decisions, threads
from workbench.project.comments import add_comment
from workbench.project.replacing import apply_replace, preview_replace
from workbench.text.replacing import Replace
from workbench.store.models import STATUSES
from workbench.project.realign import merge_with_next, split_segment
from workbench.project.review import decide_seen
from workbench.ui import state
from workbench.ui.accounts import logged_in
from workbench.release.diffing import word_diff
from workbench.ui.markup import diff_markdown, escape, glossary_markup
from workbench.ui.pair_tools import open_dialog, show_open_dialog
from workbench.ui.resources import checked_project, load_memory, store
from workbench.ui.widgets import approve_button, choose_project, current_user, page_of, show_review_notes, show_thread

PAIRS_PER_PAGE = 10
NOTICE = "translate_notice"
STALE = "translate_stale"  # segment id -> (the text you typed, the colleague's text, their version)
PREVIEW = "translate_replace_preview"  # (the Replace, the pairs it changes) as last previewed


def pair_matches(segment, findings, only_findings, categories, statuses, search) -> bool:
    """The filters: with findings, of these categories, in these statuses, containing this text."""
    if (only_findings or categories) and not findings:
        return False
    if categories and not any(f.category in categories for f in findings):
        return False
    if statuses and segment.status not in statuses:
        return False
    return not search or search in segment.source_text.lower() or search in segment.target_text.lower()


def _act(action, success: str) -> None:
    """Run a change from a button callback; the outcome is shown at the top of the next run."""
    try:
        action()
        st.session_state[NOTICE] = ("success", success)
    except StaleEdit as error:
        st.session_state[NOTICE] = ("error", f"Not saved: someone changed this segment meanwhile. Their text: "
                                             f"{error.current_text}")
    except UserError as error:
        st.session_state[NOTICE] = ("error", str(error))


def _save(segment, text: str, reason: str) -> None:
    """Save as the next revision. If a colleague saved first, nothing is saved and nothing typed is lost:
    the card keeps your text in its box and shows theirs beside it, with what yours changes."""
    stale = st.session_state.setdefault(STALE, {})
    try:
        save_edit(factory, segment.id, text, user, segment.version, reason)
    except StaleEdit as error:
        stale[segment.id] = (text, error.current_text, error.current_version)
    except UserError as error:
        st.session_state[NOTICE] = ("error", str(error))
    else:
        stale.pop(segment.id, None)
        st.session_state[NOTICE] = ("success", f"Saved segment {segment.number} as a new revision")


def _ignore(segment, finding, reason: str) -> None:
    _act(lambda: ignore_finding(factory, segment.id, finding, reason, user),
         f"Ignored on segment {segment.number}: {finding.message}")


def _split(segment, point) -> None:
    _act(lambda: split_segment(factory, segment.id, point, user, segment.version), f"Split segment {segment.number}")


def _merge(segment) -> None:
    views = checked.documents.get(segment.document, [])
    position = next((i for i, view in enumerate(views) if view.id == segment.id), len(views))
    merged = [segment, *views[position + 1:position + 2]]
    _act(lambda: merge_with_next(factory, segment.id, user, segment.version),
         f"Merged segment {segment.number} with the next pair")
    blank = [s for s in merged if not s.target_text.strip()] if len(merged) == 2 else []
    if blank and st.session_state.get(NOTICE, ("",))[0] == "success":
        # the merged pair's English may cover only one of its sentences: the omission is no longer a 1-0
        # pair of its own, so the translator is told rather than left to find it
        st.session_state[NOTICE] = ("warning", f"Merged segment {segment.number} with the next pair. Segment "
                                               f"{blank[0].number} had no English: check that the merged English "
                                               f"translates both sentences.")


st.title("Translate")
factory = store()
project = choose_project(factory)
user = current_user(factory, "translator")
login = logged_in()  # with accounts the core refuses a translator's approval anyway; the page says so first
may_approve = login is None or login.role in PERMISSIONS["approve"].roles
memory_file = st.sidebar.file_uploader("Translation memory (.tmx)", type=["tmx"], key="memory_upload")
memory = None
if memory_file is not None:
    try:
        memory = load_memory(memory_file.name, memory_file.getvalue())
        st.sidebar.caption(f"{len(memory.sources)} translation units")
    except UserError as error:
        st.sidebar.error(escape(str(error)))

if NOTICE in st.session_state:
    kind, message = st.session_state.pop(NOTICE)
    {"error": st.error, "warning": st.warning}.get(kind, st.toast)(escape(message))  # messages quote document text

checked = checked_project(project)
documents = checked.documents
document = st.selectbox("Document", list(documents)) if len(documents) > 1 else next(iter(documents))
segments = documents[document]
matcher = checked.checker.glossary if checked.checker else None

filters = st.columns([1, 2, 2, 3])
only_findings = filters[0].toggle("With findings", key=state.ONLY_FINDINGS)
categories = filters[1].multiselect("Category", CATEGORIES, key=state.FILTER_CATEGORIES)
statuses = filters[2].multiselect("Status", STATUSES, key=state.FILTER_STATUSES)
search = filters[3].text_input("Search Chinese and English", key=state.FILTER_SEARCH).strip().lower()
filtering = only_findings or categories or statuses or search
shown = [s for s in segments if pair_matches(s, checked.open_findings(s), only_findings, categories, statuses,
                                             search)] if filtering else segments
on_page = page_of(shown, PAIRS_PER_PAGE, state.PAGE_NUMBER)
st.caption(f"{len(segments)} pairs · {sum(1 for s in segments if checked.open_findings(s))} with open findings")

with st.expander("Search and replace in the English"):
    with st.form("replace", border=False):
        fields = st.columns(2)
        fields[0].text_input("Find", key="replace_find")
        fields[1].text_input("Replace with", key="replace_with")
        options = st.columns(3)
        options[0].checkbox("Regular expression", key="replace_regex")
        options[1].checkbox("Match case", value=True, key="replace_case")
        options[2].checkbox("Whole words", key="replace_words")
        previewed = st.form_submit_button("Preview")
    if previewed:
        asked = Replace(st.session_state.replace_find, st.session_state.replace_with, st.session_state.replace_regex,
                        st.session_state.replace_case, st.session_state.replace_words)
        try:
            st.session_state[PREVIEW] = (asked, preview_replace(factory, project, asked))
        except UserError as error:
            st.session_state.pop(PREVIEW, None)
            st.error(escape(str(error)))
    if PREVIEW in st.session_state:
        asked, changes = st.session_state[PREVIEW]
        st.caption(escape(f"{len(changes)} segment(s) change: “{asked.find}” → “{asked.replacement}”"))
        for change in changes[:50]:  # the whole list is applied; the first fifty are read here
            st.text(f"#{change.number}: {change.before}")
            st.markdown(diff_markdown(word_diff(change.before, change.after)))

        def _replace_all(asked=asked, changes=changes) -> None:
            st.session_state.pop(PREVIEW, None)
            _act(lambda: apply_replace(factory, project, asked, {c.segment_id: c.version for c in changes}, user),
                 f"Replaced in {len(changes)} segment(s), each a new revision")

        st.button(f"Replace in {len(changes)} segment(s)", key="replace_apply", disabled=not changes,
                  on_click=_replace_all)

decisions = review_decisions(factory, [s.id for s in on_page])  # the reviewers' comments, one query
comments = threads(factory, [s.id for s in on_page])
for segment in on_page:
    findings, ignored = checked.findings(segment)
    with st.container(border=True):
        left, right = st.columns(2)
        left.caption(f"#{segment.number} · ¶{segment.paragraph + 1} · {segment.status} · v{segment.version} · "
                     f"{segment.kind}")
        show_review_notes(left, decisions.get(segment.id, []))
        source_markup, terms_line, hover = glossary_markup(segment.source_text, segment.target_text, matcher)
        left.markdown(source_markup or "—", help=hover or None)
        area_key = f"target-{segment.id}-{segment.version}"
        refused = st.session_state.get(STALE, {}).get(segment.id)
        yours = None
        if refused and refused[2] == segment.version:  # a colleague's save came first: theirs is shown now
            yours, theirs, _ = refused
            right.warning("Not saved: a colleague saved this segment meanwhile. Your text is kept in the box; "
                          "theirs and what yours changes in it are below. Save again to make yours the next "
                          "revision (theirs stays in the history).")
            right.text(f"Theirs: {theirs}")
            right.markdown(diff_markdown(word_diff(theirs, yours)))
        # a form: typing costs no rerun; the new text and the click on Save arrive in one
        with right.form(f"edit-{segment.id}", border=False):
            st.text_area("English", segment.target_text if yours is None else yours, key=area_key,
                         label_visibility="collapsed")
            st.form_submit_button("Save", key=f"save-{segment.id}",
                                  on_click=lambda s=segment, k=area_key: _save(s, st.session_state[k], "edit"))
        if terms_line:
            right.markdown(terms_line, help="The glossary's required renderings of the highlighted Chinese terms")
        show_thread(right, segment, comments.get(segment.id, []),
                    lambda text, s=segment: _act(lambda: add_comment(factory, s.id, text, user),
                                                 f"Segment {s.number}: comment posted"), f"translate-{segment.id}")
        buttons = right.columns(2)
        approve_button(buttons[0], segment, findings,
                       lambda s=segment: _act(lambda: decide_seen(factory, project, "approve", user, {s.id: s.version}),
                                              f"Approved segment {s.number}"),
                       f"approve-{segment.id}", disabled=segment.status == "approved" or not may_approve,
                       help=None if may_approve else "Approving needs the reviewer or admin role")
        buttons[1].button("Split / merge…", key=f"realign-{segment.id}", on_click=open_dialog,
                          args=("realign", segment.id))
        for match in (memory.lookup(segment.source_text, 75.0, 1) if memory else []):
            line = st.columns([6, 1])
            line[0].text(f"memory {match.score:.0f}%: {match.target}")
            line[1].button("Use", key=f"memory-{segment.id}",
                           on_click=lambda s=segment, m=match: _save(s, m.target, f"memory: {m.score:.0f}%"))
        for index, finding in enumerate(findings):
            line = st.columns([6, 1, 1])
            hint = "" if finding.fix is not None or not finding.suggestions else f" (suggestion: {finding.suggestions[0]})"
            line[0].text(f"{finding.severity} · {finding.category}: {finding.message}{hint}")
            if finding.fix is not None:  # only a certain fix with one clear suggestion is one click away
                line[1].button("Apply fix", key=f"fix-{segment.id}-{index}", on_click=lambda s=segment, f=finding: _save(
                    s, apply_fixes(s.target_text, [f]), f"fix: {f.check}"))
            line[2].button("Ignore…", key=f"ignore-{segment.id}-{index}", on_click=open_dialog,
                           args=("ignore", segment.id, index))
        for index, (finding, why) in enumerate(ignored):
            line = st.columns([6, 1])
            line[0].caption(escape(f"Ignored: {finding.message} ({why.actor}: {why.reason})"))
            line[1].button("Show again", key=f"unignore-{segment.id}-{index}",
                           on_click=lambda s=segment, f=finding: _act(lambda: unignore_finding(factory, s.id, f, user),
                                                                      f"Segment {s.number}: the finding is shown again"))

show_open_dialog(checked, _split, _merge, _ignore)
