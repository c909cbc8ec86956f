"""Shared test setup.

The guard: no test may reach a real model or any host beyond this machine.
Every socket connection to a non-loopback address fails loudly, OpenAI
variables are cleared, and each test gets its own data directory.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

_LOOPBACK = ("127.", "::1", "localhost", "0.0.0.0")
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _check(address: Any) -> None:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        if not host.startswith(_LOOPBACK):
            raise RuntimeError(f"test tried to reach {host!r}: only 127.0.0.1 is allowed in tests")


def _guarded_connect(self: socket.socket, address: Any) -> None:
    _check(address)
    _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> int:
    _check(address)
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True)
def _no_network_no_real_model(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "AZURE_OPENAI_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    for var in ("POLKUOPAS_DATABASE_URL", "POLKUOPAS_CHROMA_URL", "POLKUOPAS_MODEL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("POLKUOPAS_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    from assistant.settings import get_settings

    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five source articles (../shared/seeds); tests that need them skip without them."""
    path = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds is not beside the project")
    return path


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A real PostgreSQL for the whole run: POLKUOPAS_TEST_POSTGRES_URL when set, else a
    throwaway cluster started here (tests/postgres.py); skipped, saying why, where neither
    is possible."""
    import os

    given = os.environ.get("POLKUOPAS_TEST_POSTGRES_URL", "")
    if given:
        yield given
        return
    from tests.postgres import running_postgres, why_not

    reason = why_not()
    if reason:
        pytest.skip(reason)
    with running_postgres() as cluster:
        yield cluster.url
