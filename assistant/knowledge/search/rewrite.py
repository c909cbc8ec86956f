"""Search with a rewritten question: when an LLM is configured it restates the question as
a Finnish query in the articles' own words (prompts/llm/rewrite.md), and the hits of both
the question and the rewrite are merged. The rewrite is a help, never a dependency: a
failed or empty one leaves the plain search."""

from __future__ import annotations

import logging
from collections.abc import Callable

from assistant.knowledge.search.hits import Hit, KnowledgeBase

log = logging.getLogger(__name__)
MAX_REWRITE = 300
"""Characters of a rewrite searched with: a model that answers instead of rewriting is cut."""


def search_rewritten(
    kb: KnowledgeBase,
    *,
    question: str,
    rewrite: Callable[[str], str] | None,
    k: int = 5,
    lang: str | None = None,
) -> list[Hit]:
    """The best `k` passages for `question` or its rewrite (each passage once, at its better
    score; both searches rank the same index, so their scores compare)."""
    hits = kb.search(question, k=k, lang=lang)
    if rewrite is None:
        return hits
    try:
        query = " ".join(rewrite(question).split())[:MAX_REWRITE]
    except Exception as exc:  # the model is down or odd: the plain search stands
        log.warning("question rewrite failed: %s: %s", type(exc).__name__, str(exc)[:160])
        return hits
    if not query or query.casefold() == question.casefold():
        return hits
    best: dict[tuple[str, str, int], Hit] = {}
    for hit in [*hits, *kb.search(query, k=k, lang=lang)]:
        key = (hit.card, hit.source, hit.position)
        if key not in best or hit.score > best[key].score:
            best[key] = hit
    return sorted(best.values(), key=lambda h: -h.score)[:k]
