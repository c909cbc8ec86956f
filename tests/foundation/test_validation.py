"""Bad maps are rejected with the path of the bad field."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from pydantic import ValidationError

from assistant.cli.maps import _loc
from assistant.export.jsonfile import from_json
from assistant.model import MAX_TEXT


def _paths(data: dict[str, Any]) -> list[str]:
    with pytest.raises(ValidationError) as exc:
        from_json(json.dumps(data))
    return [_loc(e["loc"]) for e in exc.value.errors()]


def test_emotion_out_of_scale(fi_dict: dict[str, Any]) -> None:
    bad = copy.deepcopy(fi_dict)
    bad["stages"][1]["touchpoints"][0]["emotion"] = 5
    assert _paths(bad) == ["stages[1].touchpoints[0].emotion"]


def test_unknown_field(fi_dict: dict[str, Any]) -> None:
    bad = copy.deepcopy(fi_dict)
    bad["persona"]["age"] = 45
    assert _paths(bad) == ["persona.age"]


def test_missing_touchpoint_name(fi_dict: dict[str, Any]) -> None:
    bad = copy.deepcopy(fi_dict)
    del bad["stages"][0]["touchpoints"][1]["name"]
    assert _paths(bad) == ["stages[0].touchpoints[1].name"]


def test_blank_touchpoint_name(fi_dict: dict[str, Any]) -> None:
    bad = copy.deepcopy(fi_dict)
    bad["stages"][2]["touchpoints"][0]["name"] = "   "
    assert _paths(bad) == ["stages[2].touchpoints[0].name"]


def test_wrong_schema_version(fi_dict: dict[str, Any]) -> None:
    assert _paths({**fi_dict, "schema_version": "9.9"}) == ["schema_version"]


def test_huge_text(fi_dict: dict[str, Any]) -> None:
    bad = copy.deepcopy(fi_dict)
    bad["stages"][0]["touchpoints"][0]["customer_action"] = "x" * (MAX_TEXT + 1)
    assert _paths(bad) == ["stages[0].touchpoints[0].customer_action"]


def test_several_problems_all_reported(fi_dict: dict[str, Any]) -> None:
    bad = copy.deepcopy(fi_dict)
    bad["stages"][0]["touchpoints"][0]["emotion"] = -3
    bad["suggestions"][0]["priority"] = "urgent"
    assert _paths(bad) == ["stages[0].touchpoints[0].emotion", "suggestions[0].priority"]


def test_loc_formatting() -> None:
    assert _loc(("stages", 1, "touchpoints", 0, "emotion")) == "stages[1].touchpoints[0].emotion"
    assert _loc(()) == "(root)"
