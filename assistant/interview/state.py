"""The planner's memory between turns, saved as JSON in the store after every turn."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.turns import Expects, Slot


def slot_to_json(slot: Slot) -> dict[str, Any]:
    return {
        "expects": slot.expects.value,
        "key": slot.key,
        "stage": slot.stage,
        "touchpoint": slot.touchpoint,
    }


def slot_from_json(data: Any) -> Slot | None:
    if not isinstance(data, dict):
        return None
    try:
        return Slot(
            expects=Expects(data.get("expects", "")),
            key=str(data.get("key") or ""),
            stage=data.get("stage") or None,
            touchpoint=data.get("touchpoint") or None,
        )
    except ValueError:
        return None


@dataclass
class PlannerState:
    """Everything the planner needs besides the map itself."""

    asked: list[str] = field(default_factory=list)
    """Ids of slots the user has answered: asked again only when re-opened. (A slot that
    was only asked stays open, so a correction or a question in between never loses it.)"""
    skipped: list[str] = field(default_factory=list)
    """Ids of slots the user skipped (ohita/skip, "ei ole")."""
    history: list[dict[str, Any]] = field(default_factory=list)
    """Slots in the order they were asked, for "back"."""
    pending: dict[str, Any] | None = None
    """The slot the last assistant turn asked for (None before the opening)."""
    reopened: dict[str, Any] | None = None
    """A slot the user asked to revisit (back/fix); asked next even though asked before."""
    user_messages: int = 0
    """User messages so far that were answers or commands (the 20-message budget)."""
    used_cards: list[str] = field(default_factory=list)
    """Cards already shown as tips: never the same card twice in one interview."""
    last_edit: str = ""
    """The last message read as a correction: the same text again is an answer."""
    last_question: str = ""
    """The message just answered as a question: the same text next is an answer."""
    retried: list[str] = field(default_factory=list)
    """Slots asked again because an answer to them gave nothing (once each)."""
    fixing: bool = False
    """The user said "fix" without saying what: the next message is the correction."""
    version_trail: list[int] = field(default_factory=list)
    """Map versions of the current line of edits, newest last (for undo)."""
    finishing: bool = False
    """The user said "done": remaining questions are skipped and the review comes next."""
    done: bool = False
    heard: dict[str, str] = field(default_factory=dict)
    """The user's own words for each stage's places (its touchpoints answers): a place named
    again later, with a feeling or as critical, is found in the stage where it was said."""

    @property
    def pending_slot(self) -> Slot | None:
        return slot_from_json(self.pending)

    def mark_asked(self, slot: Slot) -> None:
        """`slot` is the question now waiting for an answer."""
        self.history.append(slot_to_json(slot))
        self.pending = slot_to_json(slot)

    def mark_answered(self, slot: Slot) -> None:
        if slot.id not in self.asked:
            self.asked.append(slot.id)

    def unanswer(self, slot: Slot) -> None:
        if slot.id in self.asked:
            self.asked.remove(slot.id)

    def rename_stage(self, old: str, new: str) -> None:
        """Keep what was answered about a stage when the user renames it."""

        def fix(slot_id: str) -> str:
            parts = slot_id.split("/")
            if len(parts) == 4 and parts[2] == old:
                parts[2] = new
            return "/".join(parts)

        self.asked = [fix(x) for x in self.asked]
        self.skipped = [fix(x) for x in self.skipped]
        for entry in [*self.history, self.pending or {}]:
            if entry.get("stage") == old:
                entry["stage"] = new
        if old in self.heard:
            self.heard[new] = self.heard.pop(old)

    def mark_skipped(self, slot: Slot) -> None:
        if slot.id not in self.skipped:
            self.skipped.append(slot.id)

    def previous_slot(self) -> Slot | None:
        """The slot asked before the pending one (for "back"), dropping it from history."""
        pending = self.pending_slot
        while self.history:
            candidate = slot_from_json(self.history.pop())
            if candidate is not None and (pending is None or candidate.id != pending.id):
                return candidate
        return None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> PlannerState:
        data = data or {}
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        state = cls(**known)
        state.asked = [str(x) for x in state.asked or []]
        state.skipped = [str(x) for x in state.skipped or []]
        state.used_cards = [str(x) for x in state.used_cards or []]
        state.retried = [str(x) for x in state.retried or []]
        state.history = [h for h in state.history or [] if isinstance(h, dict)]
        state.version_trail = [int(x) for x in state.version_trail or []]
        state.user_messages = int(state.user_messages or 0)
        heard = state.heard if isinstance(state.heard, dict) else {}
        state.heard = {str(k): str(v) for k, v in heard.items()}
        return state
