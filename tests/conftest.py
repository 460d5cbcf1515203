"""Shared fixtures: a fresh SQLite store per test, paths of the bundled sample."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent  # tests/: its data/ and hostile/ folders are shared by every package
ROOT = TESTS.parent
SAMPLE = ROOT / "samples" / "wuzheng-5g"
SAMPLE_GLOSSARY = ROOT / "glossaries" / "wuzheng.csv"


@pytest.fixture(scope="session")
def sample():
    """The bundled sample, aligned once per run (an AlignedDocument: frozen values, safe to share)."""
    from workbench.ingest.pipeline import align_files

    return align_files(SAMPLE / "source.zh.txt", SAMPLE / "draft.en.txt", SAMPLE_GLOSSARY)


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Keep each run's derived caches out of the user's home, but share them within the run."""
    monkeypatch.setenv("WORKBENCH_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))


PG_SERVER = "postgresql+psycopg://root@127.0.0.1:5432/test"
DATABASES = ("sqlite", "postgresql")
# a test marked with this runs twice: on SQLite and in a PostgreSQL schema of its own (see store_url)
ON_BOTH_DATABASES = pytest.mark.parametrize("db_url", DATABASES, indirect=True)


def store_url(kind: str, tmp_path: Path):
    """Yield a fresh, empty store's URL: SQLite in the test's folder, or a PostgreSQL schema on the server these
    machines run, created for the test and dropped (with its pooled connections) afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    import uuid

    import psycopg

    from workbench.store.engine import open_engine

    schema = "wb_" + uuid.uuid4().hex[:12]
    admin = PG_SERVER.replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    url = f"{PG_SERVER}?options=-csearch_path%3D{schema}"
    try:
        yield url
    finally:
        open_engine(url).dispose()
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


def store_rows(url: str) -> dict[str, list[dict]]:
    """Every row of every table of the store, to show that something left it exactly as it was."""
    from workbench.store.dump import read_snapshot
    from workbench.store.engine import open_engine

    with open_engine(url).connect() as connection:
        return read_snapshot(connection).tables


@pytest.fixture
def db_url(request, tmp_path):
    """SQLite, unless the test is marked ON_BOTH_DATABASES."""
    yield from store_url(getattr(request, "param", "sqlite"), tmp_path)


@pytest.fixture
def factory(db_url):
    from workbench.store.engine import session_factory

    return session_factory(db_url)


@pytest.fixture
def cli_env(db_url, tmp_path_factory) -> dict:
    env = dict(os.environ, WORKBENCH_DB=db_url, WORKBENCH_CACHE=str(tmp_path_factory.getbasetemp() / "cache"))
    return env


def shown(element) -> str:
    """Text as the person reads it in the app: pages escape every punctuation mark for Markdown
    (workbench/ui/markup.py), so undo that; takes an AppTest element or a string."""
    import re

    return re.sub(r"\\(.)", r"\1", getattr(element, "value", element))


def old_store(path: Path, revision: str, *statements: str) -> str:
    """A SQLite store at ``path`` last written by an older workbench (its schema at Alembic ``revision``),
    holding the rows ``statements`` insert; returns its URL."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, text

    from workbench.store import repository

    url = f"sqlite:///{path}"
    old = create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(Path(repository.__file__).parent / "migrations"))
    with old.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        for statement in statements:
            connection.execute(text(statement))
    old.dispose()
    return url


def run_cli(args, env: dict, stdin: str | None = None):
    """``workbench ARGS`` in a fresh process, as a user runs it: its exit code, stdout and stderr."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "workbench.cli.main", *args], capture_output=True, text=True,
                          env=env, input=stdin, timeout=300)


def write_file(render, value, path: Path, *options, **named) -> Path:
    """What every caller of a format adapter does: render the value to bytes (the path's name is what an
    error message calls the file) and write them to ``path``."""
    path.write_bytes(render(value, str(path), *options, **named))
    return path


def writer(render):
    """``render`` as a (value, path) writer: for tables of formats that write files."""
    return lambda value, path, *options, **named: write_file(render, value, path, *options, **named)
