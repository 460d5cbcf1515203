"""Who is using the app: a login when accounts exist (local password, or OIDC through st.login), none otherwise.

The login only says who acts; what they may do is decided in the core (store/accounts.py), so a page that
forgets to hide a button still cannot approve for a translator.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from workbench.store.accounts import role_of, using_accounts
from workbench.ui import state
from workbench.ui.markup import escape


@dataclass(frozen=True, slots=True)
class Login:
    name: str
    role: str
    via: str = "password"  # or "oidc"


def logged_in() -> Login | None:
    return st.session_state.get(state.LOGIN)


def log_in(login: Login) -> None:
    st.session_state[state.LOGIN] = login
    st.session_state[state.USER] = login.name  # pages that only read the name (imports) act for this person


def oidc_configured() -> bool:
    """Whether an [auth] section in secrets.toml makes st.login (OpenID Connect) available."""
    return bool(st.secrets.load_if_toml_exists()) and "auth" in st.secrets


def oidc_identity() -> str:
    """The account name an OIDC login maps to: the identity's verified e-mail address. Not its display
    name, which many providers let people choose themselves (and so pick an admin's name)."""
    if st.user.get("email_verified") is False:
        return ""
    return str(st.user.get("email") or "")


def login_needed(factory) -> bool:
    """True when accounts exist and nobody is logged in in this session. A person signed in through OIDC
    whose e-mail is an account name is logged in with that account's role."""
    if logged_in() is not None or not using_accounts(factory):
        return False
    if oidc_configured() and st.user.is_logged_in:
        role = role_of(factory, oidc_identity())
        if role is not None:
            log_in(Login(oidc_identity(), role, "oidc"))
            return False
    return True


def sidebar_account() -> None:
    """Who is logged in, and the Log out button."""
    login = logged_in()
    if login is None:
        return
    st.sidebar.caption(f"Logged in as **{escape(login.name)}** ({login.role})")
    if st.sidebar.button("Log out", key="logout"):
        st.session_state.pop(state.LOGIN, None)
        st.session_state.pop(state.USER, None)
        if login.via == "oidc":
            st.logout()
        st.rerun()
