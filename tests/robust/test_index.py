"""The card index as derived data: parallel first searches on a fresh data dir all answer,
damaged card vectors are embedded again, and search failures are always logged."""

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
def test_damaged_card_vectors_are_embedded_again_with_one_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from assistant.knowledge.search import card_index
    from assistant.knowledge.search.embeddings import HashEmbedder
    from assistant.settings import Settings

    settings = Settings(POLKUOPAS_DATA_DIR=tmp_path)  # type: ignore[call-arg]
    card_index.load_card_index(settings=settings, embedder=HashEmbedder())
    files = list((tmp_path / "index" / "cards").glob("*"))
    assert files, "the fallback embedder's vectors are kept in the data dir"
    for path in files:
        path.write_bytes(os.urandom(500))
    card_index._loaded.clear()
    with caplog.at_level(logging.WARNING):
        kb = card_index.load_card_index(settings=settings, embedder=HashEmbedder())
    assert kb.search("mikä on kosketuspiste", k=1)
    assert [r.getMessage()[:24] for r in caplog.records] == ["card vectors unreadable "]
    caplog.clear()
    card_index._loaded.clear()
    with caplog.at_level(logging.WARNING):
        card_index.load_card_index(settings=settings, embedder=HashEmbedder())
    assert not caplog.records, "and it stays repaired"


def test_a_failing_search_is_logged_before_it_is_raised(caplog: pytest.LogCaptureFixture) -> None:
    from assistant.knowledge.search.card_index import CardIndex

    class Broken:
        passages: tuple[object, ...] = ()

        def scored(self, query: str, *, lang: str | None) -> list[object]:
            raise OSError("vectors.npy: Input/output error")

    index = CardIndex(index=Broken())  # type: ignore[arg-type]
    with caplog.at_level(logging.WARNING), pytest.raises(OSError):
        index.search("kosketuspiste", lang="fi")
    assert "card search failed: OSError" in caplog.text


def test_a_failed_build_is_reported_not_hidden(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from assistant.knowledge.search.card_index import IndexUnavailable, load_card_index
    from assistant.settings import Settings

    class Failing:
        name = "failing-embedder"

        def passages(self, texts: list[str]) -> object:
            raise OSError("disk full")

        def query(self, text: str) -> object:
            raise OSError("disk full")

    settings = Settings(POLKUOPAS_DATA_DIR=tmp_path)  # type: ignore[call-arg]
    with caplog.at_level(logging.WARNING), pytest.raises(IndexUnavailable):
        load_card_index(settings=settings, embedder=Failing())  # type: ignore[arg-type]
    assert "card index unavailable: OSError: disk full" in caplog.text
