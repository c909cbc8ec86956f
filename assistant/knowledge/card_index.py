"""The built-in knowledge base: every guidance card, searchable, rebuilt when knowledge/ changes."""

from __future__ import annotations

import hashlib
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.knowledge.cards import Card, default_knowledge_dir, load_cards

if TYPE_CHECKING:
    from assistant.knowledge.base import Hit
    from assistant.knowledge.embeddings import Embedder
    from assistant.knowledge.hybrid import HybridIndex
    from assistant.knowledge.passages import Passage
    from assistant.settings import Settings

log = logging.getLogger(__name__)
INDEX_VERSION = "cards-v2"
"""Bump when the way cards become passages changes, so old indexes are rebuilt."""
_lock = threading.Lock()
_loaded: dict[tuple[str, str, str], tuple[str, CardIndex]] = {}


def manifest_hash(knowledge_dir: Path, embedder_name: str) -> str:
    digest = hashlib.sha256(f"{INDEX_VERSION}\0{embedder_name}".encode())
    for path in sorted(p for p in knowledge_dir.glob("**/*") if p.is_file()):
        digest.update(str(path.relative_to(knowledge_dir)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def card_passage(card: Card) -> Passage:
    from assistant.knowledge.passages import Passage
    from assistant.model import Citation

    first, *rest = card.sources or ()
    return Passage(
        id=f"{card.id}.{card.lang}",
        text=card.body,
        source=first.file if card.sources else "",
        title=first.title if card.sources else "",
        author=first.author if card.sources else "",
        lang=card.lang,
        card=card.id,
        card_title=card.title,
        extra_sources=tuple(
            Citation(card=card.id, source=s.file, title=s.title, author=s.author) for s in rest
        ),
    )


class CardIndex:
    """KnowledgeBase over the cards: one hit per card, in the preferred language when it exists."""

    def __init__(self, *, index: HybridIndex, manifest: str = "") -> None:
        self.index = index
        self.manifest = manifest
        """Hash of knowledge/ the index was built from: what caches derived from it key on."""
        self._by_id = {(p.card, p.lang): p for p in index.passages}

    def search(self, query: str, *, k: int = 5, lang: str | None = None) -> list[Hit]:
        # Callers may turn a failure into "no answer" for the user; the log keeps the cause.
        try:
            return self._search(query, k=k, lang=lang)
        except Exception as exc:
            log.warning("card search failed: %s: %s", type(exc).__name__, str(exc)[:160])
            raise

    def _search(self, query: str, *, k: int, lang: str | None) -> list[Hit]:
        from assistant.knowledge.hybrid import to_hit

        best: dict[str, tuple[float, Passage]] = {}
        for score, passage in self.index.scored(query, lang=lang):
            if passage.card in best:
                continue
            preferred = self._by_id.get((passage.card, lang)) if lang else None
            best[passage.card] = (score, preferred or passage)
            if len(best) >= k:
                break
        return [to_hit(passage, score) for score, passage in best.values()]

    def card(self, card_id: str, *, lang: str) -> Hit | None:
        from assistant.knowledge.hybrid import to_hit

        other = "en" if lang == "fi" else "fi"
        found = self._by_id.get((card_id, lang)) or self._by_id.get((card_id, other))
        return to_hit(found, 1.0) if found else None


def _build(
    *, settings: Settings, knowledge_dir: Path, embedder: Embedder, manifest: str
) -> CardIndex:
    from assistant.knowledge.chroma import (
        add_passages,
        collection_name,
        get_collection,
        load_passages,
        open_client,
    )
    from assistant.knowledge.embeddings import EmbeddingCache
    from assistant.knowledge.glossary import load_glossary
    from assistant.knowledge.hybrid import HybridIndex
    from assistant.knowledge.local_index import save_local
    from assistant.knowledge.snapshot import seed_cache

    url = settings.chroma_url
    client = open_client(path=None if url else settings.index_dir / "cards", url=url)
    name = collection_name("cards", embedder.name)
    # Without the manifest here: get_or_create must not stamp a stale index as current.
    collection = get_collection(client, name)
    if (collection.metadata or {}).get("manifest") != manifest or collection.count() == 0:
        client.delete_collection(name)
        collection = client.create_collection(
            name=name,
            embedding_function=None,
            metadata={"hnsw:space": "cosine", "manifest": manifest},
        )
        passages = [card_passage(c) for c in load_cards(knowledge_dir=knowledge_dir, fresh=True)]
        passages = list({p.id: p for p in passages}.values())
        if passages:
            cache = EmbeddingCache(settings.data_dir / "embedding_cache.sqlite3")
            texts = [p.index_text for p in passages]
            seed_cache(cache=cache, embedder=embedder, knowledge_dir=knowledge_dir, texts=texts)
            add_passages(
                collection, passages, cache.embed(embedder, [p.index_text for p in passages])
            )
            cache.close()
    loaded, vectors = load_passages(collection)
    glossary = load_glossary(knowledge_dir / "glossary.yaml")
    from assistant.knowledge.lemmas import shipped_table

    index = HybridIndex(
        passages=loaded,
        vectors=vectors,
        embedder=embedder,
        glossary=glossary,
        lemmas=shipped_table(knowledge_dir),
    )
    if not url:
        save_local(
            directory=_local_dir(settings, name),
            stamp=manifest,
            passages=loaded,
            vectors=vectors,
            token_lists=list(index.token_lists),
        )
    return CardIndex(index=index, manifest=manifest)


def _local_dir(settings: Settings, collection: str) -> Path:
    return settings.index_dir / "cards" / f"{collection}.local"


def _from_local(
    *, settings: Settings, knowledge_dir: Path, embedder: Embedder, manifest: str
) -> CardIndex | None:
    """The index from its local copy when that is current: no Chroma import on the read path."""
    from assistant.knowledge.chroma import collection_name
    from assistant.knowledge.local_index import load_local

    if settings.chroma_url:
        return None
    local = load_local(
        directory=_local_dir(settings, collection_name("cards", embedder.name)), stamp=manifest
    )
    if local is None:
        return None
    from assistant.knowledge.glossary import load_glossary
    from assistant.knowledge.hybrid import HybridIndex
    from assistant.knowledge.lemmas import shipped_table

    index = HybridIndex(
        passages=local.passages,
        vectors=local.vectors,
        embedder=embedder,
        glossary=load_glossary(knowledge_dir / "glossary.yaml"),
        token_lists=local.token_lists,
        lemmas=shipped_table(knowledge_dir),
    )
    return CardIndex(index=index, manifest=manifest)


def load_card_index(
    *, settings: Settings, knowledge_dir: Path | None = None, embedder: Embedder | None = None
) -> CardIndex:
    """The card knowledge base; built on first use, rebuilt when any file under knowledge/ changes.
    `embedder` overrides the configured one (tests count its calls)."""
    from assistant.knowledge.embeddings import get_embedder

    kdir = (knowledge_dir or default_knowledge_dir()).resolve()
    embedder = embedder or get_embedder(settings=settings)
    where = settings.chroma_url or str(settings.index_dir)
    key = (str(kdir), where, embedder.name)
    manifest = manifest_hash(kdir, embedder.name)
    with _lock:
        cached = _loaded.get(key)
        if cached and cached[0] == manifest:
            return cached[1]
        from assistant.knowledge.rebuild import load_or_build

        index = load_or_build(
            settings=settings,
            read=lambda: _from_local(
                settings=settings, knowledge_dir=kdir, embedder=embedder, manifest=manifest
            ),
            build=lambda: _build(
                settings=settings, knowledge_dir=kdir, embedder=embedder, manifest=manifest
            ),
        )
        _loaded[key] = (manifest, index)
        return index
