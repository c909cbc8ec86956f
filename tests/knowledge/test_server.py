"""Server mode: a real `chroma run` on 127.0.0.1, reached through POLKUOPAS_CHROMA_URL."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.settings import get_settings
from tests.servers import free_port, running

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    chroma = Path(sys.executable).with_name("chroma")
    if not chroma.exists():
        pytest.skip("chroma executable not in the venv")
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    cmd = [str(chroma), "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)]
    url = f"http://127.0.0.1:{port}"
    with running(cmd, health=f"{url}/api/v2/heartbeat", name="chroma run"):
        yield url


def test_ingest_and_search_through_a_chroma_server(
    chroma_url: str, monkeypatch: pytest.MonkeyPatch, docs_dir: Path, knowledge_dir: Path
) -> None:
    from assistant.knowledge import load_card_index, open_document_store

    monkeypatch.setenv("POLKUOPAS_CHROMA_URL", chroma_url)
    get_settings.cache_clear()
    settings = get_settings()
    store = open_document_store(settings=settings)
    assert (
        "Http" in repr(store.collection._client)
        or type(store.collection._client).__name__ != "PersistentClient"
    )
    report = store.ingest([docs_dir])
    assert report.documents == 2 and not report.errors
    assert store.ingest([docs_dir]).unchanged == 2
    # A new store object (as another process) reads the passages from the server.
    hit = open_document_store(settings=settings).search("How do I simplify the checkout?", k=1)[0]
    assert hit.source == "polku.md" and "maksutapoja" in hit.text

    import chromadb

    client = chromadb.HttpClient(host="127.0.0.1", port=int(chroma_url.rsplit(":", 1)[1]))
    kb = load_card_index(settings=settings, knowledge_dir=knowledge_dir)
    assert kb.search("kysely palkinto", k=1)[0].card == "test-survey-incentive"
    names = {c.name for c in client.list_collections()}
    assert any(n.startswith("docs-") for n in names)
    assert not any(n.startswith("cards-") for n in names), "cards are never copied to Chroma"
