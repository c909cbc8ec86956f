"""The canvas laid out: a Canvas (what goes where) becomes a Scene (where it is drawn).

The width is fixed, so a map of 3 or 8 stages prints at the same type size on A4
landscape; rows grow to their tallest cell, so nothing overlaps. Cells show at most
a few entries and lines each (see Density) (ending after a whole word with '…' and
'+ N more'): the picture is for reading at a glance, the reports hold every word.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.export.canvas import Canvas, Card, Column, Entry, Row
from assistant.export.canvas_curve import curve, ticks
from assistant.export.canvas_draw import (
    BODY,
    CHANNEL_COLOURS,
    CRITICAL,
    EMOTION_COLOURS,
    LEAD,
    MUTED,
    SMALL,
    Piece,
    block,
    card,
    entry,
    shift,
    stack,
    stage_head,
)
from assistant.export.canvas_draw import PRIORITY_COLOURS as PRIORITY
from assistant.export.canvas_header import FIRST_LAST, header, legend
from assistant.export.scene import Box, Scene, Text
from assistant.export.textfit import fit, text_width

WIDTH, MARGIN, LABEL_W, PAD = 1000.0, 18.0, 96.0, 6.0
MIN_COLUMN = 140.0
"""A stage column is never narrower: about 20 characters of body text a line."""


@dataclass(frozen=True)
class Density:
    """How much of each cell is drawn: the screen shows more, a crowded page less."""

    entries: int = 6
    """Entries per cell; past it the last line says '+ N more'."""
    lines: int = 3
    """Lines per entry (one more for what the customer does)."""
    notes: int = 4
    """Lines of an entry's note (a suggestion's priority and source)."""


SCREEN = Density()
COMPACT = (Density(4, 2, 3), Density(3, 2, 2))
"""Denser layouts a printed page falls back to, in order, when the map is crowded."""
GRID, LABEL_FILL, HEAD_FILL = "#d5ddd9", "#eef2ee", "#2f6f5e"
SHADES = ("#ffffff", "#f5f8f7")
ROW_COLOURS = {
    Row.ACTION: "#3d6fb6",
    Row.DOUBTS: "#c98a00",
    Row.PAINS: CRITICAL,
    Row.MOTIVATORS: "#2e8b57",
    Row.BLOCKERS: "#7a4e9c",
}


def natural_width(canvas: Canvas) -> float:
    """WIDTH, or wider when the stages would make columns narrower than MIN_COLUMN."""
    return max(WIDTH, 2 * MARGIN + LABEL_W + len(canvas.columns) * MIN_COLUMN)


def layout(canvas: Canvas, *, width: float | None = None, density: Density = SCREEN) -> Scene:
    """The whole canvas as a flat drawing, `width` units wide (1 unit = 1 px at scale 1;
    by default its natural width)."""
    width = width or natural_width(canvas)
    scene = Scene(width, 0, title=canvas.header.title)
    inner = width - 2 * MARGIN
    y = header(scene, canvas, x=MARGIN, y=MARGIN, width=inner, lines=density.lines) + 10
    if canvas.columns:
        y = _grid(scene, canvas, y, width, density)
    else:
        text = canvas.caption("empty_map")
        scene.add(
            Text(MARGIN, y + 20, text, 13, text_width(text, size=13), colour=MUTED, role="empty")
        )
        y += 34
    if canvas.general:
        y = _general(scene, canvas, y + 10, width, density)
    scene.height = legend(scene, canvas, x=MARGIN, y=y + 12, width=inner) + MARGIN
    return scene


def _cell(column: Column, row: Row, width: float, canvas: Canvas, density: Density) -> Piece:
    entries = column.cells[row]
    role = f"cell:{row.value}:{column.number}"
    if row is Row.TOUCHPOINTS:
        if not column.cards:
            lines = fit(canvas.caption("no_touchpoints"), width=width, size=BODY, max_lines=3)
            return block(0, 0, lines, size=BODY, role=role, italic=True, colour=MUTED)
        return stack([card(c, width=width, tags=_tags(c, canvas)) for c in column.cards], 6)
    limit = density.entries
    pieces = [_entry(e, row, width, role, column, density) for e in entries[:limit]]
    if len(entries) > limit:
        pieces[-1] = block(
            0,
            0,
            [canvas.caption("more").format(n=len(entries) - limit + 1)],
            size=SMALL,
            role=role,
            colour=MUTED,
        )
    return stack(pieces)


def _entry(e: Entry, row: Row, width: float, role: str, column: Column, density: Density) -> Piece:
    if row is Row.SUGGESTIONS:
        colour = PRIORITY[e.priority] if e.priority else MUTED
    elif row is Row.EMOTION:
        feeling = next((c.emotion for c in column.cards if c.number == e.ref), None)
        colour = EMOTION_COLOURS[feeling] if feeling is not None else MUTED
    else:
        colour = ROW_COLOURS[row]
    lines = density.lines + (row is Row.ACTION)
    return entry(e, width=width, colour=colour, role=role, max_lines=lines, notes=density.notes)


def _tags(c: Card, canvas: Canvas) -> list[tuple[str, str, str]]:
    out = []
    if c.channel is not None:
        out.append((canvas.caption(c.channel.value), *CHANNEL_COLOURS[c.channel]))
    if c.critical:
        out.append((canvas.caption("critical"), CRITICAL, "#ffffff"))
    if c.first:
        out.append((canvas.caption("first_tag"), *FIRST_LAST))
    if c.last:
        out.append((canvas.caption("last_tag"), *FIRST_LAST))
    return out


def _label_lines(text: str) -> list[str]:
    return fit(text, width=LABEL_W - 2 * PAD, size=9.5, max_lines=4, bold=True)


def _label_height(text: str) -> float:
    """The height a row needs for its label alone."""
    return len(_label_lines(text)) * 9.5 * LEAD + 2 * PAD


def _row_label(scene: Scene, text: str, y: float, h: float, *, fill: str = LABEL_FILL) -> None:
    scene.add(Box(MARGIN, y, LABEL_W, h, fill=fill, stroke=GRID))
    lines = _label_lines(text)
    colour = "#ffffff" if fill == HEAD_FILL else "#2f3e46"
    scene.add(
        *block(MARGIN + PAD, y + PAD, lines, size=9.5, role="label", bold=True, colour=colour)[0]
    )


def _grid(scene: Scene, canvas: Canvas, y: float, width: float, density: Density) -> float:
    n = len(canvas.columns)
    col_w = (width - 2 * MARGIN - LABEL_W) / n
    spans = [(MARGIN + LABEL_W + i * col_w, col_w) for i in range(n)]
    inner = col_w - 2 * PAD
    heads = [stage_head(c, inner, fill=HEAD_FILL) for c in canvas.columns]
    h = max(max(p[1] for p in heads) + 2 * PAD, _label_height(canvas.caption("row_stage")))
    _row_label(scene, canvas.caption("row_stage"), y, h, fill=HEAD_FILL)
    for (x, w), (shapes, _) in zip(spans, heads, strict=True):
        scene.add(
            Box(x, y, w, h, fill=HEAD_FILL, stroke="#ffffff"), *shift(shapes, x + PAD, y + PAD)
        )
    y += h
    for row in Row:
        cells = [_cell(c, row, inner, canvas, density) for c in canvas.columns]
        top = curve(canvas.columns, spans) if row is Row.EMOTION else ([], 0.0)
        h = max(top[1] + (p[1] + PAD if p[0] else 0) for p in cells) + 2 * PAD
        h = max(h, 28.0, _label_height(canvas.caption(row)))
        _row_label(scene, canvas.caption(row), y, h)
        for n_col, ((x, w), (shapes, _)) in enumerate(zip(spans, cells, strict=True)):
            scene.add(Box(x, y, w, h, fill=SHADES[n_col % 2], stroke=GRID))
            scene.add(*shift(shapes, x + PAD, y + PAD + top[1] + (PAD if top[1] else 0)))
        if row is Row.EMOTION:
            scene.add(*shift(top[0], 0, y + PAD), *shift(ticks(MARGIN + LABEL_W - PAD), 0, y + PAD))
        y += h
    return y


def _general(scene: Scene, canvas: Canvas, y: float, full: float, density: Density) -> float:
    """Suggestions for the whole journey, in three columns under the grid."""
    x0, width = MARGIN + LABEL_W, full - 2 * MARGIN - LABEL_W
    sub_w = width / 3
    groups: list[list[Piece]] = [[], [], []]
    for n, e in enumerate(canvas.general[: 3 * density.entries]):
        colour = PRIORITY[e.priority] if e.priority else MUTED
        piece = entry(
            e,
            width=sub_w - 2 * PAD,
            colour=colour,
            role="general",
            max_lines=density.lines,
            notes=density.notes,
        )
        groups[n % 3].append(piece)
    pieces = [stack(g) for g in groups]
    h = max(max(p[1] for p in pieces) + 2 * PAD, _label_height(canvas.caption("whole_journey")))
    _row_label(scene, canvas.caption("whole_journey"), y, h)
    scene.add(Box(x0, y, width, h, fill=SHADES[0], stroke=GRID))
    for n, (shapes, _) in enumerate(pieces):
        scene.add(*shift(shapes, x0 + n * sub_w + PAD, y + PAD))
    return y + h
