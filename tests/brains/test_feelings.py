"""Emotions with intensity and negation, numbers, yes/no."""

from __future__ import annotations

import pytest

from assistant.brains.offline.problems import parse_emotions
from assistant.lang import refer
from assistant.lang.feelings import emotion, number, yes_no
from assistant.lang.words import words
from assistant.model import JourneyMap, Lang, Stage, Touchpoint


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("innostunut", 2),
        ("tyytyväinen", 1),
        ("neutraali", 0),
        ("epävarma", -1),
        ("hermostunut", -1),
        ("turhautunut", -2),
        ("vihainen", -2),
        ("raivostunut", -2),
        ("tosi tyytyväinen", 2),
        ("todella epävarma", -2),
        ("ei ole kovin innostunut", -1),
        ("ei vihainen", 0),
        ("turhautunt", -2),
        ("excited", 2),
        ("satisfied", 1),
        ("very worried", -2),
        ("not happy", -1),
        ("isn't angry", 0),
        ("frustrated", -2),
    ],
)
def test_emotion_words(text: str, score: int) -> None:
    found = emotion(text)
    assert found is not None and found[0] == score


@pytest.mark.parametrize("text", ["", "selaa tuotteita", "browses the shop", "🙂"])
def test_no_emotion(text: str) -> None:
    assert emotion(text) is None


@pytest.mark.parametrize(
    ("text", "lang", "score"),
    [
        ("-1", "fi", -1),
        ("+2", "fi", 2),
        ("−2", "fi", -2),
        ("3/5", "fi", 0),
        ("5/5", "fi", 2),
        ("1/5", "fi", -2),
        ("4 out of 5", "en", 1),
        ("plus kaksi", "fi", 2),
        ("miinus yksi", "fi", -1),
        ("minus two", "en", -2),
        ("nolla", "fi", 0),
    ],
)
def test_numbers(text: str, lang: str, score: int) -> None:
    assert number(text, lang=lang) == score


@pytest.mark.parametrize("text", ["", "ei mitään lukua", "7"])
def test_no_number(text: str) -> None:
    assert number(text, lang="fi") is None


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("kyllä", True),
        ("Joo, sopii!", True),
        ("ok", True),
        ("sopii hyvin", True),
        ("yes", True),
        ("sure", True),
        ("ei", False),
        ("ei kiitos", False),
        ("no", False),
        ("nope", False),
        ("viisivaiheinen", None),
        ("", None),
    ],
)
def test_yes_no(text: str, answer: bool | None) -> None:
    assert yes_no(text) is answer


def _map(spec: list[tuple[str, list[str]]]) -> JourneyMap:
    return JourneyMap(
        language=Lang.FI,
        stages=[Stage(name=s, touchpoints=[Touchpoint(name=t) for t in ts]) for s, ts in spec],
    )


def test_a_feeling_for_a_stage_named_in_a_compound_is_every_touchpoint_of_it() -> None:
    journey = _map([("Tietoisuus", ["Suositukset", "LinkedIn"]), ("Harkinta", ["Asiakaskäynti"])])
    got = parse_emotions(
        "Tietoisuusvaiheessa asiakas on neutraali. Asiakaskäynti +1; kyselystä minulla ei ole "
        "käsitystä.",
        journey=journey,
        lang="fi",
    )
    assert {(p.stage, p.name): p.emotion for p in got} == {
        ("Tietoisuus", "Suositukset"): 0,
        ("Tietoisuus", "LinkedIn"): 0,
        ("Harkinta", "Asiakaskäynti"): 1,
    }


def test_the_word_customer_alone_names_no_touchpoint() -> None:
    assert refer.best(words("asiakas on tyytyväinen"), ["Asiakaskäynti", "Kassa"]) is None
    assert refer.best(words("asiakaskäynti"), ["Asiakaskäynti", "Kassa"]) == "Asiakaskäynti"


def test_an_acronym_names_its_touchpoint() -> None:
    assert refer.all_named(["pt", "ja", "kassa"], ["PT sessions", "Gym floor"]) == ["PT sessions"]
    assert refer.strength(["pt"], "Pt-kuntosali") == 0  # only a name written in capitals


def test_a_name_in_two_stages_takes_the_feeling_of_the_stage_said() -> None:
    spec = [
        ("Consideration", ["Phone call", "Quote"]),
        ("Repeat bookings", ["Phone call", "Quarterly email"]),
    ]
    stages = [Stage(name=s, touchpoints=[Touchpoint(name=t) for t in ts]) for s, ts in spec]
    got = parse_emotions(
        "phone call +1 they like kari. quote -1. repeat: phone +2, email 0",
        journey=JourneyMap(language=Lang.EN, stages=stages),
        lang="en",
    )
    assert {(p.stage, p.name): p.emotion for p in got} == {
        ("Consideration", "Phone call"): 1,
        ("Consideration", "Quote"): -1,
        ("Repeat bookings", "Phone call"): 2,
        ("Repeat bookings", "Quarterly email"): 0,
    }
