"""Plain, frozen records the store hands out: no ORM objects ever leave the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from assistant.model import Citation, Lang
from assistant.turns import Role


@dataclass(frozen=True)
class InterviewInfo:
    """One interview's header."""

    id: str
    """Unguessable id (secrets.token_urlsafe(16)); the private link and --resume use it."""
    lang: Lang
    title: str
    created_at: datetime
    """UTC, timezone-aware."""
    updated_at: datetime
    """UTC; bumped by every turn, map version, state save, comment and update."""
    done: bool
    progress: float
    """Share of slots filled, 0..1, as the planner last reported it."""


@dataclass(frozen=True)
class TurnRecord:
    """One message of the transcript, user's or assistant's."""

    id: int
    role: Role
    text: str
    expects: str = ""
    """What the assistant was waiting for after this turn (assistant turns)."""
    brain: str = ""
    """Which brain produced the turn (e.g. "offline", "llm")."""
    citations: list[Citation] = field(default_factory=list)
    notice: str = ""
    """A visible notice, e.g. that the offline brain stood in for the LLM."""
    created_at: datetime | None = None


@dataclass(frozen=True)
class MapVersionInfo:
    """One saved version of an interview's journey map (the map itself: load_map_version)."""

    version: int
    """1, 2, ... per interview."""
    created_at: datetime
    reason: str
    turn_id: int | None
    """The turn that produced this version, if any."""


@dataclass(frozen=True)
class CommentRecord:
    """A mentor's comment on a transcript or map."""

    id: int
    author: str
    text: str
    target: str
    """What the comment is about (free form, e.g. "map", "turn:12", "stage:Arviointi")."""
    created_at: datetime
