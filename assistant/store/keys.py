"""Owner keys and mentor share links. Only sha256 digests of tokens are stored; a token
is returned once, when it is made, and never again."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import func, select

from assistant.access.link_tokens import digest, new_token, subject_digest
from assistant.store.base import StoreBase
from assistant.store.records import InterviewInfo, SharedInterview, ShareInfo
from assistant.store.rows import info_of
from assistant.store.tables import Comment, Interview, OwnerKey, Share, utcnow


class AccessMixin(StoreBase):
    """Who may open an interview: its owner keys and its mentor shares."""

    # Owner keys

    def add_owner_key(self, interview_id: str) -> str:
        """A new owner token for the interview (the private link); only its hash is kept."""
        token = new_token()
        with self._writing() as session:
            self._lock(session, interview_id)
            session.add(
                OwnerKey(
                    interview_id=interview_id,
                    key_hash=digest(token),
                    kind="link",
                    created_at=utcnow(),
                )
            )
        return token

    def add_owner_subject(self, interview_id: str, subject: str) -> None:
        """Give the interview to a signed-in user (st.login's subject); idempotent."""
        key = subject_digest(subject)
        with self._writing() as session:
            self._lock(session, interview_id)
            found = session.scalar(
                select(OwnerKey).where(
                    OwnerKey.key_hash == key, OwnerKey.interview_id == interview_id
                )
            )
            if found is None:
                session.add(
                    OwnerKey(
                        interview_id=interview_id, key_hash=key, kind="user", created_at=utcnow()
                    )
                )

    def interview_for_owner(self, token: str) -> InterviewInfo | None:
        """The interview this owner token opens, or None."""
        if not token:
            return None
        found = self.interviews_for_owners([token])
        return found.get(token)

    def interviews_for_owners(self, tokens: Sequence[str]) -> dict[str, InterviewInfo]:
        """token -> interview, for the tokens that open one (unknown tokens are left out)."""
        by_hash = {digest(t): t for t in tokens if t}
        if not by_hash:
            return {}
        stmt = (
            select(OwnerKey.key_hash, Interview)
            .join(Interview, Interview.id == OwnerKey.interview_id)
            .where(OwnerKey.key_hash.in_(by_hash), OwnerKey.kind == "link")
        )
        with self._read() as session:
            return {by_hash[h]: info_of(row) for h, row in session.execute(stmt)}

    def interviews_for_subject(self, subject: str) -> list[InterviewInfo]:
        """A signed-in user's interviews, most recently active first."""
        stmt = (
            select(Interview)
            .join(OwnerKey, OwnerKey.interview_id == Interview.id)
            .where(OwnerKey.key_hash == subject_digest(subject), OwnerKey.kind == "user")
            .order_by(Interview.updated_at.desc())
        )
        with self._read() as session:
            return [info_of(row) for row in session.scalars(stmt)]

    def is_owned_by_subject(self, interview_id: str, subject: str) -> bool:
        stmt = select(OwnerKey.id).where(
            OwnerKey.interview_id == interview_id,
            OwnerKey.key_hash == subject_digest(subject),
            OwnerKey.kind == "user",
        )
        with self._read() as session:
            return session.scalar(stmt) is not None

    # Shares

    def create_share(
        self, interview_id: str, *, label: str = "", expires_at: datetime | None = None
    ) -> tuple[ShareInfo, str]:
        """A new share link: (its record, the token). The token is not kept anywhere."""
        token = new_token()
        row = Share(
            interview_id=interview_id,
            token_hash=digest(token),
            label=label,
            created_at=utcnow(),
            expires_at=expires_at,
        )
        with self._writing() as session:
            self._lock(session, interview_id)
            session.add(row)
            session.flush()
            return _share(row), token

    def shares(self, interview_id: str) -> list[ShareInfo]:
        """Every share of the interview, newest first (revoked and expired ones too)."""
        stmt = select(Share).where(Share.interview_id == interview_id).order_by(Share.id.desc())
        with self._read() as session:
            self._require(session, interview_id)
            return [_share(row) for row in session.scalars(stmt)]

    def revoke_share(self, interview_id: str, share_id: int) -> bool:
        """Revoke at once; False if no such share belongs to this interview."""
        with self._writing() as session:
            row = session.get(Share, share_id)
            if row is None or row.interview_id != interview_id:
                return False
            if row.revoked_at is None:
                row.revoked_at = utcnow()
        return True

    def open_share(self, token: str, *, now: datetime | None = None) -> ShareInfo | None:
        """The share this token opens if it is active at `now`; its last use is noted."""
        if not token:
            return None
        now = now or utcnow()
        with self._writing() as session:
            row = session.scalar(select(Share).where(Share.token_hash == digest(token)))
            if row is None or not _share(row).active(now):
                return None
            row.last_used_at = now
            return _share(row)

    def shared_overview(self, *, now: datetime | None = None) -> list[SharedInterview]:
        """Interviews with at least one active share, most recently active first."""
        now = now or utcnow()
        active = (
            select(Share.interview_id, func.count(Share.id).label("n"))
            .where(Share.revoked_at.is_(None))
            .where((Share.expires_at.is_(None)) | (Share.expires_at > now))
            .group_by(Share.interview_id)
            .subquery()
        )
        notes = (
            select(
                Comment.interview_id,
                func.count(Comment.id).label("n"),
                func.max(Comment.created_at).label("last"),
            )
            .group_by(Comment.interview_id)
            .subquery()
        )
        stmt = (
            select(Interview, active.c.n, notes.c.n, notes.c.last)
            .join(active, active.c.interview_id == Interview.id)
            .outerjoin(notes, notes.c.interview_id == Interview.id)
            .order_by(Interview.updated_at.desc())
        )
        with self._read() as session:
            rows = session.execute(stmt).all()
        return [
            SharedInterview(
                title=row.title,
                lang=info_of(row).lang,
                progress=row.progress,
                done=row.done,
                last_activity=row.updated_at,
                active_shares=int(n_shares),
                comments=int(n_comments or 0),
                last_comment_at=_utc(last),
            )
            for row, n_shares, n_comments, last in rows
        ]


def _utc(value: datetime | str | None) -> datetime | None:
    """max() over a UTC column comes back raw (naive, or text on SQLite)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _share(row: Share) -> ShareInfo:
    return ShareInfo(
        id=row.id,
        interview_id=row.interview_id,
        label=row.label,
        created_at=row.created_at,
        expires_at=row.expires_at,
        revoked_at=row.revoked_at,
        last_used_at=row.last_used_at,
    )
