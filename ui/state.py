"""The one place that sets every st.session_state key. Only small values live here:
heavy objects (the store, the card index, the brains) are in st.cache_resource."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.keyring import busy

DEFAULTS: dict[str, Any] = {
    "lang": "fi",
    # The interview shown on the Interview and Map pages (None before the first message).
    "interview_id": None,
    # Its owner key (the private link's token, also in the URL as ?k=).
    "owner_key": None,
    # Owner keys this browser session holds: token -> interview id.
    "owned": {},
    # Owner keys read from this browser's storage (ui/keyring.py); None until it answers.
    "stored_keys": None,
    # Keys to add to / remove from this browser's storage on the next run.
    "keys_add": [],
    "keys_remove": [],
    # This page asks the browser for its stored keys (My interviews only).
    "keyring_reporting": False,
    # The operator signed in with the admin password (settings, mentor dashboard).
    "admin": False,
    # Mentor view: the share link's token in use ("" = none).
    "mentor_token": "",
    # A share link made just now: (share id, token), shown once and then forgotten.
    "new_share": None,
    # The last AssistantTurn.to_json() of that interview: focus, progress, notice.
    "last_turn": None,
    # An example question the user clicked: sent as the next chat message.
    "ask": None,
    # One-off message shown once after a rerun: (kind, text), kind in success/info/warning/error.
    "flash": None,
    # Interview id awaiting a second click on Delete.
    "confirm_delete": None,
    # The key in ?k= that was already taken into use, so a bad link is reported only once.
    "seen_link": None,
    # Map page: a counter in the editor keys; bumping it discards unsaved edits after save/undo.
    "editor_rev": 0,
    # Messages the database could not take yet, per interview id (Session.held): saved, in
    # order, by the next message once the database works again.
    "held": {},
}


def init_state() -> None:
    """Set every key this app uses, once per browser session."""
    for key, value in DEFAULTS.items():
        if key not in st.session_state:
            st.session_state[key] = value.copy() if isinstance(value, dict | list) else value


def flash(kind: str, text: str) -> None:
    """Show `text` on the next run (e.g. after st.rerun or a page switch)."""
    st.session_state["flash"] = (kind, text)


def show_flash() -> None:
    message = st.session_state.get("flash")
    if message:
        kind, text = message
        getattr(st, kind, st.info)(text)
        if not busy():  # else the browser's report reruns the page at once: show it again
            st.session_state["flash"] = None
