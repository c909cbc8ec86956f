"""The language switch, shown in the sidebar on every page and on the settings page."""

from __future__ import annotations

import streamlit as st

from ui.i18n import LANGS, t

NAMES = {"fi": "Suomi", "en": "English"}


def _changed(widget_key: str) -> None:
    st.session_state["lang"] = st.session_state[widget_key]


def language_switch(where: str) -> None:
    """A Suomi / English switch; every text follows it on the next run."""
    key = f"lang_{where}"
    # Mirror the shared language into this widget before drawing it, so two switches agree.
    st.session_state[key] = st.session_state["lang"]
    st.radio(
        t("lang.label"),
        LANGS,
        key=key,
        format_func=NAMES.__getitem__,
        horizontal=True,
        on_change=_changed,
        args=(key,),
    )
