"""The visual journey map as an Altair (Vega-Lite) chart.

Stages are columns in order; each touchpoint is a card in its stage's column,
in order; above the cards runs the emotion curve (-2..+2). Pain points are red,
critical touchpoints have a thick outline; a legend explains both. Where a
feeling is unknown the curve breaks and a '?' stands above the card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.export.chart_layout import (
    CARD_H,
    CARD_Y,
    HEIGHT,
    KIND_COLOURS,
    SLOT,
    STAGE_COLOURS,
    Y_MAX,
    Y_MIN,
    chart_data,
    gaps,
    kinds,
)
from assistant.export.words import word
from assistant.model import JourneyMap, Lang

if TYPE_CHECKING:
    import altair as alt

__all__ = ["chart_data", "chart_spec", "journey_chart"]


def journey_chart(journey: JourneyMap) -> alt.LayerChart:
    """The journey map picture; a friendly message when the map has no stages."""
    import altair as alt

    lang = journey.language
    stages, points = chart_data(journey)
    title = journey.title or word("untitled", lang)
    if not stages:
        return _empty(title, lang)
    slots = max(s["x1"] for s in stages) + 0.5
    xs = alt.Scale(domain=[-0.5, slots - 0.5], nice=False, zero=False)
    ys = alt.Scale(domain=[Y_MIN, Y_MAX], nice=False, zero=False)
    x_none = alt.X("x:Q", scale=xs, axis=None)
    stage_data = {"values": stages}
    point_data = {"values": points}
    kind_names = kinds(lang)
    colour = alt.Color(
        "kind:N",
        scale=alt.Scale(domain=kind_names, range=list(KIND_COLOURS)),
        legend=alt.Legend(title=None, orient="bottom", direction="horizontal"),
    )
    tooltip = [
        alt.Tooltip("stage:N", title=word("sheet_map", lang)),
        alt.Tooltip("name:N", title="•"),
        alt.Tooltip("emotion:Q", title=word("emotion_axis", lang)),
        alt.Tooltip("note:N", title="…"),
        alt.Tooltip("pain:N", title=word("pain", lang)),
    ]
    columns = (
        alt.Chart(stage_data)
        .mark_rect(stroke="#c9d3e3", strokeWidth=1)
        .encode(
            x=alt.X("x0:Q", scale=xs, axis=None),
            x2="x1:Q",
            y=alt.datum(Y_MIN),
            y2=alt.datum(Y_MAX),
            fill=alt.condition(
                "datum.shade == 0", alt.value(STAGE_COLOURS[0]), alt.value(STAGE_COLOURS[1])
            ),
        )
    )
    heads = (
        alt.Chart(stage_data)
        .mark_text(
            fontSize=13, fontWeight="bold", color="#1d3557", baseline="middle", lineHeight=15
        )
        .encode(x=alt.X("xc:Q", scale=xs, axis=None), y=alt.Y("ly:Q", scale=ys), text="label:N")
    )
    zero = (
        alt.Chart({"values": [{"y": 0}]})
        .mark_rule(color="#9aa5b1", strokeDash=[4, 4])
        .encode(y=alt.Y("y:Q", scale=ys))
    )
    y_axis = alt.Axis(
        title=word("emotion_axis", lang),
        values=[-2, -1, 0, 1, 2],
        labelExpr="datum.value > 0 ? '+' + datum.value : datum.value < 0 ? '−' + abs(datum.value) : '0'",
        grid=True,
        gridColor="#dde3ea",
        domain=False,
        ticks=False,
    )
    with_emotion = alt.Chart(point_data).transform_filter("isValid(datum.emotion)")
    # The solid curve runs only through runs of known feelings; a faint dashed
    # straight line bridges each unknown gap, so nothing is drawn as if it were known.
    known = [p for p in points if p["emotion"] is not None]
    bridge = (
        alt.Chart({"values": gaps(known)})
        .mark_line(color="#9aa5b1", strokeWidth=1.5, strokeDash=[3, 4])
        .encode(x=x_none, y=alt.Y("emotion:Q", scale=ys), detail="gap:N")
    )
    curve = with_emotion.mark_line(
        interpolate="monotone", color="#5b6b7f", strokeWidth=2.5, opacity=0.85
    ).encode(x=x_none, y=alt.Y("emotion:Q", scale=ys, axis=y_axis), detail="run:N")
    dots = with_emotion.mark_point(filled=True, size=140, stroke="white", strokeWidth=1.5).encode(
        x=x_none, y=alt.Y("emotion:Q", scale=ys), color=colour, tooltip=tooltip
    )
    unknown = (
        alt.Chart(point_data)
        .transform_filter("!isValid(datum.emotion)")
        .mark_text(fontSize=13, fontWeight="bold", color="#9aa5b1")
        .encode(x=x_none, y=alt.datum(CARD_Y + CARD_H / 2 + 0.3), text=alt.value("?"))
    )
    cards = (
        alt.Chart(point_data)
        .mark_rect(cornerRadius=6, fill="white")
        .encode(
            x=alt.X("xa:Q", scale=xs, axis=None),
            x2="xb:Q",
            y=alt.datum(CARD_Y - CARD_H / 2),
            y2=alt.datum(CARD_Y + CARD_H / 2),
            stroke=colour,
            strokeWidth=alt.condition("datum.critical", alt.value(3.5), alt.value(1.5)),
            tooltip=tooltip,
        )
    )
    names = (
        alt.Chart(point_data)
        .mark_text(fontSize=11, color="#1f2933", lineHeight=13, baseline="middle")
        .encode(x=x_none, y=alt.Y("ly:Q", scale=ys), text="label:N", tooltip=tooltip)
    )
    hint = (
        alt.Chart(stage_data)
        .mark_text(fontSize=11, fontStyle="italic", color="#7b8794", lineHeight=13)
        .encode(x=alt.X("xc:Q", scale=xs, axis=None), y=alt.Y("ey:Q", scale=ys), text="empty:N")
    )
    layered = alt.layer(columns, heads, zero, bridge, curve, dots, unknown, cards, names, hint)
    chart: alt.LayerChart = layered.properties(
        title=alt.Title(title, anchor="start", fontSize=16),
        width=max(320, int(slots * SLOT)),
        height=HEIGHT,
    ).configure_view(stroke=None)
    return chart


def _empty(title: str, lang: Lang) -> alt.LayerChart:
    import altair as alt

    note = (
        alt.Chart({"values": [{"t": word("empty_map", lang)}]})
        .mark_text(fontSize=15, color="#52606d")
        .encode(text="t:N")
    )
    chart: alt.LayerChart = (
        alt.layer(note)
        .properties(title=alt.Title(title, anchor="start", fontSize=16), width=520, height=160)
        .configure_view(stroke="#c9d3e3", cornerRadius=8)
    )
    return chart


def chart_spec(journey: JourneyMap) -> dict[str, Any]:
    """The Vega-Lite spec of the journey map, as a plain dict."""
    return journey_chart(journey).to_dict()
