"""ask() and answer() with a scripted fake chat model."""

from __future__ import annotations

import pytest

from assistant.brains.llm.llm_brain import LLMBrain
from assistant.brains.protocol import BrainError
from assistant.knowledge import Hit
from assistant.model import JourneyMap, Lang
from assistant.turns import Expects, Slot
from tests.llm.conftest import ScriptedChat

QUESTION = "Missä vaiheessa asiakas yleensä löytää teidät ensimmäisen kerran?"
HIT = Hit(
    text="Kosketuspiste on mikä tahansa kohta, jossa asiakas kohtaa yrityksen.",
    source="004_9fd0c528fd69cb31.txt",
    title="Helppo opas asiakaskokemuksen kehittämiseen",
    author="Viral CX",
    score=1.0,
    card="touchpoint-definition",
)
JOURNEY = JourneyMap.model_validate(
    {"business": {"offering": "kynttilät"}, "stages": [{"name": "Löytäminen"}]}
)
SLOT = Slot(Expects.TOUCHPOINTS, "touchpoints", stage="Löytäminen")


def test_ask_returns_the_question_and_sends_slot_map_and_tip(
    brain: LLMBrain, fake: ScriptedChat
) -> None:
    fake.script = [QUESTION]
    text = brain.ask(slot=SLOT, journey=JOURNEY, lang=Lang.FI, tip=HIT)
    assert text == QUESTION
    system, user = fake.sent()
    assert system.startswith("Olet Polkuopas")
    assert 'in the stage "Löytäminen"' in user and "in Finnish" in user
    assert "Sells: kynttilät" in user
    assert "(Helppo opas asiakaskokemuksen kehittämiseen, Viral CX)" in user
    assert f"<passage>\n{HIT.text}\n</passage>" in user


def test_ask_without_tip_leaves_no_tip_instruction(brain: LLMBrain, fake: ScriptedChat) -> None:
    fake.script = ["What do you sell, and to whom?"]
    brain.ask(slot=Slot(Expects.BUSINESS, "offering"), journey=JourneyMap(), lang=Lang.EN)
    system, user = fake.sent()
    assert system.startswith("You are Polkuopas") and "in English" in user
    assert "<passage>" not in user and "(empty: nothing is known yet)" in user


def test_ask_streams_tokens_in_order(brain: LLMBrain, fake: ScriptedChat) -> None:
    fake.script = [QUESTION]
    tokens: list[str] = []
    text = brain.ask(slot=SLOT, journey=JOURNEY, lang=Lang.FI, on_token=tokens.append)
    assert len(tokens) > 3 and "".join(tokens) == QUESTION == text


def test_ask_empty_stream_is_retried_then_fails(brain: LLMBrain, fake: ScriptedChat) -> None:
    fake.script = ["", QUESTION]
    tokens: list[str] = []
    assert brain.ask(slot=SLOT, journey=JOURNEY, lang=Lang.FI, on_token=tokens.append) == QUESTION
    fake.script = [""] * 3
    with pytest.raises(BrainError, match="empty"):
        brain.ask(slot=SLOT, journey=JOURNEY, lang=Lang.FI)


def test_answer_cites_passages_and_lists_sources(brain: LLMBrain, fake: ScriptedChat) -> None:
    other = Hit(
        text="Toinen kohta.",
        source="000_e090c44f4a925d1a.txt",
        title="Mikä on asiakaspolku?",
        score=0.5,
    )
    fake.script = ["Kosketuspiste on kohta, jossa asiakas kohtaa yrityksesi [1]."]
    text = brain.answer(question="mikä on kosketuspiste?", hits=[HIT, other], lang=Lang.FI)
    assert text.startswith("Kosketuspiste on kohta")
    assert text.endswith("Lähteet: [1] Helppo opas asiakaskokemuksen kehittämiseen (Viral CX)")
    _, user = fake.sent()
    assert '<passage number="2" title="Mikä on asiakaspolku?"' in user
    assert "<user_message>\nmikä on kosketuspiste?\n</user_message>" in user


def test_answer_without_citation_lists_every_source(brain: LLMBrain, fake: ScriptedChat) -> None:
    fake.script = ["A touchpoint is where a customer meets you."]
    text = brain.answer(question="what is a touchpoint?", hits=[HIT], lang=Lang.EN)
    assert text.endswith("Sources: [1] Helppo opas asiakaskokemuksen kehittämiseen (Viral CX)")


def test_answer_needs_passages(brain: LLMBrain) -> None:
    with pytest.raises(BrainError, match="no passages"):
        brain.answer(question="mikä?", hits=[], lang=Lang.FI)
