"""The interview: planner, commands, sessions. Front ends use `build_deps` and `open_session`."""

from __future__ import annotations

from assistant.interview.deps import Deps, build_deps
from assistant.interview.session import Session, open_session

__all__ = ["Deps", "Session", "build_deps", "open_session"]
