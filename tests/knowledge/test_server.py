"""Server mode: a real `chroma run` on 127.0.0.1, reached through POLKUOPAS_CHROMA_URL."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.settings import get_settings

pytestmark = pytest.mark.server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    chroma = Path(sys.executable).with_name("chroma")
    if not chroma.exists():
        pytest.skip("chroma executable not in the venv")
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("chroma run did not start")
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_ingest_and_search_through_a_chroma_server(
    chroma_url: str, monkeypatch: pytest.MonkeyPatch, docs_dir: Path, knowledge_dir: Path
) -> None:
    from assistant.knowledge import load_card_index
    from assistant.knowledge.store import DocumentStore

    monkeypatch.setenv("POLKUOPAS_CHROMA_URL", chroma_url)
    get_settings.cache_clear()
    settings = get_settings()
    store = DocumentStore(settings=settings)
    assert type(store.collection._client).__name__ != "PersistentClient" or "Http" in repr(
        store.collection._client
    )
    report = store.ingest([docs_dir])
    assert report.documents == 2 and not report.errors
    assert store.ingest([docs_dir]).unchanged == 2
    hit = store.search("How do I simplify the checkout?", k=1)[0]
    assert hit.source == "polku.md" and "maksutapoja" in hit.text

    import chromadb

    names = {
        c.name
        for c in chromadb.HttpClient(
            host="127.0.0.1", port=int(chroma_url.rsplit(":", 1)[1])
        ).list_collections()
    }
    assert any(n.startswith("docs-") for n in names)
    kb = load_card_index(settings=settings, knowledge_dir=knowledge_dir)
    assert kb.search("kysely palkinto", k=1)[0].card == "test-survey-incentive"
    assert any(
        n.startswith("cards-")
        for n in {
            c.name
            for c in chromadb.HttpClient(
                host="127.0.0.1", port=int(chroma_url.rsplit(":", 1)[1])
            ).list_collections()
        }
    )
