"""No interview exists until its first message: the opening question is shown from a
scratch store, and the real interview is created (with its owner key) when the user
first writes.

The opening is always the offline brain's: it is the same text the visitor already saw,
and an anonymous visit costs no model call.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.interview.deps import Deps
from assistant.interview.session import Session, open_session
from assistant.model import Lang
from assistant.turns import AssistantTurn


def opening_preview(*, deps: Deps, lang: Lang) -> AssistantTurn:
    """The first question as a new interview would open, saved nowhere that lasts."""
    from assistant.store.store import Store  # SQLAlchemy: loaded when first used

    with Store("sqlite://") as scratch:
        offline = replace(deps, store=scratch, brain=deps.offline_brain)
        turn = open_session(deps=offline, lang=Lang(lang)).opening()
    turn.interview_id = ""
    return turn


def start_owned(*, deps: Deps, lang: Lang, subject: str = "") -> tuple[Session, str]:
    """A new interview owned by a fresh owner key (and by `subject`, a signed-in user,
    if given), its opening saved: (the session, the owner token)."""

    info, token = deps.store.create_owned_interview(lang=Lang(lang))
    if subject:
        deps.store.add_owner_subject(info.id, subject)
    offline = replace(deps, brain=deps.offline_brain)
    open_session(deps=offline, interview_id=info.id).opening()
    return open_session(deps=deps, interview_id=info.id), token
