"""Backup and restore: round trips between SQLite and PostgreSQL, a consistent copy while others write, and
bad backup files refused with one line while the store stays as it was."""

from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import ON_BOTH_DATABASES, old_store, run_cli as run, store_rows, store_url
from workbench.errors import UserError
from workbench.store import repository
from workbench.store.backup import backup, restore
from workbench.store.editing import segment_id_for
from workbench.project.editing import save_edit
from workbench.project.settings import set_check_config
from workbench.store.engine import open_engine, session_factory
from workbench.store.models import Event, Revision, SegmentRow
from workbench.project.review import decide

store = contextmanager(store_url)


def fill(url: str, sample, project: str = "wuzheng") -> None:
    """A project with something in every kind of column: edits, decisions, a check configuration (JSON)."""
    factory = session_factory(url)
    repository.import_document(factory, project, "release", "source.zh.txt", "draft.en.txt", sample.source.text,
                               sample.draft.text, sample.alignment, sample.glossary)
    save_edit(factory, segment_id_for(factory, project, 3), "The ceremony was held on 12 December.", "Lin Fang", 1)
    decide(factory, project, "approve", "Zhao Min", [1, 2, 3], "read twice")
    set_check_config(factory, project, {"disabled": ["double_space"], "severity": {}})


def without_restore_events(tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    return {**tables, "event": [e for e in tables["event"] if e["action"] != "restore"]}


ROUND_TRIPS = [
    ("sqlite", None, "sqlite"),
    ("sqlite", "json", "sqlite"),
    ("sqlite", "json", "postgresql"),
    ("sqlite", None, "postgresql"),
    ("postgresql", "json", "postgresql"),
    ("postgresql", "json", "sqlite"),
]


@pytest.mark.parametrize("source_kind,fmt,target_kind", ROUND_TRIPS,
                         ids=[f"{s}-{f or 'sqlite-file'}-to-{t}" for s, f, t in ROUND_TRIPS])
def test_round_trip_restores_every_row(tmp_path, sample, source_kind, fmt, target_kind):
    (tmp_path / "source").mkdir()
    (tmp_path / "target").mkdir()
    with store(source_kind, tmp_path / "source") as source, store(target_kind, tmp_path / "target") as target:
        fill(source, sample)
        file = tmp_path / ("backup.json" if fmt else "backup.db")
        made = backup(source, file, fmt)
        assert made.rows["segment"] == len(sample.alignment.pairs) and made.rows["project"] == 1
        restored = restore(target, file, actor="Ops Desk")
        assert restored.rows == made.rows
        before, after = store_rows(source), store_rows(target)
        assert without_restore_events(after) == before
        assert [(e["actor"], e["detail"]["file"]) for e in after["event"] if e["action"] == "restore"] == \
            [("Ops Desk", str(file))]
        # ids continue after the restored ones (PostgreSQL sequences were moved): the next import works
        fill(target, sample, project="next")
        assert [p.name for p in repository.list_projects(session_factory(target))] == ["next", "wuzheng"]


@ON_BOTH_DATABASES
def test_backup_is_consistent_while_another_connection_writes(tmp_path, sample, db_url):
    """A writer keeps saving edits (segment version, text and revision in one transaction) while backups
    are taken; in every backup each segment's text is the text of its newest revision."""
    fill(db_url, sample)
    factory = session_factory(db_url)
    segment = segment_id_for(factory, "wuzheng", 5)
    stop = threading.Event()
    saved = []

    def writer():
        while not stop.is_set():
            saved.append(save_edit(factory, segment, f"edit {len(saved)}", "Lin Fang").version)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        files = []
        for number in range(5):
            files.append(tmp_path / f"backup-{number}.json")
            backup(db_url, files[-1], "json")
    finally:
        stop.set()
        thread.join()
    assert len(saved) > 5, "the writer did not get to write during the backups"
    versions = set()
    for file in files:
        tables = json.loads(file.read_text("utf-8"))["tables"]
        revisions = {(r["segment_id"], r["version"]): r["text"] for r in tables["revision"]}
        for row in tables["segment"]:
            newest = max(v for s, v in revisions if s == row["id"])
            assert (row["version"], row["target_text"]) == (newest, revisions[row["id"], newest])
        versions.add(next(r["version"] for r in tables["segment"] if r["id"] == segment))
    assert len(versions) > 1, "every backup saw the same moment: the writer was not running"


def _sqlite_with(tmp_path: Path, sql: str) -> bytes:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.executescript(sql)
    connection.close()
    return path.read_bytes()


def _newer_sqlite(tmp_path: Path, good: Path) -> bytes:
    path = tmp_path / "newer.db"
    path.write_bytes(good.read_bytes())
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    return path.read_bytes()


def _edited_json(good: Path, change) -> bytes:
    document = json.loads(good.read_text("utf-8"))
    change(document)
    return json.dumps(document).encode()


BAD_FILES = [
    ("empty file", lambda tmp, db, js: b"", "not a workbench backup"),
    ("text file", lambda tmp, db, js: "五征集团与中国移动\n".encode(), "not a workbench backup"),
    ("truncated sqlite", lambda tmp, db, js: db.read_bytes()[:20000], "not a usable SQLite database"),
    ("sqlite header only", lambda tmp, db, js: db.read_bytes()[:100], "SQLite database"),
    ("another sqlite database", lambda tmp, db, js: _sqlite_with(tmp, "CREATE TABLE t (x); INSERT INTO t VALUES (1);"),
     "not a workbench store"),
    ("sqlite from a newer schema", lambda tmp, db, js: _newer_sqlite(tmp, db), "made by a newer workbench"),
    ("truncated json", lambda tmp, db, js: js.read_bytes()[: len(js.read_bytes()) // 2], "not a workbench backup"),
    ("json of something else", lambda tmp, db, js: b'{"pairs": []}', "not a workbench backup"),
    ("json from a newer schema", lambda tmp, db, js: _edited_json(js, lambda d: d.update(schema="9999")),
     "made by a newer workbench"),
    ("json with an unknown table", lambda tmp, db, js: _edited_json(js, lambda d: d["tables"].update(x=[])),
     "newer workbench"),
    ("json with a bad date", lambda tmp, db, js: _edited_json(
        js, lambda d: d["tables"]["project"][0].update(created_at="yesterday")), "not a date"),
    ("json with a broken reference", lambda tmp, db, js: _edited_json(
        js, lambda d: d["tables"]["document"][0].update(project_id=999)), "nothing was restored"),
]


@pytest.mark.parametrize("make,expected", [b[1:] for b in BAD_FILES], ids=[b[0] for b in BAD_FILES])
def test_a_bad_backup_file_is_one_line_and_the_store_is_unchanged(tmp_path, sample, db_url, cli_env, make,
                                                                   expected):
    fill(db_url, sample)
    good_db, good_json = tmp_path / "good.db", tmp_path / "good.json"
    backup(db_url, good_db)
    backup(db_url, good_json, "json")
    bad = tmp_path / "bad.backup"
    bad.write_bytes(make(tmp_path, good_db, good_json))
    before = store_rows(db_url)
    result = run(["restore", str(bad), "--force"], cli_env)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert expected in result.stderr and "bad.backup" in result.stderr
    assert store_rows(db_url) == before


@ON_BOTH_DATABASES
def test_restore_refuses_a_store_with_data_unless_forced(tmp_path, sample, db_url, cli_env):
    fill(db_url, sample)
    file = tmp_path / "backup.json"
    made = run(["backup", str(file), "--format", "json"], cli_env)
    assert made.returncode == 0, made.stderr
    assert "1 project(s)" in made.stdout
    save_edit(session_factory(db_url), segment_id_for(session_factory(db_url), "wuzheng", 7), "Later.", "Lin Fang")
    before = store_rows(db_url)
    refused = run(["restore", str(file)], cli_env)
    assert refused.returncode == 3
    assert "projects: wuzheng" in refused.stderr and "--force" in refused.stderr
    assert store_rows(db_url) == before
    forced = run(["restore", str(file), "--force", "--as", "Ops Desk"], cli_env)
    assert forced.returncode == 0, forced.stderr
    with session_factory(db_url)() as session:
        texts = session.scalars(select(Revision.text).order_by(Revision.id)).all()
        assert "Later." not in texts  # the store is the backup's again
        assert session.scalars(select(Event.actor).where(Event.action == "restore")).all() == ["Ops Desk"]
        assert session.scalar(select(SegmentRow.version).where(SegmentRow.position == 7)) == 1


def test_a_postgresql_store_is_not_copied_as_a_sqlite_file(tmp_path):
    with store("postgresql", tmp_path) as url:
        with pytest.raises(UserError, match="use --format json"):
            backup(url, tmp_path / "copy.db", "sqlite")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(UserError, match="no such file"):
        restore(f"sqlite:///{tmp_path / 'store.db'}", tmp_path / "missing.db")


def _older_json(sqlite_file: Path, tmp_path: Path) -> Path:
    """The JSON an older workbench would have written: schema 0001, without the later tables and columns."""
    file = tmp_path / "old.json"
    document = json.loads(store_json(sqlite_file, tmp_path))
    document["schema"] = "0001"
    for later in ("account", "finding_ignore"):
        del document["tables"][later]
    for row in document["tables"]["segment"]:
        del row["retired_at"]
    file.write_text(json.dumps(document), encoding="utf-8")
    return file


def store_json(sqlite_file: Path, tmp_path: Path) -> str:
    file = tmp_path / "current.json"
    backup(f"sqlite:///{sqlite_file}", file, "json")
    return file.read_text("utf-8")


@ON_BOTH_DATABASES
@pytest.mark.parametrize("fmt", [None, "json"], ids=["sqlite-file", "json"])
def test_a_backup_from_an_older_schema_is_restored_and_brought_up_to_date(tmp_path, sample, db_url, fmt):
    """A store last written by an older workbench (schema 0001: no accounts, no retired segments)."""
    from sqlalchemy import text

    old_store(tmp_path / "old.db", "0001", "INSERT INTO project (id, name, created_at, check_config) "
                                           "VALUES (7, 'archive', '2025-01-02 03:04:05', '{}')")
    file = _older_json(tmp_path / "old.db", tmp_path) if fmt else tmp_path / "old.db"
    assert restore(db_url, file).schema == "0001"
    rows = store_rows(db_url)
    assert [(p["id"], p["name"], p["created_at"].isoformat()) for p in rows["project"]] == \
        [(7, "archive", "2025-01-02T03:04:05+00:00")]
    with open_engine(db_url).connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() != "0001"
    fill(db_url, sample)  # the restored store takes the newest workbench's writes
    assert [p.name for p in repository.list_projects(session_factory(db_url))] == ["archive", "wuzheng"]


def test_once_accounts_exist_only_an_admin_may_restore(tmp_path, sample, db_url, cli_env):
    from workbench.store.accounts import add_user

    fill(db_url, sample)
    factory = session_factory(db_url)
    add_user(factory, "ada", "admin", "ada-pw")
    add_user(factory, "tom", "translator", "tom-pw", actor="ada")
    file = tmp_path / "backup.json"
    assert run(["backup", str(file), "--format", "json"], cli_env).returncode == 0
    before = store_rows(db_url)
    refused = run(["restore", str(file), "--force", "--as", "tom"], cli_env)
    assert refused.returncode == 3 and "'tom' is a translator" in refused.stderr
    unknown = run(["restore", str(file), "--force"], cli_env)  # the default name "cli" is no account
    assert unknown.returncode == 2 and "no user 'cli'" in unknown.stderr
    assert store_rows(db_url) == before
    assert run(["restore", str(file), "--force", "--as", "ada"], cli_env).returncode == 0
