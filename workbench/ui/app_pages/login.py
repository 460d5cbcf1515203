"""Log in: shown instead of the other pages while accounts exist and nobody in this session has logged in."""

from __future__ import annotations

import streamlit as st

from workbench.store.accounts import verify_login
from workbench.ui.accounts import Login, log_in, oidc_configured, oidc_identity
from workbench.ui.markup import escape
from workbench.ui.resources import store

st.title("Log in")
with st.form("login"):
    name = st.text_input("Name", key="login-name")
    password = st.text_input("Password", type="password", key="login-password")
    submitted = st.form_submit_button("Log in", type="primary")
if submitted:
    role = verify_login(store(), name, password)
    if role is None:
        st.error("Wrong name or password.")  # the same words for both, so names cannot be guessed
    else:
        log_in(Login(name.strip(), role))
        st.rerun()

if oidc_configured():
    st.divider()
    if st.user.is_logged_in:  # signed in with the provider, but no account of that name
        st.error(f"{escape(oidc_identity())} has no account here; an admin can add one with "
                 f"`workbench user add {escape(oidc_identity())} --role translator`.")
        st.button("Log out of your organisation's account", on_click=st.logout, key="oidc-logout")
    else:
        st.button("Log in with your organisation's account", on_click=st.login, key="oidc-login")
