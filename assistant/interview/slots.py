"""The one list of questions the interview can ask (the slot registry).

Every question bank (prompts/questions.{fi,en}.yaml, the short re-asks in
prompts/session.{fi,en}.yaml and the LLM's slot notes) is checked against this list
by a test, so adding a question means adding it here and to the prompt files.

Each question asks one thing, or a small set that belongs together (goals and
frustrations; numbers followed and how feedback is collected).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from assistant.turns import Expects


class Scope(StrEnum):
    INTERVIEW = "interview"
    """Asked once."""
    STAGE = "stage"
    """Asked once for every stage of the journey."""


@dataclass(frozen=True)
class SlotSpec:
    expects: Expects
    key: str
    scope: Scope = Scope.INTERVIEW
    required: bool = True
    """Required slots are asked always; optional ones only while the message budget allows."""

    @property
    def name(self) -> str:
        return f"{self.expects.value}/{self.key}"


E = Expects
SLOTS: tuple[SlotSpec, ...] = (
    SlotSpec(E.BUSINESS, "offering"),
    SlotSpec(E.PERSONA, "description"),
    SlotSpec(E.PERSONA, "goals"),
    SlotSpec(E.BUSINESS, "business_type", required=False),
    SlotSpec(E.STAGES, "stages"),
    SlotSpec(E.TOUCHPOINTS, "touchpoints", Scope.STAGE),
    SlotSpec(E.TOUCHPOINT_DETAIL, "problems", Scope.STAGE),
    SlotSpec(E.TOUCHPOINT_DETAIL, "emotions"),
    SlotSpec(E.TOUCHPOINT_DETAIL, "motivators"),
    SlotSpec(E.CRITICAL, "critical"),
    SlotSpec(E.CRITICAL, "first_impression"),
    SlotSpec(E.CRITICAL, "last_memory", required=False),
    SlotSpec(E.METRICS, "metrics"),
    SlotSpec(E.METRICS, "assumptions", required=False),
    SlotSpec(E.REVIEW, "review"),
    SlotSpec(E.DONE, "done"),
)
"""In interview order. Stage-scoped slots are asked stage by stage (touchpoints, then
problems), before the interview-wide slots that follow them."""

LEGACY = frozenset(
    {
        "persona/frustrations",
        "touchpoint_detail/detail",
        "touchpoint_detail/customer_action",
        "touchpoint_detail/emotion",
        "touchpoint_detail/doubts",
        "touchpoint_detail/blockers",
    }
)
"""Keys of earlier versions that saved interviews may still be waiting on: they keep a
wording and a parser, but the planner no longer produces them."""


def spec(expects: Expects, key: str) -> SlotSpec | None:
    return next((s for s in SLOTS if s.expects is expects and s.key == key), None)


def names() -> list[str]:
    return [s.name for s in SLOTS]
