"""Direct editing of the map: the map as editable tables and forms, and back to a JourneyMap.

Only the shape changes here (tables <-> model); validation is the model's own.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import streamlit as st

from assistant.model import BusinessType, Channel, JourneyMap, Lang, Stage, Touchpoint, label
from ui.i18n import t

if TYPE_CHECKING:
    import pandas as pd

LIST_JOIN = " | "
"""Lists (doubts, pain points...) are one cell, items separated like in the CSV export."""
TP_FIELDS: tuple[str, ...] = tuple(Touchpoint.model_fields)
"""Every touchpoint field is a column, so an edit never drops one."""
LIST_FIELDS = ("doubts", "motivators", "blockers", "pain_points")


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _items(value: Any, sep: str = LIST_JOIN.strip()) -> list[str]:
    return [x.strip() for x in _text(value).split(sep) if x.strip()]


def lines(value: str) -> list[str]:
    """A text area, one item per line."""
    return [x.strip() for x in (value or "").splitlines() if x.strip()]


def stage_frame(journey: JourneyMap) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        [{"name": s.name, "goal": s.goal} for s in journey.stages], columns=["name", "goal"]
    )


def touchpoint_frame(stage: Stage) -> pd.DataFrame:
    import pandas as pd

    rows = []
    for tp in stage.touchpoints:
        row = {f: getattr(tp, f) for f in TP_FIELDS}
        row["channel"] = tp.channel.value if tp.channel else None
        for f in LIST_FIELDS:
            row[f] = LIST_JOIN.join(row[f])
        rows.append(row)
    return pd.DataFrame(rows, columns=list(TP_FIELDS))


def stage_columns(lang: Lang) -> dict[str, Any]:
    cc = st.column_config
    return {
        "name": cc.TextColumn(label(Stage, "name", lang), required=True, max_chars=200),
        "goal": cc.TextColumn(label(Stage, "goal", lang)),
    }


def touchpoint_columns(lang: Lang) -> dict[str, Any]:
    cc = st.column_config
    cols: dict[str, Any] = {
        f: cc.TextColumn(label(Touchpoint, f, lang)) for f in TP_FIELDS if f != "name"
    }
    cols["name"] = cc.TextColumn(label(Touchpoint, "name", lang), required=True, max_chars=200)
    cols["channel"] = cc.SelectboxColumn(
        label(Touchpoint, "channel", lang),
        options=[c.value for c in Channel],
        format_func=lambda v: t(f"channel.{v}"),
    )
    cols["emotion"] = cc.NumberColumn(
        label(Touchpoint, "emotion", lang), min_value=-2, max_value=2, step=1, format="%d"
    )
    cols["critical"] = cc.CheckboxColumn(label(Touchpoint, "critical", lang))
    for f in LIST_FIELDS:
        cols[f] = cc.TextColumn(label(Touchpoint, f, lang), help=t("editor.list_help"))
    return cols


def _touchpoint(row: dict[str, Any]) -> dict[str, Any] | None:
    name = _text(row.get("name"))
    if not name:
        return None
    out: dict[str, Any] = {f: _text(row.get(f)) for f in TP_FIELDS}
    out["name"] = name
    out["channel"] = out["channel"] or None
    emotion = row.get("emotion")
    out["emotion"] = None if _text(emotion) == "" else round(float(str(emotion)))
    out["critical"] = bool(row.get("critical")) if _text(row.get("critical")) else False
    for f in LIST_FIELDS:
        out[f] = _items(row.get(f))
    return out


def _row_index(index: Any) -> int:
    try:
        return int(index)
    except (TypeError, ValueError):
        return -1


def rebuild(
    journey: JourneyMap,
    *,
    business: dict[str, Any],
    persona: dict[str, Any],
    stages: pd.DataFrame,
    touchpoints: dict[int, pd.DataFrame],
) -> JourneyMap:
    """The edited map. Stage rows keep their touchpoints by their original row index;
    raises pydantic.ValidationError or ValueError with a reason the page shows."""
    new_stages = []
    for index, row in stages.iterrows():
        name = _text(row.get("name"))
        if not name:
            raise ValueError(t("editor.stage_name_missing"))
        frame = touchpoints.get(_row_index(index))
        tps = []
        if frame is not None:
            tps = [tp for r in frame.to_dict("records") if (tp := _touchpoint(r)) is not None]
        new_stages.append({"name": name, "goal": _text(row.get("goal")), "touchpoints": tps})
    data = journey.model_dump()
    btype = business.get("business_type") or None
    data["business"] = {**business, "business_type": BusinessType(btype) if btype else None}
    data["persona"] = persona
    data["stages"] = new_stages
    return JourneyMap.model_validate(data)
