"""Answers to questions asked mid-interview: from the guidance, with citations, or honestly none.

The search always ranks something, so relevance is decided here: a passage counts only
when it shares content words with the question, and a question whose passages share none
gets "the guidance does not cover this" rather than a list of whatever ranked first. The
brain then writes the answer from the relevant passages: the LLM brain in its own words
(prompts/llm/answer.md), the offline brain by picking their sentences (compose.py).
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field

from assistant.advice.compose import texts
from assistant.advice.fit import fit
from assistant.advice.focus import focus
from assistant.advice.kinds import question_kind
from assistant.advice.overlap import answer_weights as weights
from assistant.advice.overlap import overlap
from assistant.brains.protocol import Brain
from assistant.knowledge import Hit, KnowledgeBase
from assistant.knowledge.search.rewrite import search_rewritten
from assistant.model import Citation, Lang

log = logging.getLogger(__name__)
SEARCH_K = 12
"""Passages looked at; only the relevant ones are used."""
MAX_PASSAGES = 3
MIN_SHARED = 0.5
"""Weight of the words (overlap.py) a passage must share with the question to be about
it; a question of everyday words only ("what is a touchpoint?") needs half of them."""
SHARE = 0.25
"""...and at least this share of the question's word weight: one shared word of five ("what's
the VAT *rate* on gym memberships?" against a card on ratings) is a coincidence."""
MAX_QUESTION = 1000
BEHIND = 0.3
"""A passage whose fitted score (fit.py) is this far below the best one's is left out: the
answer rests on the cards that answer the question, not on whatever ranked next."""


@dataclass(frozen=True)
class Answer:
    text: str
    citations: list[Citation] = field(default_factory=list)
    covered: bool = True
    """False when the guidance does not speak to the question."""


def relevant(
    question: str,
    hits: list[Hit],
    *,
    lang: Lang = Lang.FI,
    asked: dict[str, float] | None = None,
) -> list[Hit]:
    """The passages that speak to `question`, best first, each card once.

    The search knows synonyms and the other language; its order is refined here by what the
    search cannot see (fit.py): the kind of question and the questions each card answers.
    Words decide which passages are about the question at all; of those, the ones that rank
    far below the best are left out.
    """
    said = weights(question)  # the question's words; `asked` stays the cards' closeness
    total = sum(said.values())
    need = max(min(MIN_SHARED, total / 2), SHARE * total)
    kind = question_kind(question, lang=lang)
    rows = [
        (
            overlap(said, weights(f"{h.card_title} {h.text}")),
            fit(question, h, kind=kind, asked=asked),
            h,
        )
        for h in hits
        if h.score > 0
    ]
    about = [(score, hit) for shared, score, hit in rows if need > 0 and shared >= need]
    best = max((score for score, _ in about), default=0.0)
    seen: set[str] = set()
    out = []
    for score, hit in sorted(about, key=lambda r: -r[0]):
        key = hit.card or f"{hit.source}#{hit.position}"
        if score >= best - BEHIND and key not in seen:
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
    question = focus(question)  # "Our checkout is the critical one. How do I make it better?"
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
        asked = _asked(kb, question)
        hits += _asked_cards(kb, asked, hits, lang=Lang(lang))
    except Exception:  # a broken index must not end the interview
        log.exception("search for an answer failed")
        return []
    return relevant(question, hits, lang=Lang(lang), asked=asked)


def _asked(kb: KnowledgeBase, question: str) -> dict[str, float]:
    """Card id -> closeness of `question` to the questions the card answers, when the
    knowledge base knows them (the card index; not an ingested store or a fake)."""
    asked = getattr(kb, "asked", None)
    return dict(asked(question[:MAX_QUESTION])) if callable(asked) else {}


def _asked_cards(
    kb: KnowledgeBase, asked: dict[str, float], hits: list[Hit], *, lang: Lang
) -> list[Hit]:
    """The card whose example question comes closest, when the search did not rank it: a
    question asked almost as the card's author put it is that card's to answer."""
    if not asked or not hits:
        return []
    best = max(asked, key=lambda card: asked[card])
    if any(h.card == best for h in hits):
        return []
    found = kb.card(best, lang=Lang(lang).value)
    if found is None:
        return []
    return [dataclasses.replace(found, score=min(h.score for h in hits))]


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
