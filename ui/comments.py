"""Mentors' comments: shown to the owner on the Interview and Map pages (new until the
owner marks them read) and to the mentor in the mentor view."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from assistant.access.targets import describe
from ui import core
from ui.i18n import t
from ui.text import esc

if TYPE_CHECKING:
    from assistant.model import JourneyMap
    from assistant.store import CommentRecord


def show_comment(
    comment: CommentRecord, journey: JourneyMap | None, lang: str, *, owner: bool = False
) -> None:
    """One comment: author, time, what it is about, the mentor's stance; all inert text.
    The owner also sees which comments are new to them."""
    with st.container(border=True):
        head = f"**{esc(comment.author)}** · {comment.created_at:%d.%m.%Y %H:%M}"
        if owner and comment.read_at is None:
            head += f" :blue-badge[{t('comments.new')}]"
        if comment.stance:
            head += f" :violet-badge[{t(f'stance.{comment.stance}')}]"
        st.markdown(head)
        about = describe(comment.target, journey, lang)
        if about:
            st.caption(t("comments.about", what=esc(about)))
        st.markdown(esc(comment.text))


def _mark_read(interview_id: str, ids: list[int]) -> None:
    core.deps().store.mark_comments_read(interview_id, ids)


def owner_comments(interview_id: str, journey: JourneyMap, *, where: str) -> None:
    """The owner's view of the comments: nothing at all when there are none."""
    comments = core.deps().store.comments(interview_id)
    if not comments:
        return
    new = [c.id for c in comments if c.read_at is None]
    label = t("comments.title_new", count=len(new)) if new else t("comments.title")
    with st.expander(label, icon=":material/rate_review:", expanded=bool(new)):
        for comment in reversed(comments):
            show_comment(comment, journey, journey.language.value, owner=True)
        if new:
            st.button(
                t("comments.mark_read"),
                key=f"mark_read_{where}",
                on_click=_mark_read,
                args=(interview_id, new),
                icon=":material/done_all:",
            )
