"""Backup and restore of the whole store: a SQLite file, or a portable JSON dump for any database.

A SQLite store is copied with SQLite's online backup API, so the copy is consistent while others keep
writing (WAL). Any store can be dumped as JSON (store/dump.py), the way to move a SQLite store onto
PostgreSQL or back. Every restore checks the whole file first and then replaces the store in one
transaction: a bad or newer backup, or a process killed in the middle, leaves the store as it was. A
store that already holds data is replaced only when asked to (--force): nothing saved is lost by accident.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from workbench.errors import RefusedError, UserError
from workbench.infra.safe_write import write_bytes_atomically
from workbench.store import dump
from workbench.store.engine import migrate, open_engine
from workbench.store.models import Event, Project

FORMATS = ("sqlite", "json")
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class BackupReport:
    """What a backup or restore moved: the file, its format, the schema revision, rows per table."""

    path: Path
    format: str
    schema: str
    rows: dict[str, int]

    def describe(self) -> str:
        projects = self.rows.get("project", 0)
        return (f"{self.path} ({self.format}, schema {self.schema}): {projects} project(s), "
                f"{sum(self.rows.values())} rows in {len(self.rows)} tables")


def backup(url: str | None, path: Path, fmt: str | None = None) -> BackupReport:
    """Write the whole store to PATH atomically: SQLite's own format for a SQLite store unless ``fmt`` is
    "json", which works for every database."""
    engine = open_engine(url)
    fmt = fmt or ("sqlite" if engine.dialect.name == "sqlite" else "json")
    if fmt not in FORMATS:
        raise UserError(f"unknown backup format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "sqlite" and engine.dialect.name != "sqlite":
        raise UserError(f"a {engine.dialect.name} store cannot be copied as a SQLite file; use --format json")
    if engine.dialect.name == "sqlite":  # the rows are read from one copy, not table by table while others write
        image = _sqlite_image(engine)
        with _open_image(image, str(path)) as copy, _engine_on(copy).connect() as connection:
            snapshot = dump.read_snapshot(connection)
    else:  # one repeatable-read transaction: every table as of the same moment
        with engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection, connection.begin():
            snapshot = dump.read_snapshot(connection)
    if fmt == "json":
        image = dump.to_json(snapshot)
    write_bytes_atomically(path, image)
    return BackupReport(path, fmt, snapshot.schema, snapshot.counts())


def _sqlite_image(engine: Engine) -> bytes:
    """The database file's bytes as of one moment, through the backup API into memory."""
    raw = engine.raw_connection()
    try:
        copy = sqlite3.connect(":memory:")
        raw.driver_connection.backup(copy)
        image = bytearray(copy.serialize())
        copy.close()
    finally:
        raw.close()
    image[18:20] = b"\x01\x01"  # rollback-journal header: a WAL-mode image cannot be opened from memory
    return bytes(image)


class _open_image:
    """A SQLite image as an in-memory database; a file that is not one (or is damaged) is a UserError."""

    def __init__(self, image: bytes, name: str):
        self.image, self.name = bytearray(image), name

    def __enter__(self) -> sqlite3.Connection:
        if len(self.image) >= 20:
            self.image[18:20] = b"\x01\x01"
        self.connection = sqlite3.connect(":memory:", check_same_thread=False)
        try:
            self.connection.deserialize(bytes(self.image))
            problems = [row[0] for row in self.connection.execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as error:
            self.connection.close()
            raise UserError(f"{self.name}: not a usable SQLite database ({error})") from None
        if problems != ["ok"]:
            self.connection.close()
            raise UserError(f"{self.name}: the SQLite database is damaged ({problems[0]})")
        return self.connection

    def __exit__(self, *exc) -> None:
        self.connection.close()


def _engine_on(connection: sqlite3.Connection) -> Engine:
    return create_engine("sqlite://", creator=lambda: connection, poolclass=StaticPool)


def restore(url: str | None, path: Path, force: bool = False, actor: str = "cli") -> BackupReport:
    """Replace the store with the backup at PATH (either format, onto either kind of database).

    The file is read and checked whole first; a store that holds data is refused (RefusedError) unless
    ``force``; then the rows are replaced in one transaction and each project gets a "restore" event.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except OSError as error:
        raise UserError(f"{path}: cannot read ({error.strerror})") from None
    engine = open_engine(url)
    _authorize(engine, actor)
    if data.startswith(SQLITE_MAGIC):
        with _open_image(data, str(path)) as copy:
            source = _engine_on(copy)
            with source.connect() as connection:
                _check_tables(connection, path)
                snapshot = dump.read_snapshot(connection)
            _check_schema(snapshot.schema, path)
            if engine.dialect.name == "sqlite":
                _refuse_unless_empty(engine, force)
                with source.begin() as connection:  # the events go into the copy, restored with it
                    _record_restores(connection, snapshot, path, actor)
                _copy_pages(copy, engine, path)
                return BackupReport(path, "sqlite", snapshot.schema, snapshot.counts())
    else:
        snapshot = dump.from_json(data, str(path))
        _check_schema(snapshot.schema, path)
    _refuse_unless_empty(engine, force)
    try:
        with engine.begin() as connection:
            dump.load_snapshot(connection, snapshot)
            _record_restores(connection, snapshot, path, actor)
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", error)).strip().splitlines()[0]
        raise UserError(f"{path}: its rows do not fit this store, nothing was restored ({reason})") from None
    return BackupReport(path, "json", snapshot.schema, snapshot.counts())


def _authorize(engine: Engine, actor: str) -> None:
    """Once the store has accounts, only an admin of this store may replace it."""
    from sqlalchemy.orm import Session

    from workbench.store.accounts import require

    with Session(engine) as session:
        require(session, actor, "restore")


def _check_tables(connection, path: Path) -> None:
    from sqlalchemy import inspect

    present = set(inspect(connection).get_table_names())
    if "alembic_version" not in present or "project" not in present:
        raise UserError(f"{path}: a SQLite database, but not a workbench store (it has no project table)")


def _check_schema(revision: str, path: Path) -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    scripts = ScriptDirectory.from_config(config)
    if not revision or revision not in {s.revision for s in scripts.walk_revisions()}:
        raise UserError(f"{path}: made by a newer workbench (schema {revision or 'unknown'}; this one knows up to "
                        f"{scripts.get_current_head()}); restore it with that version")


def _refuse_unless_empty(engine: Engine, force: bool) -> None:
    if force:
        return
    with engine.connect() as connection:
        if dump.is_empty(connection):
            return
        names = connection.execute(select(Project.name).order_by(Project.name)).scalars().all()
    listed = f" (projects: {', '.join(names)})" if names else ""
    raise RefusedError(f"the store already holds data{listed}; restore replaces all of it only with --force "
                       "(back it up first)")


def _record_restores(connection, snapshot: dump.Snapshot, path: Path, actor: str) -> None:
    """The audit trail says who put the restored projects back, from which file."""
    for row in snapshot.tables.get("project", []):
        connection.execute(Event.__table__.insert().values(
            project_id=row["id"], action="restore", actor=actor,
            detail={"file": str(path), "schema": snapshot.schema}))


def _copy_pages(copy: sqlite3.Connection, engine: Engine, path: Path) -> None:
    """Replace the SQLite store page by page in one SQLite transaction, then bring an older schema up to
    date with the migrations."""
    raw = engine.raw_connection()
    try:
        copy.backup(raw.driver_connection)
    except sqlite3.Error as error:
        raise UserError(f"{path}: cannot restore into {engine.url} ({error})") from None
    finally:
        raw.close()
    engine.dispose()  # pooled connections may have cached the old schema
    migrate(engine)
