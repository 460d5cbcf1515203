"""Review: what changed since the draft (word diff, TER and chrF), who changed it, approve or reject."""

from __future__ import annotations

import streamlit as st

from workbench.release.diffing import effort, word_diff
from workbench.errors import UserError
from workbench.store.editing import histories
from workbench.project.editing import save_edit
from workbench.project.review import decide_seen
from workbench.ui.markup import diff_markdown, escape
from workbench.ui.resources import checked_project, store
from workbench.ui.widgets import approve_button, choose_project, current_user, decision_line, finding_line, page_of

SEGMENTS_PER_PAGE = 20
NOTICE = "review_notice"

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
        comment = st.text_input("Comment", key=f"comment-{segment.id}")
        buttons = st.columns(2)
        approve_button(buttons[0], segment, open_findings_here,
                       lambda s=segment, k=f"comment-{segment.id}": _decide("approve", [s], st.session_state.get(k, ""),
                                                                            rerun=False),
                       f"review-approve-{segment.id}")
        if buttons[1].button("Reject", key=f"review-reject-{segment.id}"):
            _decide("reject", [segment], comment)
