"""JSON round trips; CSV in both dialects, read back with the csv module."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from assistant.export.csvfile import to_csv
from assistant.export.jsonfile import from_json, to_json
from assistant.export.table_rows import LIST_JOIN, neutralise
from assistant.model import JourneyMap, Stage, Touchpoint, label

from .conftest import INJECTIONS


@pytest.mark.parametrize("name", ["map_fi_b2c.json", "map_en_b2b.json"])
def test_json_round_trip(name: str, fi_map_path: Path) -> None:
    journey = JourneyMap.model_validate_json((fi_map_path.parent / name).read_bytes())
    text = to_json(journey)
    again = from_json(text)
    assert again == journey
    assert to_json(again) == text
    assert again.model_dump() == journey.model_dump()


def test_json_keeps_finnish_letters(fi_map: JourneyMap) -> None:
    text = to_json(fi_map)
    assert "Löytäminen" in text and "\\u00" not in text
    assert text.startswith("{\n  ")


def _read(data: bytes, *, excel_fi: bool) -> list[list[str]]:
    text = data.decode("utf-8-sig" if excel_fi else "utf-8")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if excel_fi else ","))


@pytest.mark.parametrize("excel_fi", [True, False])
def test_csv_dialects(fi_map: JourneyMap, excel_fi: bool) -> None:
    data = to_csv(fi_map, excel_fi=excel_fi)
    assert data.startswith(b"\xef\xbb\xbf") is excel_fi
    first_line = data.decode("utf-8-sig").splitlines()[0]
    assert first_line.count(";" if excel_fi else ",") == 14
    rows = _read(data, excel_fi=excel_fi)
    header, body = rows[0], rows[1:]
    assert header[1] == "Vaihe" and header[3] == "Kosketuspiste"
    assert label(Touchpoint, "doubts", "fi") in header
    assert len(body) == len(fi_map.touchpoints())
    # stage and touchpoint order, with positions
    assert [(r[0], r[1], r[2], r[3]) for r in body] == [
        (str(s_no), s.name, str(t_no), t.name)
        for s_no, s in enumerate(fi_map.stages, 1)
        for t_no, t in enumerate(s.touchpoints, 1)
    ]
    kassa = next(r for r in body if r[3] == "Kassa")
    pain = header.index("Kipupisteet")
    assert kassa[pain] == "Yllättävät toimituskulut | Pakollinen rekisteröityminen"
    assert kassa[header.index("Tunne (-2…+2)")] == "-2"  # a number, not neutralised
    assert kassa[header.index("Kriittinen")] == "kyllä"
    assert kassa[header.index("Kanava")] == "digitaalinen"


def test_csv_english_headers(en_map: JourneyMap) -> None:
    header = _read(to_csv(en_map), excel_fi=False)[0]
    assert header[:4] == ["Stage no.", "Stage", "Touchpoint no.", "Touchpoint"]
    assert "What blocks them" in header


def test_csv_stage_without_touchpoints_keeps_a_row() -> None:
    journey = JourneyMap(
        stages=[Stage(name="Tyhjä"), Stage(name="Ostos", touchpoints=[Touchpoint(name="Kassa")])]
    )
    body = _read(to_csv(journey, excel_fi=True), excel_fi=True)[1:]
    assert [r[:4] for r in body] == [["1", "Tyhjä", "", ""], ["2", "Ostos", "1", "Kassa"]]


def test_csv_multiline_and_quotes_survive() -> None:
    journey = JourneyMap(
        stages=[
            Stage(name="A", touchpoints=[Touchpoint(name='Say "hi";, ok', customer_action="a\nb")])
        ]
    )
    for excel_fi in (True, False):
        row = _read(to_csv(journey, excel_fi=excel_fi), excel_fi=excel_fi)[1]
        assert row[3] == 'Say "hi";, ok' and row[5] == "a\nb"


def test_neutralise_rules() -> None:
    for bad in [*INJECTIONS, "\t=1+1", "\r=1+1"]:
        assert neutralise(bad) == "'" + bad
    assert neutralise(-2) == -2
    assert neutralise("ok = fine") == "ok = fine"
    assert neutralise("") == ""


def test_csv_formula_injection(evil_map: JourneyMap) -> None:
    for excel_fi in (True, False):
        rows = _read(to_csv(evil_map, excel_fi=excel_fi), excel_fi=excel_fi)
        cells = [c for row in rows for c in row]
        assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells if c != "-2")
        assert "'" + INJECTIONS[0] in cells
        assert "'+Stage" in cells and "'-cmd" + LIST_JOIN + "ok" in cells
        assert "-2" in cells  # the emotion stays a plain number


def test_csv_tab_and_cr_cells_reach_writer_neutralised() -> None:
    # The model strips leading whitespace; model_construct skips that to test the writer itself.
    tp = Touchpoint.model_construct(**{**Touchpoint(name="x").__dict__, "name": "\t=1+1"})
    tp2 = Touchpoint.model_construct(**{**Touchpoint(name="x").__dict__, "name": "\r=1+1"})
    stage = Stage.model_construct(name="S", goal="", touchpoints=[tp, tp2])
    journey = JourneyMap.model_construct(**{**JourneyMap().__dict__, "stages": [stage]})
    rows = _read(to_csv(journey), excel_fi=False)
    assert [r[3] for r in rows[1:]] == ["'\t=1+1", "'\r=1+1"]
