"""One time budget for all LLM calls of a turn.

Why: with a per-call timeout and retries, a hanging endpoint cost 3 x 30 s on every turn.
The budget caps the sum: each call's timeout is what is left of the turn's budget, retries
stop when it is spent, and then the turn is answered offline.

The deadline lives in a context variable set only while a call goes through `Budgeted`,
so a brain shared by many sessions (the app's threads) keeps one deadline per turn, and
a call outside any turn (the settings page's connection test) has none.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from assistant.brains.protocol import Brain, BrainError
from assistant.knowledge import Hit, KnowledgeBase
from assistant.model import JourneyMap, Lang, Suggestion
from assistant.patch import MapPatch
from assistant.turns import Slot

_DEADLINE: ContextVar[float | None] = ContextVar("polkuopas_llm_deadline", default=None)


class BudgetSpent(BrainError):
    """The turn's LLM time is used up; the turn goes on offline."""


def remaining() -> float | None:
    """Seconds left in the current turn's budget; None outside a budgeted call."""
    deadline = _DEADLINE.get()
    return None if deadline is None else deadline - time.monotonic()


def deadline() -> float | None:
    """The current turn's deadline on the `time.monotonic()` clock, if any."""
    return _DEADLINE.get()


def check(what: str) -> float | None:
    """Seconds left (None: no budget); BudgetSpent when nothing is left."""
    left = remaining()
    if left is not None and left <= 0.05:
        raise BudgetSpent(f"{what}: the turn's LLM time budget is spent")
    return left


@contextmanager
def within(deadline_at: float) -> Iterator[None]:
    token = _DEADLINE.set(deadline_at)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


class Budgeted:
    """`brain` for one turn: every call runs under the turn's one deadline."""

    def __init__(self, brain: Brain, *, seconds: float) -> None:
        self._brain = brain
        self._deadline = time.monotonic() + seconds
        self.name = brain.name

    def understand(self, *, text: str, slot: Slot, journey: JourneyMap, lang: Lang) -> MapPatch:
        with within(self._deadline):
            return self._brain.understand(text=text, slot=slot, journey=journey, lang=lang)

    def ask(
        self,
        *,
        slot: Slot,
        journey: JourneyMap,
        lang: Lang,
        tip: Hit | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> str:
        with within(self._deadline):
            return self._brain.ask(
                slot=slot, journey=journey, lang=lang, tip=tip, on_token=on_token
            )

    def review(self, *, journey: JourneyMap, lang: Lang, kb: KnowledgeBase) -> list[Suggestion]:
        with within(self._deadline):
            return self._brain.review(journey=journey, lang=lang, kb=kb)

    def __getattr__(self, attr: str) -> Any:
        # Optional parts of a brain (e.g. `answer`) stay optional: absent if the brain lacks them.
        value = getattr(self._brain, attr)
        if not callable(value):
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            with within(self._deadline):
                return value(*args, **kwargs)

        return call
