"""A read-side copy of an index (json + npy) written beside its Chroma collection.

Chroma stays the store of record; importing it costs over a second, so a search whose
index is current reads passages, vectors and BM25 tokens from here instead. The copy is
trusted only when its stamp (the card manifest, or the Chroma file's size and mtime)
equals the caller's; anything unreadable simply means "rebuild from Chroma".
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.knowledge.embeddings import Matrix
    from assistant.knowledge.passages import Passage

log = logging.getLogger(__name__)
FORMAT = "local-v4"
"""Bump when the content or the tokeniser changes, so old copies are ignored."""


@dataclass(frozen=True)
class LocalIndex:
    """What a HybridIndex needs, without Chroma."""

    passages: list[Passage]
    vectors: Matrix
    token_lists: list[list[str]]
    """BM25 tokens of each passage's index_text (stemming them is most of an index build)."""


def load_local(*, directory: Path, stamp: str) -> LocalIndex | None:
    import numpy as np

    from assistant.knowledge.passages import Passage

    try:
        meta = json.loads((directory / "index.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT or meta.get("stamp") != stamp:
            return None
        vectors = np.load(directory / "vectors.npy", allow_pickle=False)
        rows = meta["passages"]
        passages = [Passage.from_chroma(r["id"], r["text"], r["meta"]) for r in rows]
        token_lists = [list(map(str, r["tokens"])) for r in rows]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.debug("no local index in %s: %s", directory, exc)
        return None
    if len(passages) != len(vectors):
        return None
    return LocalIndex(passages=passages, vectors=vectors, token_lists=token_lists)


def save_local(
    *,
    directory: Path,
    stamp: str,
    passages: list[Passage],
    vectors: Matrix,
    token_lists: list[list[str]],
) -> None:
    """Write the copy; a failure is logged, never raised (the next search rebuilds it)."""
    import numpy as np

    rows = [
        {"id": p.id, "text": p.text, "meta": p.metadata(), "tokens": toks}
        for p, toks in zip(passages, token_lists, strict=True)
    ]
    meta = {"format": FORMAT, "stamp": stamp, "passages": rows}
    try:
        directory.mkdir(parents=True, exist_ok=True)
        pid = os.getpid()
        # Vectors first, index.json last: a reader that sees the new stamp sees the new vectors.
        tmp_vec = directory / f"vectors.{pid}.tmp.npy"
        np.save(tmp_vec, np.asarray(vectors, dtype=np.float32), allow_pickle=False)
        os.replace(tmp_vec, directory / "vectors.npy")
        tmp_meta = directory / f"index.{pid}.tmp"
        tmp_meta.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp_meta, directory / "index.json")
    except OSError as exc:
        log.warning("could not write the local index in %s: %s", directory, exc)
