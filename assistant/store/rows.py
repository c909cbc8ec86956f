"""ORM rows to the frozen records the store hands out."""

from __future__ import annotations

from assistant.model import Lang
from assistant.store.records import InterviewInfo
from assistant.store.tables import Interview


def info_of(row: Interview) -> InterviewInfo:
    return InterviewInfo(
        id=row.id,
        lang=Lang(row.lang),
        title=row.title,
        created_at=row.created_at,
        updated_at=row.updated_at,
        done=row.done,
        progress=row.progress,
        revision=row.revision or 0,
    )
