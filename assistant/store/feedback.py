"""Mentor comments on an interview: on a turn, a map cell or a suggestion, and whether
the owner has seen them yet."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select, update

from assistant.store.base import StoreBase
from assistant.store.records import CommentRecord
from assistant.store.tables import Comment, utcnow


class FeedbackMixin(StoreBase):
    """The comments part of the Store."""

    def add_comment(
        self,
        interview_id: str,
        *,
        author: str,
        text: str,
        target: str = "",
        kind: str = "general",
        stance: str = "",
        share_id: int | None = None,
    ) -> int:
        comment = Comment(
            interview_id=interview_id,
            author=author,
            text=text,
            target=target,
            kind=kind,
            stance=stance,
            share_id=share_id,
            created_at=utcnow(),
        )
        with self._writing() as session:
            self._lock(session, interview_id)
            session.add(comment)
            session.flush()
            return comment.id

    def comments(self, interview_id: str) -> list[CommentRecord]:
        """Oldest first."""
        with self._read() as session:
            self._require(session, interview_id)
            stmt = select(Comment).where(Comment.interview_id == interview_id).order_by(Comment.id)
            return [_comment(r) for r in session.scalars(stmt)]

    def unread_comments(self, interview_id: str) -> int:
        stmt = select(func.count(Comment.id)).where(
            Comment.interview_id == interview_id, Comment.read_at.is_(None)
        )
        with self._read() as session:
            return int(session.scalar(stmt) or 0)

    def mark_comments_read(self, interview_id: str, ids: Sequence[int] | None = None) -> int:
        """Mark the owner's new comments (or only `ids`) as read; returns how many changed.
        Does not count as activity: the interview's updated_at stays."""
        stmt = (
            update(Comment)
            .where(Comment.interview_id == interview_id, Comment.read_at.is_(None))
            .values(read_at=utcnow())
        )
        if ids is not None:
            stmt = stmt.where(Comment.id.in_(list(ids)))
        with self._writing() as session:
            return int(session.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]


def _comment(r: Comment) -> CommentRecord:
    return CommentRecord(
        id=r.id,
        author=r.author,
        text=r.text,
        target=r.target,
        created_at=r.created_at,
        kind=r.kind,
        stance=r.stance,
        share_id=r.share_id,
        read_at=r.read_at,
    )
