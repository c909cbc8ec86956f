"""The mentor report as a list of typed text blocks, for the printed (PDF) report.

The same content as the Markdown report, in reading order, but as plain text with a
style per block: no markup at all, so nothing a user typed can format the page.
"""

from __future__ import annotations

from enum import StrEnum

from assistant.export.canvas_curve import signed
from assistant.export.captions import word
from assistant.export.table_rows import cell_text
from assistant.model import (
    Assumption,
    Business,
    JourneyMap,
    Lang,
    Metric,
    Persona,
    Stage,
    Suggestion,
    Touchpoint,
    label,
)


class Style(StrEnum):
    TITLE = "title"
    SECTION = "section"
    SUBSECTION = "subsection"
    ITEM_HEAD = "item_head"
    TEXT = "text"
    BULLET = "bullet"
    NOTE = "note"


Block = tuple[Style, str]

_TOUCHPOINT_LINES = (
    "customer_action",
    "business_goal",
    "doubts",
    "motivators",
    "blockers",
    "pain_points",
    "measurement",
)


def _value(value: object, lang: Lang) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    text = cell_text(value, lang)
    return "" if text is None else str(text)


def _fields(
    model: type[Business] | type[Persona], obj: Business | Persona, lang: Lang
) -> list[Block]:
    out: list[Block] = []
    for f in model.model_fields:
        value = _value(getattr(obj, f), lang)
        if value:
            out.append((Style.BULLET, f"{label(model, f, lang)}: {value}"))
    return out


def _section(title: str, blocks: list[Block]) -> list[Block]:
    return [(Style.SECTION, title), *blocks] if blocks else []


def _touchpoint(tp: Touchpoint, lang: Lang) -> list[Block]:
    marks = [word(tp.channel.value, lang)] if tp.channel else []
    if tp.critical:
        marks.append(word("critical", lang))
    head = f"{tp.name} ({', '.join(marks)})" if marks else tp.name
    out: list[Block] = [(Style.ITEM_HEAD, head)]
    if tp.emotion is not None or tp.emotion_note:
        # The value as a signed number: emoji faces have no glyph in the bundled font.
        value = "" if tp.emotion is None else signed(tp.emotion)
        feeling = " ".join(x for x in (value, tp.emotion_note) if x)
        out.append((Style.BULLET, f"{label(Touchpoint, 'emotion', lang)}: {feeling}"))
    for f in _TOUCHPOINT_LINES:
        value = _value(getattr(tp, f), lang)
        if value:
            out.append((Style.BULLET, f"{label(Touchpoint, f, lang)}: {value}"))
    return out


def _stage(n: int, stage: Stage, lang: Lang) -> list[Block]:
    out: list[Block] = [(Style.SUBSECTION, f"{n}. {stage.name}")]
    if stage.goal:
        out.append((Style.TEXT, f"{label(Stage, 'goal', lang)}: {stage.goal}"))
    if not stage.touchpoints:
        out.append((Style.NOTE, word("no_touchpoints", lang)))
    for tp in stage.touchpoints:
        out += _touchpoint(tp, lang)
    return out


def _suggestion(n: int, s: Suggestion, lang: Lang) -> list[Block]:
    out: list[Block] = [(Style.ITEM_HEAD, f"{n}. {s.title}")]
    meta = f"{label(Suggestion, 'priority', lang)}: {word(s.priority.value, lang)}"
    if s.reason:
        meta += f" · {label(Suggestion, 'reason', lang)}: {s.reason}"
    where = " / ".join(x for x in (s.stage, s.touchpoint) if x)
    out.append((Style.NOTE, f"{meta} · {word('where', lang)}: {where}" if where else meta))
    if s.why:
        out.append((Style.TEXT, s.why))
    for c in s.citations:
        parts = [c.title or c.source, c.author]
        out.append((Style.NOTE, f"{word('source', lang)}: " + ", ".join(p for p in parts if p)))
    return out


def report_blocks(journey: JourneyMap) -> list[Block]:
    """The report, block by block, in the map's language."""
    lang = journey.language
    out: list[Block] = [(Style.TITLE, journey.title or word("report_of", lang))]
    out += _section(label(JourneyMap, "business", lang), _fields(Business, journey.business, lang))
    out += _section(label(JourneyMap, "persona", lang), _fields(Persona, journey.persona, lang))
    for f in ("first_impression", "last_memory"):
        text = getattr(journey, f)
        out += _section(label(JourneyMap, f, lang), [(Style.TEXT, text)] if text else [])
    stages = [b for n, s in enumerate(journey.stages, 1) for b in _stage(n, s, lang)]
    out += _section(label(JourneyMap, "stages", lang), stages)
    metrics = [
        (Style.BULLET, m.name + _tail(Metric, m, ("how", "target"), lang)) for m in journey.metrics
    ]
    out += _section(label(JourneyMap, "metrics", lang), metrics)
    out += _section(
        label(JourneyMap, "feedback", lang), [(Style.BULLET, x) for x in journey.feedback]
    )
    assumptions: list[Block] = [
        (
            Style.BULLET,
            f"{a.statement} ({word(a.status.value, lang)})"
            + _tail(Assumption, a, ("validation",), lang),
        )
        for a in journey.assumptions
    ]
    out += _section(label(JourneyMap, "assumptions", lang), assumptions)
    suggestions = [b for n, s in enumerate(journey.suggestions, 1) for b in _suggestion(n, s, lang)]
    return out + _section(label(JourneyMap, "suggestions", lang), suggestions)


def _tail(
    model: type[Metric] | type[Assumption],
    obj: Metric | Assumption,
    fields: tuple[str, ...],
    lang: Lang,
) -> str:
    parts = [f"{label(model, f, lang)}: {getattr(obj, f)}" for f in fields if getattr(obj, f)]
    return " — " + "; ".join(parts) if parts else ""
