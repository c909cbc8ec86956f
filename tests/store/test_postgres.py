"""The same store on PostgreSQL. Runs only when POLKUOPAS_TEST_POSTGRES_URL names a
disposable database (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/polkuopas_test);
each test works in a fresh schema of its own and drops it afterwards."""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Iterator

import pytest

from assistant.model import Citation, JourneyMap
from assistant.store import Store
from assistant.turns import Role

BASE_URL = os.environ.get("POLKUOPAS_TEST_POSTGRES_URL", "")
pytestmark = pytest.mark.skipif(
    not BASE_URL, reason="set POLKUOPAS_TEST_POSTGRES_URL to a disposable PostgreSQL database"
)


@pytest.fixture
def pg_url() -> Iterator[str]:
    from sqlalchemy import create_engine, make_url, text

    schema = f"t_{secrets.token_hex(6)}"
    admin = create_engine(BASE_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(BASE_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


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
