"""The question bank and OfflineBrain.ask."""

from __future__ import annotations

import pytest

from assistant.brains.offline.ask import acknowledge, bank, question, tip_line, transition, variants
from assistant.brains.offline.offline_brain import OfflineBrain
from assistant.interview.replies import choices, texts
from assistant.interview.slots import LEGACY, SLOTS, names
from assistant.knowledge import Hit
from assistant.model import BusinessType, JourneyMap, Lang
from assistant.patch import MapPatch, TouchpointPatch
from assistant.prompts import PromptTemplate
from assistant.turns import Expects, Slot

# The registry is the one list of questions; every question bank must cover it (and the
# keys earlier versions may still be waiting on in saved interviews).
SLOT_KEYS = sorted(set(names()) | LEGACY)
VALUES = {
    "stage": "Löytäminen",
    "touchpoint": "Instagram",
    "business": "koruja",
    "model": "A – B",
    "touchpoints": "Instagram, Kassa",
}


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_every_slot_has_two_or_three_variants_that_render(lang: str) -> None:
    questions = bank(lang)["questions"]
    assert set(SLOT_KEYS) <= set(questions)
    for key in SLOT_KEYS:
        options = questions[key]
        assert 2 <= len(options) <= 3, key
        assert len(set(options)) == len(options), key
        for text in options:
            t = PromptTemplate(name=key, text=text)
            assert t.variables <= set(VALUES), (key, t.variables)
            rendered = t.render(**{k: v for k, v in VALUES.items() if k in t.variables})
            assert "{" not in rendered


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_other_texts_render(lang: str) -> None:
    b = bank(lang)
    for text in b["acks"]:
        assert "x" in PromptTemplate(name="ack", text=text).render(summary="x")
    assert PromptTemplate(name="tip", text=b["tip"]).variables == {"tip", "author", "title"}
    assert b["nothing"]
    for phase in (
        "persona",
        "stages",
        "touchpoints",
        "touchpoint_detail",
        "critical",
        "metrics",
        "review",
    ):
        assert transition(phase, lang)


def test_focus_is_filled_without_inflecting_user_words() -> None:
    slot = Slot(Expects.TOUCHPOINT_DETAIL, "detail", stage="Hankinta", touchpoint="Kassa")
    text = question(slot, JourneyMap(), "fi")
    assert "”Kassa”" in text
    slot = Slot(Expects.TOUCHPOINTS, "touchpoints", stage="Arviointi")
    assert "vaiheessa Arviointi" in question(slot, JourneyMap(), "fi").replace(
        "Vaiheessa", "vaiheessa"
    )


def test_variants_are_deterministic_and_vary_across_touchpoints() -> None:
    j = JourneyMap()
    names = ["Instagram", "Google", "Kassa", "Verkkosivut", "Messut", "Uutiskirje"]
    slots = [Slot(Expects.TOUCHPOINT_DETAIL, "detail", stage="S", touchpoint=n) for n in names]
    first = [question(s, j, "fi") for s in slots]
    assert first == [question(s, j, "fi") for s in slots]
    templates = {
        v
        for s in slots
        for v in variants(s, "fi")
        if s.touchpoint and s.touchpoint in question(s, j, "fi")
    }
    used = {
        next(v for v in variants(s, "fi") if v.replace("{touchpoint}", s.touchpoint or "") == q)
        for s, q in zip(slots, first, strict=True)
    }
    assert len(used) >= 2 and used <= templates


def test_stage_offer_names_the_default_model() -> None:
    j = JourneyMap()
    assert "Löytäminen – Arviointi" in question(Slot(Expects.STAGES, "stages"), j, "fi")
    j.business.business_type = BusinessType.B2B
    assert "Awareness – Consideration" in question(Slot(Expects.STAGES, "stages"), j, "en")


def test_ask_with_tip_and_token(tip: Hit) -> None:
    tokens: list[str] = []
    text = OfflineBrain().ask(
        slot=Slot(Expects.TOUCHPOINTS, "touchpoints", stage="Löytäminen"),
        journey=JourneyMap(),
        lang=Lang.FI,
        tip=tip,
        on_token=tokens.append,
    )
    assert tokens == [text]
    # The question is the question: the session adds the tip line itself, once.
    assert "Vinkki" not in text and text.endswith("?")


def test_unknown_key_falls_back_to_the_phase_question() -> None:
    assert question(Slot(Expects.PERSONA, "nonsense"), JourneyMap(), "en")


def test_acknowledgement() -> None:
    patch = MapPatch(
        touchpoints=[TouchpointPatch(name="Instagram"), TouchpointPatch(name="Google")]
    )
    assert "Instagram, Google" in acknowledge(patch, "fi")
    assert acknowledge(MapPatch(), "fi") == bank("fi")["nothing"]


def test_tip_is_the_first_line_only() -> None:
    hit = Hit(text="Muista nämä:\n- yksi\n- kaksi", source="s", title="T", author="A", score=1.0)
    assert tip_line(hit, "en") == "💡 Tip: Muista nämä: (Source: A: T)"


@pytest.mark.parametrize("lang", [Lang.FI, Lang.EN])
def test_every_slot_has_a_short_reask_and_known_choices(lang: Lang) -> None:
    reask = texts(lang)["reask"]
    for spec in SLOTS:
        assert spec.name in reask, spec.name
    for key in texts(lang)["choices"]:
        assert key == "all" or key in names(), key
    problems = choices(Slot(Expects.TOUCHPOINT_DETAIL, "problems", "A"), lang)
    assert problems[0] in ("ei ongelmia", "no problems") and problems[-1] in ("ohita", "skip")
    assert choices(Slot(Expects.REVIEW, "review"), lang) == [
        texts(lang)["choices"]["review/review"][0]
    ]
