"""The emotion curve across the stage columns: one dot per touchpoint with its value.

A touchpoint sits at an even step inside its stage's column, in order. The solid
curve joins neighbouring known feelings; across an unknown feeling or an empty stage
a faint dashed line bridges the gap, so nothing is drawn as if it were known.
"""

from __future__ import annotations

import itertools

from assistant.export.canvas import Card, Column
from assistant.export.canvas_draw import EMOTION_COLOURS, MUTED, SMALL, Piece
from assistant.export.scene import Dot, Line, Shape, Text
from assistant.export.textfit import text_width
from assistant.model import EMOTION_MAX, EMOTION_MIN

PLOT_H = 80.0
TOP, DOT_R = 13.0, 9.0
NUMBERS_H = 20.0
"""Room under the plot for the touchpoints' numbers."""
HEIGHT = TOP + PLOT_H + NUMBERS_H


def level_y(value: float) -> float:
    """y of an emotion value inside the curve row, from the row's top."""
    return TOP + (EMOTION_MAX - value) / (EMOTION_MAX - EMOTION_MIN) * PLOT_H


def signed(value: int) -> str:
    """+2, +1, 0, −1, −2 (a real minus sign)."""
    return f"+{value}" if value > 0 else f"−{-value}" if value < 0 else "0"


def _points(
    columns: tuple[Column, ...], spans: list[tuple[float, float]]
) -> list[tuple[Card, float]]:
    out: list[tuple[Card, float]] = []
    for column, (x, w) in zip(columns, spans, strict=True):
        k = len(column.cards)
        out += [(card, x + w * (j + 0.5) / k) for j, card in enumerate(column.cards)]
    return out


def curve(columns: tuple[Column, ...], spans: list[tuple[float, float]]) -> Piece:
    """Grid lines, the curve and the dots, for columns at `spans` (x, width)."""
    left, right = spans[0][0], spans[-1][0] + spans[-1][1]
    shapes: list[Shape] = []
    for value in range(EMOTION_MIN, EMOTION_MAX + 1):
        y = level_y(value)
        dash, colour = ("4 3", "#9aa5b1") if value == 0 else ("", "#e3e9e6")
        shapes.append(Line(((left, y), (right, y)), colour, 1.0, dash))
    points = _points(columns, spans)
    known = [(c, x) for c, x in points if c.emotion is not None]
    for (a, xa), (b, xb) in itertools.pairwise(known):
        # Neighbours on the journey (numbers in a row, no empty stage between) join solidly.
        empty_between = any(
            not col.cards and xa < x < xb for col, (x, _) in zip(columns, spans, strict=True)
        )
        solid = b.number == a.number + 1 and not empty_between
        ends = ((xa, level_y(a.emotion or 0)), (xb, level_y(b.emotion or 0)))
        shapes.append(
            Line(
                ends,
                "#4a5663" if solid else "#aab4bd",
                2.2 if solid else 1.4,
                "" if solid else "3 4",
            )
        )
    for card, x in points:
        shapes += _dot(card, x)
    return shapes, HEIGHT


def _dot(card: Card, x: float) -> list[Shape]:
    role = f"curve:{card.number}"
    number = str(card.number)
    below = Text(
        x,
        TOP + PLOT_H + DOT_R + 10,
        number,
        SMALL,
        text_width(number, size=SMALL),
        colour=MUTED,
        anchor="middle",
        role=role,
    )
    if card.emotion is None:
        y = level_y(0)
        return [
            Dot(x, y, DOT_R, "#ffffff", "#9aa5b1", 1.5),
            Text(
                x,
                y + 3.5,
                "?",
                10,
                text_width("?", size=10, bold=True),
                bold=True,
                colour="#7b8794",
                anchor="middle",
                role=role,
            ),
            below,
        ]
    y, value = level_y(card.emotion), signed(card.emotion)
    return [
        Dot(x, y, DOT_R, EMOTION_COLOURS[card.emotion]),
        Text(
            x,
            y + 3.2,
            value,
            8.5,
            text_width(value, size=8.5, bold=True),
            bold=True,
            colour="#ffffff",
            anchor="middle",
            role=role,
        ),
        below,
    ]


def ticks(x_right: float) -> list[Shape]:
    """The scale's values, right-aligned at `x_right` (in the row-label column)."""
    out: list[Shape] = []
    for value in range(EMOTION_MIN, EMOTION_MAX + 1):
        label = signed(value)
        w = text_width(label, size=SMALL)
        out.append(
            Text(x_right - w, level_y(value) + 3, label, SMALL, w, colour=MUTED, role="tick")
        )
    return out
