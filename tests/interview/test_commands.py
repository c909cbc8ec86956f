"""Command and question detection, fi and en, with small typos."""

from __future__ import annotations

import pytest

from assistant.interview.commands import Kind, asks_for_change, detect, is_confirmation


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ohita", Kind.SKIP),
        ("Ohitaa.", Kind.SKIP),
        ("skip", Kind.SKIP),
        ("en tiedä", Kind.SKIP),
        ("takaisin", Kind.BACK),
        ("takasin!", Kind.BACK),
        ("go back", Kind.BACK),
        ("valmis", Kind.DONE),
        ("Done.", Kind.DONE),
        ("korjaa", Kind.FIX),
        ("fix the persona", Kind.FIX),
        ("mikä on kosketuspiste?", Kind.QUESTION),
        ("What is a touchpoint", Kind.QUESTION),
        ("Myymme kahvia kuluttajille.", Kind.ANSWER),
        ("What we sell is coffee to offices", Kind.ANSWER),
        ("Skip the intro, we sell bikes to families in Espoo and Vantaa", Kind.ANSWER),
        # spoken questions without a question mark; "mitä nyt X" is an answer ("just X")
        ("kauanko tää kestää", Kind.QUESTION),
        ("tarviiko näihin laittaa kaikki vai vaan tärkeimmät", Kind.QUESTION),
        ("mitä nyt instagram ja google", Kind.ANSWER),
        # a polite request for a change is no question to the assistant
        ("Seikkailu ei tunnu oikealta. Voisimmeko kutsua sitä nimellä Järjestelyt?", Kind.ANSWER),
        ("can we rename Adventure to Delivery?", Kind.ANSWER),
        ("Could you explain what a touchpoint is?", Kind.QUESTION),
        ("voinko lisätä vaiheen myöhemmin?", Kind.QUESTION),
        # a question about the method, after context too, is asked of the assistant
        (
            "Quick question: should the artists themselves count as a touchpoint? "
            "They're not really 'us'.",
            Kind.QUESTION,
        ),
        ("Kassalla on jono. Onko se kosketuspiste vai kipupiste?", Kind.QUESTION),
        ("Siirtäisitkö sen sinne?", Kind.ANSWER),
        ("let's call him Dave. facilities manager", Kind.ANSWER),
        # a short "what do I do?" after the problem asks for advice; "what else?" does not
        ("Tosi moni jättää ostoskorin kesken. Mitä teen?", Kind.QUESTION),
        ("Our booking form is long. What should I do?", Kind.QUESTION),
        ("Myymme kahvia. Mitä muuta?", Kind.ANSWER),
        # a command word is a command only alone or with a filler; followed by what it names
        # it is an answer: "valmis suunnitelma" (a finished plan) ended an interview, and
        # "hinta" (price) was read as a typo of "ohita" (skip)
        ("ohita tämä", Kind.SKIP),
        ("skip this one", Kind.SKIP),
        ("done for now", Kind.DONE),
        ("valmis, kiitos", Kind.DONE),
        ("valmis suunnitelma pdf + istutusluettelo", Kind.ANSWER),
        ("finished product photos", Kind.ANSWER),
        ("seuraava vaihe on asennus", Kind.ANSWER),
        ("hinta mietityttää", Kind.ANSWER),
        ("hinta", Kind.ANSWER),
        # a repair shop says what it does with the words of a correction: only "korjaa"
        # always, "korjataan"/"korjaan" before a colon, alone or before "vielä"
        ("korjataan paikan päällä, iso vaurio hallissa", Kind.ANSWER),
        ("korjaan pienet jutut samana päivänä", Kind.ANSWER),
        ("korjaamme pihalla", Kind.ANSWER),
        ("korjataan: nimi on Markku", Kind.FIX),
        ("korjataan vielä persoonan nimi", Kind.FIX),
        ("korjaan", Kind.FIX),
    ],
)
def test_detect(text: str, kind: Kind) -> None:
    assert detect(text).kind is kind


def test_fix_keeps_the_text_after_the_command() -> None:
    cmd = detect("korjaa: vaiheet ovat Haku, Ostos, Käyttö")
    assert cmd.kind is Kind.FIX and cmd.rest == "vaiheet ovat Haku, Ostos, Käyttö"


@pytest.mark.parametrize("text", ["kyllä", "Joo, näyttää hyvältä", "ok", "yes", "looks good"])
def test_confirmations(text: str) -> None:
    assert is_confirmation(text)


def test_an_answer_is_not_a_confirmation() -> None:
    assert not is_confirmation("Lisää vaiheeseen Haku vielä Facebook-ryhmä ja messut Tampereella")


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("siirrä se Ostoon", True),
        ("Lasku kuuluu oikeastaan Hankintaan.", True),
        ("the invoice actually belongs in Booking", True),
        ("Could you move it there?", True),
        ("Hintaan kuuluu toimitus", False),
        ("Vaihtelee, joskus hyvä", False),
        ("lisää asiakkaita tulee somesta", False),
    ],
)
def test_a_message_that_asks_for_a_change(text: str, asks: bool) -> None:
    assert asks_for_change(text) is asks
