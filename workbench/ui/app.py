"""The one entrypoint of the web app: `workbench serve` runs it with streamlit."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

PAGES = Path(__file__).parent / "app_pages"

st.set_page_config(page_title="Translation workbench", layout="wide")
navigation = st.navigation([
    st.Page(PAGES / "projects.py", title="Projects", icon=":material/folder:", default=True),
    st.Page(PAGES / "pairs.py", title="Aligned pairs", icon=":material/view_column:"),
    st.Page(PAGES / "glossary.py", title="Glossary", icon=":material/dictionary:"),
    st.Page(PAGES / "translate.py", title="Translate", icon=":material/edit:"),
    st.Page(PAGES / "review.py", title="Review", icon=":material/rate_review:"),
    st.Page(PAGES / "release.py", title="Release", icon=":material/publish:"),
])
navigation.run()
