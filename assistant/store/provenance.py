"""Which turn changed which map field: the difference between consecutive map versions,
as paths such as `stages.0.touchpoints.1.pain_points`.

Stages, touchpoints and other lists of objects are compared by position, lists of text as
one value; the interview's code is untouched, the store records this as it saves a version.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class Change(StrEnum):
    SET = "set"
    """Empty before, filled now."""
    CHANGED = "changed"
    REMOVED = "removed"
    """Filled before, empty or gone now."""


_EMPTY: tuple[Any, ...] = (None, "", [], {}, False)


def _leaves(value: Any, prefix: str = "", out: dict[str, Any] | None = None) -> dict[str, Any]:
    """path -> value of every leaf, in document order (one dict filled, not one per level)."""
    if out is None:
        out = {}
    if isinstance(value, dict):
        for key, item in value.items():
            _leaves(item, f"{prefix}.{key}" if prefix else str(key), out)
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for i, item in enumerate(value):
            _leaves(item, f"{prefix}.{i}", out)
    else:
        out[prefix] = value
    return out


def diff_paths(old: dict[str, Any] | None, new: dict[str, Any]) -> list[tuple[str, Change]]:
    """Every leaf path whose value differs, in `new`'s order, then the removed ones."""
    before, after = _leaves(old or {}), _leaves(new)
    changes: list[tuple[str, Change]] = []
    for path, value in after.items():
        was = before.get(path)
        if value == was or (value in _EMPTY and was in _EMPTY):
            continue
        if value in _EMPTY:
            changes.append((path, Change.REMOVED))
        else:
            changes.append((path, Change.SET if was in _EMPTY else Change.CHANGED))
    changes += [
        (path, Change.REMOVED)
        for path, was in before.items()
        if path not in after and was not in _EMPTY
    ]
    return [(p, c) for p, c in changes if p not in ("schema_version", "language")]
