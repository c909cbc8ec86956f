"""The schema as SQLAlchemy 2 typed declarative models.

Portable between SQLite and PostgreSQL: JSON columns use the generic JSON type,
timestamps are stored as UTC and always come back timezone-aware, and every child
row goes with its interview (ON DELETE CASCADE in the database, cascade in the ORM).
Changing this file means adding an Alembic revision under migrations/versions/.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC; SQLite forgets the zone, so it is put back on load."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        # SQLite stores the text as given; keep it zone-free so it sorts as text.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class UserText(TypeDecorator[str]):
    """Free text, stored as given, except that PostgreSQL cannot hold NUL characters:
    there a NUL becomes U+FFFD rather than the whole message being refused and lost."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is not None and dialect.name == "postgresql" and "\x00" in value:
            return value.replace("\x00", "\ufffd")
        return value


class Base(DeclarativeBase):
    pass


class Interview(Base):
    __tablename__ = "interviews"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    lang: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(UserText, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    """Raised by every committed turn; a commit names the revision it started from, so two
    writers on one interview cannot overwrite each other (optimistic concurrency)."""

    turns: Mapped[list[Turn]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", passive_deletes=True
    )
    map_versions: Mapped[list[MapVersion]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", passive_deletes=True
    )
    comments: Mapped[list[Comment]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", passive_deletes=True
    )
    state: Mapped[PlannerState | None] = relationship(
        back_populates="interview", cascade="all, delete-orphan", passive_deletes=True
    )
    owner_keys: Mapped[list[OwnerKey]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", passive_deletes=True
    )
    shares: Mapped[list[Share]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", passive_deletes=True
    )
    map_changes: Mapped[list[MapChange]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", passive_deletes=True
    )


def _interview_fk() -> Any:
    return ForeignKey("interviews.id", ondelete="CASCADE")


class Turn(Base):
    __tablename__ = "turns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    interview_id: Mapped[str] = mapped_column(String(64), _interview_fk(), index=True)
    role: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(UserText)
    expects: Mapped[str] = mapped_column(String(32), default="")
    brain: Mapped[str] = mapped_column(String(64), default="")
    citations: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    notice: Mapped[str] = mapped_column(UserText, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    interview: Mapped[Interview] = relationship(back_populates="turns")


class MapVersion(Base):
    __tablename__ = "map_versions"
    __table_args__ = (UniqueConstraint("interview_id", "version", name="uq_map_versions_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    interview_id: Mapped[str] = mapped_column(String(64), _interview_fk(), index=True)
    version: Mapped[int] = mapped_column(Integer)
    journey: Mapped[dict[str, Any]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(UserText, default="")
    turn_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("turns.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    interview: Mapped[Interview] = relationship(back_populates="map_versions")


class PlannerState(Base):
    __tablename__ = "planner_states"

    interview_id: Mapped[str] = mapped_column(String(64), _interview_fk(), primary_key=True)
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    interview: Mapped[Interview] = relationship(back_populates="state")


class Comment(Base):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    interview_id: Mapped[str] = mapped_column(String(64), _interview_fk(), index=True)
    author: Mapped[str] = mapped_column(UserText)
    text: Mapped[str] = mapped_column(UserText)
    target: Mapped[str] = mapped_column(UserText, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(16), default="general")
    stance: Mapped[str] = mapped_column(String(16), default="")
    share_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("shares.id", ondelete="SET NULL"), nullable=True
    )
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    interview: Mapped[Interview] = relationship(back_populates="comments")


class OwnerKey(Base):
    """Who owns an interview: the sha256 of an owner link's token, or of a signed-in
    user's subject. The token itself is never stored."""

    __tablename__ = "owner_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    interview_id: Mapped[str] = mapped_column(String(64), _interview_fk(), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="link")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    interview: Mapped[Interview] = relationship(back_populates="owner_keys")


class Share(Base):
    """A mentor share link: read and comment on one interview, until revoked or expired."""

    __tablename__ = "shares"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    interview_id: Mapped[str] = mapped_column(String(64), _interview_fk(), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(UserText, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    interview: Mapped[Interview] = relationship(back_populates="shares")


class MapChange(Base):
    """Provenance: one map field that one saved version changed, and the turn behind it."""

    __tablename__ = "map_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    interview_id: Mapped[str] = mapped_column(String(64), _interview_fk(), index=True)
    version: Mapped[int] = mapped_column(Integer)
    turn_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("turns.id", ondelete="SET NULL"), nullable=True
    )
    path: Mapped[str] = mapped_column(String(200))
    change: Mapped[str] = mapped_column(String(16))
    by_hand: Mapped[bool] = mapped_column(Boolean, default=False)
    """The owner edited the map directly (or uploaded it) rather than answering."""

    interview: Mapped[Interview] = relationship(back_populates="map_changes")
