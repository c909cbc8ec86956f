"""XLSX (openpyxl): the map, persona and business, suggestions, assumptions and metrics.

openpyxl stores any string that begins with '=' as a formula. Dangerous text is
therefore written as an explicit string cell with Excel's own "quote prefix" flag
(what Excel records when a person types '=...): it shows the user's text exactly,
is never evaluated, and stays text when edited.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.export.captions import word
from assistant.export.table_rows import (
    Cell,
    cell_text,
    is_dangerous,
    touchpoint_header,
    touchpoint_rows,
)
from assistant.model import (
    Assumption,
    Business,
    JourneyMap,
    Metric,
    Persona,
    Suggestion,
    label,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

_MIN_WIDTH, _MAX_WIDTH = 10, 60


def to_xlsx(journey: JourneyMap) -> bytes:
    """The map as an Excel workbook."""
    from openpyxl import Workbook

    lang = journey.language
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = word("sheet_map", lang)
    _table(ws, touchpoint_header(lang), touchpoint_rows(journey))
    _table(wb.create_sheet(word("sheet_persona", lang)), *_persona(journey))
    _table(wb.create_sheet(word("sheet_suggestions", lang)), *_suggestions(journey))
    _table(wb.create_sheet(word("sheet_assumptions", lang)), *_assumptions(journey))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _persona(journey: JourneyMap) -> tuple[list[str], list[list[Cell]]]:
    lang = journey.language
    rows: list[list[Cell]] = []
    for model, obj in ((Business, journey.business), (Persona, journey.persona)):
        for f in model.model_fields:
            rows.append([label(model, f, lang), cell_text(getattr(obj, f), lang)])
    for f in ("first_impression", "last_memory", "feedback"):
        rows.append([label(JourneyMap, f, lang), cell_text(getattr(journey, f), lang)])
    return [word("field", lang), word("value", lang)], rows


def _suggestions(journey: JourneyMap) -> tuple[list[str], list[list[Cell]]]:
    lang = journey.language
    # The reason came later: it is the last column, so earlier readers keep their columns.
    fields = ("title", "why", "stage", "touchpoint", "priority", "citations", "reason")
    rows: list[list[Cell]] = []
    for s in journey.suggestions:
        cites = "\n".join(
            ", ".join(p for p in (c.title, c.author, c.card or c.source) if p) for c in s.citations
        )
        rows.append([*(cell_text(getattr(s, f), lang) for f in fields[:-2]), cites])
        rows[-1].append(cell_text(s.reason, lang))
    return [label(Suggestion, f, lang) for f in fields], rows


def _assumptions(journey: JourneyMap) -> tuple[list[str], list[list[Cell]]]:
    """Assumptions and metrics share one sheet: a 'kind' column tells them apart."""
    lang = journey.language
    a_kind, m_kind = label(JourneyMap, "assumptions", lang), label(JourneyMap, "metrics", lang)
    header = [
        word("kind", lang),
        f"{label(Assumption, 'statement', lang)} / {label(Metric, 'name', lang)}",
        f"{label(Assumption, 'status', lang)} / {label(Metric, 'how', lang)}",
        f"{label(Assumption, 'validation', lang)} / {label(Metric, 'target', lang)}",
    ]
    rows: list[list[Cell]] = [
        [a_kind, a.statement, cell_text(a.status, lang), a.validation] for a in journey.assumptions
    ]
    rows += [[m_kind, m.name, m.how, m.target] for m in journey.metrics]
    return header, rows


def _table(ws: Worksheet, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wrap = Alignment(wrap_text=True, vertical="top")
    widths = [len(h) for h in header]
    for r, row in enumerate([list(header), *rows], start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=None if value == "" else value)
            if isinstance(value, str) and is_dangerous(value):
                cell.data_type = "s"
                cell.quotePrefix = True
            cell.alignment = wrap
            if r == 1:
                cell.font = Font(bold=True)
            longest = max((len(x) for x in str(value or "").splitlines()), default=0)
            widths[c - 1] = max(widths[c - 1], longest)
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = min(max(w + 2, _MIN_WIDTH), _MAX_WIDTH)
    ws.freeze_panes = "A2"
