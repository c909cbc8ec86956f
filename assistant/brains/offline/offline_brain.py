"""OfflineBrain: the interview without any language model (rules, lexicons, templates)."""

from __future__ import annotations

from collections.abc import Callable

from assistant.brains.offline.ask import bank, question
from assistant.brains.offline.suggest import suggest
from assistant.brains.offline.understand import understand as _understand
from assistant.knowledge.base import Hit, KnowledgeBase
from assistant.knowledge.search.tokens import STOPWORDS, stem, words
from assistant.lang.words import lemma
from assistant.model import Citation, JourneyMap, Lang, Suggestion
from assistant.patch import MapPatch
from assistant.prompts import PromptTemplate
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


def _relevant(question: str, hit: Hit) -> bool:
    """A fused search always ranks something; require a shared content word (stem prefix)."""

    asked = {stem(w)[:5] for w in words(question) if w not in STOPWORDS and len(w) > 3}
    found = {stem(w)[:5] for w in words(f"{hit.card_title} {hit.text}") if len(w) > 3}
    return bool(asked & found)


def answer_question(
    *, question: str, kb: KnowledgeBase | None, lang: Lang
) -> tuple[str, list[Citation]]:
    """The top card's body with its source line, or a polite "not in my sources"."""
    lang_code = Lang(lang)
    texts = bank(lang_code)["answers"]
    hits: list[Hit] = []
    if kb is not None and question.strip():
        try:
            hits = [h for h in kb.search(question[:1000], k=3, lang=lang_code) if h.score > 0]
        except Exception:  # a broken index must not end the interview
            hits = []
    top = next((h for h in hits if _relevant(question, h)), None)
    if top is None:
        return str(texts["unknown"]), []
    source = PromptTemplate(name="source", text=texts["source"]).render(
        author=top.author or top.source, title=top.title
    )
    return f"{top.text.strip()}\n\n_{source}_", top.citations()
