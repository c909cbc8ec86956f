"""The operator's password (settings and the mentor dashboard) and a limit on guessing it.

The password comes from settings or secrets. It is compared as sha256 digests with
hmac.compare_digest, so the comparison takes the same time whatever the guess and its
length. Failed attempts are limited per client and in total, in this process only:
enough for one Streamlit server, which is how the app runs.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections import deque
from collections.abc import Callable

from pydantic import SecretStr

MAX_FAILURES = 5
"""Failed attempts allowed per client within WINDOW_S."""
MAX_FAILURES_TOTAL = 50
"""Failed attempts allowed from all clients together within WINDOW_S."""
WINDOW_S = 300.0


def password_ok(given: str, configured: SecretStr | None) -> bool:
    """True only when a password is configured and `given` equals it."""
    if configured is None or not configured.get_secret_value():
        return False
    want = hashlib.sha256(configured.get_secret_value().encode("utf-8")).digest()
    got = hashlib.sha256((given or "").encode("utf-8")).digest()
    return hmac.compare_digest(want, got)


class AttemptLimiter:
    """Counts failed attempts in a sliding window, per key (a client) and in total."""

    def __init__(
        self,
        *,
        per_key: int = MAX_FAILURES,
        total: int = MAX_FAILURES_TOTAL,
        window_s: float = WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._per_key, self._total, self._window = per_key, total, window_s
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._all: deque[float] = deque()
        self._lock = threading.Lock()

    def _trim(self, times: deque[float], now: float) -> None:
        while times and now - times[0] >= self._window:
            times.popleft()

    def blocked(self, key: str) -> float:
        """Seconds until `key` may try again; 0 when it may try now."""
        now = self._clock()
        with self._lock:
            mine = self._failures.get(key, deque())
            self._trim(mine, now)
            self._trim(self._all, now)
            waits = []
            if len(mine) >= self._per_key:
                waits.append(self._window - (now - mine[0]))
            if len(self._all) >= self._total:
                waits.append(self._window - (now - self._all[0]))
            return max(waits, default=0.0)

    def failed(self, key: str) -> None:
        now = self._clock()
        with self._lock:
            self._failures.setdefault(key, deque()).append(now)
            self._all.append(now)

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)


def attempt(
    limiter: AttemptLimiter, *, key: str, given: str, configured: SecretStr | None
) -> tuple[bool, float]:
    """One login attempt: (accepted, seconds to wait). A blocked client is refused
    without its guess even being compared."""
    wait = limiter.blocked(key)
    if wait > 0:
        return False, wait
    if password_ok(given, configured):
        limiter.succeeded(key)
        return True, 0.0
    limiter.failed(key)
    return False, limiter.blocked(key)
