"""Haastattelu / Interview: the chat on the left, the map growing on the right."""

from __future__ import annotations

import streamlit as st

from assistant.interview.session import Held
from assistant.knowledge import example_questions
from assistant.model import Citation, JourneyMap, Lang
from assistant.store.errors import StoreUnavailable
from ui import core
from ui.chat import run_step, show_message, show_record
from ui.comments import owner_comments
from ui.current import current_session, start_interview
from ui.i18n import t
from ui.map_panel import map_panel
from ui.panes import CHAT_KEY, MAP_KEY, keep_newest_in_view, pane_style
from ui.state import flash, show_flash
from ui.text import esc

# Pixels: the chat and the map scroll in their own panes, so the map never pushes the
# chat out of view. ui.panes sizes them to the window; these are the fallbacks.
PANE_HEIGHT = 560
MAP_PANE_HEIGHT = 500


def _finish() -> None:
    session = current_session()
    if session is None:
        return
    st.session_state["last_turn"] = session.finish().to_json()


def _ask(question: str) -> None:
    st.session_state["ask"] = question


def _example_questions(last: dict[str, object], lang: str) -> None:
    """Up to two questions the card behind the last tip answers: one click asks them."""
    citations = last.get("citations") or []
    cards = [str(c.get("card")) for c in citations if isinstance(c, dict) and c.get("card")]
    # The shortest two: they fit a button and are the plainest ways to ask.
    questions = sorted(example_questions(cards[0], lang=Lang(lang)), key=len)[:2] if cards else []
    if not questions:
        return
    st.caption(t("chat.you_can_ask"))
    for i, question in enumerate(questions):
        st.button(
            esc(question),
            key=f"ask-{i}",
            on_click=_ask,
            args=(question,),
            icon=":material/help:",
            type="tertiary",
        )


def _quick_replies(last: dict[str, object]) -> None:
    """The common answers to the question asked ("ei ongelmia", "ohita"): one click sends
    them as the next message, just as typing them would."""
    choices = [str(c) for c in last.get("choices") or [] if str(c).strip()]  # type: ignore[union-attr]
    if not choices:
        return
    columns = st.columns(min(len(choices), 4))
    for i, choice in enumerate(choices[:8]):
        columns[i % len(columns)].button(
            esc(choice), key=f"choice-{i}", on_click=_ask, args=(choice,), width="stretch"
        )


def _undo() -> None:
    session = current_session()
    if session is not None and session.undo():
        st.session_state["last_turn"] = session.view().to_json()
        flash("success", t("interview.undone"))
    else:
        flash("info", t("interview.nothing_to_undo"))


try:
    session = current_session()
except StoreUnavailable:
    # A message sent just as the database failed is kept in this browser session and saved,
    # before the next one, once the database is back (see Session.held).
    typed, interview_id = st.session_state.get("chat"), st.session_state["interview_id"]
    if typed and interview_id:
        st.session_state["held"].setdefault(interview_id, []).append(Held(str(typed)))
    elif typed:
        st.session_state["ask"] = typed
    raise
if session is None:
    # Nothing is stored yet: the opening question comes from a scratch store, and the
    # interview is created (with this browser's owner key) by the first message.
    lang = st.session_state["lang"]
    last = core.opening_preview(lang)
    st.session_state["last_turn"] = last
    journey, progress, done = JourneyMap(language=Lang(lang)), 0.0, False
else:
    lang = session.lang.value
    last = st.session_state["last_turn"] or {}
    if last.get("interview_id") != session.id:
        last = session.opening().to_json()
        st.session_state["last_turn"] = last
    journey, progress, done = session.journey, session.progress, session.done

prompt = st.chat_input(t("chat.placeholder"), key="chat")
if prompt is None and st.session_state["ask"]:
    prompt, st.session_state["ask"] = st.session_state["ask"], None
pane_style()
chat_col, map_col = st.columns([3, 2], gap="large")

with chat_col:
    show_flash()
    if session is not None:
        owner_comments(session.id, session.journey, where="interview")
    pane = st.container(height=PANE_HEIGHT, border=False, key=CHAT_KEY)
    with pane:
        records = session.transcript() if session is not None else []
        for record in records:
            show_record(record, lang=lang)
        shown = [r.text for r in records if r.role.value == "assistant"]
        # A resumed interview opens with "welcome back" and the pending question, not saved.
        if last.get("text") and (not shown or shown[-1] != last["text"]) and prompt is None:
            citations = [Citation.model_validate(c) for c in last.get("citations") or []]
            show_message("assistant", last["text"], citations=citations, lang=lang)
        if prompt is not None:
            if session is None:
                try:
                    session = start_interview(lang)
                except StoreUnavailable:  # keep the message: it is sent again next time
                    st.session_state["ask"] = prompt
                    raise
                for record in session.transcript():
                    show_record(record, lang=lang)
            show_message("user", prompt, lang=lang)
            with st.chat_message("assistant", avatar=":material/explore:"):
                turn = run_step(session, prompt)
            st.session_state["last_turn"] = turn.to_json()
            st.rerun()
    if not done:
        _quick_replies(last)
        _example_questions(last, lang)

with map_col:
    st.markdown(f"#### {t('interview.map_title')}")
    left, right = st.columns(2)
    left.button(
        t("interview.undo"),
        icon=":material/undo:",
        on_click=_undo,
        width="stretch",
        disabled=session is None,
    )
    right.button(
        t("interview.finish"),
        icon=":material/check_circle:",
        on_click=_finish,
        disabled=session is None or done,
        width="stretch",
        type="primary",
    )
    if done:
        st.success(t("interview.done"))
    # The map scrolls in its own pane: however long it grows, it does not push the chat
    # away (on a phone it sits below the chat, one screen tall).
    with st.container(height=MAP_PANE_HEIGHT, border=False, key=MAP_KEY):
        map_panel(
            journey,
            focus=last.get("focus"),
            progress=progress,
            changed=list(last.get("changed") or []),
        )

keep_newest_in_view(len(records))
