"""XLSX read back with openpyxl: sheets, headers, layout, formula safety."""

from __future__ import annotations

import io

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from assistant.export.xlsxfile import to_xlsx
from assistant.model import JourneyMap

from .conftest import INJECTIONS


def _book(journey: JourneyMap) -> Workbook:
    return openpyxl.load_workbook(io.BytesIO(to_xlsx(journey)))


def test_sheets_and_headers_fi(fi_map: JourneyMap) -> None:
    wb = _book(fi_map)
    assert wb.sheetnames == ["Kartta", "Persoona ja yritys", "Ehdotukset", "Oletukset ja mittarit"]
    ws = wb["Kartta"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Vaiheen nro", "Vaihe", "Kosketuspisteen nro", "Kosketuspiste"]
    assert ws.max_row == 1 + len(fi_map.touchpoints())
    for sheet in wb.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(c.font.bold for c in sheet[1])
        assert all(c.alignment.wrap_text for c in sheet[2])
        widths = [d.width for d in sheet.column_dimensions.values()]
        assert widths and all(10 <= w <= 60 for w in widths)
    kassa = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[3] == "Kassa")
    assert kassa[header.index("Tunne (-2…+2)")] == -2  # a real number
    assert "Yllättävät toimituskulut | Pakollinen rekisteröityminen" in kassa


def test_persona_suggestions_assumptions(en_map: JourneyMap) -> None:
    wb = _book(en_map)
    assert wb.sheetnames == [
        "Map",
        "Persona and business",
        "Suggestions",
        "Assumptions and metrics",
    ]
    persona = {
        r[0]: r[1] for r in wb["Persona and business"].iter_rows(min_row=2, values_only=True)
    }
    assert persona["Business"] == "Kirjanpito Oy" and persona["B2B or B2C"] == "B2B"
    assert persona["Persona"] == "Growing founder Mikko"
    sug = list(wb["Suggestions"].iter_rows(values_only=True))
    # The reason came later, as the last column: earlier columns keep their places.
    assert sug[0] == ("Suggestion", "Why", "Stage", "Touchpoint", "Priority", "Citations", "Reason")
    assert sug[2][4] == "medium"
    assert "Asiakaspolku, Netello, netello-journey-length" in sug[2][5]
    assert "Mikä on asiakaspolku?, Hanna Heinonen" in sug[2][5]
    kinds = [r[0] for r in wb["Assumptions and metrics"].iter_rows(min_row=2, values_only=True)]
    assert kinds == ["Assumptions"] * 2 + ["Metrics"] * 2


@pytest.mark.parametrize("empty", [JourneyMap(), JourneyMap(language="en")])
def test_empty_map(empty: JourneyMap) -> None:
    wb = _book(empty)
    assert [ws.max_row for ws in wb.worksheets] == [1, 1 + 4 + 5 + 3, 1, 1]
    values = [c.value for row in wb.worksheets[1].iter_rows(min_row=2) for c in row[1:]]
    assert values == [None] * 12


def test_formula_injection_is_text(evil_map: JourneyMap) -> None:
    wb = _book(evil_map)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert cells
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value: c for c in cells if isinstance(c.value, str)}
    for bad in [*INJECTIONS, "=1+1", "+Stage", "-guess", "=A1", "@SUM(1+1)"]:
        cell = texts[bad]
        assert cell.data_type == "s" and cell.quotePrefix, bad
    nums = [c for c in cells if c.value == -2]
    assert nums and nums[0].data_type == "n"
    assert b"<f>" not in _raw_sheets(evil_map)


def _raw_sheets(journey: JourneyMap) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(to_xlsx(journey))) as z:
        return b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
