"""The stages answer edits the proposed model in the words people use: several edits in
one message, the new stage named after its place, "call X Y"."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.brains.offline.stage_answer import parse_stages
from assistant.interview import Deps, open_session
from assistant.model import Business, JourneyMap, Lang
from assistant.turns import Expects

FI = ["Löytäminen", "Arviointi", "Hankinta", "Seikkailu", "Sitoutuminen"]
EN = ["Discovery", "Evaluation", "Acquisition", "Adventure", "Engagement"]


@pytest.mark.parametrize(
    ("lang", "text", "stages"),
    [
        (
            "fi",
            "muuten käy mut seikkailun tilalle Koulutus ja sitoutumisen tilalle Suosittelu",
            [*FI[:3], "Koulutus", "Suosittelu"],
        ),
        (
            "fi",
            "ok mut lisää hankinnan jälkeen vaihe Pyörän jättö, se on iso juttu. ja seikkailu pois",
            [*FI[:3], "Pyörän jättö", "Sitoutuminen"],
        ),
        ("fi", "seikkailu ja sitoutuminen pois", FI[:3]),
        # Session 6: merging, splitting, a place before the name, a translative new name.
        ("fi", "yhdistä löytäminen ja arviointi, nimellä Tutustuminen", ["Tutustuminen", *FI[2:]]),
        ("fi", "jaa seikkailu kahteen: matka ja muistelu", [*FI[:3], "Matka", "Muistelu", FI[4]]),
        ("fi", "lisää alkuun inspiraatio", ["Inspiraatio", *FI]),
        ("fi", "seikkailun vois nimetä vaikka käytöksi", [*FI[:3], "Käyttö", FI[4]]),
        ("fi", "1. mainos\n2. nettikauppa\n3. tilaus", ["Mainos", "Nettikauppa", "Tilaus"]),
        ("fi", "no käy kai, en mä keksi parempaakaan", FI),
        ("en", "merge discovery and evaluation into one called Research", ["Research", *EN[2:]]),
        (
            "fi",
            "arviointi ja hankinta vois olla yks vaihe, vaikka varaus",
            [FI[0], "Varaus", *FI[3:]],
        ),
        (
            "fi",
            "löytäminen vois olla hakeutuminen ja seikkailu laskettelu",
            ["Hakeutuminen", *FI[1:3], "Laskettelu", FI[4]],
        ),
        (
            "fi",
            "ihan ok, mut ehkä löytäminen -> huomaaminen ja seikkailu -> käyttö",
            ["Huomaaminen", *FI[1:3], "Käyttö", FI[4]],
        ),
        ("fi", "vaihda hankinta ja seikkailu päittäin", [*FI[:2], FI[3], FI[2], FI[4]]),
        ("en", "fine but swap evaluation and engagement", [EN[0], EN[4], *EN[2:4], EN[1]]),
        ("en", "Evaluation is more like Tasting for us", [EN[0], "Tasting", *EN[2:]]),
        ("en", "split Adventure into Stay and Checkout", [*EN[:3], "Stay", "Checkout", EN[4]]),
        # Session 7: "X on Y" with a capitalised name, "X = Y", edits after an own list.
        (
            "fi",
            "joo, tosi lähellä. mut Seikkailu on meillä Tunnit ja Sitoutuminen on Ensi kausi. "
            "muuten ok",
            [*FI[:3], "Tunnit", "Ensi kausi"],
        ),
        (
            "fi",
            "löytäminen ja arviointi on meillä sama juttu, yhdistä ne ja nimeks löytäminen. "
            "hankinta = ajanvaraus ja seikkailu = käynti. sitoutuminen ok",
            [FI[0], "Ajanvaraus", "Käynti", FI[4]],
        ),
        ("fi", "seikkailu on ok, sitoutuminen on turha sana mut käy", FI),
        ("fi", "käy mut kolmannen nimeks Tilaus", [*FI[:2], "Tilaus", *FI[3:]]),
        (
            "en",
            "For us it goes like this: Lineup, Tickets, Getting there, Festival weekend, After. "
            "Actually, call 'After' 'Next summer', that's what it really is.",
            ["Lineup", "Tickets", "Getting there", "Festival weekend", "Next summer"],
        ),
        (
            "en",
            "see ad -> visit shop -> buy -> come back",
            ["See ad", "Visit shop", "Buy", "Come back"],
        ),
        (
            "en",
            "Could you maybe change Acquisition to Booking? Otherwise great",
            [*EN[:2], "Booking", *EN[3:]],
        ),
        ("en", "add after acquisition a stage called Onboarding", [*EN[:3], "Onboarding", *EN[3:]]),
        ("en", "mostly yes, but drop Adventure and call Engagement Loyalty", [*EN[:3], "Loyalty"]),
        ("en", "call Adventure Onboarding", [*EN[:3], "Onboarding", "Engagement"]),
        ("en", "fine", EN),
        (
            "en",
            "Those are close. I'd add a stage called Trial lesson between Evaluation and "
            "Acquisition, because that's where most people decide. The rest is fine.",
            [*EN[:2], "Trial lesson", *EN[2:]],
        ),
        (
            "fi",
            "muuten käy mut nimeäisin Löytämisen Inspiraatioksi ja Seikkailun Hääpäiväksi",
            ["Inspiraatio", *FI[1:3], "Hääpäivä", "Sitoutuminen"],
        ),
        (
            "fi",
            "Meillä vaiheet on: Inspiroituminen, Valinta, Tilaus, Käyttö ja Kierrätys. Eli "
            "vähän omat, kierrätys on meille tärkeä.",
            ["Inspiroituminen", "Valinta", "Tilaus", "Käyttö", "Kierrätys"],
        ),
        (
            "fi",
            "meil vaiheet on vaikka: Kuulee meistä, Eka käynti, Taproom-ilta. ei tarvii muuta",
            ["Kuulee meistä", "Eka käynti", "Taproom-ilta"],
        ),
        ("fi", "eka löytäminen, sit vertailu ja lopuksi osto", ["Löytäminen", "Vertailu", "Osto"]),
        # "it" is the stage the sentence (or the one before) named
        (
            "en",
            "hmm adventure sounds weird for a chair lol, call it Workshop. and engagement i "
            "dont really have, people come once, so drop that",
            [*EN[:3], "Workshop"],
        ),
        (
            "fi",
            "Muuten sopivat, mutta Seikkailu ei tunnu oikealta sanalta. Voisimmeko kutsua sitä "
            "nimellä Järjestelyt?",
            [*FI[:3], "Järjestelyt", "Sitoutuminen"],
        ),
        (
            "fi",
            "noi on jänniä nimiä. seikkailu vois olla näöntutkimus ja sitoutuminen vaik lasien "
            "nouto, muut saa jäädä",
            [*FI[:3], "Näöntutkimus", "Lasien nouto"],
        ),
        ("fi", "eli ota arviointi pois niin on selkeempi", [FI[0], *FI[2:]]),
        (
            "fi",
            "Käytän omia:\n1. Kiinnostus\n2. Kartoitus\n3. Tarjous",
            ["Kiinnostus", "Kartoitus", "Tarjous"],
        ),
        # Session 9: a passive drop with its reason after it, "enemmän niinku" before a new
        # name, "pannaan sen nimeks X".
        (
            "fi",
            "käy muuten mut hankinta on meillä reissu ja arviointi jätetään pois ne ostaa "
            "yleensä heti",
            [FI[0], "Reissu", *FI[3:]],
        ),
        ("fi", "arviointi voi jäädä pois", [FI[0], *FI[2:]]),
        (
            "fi",
            "hyvät muuten mut seikkailu on meillä enemmän niinku kurssit. pannaan sen nimeks "
            "Kurssit",
            [*FI[:3], "Kurssit", FI[4]],
        ),
    ],
)
def test_edits_of_the_proposed_model(lang: str, text: str, stages: list[str]) -> None:
    assert parse_stages(text, lang=lang, journey=JourneyMap(language=Lang(lang))) == stages


B2B_FI = ["Tietoisuus", "Harkinta", "Osto", "Palvelu", "Uskollisuus"]
B2B_EN = ["Awareness", "Consideration", "Purchase", "Service", "Loyalty"]


@pytest.mark.parametrize(
    ("lang", "text", "stages"),
    [
        (
            "en",
            "Mostly fine. Rename Purchase to Contract and Service to Support, and drop Loyalty.",
            [*B2B_EN[:2], "Contract", "Support"],
        ),
        (
            "fi",
            "aika hyvät. mut Palvelu on meillä Pesupäivä, ja lisää sen jälkeen Laskutus. "
            "uskollisuus ok",
            [*B2B_FI[:3], "Pesupäivä", "Laskutus", B2B_FI[4]],
        ),
        (
            "fi",
            "Nuo sopivat pääosin. Lisäisin Oston ja Palvelun väliin vaiheen Käyttöönotto, koska "
            "ensimmäiset viikot ovat meillä oma prosessinsa.",
            [*B2B_FI[:3], "Käyttöönotto", *B2B_FI[3:]],
        ),
        (
            "en",
            "Keep Awareness and Consideration, call Purchase 'Booking', call Service "
            "'Interpreting day', and drop Loyalty: most organisations only need us once.",
            [*B2B_EN[:2], "Booking", "Interpreting day"],
        ),
        (
            "fi",
            "Muuten hyvä, mutta nimeä Palvelu uudelleen: Siivousarki.",
            [*B2B_FI[:3], "Siivousarki", "Uskollisuus"],
        ),
        (
            "fi",
            "käy muuten mut uskollisuus pois, ja lisää oston jälkeen käyttöönotto",
            [*B2B_FI[:3], "Käyttöönotto", "Palvelu"],
        ),
        (
            "fi",
            "Muuten hyvät, mutta Harkinnan ja Oston väliin pitäisi lisätä Tarjous, koska se on "
            "meillä oma vaiheensa.",
            [*B2B_FI[:2], "Tarjous", *B2B_FI[2:]],
        ),
        ("en", "Fine, but add Advocacy as the last step.", [*B2B_EN, "Advocacy"]),
        # "se" in the second clause is the stage the first one added, never a new "Se"
        (
            "fi",
            "Ok muuten, mutta Oston jälkeen meillä on aina Asennus, eli lisää se Oston ja "
            "Palvelun väliin.",
            [*B2B_FI[:3], "Asennus", *B2B_FI[3:]],
        ),
    ],
)
def test_edits_of_the_business_model(lang: str, text: str, stages: list[str]) -> None:
    journey = JourneyMap(language=Lang(lang), business=Business(offering="x", business_type="b2b"))
    assert parse_stages(text, lang=lang, journey=journey) == stages


def _at_stages_question(deps: Deps) -> Any:
    """A Finnish interview of a bike shop, answered up to the stages question."""
    session = open_session(deps=deps, lang=Lang.FI)
    session.opening()
    for text in (
        "Pyöräpaja Ketju, huolletaan pyöriä työmatkapyöräilijöille",
        "Petri 42v, ajaa töihin",
        "haluaa että pyörä toimii, turhauttaa jonot",
    ):
        session.step(text)
    return session


def test_an_edit_of_the_proposal_is_the_stages_answer_not_a_correction(deps: Deps) -> None:
    session = _at_stages_question(deps)
    turn = session.step("ok mut lisää hankinnan jälkeen vaihe Pyörän jättö. ja seikkailu pois")
    assert [s.name for s in session.journey.stages] == [*FI[:3], "Pyörän jättö", "Sitoutuminen"]
    assert turn.expects is Expects.TOUCHPOINTS and turn.stage == "Löytäminen"


def test_the_same_question_twice_is_read_as_the_answer(deps: Deps) -> None:
    """A scripted or stubborn user who repeats a message the assistant took for a question
    meant it as the answer: the interview never loops on it."""
    session = _at_stages_question(deps)
    asked = "mitkä vaiheet olisi hyvä ottaa?"
    first = session.step(asked)
    assert first.expects is Expects.STAGES and not session.journey.stages
    second = session.step(asked)
    assert second.text != first.text  # read as the stages answer, not answered again


def test_after_two_unreadable_stage_answers_the_proposal_stands(deps: Deps) -> None:
    """A map without stages has nowhere to put touchpoints: the proposed model is used and
    the user is told how to change it."""
    session = open_session(deps=deps, lang=Lang.FI)
    session.opening()
    for text in (
        "Pyöräpaja Ketju, huolletaan pyöriä työmatkapyöräilijöille",
        "Petri 42v, ajaa töihin",
        "haluaa että pyörä toimii, turhauttaa jonot",
        "hmm vaikea sanoa kun kaikki menee vähän sekaisin meillä",
    ):
        session.step(text)
    assert not session.journey.stages
    turn = session.step("hmm vaikea sanoa kun kaikki menee vähän sekaisin meillä")
    assert [s.name for s in session.journey.stages] == FI
    assert "ehdotettuja vaiheita" in turn.text and turn.expects is Expects.TOUCHPOINTS


def test_a_question_asked_again_later_is_still_a_question(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    session.opening()
    for text in (
        "Pyöräpaja Ketju, huolletaan pyöriä työmatkapyöräilijöille",
        "Petri 42v, ajaa töihin",
    ):
        session.step(text)
    asked = "mikä on kosketuspiste?"
    assert "Jatketaan" in session.step(asked).text
    session.step("haluaa että pyörä toimii, turhauttaa jonot")
    assert "Jatketaan" in session.step(asked).text
