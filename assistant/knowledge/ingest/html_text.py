"""Text out of HTML with the standard library's tolerant parser.

Why html.parser: it never executes anything, copes with broken markup, and
needs no dependency; we only need visible text, headings and the title.
Scripts, styles and other invisible elements are dropped whole.
"""

from __future__ import annotations

from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "head"}
_BLOCK = {
    "p", "div", "section", "article", "br", "li", "ul", "ol", "tr", "table", "blockquote",
    "pre", "header", "footer", "main", "aside", "nav", "dd", "dt", "figcaption", "hr",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.first_heading = ""
        self._skip_depth = 0
        self._in_title = False
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP:
            self._skip_depth += 1
        elif tag in _HEADINGS:
            self.parts.append("\n\n# ")
            self._heading = []
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _HEADINGS:
            if self._heading is not None and not self.first_heading:
                self.first_heading = " ".join("".join(self._heading).split())
            self._heading = None
            self.parts.append("\n\n")
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif self._skip_depth == 0:
            self.parts.append(data)
            if self._heading is not None:
                self._heading.append(data)


def html_to_text(markup: str) -> tuple[str, str]:
    """(visible text with headings as '# ' lines, title) of an HTML document."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    title = " ".join(parser.title.split()) or parser.first_heading
    return text.strip(), title
