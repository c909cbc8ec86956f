"""Fixtures of the robustness tests: the bad-input case list from benchmarks/bad_input.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_bad_input() -> ModuleType:
    """benchmarks/bad_input.py as a module (the benchmark and the tests share its cases)."""
    name = "bench_bad_input"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "bad_input.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bad_input() -> ModuleType:
    return load_bad_input()


@pytest.fixture(scope="session")
def shared_kb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data dir whose card index is built once for all cases."""
    return tmp_path_factory.mktemp("robust-kb")


class FakeKB:
    """A tiny knowledge base: every search finds the same cited passage (fast, no index)."""

    def __init__(self) -> None:
        from assistant.knowledge import Hit

        self.hits = [
            Hit(
                text="Kosketuspiste on mikä tahansa hetki, jossa asiakas kohtaa yrityksesi.",
                source="000_e090c44f4a925d1a.txt",
                title="Mikä on asiakaspolku?",
                score=1.0,
                author="Hanna Heinonen",
                card="test-card",
                card_title="Testikortti",
                lang="fi",
            )
        ]

    def search(self, query: str, *, k: int = 5, lang: str | None = None) -> list[Any]:
        return self.hits[:k]

    def card(self, card_id: str, *, lang: str) -> Any:
        return next((h for h in self.hits if h.card == card_id), None)
