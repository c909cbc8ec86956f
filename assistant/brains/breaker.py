"""A circuit breaker for the LLM: after repeated failures, skip it for a while.

Why: a dead or hanging endpoint made every turn wait for it before the offline answer.
After `failures` failed turns in a row the breaker opens: turns go straight to the offline
brain for `cooldown` seconds; then one trial turn may use the LLM again (half-open), and
its success closes the breaker, its failure opens it for another cooldown. One instance
lives in the LLM brain, so every session of a process shares what it learns.

Each user is told once per outage (`notice_once`), not on every turn.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from enum import StrEnum

log = logging.getLogger(__name__)


class State(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half-open"


class CircuitBreaker:
    """Thread-safe: the app serves many sessions from one brain."""

    def __init__(
        self,
        *,
        failures: int = 2,
        cooldown: float = 120.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failures = max(1, failures)
        self.cooldown = cooldown
        self._clock = clock
        self._lock = threading.Lock()
        self._state = State.CLOSED
        self._count = 0
        self._opened_at = 0.0
        self._trial_running = False
        self._trial_at = 0.0
        self._told: set[str] = set()

    @property
    def state(self) -> State:
        with self._lock:
            return self._current()

    def _current(self) -> State:
        if self._state is State.OPEN and self._clock() - self._opened_at >= self.cooldown:
            self._state = State.HALF_OPEN
            self._trial_running = False
        return self._state

    def allow(self) -> bool:
        """May this turn use the LLM? In half-open state only one trial at a time."""
        with self._lock:
            state = self._current()
            if state is State.CLOSED:
                return True
            # A trial turn that never reached the LLM (a command, say) must not block the
            # next one for ever: a trial older than the cooldown no longer counts.
            stale = self._clock() - self._trial_at >= self.cooldown
            if state is State.HALF_OPEN and (not self._trial_running or stale):
                self._trial_running, self._trial_at = True, self._clock()
                return True
            return False

    def record_success(self) -> None:
        with self._lock:
            if self._state is not State.CLOSED:
                log.warning("LLM answers again: circuit closed")
            self._state, self._count, self._trial_running = State.CLOSED, 0, False
            self._told.clear()

    def record_failure(self, reason: str = "") -> None:
        with self._lock:
            self._count += 1
            state = self._current()
            if state is State.HALF_OPEN or self._count >= self.failures:
                if state is not State.OPEN:
                    log.warning(
                        "LLM failed %d time(s) in a row (%s): offline for %.0f s",
                        self._count,
                        reason or "error",
                        self.cooldown,
                    )
                self._state, self._opened_at, self._trial_running = (
                    State.OPEN,
                    self._clock(),
                    False,
                )

    def notice_once(self, key: str) -> bool:
        """True the first time `key` (a session) asks during this outage."""
        with self._lock:
            if key in self._told:
                return False
            self._told.add(key)
            return True
