"""Schema by Alembic, resume from the same file, SQLite settings, concurrency, light import."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from assistant.model import JourneyMap
from assistant.settings import get_settings
from assistant.store import Store
from assistant.store.engine import alembic_config
from assistant.turns import Role

TABLES = {"alembic_version", "interviews", "turns", "map_versions", "planner_states", "comments"}


def _head() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head
    return head


def _tables(db_path: Path) -> set[str]:
    with sqlite3.connect(db_path) as raw:
        rows = raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for (name,) in rows}


def _version(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as raw:
        return [v for (v,) in raw.execute("SELECT version_num FROM alembic_version")]


def test_fresh_database_gets_the_schema_from_alembic(db_url: str, db_path: Path) -> None:
    assert not db_path.exists()
    Store(db_url).close()
    assert _tables(db_path) >= TABLES
    assert _version(db_path) == [_head()]


def test_upgrading_again_is_harmless(store: Store, db_url: str, db_path: Path) -> None:
    info = store.create_interview(title="säilyy")
    store.add_turn(info.id, role=Role.USER, text="hei")
    command.upgrade(alembic_config(db_url), "head")  # the command line's path, no shared connection
    command.upgrade(alembic_config(db_url), "head")
    Store(db_url).close()
    assert _version(db_path) == [_head()]
    assert [t.text for t in store.transcript(info.id)] == ["hei"]


def test_alembic_models_match_the_migrations(store: Store, db_url: str) -> None:
    """tables.py and migrations/versions must describe the same schema."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    from assistant.store.tables import Base

    engine = create_engine(db_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_a_new_store_on_the_same_file_resumes_everything(
    store: Store, db_url: str, journey: JourneyMap
) -> None:
    info = store.create_interview(title="jatkuu")
    turn = store.add_turn(info.id, role=Role.USER, text="kahvia")
    store.save_map(info.id, journey, turn_id=turn)
    store.save_state(info.id, {"pending": "persona/description//"})
    store.add_comment(info.id, author="Kummi", text="hyvä")
    store.close()
    with Store(db_url) as again:
        assert again.get_interview(info.id) == store.get_interview(info.id)
        assert [t.text for t in again.transcript(info.id)] == ["kahvia"]
        assert again.latest_map(info.id) == journey
        assert again.load_state(info.id) == {"pending": "persona/description//"}
        assert [c.text for c in again.comments(info.id)] == ["hyvä"]


def test_sqlite_runs_in_wal_mode_with_foreign_keys(store: Store, db_path: Path) -> None:
    with store._read() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_in_memory_store_works_across_calls() -> None:
    with Store("sqlite://") as memory:
        info = memory.create_interview()
        memory.add_turn(info.id, role=Role.USER, text="muistissa")
        assert [t.text for t in memory.transcript(info.id)] == ["muistissa"]


def test_from_settings_makes_the_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "not" / "yet"
    monkeypatch.setenv("POLKUOPAS_DATA_DIR", str(data_dir))
    get_settings.cache_clear()
    with Store.from_settings(get_settings()) as opened:
        opened.create_interview()
    assert (data_dir / "polkuopas.db").is_file()


def test_threads_writing_at_once_lose_nothing(db_url: str, journey: JourneyMap) -> None:
    stores = [Store(db_url), Store(db_url)]
    info = stores[0].create_interview()
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(10):
                opened = stores[(n + i) % 2]
                opened.add_turn(info.id, role=Role.USER, text=f"{n}-{i}")
                opened.save_map(info.id, journey)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(stores[1].transcript(info.id)) == 40
    assert [v.version for v in stores[1].map_versions(info.id)] == list(range(1, 41))
    for opened in stores:
        opened.close()


@pytest.mark.slow
def test_two_processes_can_create_the_schema_at_once(db_url: str, db_path: Path) -> None:
    code = (
        "import sys; from assistant.store import Store; from assistant.turns import Role;"
        "s = Store(sys.argv[1]); i = s.create_interview();"
        "s.add_turn(i.id, role=Role.USER, text='x'); print(i.id)"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, db_url], stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outs = [proc.communicate(timeout=60)[0].strip() for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0, 0]
    assert _version(db_path) == [_head()]
    with Store(db_url) as opened:
        assert {i.id for i in opened.list_interviews()} == set(outs)


def test_importing_the_package_does_not_load_sqlalchemy() -> None:
    code = (
        "import sys, assistant.store as s; from assistant.store import TurnRecord;"
        "assert 'sqlalchemy' not in sys.modules, 'sqlalchemy loaded';"
        "s.Store; assert 'sqlalchemy' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
