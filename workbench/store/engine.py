"""Opening the store: the database URL, SQLite pragmas and Alembic migrations."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import sessionmaker

from workbench.errors import UserError

ENV_DB = "WORKBENCH_DB"


def default_url() -> str:
    """SQLite in the per-user data directory, unless WORKBENCH_DB names another database."""
    if os.environ.get(ENV_DB):
        return os.environ[ENV_DB]
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("workbench", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'workbench.db'}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


@lru_cache(maxsize=16)
def open_engine(url: str | None = None) -> Engine:
    """An engine on ``url`` with the schema migrated to the newest version."""
    url = url or default_url()
    try:
        engine = create_engine(url, future=True, pool_pre_ping=True)
    except (ArgumentError, ModuleNotFoundError) as error:
        raise UserError(f"cannot use database {_without_password(url)!r}: "
                        f"{str(error).replace(url, _without_password(url))}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        migrate(engine)
    except OperationalError as error:
        raise UserError(f"cannot open database {engine.url.render_as_string(hide_password=True)}: "
                        f"{str(error.orig).strip().splitlines()[0]}") from None
    return engine


def migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def session_factory(url: str | None = None) -> sessionmaker:
    return sessionmaker(open_engine(url), expire_on_commit=False)


def _without_password(url: str) -> str:
    """The URL as it may be printed: a password in it is replaced by ***."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("@")[-1] if "@" in url else url
