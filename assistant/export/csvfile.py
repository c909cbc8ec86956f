"""CSV: one row per touchpoint, headers in the map's language, formula-safe cells."""

from __future__ import annotations

import csv
import io

from assistant.export.table_rows import safe_rows, touchpoint_header, touchpoint_rows
from assistant.model import JourneyMap


def to_csv(journey: JourneyMap, *, excel_fi: bool = False) -> bytes:
    """The touchpoint table as CSV bytes.

    `excel_fi`: UTF-8 with BOM and ';' (what Finnish Excel expects, so å/ä/ö survive
    a double click); otherwise plain UTF-8 and ','.
    """
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=";" if excel_fi else ",", lineterminator="\r\n")
    writer.writerow(safe_rows([touchpoint_header(journey.language)])[0])
    writer.writerows(safe_rows(touchpoint_rows(journey)))
    return buf.getvalue().encode("utf-8-sig" if excel_fi else "utf-8")
