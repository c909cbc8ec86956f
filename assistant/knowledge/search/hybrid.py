"""Hybrid search in memory: BM25 over inflection-aware tokens (lexical.py), cosine over
vectors and, for Finnish questions, character n-gram TF-IDF, fused as a weighted sum; over
ingested articles also the support of the guidance cards that retell them (bridge.py).

Searching happens here rather than in Chroma because BM25 needs every passage anyway and a
numpy dot over a few thousand vectors takes well under a millisecond. Each signal is scaled
to 0..1 per query (vectors min-max, lexical by their maximum). An English question is
embedded together with the Finnish forms of the glossary terms it mentions, a rough
translation the multilingual vectors can use.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

import numpy as np

from assistant.knowledge.ingest.chunking import looks_like_references
from assistant.knowledge.search.charngrams import CharNgramIndex
from assistant.knowledge.search.config import DEFAULT, SearchConfig
from assistant.knowledge.search.embeddings import embed_query
from assistant.knowledge.search.glossary import Term, expand, translate_terms
from assistant.knowledge.search.hits import Hit
from assistant.knowledge.search.lexical import BM25, context_texts, query_weights
from assistant.knowledge.search.spoken import written_text
from assistant.knowledge.search.tokens import tokens, words
from assistant.lang.detect import query_lang

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from assistant.knowledge.ingest.passages import Passage
    from assistant.knowledge.search.embeddings import Embedder, Matrix

MAX_TEXT = 1000
"""Characters of a passage a hit carries."""


class Support(Protocol):
    """What the index asks of the card bridge (bridge.py, which builds on this module)."""

    def scores(self, query: str) -> Matrix: ...


class HybridIndex:
    def __init__(
        self,
        *,
        passages: list[Passage],
        vectors: Matrix,
        embedder: Embedder,
        config: SearchConfig = DEFAULT,
        glossary: tuple[Term, ...] = (),
        lemmas: Mapping[str, str] | None = None,
        windows: list[Passage] | None = None,
        window_vectors: Matrix | None = None,
    ) -> None:
        """`windows` are the document passages' runs of a few sentences (same doc_key and
        position as their passage), `window_vectors` their embeddings."""
        self.passages = passages
        self.vectors = vectors
        self.embedder = embedder
        self.config = config
        self.glossary = glossary
        self.lemmas = lemmas or {}
        self.bridge: Support | None = None
        """Set by the document store when guidance cards cite the ingested articles."""
        self.bm25 = BM25([tokens(p.index_text, self.lemmas) for p in passages])
        self.chars = CharNgramIndex(context_texts(passages, chars=config.context_chars))
        references = [not p.card and looks_like_references(p.text) for p in passages]
        self._damping = np.where(references, config.reference_factor, 1.0).astype(np.float32)
        self._prev, self._next = _neighbours(passages)
        self._known = known_words(passages, self.lemmas)
        self.windows: HybridIndex | None = None
        if windows and window_vectors is not None:
            self.windows = HybridIndex(
                passages=windows,
                vectors=window_vectors,
                embedder=embedder,
                config=config,
                glossary=glossary,
                lemmas=self.lemmas,
            )
        self._owner = _owners(passages, windows or [])

    def fused(self, query: str, *, vector: Matrix | None = None) -> Matrix:
        """Every passage's fused score of vectors, BM25 and character n-grams over its whole
        text, in passage order. `vector` stands in for the query's embedding (the bridge passes
        a card's own: a card retells a whole passage, so windows do not enter here)."""
        cfg = self.config
        finnish = query_lang(query) == "fi"
        expansions = expand(query, self.glossary)
        weights = query_weights(
            query, config=cfg, glossary=self.glossary, expansions=expansions, lemmas=self.lemmas
        )
        bm25 = np.asarray(self.bm25.scores(weights))
        dense = self.dense(query, vector=vector)
        if bm25.max() > 0:
            bm25 = bm25 / bm25.max()
        share = cfg.vector_weight if finnish else cfg.vector_weight_en
        fused = share * dense + (1 - share) * bm25
        if cfg.char_weight and finnish:
            fused = fused + cfg.char_weight * (self._char_scores(query, expansions) - bm25)
        return np.asarray(fused, dtype=np.float32)

    def written(self, query: str) -> str:
        """A Finnish `query` with its spoken words read as the written ones this index knows
        (spoken.py); the user's question only, never a card's text."""
        return written_text(query, self._known) if query_lang(query) == "fi" else query

    def _with_windows(self, query: str, fused: Matrix) -> Matrix:
        """The passages' fused scores mixed with their best window's (config.window_weight)."""
        share = self.config.window_weight
        if self.windows is None or not share:
            return fused
        scores = self.windows.fused(query)
        kept = self._owner >= 0
        best = np.full(len(self.passages), -np.inf, dtype=np.float32)
        np.maximum.at(best, self._owner[kept], scores[kept])
        best = np.where(np.isfinite(best), best, fused)  # no window: the passage's own
        return np.asarray((1 - share) * fused + share * best, dtype=np.float32)

    def dense(self, query: str, *, vector: Matrix | None = None) -> Matrix:
        """Every passage's cosine with the query, stretched to 0..1 (e5 cosines sit in a
        narrow band, ~0.7-0.9). An English query is embedded with the Finnish forms of the
        glossary terms it mentions; `vector` stands in for the query's embedding."""
        if vector is None:
            finnish = query_lang(query) == "fi"
            translated = [query] if finnish else [query, *translate_terms(query, self.glossary)]
            vector = embed_query(self.embedder, " ".join(translated))
        dense = self.vectors @ vector
        low, high = float(dense.min()), float(dense.max())
        return (dense - low) / (high - low) if high > low else np.clip(dense, 0, 1)

    def scored(self, query: str, *, lang: str | None = None) -> list[tuple[float, Passage]]:
        """Every passage with its final score, best first (vectors always rank something)."""
        if not self.passages or not query.strip():
            return []
        query = self.written(query)
        fused = self._with_windows(query, self.fused(query))
        cfg = self.config
        bridge = cfg.bridge_weight if query_lang(query) == "fi" else cfg.bridge_weight_en
        if self.bridge is not None and bridge:
            fused += bridge * self.bridge.scores(query)
        if cfg.neighbour_weight:
            padded = np.append(fused, np.float32(0))  # index -1: no neighbour
            around = np.maximum(padded[self._prev], padded[self._next])
            fused = fused + cfg.neighbour_weight * around
        fused *= self._damping
        if lang:
            same = np.asarray([p.lang == lang for p in self.passages], np.float32)
            fused += cfg.lang_bonus * same
        order = np.argsort(-fused, kind="stable")
        return [(float(fused[i]), self.passages[i]) for i in order]

    def _char_scores(self, query: str, expansions: list[str]) -> Matrix:
        weighted = [(query, 1.0), *((t, self.config.expansion_weight) for t in expansions)]
        chars = np.asarray(self.chars.scores(self.chars.query_vector(weighted)))
        top = chars.max()
        return chars / top if top > 0 else chars

    def search(self, query: str, *, k: int = 5, lang: str | None = None) -> list[Hit]:
        return [to_hit(p, score) for score, p in self.scored(query, lang=lang)[: max(k, 0)]]


def known_words(passages: list[Passage], lemmas: Mapping[str, str]) -> frozenset[str]:
    """The written words a question's spoken ones may stand for (spoken.py): every form of
    the lemma table, its lemmas and the words of the passages themselves."""
    own = (w for p in passages for w in words(p.index_text))
    return frozenset((*lemmas, *lemmas.values(), *own))


def _owners(passages: list[Passage], windows: list[Passage]) -> NDArray[np.int64]:
    """Index of each window's passage (same document and position; -1: none)."""
    at = {(p.doc_key, p.position): i for i, p in enumerate(passages) if not p.card}
    return np.asarray([at.get((w.doc_key, w.position), -1) for w in windows], dtype=np.int64)


def _neighbours(passages: list[Passage]) -> tuple[Matrix, Matrix]:
    """Index of the passage before and after each one in the same document (-1: none)."""
    at = {(p.doc_key, p.position): i for i, p in enumerate(passages) if not p.card}
    prev = [at.get((p.doc_key, p.position - 1), -1) if not p.card else -1 for p in passages]
    after = [at.get((p.doc_key, p.position + 1), -1) if not p.card else -1 for p in passages]
    return np.asarray(prev, dtype=np.int64), np.asarray(after, dtype=np.int64)


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
