"""What one ingest run did, as the CLI reports it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assistant.knowledge.ingest.errors import IngestError


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
