"""Download buttons and JSON upload for the map page; the files come from assistant.export."""

from __future__ import annotations

import re
from collections.abc import Callable

import streamlit as st
from pydantic import ValidationError

from assistant.export import ExportFormat
from assistant.export.mapfile import MapFileError, load_map
from assistant.export.render import export_bytes, report_bytes
from assistant.model import JourneyMap
from ui.i18n import current_lang, t

MAX_UPLOAD = 2_000_000
"""Bytes: a real map is a few tens of kilobytes."""


def file_stem(journey: JourneyMap) -> str:
    name = journey.title or journey.business.name or journey.business.offering or "kartta"
    slug = re.sub(r"[^0-9a-zA-Z\u00c0-\u024f]+", "-", name.casefold()).strip("-")[:40]
    return f"polkuopas-{slug or 'kartta'}"


def export_data(journey: JourneyMap, fmt: ExportFormat, *, excel_fi: bool = False) -> bytes:
    """The file bytes, from the core's one table of formats."""
    return export_bytes(journey, fmt, excel_fi=excel_fi)


def _later(journey: JourneyMap, fmt: ExportFormat, excel_fi: bool) -> Callable[[], bytes]:
    # Rendered only when clicked: PNG and SVG take a moment and most visits need neither.
    return lambda: export_data(journey, fmt, excel_fi=excel_fi)


def download_buttons(journey: JourneyMap) -> None:
    stem = file_stem(journey)
    excel_fi = st.checkbox(
        t("download.excel_fi"),
        value=journey.language.value == "fi",
        help=t("download.excel_fi_help"),
        key="excel_fi",
    )
    formats = list(ExportFormat)
    # One st.columns per row, so on a phone (columns stacked) the order stays the same.
    cells = [c for start in range(0, len(formats), 4) for c in st.columns(4)]
    for cell, fmt in zip(cells, formats, strict=False):
        cell.download_button(
            t(f"download.{fmt.value}"),
            data=_later(journey, fmt, excel_fi),
            file_name=stem + fmt.extension,
            mime=fmt.mime,
            key=f"dl_{fmt.value}",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
        )


def report_buttons(journey: JourneyMap) -> None:
    """The mentor report with the canvas, as a web page and as a PDF for print."""
    stem = file_stem(journey) + "-raportti"
    left, right = st.columns(2)
    for cell, fmt in ((left, ExportFormat.HTML), (right, ExportFormat.PDF)):
        cell.download_button(
            t(f"mentor.report_{fmt.value}"),
            data=lambda fmt=fmt: report_bytes(journey, fmt),
            file_name=stem + fmt.extension,
            mime=fmt.mime,
            key=f"report_{fmt.value}",
            on_click="ignore",
            icon=":material/description:",
            width="stretch",
        )


def read_upload(data: bytes) -> tuple[JourneyMap | None, str]:
    """The uploaded map, or None and a clear reason (the current map is never touched)."""
    if len(data) > MAX_UPLOAD:
        return None, t("upload.too_big", mb=MAX_UPLOAD // 1_000_000)
    try:
        return load_map(data), ""
    except MapFileError as exc:
        return None, exc.text(current_lang()) + "."
    except ValidationError as exc:
        errors = exc.errors()
        where = " → ".join(str(x) for x in errors[0].get("loc", ())) if errors else ""
        return None, t("upload.invalid", count=len(errors), where=where or "–")
