"""The map as table rows, shared by the CSV and XLSX exports, and formula neutralisation.

Neutralisation (OWASP "CSV injection"): a text cell that begins with '=', '+', '-',
'@', tab or CR gets a leading single quote, so a spreadsheet shows it as text and
never runs it. Only text is touched: numbers (emotion -2..+2, positions) are written
as numbers, so "-2" stays a usable number and cannot carry a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from assistant.export.captions import word
from assistant.model import JourneyMap, Lang, Stage, Touchpoint, label

Cell = str | int | None
LIST_JOIN = " | "
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")

TOUCHPOINT_FIELDS: tuple[str, ...] = tuple(Touchpoint.model_fields)


def is_dangerous(text: str) -> bool:
    """True when a spreadsheet could read `text` as a formula."""
    return text.startswith(_DANGEROUS)


def neutralise(value: Cell) -> Cell:
    """`value` made safe for a spreadsheet cell (text only; numbers pass unchanged)."""
    if isinstance(value, str) and is_dangerous(value):
        return "'" + value
    return value


def cell_text(value: object, lang: Lang) -> Cell:
    """A field value as one cell: lists joined, enums and booleans in words."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return word("yes" if value else "no", lang)
    if isinstance(value, int):
        return value
    if isinstance(value, StrEnum):
        return word(value.value, lang)
    if isinstance(value, list):
        return LIST_JOIN.join(str(v) for v in value)
    return str(value)


def touchpoint_header(lang: Lang) -> list[str]:
    """Column headers of the touchpoint table in `lang`."""
    return [
        word("stage_no", lang),
        label(Stage, "name", lang),
        word("touchpoint_no", lang),
        *(label(Touchpoint, f, lang) for f in TOUCHPOINT_FIELDS),
    ]


def touchpoint_rows(journey: JourneyMap) -> list[list[Cell]]:
    """One row per touchpoint in journey order; a stage without touchpoints gets one row."""
    lang = journey.language
    rows: list[list[Cell]] = []
    blank: list[Cell] = [""] * len(TOUCHPOINT_FIELDS)
    for s_no, stage in enumerate(journey.stages, start=1):
        if not stage.touchpoints:
            rows.append([s_no, stage.name, "", *blank])
        for t_no, tp in enumerate(stage.touchpoints, start=1):
            values = [cell_text(getattr(tp, f), lang) for f in TOUCHPOINT_FIELDS]
            rows.append([s_no, stage.name, t_no, *values])
    return rows


def safe_rows(rows: Sequence[Sequence[Cell]]) -> list[list[Cell]]:
    """Every cell of `rows` neutralised."""
    return [[neutralise(c) for c in row] for row in rows]
