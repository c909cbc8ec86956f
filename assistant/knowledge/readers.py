"""Read txt, md, html and pdf files into plain text, refusing what is not a usable document."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from assistant.knowledge.errors import (
    BinaryFileError,
    BrokenFileError,
    EmptyDocumentError,
    FileTooLargeError,
    IngestError,
    UnsupportedFormatError,
)

MAX_BYTES = 20 * 1024 * 1024
"""Larger files are refused: no guidance article is this big, and parsing one would stall."""
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


def _read_pdf(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise BrokenFileError(name, "no PDF header")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise BrokenFileError(name, "encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise BrokenFileError(name, f"PDF: {exc}") from exc
    return "\n\n".join(page.strip() for page in pages)


def read_document(path: Path) -> Document:
    """Read `path`; raise an IngestError subclass when it cannot become passages."""
    name = path.name
    kind = SUPPORTED.get(path.suffix.lower())
    if kind is None:
        raise UnsupportedFormatError(name, path.suffix or "no extension")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FileTooLargeError(
                name, f"{size // (1024 * 1024)} MB > {MAX_BYTES // (1024 * 1024)} MB"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise BrokenFileError(name, exc.strerror or str(exc)) from exc
    if not data.strip():
        raise EmptyDocumentError(name)
    title = ""
    if kind == "pdf":
        text = _read_pdf(data, name)
    else:
        text = _decode(data, name)
        if kind == "html":
            from assistant.knowledge.html_text import html_to_text

            text, title = html_to_text(text)
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
