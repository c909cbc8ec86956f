"""Budget accounting for stages not yet described, tips without the vector index."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.advice.tips import pick_tip
from assistant.interview.deps import LazyCardIndex
from assistant.interview.planner import next_slot
from assistant.interview.state import PlannerState
from assistant.knowledge import load_cards
from assistant.model import Business, JourneyMap, Lang, Persona, Stage, Touchpoint
from assistant.settings import Settings
from assistant.turns import Expects, Slot

ANSWER = "kriittinen kohta on kassa, seuraamme myyntiä ja palautetta"
"""The words of the answer just given: they make a fitting card worth a tip."""
FIVE = ["Löytäminen", "Arviointi", "Hankinta", "Seikkailu", "Sitoutuminen"]


def _journey(described: int) -> JourneyMap:
    """Five stages; the first `described` have two touchpoints, each with a feeling."""
    stages = [
        Stage(
            name=f"S{i}",
            touchpoints=[Touchpoint(name=f"T{i}{j}", emotion=0) for j in range(2)]
            if i < described
            else [],
        )
        for i in range(5)
    ]
    return JourneyMap(
        business=Business(offering="x", business_type="b2b"),
        persona=Persona(description="y", goals=["z"]),
        stages=stages,
    )


@pytest.mark.parametrize(
    ("messages", "follow_up"),
    [
        (18, True),  # 18 + the review and one spare fit in 20: ask it
        (19, False),  # no longer fits: the optional assumptions question is passed over
    ],
)
def test_optional_question_only_while_the_budget_allows(messages: int, follow_up: bool) -> None:
    journey = _journey(5).model_copy(update={"last_memory": "x", "first_impression": "y"})
    state = PlannerState()
    state.mark_answered(Slot(Expects.PERSONA, "goals"))
    for stage in journey.stages:
        state.mark_answered(Slot(Expects.TOUCHPOINT_DETAIL, "problems", stage.name))
    for key in ("motivators", "critical"):
        state.mark_answered(
            Slot(Expects.TOUCHPOINT_DETAIL if key == "motivators" else Expects.CRITICAL, key)
        )
    state.mark_answered(Slot(Expects.METRICS, "metrics"))
    state.user_messages = messages
    slot = next_slot(journey=journey, state=state)
    assert (slot.key == "assumptions") is follow_up, slot


def test_motivators_are_asked_however_long_the_interview() -> None:
    """What moves the customer on is part of every map: a required question."""
    journey = _journey(5)
    state = PlannerState()
    state.mark_answered(Slot(Expects.PERSONA, "goals"))
    for stage in journey.stages:
        state.mark_answered(Slot(Expects.TOUCHPOINT_DETAIL, "problems", stage.name))
    state.user_messages = 30
    assert next_slot(journey=journey, state=state).key == "motivators"


def test_stages_still_without_touchpoints_count_their_questions() -> None:
    """Two stages ahead owe touchpoints and problems: 4 questions, so at 13 messages the
    optional business-type question (asked after the persona) no longer fits."""
    journey = _journey(3).model_copy(update={"business": Business(offering="x"), "stages": []})
    state = PlannerState()
    for slot in (
        Slot(Expects.BUSINESS, "offering"),
        Slot(Expects.PERSONA, "description"),
        Slot(Expects.PERSONA, "goals"),
    ):
        state.mark_answered(slot)
    state.user_messages = 3
    assert next_slot(journey=journey, state=state).key == "business_type"
    journey = _journey(3).model_copy(update={"business": Business(offering="x")})
    state.user_messages = 13
    assert next_slot(journey=journey, state=state).key != "business_type"


class _NoSearch:
    """A knowledge base whose search must not be used for tips."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def search(self, query: str, *, k: int = 5, lang: str | None = None) -> list[Any]:
        raise AssertionError("tips must not search")

    def card(self, card_id: str, *, lang: str) -> Any:
        return self.inner.card(card_id, lang=lang)


def test_lazy_card_answers_from_the_card_files_without_building_the_index(
    tmp_path: Path,
) -> None:
    lazy = LazyCardIndex(settings=Settings(data_dir=tmp_path))
    card = load_cards()[0]
    hit = lazy.card(card.id, lang=card.lang)
    assert lazy._index is None  # the vector index was never built
    assert hit is not None and hit.card == card.id and hit.source and hit.citations()
    assert lazy.card("no-such-card", lang="fi") is None


@pytest.mark.parametrize(
    ("expects", "key"),
    [
        (Expects.TOUCHPOINTS, "touchpoints"),
        (Expects.METRICS, "metrics"),
        (Expects.CRITICAL, "critical"),
    ],
)
def test_tips_come_from_slot_cards_without_a_search(
    tmp_path: Path, expects: Expects, key: str
) -> None:
    kb = _NoSearch(LazyCardIndex(settings=Settings(data_dir=tmp_path)))
    journey = JourneyMap(stages=[Stage(name=n) for n in FIVE])
    slot = Slot(expects, key, "Löytäminen" if expects is Expects.TOUCHPOINTS else None)
    used: list[str] = []
    for _ in range(3):
        tip = pick_tip(slot=slot, journey=journey, kb=kb, lang=Lang.FI, used=used, answer=ANSWER)
        if tip is None:
            break
        assert tip.card not in used and tip.citations()
        used.append(tip.card)
    assert used
