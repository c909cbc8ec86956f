"""PDF text extraction in a child process, so a hostile PDF cannot stall or starve ingest.

Why a process: a "PDF bomb" (a few kilobytes that decompress into gigabytes of drawing
operators) keeps pypdf busy for hours in pure Python, which no thread can interrupt. A
child process gets a memory ceiling and a CPU ceiling, an alarm per page, and is killed
by the parent when the whole document overruns; the parent only reads a small JSON reply.

Protocol: the PDF's bytes on stdin; on stdout one JSON object, either
{"pages": [text, ...]} or {"error": kind, "page": n} with kind in
too_slow, too_much_text, too_many_pages, encrypted, broken, no_memory.
"""

from __future__ import annotations

import contextlib
import io
import json
import signal
import sys
import time
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PdfLimits:
    """Ceilings for one PDF. The defaults leave ordinary articles far below them."""

    page_seconds: float = 5.0
    doc_seconds: float = 30.0
    page_chars: int = 200_000
    doc_chars: int = 2_000_000
    pages: int = 2_000
    memory_bytes: int = 1024 * 1024 * 1024

    def args(self) -> list[str]:
        return [
            str(v)
            for v in (
                self.page_seconds,
                self.doc_seconds,
                self.page_chars,
                self.doc_chars,
                self.pages,
                self.memory_bytes,
            )
        ]

    @classmethod
    def from_args(cls, argv: list[str]) -> PdfLimits:
        a = argv
        return cls(float(a[0]), float(a[1]), int(a[2]), int(a[3]), int(a[4]), int(a[5]))


class _PageTimeout(BaseException):
    """A BaseException, so pypdf's own `except Exception` cannot swallow it."""


def _alarm(_signum: int, _frame: Any) -> None:
    raise _PageTimeout


def _ceilings(limits: PdfLimits) -> None:
    import resource

    for which, value in (
        (resource.RLIMIT_AS, limits.memory_bytes),
        (resource.RLIMIT_CPU, int(limits.doc_seconds) + 2),
    ):
        with contextlib.suppress(ValueError, OSError):  # a lower hard limit is in force
            resource.setrlimit(which, (value, value))


def extract(data: bytes, limits: PdfLimits) -> dict[str, Any]:
    """The reply for `data` (see the module doc)."""
    from pypdf import PdfReader

    start = time.monotonic()
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        return {"error": "encrypted"}
    if len(reader.pages) > limits.pages:
        return {"error": "too_many_pages", "page": len(reader.pages)}
    pages: list[str] = []
    total = 0
    signal.signal(signal.SIGALRM, _alarm)
    for number, page in enumerate(reader.pages, start=1):
        left = limits.doc_seconds - (time.monotonic() - start)
        if left <= 0:
            return {"error": "too_slow", "page": number}
        signal.setitimer(signal.ITIMER_REAL, min(limits.page_seconds, left))
        try:
            text = page.extract_text() or ""
        except _PageTimeout:
            return {"error": "too_slow", "page": number}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        total += len(text)
        if len(text) > limits.page_chars or total > limits.doc_chars:
            return {"error": "too_much_text", "page": number}
        pages.append(text)
    return {"pages": pages}


def main(argv: list[str]) -> int:
    limits = PdfLimits.from_args(argv)
    _ceilings(limits)
    data = sys.stdin.buffer.read()
    try:
        reply = extract(data, limits)
    except MemoryError:
        reply = {"error": "no_memory"}
    except _PageTimeout:
        reply = {"error": "too_slow"}
    except Exception as exc:  # pypdf raises many kinds on broken files
        reply = {"error": "broken", "detail": f"{type(exc).__name__}: {exc}"[:200]}
    sys.stdout.write(json.dumps(reply, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
