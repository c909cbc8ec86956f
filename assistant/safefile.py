"""Reading a file named by a user without trusting what the name points at.

A FIFO blocks a reader forever, a link to /dev/zero or /dev/urandom never ends, and a
huge file fills memory. So: resolve links and `os.stat` the target (only regular files
pass), open without blocking, check the opened descriptor again (the name may have been
swapped in between), and read at most `limit` bytes plus one to tell "too large".
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotRegularFileError(OSError):
    """The path is a FIFO, device, socket or directory, not an ordinary file."""

    def __init__(self, path: Path, kind: str) -> None:
        self.kind = kind
        super().__init__(f"not a regular file ({kind}) / ei tavallinen tiedosto: {path}")


class TooLargeError(OSError):
    """The file holds more than the allowed number of bytes."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(f"too large: over {limit} bytes / liian suuri: {path}")


def _kind(mode: int) -> str:
    checks = (
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISDIR, "directory"),
    )
    return next((name for check, name in checks if check(mode)), "special file")


def check_regular(path: Path) -> os.stat_result:
    """The stat of what `path` finally points at; NotRegularFileError unless a regular file."""
    info = os.stat(path.resolve(), follow_symlinks=True)
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFileError(path, _kind(info.st_mode))
    return info


def read_regular_file(path: Path, *, limit: int) -> bytes:
    """The bytes of regular file `path`, at most `limit` of them (else TooLargeError)."""
    info = check_regular(path)
    if info.st_size > limit:
        raise TooLargeError(path, info.st_size, limit)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as f:
        opened = os.fstat(f.fileno())
        if not stat.S_ISREG(opened.st_mode):
            raise NotRegularFileError(path, _kind(opened.st_mode))
        data = f.read(limit + 1)
    if len(data) > limit:  # it grew after the stat
        raise TooLargeError(path, len(data), limit)
    return data
