"""Names as people write them: places dropped, compounds joined, story pieces refused; the
motivators answer read place by place; the business type from the persona; feedback names."""

from __future__ import annotations

import pytest

from assistant.brains.offline.metrics import parse_metrics
from assistant.brains.offline.motivators import parse_motivators
from assistant.brains.offline.names import persona_name
from assistant.brains.offline.parse import persona_business_type
from assistant.lang.phrases import plausible_name, tidy_touchpoint, touchpoint_names
from assistant.model import BusinessType, JourneyMap, Lang, Stage, Touchpoint


@pytest.mark.parametrize(
    ("said", "names"),
    [
        (
            "Referenssisivu verkkosivuillamme ja ensitapaaminen Teamsissa.",
            ["Referenssisivu", "Ensitapaaminen"],
        ),
        ("netti varaus ja kassa", ["Nettivaraus", "Kassa"]),
        ("google haku ja facebook", ["Google-haku", "Facebook"]),
        ("seuraava aika varataan heti kassalla", ["Kassa"]),
        ("kaverin suosituksesta", ["Kaverin suositus"]),
        # A base form keeps its "-in"/"-n" ending: no foreign-name case ending is cut.
        (
            "Tukipuhelin, tikettijärjestelmä ja kuukausiraportti.",
            ["Tukipuhelin", "Tikettijärjestelmä", "Kuukausiraportti"],
        ),
        ("Suositukset ja vähän LinkedIn.", ["Suositukset", "LinkedIn"]),
        ("Woltin kautta ja Googlen", ["Wolt", "Google"]),
        # Whose and where it goes is no part of the name.
        (
            "koneiden siirto meidän hallintaamme ja tapaaminen heidän toimistollaan",
            ["Koneiden siirto", "Tapaaminen"],
        ),
    ],
)
def test_finnish_touchpoint_names(said: str, names: list[str]) -> None:
    got = [tidy_touchpoint(n, lang=Lang.FI) for n, _ in touchpoint_names(said, lang=Lang.FI)]
    assert got == names


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("Customer service", True),
        ("14-day free trial", True),
        ("Asiakaspalvelu", True),
        ("They're lovely", False),
        ("300 unread", False),
        ("Asiakas", False),
        ("Neighbour's daughter designed those", False),
    ],
)
def test_story_pieces_are_no_names(name: str, ok: bool) -> None:
    assert plausible_name(name, lang=Lang.EN) is ok


def _journey() -> JourneyMap:
    spec = [("Löytäminen", ["Kaveri"]), ("Hankinta", ["Ajanvaraus"]), ("Koulutus", ["Ajotunnit"])]
    stages = [Stage(name=s, touchpoints=[Touchpoint(name=t) for t in ts]) for s, ts in spec]
    return JourneyMap(language=Lang.FI, stages=stages)


def test_motivators_go_where_the_user_says() -> None:
    got = parse_motivators(
        "koulutuksessa se et pääsee heti ajamaan, ja hankinnassa se et näkee vapaat ajat netistä",
        journey=_journey(),
    )
    assert [(p.stage, p.motivators) for p in got] == [
        ("Koulutus", ["pääsee heti ajamaan"]),
        ("Hankinta", ["näkee vapaat ajat netistä"]),
    ]


def test_se_etta_is_one_motivator_even_when_it_names_a_touchpoint() -> None:
    spec = [("Harkinta", ["Kartoitus"]), ("Palvelu", ["Tukipuhelin", "Raportti"])]
    stages = [Stage(name=s, touchpoints=[Touchpoint(name=t) for t in ts]) for s, ts in spec]
    got = parse_motivators(
        "Palvelussa se, että puhelimeen vastaa aina tuttu ihminen.",
        journey=JourneyMap(language=Lang.FI, stages=stages),
    )
    assert [(p.stage, p.name, p.motivators) for p in got] == [
        ("Palvelu", "Tukipuhelin", ["puhelimeen vastaa aina tuttu ihminen"])
    ]


@pytest.mark.parametrize(
    ("persona", "kind"),
    [
        ("Anne, 30, scared of dentists", BusinessType.B2C),
        ("Tapahtumakoordinaattori Heidi, joka järjestää juhlia", BusinessType.B2B),
        ("Operations manager Dana at a logistics firm", BusinessType.B2B),
        ("lapsiperheen äiti", BusinessType.B2C),
        ("someone who likes coffee", None),
        ("a small company with 25 employees", BusinessType.B2B),
    ],
)
def test_business_type_from_the_persona(persona: str, kind: BusinessType | None) -> None:
    assert persona_business_type(persona) == kind


def test_feedback_gets_short_names_and_nothing_collected_stores_nothing() -> None:
    metrics, feedback, _ = parse_metrics(
        "autoja päivässä ja keskilasku, palautetta ei oikeen kerätä mut google arvostelut "
        "tulee itestään",
        lang=Lang.FI,
    )
    assert [m.name for m in metrics] == ["Autoja päivässä", "Keskilasku"]
    assert feedback == ["Google-arvostelut"]
    _, none, _ = parse_metrics("tarjousten määrä, palautetta en kerää", lang=Lang.FI)
    assert none == []


def test_a_stage_named_in_a_compound_places_the_motivator() -> None:
    spec = [("Tietoisuus", ["Julkiset hankinnat"]), ("Harkinta", ["Asiakaskäynti", "Testipaketti"])]
    stages = [Stage(name=s, touchpoints=[Touchpoint(name=t) for t in ts]) for s, ts in spec]
    got = parse_motivators(
        "Harkintavaiheessa testipaketti vakuuttaa.",
        journey=JourneyMap(language=Lang.FI, stages=stages),
    )
    assert [(p.stage, p.name, p.motivators) for p in got] == [
        ("Harkinta", "Testipaketti", ["testipaketti vakuuttaa"])
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tyypillinen asiakas on kuusikymppinen nainen, Raija vaikka, joka käy torilla", "Raija"),
        ("hääpari tai hr-ihminen joka järkkää pikkujoulut. otetaan hr:n Sanna", "Sanna"),
        (
            "hankinnoista vastaava henkilö, esimerkiksi palvelupäällikkö Tiina Laaksonen.",
            "Tiina Laaksonen",
        ),
        ("Ostaja tai tuotantopäällikkö koneenrakennusyrityksessä. Nimi vaikka Mikko.", "Mikko"),
        ("esimerkiksi Instagram ja Google", ""),
    ],
)
def test_a_persona_name_said_after_the_description(text: str, name: str) -> None:
    assert persona_name(text, lang="fi") == name


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("arviointikäynnillä syntyy luottamus ku tavataan kasvokkain", "Arviointi"),
        ("Honestly the audit deadline - that's what pushes them through booking fast", "Booking"),
    ],
)
def test_a_stage_named_inside_the_piece_places_the_motivator(text: str, stage: str) -> None:
    spec = [("Löytäminen", ["Tori"]), ("Arviointi", ["Puhelin"]), ("Booking", ["Email"])]
    stages = [Stage(name=s, touchpoints=[Touchpoint(name=t) for t in ts]) for s, ts in spec]
    got = parse_motivators(text, journey=JourneyMap(language=Lang.FI, stages=stages))
    assert [p.stage for p in got] == [stage]


def test_two_stages_inside_a_piece_place_nothing_new() -> None:
    spec = [("Löytäminen", ["Tori"]), ("Arviointi", ["Puhelin"]), ("Hankinta", ["Kassa"])]
    stages = [Stage(name=s, touchpoints=[Touchpoint(name=t) for t in ts]) for s, ts in spec]
    stages[1].touchpoints[0].emotion = 2
    got = parse_motivators(
        "nopea vastaus ratkaisee arvioinnista hankintaan asti",
        journey=JourneyMap(language=Lang.FI, stages=stages),
    )
    # No place of its own: kept whole where the customer feels best (Puhelin, +2)
    assert [(p.stage, p.name) for p in got] == [("Arviointi", "Puhelin")]


def _guitar_workshop() -> JourneyMap:
    spec = [
        ("Awareness", ["Instagram", "Google Maps"]),
        ("Evaluation", ["Walk-in"]),
        ("Acquisition", ["Pickup", "Demo", "Payment"]),
        ("Engagement", ["Sticker"]),
    ]
    stages = [Stage(name=s, touchpoints=[Touchpoint(name=t) for t in ts]) for s, ts in spec]
    return JourneyMap(language=Lang.EN, stages=stages)


def test_a_motivator_goes_to_the_place_it_names_first() -> None:
    got = parse_motivators(
        "the videos on instagram get them in, and the demo at pickup is what brings them back",
        journey=_guitar_workshop(),
    )
    assert [(p.name, p.motivators[0]) for p in got] == [
        ("Instagram", "the videos on instagram get them in"),
        ("Demo", "the demo at pickup is what brings them back"),
    ]


def test_an_unplaced_motivator_is_left_out_when_others_are_placed() -> None:
    got = parse_motivators(
        "friendly service keeps them going. the demo at pickup sells it",
        journey=_guitar_workshop(),
    )
    assert [(p.name, p.motivators) for p in got] == [("Demo", ["the demo at pickup sells it"])]


@pytest.mark.parametrize(
    ("names", "text", "critical"),
    [
        # "first" before the names is no first impression
        (
            ["Phone call", "Website", "Carers"],
            "The first phone call and the carers.",
            ["Phone call", "Carers"],
        ),
        # the name the word spells, not one that shares its stem
        (
            ["Pallokortti", "Lyöntipaikat", "Pallokone"],
            "pallokone ja lyöntipaikat",
            ["Pallokone", "Lyöntipaikat"],
        ),
        (
            ["Tarjouspyyntölomake", "Tarjous", "Projektipäällikkö"],
            "Tarjous ja projektipäällikkö",
            ["Tarjous", "Projektipäällikkö"],
        ),
        # an acronym as the user wrote it, in lower case
        (
            ["Free trial day", "Pt sessions", "Gym floor"],
            "trial day and pt",
            ["Free trial day", "Pt sessions"],
        ),
    ],
)
def test_critical_touchpoints_by_name(names: list[str], text: str, critical: list[str]) -> None:
    from assistant.brains.offline.parse import parse_critical

    journey = JourneyMap(
        language=Lang.FI,
        stages=[Stage(name="S", touchpoints=[Touchpoint(name=n) for n in names])],
    )
    got = parse_critical(text, key="critical", journey=journey)
    assert got["critical"] == critical
    assert "first_impression" not in got


def test_a_strong_impression_cue_keeps_the_sentence_an_impression() -> None:
    from assistant.brains.offline.parse import parse_critical

    journey = JourneyMap(
        language=Lang.FI, stages=[Stage(name="S", touchpoints=[Touchpoint(name="Slack")])]
    )
    got = parse_critical("Ensivaikutelma on hyvä, slack toimii.", key="critical", journey=journey)
    assert got["critical"] == [] and got["first_impression"].startswith("Ensivaikutelma")


def test_a_goal_or_frustration_is_never_a_pronoun_or_a_bare_label() -> None:
    from assistant.brains.offline.parse import parse_goals

    got = parse_goals("Haluaa rentoutua. Häntä turhauttaa. Turhauttavaa on: jonot.")
    assert got is not None
    assert got.goals == ["rentoutua"] and got.frustrations == ["jonot"]
