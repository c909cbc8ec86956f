"""Chroma access: an embedded PersistentClient in a directory, or an HttpClient for a server.

We always pass embeddings ourselves (Chroma's default embedding function would
download a model) and turn anonymised telemetry off.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from assistant.knowledge.ingest.passages import Passage

if TYPE_CHECKING:
    from assistant.knowledge.search.embeddings import Matrix

_clients: dict[str, Any] = {}


def open_client(*, path: Path | None = None, url: str | None = None) -> Any:
    """A cached client: HttpClient for `url`, else PersistentClient in `path`."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    key = url or str(Path(path or ".").resolve())
    if key in _clients:
        return _clients[key]
    config = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if url:
        parsed = urlparse(url if "://" in url else f"http://{url}")
        client = chromadb.HttpClient(
            host=parsed.hostname or "127.0.0.1",
            port=parsed.port or (443 if parsed.scheme == "https" else 8000),
            ssl=parsed.scheme == "https",
            settings=config,
        )
    else:
        assert path is not None
        path.mkdir(parents=True, exist_ok=True)
        client = chromadb.PersistentClient(path=str(path), settings=config)
    _clients[key] = client
    return client


def forget_client(*, path: Path) -> None:
    """Drop the cached client of `path` (its files are about to be removed and rebuilt)."""
    key = str(Path(path).resolve())
    client = _clients.pop(key, None)
    with contextlib.suppress(Exception):
        from chromadb.api.shared_system_client import SharedSystemClient

        if client is not None:
            client.close()
        SharedSystemClient._identifier_to_system.pop(key, None)
        SharedSystemClient._identifier_to_refcount.pop(key, None)


def collection_name(prefix: str, embedder_name: str) -> str:
    """Chroma names allow [a-zA-Z0-9._-]; one collection per vector space."""
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", f"{prefix}-{embedder_name}").strip("-._")
    return slug[:120]


def get_collection(client: Any, name: str) -> Any:
    return client.get_or_create_collection(
        name=name, embedding_function=None, metadata={"hnsw:space": "cosine"}
    )


def add_passages(collection: Any, passages: list[Passage], vectors: Matrix) -> None:
    for start in range(0, len(passages), 1000):
        part = passages[start : start + 1000]
        collection.add(
            ids=[p.id for p in part],
            documents=[p.text for p in part],
            metadatas=[p.metadata() for p in part],
            embeddings=vectors[start : start + len(part)],
        )


def load_passages(collection: Any) -> tuple[list[Passage], Matrix]:
    """Every passage with its vector, in a stable order (by source, then position)."""
    import numpy as np

    got = collection.get(include=["documents", "metadatas", "embeddings"])
    rows = [
        (Passage.from_chroma(pid, doc or "", dict(meta or {})), emb)
        for pid, doc, meta, emb in zip(
            got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
        )
    ]
    rows.sort(key=lambda r: (r[0].doc_key, r[0].source, r[0].position, r[0].id))
    if not rows:
        return [], np.zeros((0, 1), dtype=np.float32)
    return [r[0] for r in rows], np.asarray([r[1] for r in rows], dtype=np.float32)
