"""Session: one interview, every turn saved. The user's text is stored before it is
processed; an LLM failure is redone by the offline brain with a notice; a failure of
the offline brain too ends in an apology and the same question: the interview never breaks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from assistant.brains.guard import turn_brains
from assistant.interview import replies as r
from assistant.interview.deps import Deps
from assistant.interview.planner import is_filled, next_slot, progress
from assistant.interview.readback import changed_paths
from assistant.interview.state import PlannerState
from assistant.interview.step import Outcome, Turn
from assistant.model import JourneyMap, Lang
from assistant.store import TurnRecord
from assistant.turns import AssistantTurn, Expects, Role, Slot

log = logging.getLogger(__name__)
MAX_INPUT = 4000
"""Characters of one user message that are read; the rest is cut with a notice."""


class Session:
    """One interview: its map, planner state and transcript, kept in the store."""

    def __init__(self, *, deps: Deps, interview_id: str, lang: Lang) -> None:
        self.deps = deps
        self.id = interview_id
        self.lang = Lang(lang)
        store = deps.store
        self.journey = store.latest_map(interview_id) or JourneyMap(language=self.lang)
        self.state = PlannerState.from_json(store.load_state(interview_id))

    @property
    def done(self) -> bool:
        return self.state.done

    @property
    def progress(self) -> float:
        return progress(journey=self.journey, state=self.state)

    def transcript(self) -> list[TurnRecord]:
        return self.deps.store.transcript(self.id)

    # -- turns -----------------------------------------------------------------

    def opening(self) -> AssistantTurn:
        """The first question, or for a resumed interview a welcome back and the pending one."""
        started = any(t.role is Role.USER for t in self.transcript())
        if self.state.pending is not None and started:
            slot = self.state.pending_slot or next_slot(journey=self.journey, state=self.state)
            text = r.join(r.say(self.lang, "welcome_back"), self._question(slot))
            return self._view(
                Outcome(text, slot, self.journey, self.state, slot.expects), notice=""
            )
        if self.state.pending is not None:  # opened before, nothing answered yet
            first = next((t for t in self.transcript() if t.role is Role.ASSISTANT), None)
            slot = self.state.pending_slot or next_slot(journey=self.journey, state=self.state)
            text = first.text if first else self._question(slot)
            return self._view(
                Outcome(text, slot, self.journey, self.state, slot.expects), notice=""
            )
        outcome = self._run(lambda turn: turn.next(r.say(self.lang, "welcome"), reason="start"))
        return self._commit(outcome, user_turn=None, notice=self._notice)

    def step(self, text: str, on_token: Callable[[str], None] | None = None) -> AssistantTurn:
        """One user message in, one assistant turn out."""
        text = text if isinstance(text, str) else str(text)
        notices = []
        if len(text) > MAX_INPUT:
            text = text[:MAX_INPUT]
            notices.append(r.say(self.lang, "too_long", limit=MAX_INPUT))
        user_turn = self.deps.store.add_turn(self.id, role=Role.USER, text=text)
        if not text.strip():
            slot = self.state.pending_slot or next_slot(journey=self.journey, state=self.state)
            again = r.join(r.say(self.lang, "empty"), r.reask(slot, self.lang))
            outcome = Outcome(again, slot, self.journey, self._copy_state(), slot.expects)
            return self._commit(outcome, user_turn=user_turn, notice=" ".join(notices))
        outcome = self._run(lambda turn: turn.step(text), on_token=on_token)
        notice = " ".join([*notices, self._notice]).strip()
        return self._commit(outcome, user_turn=user_turn, notice=notice)

    def edit_map(self, new_journey: JourneyMap) -> AssistantTurn:
        """The user edited the map directly: a new version, and the planner re-plans."""
        journey = JourneyMap.model_validate(new_journey.model_dump())
        pending = self.state.pending_slot
        if pending is not None and not is_filled(pending, journey) and not self.done:
            self.journey = journey
            text = r.join(r.say(self.lang, "updated"), r.reask(pending, self.lang))
            outcome = Outcome(
                text, pending, journey, self._copy_state(), pending.expects, reason="edit"
            )
            return self._commit(outcome, user_turn=None, notice="", force_save=True)
        self.journey = journey
        outcome = self._run(lambda turn: turn.next(r.say(self.lang, "updated"), reason="edit"))
        return self._commit(outcome, user_turn=None, notice=self._notice, force_save=True)

    def undo(self) -> bool:
        """Restore the map version before the last change (saved as a new version)."""
        trail = self.state.version_trail
        if len(trail) < 2:
            return False
        trail.pop()
        journey = self.deps.store.load_map_version(self.id, trail[-1])
        version = self.deps.store.save_map(self.id, journey, reason="undo")
        trail[-1] = version
        self.journey = journey
        self.deps.store.save_state(self.id, self.state.to_json())
        self.deps.store.update_interview(self.id, progress=self.progress)
        return True

    # -- plumbing --------------------------------------------------------------

    _notice = ""
    _brain = "offline"

    def _copy_state(self) -> PlannerState:
        return PlannerState.from_json(self.state.to_json())

    def _question(self, slot: Slot) -> str:
        if slot.expects is Expects.REVIEW:
            return r.join(
                r.review_text(self.journey.suggestions, self.lang),
                r.say(self.lang, "review_question"),
            )
        if slot.expects in (Expects.DONE, Expects.FREE):
            return r.say(self.lang, "done_free")
        try:
            return self.deps.offline_brain.ask(slot=slot, journey=self.journey, lang=self.lang)
        except Exception:
            log.exception("offline ask failed")
            return r.reask(slot, self.lang)

    def _run(
        self, fn: Callable[[Turn], Outcome], on_token: Callable[[str], None] | None = None
    ) -> Outcome:
        deps = self.deps
        self._notice, self._brain = "", deps.brain.name
        brains, self._notice = turn_brains(
            deps.brain, deps.offline_brain, lang=self.lang, key=self.id
        )
        for i, brain in enumerate(brains):
            turn = Turn(
                brain=brain,
                kb=deps.kb,
                lang=self.lang,
                journey=self.journey,
                state=self._copy_state(),
                on_token=on_token if i == 0 else None,
            )
            try:
                outcome = fn(turn)
                self._brain = brain.name
                return outcome
            except Exception:
                log.exception("%s brain failed", brain.name)
                if i + 1 < len(brains):
                    self._notice = r.say(self.lang, "llm_fallback")
        self._brain = deps.offline_brain.name
        self._notice = ""
        slot = self.state.pending_slot or next_slot(journey=self.journey, state=self.state)
        text = r.join(r.say(self.lang, "error"), r.reask(slot, self.lang))
        return Outcome(text, slot, self.journey, self._copy_state(), slot.expects, reason="error")

    def _view(self, outcome: Outcome, *, notice: str) -> AssistantTurn:
        slot = outcome.slot
        return AssistantTurn(
            text=outcome.text,
            expects=outcome.expects,
            interview_id=self.id,
            map=self.journey,
            stage=slot.stage,
            touchpoint=slot.touchpoint,
            slot_key=slot.key,
            progress=self.progress,
            citations=outcome.citations,
            tips=outcome.tips,
            notice=notice,
            brain=self._brain,
            done=self.done,
            choices=[] if self.done else r.choices(slot, self.lang),
        )

    def _commit(
        self, outcome: Outcome, *, user_turn: int | None, notice: str, force_save: bool = False
    ) -> AssistantTurn:
        store = self.deps.store
        paths = changed_paths(self.journey, outcome.journey)
        changed = outcome.journey.model_dump() != self.journey.model_dump()
        self.state = outcome.state
        if changed or force_save or not self.state.version_trail:
            version = store.save_map(
                self.id, outcome.journey, turn_id=user_turn, reason=outcome.reason
            )
            self.state.version_trail.append(version)
        self.journey = outcome.journey
        turn = self._view(outcome, notice=notice)
        turn.changed = paths
        store.add_turn(
            self.id,
            role=Role.ASSISTANT,
            text=turn.text,
            expects=turn.expects.value,
            brain=turn.brain,
            citations=turn.citations,
            notice=notice,
        )
        store.save_state(self.id, self.state.to_json())
        b = self.journey.business
        title = b.name or b.offering[:80]
        store.update_interview(self.id, progress=turn.progress, done=self.done, title=title or None)
        return turn


def open_session(
    *, deps: Deps, lang: Lang | str = Lang.FI, interview_id: str | None = None
) -> Session:
    """A new interview, or the interview `interview_id` resumed (KeyError if unknown)."""
    store = deps.store
    if interview_id is None:
        info = store.create_interview(lang=Lang(lang))
    else:
        found = store.get_interview(interview_id)
        if found is None:
            raise KeyError(interview_id)
        info = found
    return Session(deps=deps, interview_id=info.id, lang=info.lang)
