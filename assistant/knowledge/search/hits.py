"""The retrieval seam: what the interview and the UI need from the knowledge base (re-exported
by assistant.knowledge, which is where code outside knowledge/ imports it from)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from assistant.model import Citation


@dataclass(frozen=True)
class Hit:
    """One passage found by a search, with everything needed to cite it."""

    text: str
    """The passage as it stands in its source (at most 1000 characters)."""
    source: str
    """File name of the source article (e.g. 000_e090c44f4a925d1a.txt) or of the ingested file."""
    title: str
    """Title of the source article."""
    score: float
    """Fused relevance score; higher is better."""
    author: str = ""
    card: str = ""
    """Guidance card id when the passage is a card; empty for ingested documents."""
    card_title: str = ""
    lang: str = ""
    position: int = 0
    """Index of the chunk within its document."""
    extra_sources: tuple[Citation, ...] = field(default=())
    """Further articles a card rests on, beyond `source`."""

    def citations(self) -> list[Citation]:
        first = Citation(card=self.card, source=self.source, title=self.title, author=self.author)
        return [first, *self.extra_sources]


class KnowledgeBase(Protocol):
    """Search over guidance. Implementations: the card index, an ingested store, fakes in tests."""

    def search(self, query: str, *, k: int = 5, lang: str | None = None) -> list[Hit]:
        """Best passages first. `lang` prefers (not filters) passages in that language."""
        ...

    def card(self, card_id: str, *, lang: str) -> Hit | None:
        """The card `card_id` in `lang` (falling back to the other language), as a Hit."""
        ...
