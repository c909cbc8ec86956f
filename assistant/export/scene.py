"""A flat drawing: boxes, text lines, lines and dots, and its SVG form.

The canvas layout produces a Scene; SVG is written here, and PNG and PDF are drawn
from that SVG (vl-convert), so all picture formats show the same thing. Every text
is escaped on the way out: a user's text is never markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

FONT = "'Liberation Sans', Arimo, Arial, Helvetica, sans-serif"


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: str = "none"
    stroke: str = "none"
    stroke_width: float = 1.0
    radius: float = 0.0


@dataclass(frozen=True)
class Text:
    """One line of text; `y` is its baseline, `width` its measured width."""

    x: float
    y: float
    text: str
    size: float
    width: float
    bold: bool = False
    italic: bool = False
    colour: str = "#1f2933"
    anchor: str = "start"
    """'start' or 'middle' (then `x` is the centre)."""
    role: str = ""
    """What the line shows, e.g. 'cell:doubts:2' or 'card:3': for tests and debugging."""

    @property
    def left(self) -> float:
        return self.x - self.width / 2 if self.anchor == "middle" else self.x


@dataclass(frozen=True)
class Line:
    points: tuple[tuple[float, float], ...]
    stroke: str
    width: float = 1.0
    dash: str = ""


@dataclass(frozen=True)
class Dot:
    cx: float
    cy: float
    r: float
    fill: str
    stroke: str = "#ffffff"
    stroke_width: float = 1.5


Shape = Box | Text | Line | Dot


@dataclass
class Scene:
    width: float
    height: float
    shapes: list[Shape] = field(default_factory=list)
    title: str = ""

    def add(self, *shapes: Shape) -> None:
        self.shapes.extend(shapes)

    def texts(self) -> list[Text]:
        return [s for s in self.shapes if isinstance(s, Text)]


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _shape(s: Shape) -> str:
    if isinstance(s, Box):
        rx = f' rx="{_n(s.radius)}"' if s.radius else ""
        return (
            f'<rect x="{_n(s.x)}" y="{_n(s.y)}" width="{_n(s.w)}" height="{_n(s.h)}"{rx}'
            f' fill="{s.fill}" stroke="{s.stroke}" stroke-width="{_n(s.stroke_width)}"/>'
        )
    if isinstance(s, Text):
        style = (' font-weight="bold"' if s.bold else "") + (
            ' font-style="italic"' if s.italic else ""
        )
        anchor = ' text-anchor="middle"' if s.anchor == "middle" else ""
        return (
            f'<text x="{_n(s.x)}" y="{_n(s.y)}" font-size="{_n(s.size)}" fill="{s.colour}"'
            f"{style}{anchor}>{escape(s.text)}</text>"
        )
    if isinstance(s, Line):
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in s.points)
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        return (
            f'<polyline points="{points}" fill="none" stroke="{s.stroke}"'
            f' stroke-width="{_n(s.width)}" stroke-linejoin="round"{dash}/>'
        )
    return (
        f'<circle cx="{_n(s.cx)}" cy="{_n(s.cy)}" r="{_n(s.r)}" fill="{s.fill}"'
        f' stroke="{s.stroke}" stroke-width="{_n(s.stroke_width)}"/>'
    )


def to_svg(scene: Scene, *, page: tuple[float, float] | None = None, margin: float = 0) -> str:
    """The scene as an SVG document. With `page` (width, height) the drawing is scaled
    to fit that size inside `margin`, centred: a printed page."""
    w, h = scene.width, scene.height
    if page is None:
        size, box = f'width="{_n(w)}" height="{_n(h)}"', f"0 0 {_n(w)} {_n(h)}"
    else:
        # Grow the viewBox around the drawing until it has the page's proportions.
        pw, ph = page
        scale = min((pw - 2 * margin) / w, (ph - 2 * margin) / h)
        vw, vh = pw / scale, ph / scale
        size = f'width="{_n(pw)}" height="{_n(ph)}"'
        box = f"{_n(-(vw - w) / 2)} {_n(-(vh - h) / 2)} {_n(vw)} {_n(vh)}"
    title = f"<title>{escape(scene.title)}</title>" if scene.title else ""
    body = "\n".join(_shape(s) for s in scene.shapes)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" {size} viewBox="{box}"'
        f" font-family={quoteattr(FONT)}>{title}\n"
        f'<rect x="-100000" y="-100000" width="200000" height="200000" fill="#ffffff"/>\n'
        f"{body}\n</svg>\n"
    )
