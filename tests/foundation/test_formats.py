"""The shared table of formats and the one dispatch function."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.export import ExportFormat
from assistant.export.jsonfile import from_json
from assistant.export.render import export_bytes
from assistant.model import JourneyMap


def test_table() -> None:
    assert [f.value for f in ExportFormat] == [
        "json",
        "csv",
        "xlsx",
        "md",
        "html",
        "png",
        "svg",
        "pdf",
    ]
    assert ExportFormat.CSV.extension == ".csv" and ExportFormat.MD.mime == "text/markdown"
    assert ExportFormat.XLSX.mime.endswith("spreadsheetml.sheet")
    assert {f for f in ExportFormat if f.binary} == {
        ExportFormat.XLSX,
        ExportFormat.PNG,
        ExportFormat.PDF,
    }


@pytest.mark.parametrize("fmt", [f for f in ExportFormat if f not in ("png", "html")])
def test_every_format_exports(fmt: ExportFormat, en_map: JourneyMap) -> None:
    data = export_bytes(en_map, fmt)
    assert isinstance(data, bytes) and len(data) > 100
    if not fmt.binary:
        data.decode("utf-8")


def test_json_bytes_round_trip(fi_map: JourneyMap) -> None:
    assert from_json(export_bytes(fi_map, "json")) == fi_map


def test_excel_fi_only_changes_csv(fi_map: JourneyMap) -> None:
    assert export_bytes(fi_map, "csv", excel_fi=True).startswith(b"\xef\xbb\xbf")
    assert export_bytes(fi_map, "md", excel_fi=True) == export_bytes(fi_map, "md")


def test_examples_are_valid_maps(repo_root: Path) -> None:
    files = sorted((repo_root / "examples").glob("*.json"))
    assert len(files) >= 2
    for f in files:
        assert from_json(f.read_bytes()).stages
