"""The store as plain rows: read from any database, written as a portable JSON dump, loaded into any database.

Tables come from the SQLAlchemy metadata of models.py in foreign-key order, so a table added by a later
migration is dumped and restored without touching this module. The schema revision (alembic_version)
travels with the rows: a dump from a newer workbench is refused rather than half restored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import DateTime, Integer, delete, func, inspect, select, text
from sqlalchemy.engine import Connection

from workbench import __version__
from workbench.errors import UserError
from workbench.infra.pause import pause_point
from workbench.store.models import Base

FORMAT = "workbench-dump"
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Every row of every store table; ``schema`` is the Alembic revision the rows were written under."""

    schema: str
    tables: dict[str, list[dict]]

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items()}


def schema_revision(connection: Connection) -> str:
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar() or ""


def _utc(value):
    """SQLite hands timezone-aware columns back naive (they were stored as UTC); PostgreSQL in the session's
    zone. Both become UTC so that a dump compares and restores the same everywhere."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
    return value


def read_snapshot(connection: Connection) -> Snapshot:
    """Every row of every table the database has, ordered by primary key; columns the database lacks (an
    older schema) are left out and get their defaults when loaded."""
    present = set(inspect(connection).get_table_names())
    tables = {}
    for table in Base.metadata.sorted_tables:
        if table.name not in present:
            continue
        names = {c["name"] for c in inspect(connection).get_columns(table.name)}
        columns = [c for c in table.columns if c.name in names]
        rows = connection.execute(select(*columns).order_by(*table.primary_key.columns)).mappings()
        tables[table.name] = [{k: _utc(v) for k, v in row.items()} for row in rows]
    return Snapshot(schema_revision(connection), tables)


def to_json(snapshot: Snapshot) -> bytes:
    document = {"format": FORMAT, "format_version": FORMAT_VERSION, "workbench_version": __version__,
                "schema": snapshot.schema, "created_at": datetime.now(timezone.utc).isoformat(),
                "tables": snapshot.tables}
    return json.dumps(document, ensure_ascii=False, indent=0, default=_encode).encode("utf-8")


def _encode(value):
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to a JSON dump")


def from_json(data: bytes, name: str) -> Snapshot:
    """The dump's rows, with datetimes decoded; anything that is not a whole workbench dump is one UserError."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UserError(f"{name}: not a workbench backup (neither a SQLite database nor valid JSON: {error})") from None
    except RecursionError:
        raise UserError(f"{name}: not a workbench backup (JSON nested too deeply)") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise UserError(f"{name}: JSON, but not a workbench backup (no \"format\": \"{FORMAT}\")")
    if document.get("format_version") != FORMAT_VERSION or not isinstance(document.get("tables"), dict):
        raise UserError(f"{name}: a workbench dump in a format this version cannot read "
                        f"(format_version {document.get('format_version')!r})")
    known = Base.metadata.tables
    tables = {}
    for table_name, rows in document["tables"].items():
        table = known.get(table_name)
        if table is None:
            raise UserError(f"{name}: has a table {table_name!r} this workbench does not know; "
                            "it was made by a newer workbench")
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise UserError(f"{name}: the rows of table {table_name!r} are not a list of objects")
        tables[table_name] = [_decode_row(table, row, name) for row in rows]
    return Snapshot(str(document.get("schema") or ""), tables)


def _decode_row(table, row: dict, name: str) -> dict:
    decoded = {}
    for key, value in row.items():
        column = table.columns.get(key)
        if column is None:
            raise UserError(f"{name}: table {table.name!r} has a column {key!r} this workbench does not know")
        if isinstance(column.type, DateTime) and isinstance(value, str):
            try:
                value = _utc(datetime.fromisoformat(value))
            except ValueError:
                raise UserError(f"{name}: {table.name}.{key} holds {value!r}, which is not a date and time") from None
        decoded[key] = value
    return decoded


def is_empty(connection: Connection) -> bool:
    return not any(connection.execute(select(func.count()).select_from(table)).scalar()
                   for table in Base.metadata.sorted_tables)


def load_snapshot(connection: Connection, snapshot: Snapshot) -> None:
    """Replace every row of the store with the snapshot's, inside the caller's transaction.

    Ids are inserted as they were (events and revisions point at them), so PostgreSQL's id sequences are
    moved past the highest id afterwards; otherwise the next import would collide with a restored row.
    """
    for table in reversed(Base.metadata.sorted_tables):
        connection.execute(delete(table))
    for table in Base.metadata.sorted_tables:
        rows = snapshot.tables.get(table.name)
        if rows:
            connection.execute(table.insert(), rows)
    if connection.dialect.name == "postgresql":
        _reset_sequences(connection)
    pause_point("restore-before-commit")


def _reset_sequences(connection: Connection) -> None:
    for table in Base.metadata.sorted_tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer):
            continue
        sequence = connection.execute(text("SELECT pg_get_serial_sequence(:table, :column)"),
                                      {"table": table.name, "column": keys[0].name}).scalar()
        if sequence:
            connection.execute(text(f"SELECT setval(:sequence, COALESCE(MAX({keys[0].name}), 1), "
                                    f"MAX({keys[0].name}) IS NOT NULL) FROM {table.name}"), {"sequence": sequence})
