"""The canvas's header band (business, persona, goals, frustrations, first and last
impression) and its legend line."""

from __future__ import annotations

from assistant.export.canvas import Canvas
from assistant.export.canvas_draw import (
    BODY,
    CHANNEL_COLOURS,
    CRITICAL,
    EMOTION_COLOURS,
    MUTED,
    SMALL,
    TAG_H,
    Piece,
    block,
    chip,
    shift,
    stack,
    tag,
)
from assistant.export.scene import Box, Dot, Scene, Shape, Text
from assistant.export.textfit import fit, text_width
from assistant.model import JourneyMap, Persona, label

FIRST_LAST = ("#fff1c2", "#6b5200")
"""Tag colours of the first impression and the last memory, in the header and on cards."""
BOX_GAP, BOX_PAD = 8.0, 8.0
MAX_BULLETS = 4


def _bullets(
    items: tuple[str, ...], width: float, role: str, more: str, *, lines: int
) -> list[Piece]:
    pieces: list[Piece] = []
    for item in items[:MAX_BULLETS]:
        wrapped = fit(item, width=width - 10, size=BODY, max_lines=lines)
        text, h = block(10, 0, wrapped, size=BODY, role=role)
        pieces.append(([*block(0, 0, ["•"], size=BODY, role=role)[0], *text], h))
    if len(items) > MAX_BULLETS:
        extra = more.format(n=len(items) - MAX_BULLETS)
        pieces.append(block(10, 0, [extra], size=SMALL, role=role, colour=MUTED))
    return pieces


def _para(text: str, width: float, role: str, *, bold: bool = False, lines: int = 5) -> Piece:
    return block(
        0,
        0,
        fit(text, width=width, size=BODY, max_lines=lines, bold=bold),
        size=BODY,
        role=role,
        bold=bold,
    )


def _boxes(canvas: Canvas, width: float, lines: int) -> list[tuple[Piece, Piece]]:
    """(caption, content) of each header box; `lines` per item (more for a description)."""
    h, lang = canvas.header, canvas.lang
    more = canvas.caption("more")

    def caption(text: str, role: str) -> Piece:
        return block(0, 0, [text.upper()], size=SMALL, role=role, bold=True, colour=MUTED)

    business = [_para(h.business[0][1], width, "header:business", bold=True)] if h.business else []
    business += [
        _para(f"{k}: {v}" if k else v, width, "header:business", lines=lines)
        for k, v in h.business[1:]
    ]
    persona = [_para(h.persona, width, "header:persona", bold=True)] if h.persona else []
    persona += (
        [_para(h.description, width, "header:persona", lines=lines + 2)] if h.description else []
    )
    moments: list[Piece] = []
    for key, text in (("first_tag", h.first_impression), ("last_tag", h.last_memory)):
        if text:
            mark = tag(canvas.caption(key), *FIRST_LAST, width=width, role=f"header:{key}")
            moments.append(_tag_piece(mark))
            moments.append(_para(text, width, f"header:{key}", lines=lines))
    return [
        (caption(label(JourneyMap, "business", lang), "header"), stack(business, 3)),
        (caption(label(JourneyMap, "persona", lang), "header"), stack(persona, 3)),
        (
            caption(canvas.caption("goals_needs"), "header"),
            stack(_bullets(h.goals, width, "header:goals", more, lines=lines), 2),
        ),
        (
            caption(label(Persona, "frustrations", lang), "header"),
            stack(_bullets(h.frustrations, width, "header:frustrations", more, lines=lines), 2),
        ),
        (
            caption(canvas.caption("first_tag") + " / " + canvas.caption("last_tag"), "header"),
            stack(moments, 3),
        ),
    ]


def _tag_piece(piece: tuple[list[Shape], float]) -> Piece:
    """A tag's (shapes, width) as a piece of height TAG_H."""
    return piece[0], TAG_H


def header(
    scene: Scene, canvas: Canvas, *, x: float, y: float, width: float, lines: int = 3
) -> float:
    """Title and the five header boxes from (x, y); returns the bottom."""
    title = fit(canvas.header.title, width=width, size=18, max_lines=2, bold=True)
    shapes, h = block(x, y, title, size=18, role="title", bold=True)
    scene.add(*shapes)
    y += h + 4
    box_w = (width - 4 * BOX_GAP) / 5
    inner = box_w - 2 * BOX_PAD
    boxes = _boxes(canvas, inner, lines)
    tallest = max(cap[1] + 4 + body[1] for cap, body in boxes)
    height = tallest + 2 * BOX_PAD
    for n, (cap, body) in enumerate(boxes):
        bx = x + n * (box_w + BOX_GAP)
        scene.add(Box(bx, y, box_w, height, fill="#f5f8f7", stroke="#d5ddd9", radius=6))
        scene.add(*shift(cap[0], bx + BOX_PAD, y + BOX_PAD))
        content = body[0] or block(0, 0, ["–"], size=BODY, role="header:empty", colour=MUTED)[0]
        scene.add(*shift(content, bx + BOX_PAD, y + BOX_PAD + cap[1] + 4))
    return y + height


def _legend_items(canvas: Canvas) -> list[tuple[list[Shape], float]]:
    """(shapes, width) of each legend item, laid out from (0, 0)."""
    word = canvas.caption
    items = [
        tag(word(ch.value), *CHANNEL_COLOURS[ch], width=200, role="legend")
        for ch in CHANNEL_COLOURS
    ]
    items.append(tag(word("critical"), CRITICAL, "#ffffff", width=200, role="legend"))
    items += [
        tag(word(k), *FIRST_LAST, width=200, role="legend") for k in ("first_tag", "last_tag")
    ]

    def explained(sign: list[Shape], sign_w: float, text: str) -> tuple[list[Shape], float]:
        w = text_width(text, size=SMALL)
        note = Text(sign_w + 4, 9.5, text, SMALL, w, colour=MUTED, role="legend")
        return [*sign, note], sign_w + 4 + w

    items.append(explained(chip("1", "#2f3e46", role="legend"), 16, word("tp_number")))
    dot: list[Shape] = [Dot(6.5, 6.5, 6.5, EMOTION_COLOURS[1], stroke="none")]
    items.append(explained(dot, 13, word("feeling_scale")))
    unknown: list[Shape] = [
        Dot(6.5, 6.5, 6, "#ffffff", "#9aa5b1"),
        Text(6.5, 9.8, "?", 9, 5, bold=True, colour="#7b8794", anchor="middle", role="legend"),
    ]
    items.append(explained(unknown, 13, word("unknown_feeling")))
    return items


def legend(scene: Scene, canvas: Canvas, *, x: float, y: float, width: float) -> float:
    """The legend line (wrapping if needed) and the maker's mark; returns the bottom."""
    made = canvas.caption("made_with")
    made_w = text_width(made, size=SMALL)
    cx, cy = 0.0, y
    for shapes, w in _legend_items(canvas):
        if cx and cx + w > width - made_w - 16:
            cx, cy = 0.0, cy + TAG_H + 6
        scene.add(*shift(shapes, x + cx, cy))
        cx += w + 14
    scene.add(Text(x + width - made_w, y + 9.5, made, SMALL, made_w, colour=MUTED, role="legend"))
    return cy + TAG_H
