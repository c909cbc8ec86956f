"""Answers to questions asked mid-interview: from the guidance, with citations, or honestly none.

The search always ranks something, so relevance is decided here: a passage counts only
when it shares content words with the question, and a question whose passages share none
gets "the guidance does not cover this" rather than a list of whatever ranked first. The
brain then writes the answer from the relevant passages: the LLM brain in its own words
(prompts/llm/answer.md), the offline brain by picking their sentences (compose.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from assistant.advice.compose import texts
from assistant.advice.overlap import overlap, weights
from assistant.brains.protocol import Brain
from assistant.knowledge import Hit, KnowledgeBase
from assistant.knowledge.search.rewrite import search_rewritten
from assistant.model import Citation, Lang

log = logging.getLogger(__name__)
SEARCH_K = 6
"""Passages looked at; only the relevant ones are used."""
MAX_PASSAGES = 3
MIN_SHARED = 0.5
"""Weight of the words (overlap.py) a passage must share with the question to be about
it; a question of everyday words only ("what is a touchpoint?") needs half of them."""
MAX_QUESTION = 1000
DILUTED = 0.5
"""A passage sharing less than this share of the best passage's words is left out."""


@dataclass(frozen=True)
class Answer:
    text: str
    citations: list[Citation] = field(default_factory=list)
    covered: bool = True
    """False when the guidance does not speak to the question."""


def relevant(question: str, hits: list[Hit]) -> list[Hit]:
    """The passages that share content words with `question`, in the search's order.

    The search knows synonyms and the other language, so its order stands; the words only
    decide which passages are about the question at all, and drop those that share much
    less with it than the best one does.
    """
    asked = weights(question)
    need = min(MIN_SHARED, sum(asked.values()) / 2)
    rows = [(overlap(asked, weights(f"{h.card_title} {h.text}")), h) for h in hits if h.score > 0]
    top = max((shared for shared, _ in rows), default=0.0)
    seen: set[str] = set()
    out = []
    for shared, hit in rows:
        key = hit.card or f"{hit.source}#{hit.position}"
        if need > 0 and shared >= max(need, DILUTED * top) and key not in seen:
            seen.add(key)
            out.append(hit)
    return out[:MAX_PASSAGES]


def find_passages(
    question: str, *, kb: KnowledgeBase | None, lang: Lang, brain: Brain | None = None
) -> list[Hit]:
    """Passages for `question`; with an LLM brain, those of its rewrite into the articles'
    words are merged in (knowledge/search/rewrite.py)."""
    if kb is None or not question.strip():
        return []
    rewrite_query = getattr(brain, "rewrite_query", None)
    rewrite = (
        (lambda q: str(rewrite_query(question=q, lang=Lang(lang))))
        if callable(rewrite_query)
        else None
    )
    try:
        hits = search_rewritten(
            kb, question=question[:MAX_QUESTION], rewrite=rewrite, k=SEARCH_K, lang=Lang(lang).value
        )
    except Exception:  # a broken index must not end the interview
        log.exception("search for an answer failed")
        return []
    return relevant(question, hits)


def answer_question(*, question: str, brain: Brain, kb: KnowledgeBase | None, lang: Lang) -> Answer:
    """The brain's answer to `question` from the relevant passages, with their citations.

    A failing LLM brain raises BrainError here, and the session redoes the turn offline.
    """
    hits = find_passages(question, kb=kb, lang=lang, brain=brain)
    if not hits:
        return Answer(str(texts(Lang(lang).value)["not_covered"]), [], covered=False)
    text = brain.answer(question=question, hits=hits, lang=Lang(lang))
    # Cite what the answer rests on: the passages it marks [n], or all it was given.
    used = [h for n, h in enumerate(hits, 1) if f"[{n}]" in text] or hits
    return Answer(text, [c for h in used for c in h.citations()])
