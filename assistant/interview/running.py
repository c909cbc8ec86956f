"""One turn through the brains: the LLM first (while its breaker and budget allow), then
the offline brain; a failure of both ends in an apology and the same question. Nothing
here touches the store: the session commits what comes back."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from assistant.brains.guard import turn_brains
from assistant.interview import replies as r
from assistant.interview.deps import Deps
from assistant.interview.planner import next_slot
from assistant.interview.state import PlannerState
from assistant.interview.step import Outcome, Turn
from assistant.model import JourneyMap, Lang

log = logging.getLogger(__name__)


@dataclass(frozen=True, kw_only=True)
class Ran:
    outcome: Outcome
    brain: str
    """The brain that produced the outcome ("offline", "llm")."""
    notice: str
    """Why the LLM did not answer, if it was meant to; else ""."""


def copy_state(state: PlannerState) -> PlannerState:
    return PlannerState.from_json(state.to_json())


def run_turn(
    fn: Callable[[Turn], Outcome],
    *,
    deps: Deps,
    lang: Lang,
    key: str,
    journey: JourneyMap,
    state: PlannerState,
    on_token: Callable[[str], None] | None = None,
) -> Ran:
    """`fn` on a fresh Turn per brain (copies of `journey` and `state`), first success wins."""
    brains, notice = turn_brains(deps.brain, deps.offline_brain, lang=lang, key=key)
    for i, brain in enumerate(brains):
        turn = Turn(
            brain=brain,
            kb=deps.kb,
            lang=lang,
            journey=journey,
            state=copy_state(state),
            on_token=on_token if i == 0 else None,
        )
        try:
            return Ran(outcome=fn(turn), brain=brain.name, notice=notice)
        except Exception:
            log.exception("%s brain failed", brain.name)
            if i + 1 < len(brains):
                notice = r.say(lang, "llm_fallback")
    slot = state.pending_slot or next_slot(journey=journey, state=state)
    outcome = Outcome(
        text=r.join(r.say(lang, "error"), r.reask(slot, lang)),
        slot=slot,
        journey=journey,
        state=copy_state(state),
        expects=slot.expects,
        reason="error",
    )
    return Ran(outcome=outcome, brain=deps.offline_brain.name, notice="")
