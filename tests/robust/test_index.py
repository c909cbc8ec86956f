"""The card index as derived data: one builder at a time across processes, rebuilt by
itself when its files are unreadable, and search failures always logged."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

CODE = "import sys; from assistant.cli import main; sys.argv[0] = 'polkuopas'; main()"


def search(data_dir: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "POLKUOPAS_DATA_DIR": str(data_dir)}
    return subprocess.Popen(
        [sys.executable, "-c", CODE, "search", "--json", "mikä on kosketuspiste"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=600)
    return proc.returncode, out, err


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_parallel_first_searches_on_a_fresh_data_dir_all_answer(tmp_path: Path) -> None:
    procs = [search(tmp_path) for _ in range(4)]
    results = [finish(p) for p in procs]
    for code, out, err in results:
        assert code == 0, err[-400:]
        assert "Kosketuspiste" in out


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_corrupt_index_is_rebuilt_by_itself_with_one_log_line(tmp_path: Path) -> None:
    code, _, err = finish(search(tmp_path))
    assert code == 0, err
    cards = tmp_path / "index" / "cards"
    for local in cards.glob("*.local"):
        (local / "index.json").write_text("garbage", encoding="utf-8")
    (cards / "chroma.sqlite3").write_bytes(os.urandom(50_000))
    (tmp_path / "embedding_cache.sqlite3").write_bytes(os.urandom(5_000))
    code, out, err = finish(search(tmp_path))
    assert code == 0, err[-400:]
    assert "Kosketuspiste" in out
    assert "Traceback" not in err
    assert [x for x in err.splitlines() if x.strip()] == [
        x for x in err.splitlines() if "card index unreadable" in x
    ]
    code, _, err = finish(search(tmp_path))  # and it stays repaired
    assert code == 0 and "unreadable" not in err


def test_a_failing_search_is_logged_before_it_is_raised(caplog: pytest.LogCaptureFixture) -> None:
    from assistant.knowledge.card_index import CardIndex

    class Broken:
        passages: tuple[object, ...] = ()

        def scored(self, query: str, *, lang: str | None) -> list[object]:
            raise OSError("vectors.npy: Input/output error")

    index = CardIndex(index=Broken())  # type: ignore[arg-type]
    with caplog.at_level(logging.WARNING), pytest.raises(OSError):
        index.search("kosketuspiste", lang="fi")
    assert "card search failed: OSError" in caplog.text


def test_a_failed_rebuild_is_reported_not_hidden(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from assistant.knowledge.rebuild import IndexUnavailable, load_or_build
    from assistant.settings import Settings

    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        raise OSError("disk full")

    settings = Settings(POLKUOPAS_DATA_DIR=tmp_path)
    with caplog.at_level(logging.WARNING), pytest.raises(IndexUnavailable):
        load_or_build(settings=settings, read=lambda: None, build=build)
    assert len(calls) == 2, "one rebuild after discarding the broken index"
    assert "rebuilding" in caplog.text and "rebuild failed: OSError: disk full" in caplog.text
