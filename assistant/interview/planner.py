"""The planner: which slot to ask next, and how far the map is. Pure and deterministic.

Phases run business -> persona -> stages -> (touchpoints, then details) per stage ->
critical -> metrics -> review -> done. A slot is passed over when the map already
holds it (mixed initiative), when it was asked before, or when it was skipped.
Optional follow-ups are asked only while the 20-message budget allows.
"""

from __future__ import annotations

from assistant.interview.state import PlannerState, slot_from_json
from assistant.model import JourneyMap, Touchpoint
from assistant.turns import Expects, Slot

BUDGET = 20
"""User messages a complete five-stage map should take when the answers are full."""
DETAIL_FIELDS = ("customer_action", "emotion", "doubts", "motivators", "blockers", "pain_points")


def detail_count(tp: Touchpoint) -> int:
    """How many of the detail fields of `tp` are filled."""
    return sum(1 for f in DETAIL_FIELDS if getattr(tp, f) not in (None, "", []))


def _done(slot: Slot, state: PlannerState) -> bool:
    return slot.id in state.asked or slot.id in state.skipped


def _required(journey: JourneyMap) -> list[tuple[Slot, bool]]:
    """Required slots in interview order, each with whether the map already fills it."""
    b, p = journey.business, journey.persona
    out: list[tuple[Slot, bool]] = [
        (Slot(Expects.BUSINESS, "offering"), bool(b.offering)),
        (Slot(Expects.PERSONA, "description"), bool(p.description or p.name)),
        (Slot(Expects.STAGES, "stages"), bool(journey.stages)),
    ]
    for stage in journey.stages:
        out.append((Slot(Expects.TOUCHPOINTS, "touchpoints", stage.name), bool(stage.touchpoints)))
        for tp in stage.touchpoints:
            slot = Slot(Expects.TOUCHPOINT_DETAIL, "detail", stage.name, tp.name)
            out.append((slot, detail_count(tp) >= 2))
    tps = [t for _, t in journey.touchpoints()]
    critical = any(t.critical for t in tps) or bool(journey.first_impression)
    out.append((Slot(Expects.CRITICAL, "critical"), critical))
    out.append((Slot(Expects.METRICS, "metrics"), bool(journey.metrics or journey.feedback)))
    return out


def _optional(slot: Slot, journey: JourneyMap) -> list[Slot]:
    """Follow-ups that belong right after `slot`, when their fields are still empty."""
    b, p = journey.business, journey.persona
    e = slot.expects
    if e is Expects.BUSINESS and b.offering and b.business_type is None:
        return [Slot(Expects.BUSINESS, "business_type")]
    if e is Expects.PERSONA and not (p.goals or p.needs):
        return [Slot(Expects.PERSONA, "goals")]
    if e is Expects.TOUCHPOINT_DETAIL and slot.stage and slot.touchpoint:
        stage = journey.stage(slot.stage)
        tp = (
            next((t for t in stage.touchpoints if t.name == slot.touchpoint), None)
            if stage
            else None
        )
        if tp is not None and detail_count(tp) < 2:
            key = "emotion" if tp.emotion is None else "customer_action"
            return [Slot(Expects.TOUCHPOINT_DETAIL, key, slot.stage, slot.touchpoint)]
    if e is Expects.CRITICAL:
        keys = [k for k in ("first_impression", "last_memory") if not getattr(journey, k)]
        return [Slot(Expects.CRITICAL, k) for k in keys]
    if e is Expects.METRICS and not journey.assumptions:
        return [Slot(Expects.METRICS, "assumptions")]
    return []


def _open_required(journey: JourneyMap, state: PlannerState) -> int:
    """Required questions still ahead, counting the detail questions of stages whose
    touchpoints are not known yet (as many as the known stages have on average, at least 2)."""
    slots = _required(journey)
    open_now = sum(1 for slot, filled in slots if not filled and not _done(slot, state))
    known = [len(s.touchpoints) for s in journey.stages if s.touchpoints]
    per_stage = max(2, round(sum(known) / len(known))) if known else 2
    unknown = sum(
        1
        for slot, filled in slots
        if slot.expects is Expects.TOUCHPOINTS and not filled and not _done(slot, state)
    )
    return open_now + unknown * per_stage


def next_slot(*, journey: JourneyMap, state: PlannerState) -> Slot:
    """The one slot to ask next."""
    if state.done:
        return Slot(Expects.DONE, "done")
    reopened = slot_from_json(state.reopened)
    if reopened is not None:
        return reopened
    review = Slot(Expects.REVIEW, "review")
    if state.finishing:
        return Slot(Expects.DONE, "done") if _done(review, state) else review
    for slot, filled in _required(journey):
        if not filled and not _done(slot, state):
            return slot
        if _done(slot, state) or filled:
            for extra in _optional(slot, journey):
                if _done(extra, state) or slot.id not in state.asked or slot.id in state.skipped:
                    continue
                # Optional questions only while the remaining required ones still fit the budget.
                if state.user_messages + _open_required(journey, state) + 2 <= BUDGET:
                    return extra
    return Slot(Expects.DONE, "done") if _done(review, state) else review


def progress(*, journey: JourneyMap, state: PlannerState) -> float:
    """Share of the required slots filled (skipped ones count as settled), 0..1."""
    if state.done:
        return 1.0
    slots = _required(journey)
    settled = sum(1 for slot, filled in slots if filled or slot.id in state.skipped)
    share = settled / len(slots) if slots else 0.0
    return round(min(share, 0.99), 3)


def is_filled(slot: Slot, journey: JourneyMap) -> bool:
    """Whether the map already answers `slot` (required or follow-up)."""
    for required, filled in _required(journey):
        if required.id == slot.id:
            return filled
    if slot.expects in (Expects.REVIEW, Expects.DONE, Expects.FREE):
        return False
    return not any(extra.id == slot.id for extra in _optional(slot, journey))
