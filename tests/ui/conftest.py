"""UI test setup: the real app through AppTest, the real offline core, one shared card index.

The card index is built once per test session in its own data dir; each test gets its own
database (POLKUOPAS_DATABASE_URL), so tests do not see each other's interviews.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "ui" / "app.py"
if str(ROOT) not in sys.path:  # `ui` is not an installed package; the app adds the root too
    sys.path.insert(0, str(ROOT))
TIMEOUT = 120
"""Seconds per AppTest run: generous, because a run may load the card index."""


@pytest.fixture(scope="session")
def kb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from assistant.knowledge import load_card_index
    from assistant.settings import Settings

    path = tmp_path_factory.mktemp("ui-kb")
    load_card_index(settings=Settings(POLKUOPAS_DATA_DIR=path))
    return path


@pytest.fixture(autouse=True)
def ui_env(monkeypatch: pytest.MonkeyPatch, kb_dir: Path, tmp_path: Path) -> Path:
    monkeypatch.setenv("POLKUOPAS_DATA_DIR", str(kb_dir))
    db = tmp_path / "ui.db"
    monkeypatch.setenv("POLKUOPAS_DATABASE_URL", f"sqlite:///{db}")
    return db


@pytest.fixture(autouse=True)
def fresh_login_limit() -> None:
    """The password attempt limit lives for the server process: each test starts clean."""
    from ui.admin import _limiter

    _limiter.clear()


@pytest.fixture
def app() -> Any:
    """The whole app (ui/app.py), not yet run."""
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(str(APP), default_timeout=TIMEOUT)


@pytest.fixture
def core_deps() -> Any:
    """The same store and brains the app uses (same settings from the environment)."""
    from assistant.interview import build_deps
    from assistant.knowledge import load_card_index
    from assistant.settings import settings_from

    settings = settings_from({})
    return build_deps(settings=settings, kb=load_card_index(settings=settings), offline=True)


@pytest.fixture(scope="session")
def scripts() -> dict[str, dict[str, Any]]:
    """The understanding benchmark's development scripts, by id."""
    import yaml

    folder = ROOT / "benchmarks" / "understanding" / "dev"
    loaded = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.glob("*.yaml")]
    return {s["id"]: s for s in loaded}


@pytest.fixture(scope="session")
def reply() -> Callable[[dict[str, Any], dict[str, Any]], str]:
    """The benchmark's scripted user: answers a turn by its expects and focus."""
    from benchmarks.understanding import reply as scripted

    return lambda script, turn: scripted(script, turn)[0]


def texts(at: Any) -> str:
    """Every markdown, caption, alert and chat text on the page, joined."""
    parts: list[str] = []
    for kind in (
        "markdown",
        "caption",
        "info",
        "warning",
        "error",
        "success",
        "title",
        "subheader",
    ):
        parts.extend(str(e.value) for e in getattr(at, kind))
    return "\n".join(parts)


def chat(at: Any, text: str) -> Any:
    at.chat_input[0].set_value(text).run()
    assert not at.exception, at.exception
    return at


def sample_map(name: str = "map_fi_b2c.json") -> Any:
    from assistant.export.jsonfile import from_json

    return from_json((ROOT / "tests" / "data" / name).read_bytes())


def owned(core_deps: Any, lang: str = "fi") -> tuple[Any, str]:
    """A new interview as the app makes it: (the session, its owner token)."""
    from assistant.interview.draft import start_owned

    return start_owned(deps=core_deps, lang=lang)
