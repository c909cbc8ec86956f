"""Suggestions: as many as the map warrants, ranked by reason, specific, cited, no repeats."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.advice.suggestions import MAX_SUGGESTIONS, suggest
from assistant.brains.offline.offline_brain import OfflineBrain
from assistant.knowledge import load_cards
from assistant.model import (
    Assumption,
    Channel,
    JourneyMap,
    Lang,
    Metric,
    Priority,
    Stage,
    Suggestion,
    Touchpoint,
)
from tests.brains.conftest import ARTICLES, FIVE_FI

RANK = {"high": 0, "medium": 1, "low": 2}


def complete_map() -> JourneyMap:
    """Everything filled in and nothing wrong: nothing to suggest."""
    j = JourneyMap(stages=[Stage(name=n) for n in FIVE_FI])
    for i, s in enumerate(j.stages):
        s.touchpoints.append(
            Touchpoint(name=f"Kohta {i}", emotion=1, measurement="tähdet", channel=Channel.DIGITAL)
        )
    j.first_impression, j.last_memory = "Iloinen", "Kiitoskortti"
    j.feedback = ["Kysely"]
    j.metrics = [Metric(name="Myynti")]
    j.persona.description, j.persona.goals = "Kiireinen äiti", ["nopeus"]
    return j


def check(result: list[Suggestion]) -> None:
    assert len(result) <= MAX_SUGGESTIONS
    assert [RANK[s.priority.value] for s in result] == sorted(
        RANK[s.priority.value] for s in result
    )
    assert len({s.title.casefold() for s in result}) == len(result)
    assert len({(s.touchpoint, s.why) for s in result}) == len(result)
    for s in result:
        assert s.citations and all(c.source in ARTICLES for c in s.citations)
        assert s.reason and "{" not in s.title + s.why


@pytest.mark.parametrize("lang", [Lang.FI, Lang.EN])
def test_shop_map(shop_map: JourneyMap, lang: Lang) -> None:
    result = suggest(journey=shop_map, lang=lang)
    check(result)
    assert result[0].touchpoint == "Kassa" and result[0].priority == Priority.HIGH
    assert "Postikulut yllättävät kassalla" in result[0].why
    assert result[0].reason in (
        "kriittinen kohta, jossa on ongelma",
        "a critical touchpoint with a problem",
    )
    text = " ".join(s.title + s.why for s in result)
    for name in ("Kassa", "Verkkosivut", "Sitoutuminen"):
        assert name in text
    assert any("MobilePay" in s.why for s in result)  # the blocker, in the user's words
    assert any(s.touchpoint == "Verkkosivut" and "Onko koko oikea?" in s.why for s in result)
    # The feeling at Kassa adds nothing to the problem already told there.
    assert sum(s.touchpoint == "Kassa" for s in result) == 2


def test_without_cards_cites_the_article(shop_map: JourneyMap, tmp_path: Path) -> None:
    result = suggest(journey=shop_map, lang=Lang.FI, knowledge_dir=tmp_path)
    check(result)
    assert all(c.card == "" for s in result for c in s.citations)


@pytest.mark.parametrize("lang", [Lang.FI, Lang.EN])
def test_complete_map_gets_no_generic_advice(lang: Lang) -> None:
    assert suggest(journey=complete_map(), lang=lang) == []


def test_small_map_gets_what_it_warrants() -> None:
    j = JourneyMap(
        stages=[Stage(name="Haku", touchpoints=[Touchpoint(name="Google")]), Stage(name="Osto")]
    )
    result = suggest(journey=j, lang=Lang.FI)
    check(result)
    assert 3 <= len(result) <= 8


def test_never_more_than_ten() -> None:
    j = JourneyMap(stages=[Stage(name=n) for n in FIVE_FI])
    for s in j.stages:
        for k in range(6):
            s.touchpoints.append(
                Touchpoint(
                    name=f"{s.name} {k}",
                    critical=True,
                    emotion=-2,
                    pain_points=["hidas"],
                    doubts=["?"],
                    blockers=["x"],
                )
            )
    j.metrics = [Metric(name=f"m{i}") for i in range(9)]
    j.assumptions = [Assumption(statement="Luulen, että hinta ratkaisee")]
    result = suggest(journey=j, lang=Lang.FI)
    check(result)
    assert len(result) == MAX_SUGGESTIONS and all(s.priority == Priority.HIGH for s in result)


def test_specific_rules() -> None:
    j = complete_map()
    j.feedback, j.metrics, j.first_impression = [], [Metric(name=f"m{i}") for i in range(8)], ""
    j.stages[4].touchpoints = []
    j.assumptions = [Assumption(statement="Luulen, että hinta ratkaisee")]
    titles = [s.title for s in suggest(journey=j, lang=Lang.FI)]
    assert titles[0] == "Lähetä automaattinen kysely oston jälkeen"
    for expected in (
        "Keskity muutamaan mittariin",
        "Pidä huolta asiakkaasta oston jälkeen",
        "Päätä, millaisen ensivaikutelman haluat antaa",
        "Varmista arvauksesi kysymällä asiakkailta",
    ):
        assert expected in titles


def test_emotion_dip_and_drop() -> None:
    j = complete_map()
    j.stages[1].touchpoints[0].emotion = 2
    j.stages[2].touchpoints[0].emotion = 0
    j.stages[3].touchpoints[0].emotion = -1
    result = suggest(journey=j, lang=Lang.EN)
    low = next(s for s in result if s.title.startswith("Lift the feeling"))
    assert low.touchpoint == "Kohta 3" and low.reason == "a feeling you described"
    drop = next(s for s in result if s.title.startswith("Soften the drop"))
    assert drop.touchpoint == "Kohta 2" and "Kohta 1" in drop.why


def test_web_analytics_only_for_a_business_on_the_web() -> None:
    j = complete_map()
    j.stages[1].touchpoints[0].name = "Verkkokauppa"
    found = [s for s in suggest(journey=j, lang=Lang.EN) if "web analytics" in s.title]
    assert len(found) == 1 and "“Verkkokauppa”" in found[0].why
    j = complete_map()
    j.stages[0].touchpoints[0].pain_points = ["jono on pitkä"]
    assert all("analytics" not in s.title for s in suggest(journey=j, lang=Lang.EN))


def test_deterministic(shop_map: JourneyMap) -> None:
    first = suggest(journey=shop_map, lang=Lang.FI)
    again = suggest(journey=shop_map, lang=Lang.FI)
    assert [s.model_dump() for s in again] == [s.model_dump() for s in first]


def test_brain_review_is_suggest(shop_map: JourneyMap) -> None:
    assert OfflineBrain().review(journey=shop_map, lang=Lang.FI, kb=None) == suggest(
        journey=shop_map, lang=Lang.FI
    )


def test_rules_name_cards_that_exist(repo_root: Path) -> None:
    """Every card a rule names exists in both languages and comes from the rule's article."""
    from assistant.prompts import load_yaml

    cards = {(c.id, c.lang): c for c in load_cards(knowledge_dir=repo_root / "knowledge")}
    for name, rule in load_yaml("suggestions.yaml")["rules"].items():
        assert rule["cards"] and rule["source"] in ARTICLES, name
        for card in rule["cards"]:
            for lang in ("fi", "en"):
                assert (card, lang) in cards, (name, card, lang)
        first = cards[(next(iter(rule["cards"])), "fi")]
        assert first.sources[0].file == rule["source"], name


def test_english_wording_uses_english_quotes(shop_map: JourneyMap) -> None:
    text = " ".join(s.why for s in suggest(journey=shop_map, lang=Lang.EN))
    assert "“Kassa”" in text and "”Kassa”" not in text.replace("“Kassa”", "")
