"""One turn of the interview with one brain, on copies: the session commits the outcome.

Working on copies lets the session redo a failed LLM turn with the offline brain
from exactly the same starting point.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assistant.advice.answers import answer_question
from assistant.advice.tips import pick_tip
from assistant.brains.offline.corrections import (
    explicit_fix,
    feeling_list,
    lead_in,
    looks_like_edit,
    parse_edits,
    parse_it_renames,
)
from assistant.brains.offline.named_again import named_again
from assistant.brains.protocol import Brain
from assistant.edits import Edit, Op, apply_edits
from assistant.interview import replies as r
from assistant.interview.commands import (
    Command,
    Kind,
    asks_for_change,
    detect,
    fix_target,
    is_confirmation,
    requests_change,
    strip_subject,
)
from assistant.interview.planner import next_slot
from assistant.interview.readback import changes_text, readback
from assistant.interview.state import PlannerState, slot_from_json, slot_to_json
from assistant.knowledge import KnowledgeBase
from assistant.lang.lexicon import channels, lookup
from assistant.lang.nothing import is_nothing
from assistant.lang.stage_models import proposed_stages
from assistant.model import Citation, JourneyMap, Lang
from assistant.patch import MapPatch, apply_patch
from assistant.turns import Expects, Slot

MAX_PLAIN_EDIT = 16
"""Words at most in a correction said without "korjaa", "hetkinen" or the like."""
_STRUCTURAL = frozenset({"offering", "stages", "touchpoints"})
"""Slots the rest of the interview is built on: an answer that gives nothing is asked again."""


_ALSO = re.compile(r"\b(?:myös|lisäksi|kans|also|too|as well)\b", re.IGNORECASE)
_FORGOT = re.compile(r"\b(?:unoh\w*|forgot)\b", re.IGNORECASE)
_IMPORTANT = re.compile(
    r"\b(?:tärke\w*|kriitti\w*|important|critical|crucial|key one|matters)\b", re.IGNORECASE
)


@dataclass(kw_only=True)
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


_HEARD_MAX = 2000
"""Characters of a stage's places answers kept for naming them again (the newest)."""


@dataclass
class Turn:
    brain: Brain
    kb: KnowledgeBase
    lang: Lang
    journey: JourneyMap
    state: PlannerState
    on_token: Callable[[str], None] | None = None

    def understand(self, text: str, slot: Slot) -> JourneyMap:
        journey, heard = self.journey, self.state.heard
        if slot.expects is Expects.TOUCHPOINTS and slot.stage:
            heard[slot.stage] = f"{heard.get(slot.stage, '')}\n{text}".strip()[-_HEARD_MAX:]
        again = []
        if slot.key in ("emotions", "critical"):
            # a place named again with a feeling or as critical, said before in one stage
            again = named_again(text, journey=journey, heard=heard, lang=self.lang.value)
            journey = apply_patch(journey, MapPatch(touchpoints=again))
        patch = self.brain.understand(text=text, slot=slot, journey=journey, lang=self.lang)
        after = apply_patch(journey, patch, focus_stage=slot.stage)
        for found in again:  # kept only where the answer gave it a feeling or the flag
            stage = after.stage(found.stage or "")
            tp = (
                next((t for t in stage.touchpoints if t.name == found.name), None)
                if stage
                else None
            )
            if stage is not None and tp is not None and tp.emotion is None and not tp.critical:
                stage.touchpoints.remove(tp)
        return after

    # -- one user message ------------------------------------------------------

    def step(self, text: str) -> Outcome:
        state, lang = self.state, self.lang
        pending = state.pending_slot or next_slot(journey=self.journey, state=state)
        cmd = detect(text)
        if state.fixing and cmd.kind is Kind.ANSWER:
            cmd = detect(f"fix: {text}")
        if (
            cmd.kind is Kind.QUESTION
            and requests_change(text)
            and parse_edits(text, journey=self.journey, lang=lang)
        ):
            # "Can you change the persona name to Hanna?": a request the map can carry out
            # is an edit, not a question about the method.
            cmd = Command(Kind.ANSWER)
        if cmd.kind is Kind.QUESTION and text.strip() != state.last_question:
            # The same "question" twice in a row was meant as the answer ("…, voisimmeko
            # kutsua sitä Järjestelyiksi?"): the second time it is read as one.
            state.last_question = text.strip()
            return self.answer(text, pending)
        if cmd.kind is Kind.QUESTION:
            cmd = Command(Kind.ANSWER)
        state.last_question = ""  # only the same text twice in a row counts
        state.user_messages += 1
        state.fixing = False
        before = self.journey
        prefix = ""
        # Edits of the proposed stage model ("lisää X, seikkailu pois") are the stages
        # answer itself while the map has no stages yet, not a correction of the map.
        proposing = pending.expects is Expects.STAGES and not self.journey.stages
        if cmd.kind in (Kind.ANSWER, Kind.FIX) and pending.expects is not Expects.REVIEW:
            opened, rest = lead_in(text)
            edits = parse_edits(text, journey=self.journey, lang=lang) or parse_it_renames(
                text, journey=self.journey, lang=lang
            )
            if proposing:
                edits = [e for e in edits if e.op not in (Op.ADD_STAGE, Op.MOVE_STAGE)]
            # A correction in plain words is short; a long message is an answer that happens
            # to name things. The same text twice in a row is an answer too (never a loop).
            # A polite request ("Oh sorry, can you change the persona name to Hanna? …")
            # is an edit however long it goes on.
            plain = not opened and cmd.kind is not Kind.FIX
            long = len(text.split()) > MAX_PLAIN_EDIT and not requests_change(text)
            if plain and (long or text == state.last_edit):
                edits = []
            critical_asked = pending.expects is Expects.CRITICAL and pending.key == "critical"
            unapplied = looks_like_edit(text, critical_asked=critical_asked) or requests_change(
                text
            )
            if not edits and unapplied and text != state.last_edit and not proposing:
                # "poista facebook" when there is no Facebook: say so; store nothing.
                state.last_edit = text
                return self.next(r.readback_text(lang, "not_applied"), reason="fix")
            if opened and not edits and rest:
                # "anteeks, sopimus on 0 ja ennakkomaksu -1": feelings said again
                edits = feeling_list(rest, journey=self.journey)
            if opened and not edits and not explicit_fix(text) and rest:
                added = self._added_places(text, rest, pending)
                if added is not None:
                    # "ai niin, unohtu et tilauksia tulee myös sähköpostilla" while the
                    # problems of that stage are asked: a place added to the stage, never
                    # a pain point; the pending question is asked again.
                    return self.next(added, reason="fix")
                # "ai niin, myös Facebook": a soft opening before an answer, not a correction.
                text, opened = rest, False
            if text == state.last_edit and (edits or cmd.kind is Kind.FIX or opened):
                # The same correction again, right after it was tried: it is the answer
                # this time (a message is never read the same failing way over and over).
                if cmd.kind is Kind.FIX:
                    text = cmd.rest or text
                elif opened:
                    text = rest or text
                edits, opened, cmd = [], False, Command(Kind.ANSWER)
            if edits or cmd.kind is Kind.FIX or opened:
                state.last_edit = text
                prefix = self.correct(text, edits=edits, pending=pending)
                if state.fixing:
                    return Outcome(
                        text=prefix,
                        slot=pending,
                        journey=self.journey,
                        state=state,
                        expects=Expects.FREE,
                        reason="fix",
                    )
                return self.next(prefix, reason="fix")
        if cmd.kind in (Kind.SKIP, Kind.DONE):
            prefix = self._skip_or_finish(cmd.kind, pending)
        elif cmd.kind is Kind.BACK:
            previous = state.previous_slot()
            state.reopened = slot_to_json(previous or pending)
            if previous is not None:
                state.unanswer(previous)
            prefix = r.say(lang, "back" if previous else "nothing_back")
        elif pending.expects is Expects.REVIEW and is_confirmation(text):
            state.done = True
        elif pending.expects in (Expects.REVIEW, Expects.DONE, Expects.FREE):
            edits = parse_edits(text, journey=self.journey, lang=lang)
            if edits:
                prefix = self.correct(text, edits=edits, pending=pending)
            else:
                self.journey = self.understand(text, Slot(Expects.FREE))
                line = readback(before=before, after=self.journey, lang=lang)
                prefix = line or r.say(lang, "not_understood")
                if not line and pending.expects is Expects.REVIEW:
                    state.done = True  # nothing to change in the review: the map is ready
        elif (more := self._more_critical(text, pending)) is not None:
            # "ja puhelu myös" right after the critical answer: one more critical place,
            # never the answer to the question asked since; that question is asked again.
            return self.next(more, reason="fix")
        else:
            self.journey = self.understand(text, pending)
            prefix = readback(before=before, after=self.journey, lang=lang)
            if prefix or is_nothing(text):
                state.mark_answered(pending)
                prefix = prefix or r.readback_text(lang, "nothing_said")
            elif pending.key in _STRUCTURAL and pending.id not in state.retried:
                # Nothing understood where the journey's shape depends on it: ask once more.
                state.retried.append(pending.id)
                prefix = r.readback_text(lang, "nothing_found")
                state.reopened = slot_to_json(pending)
            elif asks_for_change(text) and text != state.last_edit:
                # "Could you move the invoice to Booking?" naming nothing in the map: say so
                # and ask the pending question again, never take the request as its answer.
                state.last_edit = text
                prefix = r.readback_text(lang, "not_applied")
                state.reopened = slot_to_json(pending)
            else:
                state.mark_answered(pending)
                prefix = r.readback_text(lang, "nothing_kept")
                if pending.key == "stages" and not self.journey.stages:
                    # A map without stages has nowhere to put anything: after two answers
                    # that could not be read, the proposed model stands, to be edited later.
                    names = proposed_stages(self.journey, lang)
                    self.journey = apply_patch(self.journey, MapPatch(stages=names))
                    prefix = r.readback_text(lang, "stages_proposed").format(
                        stages=" – ".join(names)
                    )
        return self.next(prefix, answer=text)

    def command(self, kind: Kind) -> Outcome:
        """A button (Skip, Finish) pressed: the command itself, never parsed from text."""
        pending = self.state.pending_slot or next_slot(journey=self.journey, state=self.state)
        self.state.user_messages += 1
        self.state.fixing = False
        return self.next(self._skip_or_finish(kind, pending))

    def _skip_or_finish(self, kind: Kind, pending: Slot) -> str:
        state = self.state
        if kind is Kind.SKIP:
            state.mark_skipped(pending)
            if pending.expects is Expects.REVIEW:
                state.done = True
            if pending.key == "stages" and not self.journey.stages:
                # "en tiedä", "ohita": a map without stages has nowhere to put anything,
                # so the proposed model stands, to be edited later.
                names = proposed_stages(self.journey, self.lang)
                self.journey = apply_patch(self.journey, MapPatch(stages=names))
                return r.readback_text(self.lang, "stages_skipped").format(stages=" – ".join(names))
            return r.say(self.lang, "skipped")
        state.finishing = True
        if pending.expects in (Expects.REVIEW, Expects.DONE):
            state.done = True
            return ""
        return r.say(self.lang, "finishing")

    def correct(self, text: str, *, edits: list[Edit], pending: Slot) -> str:
        """Apply a correction: the named edits, or the corrected answer to the slot it is
        about. Says what changed; the pending question stays pending."""
        lang = self.lang
        if edits:
            journey, changes, failed = apply_edits(self.journey, edits)
            for c in changes:
                if c.op is Op.RENAME and self.journey.stage(c.target) is not None:
                    self.state.rename_stage(c.target, c.value)
            self.journey = journey
            said = changes_text(changes, lang)
            if failed and not changes:
                return r.readback_text(lang, "not_applied")
            return said
        _, rest = lead_in(text)
        cmd = detect(text)
        return self.fix(cmd.rest if cmd.kind is Kind.FIX else rest, pending)

    def _added_places(self, text: str, rest: str, pending: Slot) -> str | None:
        """The read-back line when a message that opened like an afterthought ("ai niin",
        "unohdin", "oh and") adds a known channel as a place of the stage whose problems
        are being asked; None when it says something else (then it is an answer)."""
        if pending.stage is None or pending.expects is Expects.TOUCHPOINTS:
            return None
        if not (_ALSO.search(rest) or _FORGOT.search(text)):
            return None
        if self.journey.stage(pending.stage) is None:
            return None
        before = self.journey
        after = self.understand(rest, Slot(Expects.TOUCHPOINTS, "touchpoints", stage=pending.stage))
        old = {t.name for _, t in before.touchpoints()}
        new = [t.name for _, t in after.touchpoints() if t.name not in old]
        if not new or not all(lookup(n, channels(), fuzzy=False) for n in new):
            return None
        self.journey = after
        return readback(before=before, after=after, lang=self.lang)

    def _more_critical(self, text: str, pending: Slot) -> str | None:
        """The read-back line when a short "X too" / "ja X myös" just after the critical
        answer names more critical places of the map; None otherwise."""
        short_also = len(text.split()) <= 6 and bool(_ALSO.search(text))
        # "ai niin ja kassa! se on tärkee koska siinä varataan uus aika": one more, weighed
        weighty = len(text.split()) <= 16 and bool(_IMPORTANT.search(text))
        if pending.key == "critical" or not (short_also or weighty):
            return None
        last = next(
            (
                s
                for s in map(slot_from_json, reversed(self.state.history))
                if s is not None and s.id != pending.id
            ),
            None,
        )
        if last is None or last.key != "critical":
            return None
        before = self.journey
        after = self.understand(text, Slot(Expects.CRITICAL, "critical"))
        was = {t.name for _, t in before.touchpoints() if t.critical}
        now = {t.name for _, t in after.touchpoints() if t.critical}
        same = after.model_copy(update={"stages": before.stages})
        if not (now - was) or same != before:
            return None  # it named no new critical place, or it said something else too
        self.journey = after
        return readback(before=before, after=after, lang=self.lang)

    def answer(self, question: str, pending: Slot) -> Outcome:
        found = answer_question(question=question, brain=self.brain, kb=self.kb, lang=self.lang)
        # The interview resumes where it was: the pending question is asked again.
        again = r.say(self.lang, "continue", question=r.reask(pending, self.lang))
        return Outcome(
            text=r.join(found.text, again),
            slot=pending,
            journey=self.journey,
            state=self.state,
            expects=pending.expects,
            citations=found.citations,
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
        slot = target or pending
        patch = self.brain.understand(
            text=strip_subject(rest), slot=slot, journey=self.journey, lang=self.lang
        )
        self.journey = apply_patch(self.journey, patch, focus_stage=slot.stage, replace=True)
        line = readback(before=before, after=self.journey, lang=self.lang)
        if not line:
            return r.readback_text(self.lang, "not_applied")
        return r.say(self.lang, "fixed") + " " + line

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
                text=r.join(prefix, closing),
                slot=slot,
                journey=self.journey,
                state=state,
                expects=Expects.DONE,
                reason=reason,
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
            return Outcome(
                text=text,
                slot=slot,
                journey=self.journey,
                state=state,
                expects=Expects.REVIEW,
                citations=cites,
                reason=reason,
            )
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
            text=r.join(prefix, tip_text, question),
            slot=slot,
            journey=self.journey,
            state=state,
            expects=slot.expects,
            citations=cites,
            tips=tips,
            reason=reason,
        )

    def review(self) -> None:
        suggestions = self.brain.review(journey=self.journey, lang=self.lang, kb=self.kb)
        self.journey = self.journey.model_copy(update={"suggestions": list(suggestions)})
        self.journey = JourneyMap.model_validate(self.journey.model_dump())
