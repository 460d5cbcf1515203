"""Shared resources of the app: the store, created once per server process and database URL."""

from __future__ import annotations

import os

import streamlit as st

from workbench.store.engine import session_factory


def store():
    """The session factory of the database that `workbench serve` named in WORKBENCH_DB."""
    return _store(os.environ.get("WORKBENCH_DB") or None)


@st.cache_resource(show_spinner=False)
def _store(url: str | None):
    return session_factory(url)


def checked_project(project: str):
    """The project's segments and findings, shared by every session of this server and brought up to
    date from the audit trail on each call (one query when nothing changed)."""
    return _checked_project(os.environ.get("WORKBENCH_DB") or None, project).refresh()


@st.cache_resource(show_spinner=False, max_entries=16)
def _checked_project(url: str | None, project: str):
    from workbench.project.checked import CheckedProject

    return CheckedProject(_store(url), project)


@st.cache_resource(show_spinner=False, max_entries=4)
def load_memory(name: str, data: bytes):
    """A TMX translation memory from an upload, parsed once per file content."""
    from pathlib import Path

    from workbench.formats import FileInput
    from workbench.ingest.bilingual import read_memory
    from workbench.ingest.memory import TranslationMemory

    return TranslationMemory(read_memory(FileInput(Path(name).name, data)))
