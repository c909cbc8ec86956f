"""The learned touchpoint tagger: what it names, how it joins the rules, and that the
rules alone still work without it. Its accuracy is measured by
benchmarks/touchpoint_tagger.py (leave-one-set-out) and the understanding benchmark."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.brains.offline import understand as U
from assistant.lang import tagger as T
from assistant.model import JourneyMap, Lang

ROOT = Path(__file__).resolve().parents[2]


def names(text: str, lang: str = "fi", stage: str = "Arviointi") -> list[str]:
    found = U._touchpoints(text, stage=stage, lang=Lang(lang), journey=JourneyMap())
    return [t.name for t in found]


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(T, "MODEL", Path("/nonexistent/touchpoints.crfsuite"))
    T._tagger.cache_clear()
    yield
    T._tagger.cache_clear()


def test_the_model_ships_and_loads() -> None:
    assert T.MODEL.is_file()
    assert T.tagged_names("ig ja google", lang="fi") == ["Instagram", "Google"]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        # words around a name stay out of it (the rules gave "Kun", "Miten", "Quote as")
        (
            "Kuukausilaskut, ja sit mä soitan kerran kvartaalissa ja kysyn miten menee.",
            "fi",
            {"Kuukausilaskut"},
        ),
        (
            "lasku ja 5 vuoden päästä muistutuskirje seuraavasta hoidosta",
            "fi",
            {"Lasku", "Muistutuskirje"},
        ),
        (
            "Our website with the tutor profiles, and Google reviews.",
            "en",
            {"Website"},
        ),
    ],
)
def test_names_without_the_words_around_them(text: str, lang: str, want: set[str]) -> None:
    got = set(T.tagged_names(text, lang=lang) or [])
    assert want <= got
    assert not {"Kun", "Miten", "5", "Menee", "Our", "With", "Our website"} & got


def test_known_channels_only_the_rules_find_are_kept() -> None:
    # "soitan" names the phone by its verb: no span of words gives "Puhelu", the rules do
    assert T.tagged_names("soitan keväällä et pestäänkö taas", lang="fi") == []
    assert names("soitan keväällä et pestäänkö taas") == ["Puhelu"]


def test_a_proper_name_in_a_list_is_kept_though_the_tagger_passes_it_by() -> None:
    assert "Ravelry" in names("Instagram, Ravelry ja käsityömessut")
    # lower case, it is only a word: left to the tagger
    assert "Clean" not in names("watering, pruning, clean and a monthly visit")


def test_a_stage_named_first_is_left_to_that_stage() -> None:
    journey = JourneyMap.model_validate(
        {"stages": [{"name": "Löytäminen"}, {"name": "Arviointi"}, {"name": "Hankinta"}]}
    )
    found = U._touchpoints(
        "nettisivut. Hankinnassa kassa ja verkkokauppa",
        stage="Arviointi",
        lang=Lang.FI,
        journey=journey,
    )
    assert [t.name for t in found] == ["Nettisivut"]


def test_without_the_model_the_rules_name_touchpoints(no_model: None) -> None:
    assert T.tagged_names("ig ja google", lang="fi") is None
    assert names("ig ja google", stage="Löytäminen") == ["Instagram", "Google"]


def test_huge_and_empty_answers() -> None:
    assert T.tagged_names("", lang="fi") == []
    assert T.tagged_names("!!! ???", lang="en") == []
    long = "ig ja google. " * 2000
    assert T.tagged_names(long, lang="fi")[:2] == ["Instagram", "Google"]


@pytest.mark.slow
def test_training_writes_a_model_that_tags(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from benchmarks import touchpoint_tagger as B

    examples = B.table()[:60]
    assert examples, "the answer table has touchpoints rows"
    model = tmp_path / "m.crfsuite"
    B.train(examples, model)
    B.use(model)
    try:
        assert T.tagged_names("ig ja google", lang="fi") is not None
    finally:
        B.use(B.SHIPPED)
