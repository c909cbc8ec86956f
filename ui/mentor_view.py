"""The mentor's reading of one shared interview: transcript beside the map, comments on
a turn, a map cell or a suggestion. Everything here is reached only through a share."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from assistant.access.targets import Stance, Target, TargetKind, cell_targets, suggestion_targets
from assistant.model import JourneyMap, Lang
from ui import core
from ui.canvas_view import show_canvas
from ui.chat import show_record
from ui.comments import show_comment
from ui.downloads import report_buttons
from ui.i18n import t
from ui.state import flash, show_flash
from ui.text import esc, short

if TYPE_CHECKING:
    from assistant.store import ShareInfo, TurnRecord

MAX_COMMENT = 4000


def _turn(record: TurnRecord, lang: str, changed: list[str]) -> None:
    when = f"{record.created_at:%d.%m.%Y %H:%M}" if record.created_at else ""
    brain = f" · {t('mentor.brain', brain=esc(record.brain))}" if record.brain else ""
    st.caption(f"#{record.id} · {when}{brain}")
    show_record(record, lang=lang)
    if changed:
        st.caption(t("mentor.changed", fields=esc("; ".join(changed[:8]))))


def _provenance(interview_id: str, journey: JourneyMap) -> None:
    """Choose a map cell: which messages set or changed it, and whether it was edited."""
    cells = cell_targets(journey)
    if not cells:
        return
    chosen = st.selectbox(
        t("mentor.where_from"),
        [None, *range(len(cells))],
        format_func=lambda i: "–" if i is None else cells[i].label,
        key="provenance_cell",
    )
    if chosen is None:
        return
    changes = core.deps().store.map_changes(interview_id, path=cells[chosen].ref)
    turns = sorted({f"#{c.turn_id}" for c in changes if c.turn_id is not None})
    by_hand = any(c.by_hand for c in changes)
    if not turns and not by_hand:
        st.caption(t("mentor.origin_unknown"))
        return
    parts = [t("mentor.from_turns", turns=", ".join(turns))] if turns else []
    if by_hand:
        parts.append(t("mentor.by_hand"))
    st.caption(" · ".join(parts))


def _targets(kind: TargetKind, turns: list[TurnRecord], journey: JourneyMap) -> list[Target]:
    if kind is TargetKind.TURN:
        return [
            Target(TargetKind.TURN, str(r.id), f"#{r.id} {short(r.text, 60)}")
            for r in turns
            if r.role.value != "system"
        ]
    if kind is TargetKind.CELL:
        return cell_targets(journey)
    if kind is TargetKind.SUGGESTION:
        return suggestion_targets(journey)
    return [Target(TargetKind.GENERAL, "", t("target.general"))]


def _comment_form(share: ShareInfo, turns: list[TurnRecord], journey: JourneyMap) -> None:
    kind = TargetKind(
        st.radio(
            t("mentor.about"),
            [k.value for k in TargetKind],
            format_func=lambda v: t(f"target.{v}"),
            horizontal=True,
            key="comment_kind",
        )
    )
    options = _targets(kind, turns, journey)
    if not options:
        st.info(t("mentor.nothing_to_target"))
        return
    with st.form("comment", clear_on_submit=True):
        # Options are user text: selectbox options are shown as plain text.
        chosen = st.selectbox(
            t("mentor.target"), range(len(options)), format_func=lambda i: options[i].label
        )
        stance = ""
        if kind is TargetKind.SUGGESTION:
            stance = st.radio(
                t("mentor.stance"),
                [s.value for s in Stance],
                format_func=lambda v: t(f"stance.{v}"),
                horizontal=True,
            )
        author = st.text_input(t("mentor.author"), max_chars=100, value=share.label)
        text = st.text_area(t("mentor.comment"), max_chars=MAX_COMMENT)
        sent = st.form_submit_button(t("mentor.send"), type="primary")
    if not sent:
        return
    if not text.strip():
        st.error(t("mentor.empty"))
        return
    # The share is checked again at the moment of writing: a revoked link writes nothing.
    store = core.deps().store
    if store.open_share(st.session_state["mentor_token"]) is None:
        st.error(t("mentor.link_gone"))
        return
    target = options[chosen or 0]
    store.add_comment(
        share.interview_id,
        author=author.strip() or t("mentor.anonymous"),
        text=text.strip(),
        target=target.key,
        kind=target.kind.value,
        stance=stance or "",
        share_id=share.id,
    )
    flash("success", t("mentor.saved"))
    st.rerun()


def mentor_view(share: ShareInfo) -> None:
    store = core.deps().store
    info = store.get_interview(share.interview_id)
    if info is None:
        st.error(t("mentor.link_gone"))
        return
    lang = info.lang.value
    st.subheader(esc(short(info.title, 90)) or t("interviews.untitled"))
    st.caption(t("mentor.progress", pct=round(info.progress * 100)))
    journey = store.latest_map(info.id)
    journey = journey or JourneyMap(language=Lang(lang))
    turns = store.transcript(info.id)
    labels = {c.ref: c.label for c in cell_targets(journey)}
    changed: dict[int, list[str]] = {}
    for change in store.map_changes(info.id):
        if change.turn_id is not None:
            changed.setdefault(change.turn_id, []).append(labels.get(change.path, change.path))
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(f"#### {t('mentor.transcript')}")
        pane = st.container(height=640, border=False)
        with pane:
            if not turns:
                st.info(t("mentor.no_turns"))
            for record in turns:
                _turn(record, lang, changed.get(record.id, []))
    with right:
        st.markdown(f"#### {t('mentor.map')}")
        if journey.stages:
            # The journey-map canvas, and the mentor report (Markdown, HTML, PDF).
            show_canvas(journey.model_dump_json(), alt=t("map.canvas_alt"))
            report_buttons(journey)
        else:
            st.info(t("mentor.no_map"))
        _provenance(info.id, journey)
        if journey.suggestions:
            st.markdown(f"**{t('mentor.suggestions')}**")
            for i, s in enumerate(journey.suggestions, start=1):
                st.markdown(f"{i}\\. **{esc(s.title)}**  \n{esc(s.why)}")
    st.markdown(f"#### {t('mentor.comments')}")
    show_flash()
    for comment in store.comments(info.id):
        show_comment(comment, journey, lang)
    _comment_form(share, turns, journey)


def dashboard() -> None:
    """Interviews shared with mentors: progress and last activity (operator only)."""
    rows = core.deps().store.shared_overview()
    if not rows:
        st.info(t("dashboard.none"))
        return
    for row in rows:
        with st.container(border=True):
            title = esc(short(row.title, 90)) or t("interviews.untitled")
            st.markdown(f"**{title}**")
            last_comment = f"{row.last_comment_at:%d.%m.%Y %H:%M}" if row.last_comment_at else "–"
            st.caption(
                t(
                    "dashboard.meta",
                    pct=round(row.progress * 100),
                    activity=f"{row.last_activity:%d.%m.%Y %H:%M}",
                    shares=row.active_shares,
                    comments=row.comments,
                    last_comment=last_comment,
                    language=row.lang.value.upper(),
                )
            )
            st.progress(min(max(row.progress, 0.0), 1.0))
