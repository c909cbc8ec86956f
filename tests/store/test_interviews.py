"""Interviews: create, list, get, update, delete with everything of them, unknown ids."""

from __future__ import annotations

import sqlite3
from datetime import UTC
from pathlib import Path

import pytest

from assistant.export.interview_data import export_interview
from assistant.model import Citation, JourneyMap, Lang
from assistant.store import InterviewInfo, Store
from assistant.turns import Role

CHILD_TABLES = ("turns", "map_versions", "planner_states", "comments")


def _count(db_path: Path, table: str, interview_id: str) -> int:
    with sqlite3.connect(db_path) as raw:
        sql = f"SELECT count(*) FROM {table} WHERE interview_id = ?"
        return int(raw.execute(sql, (interview_id,)).fetchone()[0])


def test_create_gives_an_unguessable_id_and_utc_times(store: Store) -> None:
    first = store.create_interview(lang=Lang.EN, title="Kahvila")
    second = store.create_interview()
    assert isinstance(first, InterviewInfo)
    assert first.id != second.id and len(first.id) >= 22
    assert first.lang is Lang.EN and second.lang is Lang.FI
    assert (first.title, first.done, first.progress) == ("Kahvila", False, 0.0)
    assert first.created_at.tzinfo is not None
    assert first.created_at.utcoffset() == UTC.utcoffset(None)
    assert store.get_interview(first.id) == first


def test_list_is_newest_first_and_limited(store: Store) -> None:
    ids = [store.create_interview(title=str(n)).id for n in range(5)]
    listed = [info.id for info in store.list_interviews()]
    assert listed == ids[::-1]
    assert [i.id for i in store.list_interviews(limit=2)] == [ids[4], ids[3]]
    # Activity moves an old interview to the top.
    store.add_turn(ids[0], role=Role.USER, text="hei")
    assert store.list_interviews(limit=1)[0].id == ids[0]


def test_update_changes_only_what_is_given(store: Store) -> None:
    info = store.create_interview(title="vanha")
    store.update_interview(info.id, progress=0.4)
    store.update_interview(info.id, done=True, lang=Lang.EN)
    after = store.get_interview(info.id)
    assert after is not None
    assert (after.title, after.done, after.progress, after.lang) == ("vanha", True, 0.4, Lang.EN)
    assert after.updated_at > info.updated_at
    store.update_interview(info.id, title="uusi", progress=7)
    after = store.get_interview(info.id)
    assert after is not None and (after.title, after.progress) == ("uusi", 1.0)


def test_delete_removes_every_row_of_the_interview(
    store: Store, db_path: Path, journey: JourneyMap, citation: Citation
) -> None:
    keep = store.create_interview()
    gone = store.create_interview()
    for info in (keep, gone):
        turn = store.add_turn(info.id, role=Role.USER, text="moi", citations=[citation])
        store.save_map(info.id, journey, turn_id=turn)
        store.save_state(info.id, {"asked": ["business/offering//"]})
        store.add_comment(info.id, author="mentori", text="hyvä")
    assert all(_count(db_path, t, gone.id) == 1 for t in CHILD_TABLES)

    assert store.delete_interview(gone.id) is True
    assert store.get_interview(gone.id) is None
    assert [_count(db_path, t, gone.id) for t in CHILD_TABLES] == [0, 0, 0, 0]
    assert [_count(db_path, t, keep.id) for t in CHILD_TABLES] == [1, 1, 1, 1]
    assert store.delete_interview(gone.id) is False


def test_unknown_ids(store: Store, journey: JourneyMap) -> None:
    nobody = "no-such-interview"
    assert store.get_interview(nobody) is None
    assert store.delete_interview(nobody) is False
    calls = [
        lambda: store.update_interview(nobody, title="x"),
        lambda: store.add_turn(nobody, role=Role.USER, text="x"),
        lambda: store.transcript(nobody),
        lambda: store.save_map(nobody, journey),
        lambda: store.latest_map(nobody),
        lambda: store.map_versions(nobody),
        lambda: store.load_map_version(nobody, 1),
        lambda: store.save_state(nobody, {}),
        lambda: store.load_state(nobody),
        lambda: store.add_comment(nobody, author="a", text="b"),
        lambda: store.comments(nobody),
        lambda: export_interview(store, nobody),
    ]
    for call in calls:
        with pytest.raises(KeyError):
            call()
    info = store.create_interview()
    with pytest.raises(KeyError):
        store.load_map_version(info.id, 1)
    assert store.list_interviews() == [info]  # the failed calls left nothing behind


def test_records_are_frozen(store: Store) -> None:
    info = store.create_interview()
    with pytest.raises(AttributeError):
        info.title = "x"  # type: ignore[misc]
