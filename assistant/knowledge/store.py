"""A user store of ingested documents: files in, cited passages out, idempotent by content hash."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.knowledge.errors import IngestError
from assistant.resources import KNOWLEDGE_DIR

if TYPE_CHECKING:
    from assistant.knowledge.base import Hit
    from assistant.knowledge.bridge import CardBridge
    from assistant.knowledge.embeddings import Embedder
    from assistant.knowledge.hybrid import HybridIndex
    from assistant.knowledge.latent import LatentTerms
    from assistant.knowledge.passages import Passage
    from assistant.settings import Settings


@dataclass
class IngestReport:
    """What one ingest run did."""

    documents: int = 0
    passages: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    errors: list[tuple[Path, IngestError]] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    """README/LICENSE/CHANGELOG files found in a directory and left out."""

    def summary(self) -> str:
        line = (
            f"{self.documents} documents, {self.passages} passages "
            f"({self.added} new, {self.replaced} replaced, {self.unchanged} unchanged)"
        )
        if self.skipped:
            names = ", ".join(sorted({p.name for p in self.skipped}))
            line += f"; skipped {len(self.skipped)} folder notes / ohitettu: {names}"
        return line


class DocumentStore:
    """Chroma collection of document passages plus an in-memory hybrid index for search."""

    def __init__(
        self, *, settings: Settings, path: Path | None = None, embedder: Embedder | None = None
    ) -> None:
        from assistant.knowledge.embeddings import EmbeddingCache, get_embedder

        self.settings = settings
        self.embedder = embedder or get_embedder(settings=settings)
        self._url = None if path is not None else settings.chroma_url
        self._path = path or settings.index_dir / "user"
        self.cache = EmbeddingCache(settings.data_dir / "embedding_cache.sqlite3")
        self._index: HybridIndex | None = None

    @cached_property
    def collection(self) -> Any:
        """Opened on first use: a search over a current local copy never imports Chroma."""
        from assistant.knowledge.chroma import collection_name, get_collection, open_client

        client = open_client(path=self._path, url=self._url)
        return get_collection(client, collection_name("docs", self.embedder.name))

    def _stamp(self) -> str | None:
        """Identifies the Chroma file's state; None for a server (no local copy then)."""
        try:
            info = (self._path / "chroma.sqlite3").stat()
        except OSError:
            return None
        return "\0".join([self.embedder.name, str(info.st_size), str(info.st_mtime_ns)])

    def ingest(self, paths: list[Path]) -> IngestReport:
        from assistant.knowledge.readers import collect

        files, skipped = collect(paths)
        report = IngestReport(skipped=skipped)
        for path in files:
            try:
                status, count = self._ingest_one(path)
            except IngestError as exc:
                report.errors.append((path, exc))
                continue
            report.documents += 1
            report.passages += count
            setattr(report, status, getattr(report, status) + 1)
        self._index = None
        if report.added or report.replaced:
            self._warm()
        return report

    def _warm(self) -> None:
        """Build the read-side copies now, while the user waits for an ingest anyway, so
        the first search after it does not pay for them."""
        bridge = self.index().bridge
        if bridge is not None:
            bridge.affinity  # noqa: B018 - computed and saved on first access

    def _ingest_one(self, path: Path) -> tuple[str, int]:
        from assistant.knowledge.cards import load_sources
        from assistant.knowledge.chroma import add_passages
        from assistant.knowledge.chunking import chunk_text
        from assistant.knowledge.errors import EmptyDocumentError
        from assistant.knowledge.passages import Passage
        from assistant.knowledge.readers import read_document
        from assistant.knowledge.textproc import guess_lang

        doc = read_document(path)
        doc_hash = hashlib.sha256(doc.raw).hexdigest()
        key = str(path.resolve())
        existing = self.collection.get(where={"doc_key": key}, include=["metadatas"])
        old_ids: list[str] = existing["ids"]
        if old_ids and all((m or {}).get("doc_hash") == doc_hash for m in existing["metadatas"]):
            return "unchanged", len(old_ids)
        chunks = chunk_text(doc.text)
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
        vectors = self.cache.embed(self.embedder, [p.index_text for p in passages])
        self._latent_terms([p.index_text for p in passages])  # cached now, not at first search
        if old_ids:
            self.collection.delete(ids=old_ids)
        add_passages(self.collection, passages, vectors)
        return ("replaced" if old_ids else "added"), len(passages)

    def count(self) -> int:
        return int(self.collection.count())

    def index(self) -> HybridIndex:
        if self._index is None:
            from assistant.knowledge.glossary import load_glossary
            from assistant.knowledge.hybrid import HybridIndex
            from assistant.knowledge.local_index import load_local, save_local

            local_dir = self._path / "local-index"
            stamp = None if self._url else self._stamp()
            local = load_local(directory=local_dir, stamp=stamp) if stamp else None
            if local is not None:
                passages, vectors, token_lists = local.passages, local.vectors, local.token_lists
            else:
                from assistant.knowledge.chroma import load_passages

                passages, vectors = load_passages(self.collection)
                token_lists = None
            self._index = HybridIndex(
                passages=passages,
                vectors=vectors,
                embedder=self.embedder,
                glossary=load_glossary(KNOWLEDGE_DIR / "glossary.yaml"),
                latent=self._latent_terms([p.index_text for p in passages]),
                token_lists=token_lists,
                lemmas=self._lemmas(passages, local_dir),
            )
            self._index.bridge = self._card_bridge(self._index)
            # Stamped after reading: opening Chroma may itself touch its file.
            stamp = None if self._url else self._stamp()
            if local is None and stamp:
                save_local(
                    directory=local_dir,
                    stamp=stamp,
                    passages=passages,
                    vectors=vectors,
                    token_lists=list(self._index.token_lists),
                )
        return self._index

    def _lemmas(self, passages: list[Passage], directory: Path) -> dict[str, str]:
        """The lemma table of these passages and of the cards (lemmas.py): read when saved
        for exactly these passages, else built (~4 s for the dictionary once per process,
        then ~0.2 s; ingest does it) and saved."""
        from assistant.knowledge import lemmas
        from assistant.knowledge.cards import default_knowledge_dir

        if not passages:
            return {}  # nothing to match against
        kdir = default_knowledge_dir()
        try:  # the cards' table is part of this one: a new one means a rebuild
            info = (kdir / lemmas.FILE).stat()
            digest = hashlib.sha256(f"{info.st_size}-{info.st_mtime_ns}".encode())
        except OSError:
            digest = hashlib.sha256(b"no card table")
        for p in passages:
            digest.update(p.id.encode() + b"\0")
        key = digest.hexdigest()
        path = directory / "lemmas.json"
        table = lemmas.load_table(path, key=key)
        if table is None:
            base = lemmas.shipped_table(kdir)
            table = lemmas.build_table([p.index_text for p in passages], base=base)
            lemmas.save_table(path, table, key=key)
        return table

    def _card_bridge(self, index: HybridIndex) -> CardBridge | None:
        """Guidance cards that cite ingested articles lend those passages their support."""
        from assistant.knowledge import bridge

        if not bridge.ENABLED or not index.passages:
            return None
        from assistant.knowledge.card_index import load_card_index

        cards = load_card_index(settings=self.settings, embedder=self.embedder)
        return bridge.CardBridge(
            cards=cards.index,
            documents=index,
            cards_stamp=cards.manifest,
            cache_dir=self._path / "local-index",
        )

    def _latent_terms(self, texts: list[str]) -> LatentTerms | None:
        from assistant.knowledge import latent

        return latent.latent_terms(cache=self.cache, texts=texts) if latent.ENABLED else None

    def search(self, query: str, *, k: int = 5, lang: str | None = None) -> list[Hit]:
        return self.index().search(query, k=k, lang=lang)

    def card(self, card_id: str, *, lang: str) -> Hit | None:
        return None
