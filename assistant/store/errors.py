"""What can go wrong with the database, in words the session can pass on to the user.

The store turns every driver error into StoreUnavailable (with a coarse kind: the user
is told "read-only", "damaged" or "not reachable", never a traceback), and a commit that
lost a race into StaleInterview. Neither needs SQLAlchemy to be imported to catch it.
"""

from __future__ import annotations

from enum import StrEnum


class Problem(StrEnum):
    READ_ONLY = "readonly"
    CORRUPT = "corrupt"
    GONE = "gone"


class StoreError(Exception):
    """Base of the store's own errors."""


class StoreUnavailable(StoreError):
    """The database cannot be read or written right now."""

    def __init__(self, problem: Problem, detail: str) -> None:
        super().__init__(f"{problem.value}: {detail}")
        self.problem = problem
        self.detail = detail


class StaleInterview(StoreError):
    """Another writer committed a turn to this interview since this one read it."""

    def __init__(self, interview_id: str, expected: int) -> None:
        super().__init__(f"interview {interview_id} changed since revision {expected}")
        self.interview_id = interview_id
        self.expected = expected


_READ_ONLY = ("readonly", "read-only", "read only", "permission denied")
_CORRUPT = ("not a database", "malformed", "corrupt", "file is encrypted")


def classify(exc: BaseException) -> StoreUnavailable:
    """A driver error as StoreUnavailable; anything unrecognised counts as unreachable."""
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
    low = detail.lower()
    if any(word in low for word in _READ_ONLY):
        return StoreUnavailable(Problem.READ_ONLY, detail)
    if any(word in low for word in _CORRUPT):
        return StoreUnavailable(Problem.CORRUPT, detail)
    return StoreUnavailable(Problem.GONE, detail)
