"""Character n-gram TF-IDF: the lexical signal that needs no language knowledge at all.

Each word is padded with spaces and cut into 3- to 5-letter grams that never cross a word
boundary (scikit-learn's "char_wb" analyser), weighted by sublinear tf times smoothed idf
and L2-normalised per passage; a query's score is the cosine with each passage. Finnish
inflection and compounding change a word's ending and glue words together, but most of
its grams survive: "kosketuspisteiden" and "kosketuspiste" share nearly all of theirs.
Written out here rather than taken from scikit-learn, whose import alone would cost a
good part of the cold-search budget for some forty lines of arithmetic.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from assistant.knowledge.search.tokens import STOPWORDS, words

MIN_N, MAX_N = 3, 5


def grams(text: str) -> Counter[str]:
    """Counts of the 3- to 5-grams of each non-stopword in `text`, within word boundaries."""
    out: Counter[str] = Counter()
    for word in words(text):
        if word in STOPWORDS or len(word) < 2:
            continue
        padded = f" {word} "
        for n in range(MIN_N, MAX_N + 1):
            out.update(padded[i : i + n] for i in range(len(padded) - n + 1))
    return out


class CharNgramIndex:
    """Sparse TF-IDF vectors of passages, searched through an inverted index."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.n = len(texts)
        counts = [grams(t) for t in texts]
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        self.idf = {g: math.log((1 + self.n) / (1 + d)) + 1 for g, d in df.items()}
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, c in enumerate(counts):
            weights = {g: (1 + math.log(tf)) * self.idf[g] for g, tf in c.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            for g, w in weights.items():
                self.postings[g].append((i, w / norm))

    def query_vector(self, texts: Sequence[tuple[str, float]]) -> dict[str, float]:
        """Weighted sum of the TF-IDF vectors of (text, weight) pairs, L2-normalised.
        Grams unknown to the corpus are dropped: they cannot match anything."""
        vec: dict[str, float] = defaultdict(float)
        for text, factor in texts:
            for g, tf in grams(text).items():
                idf = self.idf.get(g)
                if idf is not None:
                    vec[g] += factor * (1 + math.log(tf)) * idf
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {g: w / norm for g, w in vec.items()}

    def scores(self, query: dict[str, float]) -> list[float]:
        out = [0.0] * self.n
        for g, qw in query.items():
            for i, dw in self.postings.get(g, ()):
                out[i] += qw * dw
        return out
