"""Chat messages from the transcript, and one step of the interview (streamed with an LLM)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import streamlit as st

from assistant.model import Citation
from assistant.turns import Role
from ui import core
from ui.i18n import t
from ui.text import esc, esc_light

if TYPE_CHECKING:
    from assistant.interview import Session
    from assistant.store import TurnRecord
    from assistant.turns import AssistantTurn


def _sources(citations: list[Citation], lang: str) -> None:
    """The guidance behind a message: one expander, each card with its article and author."""
    kb = core.deps().kb
    unique = list({(c.card or c.source): c for c in citations}.values())
    if len(unique) == 1:
        c = unique[0]
        # Titles of ingested documents are text from outside: plain in the label too.
        label = esc(t("chat.source", title=c.title or c.source, author=c.author or "–"))
    else:
        label = t("chat.sources", count=len(unique))
    with st.expander(label, icon=":material/menu_book:"):
        for c in unique:
            hit = kb.card(c.card, lang=lang) if c.card else None
            title = hit.card_title if hit is not None and hit.card_title else c.title or c.source
            st.markdown(f"**{esc(title)}**")
            st.caption(esc(t("chat.source", title=c.title or c.source, author=c.author or "–")))
            if hit is not None:
                st.markdown(esc_light(hit.text))
            else:
                st.caption(t("chat.no_passage"))


def show_message(
    role: str, text: str, *, notice: str = "", citations: list[Citation] | None = None, lang: str
) -> None:
    is_user = role == Role.USER.value
    with st.chat_message(
        "user" if is_user else "assistant",
        avatar=":material/person:" if is_user else ":material/explore:",
    ):
        st.markdown(esc(text) if is_user else esc_light(text))
        if notice:
            st.warning(notice, icon=":material/info:")
        if citations:
            _sources(citations, lang)


def show_record(record: TurnRecord, *, lang: str) -> None:
    if record.role is Role.SYSTEM:
        return
    show_message(
        record.role.value, record.text, notice=record.notice, citations=record.citations, lang=lang
    )


def run_step(session: Session, text: str) -> AssistantTurn:
    """One user message through the core; an LLM's tokens appear as they come."""
    deps = session.deps
    if deps.brain is deps.offline_brain:
        with st.spinner(t("chat.thinking")):
            return session.step(text)
    tokens: queue.Queue[str | None] = queue.Queue()
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["turn"] = session.step(text, on_token=tokens.put)
        except BaseException as exc:  # handed to the script thread below
            result["error"] = exc
        finally:
            tokens.put(None)

    def stream() -> Iterator[str]:
        while (token := tokens.get()) is not None:
            yield token

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    st.write_stream(stream())
    worker.join()
    if "error" in result:
        raise result["error"]
    turn: AssistantTurn = result["turn"]
    return turn
