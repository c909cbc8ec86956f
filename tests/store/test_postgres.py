"""The same store and session on a real PostgreSQL: the `postgres_server` fixture starts
Debian's server in a temp dir (or uses POLKUOPAS_TEST_POSTGRES_URL); each test works in a
fresh schema of its own and drops it afterwards."""

from __future__ import annotations

import threading

import pytest

from assistant.model import Citation, JourneyMap
from assistant.store import Store
from assistant.turns import Role

pytestmark = pytest.mark.slow  # starts a PostgreSQL server


def test_postgres_schema_round_trip_and_cascade(
    pg_url: str, journey: JourneyMap, citation: Citation
) -> None:
    from sqlalchemy import text

    with Store(pg_url) as store:
        info = store.create_interview(title="<script>x</script>")
        turn = store.add_turn(info.id, role=Role.USER, text="nolla\x00merkki", citations=[citation])
        assert store.save_map(info.id, journey, turn_id=turn) == 1
        assert store.save_map(info.id, JourneyMap()) == 2
        store.save_state(info.id, {"asked": ["a"], "ä": 1})
        store.add_comment(info.id, author="Kummi", text="x" * 100_000)
    with Store(pg_url) as store:  # a second upgrade is a no-op; everything resumes
        again = store.get_interview(info.id)
        assert again is not None and (again.title, again.created_at) == (
            info.title,
            info.created_at,
        )
        [saved] = store.transcript(info.id)
        assert saved.text == "nolla\ufffdmerkki"  # PostgreSQL cannot hold NUL
        assert saved.citations == [citation]
        assert saved.created_at is not None and saved.created_at.tzinfo is not None
        assert store.load_map_version(info.id, 1) == journey
        assert store.load_state(info.id) == {"asked": ["a"], "ä": 1}
        assert len(store.comments(info.id)[0].text) == 100_000
        with store._read() as session:
            assert session.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
        assert store.delete_interview(info.id)
        with store._read() as session:
            for table in ("turns", "map_versions", "planner_states", "comments"):
                count = session.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                assert count == 0, table


def test_postgres_concurrent_versions_are_numbered_without_gaps(
    pg_url: str, journey: JourneyMap
) -> None:
    stores = [Store(pg_url), Store(pg_url)]
    info = stores[0].create_interview()
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for _ in range(5):
                stores[n % 2].save_map(info.id, journey)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [v.version for v in stores[1].map_versions(info.id)] == list(range(1, 21))
    for store in stores:
        store.close()
