"""The operator's sign-in: one password from settings or secrets, attempts limited."""

from __future__ import annotations

import streamlit as st

from assistant.access.admin import AttemptLimiter, attempt
from ui.core import app_settings
from ui.i18n import t


@st.cache_resource(show_spinner=False)
def _limiter() -> AttemptLimiter:
    return AttemptLimiter()


def _client() -> str:
    """Who is guessing: the client's address when Streamlit knows it (behind a proxy it
    is the proxy's, and the total limit still holds)."""
    try:
        ip = st.context.ip_address
    except Exception:
        return "unknown"
    return ip if isinstance(ip, str) and ip else "unknown"


def admin_gate(where: str) -> bool:
    """True when the operator is signed in; otherwise draws the password form."""
    if st.session_state["admin"]:
        return True
    configured = app_settings().admin_password
    if configured is None:
        st.info(t("admin.not_configured"))
        return False
    with st.form(f"admin_{where}"):
        given = st.text_input(t("admin.password"), type="password")
        sent = st.form_submit_button(t("admin.sign_in"), icon=":material/lock_open:")
    if sent:
        ok, wait = attempt(_limiter(), key=_client(), given=given, configured=configured)
        if ok:
            st.session_state["admin"] = True
            st.rerun()
        elif wait > 0:
            st.error(t("admin.wait", minutes=max(1, round(wait / 60))))
        else:
            st.error(t("admin.wrong"))
    return False


def sign_out_button(where: str) -> None:
    def _out() -> None:
        st.session_state["admin"] = False

    st.button(t("admin.sign_out"), key=f"admin_out_{where}", on_click=_out, icon=":material/lock:")
