"""Omat haastattelut / My interviews: only the interviews this browser holds a key for;
open another by its private link; share with a mentor; download or delete."""

from __future__ import annotations

import streamlit as st

from ui import core
from ui.current import current_session, forget_current, open_by_link, signed_in_subject, take
from ui.i18n import t
from ui.keyring import forget_key, known_keys
from ui.links import owner_link
from ui.sharing import data_downloads, share_panel
from ui.state import flash, show_flash
from ui.text import esc, short


def _new() -> None:
    forget_current()
    st.session_state["go_interview"] = True


def _open(interview_id: str, token: str) -> None:
    info = core.deps().store.interview_for_owner(token)
    if info is None or info.id != interview_id:
        flash("error", t("link.unknown"))
        return
    take(interview_id, token)
    st.session_state["go_interview"] = True


def _open_mine(interview_id: str) -> None:
    """A signed-in user's interview: this browser gets a fresh owner key for it."""
    store = core.deps().store
    subject = signed_in_subject()
    if not subject or not store.is_owned_by_subject(interview_id, subject):
        flash("error", t("link.unknown"))
        return
    take(interview_id, store.add_owner_key(interview_id))
    st.session_state["go_interview"] = True


def _open_link() -> None:
    if open_by_link(st.session_state["open_link"]):
        st.session_state["go_interview"] = True
    else:
        flash("error", t("link.unknown"))
    st.session_state["open_link"] = ""


def _delete(interview_id: str, token: str) -> None:
    if st.session_state["confirm_delete"] != interview_id:
        st.session_state["confirm_delete"] = interview_id
        return
    st.session_state["confirm_delete"] = None
    store = core.deps().store
    info = store.interview_for_owner(token)
    if info is None or info.id != interview_id:  # only with the owner key, checked again now
        flash("error", t("link.unknown"))
        return
    if store.delete_interview(interview_id):
        flash("success", t("interviews.deleted"))
    forget_key(token)
    if st.session_state["interview_id"] == interview_id:
        forget_current()


def _cancel() -> None:
    st.session_state["confirm_delete"] = None


if st.session_state.pop("go_interview", False):
    st.switch_page("views/interview.py")

st.title(t("interviews.title"))
show_flash()
st.button(t("interviews.new"), icon=":material/add:", type="primary", on_click=_new)

session = current_session()
if session is not None:
    token = st.session_state["owner_key"]
    st.subheader(t("interviews.current_title"))
    st.markdown(f"**{t('interviews.link')}**")
    st.code(owner_link(token), language=None)
    st.caption(t("interviews.link_help"))
    share_panel(session.id)
    data_downloads(session.id)

st.subheader(t("interviews.mine"))
store = core.deps().store
owned = store.interviews_for_owners(known_keys())
for token in [k for k in known_keys() if k not in owned]:
    forget_key(token)  # deleted meanwhile, e.g. in another browser: the key opens nothing
items = sorted(owned.items(), key=lambda kv: kv[1].updated_at, reverse=True)
subject = signed_in_subject()
extra = []
if subject:
    held = {info.id for _, info in items}
    extra = [i for i in store.interviews_for_subject(subject) if i.id not in held]
if not items and not extra:
    st.info(t("interviews.none"))
current = st.session_state["interview_id"]
for token, info in items:
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
            args=(info.id, token),
            width="stretch",
        )
        confirming = st.session_state["confirm_delete"] == info.id
        b2.button(
            t("interviews.confirm_delete") if confirming else t("interviews.delete"),
            key=f"del_{info.id}",
            on_click=_delete,
            args=(info.id, token),
            type="primary" if confirming else "secondary",
            width="stretch",
        )
        if confirming:
            st.warning(t("interviews.delete_warning"))
            st.button(t("interviews.cancel"), key=f"cancel_{info.id}", on_click=_cancel)
for info in extra:
    with st.container(border=True):
        main, button = st.columns([3, 2])
        main.markdown(f"**{esc(short(info.title, 90) or t('interviews.untitled'))}**")
        button.button(
            t("interviews.open"), key=f"mine_{info.id}", on_click=_open_mine, args=(info.id,)
        )

st.subheader(t("interviews.open_link"))
st.text_input(
    t("interviews.open_link_label"),
    key="open_link",
    placeholder=t("interviews.open_link_placeholder"),
    type="password",
)
st.button(t("interviews.open_link_go"), on_click=_open_link, icon=":material/link:")
st.caption(t("interviews.device_note"))
