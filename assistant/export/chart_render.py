"""Render the journey chart to standalone HTML, PNG and SVG with vl-convert (no network)."""

from __future__ import annotations

from assistant.export.chart import chart_spec
from assistant.model import JourneyMap


def chart_html(journey: JourneyMap) -> str:
    """A standalone HTML page with the chart; the Vega scripts are inlined, no CDN."""
    import vl_convert as vlc

    html: str = vlc.vegalite_to_html(chart_spec(journey), bundle=True)
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
