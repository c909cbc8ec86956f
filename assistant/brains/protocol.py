"""The one seam between the interview and whatever understands language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from assistant.knowledge import Hit, KnowledgeBase
from assistant.model import JourneyMap, Lang, Suggestion
from assistant.patch import MapPatch
from assistant.turns import Slot


class BrainError(RuntimeError):
    """A brain could not answer; the session falls back to the offline brain."""


class Brain(Protocol):
    name: str
    """"offline" or "llm"; recorded with every turn."""

    def understand(self, *, text: str, slot: Slot, journey: JourneyMap, lang: Lang) -> MapPatch:
        """What `text` (the answer to `slot`) adds to the map. May fill other slots too."""
        ...

    def ask(
        self,
        *,
        slot: Slot,
        journey: JourneyMap,
        lang: Lang,
        tip: Hit | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> str:
        """The question for `slot`; an LLM brain may stream it through `on_token`."""
        ...

    def review(self, *, journey: JourneyMap, lang: Lang, kb: KnowledgeBase) -> list[Suggestion]:
        """Ranked suggestions specific to this map, each citing a card that supports it."""
        ...

    def answer(self, *, question: str, hits: list[Hit], lang: Lang) -> str:
        """An answer to `question` from `hits` only, marking each claim [n] (hit n, from 1)
        and ending with the numbered sources. `hits` are already judged relevant."""
        ...
