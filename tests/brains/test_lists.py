"""List answers: splitting, base forms of inflected names, channel guesses, typos."""

from __future__ import annotations

import pytest

from assistant.lang.lists import name_items, split_items


def names(text: str, lang: str = "fi") -> list[str]:
    return [n for n, _ in name_items(text, lang=lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Instagramin, Googlen ja kaverin suosituksen kautta",
            ["Instagram", "Google", "Kaverin suositus"],
        ),
        ("Googlesta, Facebookissa ja verkkosivuilla", ["Google", "Facebook", "Verkkosivut"]),
        ("messuilla sekä myymälässä", ["Messut", "Myymälä"]),
        ("- TikTok\n- uutiskirje\n- puhelimella", ["TikTok", "Uutiskirje", "Puhelin"]),
        ("• LinkedIn • sähköpostilla", ["LinkedIn", "Sähköposti"]),
        ("instagarm tai facebok", ["Instagram", "Facebook"]),
        ("Woltin kautta; kassalla", ["Wolt", "Kassa"]),
        ("Wolt:ssa", ["Wolt"]),
        ("chatissa ja asiakaspalveluun", ["Chat", "Asiakaspalvelu"]),
        ("Instagram, Instagramissa", ["Instagram"]),
        ("Google Mapsista ja kavereiden suosituksista", ["Google Maps", "Kavereiden suositus"]),
        ("lounaslista verkkosivuilla", ["Lounaslista verkkosivuilla"]),
        ("Google-arvostelut ja Facebook-ryhmä", ["Google-arvostelut", "Facebook-ryhmä"]),
        # Compounds the dictionary cuts short ("karttahaun" -> "kartta") or lacks:
        (
            "Googlen karttahaun ja myymälän kassajonossa",
            ["Googlen karttahaku", "Myymälän kassajono"],
        ),
        ("karttahaun kautta", ["Karttahaku"]),
        ("tapahtumapäivänä ja tapahtumapäivä", ["Tapahtumapäivä"]),
    ],
)
def test_finnish_lists_become_base_forms(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Instagram, Google and word of mouth", ["Instagram", "Google", "Word of mouth"]),
        ("our website; the newsletter\nphone", ["Website", "Newsletter", "Phone"]),
        ("fairs or our shop", ["Trade fair", "Shop"]),
        ("1. Facebook 2. TikTok", ["Facebook", "TikTok"]),
    ],
)
def test_english_lists(text: str, expected: list[str]) -> None:
    assert names(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Instagram", "digital"),
        ("verkkokaupassa", "digital"),
        ("messuilla", "physical"),
        ("myymälässä", "physical"),
        ("puhelimella", "human"),
        ("kaverin suosituksen kautta", "human"),
        ("customer service", "human"),
        ("newsletter", "digital"),
        ("Google-arvostelut", "digital"),
    ],
)
def test_channel_guess(text: str, kind: str) -> None:
    [(_, entry)] = name_items(text, lang="fi")
    assert entry is not None and entry.kind == kind


def test_unknown_words_keep_the_users_text() -> None:
    assert names("Lähikirppis") == ["Lähikirppis"]


def test_split_ignores_punctuation_only_items() -> None:
    assert split_items(" , ; ja \n - ") == []


@pytest.mark.parametrize("text", ["", "🙂🙂", "<script>alert(1)</script>", "x" * 20000, "ja ja ja"])
def test_odd_input_does_not_crash(text: str) -> None:
    items = names(text)
    assert all("<" not in n for n in items)
    assert len(items) <= 20


def test_a_short_word_without_a_vowel_is_an_abbreviation_in_capitals() -> None:
    from assistant.lang.lists import name_items

    assert [n for n, _ in name_items("dm, crm ja pdf-lasku", lang="fi")] == [
        "DM",
        "CRM",
        "PDF-lasku",
    ]
    # written with capitals of its own, a title, or a word with a vowel: as written
    assert [n for n, _ in name_items("Instagram DMs, Mr Smith, api", lang="en")] == [
        "Instagram DMs",
        "Mr Smith",
        "Api",
    ]
