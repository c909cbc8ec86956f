"""A database that breaks under a running interview: a garbage-filled file, a file that
vanished, a read-only file. Real files, a real store and session; the user is told
plainly (in their language), the message is kept, and saved once the database is back."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from assistant.interview import Deps, open_session
from assistant.model import Lang
from assistant.settings import Settings
from assistant.store import Store
from assistant.turns import Role
from tests.robust.conftest import ROOT, FakeKB


@pytest.fixture
def deps(tmp_path: Path) -> Deps:
    from assistant.brains.offline.offline_brain import OfflineBrain

    settings = Settings(POLKUOPAS_DATA_DIR=tmp_path)
    kb = FakeKB()
    offline = OfflineBrain(kb=kb)  # type: ignore[arg-type]
    store = Store.from_settings(settings)
    return Deps(settings=settings, store=store, kb=kb, brain=offline, offline_brain=offline)  # type: ignore[arg-type]


def _db_files(tmp_path: Path) -> list[Path]:
    return sorted(tmp_path.glob("polkuopas.db*"))


def _user_texts(url: str, interview_id: str) -> list[str]:
    with Store(url) as fresh:
        return [t.text for t in fresh.transcript(interview_id) if t.role is Role.USER]


def test_garbage_in_the_file_is_reported_and_the_message_saved_after_repair(
    deps: Deps, tmp_path: Path
) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    session.opening()
    session.step("Leipomo Vehnä myy leipää perheille")
    db = tmp_path / "polkuopas.db"
    good = db.read_bytes()
    db.write_bytes(os.urandom(len(good)))  # the same size, nothing but garbage

    turn = session.step("Nuoret lapsiperheet")
    assert "vioittunut" in turn.text and "tallessa" in turn.text
    assert turn.unsaved == 1 and [h.text for h in session.held] == ["Nuoret lapsiperheet"]
    again = session.step("Haluavat tuoretta leipää")
    assert again.unsaved == 2

    db.write_bytes(good)  # repaired (restored from backup)
    turn = session.step("Aamulla kiire")
    assert turn.unsaved == 0 and not session.held
    assert "vioittunut" not in turn.text
    assert _user_texts(deps.store.url, session.id) == [
        "Leipomo Vehnä myy leipää perheille",
        "Nuoret lapsiperheet",
        "Haluavat tuoretta leipää",
        "Aamulla kiire",
    ]
    assert len([t for t in session.transcript() if t.role is Role.ASSISTANT]) == 5


def test_a_vanished_database_is_reported_and_the_message_saved_when_it_is_back(
    deps: Deps, tmp_path: Path
) -> None:
    session = open_session(deps=deps, lang=Lang.EN)
    session.opening()
    away = tmp_path / "away"
    away.mkdir()
    for f in _db_files(tmp_path):
        f.rename(away / f.name)

    turn = session.step("We sell bread to families")
    assert "can't reach the database" in turn.text and "kept" in turn.text
    assert "Traceback" not in turn.text and turn.unsaved == 1

    for f in _db_files(tmp_path):  # SQLite left an empty file in its place
        f.unlink()
    for f in away.iterdir():
        f.rename(tmp_path / f.name)
    turn = session.step("Young parents")
    assert turn.unsaved == 0
    assert _user_texts(deps.store.url, session.id) == ["We sell bread to families", "Young parents"]


@pytest.mark.slow
def test_a_corrupt_database_at_start_is_one_plain_line_and_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "polkuopas.db").write_bytes(os.urandom(8192))
    env = {**os.environ, "POLKUOPAS_DATA_DIR": str(tmp_path)}
    cmd = [str(ROOT / ".venv" / "bin" / "polkuopas"), "chat", "--jsonl", "--offline"]
    done = subprocess.run(cmd, input="", capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1 and done.stdout == ""
    assert "tietokanta" in done.stderr and "vioittunut" in done.stderr
    assert "Traceback" not in done.stderr


def _without_file_override() -> list[str]:
    """As root, file modes do not bind: drop the capabilities that ignore them."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a read-only file cannot be shown")
    cmd = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    if subprocess.run([*cmd, "true"], capture_output=True).returncode != 0:
        pytest.skip("running as root and setpriv cannot drop capabilities here")
    return cmd


def _line(proc: subprocess.Popen[str]) -> dict[str, Any]:
    assert proc.stdout is not None
    data: dict[str, Any] = json.loads(proc.stdout.readline())
    return data


def _send(proc: subprocess.Popen[str], text: str) -> dict[str, Any]:
    assert proc.stdin is not None
    proc.stdin.write(text + "\n")
    proc.stdin.flush()
    return _line(proc)


@pytest.mark.slow
def test_a_read_only_database_through_chat_jsonl(tmp_path: Path, shared_kb_dir: Path) -> None:
    """The chat process keeps running; its message waits, and is saved once writable."""
    from assistant.knowledge import load_card_index

    load_card_index(settings=Settings(POLKUOPAS_DATA_DIR=shared_kb_dir))  # built once, here
    db = tmp_path / "chat.db"
    env = {
        **os.environ,
        "POLKUOPAS_DATA_DIR": str(shared_kb_dir),
        "POLKUOPAS_DATABASE_URL": f"sqlite:///{db}",
    }
    cmd = [*_without_file_override(), str(ROOT / ".venv" / "bin" / "polkuopas")]
    proc = subprocess.Popen(
        [*cmd, "chat", "--jsonl", "--offline", "--lang", "fi"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    try:
        opening = _line(proc)
        _send(proc, "Kahvila Kuppi myy kahvia opiskelijoille")
        for f in sorted(tmp_path.glob("chat.db*")):
            f.chmod(0o444)
        turn = _send(proc, "Kiireiset opiskelijat")
        assert "vain luku" in turn["text"] and turn["unsaved"] == 1
        for f in sorted(tmp_path.glob("chat.db*")):
            f.chmod(0o644)
        turn = _send(proc, "Haluavat nopean kahvin")
        assert turn["unsaved"] == 0
    finally:
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and "Traceback" not in err
    assert _user_texts(f"sqlite:///{db}", opening["interview_id"]) == [
        "Kahvila Kuppi myy kahvia opiskelijoille",
        "Kiireiset opiskelijat",
        "Haluavat nopean kahvin",
    ]
