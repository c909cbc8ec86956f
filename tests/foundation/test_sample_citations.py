"""Sample maps must cite cards and articles that really exist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.knowledge import load_cards

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted([*ROOT.glob("tests/data/*.json"), *ROOT.glob("examples/*.json")])


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_cited_card_exists(path: Path) -> None:
    cards = {(c.id, c.lang): c for c in load_cards()}
    journey = json.loads(path.read_text(encoding="utf-8"))
    cited = [c for s in journey["suggestions"] for c in s["citations"]]
    assert cited, "a sample map should show citations"
    for citation in cited:
        card = cards.get((citation["card"], journey["language"]))
        assert card is not None, f"{path.name}: unknown card {citation['card']}"
        assert citation["source"] in {s.file for s in card.sources}
