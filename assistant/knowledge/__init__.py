"""Guidance retrieval: guidance cards and ingested documents, hybrid search, every passage
cited. Two jobs, two subpackages: ingest/ (files in, passages out) and search/ (ranking,
configured by a frozen SearchConfig). The public API is what this module exports.

Importing this package is cheap; numpy, chromadb and the embedding model load on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assistant.knowledge.documents import DocumentStore
from assistant.knowledge.ingest.cards import (
    Card,
    Source,
    cards_for,
    example_questions,
    load_cards,
    load_sources,
)
from assistant.knowledge.ingest.outcome import IngestError
from assistant.knowledge.search.config import SearchConfig
from assistant.knowledge.search.hits import Hit, KnowledgeBase

if TYPE_CHECKING:
    from assistant.knowledge.search.card_index import CardIndex
    from assistant.knowledge.search.embeddings import Embedder
    from assistant.settings import Settings

__all__ = [
    "Card",
    "Hit",
    "IngestError",
    "KnowledgeBase",
    "SearchConfig",
    "Source",
    "cards_for",
    "example_questions",
    "load_card_index",
    "load_cards",
    "load_sources",
    "open_document_store",
]


def load_card_index(
    *,
    settings: Settings,
    knowledge_dir: Path | None = None,
    embedder: Embedder | None = None,
    config: SearchConfig | None = None,
) -> CardIndex:
    """The card knowledge base (search/card_index.py), built once per process."""
    from assistant.knowledge.search.card_index import load_card_index as load  # numpy

    return load(
        settings=settings,
        knowledge_dir=knowledge_dir,
        embedder=embedder,
        config=config or SearchConfig(),
    )


def open_document_store(
    *,
    settings: Settings,
    path: Path | None = None,
    embedder: Embedder | None = None,
    config: SearchConfig | None = None,
) -> DocumentStore:
    """A store of ingested documents (documents.py): `path` for an embedded Chroma folder,
    else the configured Chroma server or the default folder in the data dir."""
    return DocumentStore(
        settings=settings, path=path, embedder=embedder, config=config or SearchConfig()
    )
