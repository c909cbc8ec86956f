"""Provenance: which turn set or changed which map field, from consecutive versions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from assistant.model import JourneyMap, Stage, Touchpoint
from assistant.store import Store
from assistant.store.provenance import Change, diff_paths
from assistant.turns import Role


def test_diff_paths() -> None:
    old = JourneyMap(stages=[Stage(name="A", touchpoints=[Touchpoint(name="IG")])])
    new = JourneyMap(
        stages=[Stage(name="A", touchpoints=[Touchpoint(name="IG", pain_points=["hidas"])])]
    )
    new.business.offering = "kahvia"
    changes = dict(diff_paths(old.model_dump(mode="json"), new.model_dump(mode="json")))
    assert changes == {
        "business.offering": Change.SET,
        "stages.0.touchpoints.0.pain_points": Change.SET,
    }
    back = dict(diff_paths(new.model_dump(mode="json"), old.model_dump(mode="json")))
    assert back["business.offering"] is Change.REMOVED


def test_the_store_records_which_turn_changed_what(store: Store) -> None:
    info, _ = store.create_owned_interview()
    store.save_map(info.id, JourneyMap(), reason="start")
    answer = store.add_turn(info.id, role=Role.USER, text="Myymme kahvia.")
    journey = JourneyMap()
    journey.business.offering = "kahvia"
    store.save_map(info.id, journey, turn_id=answer, reason="answer")
    journey.business.offering = "kahvia ja pullaa"
    journey.stages = [Stage(name="Löytäminen")]
    store.save_map(info.id, journey, reason="edit")
    by_turn = store.map_changes(info.id, turn_id=answer)
    assert [(c.path, c.change, c.by_hand) for c in by_turn] == [("business.offering", "set", False)]
    offering = store.map_changes(info.id, path="business.offering")
    assert [(c.turn_id, c.change, c.by_hand) for c in offering] == [
        (answer, "set", False),
        (None, "changed", True),
    ]
    assert [c.path for c in store.map_changes(info.id, path="stages.0")] == ["stages.0.name"]


def test_upgrade_from_the_first_schema_keeps_old_comments(tmp_path: Path) -> None:
    from assistant.store.engine import make_engine, upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    upgrade(engine, "0001_initial")
    engine.dispose()
    with sqlite3.connect(tmp_path / "old.db") as conn:
        conn.execute(
            "INSERT INTO interviews VALUES ('x', 'fi', 'Vanha', '2026-01-01 00:00:00',"
            " '2026-01-01 00:00:00', 0, 0.0)"
        )
        conn.execute(
            "INSERT INTO comments (interview_id, author, text, target, created_at)"
            " VALUES ('x', 'K', 'vanha kommentti', '', '2026-01-01 00:00:00')"
        )
    with Store(url) as store:
        [old] = store.comments("x")
        assert (old.text, old.kind, old.stance, old.read_at) == (
            "vanha kommentti",
            "general",
            "",
            None,
        )
        assert store.unread_comments("x") == 1
