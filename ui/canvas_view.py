"""The journey-map canvas on a page: full width on a laptop, scrolling sideways on a phone.

The canvas is an SVG drawn by the core (every user text escaped there) and shown as an
<img> from a data URL, so nothing in it can run or style the page. Below MIN_WIDTH
pixels of room the picture keeps MIN_WIDTH and its box scrolls, rather than shrinking
its text out of reach.
"""

from __future__ import annotations

import base64
from html import escape

import streamlit as st

from assistant.export.canvas_render import canvas_svg as render
from assistant.export.jsonfile import from_json

MIN_WIDTH = 880
"""Pixels: 0.88 of the canvas's natural width (1000), body text still ~9 px."""


@st.cache_data(show_spinner=False, max_entries=64)
def canvas_svg(map_json: str) -> str:
    """The canvas SVG of a map (cached by the map's JSON)."""
    return render(from_json(map_json))


def show_canvas(map_json: str, *, alt: str) -> None:
    """The canvas of the map in `map_json`, as wide as the page allows."""
    data = base64.b64encode(canvas_svg(map_json).encode("utf-8")).decode("ascii")
    st.html(
        '<div class="pk-canvas" style="overflow-x:auto;-webkit-overflow-scrolling:touch;'
        'border:1px solid #d5ddd9;border-radius:6px;background:#fff">'
        f'<img alt="{escape(alt)}" src="data:image/svg+xml;base64,{data}" '
        f'style="display:block;width:100%;min-width:{MIN_WIDTH}px;height:auto"></div>'
    )
