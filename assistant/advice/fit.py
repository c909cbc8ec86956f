"""How well a found card fits a question, beyond the search score: what the search cannot see.

The search ranks cards by how much their text resembles the question. An answer also needs
the right kind of card: "what is a pain point?" wants the card that defines the term, not
one that mentions pain points in passing; "give an example" wants an example card. And each
card lists the questions it answers (its front matter, written by the card's author in an
entrepreneur's words): a question phrased like one of them points to that card.
"""

from __future__ import annotations

from functools import cache

from assistant.advice.kinds import QuestionKind
from assistant.advice.overlap import answer_weights as weights
from assistant.advice.overlap import overlap
from assistant.knowledge import Hit, load_cards

KIND_TOPICS = {
    QuestionKind.DEFINITION: frozenset({"definition", "glossary"}),
    QuestionKind.EXAMPLE: frozenset({"example"}),
}
"""Card topics that answer a kind of question."""
KIND_BONUS = 0.25
"""Added, times the share of the card's title the question names, when the card's topics
suit the kind of question."""
ASKED_BONUS = 0.3
"""Times the share of the question's words found in the card's best example question."""
ASKED_VECTOR = 0.3
"""Times the search score of the card's best example question against the question."""
WRONG_KIND = 0.1
"""Taken off a definition card when the question asks how to do something, not what it is."""


@cache
def _card_meta() -> dict[tuple[str, str], tuple[frozenset[str], tuple[dict[str, float], ...]]]:
    """(card id, lang) -> (topics, the weights of each example question)."""
    return {
        (c.id, c.lang): (frozenset(c.topics), tuple(weights(q) for q in c.questions))
        for c in load_cards()
    }


def fit(
    question: str, hit: Hit, *, kind: QuestionKind, asked: dict[str, float] | None = None
) -> float:
    """The search score of `hit` adjusted to the kind of `question` and to how close the
    question comes to one the card says it answers (`asked`: card id -> the search's score
    of the card's best example question, CardIndex.asked; words alone without it)."""
    score = hit.score + ASKED_VECTOR * (asked or {}).get(hit.card, 0.0)
    meta = _card_meta().get((hit.card, hit.lang)) if hit.card else None
    if meta is None:
        return score
    topics, examples = meta
    asked = weights(question)
    total = sum(asked.values()) or 1.0
    if examples:
        score += ASKED_BONUS * max(overlap(asked, e) for e in examples) / total
    if kind in KIND_TOPICS and topics & KIND_TOPICS[kind]:
        # "What is a touchpoint?" names all a question about touchpoints asks; "What is a
        # touchpoint goal?" only half of it.
        title = weights(hit.card_title)
        named = overlap(title, asked) / (sum(title.values()) or 1.0)
        score += KIND_BONUS * min(named, 1.0)
    if kind is QuestionKind.HOW and topics & KIND_TOPICS[QuestionKind.DEFINITION]:
        score -= WRONG_KIND
    return score
