"""The Store's plumbing: the engine, the schema upgrade and short sessions.

Each call of the Store opens a session, commits and closes it, so callers (the
session, the UI, the chat CLI, several threads or processes) never hold ORM
objects or transactions. Writes start with a write lock (BEGIN IMMEDIATE on
SQLite, a row lock on PostgreSQL) so numbering stays consistent under concurrency.
A driver error (read-only, corrupt or vanished file, server down) leaves as
StoreUnavailable, and the pool is emptied so that the next call connects afresh
and works again as soon as the database is back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Self

from sqlalchemy import Connection, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from assistant.store.engine import IMMEDIATE, keep_open, make_engine, upgrade
from assistant.store.errors import classify
from assistant.store.tables import Interview, utcnow

_DRIVER_ERRORS = (DBAPIError, sqlite3.Error)
"""SQLAlchemy wraps driver errors in DBAPIError; sqlite3's own can escape from connect hooks."""


class StoreBase:
    """Engine, sessions and the checks every call shares."""

    def __init__(self, url: str) -> None:
        """Open the database at `url` and bring its schema to the newest Alembic revision."""
        self._engine = make_engine(url)
        try:
            upgrade(self._engine)
        except _DRIVER_ERRORS as exc:
            self._engine.dispose()
            raise classify(exc) from exc
        self._keeper = keep_open(self._engine)
        self._reader = sessionmaker(self._engine, expire_on_commit=False)
        self._writer = self._engine.execution_options(**{IMMEDIATE: True})
        self._write = sessionmaker(self._writer, expire_on_commit=False)

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self._engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Release pooled connections (the store must not be used afterwards)."""
        self._engine.dispose()
        if self._keeper is not None:
            self._keeper.close()
            self._keeper = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        """A short read-only session."""
        try:
            with self._reader() as session:
                yield session
        except _DRIVER_ERRORS as exc:
            self._engine.dispose()
            raise classify(exc) from exc

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """A short write transaction, committed on leaving (BEGIN IMMEDIATE on SQLite)."""
        try:
            with self._write.begin() as session:
                yield session
        except _DRIVER_ERRORS as exc:
            self._engine.dispose()
            raise classify(exc) from exc

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        """As _writing, on a bare connection: for the per-turn writes, whose few fixed
        statements need none of the ORM's unit of work (a third of a turn's CPU before)."""
        try:
            with self._writer.begin() as connection:
                yield connection
        except _DRIVER_ERRORS as exc:
            self._engine.dispose()
            raise classify(exc) from exc

    def _lock(self, session: Session, interview_id: str) -> Interview:
        """The interview row, locked for this transaction, its updated_at bumped."""
        stmt = select(Interview).where(Interview.id == interview_id).with_for_update()
        row = session.scalars(stmt).one_or_none()
        if row is None:
            raise KeyError(interview_id)
        row.updated_at = utcnow()
        return row

    def _require(self, session: Session, interview_id: str) -> None:
        if session.get(Interview, interview_id) is None:
            raise KeyError(interview_id)
