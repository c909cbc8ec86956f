"""Touchpoint names from whole clauses, verbs and inflections (table-driven)."""

from __future__ import annotations

import pytest

from assistant.lang.lists import is_inflection, name_items
from assistant.lang.phrases import channel_verb, is_verb, touchpoint_names


def names(text: str, lang: str) -> list[str]:
    return [n for n, _ in touchpoint_names(text, lang=lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the object or place after the verb names the touchpoint
        (
            "He katsovat verkkosivujamme ja lukevat arvosteluja.",
            "fi",
            ["Verkkosivut", "Arvostelut"],
        ),
        ("Tilaus tehdään kassalla.", "fi", ["Kassa"]),
        ("Asiakkaat löytävät meidät Facebookista.", "fi", ["Facebook"]),
        ("Tapahtuman jälkeen lähetämme kyselyn.", "fi", ["Kysely"]),
        ("Asiakas pyytää tarjouksen.", "fi", ["Tarjous"]),
        # with "olla" (or nothing after the verb) the subject is the name
        ("Tapahtumapäivä on tärkein hetki.", "fi", ["Tapahtumapäivä"]),
        ("Kanta-asiakaskortti tuo ihmiset takaisin.", "fi", ["Kanta-asiakaskortti"]),
        # a when-clause after "what happens" names where; a relative clause is dropped
        ("Kauppa syntyy, kun sopimus allekirjoitetaan.", "fi", ["Sopimus"]),
        ("Pidämme palaverin, jossa käydään läpi mitä opittiin.", "fi", ["Palaveri"]),
        ("Pöytiintarjoilu on se hetki, kun asiakas kokee kahvilan.", "fi", ["Pöytiintarjoilu"]),
        # a genitive before "kautta" goes with the postposition
        ("Tilaukset tulevat mobiilitilauksena sovelluksen kautta.", "fi", ["Mobiilitilaus"]),
        # plain lists keep working
        (
            "Instagram, Facebook ja kaverin suositus",
            "fi",
            ["Instagram", "Facebook", "Kaverin suositus"],
        ),
        # English: past the subject and verb, up to a preposition
        ("They book a demo and start a free trial.", "en", ["Demo", "Free trial"]),
        (
            "We hold a quarterly account review with each client.",
            "en",
            ["Quarterly account review"],
        ),
        ("People hear about us on LinkedIn.", "en", ["LinkedIn"]),
        ("Our newsletter keeps them coming back.", "en", ["Newsletter"]),
        ("Payment happens at the checkout.", "en", ["Checkout"]),
        ("Customer support is where we help them.", "en", ["Customer support"]),
    ],
)
def test_touchpoint_names_are_noun_phrases(text: str, lang: str, expected: list[str]) -> None:
    assert names(text, lang) == expected


@pytest.mark.parametrize(
    ("word", "verb"),
    [
        ("katsovat", True),
        ("huomataan", True),
        ("pyytää", True),
        ("allekirjoitetaan", True),
        ("lähetämme", True),
        ("Instagram", False),
        ("verkkosivujamme", False),
        ("kassalla", False),
        ("tapahtumapäivä", False),
        ("karttahausta", False),
        ("hetki", False),
    ],
)
def test_is_verb(word: str, verb: bool) -> None:
    assert is_verb(word) is verb


@pytest.mark.parametrize(
    ("word", "base", "expected"),
    [
        ("kassalla", "kassa", True),
        ("verkkosivujamme", "verkkosivu", True),
        ("referensseihin", "referenssi", True),
        ("messuilla", "messu", True),
        ("kassa", "kassa", False),
        ("tapahtumapäivä", "tapahtuma", False),
        ("instagram", "insta", False),
    ],
)
def test_is_inflection(word: str, base: str, expected: bool) -> None:
    assert is_inflection(word, base) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tapahtumapäivä", ["Tapahtumapäivä"]),  # a compound is not the channel it starts like
        ("palaveri", ["Palaveri"]),
        ("demo", ["Demo"]),
        ("facebok", ["Facebook"]),  # a typo still is
        ("asiakastuki", ["Asiakastuki"]),
    ],
)
def test_users_own_word_stays_unless_it_is_the_channel(text: str, expected: list[str]) -> None:
    assert [n for n, _ in name_items(text, lang="fi")] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("soitan keväällä et pestäänkö taas", "fi", ("Puhelu", "puhelin")),
        ("i call them every spring", "en", ("Phone call", "puhelin")),
        ("ei me olla instassa", "fi", None),
        ("keväällä pesu", "fi", None),
    ],
)
def test_a_verb_names_the_channel_when_nothing_else_does(
    text: str, lang: str, expected: tuple[str, str] | None
) -> None:
    said = channel_verb(text, lang)
    assert (said[0], said[1].key) == expected if said else expected is None


def test_two_known_channels_without_a_comma_are_two_touchpoints() -> None:
    assert [n for n, _ in name_items("ig fb", lang="fi")] == ["Instagram", "Facebook"]
    assert len(name_items("google maps", lang="fi")) == 1  # one channel of its own
