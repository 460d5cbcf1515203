"""Widgets every page shares: choosing the project, and who the page acts for."""

from __future__ import annotations

import streamlit as st

from workbench.store.repository import list_projects
from workbench.ui import state
from workbench.ui.accounts import logged_in, login_needed
from workbench.ui.markup import escape


def choose_project(factory) -> str:
    """The project picked in the select box (remembered across pages); stops the page if there is none."""
    names = [p.name for p in list_projects(factory)]
    if not names:
        st.info("No projects yet. Import one with `workbench import PROJECT --source FILE --draft FILE`.")
        st.stop()
    chosen = st.session_state.get(state.PROJECT)
    project = st.selectbox("Project", names, index=names.index(chosen) if chosen in names else 0)
    st.session_state[state.PROJECT] = project
    return project


def current_user(factory, default: str) -> str:
    """The name the page acts for: the logged-in account once accounts exist, else (a single-user
    workbench) the free "Your name" field. Stops the page when accounts exist and nobody is logged in,
    which app.py prevents anyway."""
    login = logged_in()
    if login is not None:
        return login.name
    if login_needed(factory):
        st.warning("Log in first.")
        st.stop()
    # Streamlit drops a widget's state on a page that does not draw it, so the name typed is kept under a
    # key of its own: a reviewer who typed "Lin Mei" on one page approves as Lin Mei on the next
    shown = st.session_state.get(state.USER) or default
    name = st.sidebar.text_input("Your name", value=shown, key=state.USER_FIELD)
    if name != shown:
        st.session_state[state.USER] = name
    return name


def page_of(items: list, per_page: int, key: str) -> list:
    """The items this page of the list shows, with a page number input when there is more than one page:
    only what is visible is drawn (every Streamlit element costs server time on every rerun)."""
    pages = max(1, -(-len(items) // per_page))
    page = st.number_input("Page", 1, pages, 1, key=key) if pages > 1 else 1
    return items[(page - 1) * per_page: page * per_page]


def decision_line(decision) -> str:
    """A reviewer's decision as one plain line: "Rejected by Chen · 2026-12-04 10:12 · v2: <comment>"."""
    verdict = {"rejected": "Rejected", "reopened": "Reopened (decision taken back)"}.get(decision.decision, "Approved")
    comment = f": {decision.comment}" if decision.comment else ""
    return f"{verdict} by {decision.reviewer} · {decision.created_at:%Y-%m-%d %H:%M} · v{decision.segment_version}{comment}"


def show_review_notes(column, decisions) -> None:
    """On the translator's card: every review comment, newest first, a rejection as a warning; the
    text is the reviewer's, so it is escaped, never read as Markdown."""
    for decision in reversed(decisions):
        if decision.comment or decision.decision == "rejected":
            (column.warning if decision.decision == "rejected" else column.info)(escape(decision_line(decision)))


def approve_button(container, segment, findings, approve, key: str, **options) -> None:
    """The Approve button of one segment. With open errors among ``findings`` a first click asks ("2 open
    errors: approve anyway?") and only "Approve anyway" approves; a new version of the segment asks again."""
    pending = f"confirm-{key}"
    errors = sum(1 for finding in findings if finding.severity == "error")

    def first_click() -> None:
        if errors:
            st.session_state[pending] = segment.version
        else:
            approve()

    def confirmed() -> None:
        st.session_state.pop(pending, None)
        approve()

    if errors and st.session_state.get(pending) == segment.version:
        container.warning(f"Segment {segment.number} has {errors} open error(s): approve anyway?")
        yes, no = container.columns(2)
        yes.button("Approve anyway", key=f"{key}-anyway", on_click=confirmed)
        no.button("Cancel", key=f"{key}-cancel", on_click=lambda: st.session_state.pop(pending, None))
        return
    container.button("Approve", key=key, on_click=first_click, **options)


def finding_line(finding) -> str:
    """One open finding as plain text: "error · glossary/glossary_forbidden: …"."""
    return f"{finding.severity} · {finding.category}/{finding.check}: {finding.message}"


def show_thread(container, segment, comments, post, key: str) -> None:
    """A pair's comment thread, oldest first, each message with its author, time and the version it was
    about (the text is a person's: escaped, never Markdown), and a box to add one. ``post(text)`` adds it."""
    with container.expander(f"Comments ({len(comments)})" if comments else "Comments"):
        for comment in comments:
            st.caption(escape(f"{comment.author} · {comment.created_at:%Y-%m-%d %H:%M} · v{comment.segment_version}"))
            st.text(comment.text)
        with st.form(f"thread-{key}", border=False, clear_on_submit=True):
            st.text_input("Add a comment", key=f"thread-text-{key}")
            st.form_submit_button("Post", key=f"thread-post-{key}",
                                  on_click=lambda: post(st.session_state.get(f"thread-text-{key}", "")))
