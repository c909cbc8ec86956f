"""Tips: only a card that fits the question, the stage and the business; never twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.advice.tips import audiences, fit, pick_tip, tip_rules
from assistant.interview.deps import LazyCardIndex
from assistant.interview.replies import first_sentence
from assistant.knowledge import load_cards
from assistant.model import Business, BusinessType, JourneyMap, Lang, Stage, Touchpoint
from assistant.settings import Settings
from assistant.turns import Expects, Slot

FIVE = ["Löytäminen", "Arviointi", "Hankinta", "Seikkailu", "Sitoutuminen"]


def journey(kind: BusinessType = BusinessType.B2C, offering: str = "hiustenleikkuu") -> JourneyMap:
    return JourneyMap(
        business=Business(offering=offering, business_type=kind),
        stages=[Stage(name=n) for n in FIVE],
    )


def tip(slot: Slot, j: JourneyMap, *, used: list[str] | None = None, answer: str = "") -> str:
    kb = LazyCardIndex(settings=Settings())
    hit = pick_tip(slot=slot, journey=j, kb=kb, lang=Lang.FI, used=used or [], answer=answer)
    return hit.card if hit else ""


def test_no_tip_for_the_opening_question_or_the_review() -> None:
    assert tip(Slot(Expects.BUSINESS, "offering"), journey()) == ""
    assert tip(Slot(Expects.REVIEW, "review"), journey()) == ""


def test_a_card_of_another_stage_never_fits() -> None:
    cards = {c.id: c for c in load_cards() if c.lang == "fi"}
    rules = tip_rules()
    slot = Slot(Expects.TOUCHPOINTS, "touchpoints", "Löytäminen")
    kw = {"kinds": set(), "said": set(), "rules": rules}
    # The aftercare card is about the stages after the purchase.
    assert fit(cards["harju-touchpoints-before-aftercare"], slot=slot, key="discovery", **kw) == 0
    assert fit(cards["viralcx-discovery-how"], slot=slot, key="discovery", **kw) > 0


def test_a_website_alone_is_no_web_store() -> None:
    rules = tip_rules()
    site = journey(offering="saunoja omakotitaloihin")
    site.stages[0].touchpoints += [Touchpoint(name="Nettisivut"), Touchpoint(name="Website")]
    assert "web" not in audiences(site, rules)  # "Myyt verkossa" would be a false premise
    site.stages[2].touchpoints.append(Touchpoint(name="Verkkokauppa"))
    assert "web" in audiences(site, rules)


def test_b2b_and_web_cards_only_for_such_businesses() -> None:
    rules = tip_rules()
    assert audiences(journey(), rules) == set()
    assert audiences(journey(BusinessType.B2B, "ohjelmisto"), rules) == {"b2b"}
    web = journey(offering="lankoja verkkokaupassa")
    assert "web" in audiences(web, rules)
    web.stages[0].touchpoints.append(Touchpoint(name="Instagram"))
    cards = {c.id: c for c in load_cards() if c.lang == "fi"}
    slot = Slot(Expects.METRICS, "metrics")
    shop = cards["harju-web-store-purchase-path"]
    assert fit(shop, slot=slot, key=None, kinds=set(), said=set(), rules=rules) == 0


def test_the_answer_just_given_lifts_a_fitting_card() -> None:
    cards = {c.id: c for c in load_cards() if c.lang == "fi"}
    rules = tip_rules()
    slot = Slot(Expects.TOUCHPOINT_DETAIL, "problems", "Hankinta")
    card = cards["viralcx-acquisition-transparent-pricing"]
    from assistant.advice.overlap import content_stems

    plain = fit(card, slot=slot, key="acquisition", kinds={"web"}, said=set(), rules=rules)
    said = content_stems("hinta yllättää kassalla, toimituskulut")
    lifted = fit(card, slot=slot, key="acquisition", kinds={"web"}, said=said, rules=rules)
    assert lifted > plain > 0


@pytest.mark.parametrize("key", ["critical", "metrics"])
def test_never_the_same_card_twice(key: str) -> None:
    expects = Expects.CRITICAL if key == "critical" else Expects.METRICS
    used: list[str] = []
    for _ in range(6):
        card = tip(Slot(expects, key), journey(), used=used, answer="mittari palaute kriittinen")
        if not card:
            break
        assert card not in used
        used.append(card)
    assert used


def test_tip_text_is_a_whole_sentence_without_markup(tmp_path: Path) -> None:
    text = "**Muista** nämä:\n- kassa\n- myynti\n\nSitten muuta."
    assert first_sentence(text) == "Muista nämä: kassa, myynti."
    for card in load_cards():
        line = first_sentence(card.body)
        assert line and line[-1] in '.!?)”"', (card.id, line)
        assert not any(m in line for m in ("**", "_", "`", "#")), card.id
