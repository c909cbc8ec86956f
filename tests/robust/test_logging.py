"""Logs: one line per fallback or failure (tracebacks only at DEBUG), never a secret,
and the level chosen with `polkuopas --log-level`."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.logs import REDACTED, redact, setup_logging

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for h in list(root.handlers):
        if h not in handlers:
            root.removeHandler(h)
    for h in handlers:
        h.filters = [f for f in h.filters if type(f).__name__ != "RedactingFilter"]
    root.setLevel(level)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("key sk-proj-AbCdEfGhIjKlMnOpQrSt123", "sk-proj-AbCdEfGhIjKlMnOpQrSt123"),
        ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def", "eyJhbGciOiJIUzI1NiJ9"),
        ("url postgresql+psycopg://polku:hunter2@db:5432/polku", "hunter2"),
        ("https://user:pa55word@llm.example/v1/chat", "pa55word"),
        ('{"api_key": "abcd1234efgh5678"}', "abcd1234efgh5678"),
        ("GET /v1?token=zzz999yyy&x=1", "zzz999yyy"),
        ("OPENAI_API_KEY=not-a-real-key-123", "not-a-real-key-123"),
        ("password: 's3cr3t!'", "s3cr3t!"),
    ],
)
def test_credentials_are_redacted(text: str, secret: str) -> None:
    out = redact(text)
    assert secret not in out and REDACTED in out


@pytest.mark.parametrize(
    "text", ["max_tokens=100 temperature=0.3", "desk-reservation-system", "LLM ask failed"]
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert redact(text) == text


def _failing_call(log: logging.Logger) -> None:
    try:
        raise RuntimeError("HTTP 401: key sk-live-0123456789abcdefXYZ rejected")
    except RuntimeError:
        log.exception("llm brain failed")


def test_a_failure_is_one_line_without_traceback_and_secret(root_logger: logging.Logger) -> None:
    out = io.StringIO()
    setup_logging("warning", stream=out)
    _failing_call(logging.getLogger("assistant.interview.session"))
    text = out.getvalue()
    assert text.count("\n") == 1, text
    assert "Traceback" not in text and "sk-live" not in text
    assert "llm brain failed | RuntimeError: HTTP 401" in text


def test_debug_shows_the_traceback_still_redacted(root_logger: logging.Logger) -> None:
    out = io.StringIO()
    setup_logging("debug", stream=out)
    _failing_call(logging.getLogger("assistant.interview.session"))
    text = out.getvalue()
    assert "Traceback (most recent call last)" in text and "sk-live" not in text


def test_the_configured_key_and_database_password_are_redacted_by_value(
    root_logger: logging.Logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.settings import get_settings

    monkeypatch.setenv("OPENAI_API_KEY", "plainkeywithoutprefix42")
    monkeypatch.setenv("POLKUOPAS_DATABASE_URL", "postgresql+psycopg://u:Tr0ub4dor@h/db")
    get_settings.cache_clear()
    out = io.StringIO()
    setup_logging("info", stream=out)
    log = logging.getLogger("assistant.test")
    log.info("sent %s to the server", "plainkeywithoutprefix42")
    log.info("password was %r", "Tr0ub4dor")
    text = out.getvalue()
    assert "plainkeywithoutprefix42" not in text and "Tr0ub4dor" not in text
    assert text.count(REDACTED) == 2


def test_a_session_fallback_logs_one_line(root_logger: logging.Logger, tmp_path: Path) -> None:
    from assistant.brains.offline.offline_brain import OfflineBrain
    from assistant.brains.protocol import BrainError
    from assistant.interview import Deps, open_session
    from assistant.settings import Settings
    from assistant.store import Store
    from tests.robust.conftest import FakeKB

    class Down:
        name = "llm"

        def __getattr__(self, attr: str) -> object:
            def fail(**kwargs: object) -> object:
                raise BrainError(f"{attr}: timeout")

            return fail

    settings = Settings(POLKUOPAS_DATA_DIR=tmp_path)
    kb = FakeKB()
    offline = OfflineBrain(kb=kb)
    deps = Deps(
        settings=settings,
        store=Store.from_settings(settings),
        kb=kb,
        brain=Down(),  # type: ignore[arg-type]
        offline_brain=offline,
    )
    out = io.StringIO()
    setup_logging("warning", stream=out)
    turn = open_session(deps=deps, lang="en").opening()
    assert turn.brain == "offline"
    lines = [x for x in out.getvalue().splitlines() if "brain failed" in x]
    assert lines == [lines[0]] and "BrainError: ask: timeout" in lines[0]
    assert "Traceback" not in out.getvalue()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from assistant.cli import main; sys.argv[0] = 'polkuopas'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_cli_log_level_option(tmp_path: Path) -> None:
    good = tmp_path / "map.json"
    good.write_bytes((ROOT / "tests" / "data" / "map_en_b2b.json").read_bytes())
    ok = _cli("--log-level", "debug", "validate", str(good))
    assert ok.returncode == 0 and ok.stdout.startswith("OK:")
    bad = _cli("--log-level", "loud", "validate", str(good))
    assert bad.returncode == 2 and "--log-level" in bad.stderr and "Traceback" not in bad.stderr
    assert "--log-level" in _cli("--help").stdout
