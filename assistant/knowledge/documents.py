"""A user store of ingested documents: files in, cited passages out, idempotent by content hash.

Chroma (embedded in a directory, or a server) is the one store of the passages and their
vectors, and of their windows of a few sentences (a second collection): ingest writes them
there, and each search process reads them from there into an in-memory hybrid index. Beside it lives only the lemma table of its text (lemmas.py), which
would otherwise cost a dictionary load per search process.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.knowledge.chroma import (
    add_passages,
    collection_name,
    get_collection,
    load_passages,
    open_client,
)
from assistant.knowledge.ingest.cards import load_sources
from assistant.knowledge.ingest.chunking import chunk_text, sentence_windows
from assistant.knowledge.ingest.outcome import EmptyDocumentError, IngestError, IngestReport
from assistant.knowledge.ingest.passages import Passage
from assistant.knowledge.ingest.readers import collect, read_document
from assistant.knowledge.search.config import DEFAULT, SearchConfig
from assistant.knowledge.search.embeddings import get_embedder
from assistant.knowledge.search.glossary import load_glossary
from assistant.knowledge.search.lemmas import table_for
from assistant.lang.detect import guess_lang
from assistant.resources import KNOWLEDGE_DIR

if TYPE_CHECKING:
    from assistant.knowledge.search.bridge import CardBridge
    from assistant.knowledge.search.embeddings import Embedder, Matrix
    from assistant.knowledge.search.hits import Hit
    from assistant.knowledge.search.hybrid import HybridIndex
    from assistant.settings import Settings


class DocumentStore:
    """KnowledgeBase over the documents ingested into one Chroma collection."""

    def __init__(
        self,
        *,
        settings: Settings,
        path: Path | None = None,
        embedder: Embedder | None = None,
        config: SearchConfig = DEFAULT,
    ) -> None:
        self.settings = settings
        self.embedder = embedder or get_embedder(settings=settings)
        self.config = config
        self._url = None if path is not None else settings.chroma_url
        self._path = path or settings.index_dir / "user"
        self._index: HybridIndex | None = None

    @cached_property
    def collection(self) -> Any:
        client = open_client(path=self._path, url=self._url)
        return get_collection(client, collection_name("docs", self.embedder.name))

    @cached_property
    def windows(self) -> Any:
        """The passages' windows (chunking.sentence_windows), each under its passage's
        doc_key and position."""
        client = open_client(path=self._path, url=self._url)
        return get_collection(client, collection_name("windows", self.embedder.name))

    def ingest(self, paths: list[Path], *, chunk_chars: int | None = None) -> IngestReport:
        files, skipped = collect(paths)
        report = IngestReport(skipped=skipped)
        for path in files:
            try:
                status, count = self._ingest_one(path, chunk_chars=chunk_chars)
            except IngestError as exc:
                report.errors.append((path, exc))
                continue
            report.documents += 1
            report.passages += count
            setattr(report, status, getattr(report, status) + 1)
        self._index = None
        if report.added or report.replaced:
            self.index()  # the lemma table is built now, while the user waits anyway
        return report

    def _ingest_one(self, path: Path, *, chunk_chars: int | None) -> tuple[str, int]:
        doc = read_document(path)
        doc_hash = hashlib.sha256(doc.raw).hexdigest()
        key = str(path.resolve())
        old = self.collection.get(where={"doc_key": key}, include=["metadatas"])
        old_ids: list[str] = old["ids"]
        old_windows: list[str] = self.windows.get(where={"doc_key": key}, include=[])["ids"]
        same = all((m or {}).get("doc_hash") == doc_hash for m in old["metadatas"])
        if old_ids and old_windows and same:  # a store from before windows gets them now
            return "unchanged", len(old_ids)
        chunks = chunk_text(doc.text, max_chars=chunk_chars)
        if not chunks:
            raise EmptyDocumentError(path.name)
        known = load_sources().get(path.name)
        title, author = known if known else (doc.title, "")
        stem = hashlib.sha256(f"{key}\0{doc_hash}".encode()).hexdigest()[:24]
        passages = [
            Passage(
                id=f"{stem}-{i}",
                text=text,
                source=path.name,
                title=title,
                author=author,
                position=i,
                lang=guess_lang(text),
                doc_key=key,
                doc_hash=doc_hash,
            )
            for i, text in enumerate(chunks)
        ]
        windows = [
            replace(p, id=f"{p.id}.w{j}", text=text)
            for p in passages
            for j, text in enumerate(sentence_windows(p.text))
        ]
        vectors = self._vectors(passages, old=(self.collection, old_ids))
        # A short passage is its own window: its vector is reused, not embedded again.
        own = dict(zip((p.text for p in passages), vectors, strict=True))
        window_vectors = self._vectors(windows, old=(self.windows, old_windows), known=own)
        for collection, ids in ((self.collection, old_ids), (self.windows, old_windows)):
            if ids:
                collection.delete(ids=ids)
        add_passages(self.collection, passages, vectors)
        add_passages(self.windows, windows, window_vectors)
        return ("replaced" if old_ids else "added"), len(passages)

    def _vectors(
        self,
        passages: list[Passage],
        *,
        old: tuple[Any, list[str]],
        known: dict[str, Matrix] | None = None,
    ) -> Matrix:
        """Embeddings of the passages; those whose text the old version of the document
        already had (`old`: a collection and its ids) come from Chroma, and those of
        `known` (text -> vector) from there, not from the model."""
        import numpy as np

        collection, old_ids = old
        reuse: dict[str, Matrix] = dict(known or {})
        if old_ids:
            got = collection.get(ids=old_ids, include=["documents", "embeddings"])
            reuse.update(zip(got["documents"], got["embeddings"], strict=True))
        texts = [p.text for p in passages]
        todo = [t for t in dict.fromkeys(texts) if t not in reuse]
        # index_text is what is embedded; for a document passage it is its text.
        fresh = self.embedder.passages(todo)
        reuse.update(zip(todo, fresh, strict=True))
        return np.asarray([reuse[t] for t in texts], dtype=np.float32)

    def count(self) -> int:
        return int(self.collection.count())

    def index(self) -> HybridIndex:
        if self._index is None:
            from assistant.knowledge.search.hybrid import HybridIndex

            passages, vectors = load_passages(self.collection)
            windows, window_vectors = load_passages(self.windows)
            self._index = HybridIndex(
                passages=passages,
                vectors=vectors,
                windows=windows,
                window_vectors=window_vectors,
                embedder=self.embedder,
                config=self.config,
                glossary=load_glossary(KNOWLEDGE_DIR / "glossary.yaml"),
                lemmas=self._lemmas(passages),
            )
            self._index.bridge = self._card_bridge(self._index)
        return self._index

    def _lemmas(self, passages: list[Passage]) -> dict[str, str]:
        return table_for(passages, path=self._path / "lemmas.json")

    def _card_bridge(self, index: HybridIndex) -> CardBridge | None:
        """Guidance cards that cite ingested articles lend those passages their support."""
        if not (self.config.bridge_weight or self.config.bridge_weight_en) or not index.passages:
            return None
        from assistant.knowledge.search.bridge import CardBridge
        from assistant.knowledge.search.card_index import load_card_index

        cards = load_card_index(settings=self.settings, embedder=self.embedder, config=self.config)
        return CardBridge(cards=cards.index, documents=index, questions=cards.questions)

    def search(self, query: str, *, k: int = 5, lang: str | None = None) -> list[Hit]:
        return self.index().search(query, k=k, lang=lang)

    def card(self, card_id: str, *, lang: str) -> Hit | None:
        return None
