"""What ingesting comes to: why a document could not be ingested (each message bilingual,
fi / en, naming the file) and what one ingest run did, as the CLI reports it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class IngestError(Exception):
    """A file that cannot become passages. Raised before anything is written to a store."""

    fi = "Tiedostoa ei voi lukea"
    en = "Cannot read the file"

    def __init__(self, name: str, detail: str = "") -> None:
        self.name = name
        self.detail = detail
        tail = f" ({detail})" if detail else ""
        super().__init__(f"{self.fi} / {self.en}: {name}{tail}")


class EmptyDocumentError(IngestError):
    fi = "Tiedosto on tyhjä tai siinä ei ole tekstiä"
    en = "The file is empty or holds no text"


class FileTooLargeError(IngestError):
    fi = "Tiedosto on liian suuri"
    en = "The file is too large"


class BinaryFileError(IngestError):
    fi = "Tiedosto ei ole tekstiä (binääritiedosto?)"
    en = "The file is not text (binary?)"


class BrokenFileError(IngestError):
    fi = "Tiedosto on rikki tai sitä ei voi jäsentää"
    en = "The file is broken or cannot be parsed"


class UnsupportedFormatError(IngestError):
    fi = "Tiedostomuotoa ei tueta (txt, md, html, pdf)"
    en = "Unsupported file type (txt, md, html, pdf)"


class NotAFileError(IngestError):
    fi = "Ei tavallinen tiedosto (FIFO, laite tai linkki sellaiseen)"
    en = "Not a regular file (a FIFO, a device or a link to one)"


class TooSlowError(IngestError):
    fi = "Tiedoston lukeminen kesti liian kauan (rikki tai vihamielinen tiedosto?)"
    en = "Reading the file took too long (broken or hostile file?)"


@dataclass
class IngestReport:
    """What one ingest run did."""

    documents: int = 0
    passages: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    errors: list[tuple[Path, IngestError]] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    """README/LICENSE/CHANGELOG files found in a directory and left out."""

    def summary(self) -> str:
        line = (
            f"{self.documents} documents, {self.passages} passages "
            f"({self.added} new, {self.replaced} replaced, {self.unchanged} unchanged)"
        )
        if self.skipped:
            names = ", ".join(sorted({p.name for p in self.skipped}))
            line += f"; skipped {len(self.skipped)} folder notes / ohitettu: {names}"
        return line
