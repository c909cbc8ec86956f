"""The visual journey map as an Altair (Vega-Lite) chart.

Stages are columns in order; each touchpoint is a card in its stage's column,
in order; above the cards runs the emotion curve (-2..+2). Pain points are red,
critical touchpoints have a thick dark outline; a legend explains both.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from assistant.export.words import word
from assistant.model import JourneyMap, Lang

if TYPE_CHECKING:
    import altair as alt

SLOT = 120  # pixels per touchpoint column
HEIGHT = 330
_CARD_Y, _CARD_H = -3.2, 0.9  # card band below the emotion scale, in y units
_STAGE_COLOURS = ("#eef3fb", "#f7f9fc")
_KIND_COLOURS = ("#2f6fba", "#e0a100", "#d62728", "#8b0000")


def _kinds(lang: Lang) -> list[str]:
    return [word(k, lang) for k in ("other", "critical", "pain", "pain_critical")]


def _wrap(text: str, width: int = 16, lines: int = 3) -> list[str]:
    out = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    if len(out) > lines:
        out = [
            *out[: lines - 1],
            textwrap.shorten(" ".join(out[lines - 1 :]), width, placeholder="…"),
        ]
    return out


def chart_data(journey: JourneyMap) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(stage columns, touchpoint points): plain rows the chart layers read."""
    lang = journey.language
    kinds = _kinds(lang)
    stages: list[dict[str, Any]] = []
    points: list[dict[str, Any]] = []
    x = 0
    for n, stage in enumerate(journey.stages):
        width = max(1, len(stage.touchpoints))
        stages.append(
            {
                "stage": f"{n + 1}. {stage.name}",
                "label": _wrap(f"{n + 1}. {stage.name}", width=16 * width, lines=2),
                "x0": x - 0.5,
                "x1": x + width - 0.5,
                "xc": x + (width - 1) / 2,
                "shade": n % 2,
                "empty": [] if stage.touchpoints else _wrap(word("no_touchpoints", lang), 18),
            }
        )
        for i, tp in enumerate(stage.touchpoints):
            kind = kinds[(2 if tp.pain_points else 0) + (1 if tp.critical else 0)]
            points.append(
                {
                    "x": x + i,
                    "xa": x + i - 0.45,
                    "xb": x + i + 0.45,
                    "name": tp.name,
                    "label": _wrap(tp.name),
                    "stage": stage.name,
                    "emotion": tp.emotion,
                    "kind": kind,
                    "critical": tp.critical,
                    "pain": " | ".join(tp.pain_points),
                    "note": tp.emotion_note,
                }
            )
        x += width
    return stages, points


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
    ys = alt.Scale(domain=[_CARD_Y - _CARD_H / 2 - 0.1, 3.2], nice=False, zero=False)
    x_none = alt.X("x:Q", scale=xs, axis=None)
    stage_data = {"values": stages}
    point_data = {"values": points}
    kinds = _kinds(lang)
    colour = alt.Color(
        "kind:N",
        scale=alt.Scale(domain=kinds, range=list(_KIND_COLOURS)),
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
            y=alt.datum(_CARD_Y - _CARD_H / 2 - 0.1),
            y2=alt.datum(3.2),
            fill=alt.condition(
                "datum.shade == 0", alt.value(_STAGE_COLOURS[0]), alt.value(_STAGE_COLOURS[1])
            ),
        )
    )
    heads = (
        alt.Chart(stage_data)
        .mark_text(
            fontSize=13, fontWeight="bold", color="#1d3557", baseline="middle", lineHeight=15
        )
        .encode(x=alt.X("xc:Q", scale=xs, axis=None), y=alt.datum(2.75), text="label:N")
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
    curve = with_emotion.mark_line(
        interpolate="monotone", color="#5b6b7f", strokeWidth=2.5, opacity=0.8
    ).encode(x=x_none, y=alt.Y("emotion:Q", scale=ys, axis=y_axis))
    dots = with_emotion.mark_point(filled=True, size=140, stroke="white", strokeWidth=1.5).encode(
        x=x_none, y=alt.Y("emotion:Q", scale=ys), color=colour, tooltip=tooltip
    )
    cards = (
        alt.Chart(point_data)
        .mark_rect(cornerRadius=6, fill="white")
        .encode(
            x=alt.X("xa:Q", scale=xs, axis=None),
            x2="xb:Q",
            y=alt.datum(_CARD_Y - _CARD_H / 2),
            y2=alt.datum(_CARD_Y + _CARD_H / 2),
            stroke=colour,
            strokeWidth=alt.condition("datum.critical", alt.value(3.5), alt.value(1.5)),
            tooltip=tooltip,
        )
    )
    names = (
        alt.Chart(point_data)
        .mark_text(fontSize=11, color="#1f2933", lineHeight=13, baseline="middle")
        .encode(x=x_none, y=alt.datum(_CARD_Y), text="label:N", tooltip=tooltip)
    )
    hint = (
        alt.Chart(stage_data)
        .mark_text(fontSize=11, fontStyle="italic", color="#7b8794", lineHeight=13)
        .encode(x=alt.X("xc:Q", scale=xs, axis=None), y=alt.datum(_CARD_Y), text="empty:N")
    )
    layered = alt.layer(columns, heads, zero, curve, dots, cards, names, hint)
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
