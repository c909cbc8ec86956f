"""The Store: interviews and their transcripts (the rest is in history.py, the plumbing
in base.py). Text is stored exactly as given; escaping is the job of whatever displays it.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from assistant.access.link_tokens import digest, new_token
from assistant.model import Citation, Lang
from assistant.store import turn_sql as sql
from assistant.store.commit import CommitMixin
from assistant.store.feedback import FeedbackMixin
from assistant.store.keys import AccessMixin
from assistant.store.records import InterviewInfo, TurnRecord
from assistant.store.rows import info_of
from assistant.store.tables import Interview, OwnerKey, Turn, utcnow
from assistant.turns import Role

if TYPE_CHECKING:
    from assistant.settings import Settings


class Store(CommitMixin, FeedbackMixin, AccessMixin):
    """Interviews, their turns, map versions, planner state and mentor comments.

    `Store(url)` opens the database and brings its schema to the newest revision.
    Every method is a short transaction of its own and returns plain frozen records;
    a turn's changes go in one (commit_turn). Database failures raise StoreUnavailable.
    """

    @classmethod
    def from_settings(cls, settings: Settings) -> Store:
        """The store at `settings.resolved_database_url`; the data dir is created if missing."""
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        return cls(settings.resolved_database_url)

    # Interviews

    def create_owned_interview(
        self, *, lang: Lang = Lang.FI, title: str = ""
    ) -> tuple[InterviewInfo, str]:
        """A new interview and its owner token (the private link), in one transaction."""
        token = new_token()
        row = _new_interview(lang, title)
        with self._writing() as session:
            session.add(row)
            session.flush()
            session.add(
                OwnerKey(
                    interview_id=row.id, key_hash=digest(token), kind="link", created_at=utcnow()
                )
            )
        return info_of(row), token

    def create_interview(self, *, lang: Lang = Lang.FI, title: str = "") -> InterviewInfo:
        """A new, empty interview with a fresh id and no owner (the CLI's own interviews;
        the app uses create_owned_interview)."""
        row = _new_interview(lang, title)
        with self._writing() as session:
            session.add(row)
        return info_of(row)

    def get_interview(self, interview_id: str) -> InterviewInfo | None:
        with self._read() as session:
            row = session.get(Interview, interview_id)
            return info_of(row) if row is not None else None

    def list_interviews(self, *, limit: int = 100) -> list[InterviewInfo]:
        """Every interview, most recently active first: for the operator's command line
        only. The app never lists interviews it holds no key for."""
        stmt = select(Interview).order_by(Interview.updated_at.desc(), Interview.created_at.desc())
        with self._read() as session:
            return [info_of(row) for row in session.scalars(stmt.limit(max(0, limit)))]

    def update_interview(
        self,
        interview_id: str,
        *,
        title: str | None = None,
        done: bool | None = None,
        progress: float | None = None,
        lang: Lang | None = None,
    ) -> None:
        """Change the given fields; None leaves a field as it is."""
        with self._writing() as session:
            row = self._lock(session, interview_id)
            if title is not None:
                row.title = title
            if done is not None:
                row.done = done
            if progress is not None:
                row.progress = min(1.0, max(0.0, float(progress)))
            if lang is not None:
                row.lang = Lang(lang).value

    def delete_interview(self, interview_id: str) -> bool:
        """Delete the interview with its turns, map versions, state, comments, owner keys
        and shares (ON DELETE CASCADE)."""
        with self._writing() as session:
            row = session.get(Interview, interview_id)
            if row is None:
                return False
            session.delete(row)
        return True

    # Turns

    def add_turn(
        self,
        interview_id: str,
        *,
        role: Role,
        text: str,
        expects: str = "",
        brain: str = "",
        citations: Sequence[Citation] = (),
        notice: str = "",
    ) -> int:
        """Save one message and return its id; committed before this returns."""
        row = {
            "interview_id": interview_id,
            "role": Role(role).value,
            "text": text,
            "expects": str(expects),
            "brain": brain,
            "citations": [c.model_dump(mode="json") for c in citations],
            "notice": notice,
            "created_at": utcnow(),
        }
        with self._transaction() as connection:
            # The UPDATE takes the interview's row lock, as _lock does (SQLite: BEGIN IMMEDIATE).
            touched = connection.execute(sql.TOUCH, {"b_id": interview_id, "b_now": utcnow()})
            if touched.rowcount != 1:
                raise KeyError(interview_id)
            inserted = connection.execute(sql.ADD_TURN, row)
            return sql.inserted_id(inserted)

    def transcript(self, interview_id: str) -> list[TurnRecord]:
        """Every turn in the order it was saved."""
        with self._read() as session:
            self._require(session, interview_id)
            stmt = select(Turn).where(Turn.interview_id == interview_id).order_by(Turn.id)
            return [_turn(row) for row in session.scalars(stmt)]


def _turn(row: Turn) -> TurnRecord:
    return TurnRecord(
        id=row.id,
        role=Role(row.role),
        text=row.text,
        expects=row.expects,
        brain=row.brain,
        citations=[Citation.model_validate(c) for c in row.citations or []],
        notice=row.notice,
        created_at=row.created_at,
    )


def _new_id() -> str:
    """An unguessable id that never starts with "-", so it can be given on a command line
    (`polkuopas transcript <id>`, `--resume <id>`) without being read as an option."""
    while (found := secrets.token_urlsafe(16)).startswith("-"):
        pass
    return found


def _new_interview(lang: Lang, title: str) -> Interview:
    now = utcnow()
    return Interview(
        id=_new_id(),
        lang=Lang(lang).value,
        title=title,
        created_at=now,
        updated_at=now,
        done=False,
        progress=0.0,
    )
