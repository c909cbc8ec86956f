"""Transcript export (md, html, json) from the store and the CLI: everything escaped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.export.interview_data import transcript_data
from assistant.export.transcript import render
from assistant.store import Store
from assistant.turns import Role

PAYLOAD = "<script>alert(1)</script> <img src=x onerror=alert(2)> ![i](http://e.com/a.png) [l](http://e.com)"


def _interview(store: Store) -> tuple[str, str]:
    info, token = store.create_owned_interview(title="Kahvila <b>")
    first = store.add_turn(info.id, role=Role.USER, text=PAYLOAD)
    store.add_turn(info.id, role=Role.ASSISTANT, text="Selvä.", brain="offline")
    store.add_comment(info.id, author="<i>K</i>", text=PAYLOAD, target=f"turn:{first}", kind="turn")
    return info.id, token


def test_html_is_self_contained_and_inert(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'db.sqlite'}") as store:
        interview_id, _ = _interview(store)
        page = render(transcript_data(store, interview_id), "html")
    assert "<script" not in page and "<img" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "default-src 'none'" in page and "http-equiv" in page
    assert "<link" not in page and 'src="' not in page and "href=" not in page
    assert "Viesti #1" in page and "offline" in page


def test_markdown_has_no_live_html_links_or_images(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'db.sqlite'}") as store:
        interview_id, _ = _interview(store)
        text = render(transcript_data(store, interview_id), "md")
    assert "<script" not in text and "<img" not in text
    assert "](http" not in text.replace("\\](http", "")
    assert "\\!\\[i\\]" in text


def test_json_keeps_the_text_exactly(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'db.sqlite'}") as store:
        interview_id, _ = _interview(store)
        doc = json.loads(render(transcript_data(store, interview_id), "json"))
    assert doc["format"] == "polkuopas-transcript/1"
    assert doc["turns"][0]["text"] == PAYLOAD and doc["comments"][0]["text"] == PAYLOAD


@pytest.mark.slow
def test_cli_by_owner_link_and_by_id(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    with Store(f"sqlite:///{db}") as store:
        interview_id, token = _interview(store)
    env = {
        **os.environ,
        "POLKUOPAS_DATA_DIR": str(tmp_path),
        "POLKUOPAS_DATABASE_URL": f"sqlite:///{db}",
    }
    cli = [str(Path(sys.executable).parent / "polkuopas")]
    out = tmp_path / "t.html"
    done = subprocess.run(
        [*cli, "transcript", f"https://app.example/?k={token}", "--format", "html", "-o", str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "&lt;script&gt;" in out.read_text(encoding="utf-8")
    done = subprocess.run(
        [*cli, "transcript", interview_id, "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and json.loads(done.stdout)["turns"][0]["text"] == PAYLOAD
    done = subprocess.run(
        [*cli, "transcript", "no-such-thing"], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1 and "no such interview" in done.stderr
