"""Projects: what is in the store, with progress per project."""

from __future__ import annotations

import streamlit as st

from workbench.errors import UserError
from workbench.store.repository import list_projects
from workbench.ui import state
from workbench.ui.resources import store

st.title("Projects")
try:
    projects = list_projects(store())
except UserError as error:
    st.error(str(error))
    st.stop()

if not projects:
    st.info("No projects yet. Import one with `workbench import PROJECT --source FILE --draft FILE`.")
for summary in projects:
    with st.container(border=True):
        st.subheader(summary.name, anchor=False)
        done = summary.by_status["approved"]
        st.progress(done / summary.segments if summary.segments else 0.0,
                    text=f"{done} of {summary.segments} segments approved")
        st.caption(" · ".join(f"{status}: {count}" for status, count in summary.by_status.items())
                   + f" · {summary.documents} document(s)")
        if st.button("Open", key=f"open-{summary.name}"):
            st.session_state[state.PROJECT] = summary.name
            st.switch_page("app_pages/pairs.py")
