"""Fixtures for the store tests: a fresh SQLite file per test, and a rich journey map."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.model import (
    Assumption,
    Business,
    BusinessType,
    Channel,
    Citation,
    JourneyMap,
    Lang,
    Metric,
    Persona,
    Stage,
    Suggestion,
    Touchpoint,
)
from assistant.store import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "polkuopas.db"


@pytest.fixture
def db_url(db_path: Path) -> str:
    return f"sqlite:///{db_path}"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as opened:
        yield opened


@pytest.fixture
def citation() -> Citation:
    return Citation(card="fi-kosketuspiste-01", source="artikkeli.md", title="Otsikko", author="Ä")


@pytest.fixture
def journey(citation: Citation) -> JourneyMap:
    """A map that uses every kind of field, so a round trip can lose nothing unnoticed."""
    return JourneyMap(
        language=Lang.FI,
        title="Kahvilan asiakaspolku",
        business=Business(
            name="Kahvila Kuppi",
            offering="kahvia",
            customers="lähiön asukkaat",
            business_type=BusinessType.B2C,
        ),
        persona=Persona(
            name="Aamuvirkku",
            description="kiireinen",
            goals=["nopea kahvi"],
            frustrations=["jonot"],
        ),
        stages=[
            Stage(
                name="Löytäminen",
                touchpoints=[
                    Touchpoint(
                        name="Instagram",
                        channel=Channel.DIGITAL,
                        emotion=1,
                        doubts=["onko auki?"],
                        critical=True,
                        measurement="seuraajat",
                    ),
                ],
            ),
            Stage(
                name="Hankinta",
                touchpoints=[
                    Touchpoint(
                        name="Kassa",
                        channel=Channel.HUMAN,
                        emotion=-2,
                        pain_points=["jono", "<b>kortti</b> ei toimi"],
                    ),
                ],
            ),
        ],
        first_impression="tuoksu",
        last_memory="hymy",
        feedback=["kysely"],
        metrics=[Metric(name="myynti", how="kassasta", target="+10 %")],
        assumptions=[Assumption(statement="asiakkaat kiirehtivät", validation="kysely")],
        suggestions=[Suggestion(title="Lyhennä jonoa", citations=[citation])],
    )


@pytest.fixture
def pg_url(postgres_server: str) -> Iterator[str]:
    """A fresh schema of its own on the test PostgreSQL, dropped afterwards."""
    import secrets

    from sqlalchemy import create_engine, make_url, text

    schema = f"t_{secrets.token_hex(6)}"
    admin = create_engine(postgres_server)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(postgres_server).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
