"""Sessions with the real store and the real offline brain."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from assistant.interview import Deps, open_session
from assistant.model import JourneyMap, Lang, Stage
from assistant.turns import Expects, Role
from tests.interview.conftest import FailingBrain, FakeKB, script_reply


def chat_to_done(session: Any, script: dict[str, Any], limit: int = 30) -> tuple[Any, list[Any]]:
    turn = session.opening()
    turns = [turn]
    while not turn.done and len(turns) <= limit:
        turn = session.step(script_reply(script, turn.to_json()))
        turns.append(turn)
    return turn, turns


@pytest.mark.slow
@pytest.mark.parametrize("name", ["dev-fi-kahvila", "dev-en-petfood"])
def test_whole_interview_to_done(deps: Deps, scripts: list[dict[str, Any]], name: str) -> None:
    script = next(s for s in scripts if s["id"] == name)
    session = open_session(deps=deps, lang=Lang(script["lang"]))
    turn, turns = chat_to_done(session, script)
    assert turn.done and turn.expects is Expects.DONE and turn.progress == 1.0
    assert len(turns) - 1 <= 20
    journey = JourneyMap.model_validate(session.journey.model_dump())
    assert len(journey.stages) == 5 and all(s.touchpoints for s in journey.stages)
    assert 1 <= len(journey.suggestions) <= 12
    assert all(s.citations for s in journey.suggestions)
    asked = [
        (t.expects, t.stage, t.touchpoint, t.slot_key)
        for t in turns
        if t.expects not in (Expects.DONE,)
    ]
    assert len(asked) == len(set(asked)), "a question was asked twice"
    assert deps.store.latest_map(session.id) == session.journey
    assert deps.store.get_interview(session.id).done  # type: ignore[union-attr]


def test_user_text_is_saved_even_when_every_brain_raises(make_deps: Callable[..., Deps]) -> None:
    deps = make_deps(brain=FailingBrain(RuntimeError("bug")))
    deps.offline_brain = FailingBrain(RuntimeError("offline bug"))  # type: ignore[assignment]
    session = open_session(deps=deps, lang=Lang.FI)
    opening = session.opening()
    turn = session.step("Myymme pyöriä perheille")
    assert opening.text and turn.text
    users = [t.text for t in session.transcript() if t.role is Role.USER]
    assert users == ["Myymme pyöriä perheille"]
    assert "Pahoittelen" in turn.text and turn.expects is Expects.BUSINESS


def test_llm_failure_falls_back_to_offline_with_a_notice(make_deps: Callable[..., Deps]) -> None:
    failing = FailingBrain()
    session = open_session(deps=make_deps(brain=failing), lang=Lang.EN)
    session.opening()
    turn = session.step("We sell bikes to families.")
    assert failing.calls and turn.brain == "offline"
    assert "language model" in turn.notice
    assert session.journey.business.offering
    assert session.transcript()[-1].notice == turn.notice


def test_llm_garbage_from_a_fake_chat_model_falls_back(
    make_deps: Callable[..., Deps], settings: Any
) -> None:
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from assistant.brains.llm.llm_brain import LLMBrain

    garbage = FakeListChatModel(responses=["not json {"] * 20)
    llm = LLMBrain(settings=settings, chat_model=garbage, retry_wait=0.0)
    session = open_session(deps=make_deps(brain=llm), lang=Lang.FI)
    session.opening()
    turn = session.step("Myymme kahvia kuluttajille.")
    assert turn.brain == "offline" and turn.notice
    assert "kahvi" in session.journey.business.offering.casefold()


def test_skip_back_fix_done_and_question_in_finnish(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    session.opening()
    turn = session.step("Myymme kahvia ja leivonnaisia kuluttajille.")
    assert turn.expects is Expects.PERSONA
    before = turn.text
    turn = session.step("mikä on kosketuspiste?")
    assert turn.expects is Expects.PERSONA and turn.citations
    assert "Jatketaan" in turn.text
    turn = session.step("ohita")
    assert turn.expects is not Expects.PERSONA or turn.slot_key != "description"
    turn = session.step("takaisin")
    assert (turn.expects, turn.slot_key) == (Expects.PERSONA, "description")
    assert before
    turn = session.step("Etätyöläinen, joka haluaa rauhallisen paikan.")
    if turn.expects is Expects.PERSONA:
        turn = session.step("Hän haluaa saada töitä tehtyä.")
    assert turn.expects is Expects.STAGES
    turn = session.step("korjaa: vaiheet ovat Haku, Ostos, Käyttö")
    assert [s.name for s in session.journey.stages] == ["Haku", "Ostos", "Käyttö"]
    assert turn.expects is Expects.TOUCHPOINTS and turn.stage == "Haku"
    turn = session.step("valmis")
    assert turn.expects is Expects.REVIEW and session.journey.suggestions
    turn = session.step("kyllä")
    assert turn.done
    turn = session.step("miten kerään palautetta?")
    assert turn.done and turn.expects is Expects.DONE


def test_fix_without_text_asks_what_and_takes_the_next_message(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.EN)
    session.opening()
    session.step("We sell bikes to families.")
    turn = session.step("fix")
    assert turn.expects is Expects.FREE and "fix" in turn.text.lower()
    session.step("the stages are Search, Buy, Ride")
    assert [s.name for s in session.journey.stages] == ["Search", "Buy", "Ride"]


def test_empty_and_too_long_input(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    session.opening()
    turn = session.step("   ")
    assert turn.expects is Expects.BUSINESS and "tyhjä" in turn.text
    turn = session.step("<script>alert(1)</script> myymme " + "kahvia " * 1000)
    assert "4000" in turn.notice
    users = [t.text for t in session.transcript() if t.role is Role.USER]
    assert users[0] == "   " and len(users[1]) == 4000


def test_resume_by_id_continues_where_it_left_off(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.EN)
    session.opening()
    session.step("We sell bikes to families.")
    pending = session.state.pending
    again = open_session(deps=deps, interview_id=session.id)
    turn = again.opening()
    assert again.lang is Lang.EN and again.journey == session.journey
    assert "Welcome back" in turn.text and again.state.pending == pending
    with pytest.raises(KeyError):
        open_session(deps=deps, interview_id="nope")


def test_opening_twice_before_any_answer_is_not_saved_twice(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    first = session.opening()
    second = open_session(deps=deps, interview_id=session.id).opening()
    assert first.text == second.text
    assert len(session.transcript()) == 1


def test_edit_map_and_undo(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    session.opening()
    session.step("Myymme kahvia kuluttajille.")
    edited = session.journey.model_copy(update={"stages": [Stage(name="Haku"), Stage(name="Osto")]})
    session.edit_map(edited)
    assert [s.name for s in session.journey.stages] == ["Haku", "Osto"]
    assert deps.store.latest_map(session.id) == session.journey
    assert session.undo()
    assert session.journey.stages == []
    assert deps.store.latest_map(session.id).stages == []  # type: ignore[union-attr]


def test_tips_are_cited_and_never_repeat(make_deps: Callable[..., Deps]) -> None:
    deps = make_deps(kb=FakeKB())
    session = open_session(deps=deps, lang=Lang.FI)
    turns = [session.opening()]
    for text in ["Myymme kahvia kuluttajille.", "Etätyöläinen", "kyllä", "Instagram"]:
        turns.append(session.step(text))
    cards = [t["card"] for turn in turns for t in turn.tips]
    assert len(cards) == len(set(cards))
    for turn in turns:
        assert len(turn.tips) <= 1
        assert {t["card"] for t in turn.tips} <= {c.card for c in turn.citations}
