"""Engines for SQLite and PostgreSQL, and the schema upgrade through Alembic.

SQLite gets WAL (readers never wait for the writer), foreign keys (ON DELETE
CASCADE works), a busy timeout, and real transactions: pysqlite's own transaction
handling is switched off so that SQLAlchemy emits BEGIN itself, including
BEGIN IMMEDIATE for writes and for migrations, which serialises writers from
several processes instead of failing them half-way.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.pool import NullPool, StaticPool

BUSY_TIMEOUT_S = 30
IMMEDIATE = "polkuopas_begin_immediate"
"""Execution option: open the transaction with BEGIN IMMEDIATE (SQLite write lock)."""
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_PG_MIGRATION_LOCK = 7_461_725_001  # any constant; pg_advisory_xact_lock key for upgrades


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite in-memory URLs share one connection (StaticPool)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    kwargs: dict[str, Any] = {
        "connect_args": {"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}
    }
    if parsed.database in (None, "", ":memory:"):
        kwargs["poolclass"] = StaticPool
    else:
        # A fresh connection per transaction: a file that became read-only, was replaced
        # by garbage or vanished is noticed at once (a pooled one keeps writing to the old
        # inode), and works again as soon as the file is back. See keep_open().
        kwargs["poolclass"] = NullPool
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def keep_open(engine: Engine) -> Any:
    """For a SQLite file: one idle connection held open for the engine's life, so that
    closing the per-transaction connections never closes the last one, which would
    checkpoint and delete the WAL every time (an fsync per transaction). None otherwise."""
    path = engine.url.database
    if engine.dialect.name != "sqlite" or path in (None, "", ":memory:"):
        return None
    try:
        keeper = sqlite3.connect(path, check_same_thread=False)
        keeper.execute("SELECT count(*) FROM sqlite_master").fetchall()  # opens the WAL index
        return keeper
    except sqlite3.Error:  # the store reports the file's trouble at its first use
        return None


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN (see _sqlite_on_begin)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _sqlite_on_begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get(IMMEDIATE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def alembic_config(url: str) -> Any:
    """An Alembic Config pointing into the package: no alembic.ini needed on disk."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision`, holding a lock so two processes can start at once."""
    from alembic import command

    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.execution_options(**{IMMEDIATE: True}).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK}
            )
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
