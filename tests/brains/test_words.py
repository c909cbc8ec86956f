"""Fuzzy matching of known words: inflection and typos, without false friends."""

from __future__ import annotations

import pytest

from assistant.lang.words import clean, fuzzy_equal, strip_name


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("kosketsupiste", "kosketuspiste"),
        ("kosketsupisteessä", "kosketuspiste"),
        ("instagarm", "instagram"),
        ("instagarmissa", "instagram"),
        ("verkkosivuila", "verkkosivut"),
        ("kasa", "kassa"),
        ("kassalla", "kassa"),
        ("messuilta", "messut"),
        ("newsleter", "newsletter"),
    ],
)
def test_matches(word: str, form: str) -> None:
    assert fuzzy_equal(word, form)


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("kassi", "kassa"),
        ("kauppa", "kassa"),
        ("google", "facebook"),
        ("ja", "chat"),
        ("hinta", "haku"),
    ],
)
def test_no_false_friends(word: str, form: str) -> None:
    assert not fuzzy_equal(word, form)


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("Facebookissa", "Facebook"),
        ("Googlesta", "Google"),
        ("Wolt:ssa", "Wolt"),
        ("Woltin", "Wolt"),
        ("Zoom", "Zoom"),
    ],
)
def test_strip_name(word: str, base: str) -> None:
    assert strip_name(word) == base


def test_clean_removes_markup_and_caps_length() -> None:
    assert clean("<b>hei</b>\x00 <script>x</script>").split() == ["hei", "x"]
    assert len(clean("a" * 100000)) == 4000


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("karttahaun", "karttahaku"),  # a compound the dictionary lacks, inflected
        ("asiakastilillä", "asiakastili"),
        ("baaritiski", "baaritiski"),  # already a base form: never "baarit|iskeä"
        ("baaritiskillä", "baaritiski"),
    ],
)
def test_compound_base_forms(word: str, base: str) -> None:
    from assistant.lang.lists import base_form

    assert base_form(word, lang="fi") == base
