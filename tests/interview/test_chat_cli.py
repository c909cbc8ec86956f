"""`polkuopas chat --jsonl`: the contract acceptance checks read, through a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from assistant.model import JourneyMap

pytestmark = pytest.mark.slow  # whole interviews through a subprocess

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"text", "expects", "focus", "progress", "citations", "done", "interview_id"}
EXPECTS = {
    "business",
    "persona",
    "stages",
    "touchpoints",
    "touchpoint_detail",
    "critical",
    "metrics",
    "review",
    "done",
    "free",
}


def chat_env(kb_data_dir: Path, tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "POLKUOPAS_DATA_DIR": str(kb_data_dir),
        "POLKUOPAS_DATABASE_URL": f"sqlite:///{tmp_path / 'chat.db'}",
    }


def start(
    kb_data_dir: Path, tmp_path: Path, *args: str, stderr: int | None = None
) -> subprocess.Popen[str]:
    env = chat_env(kb_data_dir, tmp_path)
    cmd = [str(ROOT / ".venv" / "bin" / "polkuopas"), "chat", "--jsonl", "--offline", *args]
    return subprocess.Popen(
        cmd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        stderr=stderr,
    )


def line(proc: subprocess.Popen[str]) -> dict[str, Any]:
    assert proc.stdout is not None
    data: dict[str, Any] = json.loads(proc.stdout.readline())
    assert data.keys() >= KEYS and data["expects"] in EXPECTS
    assert set(data["focus"]) >= {"stage", "touchpoint"}
    assert all({"source", "title", "card"} <= c.keys() for c in data["citations"])
    return data


def send(proc: subprocess.Popen[str], text: str) -> dict[str, Any]:
    assert proc.stdin is not None
    proc.stdin.write(text + "\n")
    proc.stdin.flush()
    return line(proc)


@pytest.mark.slow
@pytest.mark.timeout(900)  # the first build of the card index embeds every card
def test_first_line_before_input_one_line_per_input_and_out_on_eof(
    real_kb: Any, kb_data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "map.json"
    proc = start(kb_data_dir, tmp_path, "--lang", "en", "--out", str(out))
    try:
        first = line(proc)  # nothing written yet: the opening comes unasked
        assert first["expects"] == "business" and not first["done"]
        turns = [send(proc, t) for t in ["We sell bikes to families.", "", "what is a touchpoint?"]]
        assert turns[1]["expects"] == turns[0]["expects"]  # the empty line: a gentle re-ask
        assert {t["interview_id"] for t in [first, *turns]} == {first["interview_id"]}
        assert proc.stdin is not None
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
        assert proc.stdout is not None and proc.stdout.read() == ""
    finally:
        proc.kill()
    journey = JourneyMap.model_validate_json(out.read_text(encoding="utf-8"))
    assert "bike" in journey.business.offering.casefold()

    out.unlink()
    resumed = start(kb_data_dir, tmp_path, "--resume", first["interview_id"], "--out", str(out))
    try:
        again = line(resumed)
        assert again["interview_id"] == first["interview_id"]
        assert again["expects"] == turns[-1]["expects"]
        done = send(resumed, "done")
        assert done["expects"] == "review"
        done = send(resumed, "yes")
        assert done["done"] and done["expects"] == "done"
        written = JourneyMap.model_validate_json(out.read_text(encoding="utf-8"))
        assert written.business.offering  # written on done, before the end of input
        after = send(resumed, "what is a touchpoint?")  # still answering after done
        assert after["done"]
    finally:
        assert resumed.stdin is not None
        resumed.stdin.close()
        resumed.wait(timeout=60)


def test_unknown_resume_id_fails_clearly(real_kb: Any, kb_data_dir: Path, tmp_path: Path) -> None:
    proc = start(kb_data_dir, tmp_path, "--resume", "nope", stderr=subprocess.PIPE)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1 and "nope" in err


@pytest.mark.parametrize("lang", ["xx"])
def test_bad_language_is_refused(tmp_path: Path, kb_data_dir: Path, lang: str) -> None:
    proc = start(kb_data_dir, tmp_path, "--lang", lang)
    proc.communicate(timeout=60)
    assert proc.returncode == 2


def test_interactive_chat_answers_shows_the_map_and_saves_on_end_of_input(
    kb_data_dir: Path, tmp_path: Path
) -> None:
    """Without --jsonl: the rich terminal chat, Finnish by default, driven through a pipe.
    Markup in the user's text is shown as typed, never interpreted."""
    env = {**chat_env(kb_data_dir, tmp_path), "COLUMNS": "120"}
    out = tmp_path / "kartta.json"
    cmd = [str(ROOT / ".venv" / "bin" / "polkuopas"), "chat", "--offline", "--out", str(out)]
    answers = "Myymme [bold]kahvia[/bold] ja pullaa kuluttajille.\n/kartta\n"
    done = subprocess.run(
        cmd, input=answers, capture_output=True, text=True, encoding="utf-8", env=env,
        cwd=tmp_path, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    shown = done.stdout
    assert "Komento /kartta näyttää kartan" in shown
    assert "Kartta tallennettu" in shown and "polkuopas chat --resume" in shown
    saved = JourneyMap.model_validate_json(out.read_text(encoding="utf-8"))
    assert "[bold]kahvia[/bold]" in (saved.business.offering or saved.business.description or "")
    assert "Traceback" not in done.stderr
