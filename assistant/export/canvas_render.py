"""The canvas in every picture format: SVG, PNG, a self-contained HTML page, A4 PDF.

One SVG is the source: PNG and PDF are drawn from it by vl-convert (resvg), which
bundles the Liberation Sans the layout is measured in, so nothing is downloaded and
every format shows the same lines. The PDF page is A4 landscape, the map scaled to fit.
"""

from __future__ import annotations

import io
from html import escape

from assistant.export.canvas import Canvas, build_canvas
from assistant.export.canvas_layout import COMPACT, SCREEN, Density, layout
from assistant.export.scene import Scene, to_svg
from assistant.model import JourneyMap, Lang

A4_LANDSCAPE = (841.89, 595.28)
"""Points (1/72 inch)."""
PAGE_MARGIN = 16.0


def canvas_scene(journey: JourneyMap) -> Scene:
    """The laid-out canvas of `journey`."""
    return layout(build_canvas(journey))


def canvas_svg(journey: JourneyMap) -> str:
    """The canvas as an SVG document, at its natural size."""
    return to_svg(canvas_scene(journey))


def canvas_png(journey: JourneyMap, *, scale: float = 2) -> bytes:
    """The canvas as PNG; `scale` 2 stays sharp on high-density screens and in print."""
    import vl_convert as vlc
    from PIL import Image

    rgba: bytes = vlc.svg_to_png(canvas_svg(journey), scale=scale)
    # The canvas is opaque: as RGB the file is about a third of resvg's RGBA (lossless).
    out = io.BytesIO()
    Image.open(io.BytesIO(rgba)).convert("RGB").save(out, "PNG", compress_level=6)
    return out.getvalue()


def page_svg(scene: Scene) -> str:
    """The scene on one A4 landscape page."""
    return to_svg(scene, page=A4_LANDSCAPE, margin=PAGE_MARGIN)


def svg_pages_pdf(pages: list[str]) -> bytes:
    """One PDF from SVG pages, in order."""
    import vl_convert as vlc
    from pypdf import PdfReader, PdfWriter

    if len(pages) == 1:
        single: bytes = vlc.svg_to_pdf(pages[0])
        return single
    writer = PdfWriter()
    for svg in pages:
        writer.append(PdfReader(io.BytesIO(vlc.svg_to_pdf(svg))))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _page_scale(scene: Scene) -> float:
    pw, ph = A4_LANDSCAPE
    return min((pw - 2 * PAGE_MARGIN) / scene.width, (ph - 2 * PAGE_MARGIN) / scene.height)


PRINT_SCALE = 0.62
"""Page scale at which body text (10 units) prints at about 6 pt: good enough to stop."""


def _widest_useful(canvas: Canvas, density: Density) -> Scene:
    """A tall map laid out wider (its texts wrap less), while that prints it larger."""
    best = layout(canvas, density=density)
    for factor in (1.2, 1.45, 1.75, 2.1):
        wider = layout(canvas, width=best.width * factor, density=density)
        if _page_scale(wider) <= _page_scale(best):
            break
        best = wider
    return best


def print_scene(journey: JourneyMap) -> Scene:
    """The canvas laid out for one A4 landscape page. A crowded map is drawn wider, then
    with fewer lines per cell (ending in '…' and '+ N more'), until its text prints at
    about 6 pt or the densest layout is reached; the report pages hold every word."""
    canvas = build_canvas(journey)
    best = _widest_useful(canvas, SCREEN)
    for density in COMPACT:
        if _page_scale(best) >= PRINT_SCALE:
            break
        denser = _widest_useful(canvas, density)
        if _page_scale(denser) > _page_scale(best):
            best = denser
    return best


def canvas_pdf(journey: JourneyMap) -> bytes:
    """The canvas on one A4 landscape page, for printing."""
    return svg_pages_pdf([page_svg(print_scene(journey))])


PAGE_CSS = """
body { margin: 0; padding: 16px; background: #fbfaf7; color: #1f2a2e;
       font-family: 'Liberation Sans', Arimo, Arial, Helvetica, sans-serif; }
.canvas { overflow-x: auto; -webkit-overflow-scrolling: touch; }
.canvas svg { display: block; width: 100%; min-width: 960px; height: auto;
              background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
@page { size: A4 landscape; margin: 8mm; }
@media print {
  body { padding: 0; background: #fff; }
  .canvas { overflow: visible; }
  .canvas svg { min-width: 0; box-shadow: none; max-height: 190mm; }
}
"""


def html_page(title: str, body: str, *, lang: Lang, css: str = "") -> str:
    """A self-contained HTML page: no scripts, no links out. `body` must be escaped HTML."""
    return (
        f'<!doctype html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{PAGE_CSS}{css}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def canvas_html(journey: JourneyMap) -> str:
    """A self-contained page with the canvas inline (scrolls sideways on a phone)."""
    scene = canvas_scene(journey)
    svg = to_svg(scene)
    return html_page(scene.title, f'<div class="canvas">{svg}</div>', lang=journey.language)
