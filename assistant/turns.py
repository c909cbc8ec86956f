"""What flows between the planner, the brains, the session and every front end.

`Slot` is what the planner wants filled next; `AssistantTurn` is what a front end
shows after each user message (and what `polkuopas chat --jsonl` prints).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from assistant.model import Citation, JourneyMap


class Expects(StrEnum):
    """What the assistant is waiting for. A documented, stable contract (chat --jsonl)."""

    BUSINESS = "business"
    PERSONA = "persona"
    STAGES = "stages"
    TOUCHPOINTS = "touchpoints"
    TOUCHPOINT_DETAIL = "touchpoint_detail"
    CRITICAL = "critical"
    METRICS = "metrics"
    REVIEW = "review"
    DONE = "done"
    FREE = "free"


class Role(StrEnum):
    USER = "user"
    ASSISTANT = "assistant"
    SYSTEM = "system"


@dataclass(frozen=True)
class Slot:
    """One thing the planner wants to know.

    `key` names the field within the phase, e.g. "offering" for BUSINESS,
    "doubts" for TOUCHPOINT_DETAIL, "first_impression" for CRITICAL.
    """

    expects: Expects
    key: str = ""
    stage: str | None = None
    touchpoint: str | None = None

    @property
    def id(self) -> str:
        """Stable identity, used to never ask the same question twice."""
        return "/".join([self.expects.value, self.key, self.stage or "", self.touchpoint or ""])


@dataclass
class AssistantTurn:
    """The assistant's reply to one user message (or the opening turn)."""

    text: str
    """The message shown to the user (plain text / light Markdown, never HTML)."""
    expects: Expects
    """What the next user message is expected to answer."""
    interview_id: str
    """Id of the interview; `--resume ID` and the private link use it."""
    map: JourneyMap
    """The map after this turn."""
    stage: str | None = None
    """Stage in focus, if the question is about one."""
    touchpoint: str | None = None
    """Touchpoint in focus, if the question is about one."""
    slot_key: str = ""
    """The slot within the phase that is being asked (for highlighting in the UI)."""
    progress: float = 0.0
    """Share of slots filled, 0..1."""
    citations: list[Citation] = field(default_factory=list)
    """Sources of the tips or answers in this turn."""
    tips: list[dict[str, Any]] = field(default_factory=list)
    """Tips shown inline: {"text", "card", "title", "source", "author", "passage"}."""
    notice: str = ""
    """A visible notice, e.g. that the LLM failed and the offline brain answered."""
    brain: str = "offline"
    """Which brain produced this turn: "offline" or "llm"."""
    done: bool = False
    """True when the interview is complete."""
    choices: list[str] = field(default_factory=list)
    """Quick replies for the question asked; sending one as the next message chooses it."""
    changed: list[str] = field(default_factory=list)
    """What this turn changed in the map ("touchpoint:<stage>/<name>", "stages", ...)."""
    unsaved: int = 0
    """User messages kept in memory because the database could not take them yet."""

    def to_json(self) -> dict[str, Any]:
        """The `chat --jsonl` line: a stable contract, extend only."""
        return {
            "text": self.text,
            "expects": self.expects.value,
            "focus": {"stage": self.stage, "touchpoint": self.touchpoint, "slot": self.slot_key},
            "progress": round(self.progress, 3),
            "citations": [
                {"source": c.source, "title": c.title, "card": c.card, "author": c.author}
                for c in self.citations
            ],
            "tips": self.tips,
            "notice": self.notice,
            "brain": self.brain,
            "done": self.done,
            "interview_id": self.interview_id,
            "choices": list(self.choices),
            "changed": list(self.changed),
            "unsaved": self.unsaved,
        }
