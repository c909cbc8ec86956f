"""Omat haastattelut / My interviews: start new, resume (also by private link), delete."""

from __future__ import annotations

import streamlit as st

from ui import core
from ui.current import forget_current, start_new, switch_to
from ui.i18n import t
from ui.links import private_link
from ui.state import flash, show_flash
from ui.text import esc, short


def _new() -> None:
    start_new()
    st.session_state["go_interview"] = True


def _open(interview_id: str) -> None:
    try:
        switch_to(interview_id)
    except KeyError:
        flash("error", t("link.unknown"))
        return
    st.session_state["go_interview"] = True


def _delete(interview_id: str) -> None:
    if st.session_state["confirm_delete"] != interview_id:
        st.session_state["confirm_delete"] = interview_id
        return
    st.session_state["confirm_delete"] = None
    if core.deps().store.delete_interview(interview_id):
        flash("success", t("interviews.deleted"))
    if st.session_state["interview_id"] == interview_id:
        forget_current()


def _cancel() -> None:
    st.session_state["confirm_delete"] = None


if st.session_state.pop("go_interview", False):
    st.switch_page("views/interview.py")

st.title(t("interviews.title"))
show_flash()
st.button(t("interviews.new"), icon=":material/add:", type="primary", on_click=_new)

current = st.session_state["interview_id"]
if current:
    st.markdown(f"**{t('interviews.link')}**")
    st.code(private_link(current), language=None)
    st.caption(t("interviews.link_help"))

items = core.deps().store.list_interviews(limit=200)
if not items:
    st.info(t("interviews.none"))
for info in items:
    with st.container(border=True):
        main, buttons = st.columns([3, 2])
        title = short(info.title, 90) or t("interviews.untitled")
        mark = " · " + t("interviews.current") if info.id == current else ""
        main.markdown(f"**{esc(title)}**{mark}")
        status = t("interviews.done") if info.done else t("interviews.in_progress")
        main.caption(
            t(
                "interviews.meta",
                date=info.updated_at.strftime("%d.%m.%Y %H:%M"),
                pct=round(info.progress * 100),
                status=status,
                language=info.lang.value.upper(),
            )
        )
        main.progress(min(max(info.progress, 0.0), 1.0))
        b1, b2 = buttons.columns(2)
        b1.button(
            t("interviews.open"),
            key=f"open_{info.id}",
            on_click=_open,
            args=(info.id,),
            width="stretch",
        )
        confirming = st.session_state["confirm_delete"] == info.id
        b2.button(
            t("interviews.confirm_delete") if confirming else t("interviews.delete"),
            key=f"del_{info.id}",
            on_click=_delete,
            args=(info.id,),
            type="primary" if confirming else "secondary",
            width="stretch",
        )
        if confirming:
            st.warning(t("interviews.delete_warning"))
            st.button(t("interviews.cancel"), key=f"cancel_{info.id}", on_click=_cancel)
