"""Aligned pairs side by side: Chinese left, English right, grouped by paragraph.

Document text is shown with st.text, which never interprets Markdown or HTML.
"""

from __future__ import annotations

from itertools import groupby

import streamlit as st

from workbench.model import LOW_CONFIDENCE, pairing_confidence
from workbench.store.repository import document_segments
from workbench.ui import state
from workbench.ui.resources import store
from workbench.ui.widgets import choose_project, page_of

PAIRS_PER_PAGE = 40

st.title("Aligned pairs")
project = choose_project(store())

documents = document_segments(store(), project)
document_names = [name for name, _ in documents]
document = st.selectbox("Document", document_names) if len(document_names) > 1 else document_names[0]
segments = dict(documents)[document]

shown = page_of(segments, PAIRS_PER_PAGE, state.PAGE_NUMBER)


def unsure(segment) -> bool:
    """Still the aligner's guess: nobody has written this pair's English yet (model.pairing_confidence)."""
    return pairing_confidence(segment.confidence, segment.version, segment.status) < LOW_CONFIDENCE


flagged = sum(1 for s in segments if unsure(s))
st.caption(f"{len(segments)} pairs · {flagged} marked for checking (low alignment confidence)")

left, right = st.columns(2)
left.markdown("**中文 Chinese source**")
right.markdown("**English draft**")
for paragraph, group in groupby(shown, key=lambda s: s.paragraph):
    st.divider()
    st.caption(f"Paragraph {paragraph + 1}")
    for segment in group:
        source_column, target_column = st.columns(2)
        source_column.text(segment.source_text)
        target_column.text(segment.target_text or "—")
        doubtful = unsure(segment)
        if doubtful or segment.kind != "1-1":
            note = f"{segment.kind} · alignment confidence {segment.confidence:.2f}"
            (target_column.warning if doubtful else target_column.caption)(note)
