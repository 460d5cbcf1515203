"""Translate: edit the English pair by pair, with findings and one-click fixes; every save is a revision.

Document text is shown with st.text and edited in st.text_area: never rendered as Markdown or HTML.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from workbench.errors import UserError
from workbench.fixes import apply_fixes
from workbench.model import CATEGORIES
from workbench.qa import SegmentInput
from workbench.store.models import STATUSES
from workbench.store.editing import StaleEdit, save_edit
from workbench.store.repository import document_segments
from workbench.store.review import decide
from workbench.ui import state
from workbench.ui.resources import load_memory, store
from workbench.ui.widgets import choose_project, project_checker

PAIRS_PER_PAGE = 20


def pair_matches(segment, findings, only_findings, categories, statuses, search) -> bool:
    """The filters: with findings, of these categories, in these statuses, containing this text."""
    if (only_findings or categories) and not findings:
        return False
    if categories and not any(f.category in categories for f in findings):
        return False
    if statuses and segment.status not in statuses:
        return False
    return not search or search in segment.source_text.lower() or search in segment.target_text.lower()


st.title("Translate")
factory = store()
project = choose_project(factory)
user = st.sidebar.text_input("Your name", key=state.USER, value=st.session_state.get(state.USER, "translator"))

checker, numbers = project_checker(factory, project)
memory_file = st.sidebar.file_uploader("Translation memory (.tmx)", type=["tmx"], key="memory_upload")
memory = None
if memory_file is not None:
    try:
        memory = load_memory(memory_file.name, memory_file.getvalue())
        st.sidebar.caption(f"{len(memory.sources)} translation units")
    except UserError as error:
        st.sidebar.error(str(error))
documents = dict(document_segments(factory, project))
document = st.selectbox("Document", list(documents)) if len(documents) > 1 else next(iter(documents))
segments = documents[document]

reports = {r.index: r for r in checker.check(
    [SegmentInput(s.id, s.paragraph, s.source_text, s.target_text, s.kind) for s in segments])}

filters = st.columns([1, 2, 2, 3])
only_findings = filters[0].toggle("With findings", key=state.ONLY_FINDINGS)
categories = filters[1].multiselect("Category", CATEGORIES, key=state.FILTER_CATEGORIES)
statuses = filters[2].multiselect("Status", STATUSES, key=state.FILTER_STATUSES)
search = filters[3].text_input("Search Chinese and English", key=state.FILTER_SEARCH).strip().lower()
shown = [s for s in segments if pair_matches(s, reports[s.id].findings, only_findings, categories, statuses, search)]
pages = max(1, -(-len(shown) // PAIRS_PER_PAGE))
page = st.number_input("Page", 1, pages, 1, key=state.PAGE_NUMBER) if pages > 1 else 1
st.caption(f"{len(segments)} pairs · {sum(1 for r in reports.values() if r.findings)} with findings")



def _save(segment, text: str, reason: str) -> None:
    try:
        save_edit(factory, segment.id, text, user, segment.version, reason)
        st.toast(f"Saved segment {numbers[segment.id]} as a new revision")
    except StaleEdit as error:
        st.error(f"Not saved: someone changed this segment meanwhile. Their text: {error.current_text}")
    except UserError as error:
        st.error(str(error))


for segment in shown[(page - 1) * PAIRS_PER_PAGE : page * PAIRS_PER_PAGE]:
    with st.container(border=True):
        left, right = st.columns(2)
        left.caption(f"#{numbers[segment.id]} · ¶{segment.paragraph + 1} · {segment.status} · v{segment.version}")
        left.text(segment.source_text)
        edited = right.text_area("English", segment.target_text, key=f"target-{segment.id}-{segment.version}",
                                 label_visibility="collapsed")
        buttons = right.columns(3)
        if buttons[0].button("Save", key=f"save-{segment.id}", disabled=edited == segment.target_text):
            _save(segment, edited, "edit")
            st.rerun()
        if buttons[1].button("Approve", key=f"approve-{segment.id}", disabled=segment.status == "approved"):
            decide(factory, project, "approve", user, [numbers[segment.id]])
            st.rerun()
        for match in (memory.lookup(segment.source_text, 75.0, 1) if memory else []):
            line = st.columns([6, 1])
            line[0].text(f"memory {match.score:.0f}%: {match.target}")
            if line[1].button("Use", key=f"memory-{segment.id}"):
                _save(segment, match.target, f"memory: {match.score:.0f}%")
                st.rerun()
        for index, finding in enumerate(reports[segment.id].findings):
            line = st.columns([6, 1])
            line[0].text(f"{finding.severity} · {finding.category}: {finding.message}")
            if finding.suggestions and line[1].button("Apply fix", key=f"fix-{segment.id}-{index}"):
                _save(segment, apply_fixes(segment.target_text, [replace(finding, safe=True)]), f"fix: {finding.check}")
                st.rerun()
