"""The planner: which slot to ask next, and how far the map is. Pure and deterministic.

Slots come from the registry (slots.py) in its order; stage-scoped slots are asked
stage by stage. A slot is settled when the user answered it or skipped it; a slot the
map already fills (mixed initiative) is passed over, except the per-stage problems
question, which is asked even after a volunteered pain point because it is the heart
of the map. A correction or a question never settles the pending slot: it is asked
again. Optional slots are asked only while the message budget allows.
"""

from __future__ import annotations

from assistant.interview.slots import SLOTS, Scope, SlotSpec
from assistant.interview.state import PlannerState, slot_from_json
from assistant.model import JourneyMap, Stage
from assistant.turns import Expects, Slot

BUDGET = 20
"""User messages a complete five-stage map should take."""


def _settled(slot: Slot, state: PlannerState) -> bool:
    return slot.id in state.asked or slot.id in state.skipped


def _stage_filled(spec: SlotSpec, stage: Stage) -> bool | None:
    """Whether the map fills a stage slot; None = the slot does not apply to this stage."""
    if spec.key == "touchpoints":
        return bool(stage.touchpoints)
    if spec.key == "problems":
        return None if not stage.touchpoints else False
    return False


def _filled(spec: SlotSpec, journey: JourneyMap) -> bool | None:
    """Whether the map fills an interview slot; None = the slot does not apply."""
    b, p = journey.business, journey.persona
    tps = [t for _, t in journey.touchpoints()]
    match spec.expects, spec.key:
        case Expects.BUSINESS, "offering":
            return bool(b.offering)
        case Expects.BUSINESS, "business_type":
            return None if not b.offering else b.business_type is not None
        case Expects.PERSONA, "description":
            return bool(p.description or p.name)
        case Expects.PERSONA, "goals":
            # Asked unless both goals and frustrations were already told with the persona.
            return bool((p.goals or p.needs) and p.frustrations)
        case Expects.STAGES, _:
            return bool(journey.stages)
        case Expects.TOUCHPOINT_DETAIL, "emotions":
            return None if not tps else all(t.emotion is not None for t in tps)
        case Expects.TOUCHPOINT_DETAIL, "motivators":
            return None if not tps else any(t.motivators for t in tps)
        case Expects.CRITICAL, "critical":
            return None if not tps else any(t.critical for t in tps)
        case Expects.CRITICAL, "first_impression":
            return bool(journey.first_impression and journey.last_memory)
        case Expects.CRITICAL, "last_memory":
            return bool(journey.last_memory)
        case Expects.METRICS, "metrics":
            return bool(journey.metrics or journey.feedback)
        case Expects.METRICS, "assumptions":
            return bool(journey.assumptions)
    return False


def plan(journey: JourneyMap) -> list[tuple[Slot, bool, bool]]:
    """Every applicable slot in interview order: (slot, filled by the map, required)."""
    out: list[tuple[Slot, bool, bool]] = []
    stage_specs = [s for s in SLOTS if s.scope is Scope.STAGE]
    for spec in SLOTS:
        if spec.expects in (Expects.REVIEW, Expects.DONE):
            continue
        if spec.scope is Scope.STAGE:
            if spec is not stage_specs[0]:
                continue
            for stage in journey.stages:
                for sspec in stage_specs:
                    filled = _stage_filled(sspec, stage)
                    if filled is not None:
                        slot = Slot(sspec.expects, sspec.key, stage.name)
                        out.append((slot, filled, sspec.required))
            continue
        filled = _filled(spec, journey)
        if filled is not None:
            out.append((Slot(spec.expects, spec.key), filled, spec.required))
    return out


def _open_required(journey: JourneyMap, state: PlannerState) -> int:
    """Required questions still ahead (a stage without touchpoints yet counts its problems
    question too)."""
    ahead = sum(1 for s, f, req in plan(journey) if req and not f and not _settled(s, state))
    return ahead + sum(1 for st in journey.stages if not st.touchpoints)


def next_slot(*, journey: JourneyMap, state: PlannerState) -> Slot:
    """The one slot to ask next."""
    if state.done:
        return Slot(Expects.DONE, "done")
    reopened = slot_from_json(state.reopened)
    if reopened is not None:
        return reopened
    review = Slot(Expects.REVIEW, "review")
    if state.finishing:
        return Slot(Expects.DONE, "done") if _settled(review, state) else review
    for slot, filled, required in plan(journey):
        if filled or _settled(slot, state):
            continue
        if required:
            return slot
        # Optional questions only while the remaining required ones still fit the budget.
        if state.user_messages + _open_required(journey, state) + 2 <= BUDGET:
            return slot
    return Slot(Expects.DONE, "done") if _settled(review, state) else review


def progress(*, journey: JourneyMap, state: PlannerState) -> float:
    """Share of the required questions settled (answered, skipped or filled), 0..1.

    A stage whose touchpoints are not known yet still owes its questions, so the share
    cannot reach 1 before every stage has had them; 1.0 only when the interview is done."""
    if state.done:
        return 1.0
    slots = [(s, f) for s, f, req in plan(journey) if req]
    settled = sum(1 for s, f in slots if f or _settled(s, state))
    owed = sum(1 for st in journey.stages if not st.touchpoints)  # their problems question
    total = len(slots) + owed + (0 if journey.stages else 12)
    share = settled / total if total else 0.0
    return round(min(share, 0.99), 3)


def thin(journey: JourneyMap) -> list[str]:
    """What the map still lacks, for the review: stages without touchpoints, touchpoints
    without a feeling, no critical touchpoint, no measures."""
    out = [f"stage:{s.name}" for s in journey.stages if not s.touchpoints]
    out += [f"emotion:{t.name}" for _, t in journey.touchpoints() if t.emotion is None]
    tps = [t for _, t in journey.touchpoints()]
    if tps and not any(t.critical for t in tps):
        out.append("critical")
    if not (journey.metrics or journey.feedback):
        out.append("metrics")
    return out


def is_filled(slot: Slot, journey: JourneyMap) -> bool:
    """Whether the map already answers `slot`."""
    if slot.expects in (Expects.REVIEW, Expects.DONE, Expects.FREE):
        return False
    for candidate, filled, _ in plan(journey):
        if candidate.id == slot.id:
            return filled
    return True
