"""The card bridge: guidance cards lead a question to the article passages they retell.

Every card is written in Finnish and in English from one source article and cites it. A
question is matched against the cards of both languages, so an English question meets
English text, a far easier match than an English question against a Finnish passage. Each
card then passes its score on to the passages of the article it cites that say the same
thing (card against passage, both in the passage's language). It is cross-language explicit
semantic analysis with the cards as the concepts. A card supports only passages of a
document it cites, known by file name or title, so the user's own documents are untouched.
"""

from __future__ import annotations

import threading
from collections import Counter
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from assistant.knowledge.ingest.passages import Passage
    from assistant.knowledge.search.embeddings import Matrix
    from assistant.knowledge.search.hybrid import HybridIndex


class CardBridge:
    """Scores a document index's passages through the cards (a HybridIndex of card passages)."""

    def __init__(
        self, *, cards: HybridIndex, documents: HybridIndex, questions: HybridIndex | None = None
    ) -> None:
        """The affinity is computed on first use (about a second for a few hundred
        passages) and kept for the life of the index. `questions` holds the cards' example
        questions: a question like one of them points to that card."""
        self.cards = cards
        self.documents = documents
        self.questions = questions
        self._card_ids = sorted({p.card for p in cards.passages if p.card})
        self._row = {card: i for i, card in enumerate(self._card_ids)}
        self._affinity: Matrix | None = None
        self._lock = threading.Lock()

    @property
    def affinity(self) -> Matrix:
        """Card (row) by passage (column): how well the card retells the passage, 0..1 per
        card, 0 for passages of documents the card does not cite."""
        with self._lock:
            if self._affinity is None:
                self._affinity = self._compute()
            return self._affinity

    def _compute(self) -> Matrix:
        docs = self.documents.passages
        out = np.zeros((len(self._card_ids), len(docs)), dtype=np.float32)
        by_name: dict[str, set[int]] = {}
        for i, p in enumerate(docs):
            if not p.card:
                for name in (p.source, p.title):
                    by_name.setdefault(name.casefold(), set()).add(i)
        by_name.pop("", None)
        versions: dict[str, dict[str, int]] = {}
        for j, card in enumerate(self.cards.passages):
            if card.card:
                versions.setdefault(card.card, {})[card.lang] = j
        for card_id, by_lang in versions.items():
            first = self.cards.passages[next(iter(by_lang.values()))]
            names = [first.source, first.title]
            names += [name for c in first.extra_sources for name in (c.source, c.title)]
            cited = sorted({i for name in names for i in by_name.get(name.casefold(), ())})
            if not cited:
                continue
            # The card in the language the cited text is written in: a Finnish card retells a
            # Finnish article far more exactly than its English twin, which would instead
            # favour any stray English paragraph of that article.
            lang = Counter(docs[i].lang for i in cited).most_common(1)[0][0]
            j = by_lang.get(lang, next(iter(by_lang.values())))
            scores = self.documents.fused(
                self.cards.passages[j].index_text, vector=self.cards.vectors[j]
            )[cited]
            top = float(scores.max())
            if top > 0:
                out[self._row[card_id], cited] = scores / top
        return out

    def _per_card(self, scores: Matrix, passages: list[Passage]) -> Matrix:
        """The best of `scores` over each card's passages (both languages), 0 for none."""
        out = np.zeros(len(self._card_ids), dtype=np.float32)
        for score, passage in zip(scores, passages, strict=True):
            row = self._row.get(passage.card)
            if row is not None and score > out[row]:
                out[row] = score
        return out

    def scores(self, query: str) -> Matrix:
        """0..1 per document passage: the best of (card score x affinity) over the question's
        top cards, scaled so the best passage has 1; all zeros when no card applies. A card's
        score is its text's, plus its closest example question's (config.bridge_questions)."""
        affinity = self.affinity
        if not affinity.any():
            return np.zeros(len(self.documents.passages), dtype=np.float32)
        per_card = self._per_card(self.cards.fused(query), self.cards.passages)
        weight = self.documents.config.bridge_questions
        if self.questions is not None and weight:
            asked = self.questions.dense(query)
            per_card += weight * self._per_card(asked, self.questions.passages)
        top = np.argsort(-per_card, kind="stable")[: self.documents.config.bridge_cards]
        support = np.max(per_card[top, None] * affinity[top], axis=0)
        best = float(support.max())
        return np.asarray(support / best if best > 0 else support, dtype=np.float32)
