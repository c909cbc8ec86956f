"""Layout and data of the visual journey map: plain rows, no plotting library.

Each touchpoint gets one column slot (an empty stage gets one slot too), so
stages become columns in order and touchpoints sit in order inside them.
"""

from __future__ import annotations

import itertools
import textwrap
from typing import Any

from assistant.export.words import word
from assistant.model import JourneyMap, Lang

SLOT = 120  # pixels per touchpoint column
HEIGHT = 330
CARD_Y, CARD_H = -3.25, 1.0  # card band below the emotion scale, in y units
HEAD_Y, Y_MAX = 2.75, 3.2
Y_MIN = CARD_Y - CARD_H / 2 - 0.1
PX = HEIGHT / (Y_MAX - Y_MIN)  # pixels per y unit


def _centre(y: float, lines: int, line_px: float) -> float:
    """y of a text's first line so that a block of `lines` lines is centred on `y`
    (Vega aligns only the first line to the baseline)."""
    return y + (lines - 1) * line_px / 2 / PX


STAGE_COLOURS = ("#eef3fb", "#f7f9fc")
KIND_COLOURS = ("#2f6fba", "#e0a100", "#d62728", "#8b0000")


def kinds(lang: Lang) -> list[str]:
    """Legend entries in `lang`, in the order of KIND_COLOURS."""
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
    kind_names = kinds(lang)
    stages: list[dict[str, Any]] = []
    points: list[dict[str, Any]] = []
    x, run = 0, 0
    for n, stage in enumerate(journey.stages):
        width = max(1, len(stage.touchpoints))
        head = _wrap(f"{n + 1}. {stage.name}", width=16 * width, lines=2)
        empty = [] if stage.touchpoints else _wrap(word("no_touchpoints", lang), 18)
        stages.append(
            {
                "stage": f"{n + 1}. {stage.name}",
                "label": head,
                "ly": _centre(HEAD_Y, len(head), 15),
                "ey": _centre(CARD_Y, len(empty), 13),
                "x0": x - 0.5,
                "x1": x + width - 0.5,
                "xc": x + (width - 1) / 2,
                "shade": n % 2,
                "empty": empty,
            }
        )
        for i, tp in enumerate(stage.touchpoints):
            name = _wrap(tp.name)
            run += tp.emotion is None
            kind = kind_names[(2 if tp.pain_points else 0) + (1 if tp.critical else 0)]
            points.append(
                {
                    "x": x + i,
                    "xa": x + i - 0.45,
                    "xb": x + i + 0.45,
                    "name": tp.name,
                    "label": name,
                    "ly": _centre(CARD_Y, len(name), 13),
                    "stage": stage.name,
                    "emotion": tp.emotion,
                    "run": run,
                    "kind": kind,
                    "critical": tp.critical,
                    "pain": " | ".join(tp.pain_points),
                    "note": tp.emotion_note,
                }
            )
        run += not stage.touchpoints  # an empty stage is a gap too
        x += width
    return stages, points


def gaps(known: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """End points of each stretch where known feelings are not neighbours."""
    out: list[dict[str, Any]] = []
    for n, (a, b) in enumerate(itertools.pairwise(known)):
        if b["x"] - a["x"] > 1:
            out += [{"gap": n, "x": p["x"], "emotion": p["emotion"]} for p in (a, b)]
    return out
