"""The Translate page's dialogs: split or merge a pair, ignore a finding with a reason.

They are opened one at a time from a button, so the page itself carries only a few widgets per pair
(every Streamlit widget costs server time on every rerun).
"""

from __future__ import annotations

import streamlit as st

from workbench.project.realign import SplitPoint, sentence_breaks

OPEN_DIALOG = "translate_dialog"


def open_dialog(kind: str, segment_id: int, index: int = 0) -> None:
    st.session_state[OPEN_DIALOG] = (kind, segment_id, index)


def _close() -> None:
    st.session_state.pop(OPEN_DIALOG, None)


def show_open_dialog(checked, split, merge, ignore) -> None:
    """Draw the dialog the translator asked for, if any. ``split(segment, point)``, ``merge(segment)`` and
    ``ignore(segment, finding, reason)`` make the change and report its outcome."""
    kind, segment_id, index = st.session_state.get(OPEN_DIALOG, (None, None, None))
    segment = next((s for s in checked.snapshot.segments() if s.id == segment_id), None)
    if segment is None:
        _close()
    elif kind == "realign":
        _realign_dialog(segment, split, merge)
    elif kind == "ignore":
        findings = checked.open_findings(segment)
        if index < len(findings):
            _ignore_dialog(segment, findings[index], ignore)
        else:
            _close()


@st.dialog("Split or merge", on_dismiss=_close)
def _realign_dialog(segment, split, merge) -> None:
    st.caption(f"Segment {segment.number}")
    st.text(segment.source_text)
    st.text(segment.target_text)
    zh_breaks = sentence_breaks(segment.source_text, "zh")
    en_breaks = sentence_breaks(segment.target_text, "en")
    source_at = st.selectbox("The first pair's Chinese ends", zh_breaks, index=len(zh_breaks) - 1, key="split-zh",
                             format_func=lambda at: f"…{segment.source_text[max(0, at - 12):at]}" if at else "(none)")
    target_at = st.selectbox("The first pair's English ends", en_breaks, index=max(0, len(en_breaks) - 2),
                             key="split-en",
                             format_func=lambda at: f"…{segment.target_text[max(0, at - 30):at]}" if at else "(none)")
    left, right = st.columns(2)
    if left.button("Split in two", key="split-confirm"):
        _close()
        split(segment, SplitPoint(source_at, target_at))
        st.rerun()
    if right.button("Merge with the next pair", key="merge-confirm"):
        _close()
        merge(segment)
        st.rerun()


@st.dialog("Ignore a finding", on_dismiss=_close)
def _ignore_dialog(segment, finding, ignore) -> None:
    st.caption(f"Segment {segment.number} · {finding.category}")
    st.text(finding.message)
    reason = st.text_input("Why is this not a problem here?", key="ignore-reason")
    if st.button("Ignore this finding", key="ignore-confirm", disabled=not reason.strip()):
        _close()
        ignore(segment, finding, reason)
        st.rerun()
