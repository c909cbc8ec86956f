"""Session: one interview, every turn saved. The user's text is stored first, on its own;
the turn's reply, map version and planner state then go in one transaction guarded by the
interview's revision, so a second writer (another tab or process) is told, not overwritten.
When the database fails, the user's messages wait in `held` and are saved, in order, by
the next call that finds it working again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from assistant.interview import replies as r
from assistant.interview.commands import Kind
from assistant.interview.deps import Deps
from assistant.interview.planner import is_filled, next_slot, progress
from assistant.interview.readback import changed_paths
from assistant.interview.running import Ran, copy_state, run_turn
from assistant.interview.state import PlannerState
from assistant.interview.step import Outcome, Turn
from assistant.model import JourneyMap, Lang
from assistant.store import Reply, StaleInterview, StoreUnavailable, TurnRecord
from assistant.turns import AssistantTurn, Expects, Role, Slot

log = logging.getLogger(__name__)
MAX_INPUT = 4000
"""Characters of one user message that are read; the rest is cut with a notice."""


@dataclass
class Held:
    """A user message (or button) not yet fully committed; `turn_id` once its text is saved."""

    text: str
    command: Kind | None = None
    notice: str = ""
    turn_id: int | None = None


class Session:
    """One interview: its map, planner state and transcript, kept in the store."""

    def __init__(self, *, deps: Deps, interview_id: str, lang: Lang) -> None:
        self.deps = deps
        self.id = interview_id
        self.lang = Lang(lang)
        self.held: list[Held] = []
        """Messages the database could not take yet (kept by the UI across reruns)."""
        self._reload()

    def _reload(self) -> None:
        found = self.deps.store.snapshot(self.id)  # revision, map and state in one read
        if found is None:
            raise KeyError(self.id)
        info, journey, state = found
        self.revision = info.revision
        self.journey = journey or JourneyMap(language=self.lang)
        self.state = PlannerState.from_json(state)

    @property
    def done(self) -> bool:
        return self.state.done

    @property
    def progress(self) -> float:
        return progress(journey=self.journey, state=self.state)

    def transcript(self) -> list[TurnRecord]:
        return self.deps.store.transcript(self.id)

    # -- the API ---------------------------------------------------------------

    def view(self) -> AssistantTurn:
        """The interview as it stands (the last reply and the question waiting); stores nothing."""
        last = next((t for t in reversed(self.transcript()) if t.role is Role.ASSISTANT), None)
        slot = self._pending()
        outcome = self._outcome(last.text if last else "", slot)
        outcome.citations = list(last.citations) if last else []
        return self._view(outcome, notice="", brain=last.brain if last and last.brain else "")

    def opening(self) -> AssistantTurn:
        """The first question, or for a resumed interview a welcome back and the pending one."""
        if self.state.pending is not None:
            slot = self._pending()
            if any(t.role is Role.USER for t in self.transcript()):
                text = r.join(r.say(self.lang, "welcome_back"), self._question(slot))
            else:  # opened before, nothing answered yet: the same first question
                text = self.view().text or self._question(slot)
            return self._view(self._outcome(text, slot), notice="")
        ran = self._run(lambda turn: turn.next(r.say(self.lang, "welcome"), reason="start"))
        try:
            return self._commit(ran.outcome, user_turn=None, notice=ran.notice, brain=ran.brain)
        except (StaleInterview, StoreUnavailable) as exc:
            return self._trouble(exc)

    def step(self, text: str, *, on_token: Callable[[str], None] | None = None) -> AssistantTurn:
        """One user message in, one assistant turn out."""
        text = text if isinstance(text, str) else str(text)
        notice = ""
        if len(text) > MAX_INPUT:
            text = text[:MAX_INPUT]
            notice = r.say(self.lang, "too_long", limit=MAX_INPUT)
        return self._submit(Held(text, notice=notice), on_token=on_token)

    def finish(self) -> AssistantTurn:
        """The Finish button: the remaining questions are skipped and the review comes next."""
        return self._submit(Held(r.say(self.lang, "pressed_finish"), command=Kind.DONE))

    def skip(self) -> AssistantTurn:
        """The Skip button: the question waiting is skipped."""
        return self._submit(Held(r.say(self.lang, "pressed_skip"), command=Kind.SKIP))

    def edit_map(self, new_journey: JourneyMap) -> AssistantTurn:
        """The user edited the map directly: a new version, and the planner re-plans."""
        journey = JourneyMap.model_validate(new_journey.model_dump())
        pending = self.state.pending_slot
        updated = r.say(self.lang, "updated")
        if pending is not None and not is_filled(pending, journey) and not self.done:
            text = r.join(updated, r.reask(pending, self.lang))
            outcome = self._outcome(text, pending, journey=journey, reason="edit")
            notice, brain = "", self.deps.offline_brain.name
        else:
            ran = self._run(lambda turn: turn.next(updated, reason="edit"), journey=journey)
            outcome, notice, brain = ran.outcome, ran.notice, ran.brain
        try:
            return self._commit(outcome, user_turn=None, notice=notice, brain=brain, force=True)
        except (StaleInterview, StoreUnavailable) as exc:
            return self._trouble(exc)

    def undo(self) -> bool:
        """Restore the map version before the last change (saved as a new version); False
        when there is nothing to undo or it could not be saved."""
        trail = self.state.version_trail
        if len(trail) < 2:
            return False
        state = copy_state(self.state)
        state.version_trail = trail[:-2]
        try:
            journey = self.deps.store.load_map_version(self.id, trail[-2])
            outcome = self._outcome("", self._pending(), journey=journey, state=state)
            self._commit(outcome, user_turn=None, notice="", brain="", force=True, reason="undo")
        except (StaleInterview, StoreUnavailable) as exc:
            self._trouble(exc)
            return False
        return True

    # -- plumbing --------------------------------------------------------------

    def _submit(
        self, held: Held, *, on_token: Callable[[str], None] | None = None
    ) -> AssistantTurn:
        """Save `held` after any older held messages, in order; the last one's reply."""
        self.held.append(held)
        try:
            turn = None
            while self.held:
                first = self.held[0]
                turn = self._process(first, on_token=on_token if first is held else None)
                self.held.pop(0)
        except StaleInterview as exc:
            self.held.pop(0)  # its text is saved; the reply is not, and the user is told
            return self._trouble(exc)
        except StoreUnavailable as exc:
            return self._trouble(exc)
        assert turn is not None
        return turn

    def _process(self, held: Held, *, on_token: Callable[[str], None] | None) -> AssistantTurn:
        if held.turn_id is None:
            held.turn_id = self.deps.store.add_turn(self.id, role=Role.USER, text=held.text)
        if held.command is None and not held.text.strip():
            slot = self._pending()
            text = r.join(r.say(self.lang, "empty"), r.reask(slot, self.lang))
            outcome = self._outcome(text, slot)
            return self._commit(outcome, user_turn=held.turn_id, notice=held.notice, brain="")
        command, text = held.command, held.text
        fn: Callable[[Turn], Outcome] = (
            (lambda turn: turn.command(command)) if command else (lambda turn: turn.step(text))
        )
        ran = self._run(fn, on_token=on_token)
        notice = " ".join([held.notice, ran.notice]).strip()
        return self._commit(ran.outcome, user_turn=held.turn_id, notice=notice, brain=ran.brain)

    def _trouble(self, exc: StaleInterview | StoreUnavailable) -> AssistantTurn:
        """The reply when the turn could not be committed: said plainly, nothing lost."""
        if isinstance(exc, StaleInterview):
            log.warning("interview %s changed elsewhere; reloaded", self.id)
            try:
                self._reload()
            except StoreUnavailable as gone:
                return self._trouble(gone)
            key = "conflict"
        else:
            log.warning("database unavailable (%s): %s", exc.problem.value, exc.detail)
            key = f"db_{exc.problem.value}"
        slot = self._pending()
        message = r.say(self.lang, key)
        turn = self._view(
            self._outcome(r.join(message, r.reask(slot, self.lang)), slot), notice=message
        )
        turn.unsaved = len(self.held)
        return turn

    def _run(
        self,
        fn: Callable[[Turn], Outcome],
        *,
        journey: JourneyMap | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> Ran:
        return run_turn(
            fn,
            deps=self.deps,
            lang=self.lang,
            key=self.id,
            journey=journey or self.journey,
            state=self.state,
            on_token=on_token,
        )

    def _pending(self) -> Slot:
        return self.state.pending_slot or next_slot(journey=self.journey, state=self.state)

    def _outcome(
        self,
        text: str,
        slot: Slot,
        *,
        journey: JourneyMap | None = None,
        state: PlannerState | None = None,
        reason: str = "answer",
    ) -> Outcome:
        return Outcome(
            text=text,
            slot=slot,
            journey=journey or self.journey,
            state=state or copy_state(self.state),
            expects=Expects.DONE if self.done else slot.expects,
            reason=reason,
        )

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

    def _view(self, outcome: Outcome, *, notice: str, brain: str = "") -> AssistantTurn:
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
            brain=brain or self.deps.offline_brain.name,
            done=self.done,
            choices=[] if self.done else r.choices(slot, self.lang),
        )

    def _commit(
        self,
        outcome: Outcome,
        *,
        user_turn: int | None,
        notice: str,
        brain: str,
        force: bool = False,
        reason: str = "",
    ) -> AssistantTurn:
        """Everything the turn changed, in one transaction; `self` moves on only if it held."""
        journey, state = outcome.journey, outcome.state
        new_map = (
            force or not state.version_trail or journey.model_dump() != self.journey.model_dump()
        )
        paths = changed_paths(self.journey, journey)
        before = self.journey, self.state
        self.journey, self.state = journey, state  # the reply is worded from the new state
        turn = self._view(outcome, notice=notice, brain=brain)
        self.journey, self.state = before
        turn.changed = paths
        b = journey.business
        reply = None
        if outcome.text:
            reply = Reply(
                text=turn.text,
                expects=turn.expects.value,
                brain=turn.brain,
                citations=tuple(turn.citations),
                notice=notice,
            )
        committed = self.deps.store.commit_turn(
            self.id,
            revision=self.revision,
            state=state.to_json(),
            progress=turn.progress,
            done=state.done,
            title=(b.name or b.offering[:80]) or None,
            reply=reply,
            journey=journey if new_map else None,
            map_reason=reason or outcome.reason,
            user_turn=user_turn,
            record_version_in="version_trail",
        )
        if committed.map_version is not None:
            state.version_trail.append(committed.map_version)
        self.revision, self.journey, self.state = committed.revision, journey, state
        return turn


def open_session(*, deps: Deps, lang: Lang = Lang.FI, interview_id: str | None = None) -> Session:
    """A new interview, or the interview `interview_id` resumed (KeyError if unknown)."""
    store = deps.store
    info = (
        store.create_interview(lang=Lang(lang))
        if interview_id is None
        else store.get_interview(interview_id)
    )
    if info is None:
        raise KeyError(interview_id)
    return Session(deps=deps, interview_id=info.id, lang=info.lang)
