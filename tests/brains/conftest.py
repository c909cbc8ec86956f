"""Fixtures for the offline brain tests: maps, a fake knowledge base, a small card set."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.knowledge import Hit
from assistant.model import Channel, JourneyMap, Stage, Touchpoint

FIVE_FI = ["Löytäminen", "Arviointi", "Hankinta", "Seikkailu", "Sitoutuminen"]
ARTICLES = {
    "000_e090c44f4a925d1a.txt",
    "001_62f7a6b23672c11b.txt",
    "002_1fe4258a932dd0e1.txt",
    "003_ef748a65b3da4a81.txt",
    "004_9fd0c528fd69cb31.txt",
}


class FakeKB:
    """Answers every query with the given hits (or none)."""

    def __init__(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.queries: list[str] = []

    def search(self, query: str, *, k: int = 5, lang: str | None = None) -> list[Hit]:
        self.queries.append(query)
        return self.hits[:k]

    def card(self, card_id: str, *, lang: str) -> Hit | None:
        return next((h for h in self.hits if h.card == card_id), None)


@pytest.fixture
def tip() -> Hit:
    return Hit(
        text="Kysy jokaisesta kosketuspisteestä, mitä asiakas tekee. Sitten muuta.",
        source="000_e090c44f4a925d1a.txt",
        title="Mikä on asiakaspolku?",
        author="Hanna Heinonen",
        score=1.0,
        card="heinonen-touchpoint-questions",
    )


@pytest.fixture
def empty_stages() -> JourneyMap:
    return JourneyMap(stages=[Stage(name=n) for n in FIVE_FI])


@pytest.fixture
def shop_map() -> JourneyMap:
    """A web shop's map with a critical, painful checkout and an empty last stage."""
    j = JourneyMap(stages=[Stage(name=n) for n in FIVE_FI])
    j.stages[0].touchpoints += [
        Touchpoint(name="Instagram", channel=Channel.DIGITAL, emotion=1),
        Touchpoint(name="Kaverin suositus", channel=Channel.HUMAN),
    ]
    j.stages[1].touchpoints += [
        Touchpoint(name="Verkkosivut", emotion=1, doubts=["Onko koko oikea?"]),
    ]
    j.stages[2].touchpoints += [
        Touchpoint(
            name="Kassa",
            critical=True,
            emotion=-1,
            emotion_note="ärtynyt",
            pain_points=["Postikulut yllättävät kassalla"],
            blockers=["Ei MobilePay-maksua"],
        ),
    ]
    j.stages[3].touchpoints += [Touchpoint(name="Toimitus", emotion=0, measurement="tähdet")]
    return j


def write_card(root: Path, lang: str, card_id: str, topics: list[str], source: str) -> None:
    d = root / "cards" / lang
    d.mkdir(parents=True, exist_ok=True)
    (d / f"{card_id}.md").write_text(
        f"---\nid: {card_id}\nlang: {lang}\ntitle: T {card_id}\nstages: [all]\n"
        f"topics: [{', '.join(topics)}]\nslots: [review]\nsources:\n"
        f"  - file: {source}\n    title: Otsikko\n    author: Kirjoittaja\n---\n"
        "Ensimmäinen virke on vinkki. Sitten lisää tekstiä.\n",
        encoding="utf-8",
    )


@pytest.fixture
def card_dir(tmp_path: Path) -> Path:
    """A tiny knowledge dir: one preferred card id, the rest found by topic."""
    root = tmp_path / "knowledge"
    write_card(
        root, "fi", "harju-post-purchase-survey", ["feedback", "survey"], "003_ef748a65b3da4a81.txt"
    )
    write_card(
        root, "en", "harju-post-purchase-survey", ["feedback", "survey"], "003_ef748a65b3da4a81.txt"
    )
    write_card(
        root, "fi", "viralcx-some-pain", ["pain-points", "emotions"], "004_9fd0c528fd69cb31.txt"
    )
    write_card(
        root,
        "fi",
        "lab-all-kinds",
        ["critical", "stages", "first-impression", "last-memory", "persona"],
        "001_62f7a6b23672c11b.txt",
    )
    write_card(
        root,
        "fi",
        "heinonen-general",
        ["measurement", "doubts", "blockers", "process", "data"],
        "000_e090c44f4a925d1a.txt",
    )
    write_card(
        root,
        "fi",
        "netello-general",
        ["analytics", "kpi", "loyalty", "mentor"],
        "002_1fe4258a932dd0e1.txt",
    )
    return root
