"""Persistence: interviews, turns, map versions, planner state and mentor comments.

SQLite in the data dir by default, PostgreSQL by URL; the schema is kept by Alembic.
`Store` is imported lazily so that importing the records does not load SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.store.errors import Problem, StaleInterview, StoreUnavailable
from assistant.store.records import (
    CommentRecord,
    Committed,
    InterviewInfo,
    MapVersionInfo,
    Reply,
    SharedInterview,
    ShareInfo,
    TurnRecord,
)

if TYPE_CHECKING:
    from assistant.store.store import Store

__all__ = [
    "CommentRecord",
    "Committed",
    "InterviewInfo",
    "MapVersionInfo",
    "Problem",
    "Reply",
    "ShareInfo",
    "SharedInterview",
    "StaleInterview",
    "Store",
    "StoreUnavailable",
    "TurnRecord",
]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from assistant.store.store import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
