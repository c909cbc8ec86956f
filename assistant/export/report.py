"""The mentor report with the canvas: a self-contained HTML page and a printable PDF.

HTML: the canvas picture, then the Markdown report rendered by markdown-it. The
Markdown escapes every user text itself (HTML entities, backslashed punctuation), so
the only raw HTML that reaches the page is the report's own '<br>'.
PDF: the canvas on an A4 landscape page, then the report's text on A4 portrait pages,
laid out here with the canvas's own text measure and drawn through the same SVG path.
"""

from __future__ import annotations

from assistant.export.canvas_draw import LEAD, MUTED, block
from assistant.export.canvas_render import (
    canvas_scene,
    html_page,
    page_svg,
    print_scene,
    svg_pages_pdf,
)
from assistant.export.markdown import to_markdown
from assistant.export.report_blocks import Block, Style, report_blocks
from assistant.export.scene import Line, Scene, Text, to_svg
from assistant.export.textfit import fit, text_width, wrap
from assistant.model import JourneyMap

A4_PORTRAIT = (595.28, 841.89)
MARGIN = 56.0
# style: (size, bold, colour, indent, space before)
_STYLES: dict[Style, tuple[float, bool, str, float, float]] = {
    Style.TITLE: (18, True, "#1f2a2e", 0, 0),
    Style.SECTION: (13, True, "#2f6f5e", 0, 16),
    Style.SUBSECTION: (11.5, True, "#1f2a2e", 0, 12),
    Style.ITEM_HEAD: (10, True, "#1f2a2e", 0, 8),
    Style.TEXT: (9.5, False, "#1f2a2e", 0, 4),
    Style.BULLET: (9.5, False, "#1f2a2e", 12, 2),
    Style.NOTE: (8.5, False, MUTED, 0, 2),
}
_HEADS = (Style.TITLE, Style.SECTION, Style.SUBSECTION, Style.ITEM_HEAD)

REPORT_CSS = """
.report { max-width: 60em; margin: 24px auto 0; line-height: 1.45; }
.report table { border-collapse: collapse; font-size: 0.85em; display: block; overflow-x: auto; }
.report th, .report td { border: 1px solid #d5ddd9; padding: 4px 6px; vertical-align: top; }
.report th { background: #eef2ee; text-align: left; }
.report h2 { color: #2f6f5e; border-bottom: 1px solid #d5ddd9; padding-bottom: 2px; }
@media print { .canvas { break-after: page; } .report { max-width: none; } }
"""


def report_html(journey: JourneyMap) -> str:
    """The mentor report as one self-contained page: the canvas, then the text."""
    from markdown_it import MarkdownIt

    scene = canvas_scene(journey)
    text = MarkdownIt("commonmark", {"html": True}).enable("table").render(to_markdown(journey))
    body = f'<div class="canvas">{to_svg(scene)}</div>\n<article class="report">{text}</article>'
    return html_page(scene.title, body, lang=journey.language, css=REPORT_CSS)


def _pages(blocks: list[Block], footer: str) -> list[Scene]:
    width, height = A4_PORTRAIT
    usable = width - 2 * MARGIN
    pages: list[Scene] = []
    page, y = Scene(width, height), MARGIN
    for n, (style, text) in enumerate(blocks):
        size, bold, colour, indent, before = _STYLES[style]
        lines = wrap(text, width=usable - indent, size=size, bold=bold)
        need = before + len(lines) * size * LEAD
        # A heading never ends a page: it moves on with the first line of what follows.
        follow = blocks[n + 1][0] if n + 1 < len(blocks) else None
        keep = need + (_STYLES[follow][0] * LEAD * 2 if style in _HEADS and follow else 0)
        if y > MARGIN and y + keep > height - MARGIN:
            pages.append(page)
            page, y = Scene(width, height), MARGIN
        y += before if y > MARGIN else 0
        while lines:  # a block longer than a page continues on the next
            room = max(1, int((height - MARGIN - y) // (size * LEAD)))
            part, lines = lines[:room], lines[room:]
            shapes, h = block(
                MARGIN + indent,
                y,
                part,
                size=size,
                bold=bold,
                colour=colour,
                role=f"report:{style.value}",
            )
            page.add(*shapes)
            if style is Style.BULLET:
                page.add(*block(MARGIN + 2, y, ["•"], size=size, role="report:bullet")[0])
            if style is Style.SECTION:
                page.add(Line(((MARGIN, y + h + 1), (width - MARGIN, y + h + 1)), "#d5ddd9"))
            y += h
            if lines:
                pages.append(page)
                page, y = Scene(width, height), MARGIN
    pages.append(page)
    for no, p in enumerate(pages, start=2):  # page 1 is the canvas
        mark = f"{footer} · {no}/{len(pages) + 1}"
        w = text_width(mark, size=8)
        p.add(
            Text(width - MARGIN - w, height - MARGIN / 2, mark, 8, w, colour=MUTED, role="footer")
        )
    return pages


def report_pdf(journey: JourneyMap) -> bytes:
    """The mentor report for print: the canvas page (A4 landscape), then the text (A4)."""
    blocks = report_blocks(journey)
    usable = A4_PORTRAIT[0] - 2 * MARGIN
    title = fit(blocks[0][1], width=usable * 0.7, size=8, max_lines=1)[0]
    text_pages = [to_svg(p, page=A4_PORTRAIT) for p in _pages(blocks, title)]
    return svg_pages_pdf([page_svg(print_scene(journey)), *text_pages])
