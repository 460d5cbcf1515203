"""The one entrypoint of the web app: `workbench serve` runs it with streamlit."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from workbench.errors import UserError
from workbench.ui.accounts import login_needed, sidebar_account
from workbench.ui.markup import escape
from workbench.ui.resources import store

PAGES = Path(__file__).parent / "app_pages"

st.set_page_config(page_title="Translation workbench", layout="wide")
WORK_PAGES = [
    st.Page(PAGES / "projects.py", title="Projects", icon=":material/folder:", default=True),
    st.Page(PAGES / "pairs.py", title="Aligned pairs", icon=":material/view_column:"),
    st.Page(PAGES / "glossary.py", title="Glossary", icon=":material/dictionary:"),
    st.Page(PAGES / "translate.py", title="Translate", icon=":material/edit:"),
    st.Page(PAGES / "review.py", title="Review", icon=":material/rate_review:"),
    st.Page(PAGES / "release.py", title="Release", icon=":material/publish:"),
]
LOGIN_PAGE = st.Page(PAGES / "login.py", title="Log in", icon=":material/login:")
try:
    if login_needed(store()):  # accounts exist: nothing but the login page until someone logs in
        st.navigation([LOGIN_PAGE]).run()
    else:
        sidebar_account()
        st.navigation(WORK_PAGES).run()
except UserError as error:  # a refusal a page did not catch, or a store that cannot be opened: one message
    st.error(escape(str(error)))
