"""The canvas in its formats (SVG, PNG, HTML, A4 PDF) and the mentor report (HTML, PDF):
they open, have the promised size and pages, and show user text only as text."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader

from assistant.export.canvas_render import canvas_html, canvas_pdf, canvas_png, canvas_svg
from assistant.export.render import export_bytes, report_bytes
from assistant.export.report import report_html, report_pdf
from assistant.model import JourneyMap, Persona, Stage, Suggestion, Touchpoint
from tests.foundation.canvas_maps import generated

pytestmark = pytest.mark.slow  # renders PNG and PDF through vl-convert

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SVG_NS = "{http://www.w3.org/2000/svg}"
EVIL = '</text><script>alert(1)</script><a href="javascript:x">**b** [l](http://e.x) & ]]>'


def _evil() -> JourneyMap:
    return JourneyMap(
        language="en",
        title=EVIL,
        persona=Persona(name=EVIL, goals=[EVIL]),
        stages=[Stage(name=EVIL, touchpoints=[Touchpoint(name=EVIL, doubts=[EVIL])])],
        suggestions=[Suggestion(title="<b>x</b>", why=EVIL, stage=EVIL)],
    )


def _pages(pdf: bytes) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def test_svg_is_well_formed_and_user_text_stays_text() -> None:
    svg = canvas_svg(_evil())
    root = ET.fromstring(svg)  # well-formed XML despite the markup in the texts
    assert not list(root.iter(f"{SVG_NS}script")) and not list(root.iter(f"{SVG_NS}a"))
    shown = " ".join(t.text or "" for t in root.iter(f"{SVG_NS}text"))
    assert "<script>alert(1)</script>" in shown
    assert "<script" not in svg and "&lt;script&gt;" in svg


def test_svg_size_and_content(en_map: JourneyMap) -> None:
    root = ET.fromstring(canvas_svg(en_map))
    assert float(root.get("width", 0)) == 1000.0 and float(root.get("height", 0)) > 600
    shown = [t.text for t in root.iter(f"{SVG_NS}text")]
    for stage in en_map.stages:
        assert stage.name in shown
    assert "Switching accountants" in shown and "Pain points" in shown


def test_png_scale(fi_map: JourneyMap) -> None:
    one, two = canvas_png(fi_map, scale=1), canvas_png(fi_map, scale=2)
    width = lambda b: int.from_bytes(b[16:20], "big")  # noqa: E731
    assert one.startswith(PNG_MAGIC) and width(one) == 1000 and width(two) == 2000


def test_html_is_self_contained_and_inert(fi_map: JourneyMap) -> None:
    page = canvas_html(fi_map)
    assert page.startswith("<!doctype html>") and "<svg" in page and "Villasukkapaja" in page
    assert not re.search(r"<script|<link|src=|@import|https?://(?!www\.w3\.org)", page, re.I)
    assert "size: A4 landscape" in page
    evil = canvas_html(_evil())
    assert "<script" not in evil and "<a " not in evil and "&lt;script&gt;" in evil


@pytest.mark.parametrize("stages", [1, 3, 5, 8])
def test_pdf_is_one_a4_landscape_page(stages: int) -> None:
    journey = generated(stages, 6 if stages == 8 else 2)
    pdf = canvas_pdf(journey)
    assert pdf.startswith(b"%PDF")
    assert _pages(pdf) == [pytest.approx((841.89, 595.28), abs=1)]
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Vaihe 0" in text and "Kosketuspisteet" in text


def test_pdf_of_every_sample(fi_map: JourneyMap, en_map: JourneyMap) -> None:
    for journey in (fi_map, en_map, JourneyMap()):
        assert len(_pages(export_bytes(journey, "pdf"))) == 1


def test_report_html_has_the_canvas_and_the_escaped_report(fi_map: JourneyMap) -> None:
    page = report_html(fi_map)
    assert page.count("<svg") == 1 and "<h2>Persoona</h2>" in page
    assert "<table>" in page and "Käsityömessut" in page
    evil = report_html(_evil())
    assert "<script" not in evil and "<b>x</b>" not in evil and "&lt;b&gt;x&lt;/b&gt;" in evil
    assert "<strong>b</strong>" not in evil and 'href="http://e.x"' not in evil


def test_report_pdf_canvas_then_text_pages(fi_map: JourneyMap) -> None:
    pdf = report_pdf(fi_map)
    pages = _pages(pdf)
    assert pages[0] == pytest.approx((841.89, 595.28), abs=1)
    assert len(pages) >= 2 and all(p == pytest.approx((595.28, 841.89), abs=1) for p in pages[1:])
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages[1:])
    for needle in ("Villasukkapajan asiakaspolku", "Kassa", "Hanna Heinonen", "Tunne"):
        assert needle in text
    assert "😀" not in text


def test_report_formats(en_map: JourneyMap) -> None:
    assert report_bytes(en_map, "md") == export_bytes(en_map, "md")
    assert report_bytes(en_map, "html").startswith(b"<!doctype html>")
    assert report_bytes(en_map, "pdf").startswith(b"%PDF")
    with pytest.raises(ValueError, match="md, html or pdf"):
        report_bytes(en_map, "png")
