"""A passage as stored and searched, and its round trip through Chroma metadata."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from assistant.model import Citation


@dataclass(frozen=True)
class Passage:
    """One searchable unit: a chunk of an ingested document, or one guidance card."""

    id: str
    text: str
    """As it stands in its source; what a hit shows and cites."""
    source: str
    title: str
    author: str = ""
    position: int = 0
    lang: str = ""
    card: str = ""
    card_title: str = ""
    extra_sources: tuple[Citation, ...] = field(default=())
    doc_key: str = ""
    """Resolved path of the ingested file (the identity a changed file is replaced under)."""
    doc_hash: str = ""
    """sha256 of the file's bytes: same hash, nothing to do."""

    @property
    def index_text(self) -> str:
        """What is embedded and tokenised: a card's title carries much of its meaning."""
        return f"{self.card_title}\n{self.text}" if self.card_title else self.text

    def metadata(self) -> dict[str, str | int]:
        return {
            "source": self.source,
            "title": self.title,
            "author": self.author,
            "position": self.position,
            "lang": self.lang,
            "card": self.card,
            "card_title": self.card_title,
            "extra_sources": json.dumps([c.model_dump() for c in self.extra_sources]),
            "doc_key": self.doc_key,
            "doc_hash": self.doc_hash,
        }

    @classmethod
    def from_chroma(cls, pid: str, text: str, meta: dict[str, Any]) -> Passage:
        extra = json.loads(str(meta.get("extra_sources") or "[]"))
        return cls(
            id=pid,
            text=text,
            source=str(meta.get("source", "")),
            title=str(meta.get("title", "")),
            author=str(meta.get("author", "")),
            position=int(meta.get("position", 0)),
            lang=str(meta.get("lang", "")),
            card=str(meta.get("card", "")),
            card_title=str(meta.get("card_title", "")),
            extra_sources=tuple(Citation.model_validate(c) for c in extra),
            doc_key=str(meta.get("doc_key", "")),
            doc_hash=str(meta.get("doc_hash", "")),
        )
