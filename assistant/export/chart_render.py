"""Render the journey chart to standalone HTML, PNG and SVG with vl-convert (no network)."""

from __future__ import annotations

from typing import Any

from assistant.export.chart import chart_spec
from assistant.model import JourneyMap

# vl-convert pastes the spec into a <script> as raw JSON, so user text such as
# "</script><script>..." would end the script. A zero-width space after '<' in
# "</" and "<!" keeps the text looking the same but inert.
_ZWSP = "\u200b"


def _inert(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("</", f"<{_ZWSP}/").replace("<!", f"<{_ZWSP}!")
    if isinstance(value, list):
        return [_inert(v) for v in value]
    if isinstance(value, dict):
        return {k: _inert(v) for k, v in value.items()}
    return value


def chart_html(journey: JourneyMap) -> str:
    """A standalone HTML page with the chart; the Vega scripts are inlined, no CDN."""
    import vl_convert as vlc

    html: str = vlc.vegalite_to_html(_inert(chart_spec(journey)), bundle=True)
    return html


def chart_png(journey: JourneyMap, *, scale: float = 2) -> bytes:
    """The chart as PNG; `scale` 2 gives a sharp picture on high-density screens."""
    import vl_convert as vlc

    png: bytes = vlc.vegalite_to_png(chart_spec(journey), scale=scale)
    return png


def chart_svg(journey: JourneyMap) -> str:
    """The chart as an SVG document."""
    import vl_convert as vlc

    svg: str = vlc.vegalite_to_svg(chart_spec(journey))
    return svg
