"""Guidance retrieval: cards and ingested documents, hybrid search, every passage cited.

Importing this package is cheap; chromadb, numpy and the embedding model load on first use.
"""

from __future__ import annotations

from assistant.knowledge.base import Hit, KnowledgeBase
from assistant.knowledge.card_index import CardIndex, load_card_index
from assistant.knowledge.cards import Card, Source, cards_for, load_cards
from assistant.knowledge.errors import IngestError

__all__ = [
    "Card",
    "CardIndex",
    "Hit",
    "IngestError",
    "KnowledgeBase",
    "Source",
    "cards_for",
    "load_card_index",
    "load_cards",
]
