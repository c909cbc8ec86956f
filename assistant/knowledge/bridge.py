"""The card bridge: guidance cards lead a question to the article passages they retell.

Every card is written in Finnish and in English from one source article and cites it. A
question is matched against the cards of both languages, so an English question meets
English text, a far easier match than an English question against a Finnish passage. Each
card then passes its score on to the passages of the article it cites that say the same
thing (card against passage, both in the passage's language). It is cross-language explicit
semantic analysis with the cards as the concepts. A card supports only passages of a
document it cites, known by file name or title, so the user's own documents are untouched.

Measured on benchmarks/retrieval.py (hit@3 fi / en-on-fi): tune 0.89 / 0.74 -> 0.92 / 0.94,
held out 0.67 / 0.67 -> 0.67 / 1.00 with weight 0.5 from the top 3 cards; on the untouched
final set 0.86 / 0.72 without the bridge, 0.86 / 0.78 with it. Keeping only each card's
best 1-3 passages, letting a card support passages of articles it does not cite, or the
card in the question's language instead of the article's measured worse.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from assistant.knowledge.embeddings import Matrix
    from assistant.knowledge.hybrid import HybridIndex

log = logging.getLogger(__name__)
FORMAT = "bridge-v5"
"""Bump when the affinity is computed differently, so saved copies are ignored."""
ENABLED = True
"""Off only to measure search without the cards (benchmarks/retrieval.py --no-bridge)."""
TOP_CARDS = 3
"""How many of the question's best cards pass their score on."""


class CardBridge:
    """Scores a document index's passages through the cards (a HybridIndex of card passages)."""

    def __init__(
        self,
        *,
        cards: HybridIndex,
        documents: HybridIndex,
        cards_stamp: str = "",
        cache_dir: Path | None = None,
    ) -> None:
        """`cards_stamp` identifies the cards' content; with `cache_dir` the affinity is saved
        there and reused while the cards and the documents' passages stay the same."""
        self.cards = cards
        self.documents = documents
        self.cards_stamp = cards_stamp
        self.cache_dir = cache_dir
        self._card_ids = sorted({p.card for p in cards.passages if p.card})
        self._row = {card: i for i, card in enumerate(self._card_ids)}
        self._affinity: Matrix | None = None
        self._lock = threading.Lock()

    @property
    def affinity(self) -> Matrix:
        """Card (row) by passage (column): how well the card retells the passage, 0..1 per
        card, 0 for passages of documents the card does not cite. Computed on first use."""
        with self._lock:
            if self._affinity is None:
                self._affinity = self._load()
            if self._affinity is None:
                self._affinity = self._compute()
                self._save(self._affinity)
            return self._affinity

    def _key(self) -> str:
        from assistant.knowledge import hybrid

        digest = hashlib.sha256(FORMAT.encode())
        parts = [
            self.cards_stamp,
            self.documents.embedder.name,
            f"{hybrid.FUSION}:{hybrid.FUSION_WEIGHT}:{hybrid.CHAR_WEIGHT}",
            *(p.id for p in self.cards.passages),
            *(p.id for p in self.documents.passages),
        ]
        for part in parts:
            digest.update(part.encode() + b"\0")
        return digest.hexdigest()

    def _load(self) -> Matrix | None:
        if self.cache_dir is None or not self.cards_stamp:
            return None
        try:
            meta = json.loads((self.cache_dir / "bridge.json").read_text(encoding="utf-8"))
            if meta.get("key") != self._key():
                return None
            matrix = np.load(self.cache_dir / "bridge.npy", allow_pickle=False)
        except (OSError, ValueError) as exc:
            log.debug("no saved card bridge in %s: %s", self.cache_dir, exc)
            return None
        expected = (len(self._card_ids), len(self.documents.passages))
        return matrix if matrix.shape == expected else None

    def _save(self, matrix: Matrix) -> None:
        """Matrix first, key last; a failure is logged, never raised."""
        if self.cache_dir is None or not self.cards_stamp:
            return
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = self.cache_dir / f"bridge.{os.getpid()}.tmp.npy"
            np.save(tmp, matrix, allow_pickle=False)
            os.replace(tmp, self.cache_dir / "bridge.npy")
            tmp_meta = self.cache_dir / f"bridge.{os.getpid()}.tmp"
            tmp_meta.write_text(json.dumps({"key": self._key()}), encoding="utf-8")
            os.replace(tmp_meta, self.cache_dir / "bridge.json")
        except OSError as exc:
            log.warning("could not save the card bridge in %s: %s", self.cache_dir, exc)

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

    def scores(self, query: str) -> Matrix:
        """0..1 per document passage: the best of (card score x affinity) over the question's
        top cards, scaled so the best passage has 1; all zeros when no card applies."""
        affinity = self.affinity
        if not affinity.any():
            return np.zeros(len(self.documents.passages), dtype=np.float32)
        per_card = np.zeros(len(self._card_ids), dtype=np.float32)
        card_scores = self.cards.fused(query)
        for score, passage in zip(card_scores, self.cards.passages, strict=True):
            row = self._row.get(passage.card)
            if row is not None and score > per_card[row]:
                per_card[row] = score
        top = np.argsort(-per_card, kind="stable")[:TOP_CARDS]
        support = np.max(per_card[top, None] * affinity[top], axis=0)
        best = float(support.max())
        return np.asarray(support / best if best > 0 else support, dtype=np.float32)
