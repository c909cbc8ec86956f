from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.model import JourneyMap

DATA = Path(__file__).resolve().parents[1] / "data"
INJECTIONS = ['=HYPERLINK("http://evil.example","x")', "+1", "-cmd", "@SUM(A1:A2)"]


@pytest.fixture
def fi_map_path() -> Path:
    return DATA / "map_fi_b2c.json"


@pytest.fixture
def en_map_path() -> Path:
    return DATA / "map_en_b2b.json"


@pytest.fixture
def fi_map(fi_map_path: Path) -> JourneyMap:
    return JourneyMap.model_validate_json(fi_map_path.read_text(encoding="utf-8"))


@pytest.fixture
def en_map(en_map_path: Path) -> JourneyMap:
    return JourneyMap.model_validate_json(en_map_path.read_text(encoding="utf-8"))


@pytest.fixture
def fi_dict(fi_map_path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(fi_map_path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture
def evil_map() -> JourneyMap:
    """A map whose user text tries formula injection in several fields."""
    return JourneyMap.model_validate(
        {
            "language": "en",
            "title": "=cmd|' /C calc'!A0",
            "persona": {"name": "@SUM(1+1)", "goals": ["-2+3"]},
            "stages": [
                {
                    "name": "+Stage",
                    "touchpoints": [
                        {"name": INJECTIONS[0], "emotion": -2, "doubts": ["-cmd", "ok"]},
                        {"name": "+1", "customer_action": "@SUM(A1:A2)", "measurement": "-cmd"},
                    ],
                }
            ],
            "suggestions": [{"title": "=1+1", "why": "+x", "citations": []}],
            "assumptions": [{"statement": "-guess", "validation": "=A1"}],
            "metrics": [{"name": "=B2", "target": "-5 %"}],
        }
    )
