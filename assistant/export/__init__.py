"""Exports of a journey map: pure functions from a `JourneyMap` to text or bytes.

This module is the one table of formats the UI and the CLI share. It imports
nothing heavy; each format's module imports its library inside its functions.
"""

from __future__ import annotations

from enum import StrEnum


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"
    MD = "md"
    HTML = "html"
    PNG = "png"
    SVG = "svg"
    PDF = "pdf"

    @property
    def extension(self) -> str:
        """File name extension, with the dot."""
        return f".{self.value}"

    @property
    def mime(self) -> str:
        """MIME type for downloads."""
        return _MIME[self]

    @property
    def binary(self) -> bool:
        """True when the export is bytes that must not go to a terminal as text."""
        return self in (ExportFormat.XLSX, ExportFormat.PNG, ExportFormat.PDF)


_MIME = {
    ExportFormat.JSON: "application/json",
    ExportFormat.CSV: "text/csv",
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ExportFormat.MD: "text/markdown",
    ExportFormat.HTML: "text/html",
    ExportFormat.PNG: "image/png",
    ExportFormat.SVG: "image/svg+xml",
    ExportFormat.PDF: "application/pdf",
}

__all__ = ["ExportFormat"]
