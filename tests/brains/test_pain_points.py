"""Pain points, doubts and blockers from the compound detail answer, and metrics (table-driven)."""

from __future__ import annotations

import pytest

from assistant.brains.offline.detail import parse_detail
from assistant.brains.offline.metrics import parse_metrics
from assistant.brains.offline.problems import parse_problems
from assistant.model import JourneyMap, Lang, Stage, Touchpoint


@pytest.mark.parametrize(
    ("text", "lang", "field", "expected"),
    [
        ("Pahinta on, että toimitus kestää viikon.", "fi", "pain_points", "Pahinta on"),
        ("Hän joutuu odottamaan vastausta.", "fi", "pain_points", "odottamaan"),
        ("Hän ei löydä aukioloaikoja.", "fi", "pain_points", "ei löydä"),
        ("Kassalla on pitkät jonot.", "fi", "pain_points", "jonot"),
        ("Leiman unohtuminen harmittaa.", "fi", "pain_points", "harmittaa"),
        ("Varauslomake on hankala.", "fi", "pain_points", "hankala"),
        # a price that feels too high makes them hesitate: a doubt until they leave
        ("Hinta tuntuu liian kalliilta.", "fi", "doubts", "kallii"),
        # the cause of a bad feeling is a pain point
        ("Ruuhka-aikaan hän on ärtynyt, koska jono on pitkä.", "fi", "pain_points", "koska"),
        ("They feel stressed because the import fails.", "en", "pain_points", "because"),
        ("Getting a reply takes forever.", "en", "pain_points", "takes forever"),
        ("The booking form is confusing.", "en", "pain_points", "confusing"),
        ("They can't find the opening hours.", "en", "pain_points", "can't find"),
        ("Long queues at lunch are annoying.", "en", "pain_points", "queues"),
        ("Hän on huolissaan aikataulusta.", "fi", "doubts", "huolissaan"),
        ("They worry about returns.", "en", "doubts", "worry"),
        ("Pitkä jono voi saada hänet lähtemään.", "fi", "pain_points", "lähtemään"),
    ],
)
def test_pain_cues(text: str, lang: str, field: str, expected: str) -> None:
    found = parse_detail(text, lang=lang)
    assert any(expected in x for x in found.get(field, [])), found


@pytest.mark.parametrize(
    "text",
    [
        "Asiakas jonottaa ja maksaa.",  # queueing as an action is not yet a complaint
        "Hän on iloinen, koska kahvi on hyvää.",  # a good feeling's cause is no pain
        "They feel happy because delivery is fast.",
    ],
)
def test_no_pain_without_a_cue(text: str) -> None:
    assert "pain_points" not in parse_detail(text, lang="fi")


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Selkeä hinta vie eteenpäin ja hidas vastaus estää.", {"motivators", "blockers"}),
        ("Joustavat ehdot vievät eteenpäin ja pitkä kierros estää.", {"motivators", "blockers"}),
        ("A live demo moves them on and hidden costs stop them.", {"motivators", "blockers"}),
    ],
)
def test_ja_joins_two_fields(text: str, fields: set[str]) -> None:
    found = parse_detail(text, lang="fi")
    assert fields <= set(found), found


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Seuraamme liidejä ja NPS:ää.", "fi", {"Liidit", "NPS"}),
        (
            "Seuraamme myyntiä ja Google-arvion keskiarvoa.",
            "fi",
            {"Myynti", "Google-arvion keskiarvo"},
        ),
        (
            "We track leads, trial conversion and churn.",
            "en",
            {"Leads", "Trial conversion", "Churn"},
        ),
        # after "we track", the user's own measures count even when no KPI word is known
        ("Seuraan viikon varauksia ja uusintakäyntejä.", "fi", {"Viikon varaus"}),
        ("We track weekly bookings.", "en", {"Weekly bookings"}),
    ],
)
def test_metrics_in_the_users_words(text: str, lang: str, expected: set[str]) -> None:
    metrics, _, _ = parse_metrics(text, lang=lang)
    assert expected <= {m.name for m in metrics}, metrics


def test_a_touchpoint_name_is_no_cue_and_a_fine_one_no_problem() -> None:
    journey = JourneyMap(
        language=Lang.EN,
        stages=[
            Stage(
                name="Acquisition",
                touchpoints=[Touchpoint(name="Online booking system"), Touchpoint(name="Drop off")],
            )
        ],
    )
    got = parse_problems(
        "The booking system is clunky on mobile so people call me instead, and I cant answer "
        "when I'm grooming. Drop off itself is fine",
        stage="Acquisition",
        journey=journey,
    )
    assert [(p.name, p.pain_points, p.blockers) for p in got] == [
        (
            "Online booking system",
            ["The booking system is clunky on mobile so people call me instead"],
            [],
        )
    ]


def _one_stage(*names: str) -> JourneyMap:
    return JourneyMap(
        language=Lang.FI,
        stages=[Stage(name="Hankinta", touchpoints=[Touchpoint(name=n) for n in names])],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ei hirveesti ongelmia.",
        "En osaa sanoa, tuskin ongelmia.",
        "No problems really, the courier is reliable.",  # "no" is also a Finnish filler
        "not many issues tbh",
    ],
)
def test_a_hedged_no_problems_stores_nothing(text: str) -> None:
    assert parse_problems(text, stage="Hankinta", journey=_one_stage("Kuriiri")) == []


def test_nothing_much_then_a_real_problem_keeps_only_the_problem() -> None:
    got = parse_problems(
        "Lasku tulee myöhässä. Muuten ei suurempia ongelmia.",
        stage="Hankinta",
        journey=_one_stage("Lasku"),
    )
    assert [(p.name, p.pain_points) for p in got] == [("Lasku", ["Lasku tulee myöhässä"])]


@pytest.mark.parametrize(
    "text",
    [
        "joskus ne ei tiedä minkä kokoista laatikkoa tarvii",
        "asiakkaat ei tiiä mitä ne joutuu maksaan",
        "people dont know which program to pick",
    ],
)
def test_not_knowing_which_or_what_is_a_doubt(text: str) -> None:
    got = parse_problems(text, stage="Hankinta", journey=_one_stage("Kassa"))
    assert [p.doubts for p in got] == [[text]], got


def test_two_of_three_name_words_place_the_problem() -> None:
    got = parse_problems(
        "The service voucher process is in Finnish and confusing.",
        stage="Hankinta",
        journey=_one_stage("Website", "Service voucher application"),
    )
    assert [p.name for p in got] == ["Service voucher application"]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a pointer after a plain statement makes that statement the problem
        (
            "Tickets sit in Jira for days when the developer is away. "
            "That's the one that annoys them.",
            ("Jira service desk", "Status meeting"),
            [("Jira service desk", "annoys them")],
        ),
        # a pointer at the place itself is no problem of its own
        (
            "Tää on se hermostuttavin kohta, moni pelkää et nosturi naarmuttaa venettä.",
            ("Nosto",),
            [("Nosto", "nosturi naarmuttaa")],
        ),
        # "siinä tulee stressiä" goes on about the clause before it
        (
            "Navigaattori vie joskus väärälle tielle, siinä tulee stressiä.",
            ("Tekstiviesti", "Avainlokero"),
            [("Tekstiviesti", "siinä tulee stressiä")],
        ),
    ],
)
def test_a_pointer_clause_joins_its_problem(
    text: str, names: tuple[str, ...], expected: list[tuple[str, str]]
) -> None:
    got = parse_problems(text, stage="Hankinta", journey=_one_stage(*names))
    said = [(p.name, " ".join(p.pain_points + p.doubts + p.blockers)) for p in got]
    assert len(said) == len(expected), said
    for (name, text_), (want_name, part) in zip(said, expected, strict=True):
        assert name == want_name and part in text_, said


@pytest.mark.parametrize(
    ("text", "doubts"),
    [
        ("no hinta ehkä, moni kattoo halvempia", ["hinta ehkä, moni kattoo halvempia"]),
        ("prices vs online", ["prices vs online"]),
        ("Some compare us to just renting a cheap office.", ["Some compare us to just renting"]),
        # the price and the comparison after it are one doubt
        (
            "Ja hinta tietty, meidän katteet on pienet mut asiakas vertaa aina halvimpaan.",
            ["hinta tietty, asiakas vertaa aina halvimpaan"],
        ),
    ],
)
def test_the_price_weighed_against_others_is_a_doubt(text: str, doubts: list[str]) -> None:
    got = parse_problems(text, stage="Hankinta", journey=_one_stage("Kassa"))
    assert [d for p in got for d in p.doubts] == [
        next(d for p in got for d in p.doubts if d.startswith(w)) for w in doubts
    ]
    assert not any(p.pain_points or p.blockers for p in got), got


def test_that_after_a_passed_over_clause_is_that_clause() -> None:
    got = parse_problems(
        "Price comes up, because there are cheaper courses. And dates - finding a day when eight "
        "people can be off the floor is a nightmare, and that alone can stall a deal.",
        stage="Hankinta",
        journey=_one_stage("Quote"),
    )
    assert [(p.doubts, p.blockers) for p in got] == [
        (["Price comes up, because there are cheaper courses"], []),
        (
            [],
            [
                "dates, finding a day when eight people can be off the floor is a nightmare, "
                "that alone can stall a deal"
            ],
        ),
    ]


def test_a_terse_answer_without_a_word_of_trouble_is_still_the_problem() -> None:
    got = parse_problems(
        "crowded 4-7pm, showers sometimes cold", stage="Hankinta", journey=_one_stage("Gym")
    )
    assert [p.pain_points for p in got] == [["crowded 4-7pm"], ["showers sometimes cold"]]
    # what goes on about it joins it; a good thing or an edit keeps the answer from this
    got = parse_problems(
        "nokea jää joskus lattialle, siitä tulee sanomista",
        stage="Hankinta",
        journey=_one_stage("Nuohous"),
    )
    assert [p.pain_points for p in got] == [["nokea jää joskus lattialle, siitä tulee sanomista"]]
    for quiet in ("asiakkaat tykkää, kiva paikka", "we have a level test, it is short"):
        assert parse_problems(quiet, stage="Hankinta", journey=_one_stage("Gym")) == []


def test_heikko_and_pakko_are_no_questions() -> None:
    from assistant.brains.offline.problems import problem_field

    assert problem_field("nettiyhteys on heikko") == "pain_points"
    assert problem_field("on pakko maksaa etukäteen") == "pain_points"
    assert problem_field("riittääkö kalusto") == "doubts"


def test_a_sentence_about_it_says_where_the_problem_before_it_is() -> None:
    got = parse_problems(
        "Ei oikeastaan mitään, paitsi että nettiyhteys on heikko. Yritysryhmät valittavat "
        "siitä kokoustilassa.",
        stage="Hankinta",
        journey=_one_stage("Mökki", "Rantasauna", "Kokoustila"),
    )
    assert [(p.name, len(p.pain_points)) for p in got] == [("Kokoustila", 1)]
    assert got[0].pain_points[0].startswith("nettiyhteys on heikko")


def test_who_wonders_and_then_what_is_one_doubt() -> None:
    got = parse_problems(
        "Kotisivuilla ei ole tietoa kalustosta, ja asiakas miettii, riittääkö meidän "
        "kapasiteetti sesonkina.",
        stage="Hankinta",
        journey=_one_stage("Kotisivut"),
    )
    assert [d for p in got for d in p.doubts] == [
        "asiakas miettii, riittääkö meidän kapasiteetti sesonkina"
    ]


def test_giving_up_on_the_wait_makes_the_wait_a_blocker_and_a_fine_place_stores_nothing() -> None:
    got = parse_problems(
        "tilaus kestää sen viikon ja osa ei jaksa oottaa vaan tilaa sit itse netistä. "
        "kassalla ei oo mitään ongelmia",
        stage="Hankinta",
        journey=_one_stage("Kassa", "Erikoistilaus"),
    )
    assert [(p.name, p.blockers, p.pain_points) for p in got] == [
        (
            "Erikoistilaus",
            ["tilaus kestää sen viikon, osa ei jaksa oottaa vaan tilaa sit itse netistä"],
            [],
        )
    ]


def test_a_short_word_on_the_price_and_the_comparison_after_it_are_one_doubt() -> None:
    got = parse_problems(
        "hinta mietityttää monia, ne vertaa puhelimella nettikauppojen hintoja. Joskus joku "
        "ehdottaa halvempaa kilpailijaa.",
        stage="Hankinta",
        journey=_one_stage("Hyllyt"),
    )
    assert [d for p in got for d in p.doubts] == [
        "hinta mietityttää monia, ne vertaa puhelimella nettikauppojen hintoja",
        "Joskus joku ehdottaa halvempaa kilpailijaa",
    ]
