"""The planner alone: order of phases, skipping what is known, budget, progress."""

from __future__ import annotations

from assistant.interview.planner import next_slot, progress
from assistant.interview.state import PlannerState
from assistant.model import Business, JourneyMap, Persona, Stage, Touchpoint
from assistant.turns import Expects, Slot


def ask(journey: JourneyMap, state: PlannerState) -> Slot:
    slot = next_slot(journey=journey, state=state)
    state.mark_asked(slot)
    return slot


def test_empty_map_starts_with_the_business() -> None:
    slot = next_slot(journey=JourneyMap(), state=PlannerState())
    assert (slot.expects, slot.key) == (Expects.BUSINESS, "offering")


def test_known_slots_are_skipped() -> None:
    journey = JourneyMap(
        business=Business(offering="kahvia", business_type="b2c"),
        persona=Persona(description="etätyöläinen", goals=["rauha"]),
        stages=[Stage(name="Haku", touchpoints=[Touchpoint(name="Instagram")]), Stage(name="Osto")],
    )
    slot = next_slot(journey=journey, state=PlannerState())
    assert slot == Slot(Expects.TOUCHPOINT_DETAIL, "detail", "Haku", "Instagram")


def test_order_and_never_twice_on_a_map_that_does_not_change() -> None:
    journey = JourneyMap(stages=[Stage(name="A"), Stage(name="B")])
    state = PlannerState()
    asked = []
    for _ in range(30):
        slot = ask(journey, state)
        asked.append(slot.id)
        if slot.expects is Expects.REVIEW:
            break
    assert len(asked) == len(set(asked))
    phases = [a.split("/")[0] for a in asked]
    order = ["business", "persona", "touchpoints", "critical", "metrics", "review"]
    assert [p for p in order if p in phases] == order
    assert phases.index("touchpoints") < phases.index("critical")


def test_reopened_slot_is_asked_again_and_done_after_review() -> None:
    state = PlannerState()
    first = ask(JourneyMap(), state)
    state.reopened = {"expects": "business", "key": "offering", "stage": None, "touchpoint": None}
    assert next_slot(journey=JourneyMap(), state=state) == first
    state.reopened, state.finishing = None, True
    assert next_slot(journey=JourneyMap(), state=state).expects is Expects.REVIEW
    state.mark_asked(Slot(Expects.REVIEW, "review"))
    assert next_slot(journey=JourneyMap(), state=state).expects is Expects.DONE


def test_optional_follow_ups_stop_when_the_budget_is_tight() -> None:
    journey = JourneyMap(business=Business(offering="kahvia"))
    state = PlannerState()
    state.mark_asked(Slot(Expects.BUSINESS, "offering"))
    assert next_slot(journey=journey, state=state).key == "business_type"
    state.user_messages = 19
    assert next_slot(journey=journey, state=state).key == "description"


def test_progress_grows_with_coverage() -> None:
    state = PlannerState()
    empty = progress(journey=JourneyMap(), state=state)
    half = progress(
        journey=JourneyMap(business=Business(offering="x"), stages=[Stage(name="A")]), state=state
    )
    assert 0 <= empty < half < 1
    state.done = True
    assert progress(journey=JourneyMap(), state=state) == 1.0


def test_state_round_trips_through_json() -> None:
    state = PlannerState()
    state.mark_asked(Slot(Expects.TOUCHPOINTS, "touchpoints", "Haku/Osto"))
    state.used_cards.append("c1")
    again = PlannerState.from_json(state.to_json())
    assert again == state
    assert again.pending_slot == Slot(Expects.TOUCHPOINTS, "touchpoints", "Haku/Osto")
    assert PlannerState.from_json({"unknown": 1}) == PlannerState()
