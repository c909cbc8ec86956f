"""Asetukset / Settings: the language for everyone; the LLM in use and a connection test
for the operator only (signed in with the admin password). No credential is ever shown:
URLs lose their user info and query."""

from __future__ import annotations

import streamlit as st

from assistant.access.urls import redact_url
from ui.admin import admin_gate, sign_out_button
from ui.core import app_settings
from ui.i18n import t
from ui.sidebar import language_switch

st.title(t("settings.title"))
st.subheader(t("settings.language"))
language_switch("settings")
st.caption(t("settings.language_help"))

st.subheader(t("settings.llm"))
if not admin_gate("settings"):
    st.caption(t("settings.operator_only"))
    st.stop()

settings = app_settings()
yes, no = t("settings.yes"), t("settings.no")
rows = {
    t("settings.llm_configured"): yes if settings.llm_configured else no,
    t("settings.model"): settings.model,
    t("settings.base_url"): redact_url(settings.openai_base_url) or t("settings.default_url"),
    t("settings.key_set"): yes if settings.openai_api_key else no,
}
for name, value in rows.items():
    st.markdown(f"**{name}:** `{value.replace('`', '')}`")
if settings.llm_configured:
    st.info(t("settings.llm_on"))
else:
    st.info(t("settings.llm_off"))
st.caption(t("settings.how_to"))

if st.button(t("settings.test"), icon=":material/power:"):
    from assistant.brains.llm.check import check_connection

    with st.spinner(t("settings.testing")):
        report = check_connection(settings=settings)
    message = report.message(st.session_state["lang"])
    (st.success if report.ok else st.warning)(message)
sign_out_button("settings")
