"""One entry point for every format: `export_bytes(journey, fmt)`."""

from __future__ import annotations

from assistant.export import ExportFormat, canvas_render, report
from assistant.export.csvfile import to_csv
from assistant.export.jsonfile import to_json
from assistant.export.markdown import to_markdown
from assistant.export.xlsxfile import to_xlsx
from assistant.model import JourneyMap


def export_bytes(journey: JourneyMap, fmt: ExportFormat | str, *, excel_fi: bool = False) -> bytes:
    """The map in format `fmt`, as the bytes of a file. `excel_fi` only affects CSV."""
    fmt = ExportFormat(fmt)
    if fmt is ExportFormat.JSON:
        return to_json(journey).encode("utf-8")
    if fmt is ExportFormat.CSV:
        return to_csv(journey, excel_fi=excel_fi)
    if fmt is ExportFormat.XLSX:
        return to_xlsx(journey)
    if fmt is ExportFormat.MD:
        return to_markdown(journey).encode("utf-8")

    if fmt is ExportFormat.HTML:
        return canvas_render.canvas_html(journey).encode("utf-8")
    if fmt is ExportFormat.PNG:
        return canvas_render.canvas_png(journey)
    if fmt is ExportFormat.PDF:
        return canvas_render.canvas_pdf(journey)
    return canvas_render.canvas_svg(journey).encode("utf-8")


REPORT_FORMATS = (ExportFormat.MD, ExportFormat.HTML, ExportFormat.PDF)


def report_bytes(journey: JourneyMap, fmt: ExportFormat | str) -> bytes:
    """The mentor report in `fmt` (md, html or pdf); html and pdf include the canvas."""
    fmt = ExportFormat(fmt)
    if fmt not in REPORT_FORMATS:
        raise ValueError(f"no report as {fmt.value}: use md, html or pdf")
    if fmt is ExportFormat.MD:
        return export_bytes(journey, fmt)

    if fmt is ExportFormat.HTML:
        return report.report_html(journey).encode("utf-8")
    return report.report_pdf(journey)
