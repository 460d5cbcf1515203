"""Review: what changed since the draft (word diff, TER and chrF), who changed it, approve or reject."""

from __future__ import annotations

import streamlit as st

from workbench.release.diffing import effort, word_diff
from workbench.errors import UserError
from workbench.store.editing import histories, threads
from workbench.project.comments import add_comment
from workbench.project.editing import save_edit
from workbench.project.quality import error_marks, mark_error, withdraw_mark
from workbench.project.review import decide_seen
from workbench.release.quality import CATEGORIES, SEVERITIES
from workbench.ui.markup import diff_markdown, escape
from workbench.ui.resources import checked_project, store
from workbench.ui.widgets import (approve_button, choose_project, current_user, decision_line, finding_line, page_of,
                                  show_thread)

SEGMENTS_PER_PAGE = 20
NOTICE = "review_notice"
ERROR_TYPES = [f"{dimension}/{kind}" for dimension, kinds in CATEGORIES.items() for kind in kinds]

st.title("Review")
factory = store()
project = choose_project(factory)
reviewer = current_user(factory, "reviewer")


def _restore(segment, revision) -> None:
    """An earlier text back as the next revision, with why; a colleague's save meanwhile refuses it."""
    try:
        save_edit(factory, segment.id, revision.text, reviewer, segment.version, f"restore: v{revision.version}")
    except UserError as error:
        st.session_state[NOTICE] = ("error", str(error))
    else:
        st.session_state[NOTICE] = ("success", f"Segment {segment.number}: v{revision.version}'s text restored "
                                               f"as a new revision")


def _act(action, success: str) -> None:
    """Run a change from a button's callback; the outcome is shown at the top of the next run."""
    try:
        action()
    except UserError as error:
        st.session_state[NOTICE] = ("error", str(error))
    else:
        st.session_state[NOTICE] = ("success", success)


def _mark(segment, key: str) -> None:
    """The error the reviewer described in the pair's form, on the version the page showed."""
    def read(name: str, empty=""):
        return st.session_state.get(f"{key}-{name}") or empty

    _act(lambda: mark_error(factory, segment.id, segment.version, read("category"), read("severity"), reviewer,
                            read("span"), int(read("occurrence", 1)), read("note")),
         f"Segment {segment.number}: error marked")


def _decide(action: str, chosen, comment: str = "", rerun: bool = True) -> None:
    """Approve or reject; a refusal (a translator has no reviewer role) is shown and the page stays.
    From a button's callback (``rerun`` False) the page runs again anyway, with the decision made."""
    try:
        decide_seen(factory, project, action, reviewer, {s.id: s.version for s in chosen}, comment)
    except UserError as error:
        st.error(escape(str(error)))
    else:
        if rerun:
            st.rerun()


if NOTICE in st.session_state:
    kind, message = st.session_state.pop(NOTICE)
    (st.success if kind == "success" else st.error)(escape(message))
checked = checked_project(project)
segments = checked.snapshot.segments()
numbers = {s.id: s.number for s in segments}
open_findings = {s.id for s in segments if checked.open_findings(s)}  # ignored findings do not count

scores = {s.id: effort(s.draft_text, s.target_text) if s.target_text != s.draft_text else (0.0, 100.0)
          for s in segments}
changed = [s for s in segments if s.target_text != s.draft_text]
total_ter = sum(scores[s.id][0] for s in segments) / max(len(segments), 1)
columns = st.columns(3)
columns[0].metric("Segments changed", f"{len(changed)} of {len(segments)}")
columns[1].metric("Mean TER (draft → now)", f"{total_ter:.1f}")
columns[2].metric("Approved", sum(1 for s in segments if s.status == "approved"))

safe = [s for s in segments if s.status != "approved" and s.target_text == s.draft_text and s.id not in open_findings]
if st.button(f"Approve the {len(safe)} unchanged segments without open findings", disabled=not safe,
             key="bulk-approve"):
    _decide("approve", safe, "bulk: unchanged, no findings")

only_changed = st.toggle("Only changed segments", value=True, key="only_changed")
shown = changed if only_changed else segments
on_page = page_of(shown, SEGMENTS_PER_PAGE, "review_page")
revisions, decisions = histories(factory, [s.id for s in on_page])
comments = threads(factory, [s.id for s in on_page])
marks: dict[int, list] = {}
for marked in error_marks(factory, project):
    marks.setdefault(marked.segment, []).append(marked)
for segment in on_page:
    with st.container(border=True):
        ter, chrf = scores[segment.id]
        st.caption(f"#{numbers[segment.id]} · {segment.status} · v{segment.version} · TER {ter} · chrF {chrf}")
        st.text(segment.source_text)
        st.markdown(diff_markdown(word_diff(segment.draft_text, segment.target_text)))
        with st.expander("History"):  # revisions and decisions in the order they happened
            events = sorted([(r.created_at, 0, r) for r in revisions.get(segment.id, [])]
                            + [(d.created_at, 1, d) for d in decisions.get(segment.id, [])], key=lambda item: item[:2])
            for _, is_decision, item in events:
                if is_decision:
                    st.text(decision_line(item))
                    continue
                st.text(f"v{item.version} · {item.author} · {item.created_at:%Y-%m-%d %H:%M} · {item.reason}\n{item.text}")
                if item.text != segment.target_text:  # going back is a new revision: nothing is erased
                    st.button(f"Restore v{item.version}", key=f"restore-{segment.id}-{item.version}",
                              on_click=_restore, args=(segment, item))
        open_findings_here = checked.open_findings(segment)
        for finding in open_findings_here:  # what the reviewer approves over
            st.caption(escape(finding_line(finding)))
        for marked in marks.get(segment.number, []):
            line = st.columns([6, 1])
            where = f"“{marked.span}”" if marked.span else "the whole segment"
            line[0].caption(escape(f"Error {marked.id}: {marked.severity} {marked.category} on {where} · "
                                   f"{marked.reviewer}{' · fixed since' if marked.fixed else ''}"
                                   f"{': ' + marked.note if marked.note else ''}"))
            line[1].button("Withdraw", key=f"withdraw-{marked.id}", on_click=_act,
                           args=(lambda m=marked: withdraw_mark(factory, project, m.id, reviewer),
                                 f"Error {marked.id} withdrawn (kept in the history)"))
        with st.expander("Mark an error"):
            key = f"mark-{segment.id}-{segment.version}"
            with st.form(key, border=False, clear_on_submit=True):
                fields = st.columns([3, 1, 2, 1])
                fields[0].text_input("Words in error (exactly as in the English; empty: the whole segment)",
                                     key=f"{key}-span")
                fields[1].number_input("Occurrence", 1, 99, 1, key=f"{key}-occurrence")
                fields[2].selectbox("Category", ERROR_TYPES, key=f"{key}-category")
                fields[3].selectbox("Severity", list(SEVERITIES), index=1, key=f"{key}-severity")
                st.text_input("Note", key=f"{key}-note")
                st.form_submit_button("Mark", key=f"{key}-submit", on_click=_mark, args=(segment, key))
        show_thread(st, segment, comments.get(segment.id, []),
                    lambda text, s=segment: _act(lambda: add_comment(factory, s.id, text, reviewer),
                                                 f"Segment {s.number}: comment posted"), f"review-{segment.id}")
        comment = st.text_input("Comment", key=f"comment-{segment.id}")
        buttons = st.columns(3)
        approve_button(buttons[0], segment, open_findings_here,
                       lambda s=segment, k=f"comment-{segment.id}": _decide("approve", [s], st.session_state.get(k, ""),
                                                                            rerun=False),
                       f"review-approve-{segment.id}")
        if buttons[1].button("Reject", key=f"review-reject-{segment.id}"):
            _decide("reject", [segment], comment)
        if segment.status in ("approved", "rejected"):  # taking a decision back is a decision too, kept
            buttons[2].button("Reopen", key=f"review-reopen-{segment.id}", on_click=_act,
                              args=(lambda s=segment, k=f"comment-{segment.id}": decide_seen(
                                  factory, project, "reopen", reviewer, {s.id: s.version}, st.session_state.get(k, "")),
                                    f"Segment {segment.number}: {segment.status} decision taken back"))
