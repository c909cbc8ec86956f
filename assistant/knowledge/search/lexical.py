"""The lexical side of hybrid search: BM25 over inflection-aware tokens, the query's
weighted tokens (with glossary expansions) and the context the character n-gram signal
sees."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from assistant.knowledge.search.config import SearchConfig
from assistant.knowledge.search.glossary import Term, expand
from assistant.knowledge.search.tokens import tokens

if TYPE_CHECKING:
    from assistant.knowledge.ingest.passages import Passage

K1, B = 1.2, 0.75


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
    query: str,
    *,
    config: SearchConfig,
    glossary: tuple[Term, ...],
    expansions: list[str] | None = None,
    lemmas: Mapping[str, str] | None = None,
) -> dict[str, float]:
    """Token -> weight: the question's own tokens, glossary expansions weaker; compound
    grams (#) and prefixes (^) bridge compounds and inflection but are weaker evidence."""
    kinds = {"#": config.gram_weight, "^": config.prefix_weight}
    weights: dict[str, float] = {}

    def add(text: str, factor: float) -> None:
        for tok in tokens(text, lemmas):
            w = factor * kinds.get(tok[0], 1.0)
            weights[tok] = max(weights.get(tok, 0.0), w)

    for term in expand(query, glossary) if expansions is None else expansions:
        add(term, config.expansion_weight)
    add(query, 1.0)
    return weights


def context_texts(passages: Sequence[Passage], *, chars: int) -> list[str]:
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
        out.append(f"{prev.text[-chars:]}\n{p.index_text}" if same_doc and prev else p.index_text)
    return out
