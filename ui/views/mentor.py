"""Kummin näkymä / Mentor view: one interview through its share link (read and comment),
or the mentor organisation's dashboard behind the operator's password."""

from __future__ import annotations

import streamlit as st

from assistant.access.link_tokens import SHARE_PARAM, token_from
from ui import core
from ui.admin import admin_gate, sign_out_button
from ui.i18n import t
from ui.mentor_view import dashboard, mentor_view


def _pasted() -> None:
    token = token_from(st.session_state["mentor_pick"], SHARE_PARAM)
    st.session_state["mentor_pick"] = ""
    st.session_state["mentor_token"] = token
    st.session_state["mentor_bad"] = not token
    if token:
        st.query_params[SHARE_PARAM] = token


st.title(t("mentor.title"))
from_url = st.query_params.get(SHARE_PARAM)
if from_url:
    st.session_state["mentor_token"] = from_url
token = st.session_state.get("mentor_token") or ""
# Checked on every run, so a revoked or expired link stops working at once.
share = core.deps().store.open_share(token) if token else None
if token and share is None:
    st.session_state["mentor_token"] = ""
    if SHARE_PARAM in st.query_params:
        del st.query_params[SHARE_PARAM]
    st.error(t("mentor.link_gone"))
elif st.session_state.pop("mentor_bad", False):
    st.error(t("mentor.link_gone"))

if share is not None:
    mentor_view(share)
    st.stop()

st.caption(t("mentor.help"))
st.text_input(
    t("mentor.pick"),
    key="mentor_pick",
    placeholder=t("mentor.pick_placeholder"),
    on_change=_pasted,
    type="password",
)
st.subheader(t("dashboard.title"))
if admin_gate("mentor"):
    dashboard()
    sign_out_button("mentor")
