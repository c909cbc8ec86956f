"""Pieces of the canvas drawing: text blocks, numbered entries, tags and touchpoint cards.

Each piece is laid out from (0, 0) and returned with its height, so a row is measured
before it is placed; `shift` moves a piece to its cell.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.export.canvas import Card, Column, Entry
from assistant.export.scene import Box, Dot, Line, Shape, Text
from assistant.export.textfit import fit, text_width
from assistant.model import Channel, Priority

BODY, SMALL, TAG = 10.0, 8.5, 8.0
LEAD = 1.25
"""Line height as a multiple of the font size."""
CHIP_W, CHIP_H, INDENT = 16.0, 13.0, 20.0
TAG_H = 13.0
CARD_PAD = 6.0
ENTRY_GAP = 5.0
INK, MUTED = "#1f2933", "#5f6b76"

CHANNEL_COLOURS = {
    Channel.DIGITAL: ("#e3ecf8", "#24508f"),
    Channel.PHYSICAL: ("#f6ead2", "#7a4d00"),
    Channel.HUMAN: ("#e0f0e6", "#1f6b40"),
}
CRITICAL = "#c0392b"
PRIORITY_COLOURS = {Priority.HIGH: "#c0392b", Priority.MEDIUM: "#c98a00", Priority.LOW: "#7b8794"}
EMOTION_COLOURS = {-2: "#c0392b", -1: "#e07b24", 0: "#7b8794", 1: "#4f9d45", 2: "#1e7a3c"}

Piece = tuple[list[Shape], float]


def shift(shapes: list[Shape], dx: float, dy: float) -> list[Shape]:
    """The shapes moved by (dx, dy)."""
    out: list[Shape] = []
    for s in shapes:
        if isinstance(s, Line):
            out.append(replace(s, points=tuple((x + dx, y + dy) for x, y in s.points)))
        elif isinstance(s, Dot):
            out.append(replace(s, cx=s.cx + dx, cy=s.cy + dy))
        else:
            out.append(replace(s, x=s.x + dx, y=s.y + dy))
    return out


def block(
    x: float,
    y: float,
    lines: list[str],
    *,
    size: float,
    role: str,
    bold: bool = False,
    italic: bool = False,
    colour: str = INK,
    anchor: str = "start",
) -> Piece:
    """Lines of text whose first line's top is at y; the height they take."""
    shapes: list[Shape] = [
        Text(
            x,
            y + size * (1 + LEAD * i),
            line,
            size,
            text_width(line, size=size, bold=bold),
            bold=bold,
            italic=italic,
            colour=colour,
            anchor=anchor,
            role=role,
        )
        for i, line in enumerate(lines)
    ]
    return shapes, len(lines) * size * LEAD


def chip(label: str, colour: str, *, role: str) -> list[Shape]:
    """A small rounded label holding a touchpoint's number."""
    return [
        Box(0, 0, CHIP_W, CHIP_H, fill=colour, radius=3),
        Text(
            CHIP_W / 2,
            9.6,
            label,
            TAG,
            text_width(label, size=TAG, bold=True),
            bold=True,
            colour="#ffffff",
            anchor="middle",
            role=role,
        ),
    ]


def entry(
    e: Entry, *, width: float, colour: str, role: str, max_lines: int = 3, notes: int = 4
) -> Piece:
    """One numbered item of a cell: chip, text and an optional smaller note."""
    shapes: list[Shape] = []
    if e.ref is not None or e.priority is not None:
        shapes += chip("" if e.ref is None else str(e.ref), colour, role=role)
    bold = e.priority is not None
    lines = fit(e.text, width=width - INDENT, size=BODY, max_lines=max_lines, bold=bold)
    text, height = block(INDENT, 0, lines, size=BODY, role=role, bold=bold)
    shapes += text
    if e.note:
        note = fit(e.note, width=width - INDENT, size=SMALL, max_lines=notes)
        more, extra = block(INDENT, height + 1, note, size=SMALL, role=role, colour=MUTED)
        shapes += more
        height += 1 + extra
    return shapes, max(height, CHIP_H)


def stack(pieces: list[Piece], gap: float = ENTRY_GAP) -> Piece:
    """Pieces one below the other."""
    shapes: list[Shape] = []
    y = 0.0
    for n, (part, height) in enumerate(pieces):
        shapes += shift(part, 0, y)
        y += height + (gap if n < len(pieces) - 1 else 0)
    return shapes, y


def tag(label: str, fill: str, colour: str, *, width: float, role: str) -> Piece:
    """A label in a rounded box, one line (cut after a whole word if the card is narrow)."""
    text = fit(label, width=width - 8, size=TAG, max_lines=1, bold=True)[0]
    w = text_width(text, size=TAG, bold=True) + 8
    return [
        Box(0, 0, w, TAG_H, fill=fill, radius=3),
        Text(4, 9.4, text, TAG, w - 8, bold=True, colour=colour, role=role),
    ], w


def card(c: Card, *, width: float, tags: list[tuple[str, str, str]]) -> Piece:
    """A touchpoint card: number, name, then its tags (channel, critical, first/last)."""
    role = f"card:{c.number}"
    inner = width - 2 * CARD_PAD
    shapes = shift(chip(str(c.number), "#2f3e46", role=role), CARD_PAD, CARD_PAD)
    name = fit(c.name, width=inner - INDENT, size=BODY, max_lines=4, bold=True)
    text, height = block(CARD_PAD + INDENT, CARD_PAD, name, size=BODY, role=role, bold=True)
    shapes += text
    y, x = CARD_PAD + max(height, CHIP_H) + 4, 0.0
    for label, fill, colour in tags:
        part, w = tag(label, fill, colour, width=inner, role=role)
        if x and x + w > inner:
            x, y = 0.0, y + TAG_H + 3
        shapes += shift(part, CARD_PAD + x, y)
        x += w + 4
    bottom = (y + TAG_H if tags else y - 4) + CARD_PAD
    border = CRITICAL if c.critical else "#b8c4bf"
    frame = Box(
        0,
        0,
        width,
        bottom,
        fill="#ffffff",
        stroke=border,
        stroke_width=2.5 if c.critical else 1.0,
        radius=5,
    )
    return [frame, *shapes], bottom


def stage_head(column: Column, width: float, *, fill: str) -> Piece:
    """A stage's head on a `fill` background: number, name and goal."""
    role = f"head:{column.number}"
    no = str(column.number)
    shapes: list[Shape] = [
        Box(0, 0, 18, 18, fill="#ffffff", radius=9),
        Text(
            9,
            13,
            no,
            10,
            text_width(no, size=10, bold=True),
            bold=True,
            colour=fill,
            anchor="middle",
            role=role,
        ),
    ]
    name = fit(column.name, width=width - 24, size=12, max_lines=3, bold=True)
    text, h = block(24, 1, name, size=12, role=role, bold=True, colour="#ffffff")
    shapes += text
    h = max(h + 1, 18)
    if column.goal:
        goal = fit(column.goal, width=width, size=9, max_lines=4)
        more, gh = block(0, h + 4, goal, size=9, role=role, italic=True, colour="#e3f0eb")
        shapes += more
        h += 4 + gh
    return shapes, h
