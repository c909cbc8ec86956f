"""The statements every turn runs, built once: a turn's writes go through Core with bound
parameters, so SQLAlchemy compiles each statement once per process instead of coercing
values and generating cache keys for a new statement object on every call (ORM flushes and
per-call statements were most of a turn's store time; benchmarks/NOTES.md)."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, Table, bindparam, insert, select, update

from assistant.store.tables import Interview, MapChange, MapVersion, PlannerState, Turn

INTERVIEWS = cast(Table, Interview.__table__)
TURNS = cast(Table, Turn.__table__)
VERSIONS = cast(Table, MapVersion.__table__)
CHANGES = cast(Table, MapChange.__table__)
STATES = cast(Table, PlannerState.__table__)

_NOW = bindparam("b_now", type_=INTERVIEWS.c.updated_at.type)
"""Typed explicitly: UTCDateTime stores SQLite times zone-free (tables.py)."""

# Bound names differ from column names: an UPDATE's SET clause claims the column names.
TOUCH = update(INTERVIEWS).where(INTERVIEWS.c.id == bindparam("b_id")).values(updated_at=_NOW)
"""Bumps updated_at; its row lock is the interview's write lock (as Store._lock)."""

_GUARDED = {
    "revision": INTERVIEWS.c.revision + 1,
    "updated_at": _NOW,
    "progress": bindparam("b_progress", type_=INTERVIEWS.c.progress.type),
    "done": bindparam("b_done", type_=INTERVIEWS.c.done.type),
}
_AT_REVISION = (INTERVIEWS.c.id == bindparam("b_id")) & (
    INTERVIEWS.c.revision == bindparam("b_revision")
)
ADVANCE = update(INTERVIEWS).where(_AT_REVISION).values(**_GUARDED)
"""Moves the interview on by one revision if it is still at b_revision."""
ADVANCE_TITLED = (
    update(INTERVIEWS)
    .where(_AT_REVISION)
    .values(**_GUARDED, title=bindparam("b_title", type_=INTERVIEWS.c.title.type))
)
EXISTS = select(INTERVIEWS.c.id).where(INTERVIEWS.c.id == bindparam("b_id"))

ADD_TURN = insert(TURNS)
ADD_VERSION = insert(VERSIONS)
ADD_CHANGES = insert(CHANGES)
NEWEST_VERSION = (
    select(VERSIONS.c.version, VERSIONS.c.journey)
    .where(VERSIONS.c.interview_id == bindparam("b_id"))
    .order_by(VERSIONS.c.version.desc())
    .limit(1)
)
PUT_STATE = (
    update(STATES)
    .where(STATES.c.interview_id == bindparam("b_id"))
    .values(state=bindparam("b_state", type_=STATES.c.state.type), updated_at=_NOW)
)
ADD_STATE = insert(STATES)


def inserted_id(result: CursorResult[Any]) -> int:
    """The new row's id from a one-row INSERT (ADD_TURN)."""
    key = result.inserted_primary_key
    if key is None:  # only for executemany, which ADD_TURN never is
        raise RuntimeError("no id for the inserted row")
    return int(key[0])
