"""The planner alone: order of phases, skipping what is known, budget, progress."""

from __future__ import annotations

from assistant.interview.planner import next_slot, progress
from assistant.interview.state import PlannerState
from assistant.model import Business, JourneyMap, Persona, Stage, Touchpoint
from assistant.turns import Expects, Slot


def ask(journey: JourneyMap, state: PlannerState) -> Slot:
    """Ask the next slot and answer it (with an answer that adds nothing)."""
    slot = next_slot(journey=journey, state=state)
    state.mark_asked(slot)
    state.mark_answered(slot)
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
    state = PlannerState()
    state.mark_answered(Slot(Expects.PERSONA, "goals"))
    slot = next_slot(journey=journey, state=state)
    # Business, persona and stages are known; Haku has its touchpoints: its problems are next.
    assert slot == Slot(Expects.TOUCHPOINT_DETAIL, "problems", "Haku")


def test_a_question_only_asked_stays_open_until_answered() -> None:
    """A correction or a question in between never swallows the pending question."""
    state = PlannerState()
    slot = next_slot(journey=JourneyMap(), state=state)
    state.mark_asked(slot)
    assert next_slot(journey=JourneyMap(), state=state) == slot
    state.mark_answered(slot)
    assert next_slot(journey=JourneyMap(), state=state) != slot


def test_each_stage_gets_touchpoints_then_problems() -> None:
    journey = JourneyMap(
        business=Business(offering="kahvia", business_type="b2c"),
        persona=Persona(description="etätyöläinen"),
        stages=[Stage(name="A"), Stage(name="B")],
    )
    state = PlannerState()
    asked = []
    for _ in range(6):
        slot = ask(journey, state)
        asked.append(slot.id)
        if slot.expects is Expects.TOUCHPOINTS:  # the user names one touchpoint
            stage = journey.stage(slot.stage or "")
            assert stage is not None
            stage.touchpoints.append(Touchpoint(name=f"T{slot.stage}"))
    assert asked[1:5] == [
        "touchpoints/touchpoints/A/",
        "touchpoint_detail/problems/A/",
        "touchpoints/touchpoints/B/",
        "touchpoint_detail/problems/B/",
    ]
    assert asked[5] == "touchpoint_detail/emotions//"


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
    state.mark_answered(Slot(Expects.REVIEW, "review"))
    assert next_slot(journey=JourneyMap(), state=state).expects is Expects.DONE


def test_optional_follow_ups_stop_when_the_budget_is_tight() -> None:
    journey = JourneyMap(business=Business(offering="kahvia"))
    state = PlannerState()
    for slot in (
        Slot(Expects.BUSINESS, "offering"),
        Slot(Expects.PERSONA, "description"),
        Slot(Expects.PERSONA, "goals"),
    ):
        state.mark_answered(slot)
    assert next_slot(journey=journey, state=state).key == "business_type"
    journey = journey.model_copy(update={"stages": [Stage(name="A")]})
    state.user_messages = 19
    assert next_slot(journey=journey, state=state).key == "touchpoints"


def test_progress_grows_with_coverage() -> None:
    state = PlannerState()
    empty = progress(journey=JourneyMap(), state=state)
    half = progress(
        journey=JourneyMap(business=Business(offering="x"), stages=[Stage(name="A")]), state=state
    )
    assert 0 <= empty < half < 1
    # Every question answered but not finished: honest, never 100 %.
    full = JourneyMap(business=Business(offering="x"), stages=[Stage(name="A")])
    answered = PlannerState()
    for _ in range(20):
        slot = next_slot(journey=full, state=answered)
        if slot.expects in (Expects.REVIEW, Expects.DONE):
            break
        answered.mark_asked(slot)
        answered.mark_answered(slot)
    assert progress(journey=full, state=answered) < 1.0
    # A stage without touchpoints still owes its questions.
    assert progress(journey=full, state=answered) < 0.99 or full.stages[0].touchpoints
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
