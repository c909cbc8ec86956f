"""The labelled single answers (tests/data/answers, written by someone who had not read the
parser), each through the real interview turn: what the map recorded must be exactly its
label. Rows the parser still gets wrong are listed in known_gaps.yaml with what goes wrong;
they run as strict expected failures, so a fixed row fails until it is taken off the list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.interview.deps import LazyCardIndex
from assistant.settings import Settings
from benchmarks.answer_table import check, load, run

# 360 labelled answers, each a real interview turn: the benchmark table as a test.
pytestmark = pytest.mark.slow

GAPS = (
    yaml.safe_load(
        (Path(__file__).parent.parent / "data" / "answers" / "known_gaps.yaml").read_text("utf-8")
    )
    or {}
)
ROWS = load()


@pytest.fixture(scope="module")
def kb() -> Any:
    return LazyCardIndex(settings=Settings())


def test_the_table_is_large_and_in_both_languages() -> None:
    assert len(ROWS) >= 300
    assert {r["lang"] for r in ROWS} == {"fi", "en"}
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    assert set(GAPS) <= {r["id"] for r in ROWS}, "a known gap names no row"


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(r, id=r["id"], marks=pytest.mark.xfail(strict=True, reason=GAPS[r["id"]]))
        if r["id"] in GAPS
        else pytest.param(r, id=r["id"])
        for r in ROWS
    ],
)
def test_answer_is_recorded_as_labelled(row: dict[str, Any], kb: Any) -> None:
    before, after, reply = run(row, kb=kb)
    assert reply.strip()
    assert check(row, before, after) == []
