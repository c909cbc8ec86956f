"""Which interview this browser session works on: from the private link (?i=) or new."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import streamlit as st

from ui import core
from ui.i18n import t
from ui.state import flash

if TYPE_CHECKING:
    from assistant.interview import Session
    from assistant.model import JourneyMap
    from assistant.turns import AssistantTurn

log = logging.getLogger(__name__)


def _take(session: Session) -> None:
    st.session_state["interview_id"] = session.id
    st.session_state["last_turn"] = session.opening().to_json()
    st.query_params["i"] = session.id


def adopt_link() -> None:
    """Opening the app with ?i=<id> resumes that interview (once per new link)."""
    link = st.query_params.get("i")
    if not link or link == st.session_state["seen_link"]:
        return
    st.session_state["seen_link"] = link
    if link == st.session_state["interview_id"]:
        return
    try:
        _take(core.resume(link))
    except KeyError:
        flash("error", t("link.unknown"))
        del st.query_params["i"]


def start_new(lang: str | None = None) -> Session:
    """A new interview in `lang` (default: the UI language), made current."""
    session = core.new_session(lang or st.session_state["lang"])
    _take(session)
    st.session_state["seen_link"] = session.id
    return session


def start_from_map(journey: JourneyMap) -> AssistantTurn | None:
    """A new interview that begins with `journey`, made current; None (and nothing left
    behind) when it cannot be started: the interview is made current only once its map
    is saved, and a half-made one is deleted."""
    session = core.new_session(journey.language.value)
    try:
        session.opening()
        turn = session.edit_map(journey)
    except Exception as exc:
        log.warning("starting from an uploaded map failed: %s", type(exc).__name__)
        log.debug("upload failure", exc_info=True)
        try:
            core.deps().store.delete_interview(session.id)
        except Exception:
            log.warning("could not delete the half-made interview %s", session.id)
        return None
    switch_to(session.id)
    return turn


def switch_to(interview_id: str) -> Session:
    """Make a stored interview current (KeyError if it is gone)."""
    session = core.resume(interview_id)
    _take(session)
    st.session_state["seen_link"] = session.id
    return session


def current_session() -> Session:
    """The current interview; a new one when there is none (or it was deleted meanwhile)."""
    interview_id = st.session_state["interview_id"]
    if interview_id:
        try:
            session = core.resume(interview_id)
        except KeyError:  # deleted meanwhile, e.g. in another tab
            st.session_state["interview_id"] = None
            st.session_state["last_turn"] = None
        else:
            if st.query_params.get("i") != session.id:
                st.query_params["i"] = session.id
            return session
    return start_new()


def forget_current() -> None:
    st.session_state["interview_id"] = None
    st.session_state["last_turn"] = None
    if "i" in st.query_params:
        del st.query_params["i"]
