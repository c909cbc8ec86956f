"""Sessions on a real PostgreSQL: one guarded transaction per turn, two writers, many
writers at once, the revision migration, and a server that goes away and comes back."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.brains.offline.offline_brain import OfflineBrain
from assistant.interview import Deps, open_session
from assistant.model import Lang
from assistant.settings import Settings
from assistant.store import StaleInterview, Store
from assistant.turns import Role
from tests.robust.conftest import FakeKB

pytestmark = pytest.mark.slow  # starts a PostgreSQL server, stops and restarts it


def _deps(url: str, tmp_path: Path) -> Deps:
    kb = FakeKB()
    offline = OfflineBrain(kb=kb)  # type: ignore[arg-type]
    return Deps(
        settings=Settings(POLKUOPAS_DATA_DIR=tmp_path),
        store=Store(url),
        kb=kb,  # type: ignore[arg-type]
        brain=offline,
        offline_brain=offline,
    )


@pytest.fixture
def deps(pg_url: str, tmp_path: Path) -> Iterator[Deps]:
    made = _deps(pg_url, tmp_path)
    yield made
    made.store.close()


def test_an_interview_on_postgres_and_the_loser_of_a_race_is_told(deps: Deps) -> None:
    first = open_session(deps=deps, lang=Lang.FI)
    first.opening()
    second = open_session(deps=deps, interview_id=first.id)
    won = first.step("Kahvila Kuppi myy kahvia opiskelijoille")
    lost = second.step("Leipomo Vehnä myy leipää perheille")
    assert "toisaalla" in lost.text
    assert deps.store.latest_map(first.id) == won.map == second.journey
    users = [t.text for t in deps.store.transcript(first.id) if t.role is Role.USER]
    assert users == [
        "Kahvila Kuppi myy kahvia opiskelijoille",
        "Leipomo Vehnä myy leipää perheille",
    ]
    with pytest.raises(StaleInterview):
        deps.store.commit_turn(first.id, revision=0, state={}, progress=0.0, done=False)


def test_many_writers_at_once_one_commit_per_revision(deps: Deps) -> None:
    opened = open_session(deps=deps, lang=Lang.EN)
    opened.opening()
    sessions = [open_session(deps=deps, interview_id=opened.id) for _ in range(6)]
    barrier = threading.Barrier(len(sessions))
    texts: list[str] = []

    def write(n: int) -> None:
        barrier.wait()
        texts.append(sessions[n].step(f"We sell bread number {n}").text)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(len(sessions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum("somewhere else" not in t for t in texts) == 1  # one winner, five told
    transcript = deps.store.transcript(opened.id)
    assert sum(t.role is Role.USER for t in transcript) == 6  # every text kept
    assert sum(t.role is Role.ASSISTANT for t in transcript) == 2  # opening + the winner
    info = deps.store.get_interview(opened.id)
    assert info is not None and info.revision == 2


def test_the_revision_migration_keeps_old_interviews(pg_url: str) -> None:
    from sqlalchemy import text

    from assistant.store.engine import make_engine, upgrade

    engine = make_engine(pg_url)
    upgrade(engine, "0003_provenance")
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO interviews VALUES ('old', 'fi', 'Vanha', now(), now(), false, 0.5)")
        )
    engine.dispose()
    with Store(pg_url) as store:
        info = store.get_interview("old")
        assert info is not None and info.title == "Vanha" and info.revision == 0


def test_the_server_goes_away_and_comes_back(tmp_path: Path) -> None:
    from tests.postgres import running_postgres, why_not

    if why_not():
        pytest.skip(why_not())
    with running_postgres() as cluster:
        deps = _deps(cluster.url, tmp_path)
        session = open_session(deps=deps, lang=Lang.EN)
        session.opening()
        cluster.stop()
        turn = session.step("We sell bread to families")
        assert "can't reach the database" in turn.text and turn.unsaved == 1
        cluster.start()
        turn = session.step("Young parents")
        assert turn.unsaved == 0
        users = [t.text for t in deps.store.transcript(session.id) if t.role is Role.USER]
        assert users == ["We sell bread to families", "Young parents"]
        deps.store.close()
