"""JSON: the model itself, so a file round-trips exactly."""

from __future__ import annotations

import json

from assistant.model import JourneyMap


def to_json(journey: JourneyMap) -> str:
    """The map as pretty JSON (UTF-8 text, Finnish letters kept as they are)."""
    return json.dumps(journey.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def from_json(text: str | bytes) -> JourneyMap:
    """Parse and validate a map; raises pydantic.ValidationError on a bad map."""
    return JourneyMap.model_validate_json(text)
