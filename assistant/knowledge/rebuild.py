"""The card index is derived data: built under a cross-process lock, rebuilt when broken.

Why a file lock: six processes starting on a fresh data dir each built the index into
the same Chroma folder at once and five crashed ("collection does not exist"). With the
lock one process builds; the others wait, then read what it wrote.

Why rebuild: a corrupt Chroma file or embedding cache made every search crash until
someone deleted the folder. Everything under index/cards and the embedding cache can be
made again from knowledge/, so an unreadable index is logged, removed and rebuilt once.
A Chroma server's data is not ours to delete: there a failure is reported, not repaired.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from assistant.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")
LOCK_TIMEOUT = 900.0
"""Seconds to wait for another process's build (a cold build on a slow machine)."""


class IndexUnavailable(RuntimeError):
    """The card index could not be read or built, even after a rebuild."""


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:200]


def derived_paths(settings: Settings) -> list[Path]:
    """What a rebuild removes: the embedded card index (Chroma + local copy) and the cache."""
    return [settings.index_dir / "cards", settings.data_dir / "embedding_cache.sqlite3"]


def discard(settings: Settings) -> None:
    from assistant.knowledge.chroma import forget_client

    forget_client(path=settings.index_dir / "cards")
    for path in derived_paths(settings):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            for extra in (
                path,
                path.with_name(path.name + "-wal"),
                path.with_name(path.name + "-shm"),
            ):
                extra.unlink(missing_ok=True)


def load_or_build(*, settings: Settings, read: Callable[[], T | None], build: Callable[[], T]) -> T:
    """`read()` if a current index is on disk, else `build()` under the lock, once more after
    discarding a broken one. Raises IndexUnavailable (logged) when even that fails."""
    from filelock import FileLock, Timeout

    found = read()
    if found is not None:
        return found
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(settings.index_dir / "cards.lock"), timeout=LOCK_TIMEOUT)
    try:
        with lock:
            found = read()  # built by another process while we waited
            if found is not None:
                return found
            try:
                return build()
            except Exception as exc:
                if settings.chroma_url:
                    log.error("card index on the Chroma server failed: %s", _reason(exc))
                    raise IndexUnavailable(_reason(exc)) from exc
                log.warning("card index unreadable (%s): rebuilding it", _reason(exc))
                log.debug("card index failure", exc_info=True)
            discard(settings)
            try:
                return build()
            except Exception as exc:
                log.error("card index rebuild failed: %s", _reason(exc))
                raise IndexUnavailable(_reason(exc)) from exc
    except Timeout as exc:
        log.error("waited %.0f s for another process to build the card index", LOCK_TIMEOUT)
        raise IndexUnavailable("index build lock timeout") from exc
