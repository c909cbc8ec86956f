"""prompts/offline/rules.fi.yaml and rules.en.yaml: the schema, the same rules in both, every
pattern compiling with the groups its handler reads, and precedence = the order in the file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import pytest

from assistant.brains.offline import rulebook as rules
from assistant.brains.offline.corrections import parse_edits
from assistant.brains.offline.edit_handlers import GROUPS, HANDLERS, Clause, Handler
from assistant.edits import Edit, Op
from assistant.model import JourneyMap, Lang, Stage, Touchpoint
from assistant.prompts import load_yaml

SECTIONS = ("rules", "stage_list")


def _clear() -> None:
    for f in (rules.rule_file, rules.words, rules.regex, rules.rules):
        f.cache_clear()


@pytest.fixture
def fresh() -> Iterator[None]:
    _clear()
    yield
    _clear()


def test_files_match_the_schema_with_no_unknown_keys() -> None:
    for lang in Lang:
        rules.RuleFile.model_validate(load_yaml(f"offline/rules.{lang.value}.yaml"))
    bad = {**load_yaml("offline/rules.fi.yaml"), "extra": 1}
    with pytest.raises(ValueError, match="extra"):
        rules.RuleFile.model_validate(bad)


@pytest.mark.parametrize("section", SECTIONS)
def test_both_languages_list_the_same_rules_in_the_same_order(section: str) -> None:
    fi, en = (getattr(rules.rule_file(lang), section) for lang in Lang)
    assert [r.name for r in fi] == [r.name for r in en]
    for a, b in zip(fi, en, strict=True):
        assert (a.op, a.each_pattern) == (b.op, b.each_pattern), a.name
        for r in (a, b):  # a rule a language lacks says so
            assert bool(r.patterns) != r.absent, r.name


def test_both_languages_have_the_same_word_lists() -> None:
    fi, en = (rules.rule_file(lang) for lang in Lang)
    assert fi.words.keys() == en.words.keys()
    assert fi.ordinals.keys() == en.ordinals.keys()


def _patterns() -> Iterator[tuple[str, str, str]]:
    for lang in Lang:
        for section in SECTIONS:
            for rule in getattr(rules.rule_file(lang), section):
                for p in rule.patterns:
                    yield lang.value, rule.name, p


@pytest.mark.parametrize(("lang", "name", "pattern"), list(_patterns()))
def test_every_pattern_compiles_with_the_groups_its_handler_reads(
    lang: str, name: str, pattern: str
) -> None:
    for slot in re.findall(r"\{([a-z_]+)\}", pattern):
        assert rules.words(slot), f"{slot} is empty in both languages"
    compiled = re.compile(rules.expand(pattern), re.IGNORECASE)
    groups = set(compiled.groupindex)
    assert any(need <= groups for need in GROUPS[name]), (lang, name, groups)


def test_every_rule_has_a_handler_and_every_handler_a_rule() -> None:
    assert [r.name for r in rules.rules()] == list(HANDLERS)
    names = [r.name for s in SECTIONS for r in rules.rules(s)]
    assert sorted(names) == sorted(GROUPS)


def test_compiled_rules_keep_the_file_order() -> None:
    for section in SECTIONS:
        listed = [r.name for r in getattr(rules.rule_file(Lang.FI), section)]
        assert [r.name for r in rules.rules(section)] == listed


def _shop() -> JourneyMap:
    j = JourneyMap(stages=[Stage(name=n) for n in ("Löytäminen", "Hankinta")])
    j.stages[1].touchpoints.append(Touchpoint(name="Kassa", critical=True))
    return j


def test_precedence_is_the_order_in_the_file(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # "poista Kassa kriittisistä" reads as critical_off and as remove: the earlier rule wins.
    text = "poista Kassa kriittisistä"
    assert parse_edits(text, journey=_shop(), lang=Lang.FI) == [
        Edit(Op.CRITICAL, "Kassa", on=False)
    ]
    tried: list[str] = []

    def passes(name: str) -> Handler:
        def handler(m: re.Match[str], c: Clause) -> list[Edit] | None:
            tried.append(name)
            return None

        return handler

    for name in HANDLERS:  # every rule passes, so every rule that matches is consulted
        monkeypatch.setitem(HANDLERS, name, passes(name))
    parse_edits(text, journey=_shop(), lang=Lang.FI)
    assert tried == ["critical_off", "remove"]

    real = rules.rule_file

    @cache  # like the real one, so the fixture can clear it
    def reversed_file(lang: Lang) -> rules.RuleFile:
        table = real(lang)
        return table.model_copy(update={"rules": table.rules[::-1]})

    _clear()
    monkeypatch.setattr(rules, "rule_file", reversed_file)
    tried.clear()
    parse_edits(text, journey=_shop(), lang=Lang.FI)
    assert tried == ["remove", "critical_off"]


def test_words_of_both_languages_fill_a_slot() -> None:
    # people mix the languages: "poista" in an English interview, "their nimi on"
    assert rules.words("remove_verb")[0] == "poista"
    assert "remove" in rules.words("remove_verb")
    edits = parse_edits("their nimi on Markku", journey=JourneyMap(), lang=Lang.EN)
    assert edits == [Edit(Op.PERSONA_NAME, value="Markku")]


def _places(*names: str) -> JourneyMap:
    return JourneyMap(stages=[Stage(name="S", touchpoints=[Touchpoint(name=n) for n in names])])


@pytest.mark.parametrize(
    ("text", "lang", "names", "edits"),
    [
        # "not X, Y" renames; "we're not on X" then removes nothing renamed
        (
            "wait not youtube, tiktok. we're not on youtube",
            Lang.EN,
            ("Reddit", "YouTube"),
            [Edit(Op.RENAME, "YouTube", "TikTok")],
        ),
        ("we're not on reddit", Lang.EN, ("Reddit", "YouTube"), [Edit(Op.REMOVE, "Reddit")]),
        (
            "ei vaan wilma ei kuulu tähän, se on koulujen juttu",
            Lang.FI,
            ("Viikkotunnit", "Wilma"),
            [Edit(Op.REMOVE, "Wilma")],
        ),
        # "not used" is a correction only after a correction's opening ...
        (
            "ai ei kun, tekstaria ei oikeestaan käytetä tilauksissa, kaikki soittaa",
            Lang.FI,
            ("Tekstari", "Puhelin"),
            [Edit(Op.REMOVE, "Tekstari")],
        ),
        (
            "wait, we don't really use slack",
            Lang.EN,
            ("Website", "Slack"),
            [Edit(Op.REMOVE, "Slack")],
        ),
        # ... without one it is what is wrong at that place (a problem, not an edit)
        (
            "Tikettijärjestelmää ei käytetä, kaikki soittavat suoraan.",
            Lang.FI,
            ("Tikettijärjestelmä", "Tukipuhelin"),
            [],
        ),
        ("we don't use slack much", Lang.EN, ("Website", "Slack"), []),
    ],
)
def test_a_place_that_is_not_there(
    text: str, lang: Lang, names: tuple[str, ...], edits: list[Edit]
) -> None:
    assert parse_edits(text, journey=_places(*names), lang=lang) == edits
