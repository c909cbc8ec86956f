"""Tips and answers from the knowledge base: one tip per turn at most, never a card twice."""

from __future__ import annotations

import logging
from functools import cache

from assistant.brains.base import Brain
from assistant.knowledge.base import Hit, KnowledgeBase
from assistant.model import Citation, JourneyMap, Lang
from assistant.turns import Expects, Slot

log = logging.getLogger(__name__)
_NO_TIPS = (Expects.REVIEW, Expects.DONE, Expects.FREE)


@cache
def _stage_models() -> list[tuple[list[str], list[list[str]]]]:
    from assistant.prompts import load_yaml

    try:
        models = load_yaml("offline/stages.yaml")["models"]
        return [(m["keys"], [m["fi"], m["en"]]) for m in models.values()]
    except Exception as exc:  # the stage table belongs to the offline brain; tips work without it
        log.debug("no stage models: %s", exc)
        return []


def stage_key(journey: JourneyMap, stage: str | None) -> str | None:
    """The card stage key of `stage` when the map follows one of the known stage models."""
    if not stage:
        return None
    names = [s.name.casefold() for s in journey.stages]
    for keys, labels in _stage_models():
        for label in labels:
            if names == [x.casefold() for x in label] and stage.casefold() in names:
                return keys[names.index(stage.casefold())]
    return None


def pick_tip(
    *, slot: Slot, journey: JourneyMap, kb: KnowledgeBase, lang: Lang, used: list[str], answer: str
) -> Hit | None:
    """A card fitting `slot` (its stage's first) not shown before; else one for the stage.

    Only the card files are read: a tip never waits for a vector search, which is kept for
    the user's explicit questions. `answer` is the message being answered; the slot and stage
    already say what it is about, so it does not steer the choice.
    """
    del answer
    if slot.expects in _NO_TIPS:
        return None
    try:
        from assistant.knowledge.cards import load_cards

        key = stage_key(journey, slot.stage)
        mine = [c for c in load_cards() if c.lang == lang.value]  # one file check per turn
        fits = [c for c in mine if slot.expects.value in c.slots]
        if key:
            # As cards_for orders them: this stage's cards, then those for every stage.
            fits = [c for c in fits if key in c.stages or "all" in c.stages]
            fits.sort(key=lambda c: (key not in c.stages, c.id))
            fits += [c for c in mine if key in c.stages]
        else:
            fits.sort(key=lambda c: c.id)
        cards = fits
        for card in cards:
            if card.id not in used:
                hit = kb.card(card.id, lang=lang.value)
                if hit is not None:
                    return hit
    except Exception:  # a tip is a nicety: the interview goes on without one
        log.exception("tip lookup failed")
    return None


def answer_question(
    *, question: str, brain: Brain, kb: KnowledgeBase, lang: Lang
) -> tuple[str, list[Citation]]:
    """An answer from the knowledge base with its citations ("" when nothing fits)."""
    answer = getattr(brain, "answer", None)
    if brain.name == "llm" and callable(answer):
        hits = kb.search(question, k=3, lang=lang.value)
        if not hits:
            return "", []
        text = str(answer(question=question, hits=hits, lang=lang))
        return text, [c for h in hits for c in h.citations()]
    from assistant.brains.offline import answer_question as offline_answer

    text, citations = offline_answer(question=question, kb=kb, lang=lang)
    return text, list(citations)
