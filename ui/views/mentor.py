"""Kummin näkymä / Mentor view: read an interview's transcript and map, leave comments."""

from __future__ import annotations

import streamlit as st

from ui import core
from ui.i18n import t
from ui.links import id_from
from ui.text import esc, short

MAX_COMMENT = 4000

st.title(t("mentor.title"))
st.caption(t("mentor.help"))
raw = st.text_input(t("mentor.pick"), key="mentor_pick", placeholder=t("mentor.pick_placeholder"))
interview_id = id_from(raw)
store = core.deps().store
info = store.get_interview(interview_id) if interview_id else None
if interview_id and info is None:
    st.error(t("link.unknown"))
if info is None:
    st.stop()

st.subheader(esc(short(info.title, 90)) or t("interviews.untitled"))
transcript_tab, map_tab, comments_tab = st.tabs(
    [t("mentor.transcript"), t("mentor.map"), t("mentor.comments")]
)
with transcript_tab:
    from ui.chat import show_record

    records = store.transcript(info.id)
    if not records:
        st.info(t("mentor.no_turns"))
    for record in records:
        show_record(record, lang=info.lang.value)
with map_tab:
    journey = store.latest_map(info.id)
    if journey is None:
        st.info(t("mentor.no_map"))
    else:
        from assistant.export.markdown import to_markdown
        from ui.canvas_view import show_canvas
        from ui.downloads import report_buttons

        show_canvas(journey.model_dump_json(), alt=t("map.canvas_alt"))
        report_buttons(journey)
        # The report escapes every user text itself (HTML and Markdown are inert).
        st.markdown(to_markdown(journey))
with comments_tab:
    for comment in store.comments(info.id):
        with st.container(border=True):
            st.markdown(f"**{esc(comment.author)}** · {comment.created_at:%d.%m.%Y %H:%M}")
            if comment.target:
                st.caption(esc(comment.target))
            st.markdown(esc(comment.text))
    with st.form("comment", clear_on_submit=True):
        author = st.text_input(t("mentor.author"), max_chars=100)
        target = st.text_input(t("mentor.target"), max_chars=200)
        text = st.text_area(t("mentor.comment"), max_chars=MAX_COMMENT)
        sent = st.form_submit_button(t("mentor.send"), type="primary")
    if sent:
        if not text.strip():
            st.error(t("mentor.empty"))
        else:
            store.add_comment(
                info.id,
                author=author.strip() or t("mentor.anonymous"),
                text=text.strip(),
                target=target.strip(),
            )
            st.success(t("mentor.saved"))
            st.rerun()
