"""Corrections are edits, never answers; every answer is read back; the pending question
is never lost; quick replies; honest progress. Through a real Session and store."""

from __future__ import annotations

from typing import Any

from assistant.interview import Deps, open_session
from assistant.model import Lang
from assistant.turns import Expects


def _to(session: Any, *answers: str) -> Any:
    turn = session.opening()
    for text in answers:
        turn = session.step(text)
    return turn


FI_START = (
    "Kukkakauppa Ruusu, myydään kukkia ja kimppuja paikallisille",
    "Sari, 45, kiireinen kahden lapsen äiti",
    "haluaa nätin kimpun nopeesti, turhauttaa jonottaminen",
    "käy",
)


def test_every_answer_is_read_back_and_nothing_said_stores_nothing(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    turn = _to(session, *FI_START)
    assert turn.expects is Expects.TOUCHPOINTS and turn.stage == "Löytäminen"
    turn = session.step("instagram ja google")
    assert turn.text.startswith("Kirjasin – vaiheeseen Löytäminen: Instagram, Google")
    assert (turn.expects, turn.slot_key) == (Expects.TOUCHPOINT_DETAIL, "problems")
    assert turn.choices[0] == "ei ongelmia" and turn.to_json()["choices"] == turn.choices
    before = session.journey
    turn = session.step("ei mitää erityistä")  # a typo, and still "nothing"
    assert session.journey == before
    assert turn.text.startswith("Selvä, ei kirjattavaa")
    assert turn.expects is Expects.TOUCHPOINTS and turn.stage == "Arviointi"


def test_a_problem_is_read_back_with_its_touchpoint_and_marked_changed(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    _to(session, *FI_START, "instagram ja google")
    turn = session.step("instagramissa ei näy hintoja ja se ärsyttää")
    assert "kohtaan Instagram: kipupiste" in turn.text
    assert turn.changed == ["touchpoint:Löytäminen/Instagram"]
    assert session.journey.stages[0].touchpoints[0].pain_points


def test_a_correction_changes_only_its_field_and_repeats_the_pending_question(
    deps: Deps,
) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    turn = _to(session, *FI_START, "instagram ja google")
    pending = (turn.expects, turn.slot_key, turn.stage)
    persona = session.journey.persona
    turn = session.step("korjaa: persoonan nimi on Markku")
    assert turn.text.startswith("Korjasin: persoonan nimi on nyt Markku")
    assert session.journey.persona.name == "Markku"
    assert session.journey.persona.goals == persona.goals  # nothing else changed
    assert (turn.expects, turn.slot_key, turn.stage) == pending  # asked again, not lost
    turn = session.step("poista google")
    assert [t.name for t in session.journey.stages[0].touchpoints] == ["Instagram"]
    assert (turn.expects, turn.slot_key, turn.stage) == pending
    turn = session.step("hetkinen, lisää vaihe Suosittelu loppuun")
    assert [s.name for s in session.journey.stages][-1] == "Suosittelu"
    assert (turn.expects, turn.slot_key, turn.stage) == pending


def test_what_cannot_be_applied_is_said_plainly(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    turn = _to(session, *FI_START, "instagram ja google")
    pending = (turn.expects, turn.slot_key, turn.stage)
    before = session.journey
    turn = session.step("poista tiktok")  # no such touchpoint: not an edit, an answer
    turn = session.step("korjaa: siirrä facebook vaiheeseen Hankinta")
    assert "Kartta-sivulla" in turn.text or "En osannut" in turn.text
    assert session.journey.stages[0].touchpoints == before.stages[0].touchpoints or pending


def test_a_question_mid_flow_changes_nothing_and_resumes(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    turn = _to(session, *FI_START, "instagram ja google")
    before = session.journey
    again = session.step("mikä on kosketuspiste?")
    assert session.journey == before
    assert (again.expects, again.slot_key, again.stage) == (turn.expects, turn.slot_key, turn.stage)


EN_ANSWERS = {
    "offering": "Brew Brothers, a coffee roastery selling beans online to home baristas",
    "business_type": "consumers",
    "description": "Emma, 32, works in marketing",
    "goals": "she wants great coffee at home; hates slow delivery",
    "stages": "fine",
}
EN_STAGE = {
    "Discovery": ("instagram and google", "no problems"),
    "Evaluation": ("web shop and checkout", "shipping costs surprise people at checkout"),
    "Acquisition": ("delivery", "nothing really"),
    "Adventure": ("newsletter", "none"),
    "Engagement": ("reorder email", "no problems"),
}


def test_emotions_with_numbers_and_words_and_progress_stays_honest(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.EN)
    turn = session.opening()
    for _ in range(20):
        if turn.slot_key == "emotions":
            break
        if turn.stage in EN_STAGE:
            text = EN_STAGE[turn.stage][0 if turn.slot_key == "touchpoints" else 1]
        else:
            text = EN_ANSWERS[turn.slot_key]
        turn = session.step(text)
        assert turn.progress < 1.0
    assert (turn.expects, turn.slot_key) == (Expects.TOUCHPOINT_DETAIL, "emotions")
    turn = session.step("instagram +1, google 0, checkout -2, the rest ok")
    tps = {t.name: t.emotion for _, t in session.journey.touchpoints()}
    assert tps["Instagram"] == 1 and tps["Google"] == 0 and tps["Checkout"] == -2
    assert all(v == 0 for k, v in tps.items() if k not in ("Instagram", "Google", "Checkout"))
    assert turn.progress < 1.0


def test_a_long_answer_naming_things_is_an_answer_and_nothing_loops(deps: Deps) -> None:
    """A list of feelings with "ei" in it is no correction; and even a message read as a
    correction is an answer when it comes twice in a row: the interview always moves on."""
    session = open_session(deps=deps, lang=Lang.FI)
    turn = session.opening()
    answers = {
        "offering": "Pyöräpaja Vauhti, korjataan pyöriä kuluttajille",
        "description": "Matti, 40, työmatkapyöräilijä",
        "goals": "haluaa pyörän nopeasti kuntoon",
        "stages": "käy",
    }
    stage_answers = {"touchpoints": "puhelin ja kassa", "problems": "ei ongelmia"}
    for _ in range(25):
        if turn.slot_key == "emotions":
            break
        turn = session.step(answers.get(turn.slot_key) or stage_answers[turn.slot_key])
    assert turn.slot_key == "emotions"
    text = "puhelin -2 kun ei vastata heti, kassa +1 ja muut ihan ok"
    after = session.step(text)
    assert after.slot_key != "emotions", after.text
    tps = {t.name: t.emotion for _, t in session.journey.touchpoints()}
    assert tps["Puhelin"] == -2 and tps["Kassa"] == 1


def test_a_soft_opening_before_an_answer_is_an_answer(deps: Deps) -> None:
    """ "ai niin, ..." without anything to correct answers the question asked; it never
    replaces the previous answer."""
    session = open_session(deps=deps, lang=Lang.FI)
    turn = _to(session, *FI_START, "instagram ja google", "ei ongelmia")
    assert turn.expects is Expects.TOUCHPOINTS and turn.stage == "Arviointi"
    turn = session.step("ai niin, nettisivut ja facebook")
    names = {s.name: [t.name for t in s.touchpoints] for s in session.journey.stages}
    assert names["Löytäminen"] == ["Instagram", "Google"]
    assert names["Arviointi"] == ["Nettisivut", "Facebook"]
    assert turn.slot_key == "problems" and turn.stage == "Arviointi"


def test_an_edit_of_something_not_on_the_map_is_never_stored(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    turn = _to(session, *FI_START, "instagram ja google")
    before = session.journey
    again = session.step("poista facebook, ei me sitä oikeesti päivitetä")
    assert session.journey == before  # no "poista facebook" pain point
    assert "En osannut tehdä tätä muutosta" in again.text
    assert (again.slot_key, again.stage) == (turn.slot_key, turn.stage)


def test_a_request_naming_nothing_in_the_map_is_no_answer_to_the_pending_question(
    deps: Deps,
) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    turn = _to(session, *FI_START, "instagram ja google")
    pending = (turn.expects, turn.slot_key, turn.stage)
    before = session.journey
    # No "lasku" anywhere in the map: the request cannot be applied, and it is not the
    # answer to "what causes friction here?" either.
    turn = session.step("Lasku kuuluu oikeastaan Hankintaan. Siirtäisitkö sen sinne?")
    assert turn.text.startswith("En osannut tehdä tätä muutosta")
    assert (turn.expects, turn.slot_key, turn.stage) == pending
    assert session.journey == before
    turn = session.step("instagramissa ei näy hintoja")
    assert "kohtaan Instagram: kipupiste" in turn.text


def test_take_it_out_is_an_edit_even_when_nothing_matches(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    turn = _to(session, *FI_START, "instagram ja google")
    before = session.journey
    again = session.step("ota lehti-ilmoitus pois, se lopetettiin")
    assert session.journey == before  # never a touchpoint "Lehti-ilmoitus" or a pain point
    assert "En osannut tehdä tätä muutosta" in again.text
    assert (again.slot_key, again.stage) == (turn.slot_key, turn.stage)
    removed = session.step("hetkinen, ota google pois")
    assert [t.name for t in session.journey.stages[0].touchpoints] == ["Instagram"]
    assert (removed.slot_key, removed.stage) == (turn.slot_key, turn.stage)


def test_a_filler_before_an_edit_of_nothing_on_the_map_keeps_it_an_edit(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    turn = _to(session, *FI_START, "instagram ja google")
    before = session.journey
    again = session.step("hmm, jätä takuu pois, siinä ei tapahdu mitään")
    assert session.journey == before  # never a touchpoint "Hmm" or a pain point
    assert "En osannut tehdä tätä muutosta" in again.text
    assert (again.slot_key, again.stage) == (turn.slot_key, turn.stage)


def test_a_family_as_the_typical_customer_of_a_b2b_answer_makes_it_both(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    _to(session, "Järvitupa, vuokrataan mökkejä yrityksille virkistyspäiviin")
    assert session.journey.business.business_type == "b2b"
    session.step("lapsiperhe pääkaupunkiseudulta, äiti hoitaa varaukset")
    assert session.journey.business.business_type == "both"


def test_a_role_as_the_typical_customer_keeps_b2b(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    _to(session, "Kantola Oy, vuokrataan varastotyöntekijöitä logistiikkafirmoille")
    session.step("logistiikkakeskuksen vuoropäällikkö Jari, 45")
    assert session.journey.business.business_type == "b2b"


def test_an_afterthought_adds_a_place_and_the_problems_question_comes_again(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    turn = _to(session, *FI_START, "instagram ja google", "ei ongelmia", "nettisivut")
    assert (turn.slot_key, turn.stage) == ("problems", "Arviointi")
    again = session.step("ai niin, unohtu et asiakkaat tulee myös facebookista")
    assert again.text.startswith("Kirjasin – vaiheeseen Arviointi: Facebook")
    assert (again.slot_key, again.stage) == ("problems", "Arviointi")
    assert not any(t.pain_points for _, t in session.journey.touchpoints())
    # Not a place: an afterthought about a problem is the answer to the problems question.
    session.step("ai niin, myös hinnat puuttuu sivuilta")
    assert any(t.pain_points for _, t in session.journey.touchpoints())


def test_an_english_afterthought_adds_a_place(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.EN)
    turn = _to(
        session,
        "Bloom, a flower shop selling bouquets to locals",
        "Sara, 40, busy mum",
        "wants flowers fast, hates queues",
        "fine",
        "instagram and google",
    )
    assert (turn.slot_key, turn.stage) == ("problems", "Discovery")
    again = session.step("oh and I forgot: Facebook")
    assert "Facebook" in again.text and (again.slot_key, again.stage) == ("problems", "Discovery")


def _at_critical(deps: Deps) -> Any:
    """A Finnish session whose places are Puhelin and Kassa, at the critical question."""
    session = open_session(deps=deps, lang=Lang.FI)
    turn = _to(session, *FI_START)
    said = {"touchpoints": "puhelin ja kassa", "problems": "ei ongelmia", "emotions": "ok"}
    while turn.slot_key != "critical":
        turn = session.step(said.get(turn.slot_key or "", "ei mitään"))
    return session


def test_one_more_critical_place_right_after_the_critical_answer(deps: Deps) -> None:
    session = _at_critical(deps)
    turn = session.step("kassa")
    pending = (turn.expects, turn.slot_key)
    assert pending[1] == "first_impression"
    turn = session.step("ja puhelin myös")
    assert turn.text.startswith("Kirjasin") and "kriittinen" in turn.text
    assert (turn.expects, turn.slot_key) == pending  # the impression is asked again
    critical = {t.name for _, t in session.journey.touchpoints() if t.critical}
    assert critical == {"Kassa", "Puhelin"}
    assert not session.journey.first_impression


def test_one_more_critical_place_said_with_its_weight_is_no_first_impression(
    deps: Deps,
) -> None:
    """ "ai niin ja kassa! se on tärkee koska …" right after the critical answer was stored
    as the first impression ("ja kassa!") and the last memory."""
    session = _at_critical(deps)
    turn = session.step("puhelin")
    pending = (turn.expects, turn.slot_key)
    turn = session.step("ai niin ja kassa! se on tärkee koska siinä maksetaan")
    assert "kriittinen" in turn.text and (turn.expects, turn.slot_key) == pending
    critical = {t.name for _, t in session.journey.touchpoints() if t.critical}
    assert critical == {"Kassa", "Puhelin"}
    assert not session.journey.first_impression and not session.journey.last_memory


def test_a_place_added_to_a_stage_is_an_edit_and_the_question_is_asked_again(
    deps: Deps,
) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    turn = _to(session, *FI_START, "instagram ja google", "ei ongelmia", "verkkosivut")
    pending = (turn.expects, turn.slot_key, turn.stage)
    turn = session.step("ai niin, moni tulee myös suoraan kauppaan, lisää myymälä löytämiseen")
    assert turn.text.startswith("Korjasin: lisäsin kohdan Myymälä vaiheeseen Löytäminen")
    assert (turn.expects, turn.slot_key, turn.stage) == pending
    first = session.journey.stages[0]
    assert [t.name for t in first.touchpoints] == ["Instagram", "Google", "Myymälä"]
    assert not any(t.pain_points for _, t in session.journey.touchpoints())
    # a place the map already has is not added twice: it moves, or nothing changes
    turn = session.step("lisää instagram löytämiseen")
    assert [t.name for t in session.journey.stages[0].touchpoints].count("Instagram") == 1


def test_a_place_named_again_with_a_feeling_is_added_where_it_was_first_said(
    deps: Deps,
) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    turn = _to(
        session,
        "Paahtimo Kaarna, myydään kahvipapuja kahviloille",
        "Minna, 40, kahvilayrittäjä",
        "haluaa hyvää kahvia, turhauttaa laadun vaihtelu",
        "käy",
        "instagram",
        "ei ongelmia",
        "Lähetämme näytepaketin ja sen jälkeen järjestän maistatuksen paikan päällä.",
    )
    while turn.slot_key != "emotions":
        turn = session.step("ei ongelmia" if turn.slot_key == "problems" else "ohita")
    session.step("instagram 0, näytepaketti +1, maistatus on yleensä +2, hinta ärsyttää -1")
    harkinta = session.journey.stages[1]
    feelings = {t.name: t.emotion for t in harkinta.touchpoints}
    assert feelings.get("Maistatus") == 2
    assert "Hinta" not in {t.name for _, t in session.journey.touchpoints()}


def test_named_again_finds_the_stage_where_the_place_was_said() -> None:
    from assistant.brains.offline.named_again import named_again
    from assistant.model import JourneyMap, Stage, Touchpoint

    journey = JourneyMap(
        language="fi",
        stages=[
            Stage(name="Tietoisuus", touchpoints=[Touchpoint(name="Messut")]),
            Stage(name="Harkinta", touchpoints=[Touchpoint(name="Näytepaketti")]),
            Stage(name="Tuki", touchpoints=[Touchpoint(name="Puhelin")]),
        ],
    )
    heard = {
        "Harkinta": "Lähetämme näytepaketin ja sen jälkeen järjestän maistatuksen.",
        "Tuki": "Pidämme baristakoulutuksen ja säädämme myllyn. Hinta on asia erikseen.",
    }
    found = named_again(
        "Maistatus ja baristakoulutus, hinta myös", journey=journey, heard=heard, lang="fi"
    )
    assert [(t.stage, t.name) for t in found] == [
        ("Harkinta", "Maistatus"),
        ("Tuki", "Baristakoulutus"),
    ]
    # a place the map has, a stage, and a word never said as a place are not added
    assert named_again("näytepaketti +1, tuki 0", journey=journey, heard=heard, lang="fi") == []


def test_a_repair_shops_answer_is_no_correction_and_a_failing_correction_never_loops(
    deps: Deps,
) -> None:
    """ "korjataan paikan päällä" says what a repair shop does (a blind interview looped here:
    read as a correction that could not be applied, asked again, sent again). And a message
    read as a correction that cannot be applied is the answer when it comes again."""
    session = open_session(deps=deps, lang=Lang.FI)
    turn = _to(session, *FI_START)
    assert turn.slot_key == "touchpoints"
    turn = session.step("korjataan paikan päällä tai tuodaan hallille, asiakas saa tekstarin")
    assert "En osannut" not in turn.text
    assert turn.slot_key != "touchpoints" or turn.stage != session.journey.stages[0].name
    names = [t.name for _, t in session.journey.touchpoints()]
    assert "Tekstiviesti" in names or "Tekstari" in names, names
    asked = (turn.slot_key, turn.stage)
    failing = "korjaa: siirrä tiktok vaiheeseen Hankinta"  # no TikTok on the map
    first = session.step(failing)
    assert "En osannut" in first.text and (first.slot_key, first.stage) == asked
    second = session.step(failing)
    assert "En osannut" not in second.text or (second.slot_key, second.stage) != asked
