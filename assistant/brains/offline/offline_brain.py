"""OfflineBrain: the interview without any language model (rules, lexicons, templates)."""

from __future__ import annotations

from collections.abc import Callable

from assistant.advice.compose import compose
from assistant.advice.suggestions import suggest
from assistant.brains.offline.ask import question
from assistant.brains.offline.understand import understand as _understand
from assistant.knowledge import Hit, KnowledgeBase
from assistant.lang.words import lemma
from assistant.model import JourneyMap, Lang, Suggestion
from assistant.patch import MapPatch
from assistant.turns import Slot


class OfflineBrain:
    """The brain most users get: deterministic, fast, Finnish and English."""

    name = "offline"

    def __init__(self, *, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb

    def warm_up(self) -> None:
        """Load the lemma tables now (~2-5 s once per process) instead of on the first answer."""

        lemma("asiakaspolku")

    def understand(self, *, text: str, slot: Slot, journey: JourneyMap, lang: Lang) -> MapPatch:
        return _understand(text=text, slot=slot, journey=journey, lang=Lang(lang))

    def ask(
        self,
        *,
        slot: Slot,
        journey: JourneyMap,
        lang: Lang,
        tip: Hit | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> str:
        lang_code = Lang(lang)
        text = question(slot, journey, lang_code)
        if on_token is not None:
            on_token(text)
        return text

    def review(
        self, *, journey: JourneyMap, lang: Lang, kb: KnowledgeBase | None = None
    ) -> list[Suggestion]:
        return suggest(journey=journey, lang=lang, kb=kb or self.kb)

    def answer(self, *, question: str, hits: list[Hit], lang: Lang) -> str:
        return compose(question=question, hits=hits, lang=Lang(lang))
