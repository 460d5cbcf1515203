"""Shared fixtures: a fresh SQLite store per test, paths of the bundled sample."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "wuzheng-5g"
SAMPLE_GLOSSARY = ROOT / "glossaries" / "wuzheng.csv"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Keep each run's derived caches out of the user's home, but share them within the run."""
    monkeypatch.setenv("WORKBENCH_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'store.db'}"


@pytest.fixture
def factory(db_url):
    from workbench.store.engine import session_factory

    return session_factory(db_url)


@pytest.fixture
def cli_env(db_url, tmp_path_factory) -> dict:
    env = dict(os.environ, WORKBENCH_DB=db_url, WORKBENCH_CACHE=str(tmp_path_factory.getbasetemp() / "cache"))
    return env
