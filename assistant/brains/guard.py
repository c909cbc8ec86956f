"""Which brains a turn may use, in order: the one call the session makes before a turn.

The LLM brain comes first only while its circuit breaker allows it, and then wrapped in
the turn's time budget; the offline brain always follows as the fallback. When the LLM
is skipped, each session hears why once per outage.
"""

from __future__ import annotations

from assistant.brains.breaker import CircuitBreaker
from assistant.brains.budget import Budgeted
from assistant.brains.protocol import Brain
from assistant.model import Lang
from assistant.prompts import load_yaml


def paused_notice(lang: Lang) -> str:
    texts = load_yaml("llm/messages.yaml")
    return str(texts["paused"][Lang(lang).value])


def turn_brains(brain: Brain, offline: Brain, *, lang: Lang, key: str) -> tuple[list[Brain], str]:
    """(brains to try in order, a notice for the user or "") for one turn of session `key`."""
    if brain is offline:
        return [offline], ""
    breaker = getattr(brain, "breaker", None)
    if isinstance(breaker, CircuitBreaker) and not breaker.allow():
        return [offline], paused_notice(lang) if breaker.notice_once(key) else ""
    seconds = getattr(brain, "turn_budget", None)
    if isinstance(seconds, int | float) and seconds > 0:
        return [Budgeted(brain, seconds=float(seconds)), offline], ""
    return [brain, offline], ""
