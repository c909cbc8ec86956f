"""Tips: at most one a turn, and only a card that fits this business, stage and question.

A tip interrupts the interview, so it has to earn its place: the card must be about what
the next question asks (its topics), about the stage being asked (or about every stage),
and meant for this kind of business; the words of the user's last answer can lift a
fitting card over the threshold. The fit rules and the threshold live in
prompts/advice/tips.yaml. Only the card files are read: a tip never waits for a vector
search, which is kept for the user's own questions.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache, lru_cache

from assistant.advice.overlap import content_stems
from assistant.knowledge import Card, Hit, KnowledgeBase, load_cards
from assistant.lang.stage_models import model_stage_key
from assistant.model import BusinessType, JourneyMap, Lang
from assistant.prompts import load_yaml
from assistant.turns import Slot

log = logging.getLogger(__name__)
STAGE_MATCH, EXTRA_TOPIC, SLOT_MATCH, SHARED_WORD = 1.0, 0.5, 0.5, 0.5
"""Weights of the fit score; a card on the question's topic starts from 1."""
MAX_SHARED = 3
"""Shared words counted at most: a long answer must not carry any card over the line."""


@dataclass(frozen=True)
class TipRules:
    threshold: float
    slot_topics: dict[str, frozenset[str]]
    audience: dict[str, str]
    """Card id -> the kind of business it is for ("b2b" or "web")."""
    never: frozenset[str]
    web_words: tuple[str, ...]


@cache
def tip_rules() -> TipRules:
    data = load_yaml("advice/tips.yaml")
    return TipRules(
        threshold=float(data["threshold"]),
        slot_topics={k: frozenset(v) for k, v in data["slot_topics"].items()},
        audience={card: kind for kind, ids in data["audience"].items() for card in ids},
        never=frozenset(data["never"]),
        web_words=tuple(data["web_words"]),
    )


def audiences(journey: JourneyMap, rules: TipRules) -> set[str]:
    """The kinds of business this map is: "b2b" and/or "web"."""
    b = journey.business
    kinds = {"b2b"} if b.business_type in (BusinessType.B2B, BusinessType.BOTH) else set()
    said = " ".join([b.offering, b.customers, *(t.name for _, t in journey.touchpoints())])
    if any(w in said.casefold() for w in rules.web_words):
        kinds.add("web")
    return kinds


def fit(
    card: Card,
    *,
    slot: Slot,
    key: str | None,
    kinds: set[str],
    said: set[str],
    rules: TipRules,
) -> float:
    """How well `card` fits the question `slot` for this business; 0 when it does not."""
    topics = rules.slot_topics.get(slot.key, frozenset()) & set(card.topics)
    if not topics or card.id in rules.never:
        return 0.0
    if card.id in rules.audience and rules.audience[card.id] not in kinds:
        return 0.0
    score = 1.0 + EXTRA_TOPIC * (len(topics) - 1)
    score += SLOT_MATCH if slot.expects.value in card.slots else 0.0
    shared = said & _card_stems(f"{card.title} {card.body}")
    if slot.stage and "all" not in card.stages:
        if key not in card.stages:
            return 0.0  # a card about another stage is off topic here
        score += STAGE_MATCH
    elif slot.stage and not shared:
        # This question comes once a stage: advice for every stage would come every time.
        score -= STAGE_MATCH
    return score + SHARED_WORD * min(len(shared), MAX_SHARED)


@lru_cache(maxsize=1024)
def _card_stems(text: str) -> frozenset[str]:
    """A card's content stems, remembered: every turn scores every card of its language."""
    return frozenset(content_stems(text))


def warm_up() -> None:
    """Every card's stems ahead of the first tips (~0.25 s of CPU once per process, in
    build_deps' warm-up thread), so that no turn pays for them."""
    for card in load_cards():
        _card_stems(f"{card.title} {card.body}")


def pick_tip(
    *,
    slot: Slot,
    journey: JourneyMap,
    kb: KnowledgeBase,
    lang: Lang,
    used: list[str],
    answer: str,
    threshold: float | None = None,
) -> Hit | None:
    """The best-fitting card not shown before in this interview, if it clears the threshold.

    `answer` is the message just answered: its words tell which fitting card matters now.
    `threshold` overrides the configured one (benchmarks/advice.py --sweep measures it).
    """
    try:
        rules = tip_rules()
        key = model_stage_key(journey, slot.stage)
        kinds, said = audiences(journey, rules), content_stems(answer)
        scored = [
            (fit(c, slot=slot, key=key, kinds=kinds, said=said, rules=rules), c.id)
            for c in load_cards()
            if c.lang == lang.value and c.id not in used
        ]
        best = min(scored, key=lambda row: (-row[0], row[1]), default=(0.0, ""))
        if best[0] < (rules.threshold if threshold is None else threshold):
            return None
        return kb.card(best[1], lang=lang.value)
    except Exception:  # a tip is a nicety: the interview goes on without one
        log.exception("tip lookup failed")
        return None
