"""A wheel of the project, installed (not editable) into a fresh venv, runs a whole offline
interview and a search from a folder that knows nothing of the repository: the prompts
and the guidance cards must come with the package.

Installing every dependency anew takes minutes and downloads from PyPI, so by default the
fresh venv gets the wheel alone and borrows the test venv's libraries through a path
file (its editable finder is not loaded: a plain path line runs no .pth files). Set
POLKUOPAS_FULL_INSTALL=1 to install the wheel with all its dependencies instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from benchmarks.understanding import reply

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "understanding" / "dev" / "dev-en-dentist.yaml"


def _run(*cmd: str | Path, **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, check=True, **kw)


def _wheel(out: Path) -> Path:
    _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", out, ROOT, timeout=600)
    (wheel,) = out.glob("polkuopas-*.whl")
    return wheel


def _venv(wheel: Path, where: Path) -> Path:
    _run(sys.executable, "-m", "venv", where, timeout=300)
    python = where / "bin" / "python"
    if os.environ.get("POLKUOPAS_FULL_INSTALL"):
        _run(python, "-m", "pip", "install", "-q", wheel, timeout=3600)
        return where
    _run(python, "-m", "pip", "install", "-q", "--no-deps", wheel, timeout=300)
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
    borrowed = sysconfig.get_path("purelib")
    (Path(purelib.stdout.strip()) / "borrowed-libraries.pth").write_text(borrowed + "\n")
    return where


def _interview(venv: Path, *, env: dict[str, str], cwd: Path) -> dict[str, Any]:
    """The scripted dentist interview through `polkuopas chat --jsonl`, one line at a time."""
    script = yaml.safe_load(SCRIPT.read_text(encoding="utf-8"))
    out = cwd / "map.json"
    cmd = [venv / "bin" / "polkuopas", "chat", "--jsonl", "--offline", "--lang", "en"]
    proc = subprocess.Popen(
        [str(c) for c in [*cmd, "--out", out]],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=cwd,
    )
    assert proc.stdin is not None and proc.stdout is not None
    turn = json.loads(proc.stdout.readline())
    for _ in range(80):
        if turn["done"] or turn["expects"] == "done":
            break
        text, _key = reply(script, turn)
        proc.stdin.write(text + "\n")
        proc.stdin.flush()
        turn = json.loads(proc.stdout.readline())
    proc.stdin.close()
    assert proc.wait(timeout=120) == 0
    assert turn["done"] or turn["expects"] == "done"
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_installed_wheel_interviews_and_searches(tmp_path: Path) -> None:
    wheel = _wheel(tmp_path / "dist")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "assistant/resources/prompts/questions.fi.yaml" in names
    assert "assistant/lang/models/touchpoints.crfsuite" in names
    assert any(n.startswith("assistant/resources/knowledge/cards/") for n in names)
    assert "assistant/store/migrations/env.py" in names

    venv = _venv(wheel, tmp_path / "venv")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")},
        "POLKUOPAS_DATA_DIR": str(tmp_path / "data"),
        "POLKUOPAS_DATABASE_URL": f"sqlite:///{tmp_path / 'smoke.db'}",
    }
    where = _run(
        venv / "bin" / "python",
        "-c",
        "import assistant; print(assistant.__file__)",
        env=env,
        cwd=elsewhere,
    )
    assert Path(where.stdout.strip()).is_relative_to(venv)

    journey = _interview(venv, env=env, cwd=elsewhere)
    assert journey["business"]["name"] and len(journey["stages"]) >= 3
    assert len(journey["suggestions"]) >= 5

    found = _run(
        venv / "bin" / "polkuopas",
        "search",
        "hinnoittelu",
        "--json",
        env=env,
        cwd=elsewhere,
        timeout=900,
    )
    hits = json.loads(found.stdout.splitlines()[0])
    assert hits and all(h["source"] for h in hits)
