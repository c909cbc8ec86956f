"""What a session needs from the outside world, built once per process and passed in."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.advice.tips import warm_up as warm_tips
from assistant.brains.llm.llm_brain import LLMBrain
from assistant.brains.offline.offline_brain import OfflineBrain
from assistant.brains.protocol import Brain
from assistant.knowledge import Hit, KnowledgeBase, load_card_index, load_cards
from assistant.lang.words import lemma
from assistant.model import Citation
from assistant.settings import Settings, get_settings

if TYPE_CHECKING:
    from assistant.store.store import Store


class LazyCardIndex:
    """The card index, loaded on the first search so that building Deps stays instant."""

    def __init__(self, *, settings: Settings) -> None:
        self._settings = settings
        self._index: KnowledgeBase | None = None
        self._lock = threading.Lock()

    @property
    def index(self) -> KnowledgeBase:
        with self._lock:
            if self._index is None:
                self._index = load_card_index(settings=self._settings)
            return self._index

    def search(self, query: str, *, k: int = 5, lang: str | None = None) -> list[Hit]:
        return self.index.search(query, k=k, lang=lang)

    def asked(self, query: str) -> dict[str, float]:
        """Card id -> closeness of `query` to the card's example questions (CardIndex.asked)."""
        asked = getattr(self.index, "asked", None)
        return asked(query) if callable(asked) else {}

    def card(self, card_id: str, *, lang: str) -> Hit | None:
        """Straight from the card files: a tip must never wait for the vector index to build."""

        other = "en" if lang == "fi" else "fi"
        by_lang = {c.lang: c for c in load_cards() if c.id == card_id}
        card = by_lang.get(lang) or by_lang.get(other)
        if card is None:
            return None
        first, *rest = card.sources or ()
        return Hit(
            text=card.body[:1000],
            source=first.file if first else "",
            title=first.title if first else "",
            score=1.0,
            author=first.author if first else "",
            card=card.id,
            card_title=card.title,
            lang=card.lang,
            extra_sources=tuple(
                Citation(card=card.id, source=s.file, title=s.title, author=s.author) for s in rest
            ),
        )


@dataclass
class Deps:
    """The store, the knowledge base and the brains one session works with."""

    settings: Settings
    store: Store
    kb: KnowledgeBase
    brain: Brain
    """The brain that answers first: the LLM when one is configured, else the offline one."""
    offline_brain: Brain
    """The brain every failure falls back to; never needs a network."""


def _warm_up() -> None:
    """Load simplemma's fi/en dictionaries (about 2 s, once per process) and the cards'
    stems for tips before the first answer arrives, so that no turn waits for them."""
    try:
        lemma("asiakkaat", "fi")
        lemma("customers", "en")
        warm_tips()
    except Exception:  # only a head start: a turn loads them itself if this fails
        return


def build_deps(
    *,
    settings: Settings | None = None,
    offline: bool = False,
    store: Store | None = None,
    kb: KnowledgeBase | None = None,
) -> Deps:
    """Deps from settings: LLMBrain when an LLM is configured and `offline` is False."""
    from assistant.store.store import Store  # SQLAlchemy: loaded once a store is built

    settings = settings or get_settings()
    threading.Thread(target=_warm_up, name="polkuopas-warm-up", daemon=True).start()
    kb = kb or LazyCardIndex(settings=settings)
    offline_brain: Brain = OfflineBrain(kb=kb)
    brain = offline_brain
    if settings.llm_configured and not offline:
        brain = LLMBrain(settings=settings)
    return Deps(
        settings=settings,
        store=store or Store.from_settings(settings),
        kb=kb,
        brain=brain,
        offline_brain=offline_brain,
    )
