"""Read txt, md, html and pdf files into plain text, refusing what is not a usable document."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from assistant.knowledge.ingest.html_text import html_to_text
from assistant.knowledge.ingest.outcome import (
    BinaryFileError,
    BrokenFileError,
    EmptyDocumentError,
    FileTooLargeError,
    IngestError,
    NotAFileError,
    TooSlowError,
    UnsupportedFormatError,
)
from assistant.knowledge.ingest.pdf_worker import PdfLimits
from assistant.safefile import NotRegularFileError, TooLargeError, read_regular_file

MAX_BYTES = 20 * 1024 * 1024
"""Larger files are refused: no guidance article is this big, and parsing one would stall."""
DEFAULT_LIMITS = PdfLimits()
MAX_CHARS = 5_000_000
"""Characters of text one document may yield (about 2,000 pages): more is refused."""
SUPPORTED = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
             ".htm": "html", ".pdf": "pdf"}  # fmt: skip


@dataclass(frozen=True)
class Document:
    """One readable file."""

    path: Path
    text: str
    """The file's text (HTML without tags, PDF pages joined)."""
    title: str
    """First heading or first line (or HTML <title>)."""
    kind: str
    """txt, md, html or pdf."""
    raw: bytes
    """The file's bytes, for the content hash."""


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise BinaryFileError(name, "NUL bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
        if control > len(text) * 0.01 or text.count("\ufffd") > len(text) * 0.01:
            raise BinaryFileError(name, "not UTF-8 text") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _first_line_title(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200]
    return ""


def _read_pdf(data: bytes, name: str, limits: PdfLimits) -> str:
    """The text of a PDF, extracted in a child process under `limits` (see pdf_worker)."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise BrokenFileError(name, "no PDF header")
    cmd = [sys.executable, "-m", "assistant.knowledge.ingest.pdf_worker", *limits.args()]
    try:
        done = subprocess.run(
            cmd, input=data, capture_output=True, timeout=limits.doc_seconds + 5, check=False
        )
        reply = json.loads(done.stdout or b"{}")
    except subprocess.TimeoutExpired:  # run() has killed the child
        raise TooSlowError(name, f"> {limits.doc_seconds:g} s") from None
    except (OSError, ValueError) as exc:
        raise BrokenFileError(name, f"PDF reader: {type(exc).__name__}") from exc
    if "pages" in reply:
        return "\n\n".join(str(page).strip() for page in reply["pages"])
    raise _pdf_error(name, reply, limits, done.returncode)


def _pdf_error(name: str, reply: dict[str, object], limits: PdfLimits, code: int) -> IngestError:
    error, page = reply.get("error"), reply.get("page")
    where = f"page {page} / sivu {page}: " if page else ""
    if error == "too_slow":
        return TooSlowError(name, f"{where}> {limits.page_seconds:g} s")
    if error == "too_much_text":
        return FileTooLargeError(name, f"{where}> {limits.page_chars} / {limits.doc_chars} chars")
    if error == "too_many_pages":
        return FileTooLargeError(name, f"{page} pages > {limits.pages}")
    if error == "encrypted":
        return BrokenFileError(name, "encrypted PDF")
    if error == "no_memory" or code < 0:  # killed: memory or CPU ceiling
        return FileTooLargeError(name, "PDF needs too much memory or time")
    return BrokenFileError(name, f"PDF: {reply.get('detail', error or code)}")


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        return read_regular_file(path, limit=MAX_BYTES)
    except NotRegularFileError as exc:
        raise NotAFileError(name, exc.kind) from None
    except TooLargeError as exc:
        mb = 1024 * 1024
        raise FileTooLargeError(name, f"{exc.size // mb} MB > {MAX_BYTES // mb} MB") from None
    except OSError as exc:
        raise BrokenFileError(name, exc.strerror or str(exc)) from exc


def read_document(path: Path, *, limits: PdfLimits = DEFAULT_LIMITS) -> Document:
    """Read `path`; raise an IngestError subclass when it cannot become passages.

    Only regular files are read (not a FIFO, a device or a link to one), at most
    MAX_BYTES of them; a PDF is read under `limits`, any document up to MAX_CHARS."""
    name = path.name
    kind = SUPPORTED.get(path.suffix.lower())
    if kind is None:
        raise UnsupportedFormatError(name, path.suffix or "no extension")
    data = _read_bytes(path, name)
    if not data.strip():
        raise EmptyDocumentError(name)
    title = ""
    if kind == "pdf":
        text = _read_pdf(data, name, limits)
    else:
        text = _decode(data, name)
        if kind == "html":
            text, title = html_to_text(text)
    if len(text) > MAX_CHARS:
        raise FileTooLargeError(name, f"{len(text)} chars > {MAX_CHARS}")
    if not text.strip():
        raise EmptyDocumentError(name)
    return Document(
        path=path, text=text, title=title or _first_line_title(text), kind=kind, raw=data
    )


FOLDER_NOTES = ("readme", "license", "licence", "changelog")
"""Files that describe a folder rather than hold guidance: skipped when a directory is
ingested (a seeds README's table of titles otherwise tops many searches); a file named
explicitly is always ingested."""


def is_folder_note(path: Path) -> bool:
    return path.name.lower().startswith(FOLDER_NOTES)


def collect(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(files to ingest, folder notes skipped): files named directly, plus supported files
    found under directories (sorted, no hidden files, no README/LICENSE/CHANGELOG)."""
    found: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        for child in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
            if child.is_file() and not hidden and child.suffix.lower() in SUPPORTED:
                (skipped if is_folder_note(child) else found).append(child)
    return found, skipped
