"""Every suggestion rule's cards say what the rule says: the claim check, and that it can fail."""

from __future__ import annotations

import pytest

from assistant.advice.suggestions import suggest
from assistant.advice.support import card_text, made, unsupported
from assistant.knowledge import load_cards
from assistant.model import Citation, JourneyMap, Lang, Suggestion
from assistant.prompts import load_yaml

RULES = load_yaml("suggestions.yaml")["rules"]


@pytest.mark.parametrize("name", sorted(RULES))
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_each_rule_card_supports_the_claim_the_rule_makes(name: str, lang: str) -> None:
    rule = RULES[name]
    cards = {c.id: c for c in load_cards() if c.lang == lang}
    said = f"{rule[lang]['title']} {rule[lang]['why']}"
    for card_id, claims in rule["cards"].items():
        claim = tuple(tuple(g) for g in claims[lang])
        assert made(card_text(cards[card_id]), claim), (name, card_id, "card does not say it")
        assert made(said, claim), (name, card_id, "the suggestion does not say it")


@pytest.mark.parametrize("lang", [Lang.FI, Lang.EN])
def test_every_citation_of_a_real_map_supports_its_suggestion(
    shop_map: JourneyMap, lang: Lang
) -> None:
    for s in suggest(journey=shop_map, lang=lang):
        assert unsupported(s, lang=lang.value) == [], s.title


def test_a_card_cited_for_advice_it_does_not_give_is_caught() -> None:
    # The mentor card says nothing about showing prices before checkout.
    wrong = Suggestion(
        title="Be open about the price at “Checkout”",
        why="Tell it from the start; if that is hard, give a price range.",
        citations=[Citation(card="harju-find-mentor", source="003_ef748a65b3da4a81.txt")],
    )
    assert unsupported(wrong, lang="en") == ["harju-find-mentor"]
    right = wrong.model_copy(
        update={
            "citations": [
                Citation(
                    card="viralcx-acquisition-transparent-pricing",
                    source="004_9fd0c528fd69cb31.txt",
                )
            ]
        }
    )
    assert unsupported(right, lang="en") == []
    assert not made("anything", ())
