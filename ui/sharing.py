"""The owner's panel for one interview: mentor share links (make, list, revoke) and
downloads of the transcript and of everything stored about the interview."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import streamlit as st

from assistant.export.interview_data import export_interview, transcript_data
from assistant.export.transcript import TranscriptFormat, render
from ui import core
from ui.i18n import t
from ui.links import share_link
from ui.text import esc

EXPIRY_DAYS = (0, 1, 7, 30, 90)
"""Choices for a share's lifetime; 0 = until revoked."""
_MIME = {"md": "text/markdown", "html": "text/html", "json": "application/json"}


def _make(interview_id: str) -> None:
    days = st.session_state["share_days"]
    expires = datetime.now(UTC) + timedelta(days=days) if days else None
    label = (st.session_state["share_label"] or "").strip()[:100]
    info, token = core.deps().store.create_share(interview_id, label=label, expires_at=expires)
    # Shown in this browser session only (the store keeps just its hash), until the
    # next share is made, it is revoked or another interview is opened.
    st.session_state["new_share"] = (interview_id, info.id, token)
    st.session_state["share_label"] = ""


def _revoke(interview_id: str, share_id: int) -> None:
    core.deps().store.revoke_share(interview_id, share_id)
    st.session_state["new_share"] = None


def share_panel(interview_id: str) -> None:
    st.markdown(f"**{t('share.title')}**")
    st.caption(t("share.help"))
    c1, c2 = st.columns([3, 2])
    c1.text_input(t("share.label"), key="share_label", max_chars=100)
    c2.selectbox(
        t("share.expires"),
        EXPIRY_DAYS,
        key="share_days",
        format_func=lambda d: t("share.never") if d == 0 else t("share.days", days=d),
    )
    st.button(t("share.make"), on_click=_make, args=(interview_id,), icon=":material/share:")
    now = datetime.now(UTC)
    shares = core.deps().store.shares(interview_id)
    fresh = st.session_state["new_share"]
    active = {s.id for s in shares if s.active(now)}
    if fresh and fresh[0] == interview_id and fresh[1] in active:
        st.success(t("share.made"))
        st.code(share_link(fresh[2]), language=None)
    for share in shares:
        with st.container(border=True):
            main, button = st.columns([4, 1])
            name = esc(share.label) or t("share.unnamed")
            if share.revoked_at:
                state = t("share.revoked")
            elif not share.active(now):
                state = t("share.expired")
            elif share.expires_at:
                state = t("share.until", date=f"{share.expires_at:%d.%m.%Y %H:%M}")
            else:
                state = t("share.active")
            used = f"{share.last_used_at:%d.%m.%Y %H:%M}" if share.last_used_at else "–"
            main.markdown(f"**{name}** · {state}")
            main.caption(t("share.meta", made=f"{share.created_at:%d.%m.%Y}", used=used))
            if share.active(now):
                button.button(
                    t("share.revoke"),
                    key=f"revoke_{share.id}",
                    on_click=_revoke,
                    args=(interview_id, share.id),
                )


def _transcript(interview_id: str, fmt: TranscriptFormat) -> bytes:
    return render(transcript_data(core.deps().store, interview_id), fmt).encode("utf-8")


def _everything(interview_id: str) -> bytes:
    data = export_interview(core.deps().store, interview_id)
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def data_downloads(interview_id: str) -> None:
    st.markdown(f"**{t('transcript.title')}**")
    cells = st.columns(len(TranscriptFormat))
    for cell, fmt in zip(cells, TranscriptFormat, strict=True):
        cell.download_button(
            t(f"transcript.{fmt.value}"),
            data=lambda fmt=fmt: _transcript(interview_id, fmt),
            file_name=f"polkuopas-keskustelu.{fmt.value}",
            mime=_MIME[fmt.value],
            key=f"tr_{fmt.value}",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
        )
    st.download_button(
        t("privacy.all_data"),
        data=lambda: _everything(interview_id),
        file_name="polkuopas-kaikki-tiedot.json",
        mime="application/json",
        key="all_data",
        on_click="ignore",
        icon=":material/folder_zip:",
        help=t("privacy.all_data_help"),
    )
