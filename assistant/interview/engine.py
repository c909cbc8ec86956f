"""One turn of the interview with one brain, on copies: the session commits the outcome.

Working on copies lets the session redo a failed LLM turn with the offline brain
from exactly the same starting point.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assistant.brains.base import Brain
from assistant.interview import replies as r
from assistant.interview.commands import Kind, detect, fix_target, is_confirmation, strip_subject
from assistant.interview.planner import next_slot
from assistant.interview.state import PlannerState, slot_to_json
from assistant.interview.tips import answer_question, pick_tip
from assistant.knowledge.base import KnowledgeBase
from assistant.model import Citation, JourneyMap, Lang
from assistant.patch import apply_patch
from assistant.turns import Expects, Slot


@dataclass
class Outcome:
    text: str
    slot: Slot
    """What the next user message is expected to answer."""
    journey: JourneyMap
    state: PlannerState
    expects: Expects
    citations: list[Citation] = field(default_factory=list)
    tips: list[dict[str, Any]] = field(default_factory=list)
    reason: str = "answer"


@dataclass
class Turn:
    brain: Brain
    kb: KnowledgeBase
    lang: Lang
    journey: JourneyMap
    state: PlannerState
    on_token: Callable[[str], None] | None = None

    def understand(self, text: str, slot: Slot) -> JourneyMap:
        patch = self.brain.understand(text=text, slot=slot, journey=self.journey, lang=self.lang)
        return apply_patch(self.journey, patch, focus_stage=slot.stage)

    # -- one user message ------------------------------------------------------

    def step(self, text: str) -> Outcome:
        state, lang = self.state, self.lang
        pending = state.pending_slot or next_slot(journey=self.journey, state=state)
        cmd = detect(text)
        if state.fixing and cmd.kind is Kind.ANSWER:
            cmd = detect(f"fix: {text}")
        if cmd.kind is Kind.QUESTION:
            return self.answer(text, pending)
        state.user_messages += 1
        state.fixing = False
        before = self.journey
        prefix = ""
        if cmd.kind is Kind.SKIP:
            state.mark_skipped(pending)
            prefix = r.say(lang, "skipped")
            if pending.expects is Expects.REVIEW:
                state.done = True
        elif cmd.kind is Kind.BACK:
            previous = state.previous_slot()
            if previous is not None and pending.id in state.asked:
                state.asked.remove(pending.id)  # not answered yet: it comes again after
            state.reopened = slot_to_json(previous or pending)
            prefix = r.say(lang, "back" if previous else "nothing_back")
        elif cmd.kind is Kind.FIX:
            prefix = self.fix(cmd.rest, pending)
            if state.fixing:
                return Outcome(prefix, pending, self.journey, state, Expects.FREE, reason="fix")
        elif cmd.kind is Kind.DONE:
            state.finishing = True
            if pending.expects in (Expects.REVIEW, Expects.DONE):
                state.done = True
            else:
                prefix = r.say(lang, "finishing")
        elif pending.expects is Expects.REVIEW and is_confirmation(text):
            state.done = True
        elif pending.expects in (Expects.REVIEW, Expects.DONE, Expects.FREE):
            self.journey = self.understand(text, Slot(Expects.FREE))
            changed = self.journey.model_dump() != before.model_dump()
            if changed and pending.expects is Expects.REVIEW:
                state.asked.remove(pending.id)  # show the review again for the changed map
            prefix = r.say(lang, "updated" if changed else "not_understood")
        else:
            self.journey = self.understand(text, pending)
            prefix = r.acknowledge(
                before=before, after=self.journey, lang=lang, n=state.user_messages
            )
        return self.next(prefix, answer=text)

    def answer(self, question: str, pending: Slot) -> Outcome:
        text, cites = answer_question(
            question=question, brain=self.brain, kb=self.kb, lang=self.lang
        )
        text = text or r.say(self.lang, "no_answer")
        again = r.say(self.lang, "continue", question=r.reask(pending, self.lang))
        return Outcome(
            r.join(text, again),
            pending,
            self.journey,
            self.state,
            pending.expects,
            cites,
            [],
            reason="question",
        )

    def fix(self, rest: str, pending: Slot) -> str:
        target, named_only = fix_target(rest, pending=pending, state=self.state)
        if not rest or named_only:
            if named_only and target is not None:
                self.state.reopened = slot_to_json(target)
                return r.say(self.lang, "back")
            self.state.fixing = True
            return r.say(self.lang, "fix_ask")
        before = self.journey
        self.journey = self.understand(strip_subject(rest), target or pending)
        changed = self.journey.model_dump() != before.model_dump()
        return r.say(self.lang, "fixed" if changed else "fix_nothing")

    # -- what comes next -------------------------------------------------------

    def next(self, prefix: str, *, answer: str = "", reason: str = "answer") -> Outcome:
        state, lang = self.state, self.lang
        slot = next_slot(journey=self.journey, state=state)
        state.reopened = None
        if slot.expects is Expects.DONE:
            already = (
                state.done
                and state.pending_slot is not None
                and (state.pending_slot.expects is Expects.DONE)
            )
            state.done = True
            state.mark_asked(slot)
            if not self.journey.suggestions:
                self.review()
            closing = r.say(lang, "done_free") if already else r.summary(self.journey, lang)
            return Outcome(
                r.join(prefix, closing), slot, self.journey, state, Expects.DONE, reason=reason
            )
        if slot.expects is Expects.REVIEW:
            self.review()
            state.mark_asked(slot)
            cites = [c for s in self.journey.suggestions for c in s.citations]
            text = r.join(
                prefix,
                r.review_text(self.journey.suggestions, lang),
                r.say(lang, "review_question"),
            )
            return Outcome(text, slot, self.journey, state, Expects.REVIEW, cites, reason=reason)
        tip = pick_tip(
            slot=slot,
            journey=self.journey,
            kb=self.kb,
            lang=lang,
            used=state.used_cards,
            answer=answer,
        )
        question = self.brain.ask(
            slot=slot, journey=self.journey, lang=lang, tip=tip, on_token=self.on_token
        )
        state.mark_asked(slot)
        tips, cites, tip_text = [], [], ""
        if tip is not None:
            state.used_cards.append(tip.card)
            tips, cites = [r.tip_dict(tip)], tip.citations()
            line = r.first_sentence(tip.text)
            tip_text = "" if line[:60] in " ".join(question.split()) else r.tip_line(tip, lang)
        return Outcome(
            r.join(prefix, tip_text, question),
            slot,
            self.journey,
            state,
            slot.expects,
            cites,
            tips,
            reason=reason,
        )

    def review(self) -> None:
        suggestions = self.brain.review(journey=self.journey, lang=self.lang, kb=self.kb)
        self.journey = self.journey.model_copy(update={"suggestions": list(suggestions)})
        self.journey = JourneyMap.model_validate(self.journey.model_dump())
