"""review(): offline suggestions made concrete by the model, never with invented citations."""

from __future__ import annotations

import importlib
import importlib.util
import json

import pytest

from assistant.brains.llm.calls import BadReply
from assistant.brains.llm.llm_brain import LLMBrain
from assistant.brains.llm.review import ReviewReply, merge
from assistant.knowledge import Hit
from assistant.model import Citation, JourneyMap, Lang, Priority, Suggestion
from tests.llm.conftest import ScriptedChat

A = Citation(
    card="first-impression", source="001_62f7a6b23672c11b.txt", title="Astu asiakaspolulle"
)
B = Citation(card="ask-after-sale", source="003_ef748a65b3da4a81.txt", title="Kartoita")
ORIGINALS = [
    Suggestion(title="Mittaa kriittiset kohdat", priority=Priority.MEDIUM, citations=[A]),
    Suggestion(title="Kysy palautetta oston jälkeen", priority=Priority.HIGH, citations=[B]),
    Suggestion(title="Kirkasta ensivaikutelma", priority=Priority.LOW, citations=[A, B]),
]


def _reply(items: list[dict[str, object]]) -> ReviewReply:
    return ReviewReply.model_validate({"suggestions": items})


def test_invented_citations_are_dropped_and_restored_when_none_is_left() -> None:
    out = merge(
        ORIGINALS,
        _reply(
            [
                {
                    "index": 0,
                    "title": "Mittaa Instagram-kyselyt",
                    "priority": "high",
                    "cites": ["made-up"],
                },
                {
                    "index": 1,
                    "title": "Lähetä kynttilän ostajalle kysely",
                    "priority": "high",
                    "cites": ["ask-after-sale", "first-impression", "made-up"],
                },
            ]
        ),
    )
    by_title = {s.title: s for s in out}
    assert by_title["Mittaa Instagram-kyselyt"].citations == [A]  # restored
    # Only the suggestion's own cards: "first-impression" backs another suggestion.
    assert by_title["Lähetä kynttilän ostajalle kysely"].citations == [B]
    assert out[-1].title == "Kirkasta ensivaikutelma"  # skipped by the model: kept as it was
    assert [s.priority for s in out] == [Priority.HIGH, Priority.HIGH, Priority.LOW]
    assert all(s.citations for s in out)


def test_bad_indexes_and_duplicates_are_ignored_and_an_empty_match_fails() -> None:
    out = merge(
        ORIGINALS,
        _reply(
            [
                {"index": 2, "title": "Uusi 1", "cites": ["first-impression"]},
                {"index": 2, "title": "Uusi 2", "cites": []},
                {"index": 9, "title": "Keksitty", "cites": []},
            ]
        ),
    )
    assert len(out) == 3 and "Keksitty" not in {s.title for s in out}
    assert "Uusi 1" in {s.title for s in out} and "Uusi 2" not in {s.title for s in out}
    with pytest.raises(BadReply):
        merge(ORIGINALS, _reply([{"index": 7, "title": "x"}]))


class FakeKB:
    """Any card id is found; every search returns the same two passages."""

    def search(self, query: str, *, k: int = 5, lang: str | None = None) -> list[Hit]:
        return [self._hit("first-impression"), self._hit("ask-after-sale")][:k]

    def card(self, card_id: str, *, lang: str) -> Hit | None:
        return self._hit(card_id)

    @staticmethod
    def _hit(card: str) -> Hit:
        return Hit(
            text=f"Ohje {card}.",
            source="001_62f7a6b23672c11b.txt",
            title="Astu asiakaspolulle",
            score=1.0,
            card=card,
            card_title=card,
        )


def test_review_rewrites_offline_suggestions_with_only_their_citations(
    brain: LLMBrain, fake: ScriptedChat
) -> None:
    module = (
        importlib.import_module("assistant.advice.suggestions")
        if importlib.util.find_spec("assistant.advice.suggestions")
        else None
    )
    if module is None or not hasattr(module, "suggest"):
        pytest.skip("assistant.advice.suggestions.suggest has not landed yet")
    journey = JourneyMap.model_validate(
        {
            "business": {"offering": "kynttilät", "customers": "kuluttajat"},
            "stages": [
                {
                    "name": "Löytäminen",
                    "touchpoints": [
                        {"name": "Instagram", "emotion": -1, "pain_points": ["hidas vastaus"]}
                    ],
                }
            ],
        }
    )
    offline = module.suggest(journey=journey, lang=Lang.FI, kb=FakeKB())
    assert offline, "the offline rules should find something in this map"
    items = [
        {
            "index": i,
            "title": f"Konkreettinen {i}",
            "why": "Kynttiläkaupalle.",
            "priority": "high",
            "cites": ["invented-card"],
        }
        for i in range(len(offline))
    ]
    fake.script = [json.dumps({"suggestions": items})]
    out = brain.review(journey=journey, lang=Lang.FI, kb=FakeKB())
    assert len(out) == len(offline)
    assert {s.title for s in out} == {f"Konkreettinen {i}" for i in range(len(offline))}
    for before, after in zip(
        offline, sorted(out, key=lambda s: int(s.title.split()[-1])), strict=True
    ):
        assert after.citations == before.citations  # invented card dropped, originals restored
    _, user = fake.sent()
    assert "<suggestions>" in user and offline[0].title in user
