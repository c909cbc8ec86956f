"""The map beside the chat: progress, business and persona, stages with touchpoint cards.

Built from Streamlit elements with escaped text (no HTML), so user text stays inert.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from assistant.model import Channel, JourneyMap, Touchpoint
from ui.i18n import t
from ui.text import esc

# Material icons come with Streamlit, so they show without an emoji font.
EMOTION = {
    -2: ":red[:material/sentiment_very_dissatisfied:]",
    -1: ":orange[:material/sentiment_dissatisfied:]",
    0: ":gray[:material/sentiment_neutral:]",
    1: ":green[:material/sentiment_satisfied:]",
    2: ":green[:material/sentiment_very_satisfied:]",
}
CHANNEL = {
    Channel.DIGITAL: ":material/devices:",
    Channel.PHYSICAL: ":material/storefront:",
    Channel.HUMAN: ":material/support_agent:",
}
NO_CHANNEL = ":material/place:"
MARKER = ":material/arrow_right:"


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.strip().casefold() == b.strip().casefold())


def _touchpoint(tp: Touchpoint, *, focused: bool, changed: bool = False) -> None:
    with st.container(border=True):
        parts = [CHANNEL[tp.channel] if tp.channel else NO_CHANNEL]
        name = f"**{esc(tp.name)}**"
        parts.append(f":blue[{MARKER} {name}]" if focused else name)
        if changed:
            parts.append(f":violet-badge[:material/edit: {t('map.changed')}]")
        if tp.emotion is not None:
            parts.append(EMOTION[tp.emotion])
        if tp.critical:
            parts.append(f":red-badge[{t('map.critical')}]")
        st.markdown(" ".join(parts))
        if tp.customer_action:
            st.caption(esc(tp.customer_action))
        for pain in [*tp.pain_points, *tp.blockers][:3]:
            st.markdown(f":orange[:material/warning: {esc(pain)}]")


def _persona(journey: JourneyMap) -> None:
    b, p = journey.business, journey.persona
    if not (b.offering or b.name or p.description or p.name):
        st.caption(t("map.empty"))
        return
    with st.container(border=True):
        if b.name or b.offering:
            title = esc(b.name) if b.name else t("map.business")
            st.markdown(f":material/storefront: **{title}**  \n{esc(b.offering)}")
        if p.name or p.description:
            st.markdown(
                f":material/person: **{esc(p.name) or t('map.persona')}**  \n{esc(p.description)}"
            )
        for label, items in (
            (t("map.goals"), p.goals + p.needs),
            (t("map.frustrations"), p.frustrations),
        ):
            if items:
                st.caption(f"{label}: " + esc("; ".join(items)))


def map_panel(
    journey: JourneyMap,
    *,
    focus: dict[str, Any] | None,
    progress: float,
    changed: list[str] | None = None,
) -> None:
    """The growing map; the stage or touchpoint being asked about is marked, and what the
    last answer changed carries a badge (the undo button beside it takes it back)."""
    focus = focus or {}
    changed_set = set(changed or [])
    st.progress(min(max(progress, 0.0), 1.0), text=t("map.progress", pct=round(progress * 100)))
    _persona(journey)
    if not journey.stages:
        st.caption(t("map.no_stages"))
        return
    for stage in journey.stages:
        focused_stage = _same(stage.name, focus.get("stage"))
        head = f"**{esc(stage.name)}**"
        st.markdown(
            f":blue[{MARKER} {head}]" if focused_stage and not focus.get("touchpoint") else head
        )
        if not stage.touchpoints:
            st.caption(t("map.no_touchpoints"))
        for tp in stage.touchpoints:
            _touchpoint(
                tp,
                focused=focused_stage and _same(tp.name, focus.get("touchpoint")),
                changed=f"touchpoint:{stage.name}/{tp.name}" in changed_set,
            )
