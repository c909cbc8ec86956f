"""Which interview this browser may work on, and as whom.

Nothing opens an interview but its owner key (the private link, ?k=<token>) or, on the
mentor page, a share link. The id alone opens nothing, and no interview exists until its
first message. Owner keys this browser has used are also remembered in its own storage
(ui/keyring.py), so "My interviews" can list them after the tab is closed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import streamlit as st

from assistant.access.link_tokens import OWNER_PARAM, token_from
from assistant.interview.draft import start_owned
from assistant.model import Lang
from ui import core
from ui.i18n import t
from ui.state import flash

if TYPE_CHECKING:
    from assistant.interview import Session
    from assistant.model import JourneyMap
    from assistant.turns import AssistantTurn


log = logging.getLogger(__name__)


def signed_in_subject() -> str:
    """The signed-in user's subject when the deployment configures st.login, else ""."""
    try:
        user = st.user
        if user.get("is_logged_in"):
            return str(user.get("sub") or user.get("email") or "")
    except Exception:  # no auth configured
        return ""
    return ""


def remember(token: str, interview_id: str) -> None:
    """This browser owns `interview_id` through `token`: in the session and its storage."""
    st.session_state["owned"][token] = interview_id
    st.session_state["keys_add"] = sorted({*st.session_state["keys_add"], token})


def take(interview_id: str, token: str) -> None:
    """Make the interview current, as its owner."""
    st.session_state["interview_id"] = interview_id
    st.session_state["owner_key"] = token
    st.session_state["last_turn"] = None
    st.session_state["seen_link"] = token
    remember(token, interview_id)
    st.query_params[OWNER_PARAM] = token


def adopt_link() -> None:
    """Opening the app with ?k=<owner token> opens that interview (once per new link);
    an old ?i=<id> link opens nothing."""
    if "i" in st.query_params:
        del st.query_params["i"]
        flash("error", t("link.id_only"))
    token = st.query_params.get(OWNER_PARAM)
    if not token or token == st.session_state["seen_link"]:
        return
    st.session_state["seen_link"] = token
    info = core.deps().store.interview_for_owner(token)
    if info is None:
        flash("error", t("link.unknown"))
        del st.query_params[OWNER_PARAM]
        return
    take(info.id, token)


def open_by_link(text: str) -> bool:
    """Open an interview from a pasted owner link or key; False if it opens nothing."""
    token = token_from(text, OWNER_PARAM)
    info = core.deps().store.interview_for_owner(token) if token else None
    if info is None:
        return False
    take(info.id, token)
    return True


def current_session() -> Session | None:
    """The current interview if this browser still holds a valid owner key for it;
    None before the first message (and after it was deleted, e.g. in another tab)."""
    interview_id, token = st.session_state["interview_id"], st.session_state["owner_key"]
    if not interview_id or not token:
        return None
    info = core.deps().store.interview_for_owner(token)
    if info is None or info.id != interview_id:
        forget_current()
        return None
    if st.query_params.get(OWNER_PARAM) != token:
        st.query_params[OWNER_PARAM] = token
    return core.resume(interview_id)


def start_interview(lang: str | None = None) -> Session:
    """Create the interview now (at its first message or upload), owned by this browser."""
    session, token = start_owned(
        deps=core.deps(), lang=Lang(lang or st.session_state["lang"]), subject=signed_in_subject()
    )
    take(session.id, token)
    st.session_state["last_turn"] = session.opening().to_json()
    return session


def start_from_map(journey: JourneyMap) -> AssistantTurn | None:
    """A new interview that begins with `journey`, owned by this browser and made current;
    None when it cannot be started, and then nothing is left behind: the half-made interview
    is deleted and the interview that was current before stays current."""
    before = st.session_state["interview_id"], st.session_state["owner_key"]
    session = None
    try:
        session = start_interview(journey.language.value)
        return session.edit_map(journey)
    except Exception as exc:
        log.warning("starting from an uploaded map failed: %s", type(exc).__name__)
        log.debug("upload failure", exc_info=True)
        if session is not None:
            try:
                core.deps().store.delete_interview(session.id)
            except Exception:
                log.warning("could not delete the half-made interview %s", session.id)
            st.session_state["owned"].pop(st.session_state["owner_key"], None)
        st.session_state["interview_id"], st.session_state["owner_key"] = before
        st.session_state["last_turn"] = None
        if before[1]:
            st.query_params[OWNER_PARAM] = before[1]
        elif OWNER_PARAM in st.query_params:
            del st.query_params[OWNER_PARAM]
        return None


def forget_current() -> None:
    st.session_state["interview_id"] = None
    st.session_state["owner_key"] = None
    st.session_state["last_turn"] = None
    if OWNER_PARAM in st.query_params:
        del st.query_params[OWNER_PARAM]
