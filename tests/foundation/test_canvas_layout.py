"""The canvas laid out: nothing overlaps, nothing leaves its column, nothing is cut
mid-word, the type stays legible from 1 to 8 stages with up to 6 touchpoints each."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from assistant.export.canvas import build_canvas
from assistant.export.canvas_layout import COMPACT, LABEL_W, MARGIN, SCREEN, layout, natural_width
from assistant.export.canvas_render import canvas_scene, print_scene
from assistant.export.scene import Box, Scene, Text
from assistant.export.textfit import ELLIPSIS, fit, text_width, wrap
from assistant.model import JourneyMap
from tests.foundation.canvas_maps import generated

DATA = Path(__file__).resolve().parents[1] / "data"
SIZES = [(1, 1), (3, 0), (3, 6), (5, 2), (6, 4), (8, 1), (8, 6)]


def _maps() -> list[tuple[str, JourneyMap]]:
    out = [(p.stem, JourneyMap.model_validate_json(p.read_bytes())) for p in DATA.glob("*.json")]
    out += [(f"{s}x{t}-long", generated(s, t)) for s, t in SIZES]
    out += [(f"{s}x{t}-short", generated(s, t, long=False)) for s, t in SIZES]
    return out


MAPS = _maps()
# The largest generated maps take a second or more each: the quick loop checks the others.
CASES = [
    pytest.param(n, j, id=n, marks=[pytest.mark.slow] if n.startswith(("8x6", "6x4")) else [])
    for n, j in MAPS
]


def _box(t: Text) -> tuple[float, float, float, float]:
    return (t.left, t.y - t.size * 0.8, t.left + t.width, t.y + t.size * 0.2)


def _overlap(a: Text, b: Text) -> bool:
    ax0, ay0, ax1, ay1 = _box(a)
    bx0, by0, bx1, by1 = _box(b)
    return ax0 < bx1 - 0.5 and bx0 < ax1 - 0.5 and ay0 < by1 - 0.5 and by0 < ay1 - 0.5


def _inside_a_box(t: Text, scene: Scene) -> bool:
    x0, y0, x1, y1 = _box(t)
    return any(
        isinstance(b, Box) and b.x <= x0 and x1 <= b.x + b.w and b.y <= y0 and y1 <= b.y + b.h
        for b in scene.shapes
    )


def _column_of(role: str, scene: Scene, stages: int) -> int | None:
    """Stage number (1..) whose column holds a text with this role, if it is a cell's."""
    if role.startswith(("cell:", "head:")):
        return int(role.rsplit(":", 1)[1])
    return None


@pytest.mark.parametrize(("name", "journey"), CASES)
def test_no_text_overlaps_or_leaves_its_column(name: str, journey: JourneyMap) -> None:
    for scene in (canvas_scene(journey), print_scene(journey)):
        texts = scene.texts()
        assert texts
        for a, b in itertools.combinations(texts, 2):
            assert not _overlap(a, b), (a.text, a.role, b.text, b.role)
        n = len(journey.stages)
        col_w = (scene.width - 2 * MARGIN - LABEL_W) / max(n, 1)
        for t in texts:
            assert t.left >= 0 and t.left + t.width <= scene.width - MARGIN + 0.5, t
            assert 0 <= t.y <= scene.height, t
            if t.role.startswith(("label", "card:", "head:", "cell:", "header:")):
                assert _inside_a_box(t, scene), (t.text, t.role)  # its row, cell or card
            col = _column_of(t.role, scene, n)
            if col is not None:
                x0 = MARGIN + LABEL_W + (col - 1) * col_w
                assert x0 < t.left and t.left + t.width < x0 + col_w, (t.text, t.role)


_PUNCT = ".,;:!?()'\"·•+–"


def _words(journey: JourneyMap) -> set[str]:
    """Every word of the map's texts and of the canvas's own captions."""
    from assistant.model import Lang, journey_map_schema
    from assistant.prompts import catalogue

    parts = [journey.model_dump_json(), json.dumps(journey_map_schema(), ensure_ascii=False)]
    parts += [
        v for lang in Lang for k, v in catalogue("export", lang).items() if k.startswith("caption.")
    ]
    text = " ".join(parts).replace("\\n", " ").replace('"', " ")
    return {w.strip(_PUNCT) for w in text.split()}


@pytest.mark.parametrize(("name", "journey"), CASES)
def test_lines_break_between_words(name: str, journey: JourneyMap) -> None:
    """Every word on the canvas is whole, a hyphenated piece of a word too long for any
    line, or ends in '…' where a cell's text was shortened."""
    words = _words(journey)
    joined = " ".join(words)
    for t in canvas_scene(journey).texts():
        if not t.role.startswith(("cell:", "card:", "header:", "head:")):
            continue
        for token in t.text.split():
            token = token.strip(_PUNCT)
            if not token or token in words or token.endswith(ELLIPSIS) or token.isdigit():
                continue
            piece = token.removesuffix("-")
            assert len(piece) >= 2 and piece in joined, (token, t.text)
            assert any(len(w) > 14 and piece in w for w in words), (token, t.text)


def test_legible_sizes() -> None:
    """8 stages stay within a laptop-wide picture; no text is drawn below 8 units; a
    typical 5-stage map prints its body text at about 6 pt on A4."""
    crowded = build_canvas(generated(8, 6))
    assert natural_width(crowded) <= 1300
    scene = layout(crowded)
    assert min(t.size for t in scene.texts()) >= 8
    fi = JourneyMap.model_validate_json((DATA / "map_fi_b2c.json").read_bytes())
    page = print_scene(fi)
    pt = 10 * min((841.89 - 32) / page.width, (595.28 - 32) / page.height)
    assert pt >= 6.0
    assert SCREEN.entries > COMPACT[-1].entries


def test_cells_say_how_many_are_left_out() -> None:
    scene = canvas_scene(generated(3, 6))
    # 6 touchpoints × 2 motivators: six shown (five and the "+ 7 muuta" line).
    assert any(t.text == "+ 7 muuta" for t in scene.texts() if t.role == "cell:motivators:1")


@pytest.mark.parametrize("width", [40.0, 90.0, 200.0])
def test_wrap_and_fit(width: float) -> None:
    text = (
        "Kokotaulukko on vain kuvana, eikä sitä voi suurentaa Tilausvahvistussähköpostiviestipohja"
    )
    lines = wrap(text, width=width, size=10)
    assert all(text_width(line, size=10) <= width for line in lines)
    assert " ".join(lines).replace("- ", "").replace("-", "") == text.replace("-", "")
    short = fit(text, width=width, size=10, max_lines=2)
    assert len(short) <= 2 and short[-1].endswith(ELLIPSIS)
    assert wrap("", width=width, size=10) == []
    assert wrap("a\nb", width=width, size=10) == ["a", "b"]
    assert fit("yksi", width=width, size=10, max_lines=1) == ["yksi"]
