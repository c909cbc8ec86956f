"""Text measured and wrapped without a font engine: Liberation Sans advance widths.

The canvas lays its text out itself, so every renderer (SVG in a browser, PNG and PDF
through vl-convert, which bundles Liberation Sans) draws the same lines. The widths in
fontwidths.json come from Liberation Sans 2, which is metric-compatible with Arial and
Helvetica; a small reserve covers other sans-serif fonts a browser may substitute.
A character the table lacks counts as a full em, so an unknown script wraps early
rather than overflowing.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

RESERVE = 1.05
"""Measured widths are stretched by this factor: room for a substituted browser font."""
ELLIPSIS = "…"
HYPHEN = "-"


@cache
def _table(bold: bool) -> dict[str, int]:
    raw = resources.files("assistant.export").joinpath("fontwidths.json").read_text("utf-8")
    style = json.loads(raw)["bold" if bold else "regular"]
    return dict(zip(style["chars"], style["widths"], strict=True))


def text_width(text: str, *, size: float, bold: bool = False) -> float:
    """Width of `text` in the units of `size` (font size), with the reserve."""
    table = _table(bold)
    return sum(table.get(c, 1000) for c in text) * size / 1000 * RESERVE


def _split_word(word: str, width: float, size: float, bold: bool) -> list[str]:
    """A word too long for a line, in pieces that end in a hyphen (a compound such as
    'asiakaspalvelukokemus' in a narrow column)."""
    pieces: list[str] = []
    rest = word
    while len(rest) > 1 and text_width(rest, size=size, bold=bold) > width:
        cut = len(rest) - 1
        while cut > 1 and text_width(rest[:cut] + HYPHEN, size=size, bold=bold) > width:
            cut -= 1
        pieces.append(rest[:cut] + HYPHEN)
        rest = rest[cut:]
    return [*pieces, rest]


def wrap(text: str, *, width: float, size: float, bold: bool = False) -> list[str]:
    """`text` in lines no wider than `width`, broken at spaces; line breaks in the text
    are kept. Only a word longer than a whole line is split, with a hyphen."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, size=size, bold=bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            *full, line = _split_word(word, width, size, bold)
            lines.extend(full)
        if line:
            lines.append(line)
    return lines


def fit(text: str, *, width: float, size: float, max_lines: int, bold: bool = False) -> list[str]:
    """Wrapped lines, at most `max_lines`; a longer text ends in '…' after a whole word."""
    lines = wrap(text, width=width, size=size, bold=bold)
    if len(lines) <= max_lines:
        return lines
    kept, words = lines[: max_lines - 1], lines[max_lines - 1].split()
    while words and text_width(" ".join(words) + ELLIPSIS, size=size, bold=bold) > width:
        words.pop()
    if words:
        return [*kept, " ".join(words).rstrip(",;:.-–") + ELLIPSIS]
    # The last line is one piece of an over-long word: a line of '…' alone would say
    # nothing, so the piece itself ends in '…' (the one place a word is cut).
    head = lines[max_lines - 1].rstrip(",;:.-–")
    while head and text_width(head + ELLIPSIS, size=size, bold=bold) > width:
        head = head[:-1]
    return [*kept, head + ELLIPSIS]
