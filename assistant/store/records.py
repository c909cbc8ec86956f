"""Plain, frozen records the store hands out: no ORM objects ever leave the store."""

from __future__ import annotations

from collections.abc import Sequence
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
    revision: int = 0
    """Raised by every committed turn (see Store.commit_turn)."""


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
    """What the comment is about: "" (the whole interview), "turn:12", "cell:<map path>"
    or "suggestion:<index>" (see assistant.access.targets)."""
    created_at: datetime
    kind: str = "general"
    """general, turn, cell or suggestion."""
    stance: str = ""
    """On a suggestion: agree, disagree or own (the mentor's own suggestion)."""
    share_id: int | None = None
    """The share link the mentor used; None for comments made otherwise."""
    read_at: datetime | None = None
    """When the owner first saw it; None means new."""


@dataclass(frozen=True)
class ShareInfo:
    """A mentor share link, without its token (only the token's hash is stored)."""

    id: int
    interview_id: str
    label: str
    """Who it was given to, as the owner wrote it."""
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None

    def active(self, now: datetime) -> bool:
        """Not revoked and not expired at `now`."""
        return self.revoked_at is None and (self.expires_at is None or now < self.expires_at)


@dataclass(frozen=True)
class SharedInterview:
    """One line of the mentor dashboard: an interview with at least one active share."""

    title: str
    lang: Lang
    progress: float
    done: bool
    last_activity: datetime
    """The interview's updated_at: the newest turn, map, state or comment."""
    active_shares: int
    comments: int
    last_comment_at: datetime | None


@dataclass(frozen=True)
class MapChangeRecord:
    """Provenance: map field `path` was set, changed or removed by version `version`."""

    version: int
    turn_id: int | None
    """The user's turn that led to it; None for a direct edit, upload or undo."""
    path: str
    change: str
    """set, changed or removed."""
    by_hand: bool


@dataclass(frozen=True)
class Reply:
    """The assistant's message of a turn, as stored in the transcript."""

    text: str
    expects: str = ""
    brain: str = ""
    citations: Sequence[Citation] = field(default_factory=tuple)
    notice: str = ""


@dataclass(frozen=True)
class Committed:
    revision: int
    """The interview's revision after this commit: the next commit names it."""
    map_version: int | None
    """The map version written, if any."""
    reply_id: int | None
    """The assistant turn's id, if a reply was written."""
