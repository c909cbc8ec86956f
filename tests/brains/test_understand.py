"""OfflineBrain.understand: each slot in Finnish and English, mixed initiative, odd input."""

from __future__ import annotations

import pytest

from assistant.brains.offline.offline_brain import OfflineBrain
from assistant.model import (
    AssumptionStatus,
    BusinessType,
    Channel,
    JourneyMap,
    Lang,
    Stage,
    Touchpoint,
)
from assistant.patch import MapPatch, apply_patch
from assistant.turns import Expects, Slot

brain = OfflineBrain()


def understand(
    text: str, slot: Slot, journey: JourneyMap | None = None, lang: str = "fi"
) -> MapPatch:
    return brain.understand(text=text, slot=slot, journey=journey or JourneyMap(), lang=Lang(lang))


BUSINESS = Slot(Expects.BUSINESS, "offering")


@pytest.mark.parametrize(
    ("text", "lang", "offering", "customers", "kind"),
    [
        (
            "Myymme käsintehtyjä koruja nuorille naisille.",
            "fi",
            "käsintehtyjä koruja",
            "nuorille naisille",
            BusinessType.B2C,
        ),
        (
            "Teemme kirjanpitoa pienyrittäjille",
            "fi",
            "kirjanpitoa",
            "pienyrittäjille",
            BusinessType.B2B,
        ),
        (
            "We sell accounting software to small companies",
            "en",
            "accounting software",
            "small companies",
            BusinessType.B2B,
        ),
        (
            "We offer yoga classes for busy families",
            "en",
            "yoga classes",
            "busy families",
            BusinessType.B2C,
        ),
        (
            "Myymme siivouspalveluja sekä yrityksille että kuluttajille",
            "fi",
            "siivouspalveluja",
            None,
            BusinessType.BOTH,
        ),
    ],
)
def test_business(
    text: str, lang: str, offering: str, customers: str | None, kind: BusinessType
) -> None:
    b = understand(text, BUSINESS, lang=lang).business
    assert b is not None
    assert b.offering == offering
    assert customers is None or b.customers == customers
    assert b.business_type == kind


def test_business_name_and_unknown_type() -> None:
    b = understand("Nimemme on Korupaja. Teemme koruja.", BUSINESS).business
    assert b is not None and b.name == "Korupaja"
    b = understand("Teemme koruja", BUSINESS).business
    assert b is not None and b.offering == "koruja" and b.business_type is None


def test_the_offering_holds_neither_the_name_nor_a_closing_adverb() -> None:
    b = understand(
        "Olemme Paahtimo Kaarna, pieni kahvipaahtimo. Paahdamme kahvipapuja ja myymme niitä "
        "pääasiassa kahviloille, mutta myös kuluttajille.",
        BUSINESS,
    ).business
    assert b is not None and b.name == "Paahtimo Kaarna"
    assert b.offering == "pieni kahvipaahtimo; Paahdamme kahvipapuja ja myymme niitä"
    assert b.customers is not None and b.customers.startswith("kahviloille")
    b = understand(
        "Hi! I run Little Wheel Coffee - it's a mobile espresso cart. I do staff days.",
        BUSINESS,
        lang="en",
    ).business
    assert b is not None and b.name == "Little Wheel Coffee"
    assert b.offering == "mobile espresso cart"


def test_business_type_follow_up() -> None:
    b = understand("lähinnä yrityksille", Slot(Expects.BUSINESS, "business_type")).business
    assert b is not None and b.business_type == BusinessType.B2B


@pytest.mark.parametrize(
    ("text", "lang", "goal", "need", "frustration"),
    [
        (
            "Kiireinen pienyrittäjä, joka haluaa säästää aikaa. Häntä turhauttaa paperityö. Hän tarvitsee selkeän hinnan.",
            "fi",
            "säästää aikaa",
            "selkeän hinnan",
            "paperityö",
        ),
        (
            "A busy parent who wants healthy meals fast. They need clear prices. Long queues frustrate them.",
            "en",
            "healthy meals fast",
            "clear prices",
            "Long queues",
        ),
    ],
)
def test_persona(text: str, lang: str, goal: str, need: str, frustration: str) -> None:
    p = understand(text, Slot(Expects.PERSONA, "description"), lang=lang).persona
    assert p is not None and p.description == text
    assert p.name is None  # no name was given: none is invented from the description
    # Goals (needs count as goals) and frustrations, each its own item, no label words.
    assert goal in p.goals and need in p.goals
    assert any(f.startswith(frustration) for f in p.frustrations)
    assert not any(g.split()[0] in ("haluaa", "wants", "tarvitsee", "need") for g in p.goals)


def test_a_long_description_clause_with_a_cue_is_no_goal() -> None:
    text = "Laura, 39, remontoi miehensä kanssa vanhaa omakotitaloa ja haluaa yksilöllisen keittiön"
    p = understand(text, Slot(Expects.PERSONA, "description"), lang="fi").persona
    assert p is not None and p.name == "Laura" and p.goals == [] and p.frustrations == []


STAGES = Slot(Expects.STAGES, "stages")
FIVE_FI = ["Löytäminen", "Arviointi", "Hankinta", "Seikkailu", "Sitoutuminen"]
B2B_FI = ["Tietoisuus", "Harkinta", "Osto", "Palvelu", "Uskollisuus"]


@pytest.mark.parametrize(
    ("text", "lang", "kind", "expected"),
    [
        ("viisivaiheinen", "fi", None, FIVE_FI),
        ("ensimmäinen", "fi", None, FIVE_FI),
        ("1", "fi", None, FIVE_FI),
        ("B2B", "fi", None, B2B_FI),
        ("toinen", "fi", None, B2B_FI),
        ("2", "fi", None, B2B_FI),
        ("kyllä", "fi", BusinessType.B2C, FIVE_FI),
        ("joo sopii", "fi", BusinessType.B2B, B2B_FI),
        ("yes", "en", None, ["Discovery", "Evaluation", "Acquisition", "Adventure", "Engagement"]),
        (
            "the second",
            "en",
            None,
            ["Awareness", "Consideration", "Purchase", "Service", "Loyalty"],
        ),
        ("Haku, Vertailu, Tilaus, Käyttö", "fi", None, ["Haku", "Vertailu", "Tilaus", "Käyttö"]),
        ("search, compare and buy", "en", None, ["Search", "Compare", "Buy"]),
        ("vaiheet ovat Haku, Ostos, Käyttö", "fi", None, ["Haku", "Ostos", "Käyttö"]),
        ("Vaiheet: Haku, Ostos", "fi", None, ["Haku", "Ostos"]),
        ("the stages are Search, Buy, Ride", "en", None, ["Search", "Buy", "Ride"]),
    ],
)
def test_stage_models(text: str, lang: str, kind: BusinessType | None, expected: list[str]) -> None:
    j = JourneyMap()
    j.business.business_type = kind
    assert understand(text, STAGES, j, lang).stages == expected


def test_stage_single_unknown_word_is_not_a_list() -> None:
    assert understand("hmm", STAGES).stages is None


def five() -> JourneyMap:
    return JourneyMap(stages=[Stage(name=n) for n in FIVE_FI])


def test_touchpoints_in_focus_stage_with_channels() -> None:
    patch = understand(
        "Instagramin, Googlen ja kaverin suosituksen kautta",
        Slot(Expects.TOUCHPOINTS, "touchpoints", stage="Löytäminen"),
        five(),
    )
    got = [(t.stage, t.name, t.channel) for t in patch.touchpoints]
    assert got == [
        ("Löytäminen", "Instagram", Channel.DIGITAL),
        ("Löytäminen", "Google", Channel.DIGITAL),
        ("Löytäminen", "Kaverin suositus", Channel.HUMAN),
    ]


def test_mixed_initiative_other_stage_and_pain_point() -> None:
    j = five()
    j.stages[2].touchpoints.append(Touchpoint(name="Kassa"))
    patch = understand(
        "Instagramissa. Arvioinnissa verkkosivut. Kassa on pahin kohta.",
        Slot(Expects.TOUCHPOINTS, "touchpoints", stage="Löytäminen"),
        j,
    )
    by_name = {t.name: t for t in patch.touchpoints}
    assert by_name["Instagram"].stage == "Löytäminen"
    assert by_name["Verkkosivut"].stage == "Arviointi"
    assert by_name["Kassa"].pain_points == ["Kassa on pahin kohta"]
    new = apply_patch(j, patch, focus_stage="Löytäminen")
    assert new.stage("Hankinta") is not None and new.stage("Hankinta").touchpoints[0].pain_points  # type: ignore[union-attr]


def test_pain_point_volunteered_in_metrics_answer() -> None:
    j = five()
    j.stages[2].touchpoints.append(Touchpoint(name="Kassa"))
    patch = understand(
        "Seuraan myyntiä. Kassalla on hankalaa.", Slot(Expects.METRICS, "metrics"), j
    )
    assert [t.name for t in patch.touchpoints] == ["Kassa"]
    assert [m.name for m in patch.metrics] == ["Myynti"]


@pytest.mark.parametrize("text", ["ohita", "ei ole", "skip"])
def test_touchpoints_skip_gives_nothing(text: str) -> None:
    assert (
        understand(
            text, Slot(Expects.TOUCHPOINTS, "touchpoints", stage="Seikkailu"), five()
        ).touchpoints
        == []
    )


DETAIL = Slot(Expects.TOUCHPOINT_DETAIL, "detail", stage="Hankinta", touchpoint="Kassa")


def test_compound_detail_finnish() -> None:
    text = (
        "Asiakas selaa tuotteita ja vertailee hintoja. Hän on innostunut, mutta epäröi toimituskuluja. "
        "Ilmainen toimitus houkuttaa. Liian kallis postikulu estää ostamisen. Pahinta on hidas sivusto."
    )
    [tp] = understand(text, DETAIL, five()).touchpoints
    assert (tp.stage, tp.name) == ("Hankinta", "Kassa")
    assert tp.customer_action == "Asiakas selaa tuotteita ja vertailee hintoja"
    assert tp.emotion == 2 and tp.emotion_note == "Hän on innostunut"
    assert tp.doubts == ["epäröi toimituskuluja"]
    assert tp.motivators == ["Ilmainen toimitus houkuttaa"]
    assert tp.blockers == ["Liian kallis postikulu estää ostamisen"]
    assert tp.pain_points == ["Pahinta on hidas sivusto"]


def test_compound_detail_english() -> None:
    text = "They compare prices. They feel nervous and wonder if delivery is on time. Reviews convince them. A slow page puts them off."
    [tp] = understand(text, DETAIL, five(), "en").touchpoints
    assert tp.customer_action and "compare prices" in tp.customer_action
    assert tp.emotion == -1
    assert any("wonder" in d for d in tp.doubts)
    assert tp.motivators == ["Reviews convince them"]
    assert tp.blockers and "puts them off" in tp.blockers[0]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Maksaa tilauksen", "customer_action"),
        ("Jotain ihan muuta", "customer_action"),
        ("Onko tämä turvallista?", "doubts"),
        ("Huolettaa, riittääkö koko", "doubts"),
        ("Asiakasarviot vakuuttavat", "motivators"),
        ("Jonot jarruttavat", "blockers"),
        ("Ongelmana on sekava lomake", "pain_points"),
    ],
)
def test_detail_single_field(text: str, field: str) -> None:
    [tp] = understand(text, DETAIL, five()).touchpoints
    value = getattr(tp, field)
    assert (
        value == text
        if isinstance(value, str)
        else value == [text.rstrip("?") + ("?" if text.endswith("?") else "")]
    )


@pytest.mark.parametrize(
    ("text", "score"), [("3/5", 0), ("tosi turhautunut", -2), ("plus kaksi", 2)]
)
def test_emotion_follow_up(text: str, score: int) -> None:
    slot = Slot(Expects.TOUCHPOINT_DETAIL, "emotion", stage="Hankinta", touchpoint="Kassa")
    [tp] = understand(text, slot, five()).touchpoints
    assert tp.emotion == score


def test_doubts_follow_up_keeps_text_without_cue() -> None:
    slot = Slot(Expects.TOUCHPOINT_DETAIL, "doubts", stage="Hankinta", touchpoint="Kassa")
    [tp] = understand("toimitusaika", slot, five()).touchpoints
    assert tp.doubts == ["toimitusaika"]


def critical_map() -> JourneyMap:
    j = five()
    j.stages[0].touchpoints.append(Touchpoint(name="Instagram"))
    j.stages[1].touchpoints.append(Touchpoint(name="Verkkosivut"))
    j.stages[2].touchpoints.append(Touchpoint(name="Kassa"))
    return j


def test_critical_first_and_last() -> None:
    patch = understand(
        "Kassa ja verkkosivut ovat kriittisimmät. Ensivaikutelma syntyy Instagramissa. Lopuksi asiakas muistaa nopean toimituksen.",
        Slot(Expects.CRITICAL, "critical"),
        critical_map(),
    )
    assert sorted(t.name for t in patch.touchpoints if t.critical) == ["Kassa", "Verkkosivut"]
    assert {t.stage for t in patch.touchpoints} == {"Hankinta", "Arviointi"}
    assert patch.first_impression == "Ensivaikutelma syntyy Instagramissa"
    assert patch.last_memory == "Lopuksi asiakas muistaa nopean toimituksen"


def test_critical_with_typo_english() -> None:
    patch = understand(
        "The checkout is the most important. kasa too",
        Slot(Expects.CRITICAL, "critical"),
        critical_map(),
        "en",
    )
    assert [t.name for t in patch.touchpoints] == ["Kassa"]


@pytest.mark.parametrize("key", ["first_impression", "last_memory"])
def test_first_impression_follow_up(key: str) -> None:
    patch = understand("Siisti ja iloinen somefeedi", Slot(Expects.CRITICAL, key), critical_map())
    assert getattr(patch, key) == "Siisti ja iloinen somefeedi"


@pytest.mark.parametrize(
    ("text", "lang", "metrics", "feedback"),
    [
        (
            "Seuraamme myyntiä, kassaa ja tähtiarvioita. Palautetta kerätään kyselyllä.",
            "fi",
            ["Myynti", "Kassa", "Tähtiarviot"],
            ["Kysely"],  # what the user said, not a channel name of ours
        ),
        ("liidit ja NPS", "fi", ["Liidit", "NPS"], []),
        (
            "Seuraan keskimääräistä tilauskokoa kiloina. Palautetta kerään messuilla suullisesti "
            "ja kerran vuodessa lähetän kyselyn.",
            "fi",
            ["Keskimääräinen tilauskoko kiloina"],  # the unit as said
            ["Messuilla suullisesti", "Kysely"],
        ),
        (
            "Retention. For feedback we send an NPS survey twice a year.",
            "en",
            ["Retention"],
            ["NPS survey"],
        ),
        (
            "We track sales, leads and conversion. Feedback comes through reviews and email.",
            "en",
            ["Sales", "Leads", "Conversion"],
            ["Reviews", "Email"],
        ),
        ("konversiota ja asiakastyytyväisyyttä", "fi", ["Konversio", "Asiakastyytyväisyys"], []),
        (
            "We track leads, trial conversion and churn.",
            "en",
            ["Leads", "Trial conversion", "Churn"],
            [],
        ),
    ],
)
def test_metrics_and_feedback(
    text: str, lang: str, metrics: list[str], feedback: list[str]
) -> None:
    patch = understand(text, Slot(Expects.METRICS, "metrics"), five(), lang)
    assert [m.name for m in patch.metrics] == metrics
    assert patch.feedback == feedback


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Luulen, että hinta ratkaisee.", AssumptionStatus.GUESS),
        ("Tiedän, että asiakkaat tulevat Instagramista.", AssumptionStatus.KNOWN),
        ("I guess most buy on mobile.", AssumptionStatus.GUESS),
        ("We know from data that most buy on mobile.", AssumptionStatus.KNOWN),
    ],
)
def test_assumptions(text: str, status: AssumptionStatus) -> None:
    patch = understand(text, Slot(Expects.METRICS, "assumptions"), five())
    assert [a.status for a in patch.assumptions] == [status]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "🙂🔥",
        "<b>Instagram</b><script>alert(1)</script>",
        "x" * 50000,
        "=SUM(A1)",
        "\x00\x01",
        "ja, ja; ja",
    ],
)
@pytest.mark.parametrize("expects", list(Expects))
def test_odd_input_never_raises(text: str, expects: Expects) -> None:
    slot = Slot(
        expects,
        "detail" if expects == Expects.TOUCHPOINT_DETAIL else "",
        stage="Hankinta",
        touchpoint="Kassa",
    )
    patch = understand(text, slot, critical_map())
    assert isinstance(patch, MapPatch)
    assert "<script" not in patch.model_dump_json()
    apply_patch(critical_map(), patch, focus_stage="Hankinta")


def test_pain_point_for_a_touchpoint_named_in_the_same_message() -> None:
    patch = understand(
        "tiski ja kassa. Kassalla jono on pahin kohta",
        Slot(Expects.TOUCHPOINTS, "touchpoints", stage="Hankinta"),
        five(),
    )
    new = apply_patch(five(), patch, focus_stage="Hankinta")
    stage = new.stage("Hankinta")
    assert stage is not None
    assert [t.name for t in stage.touchpoints] == ["Tiski", "Kassa"]
    assert stage.touchpoints[1].pain_points == ["Kassalla jono on pahin kohta"]


def test_a_reason_stays_with_its_feeling() -> None:
    [tp] = understand("Hän on vähän hermostunut, koska tauko on lyhyt.", DETAIL, five()).touchpoints
    assert tp.emotion == -1 and tp.emotion_note == "Hän on vähän hermostunut, koska tauko on lyhyt"
    assert tp.customer_action is None


def test_english_interview_answers() -> None:
    p = understand(
        "Mia, a freelance designer who wants less paperwork. Tax deadlines worry her.",
        Slot(Expects.PERSONA, "description"),
        lang="en",
    ).persona
    assert p is not None and p.name == "Mia" and p.frustrations == ["Tax deadlines worry her"]
    j = JourneyMap(
        stages=[Stage(name="Consideration", touchpoints=[Touchpoint(name="Free intro call")])]
    )
    patch = understand(
        "The intro call is the most important.", Slot(Expects.CRITICAL, "critical"), j, "en"
    )
    assert [(t.name, t.critical) for t in patch.touchpoints] == [("Free intro call", True)]
    tps = understand(
        "LinkedIn posts and referrals from other clients",
        Slot(Expects.TOUCHPOINTS, "touchpoints", stage="Consideration"),
        j,
        "en",
    ).touchpoints
    assert [t.name for t in tps] == ["LinkedIn posts", "Referrals"]
    [tp] = understand("Hidden fees would put her off", DETAIL, five(), "en").touchpoints
    assert tp.blockers == ["Hidden fees would put her off"]
