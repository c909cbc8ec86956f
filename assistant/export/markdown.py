"""Markdown: a report a mentor can read, in the map's language.

All user text is escaped: HTML is shown as text, Markdown punctuation cannot make
links, emphasis or headings, and '|' cannot break a table.
"""

from __future__ import annotations

import html
import re

from assistant.export.captions import word
from assistant.export.table_rows import cell_text
from assistant.model import (
    Assumption,
    Business,
    Citation,
    JourneyMap,
    Lang,
    Metric,
    Persona,
    Stage,
    Suggestion,
    Touchpoint,
    label,
)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_EMOTION = {-2: "−2 😟", -1: "−1 🙁", 0: "0 😐", 1: "+1 🙂", 2: "+2 😀"}
_TABLE_FIELDS = (
    "name",
    "channel",
    "customer_action",
    "emotion",
    "doubts",
    "motivators",
    "blockers",
    "pain_points",
    "critical",
    "measurement",
)


def md(text: str) -> str:
    """User text made inert in Markdown: HTML escaped, punctuation backslashed, one line.
    A leading list or rule marker ('1.', '-', '+', '=') is escaped too, because user
    text may start a line of the report (or a list item, where it would nest a list)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    lines = [line.strip() for line in escaped.splitlines()]
    joined = "<br>".join(lines) if escaped else ""
    joined = _ORDERED.sub(r"\1\\\2", joined)
    return "\\" + joined if joined[:1] in ("-", "+", "=") else joined


def _plain(value: object, lang: Lang) -> str:
    """A field value as text; list items separated by '; ' (no '|' to escape)."""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    text = cell_text(value, lang)
    return "" if text is None else str(text)


def emotion_text(value: int | None) -> str:
    """An emotion -2..+2 as a signed number with a face; empty when unknown."""
    return "" if value is None else _EMOTION[value]


def to_markdown(journey: JourneyMap) -> str:
    """The whole map as a Markdown report."""
    lang = journey.language
    out = [f"# {md(journey.title) or word('report_of', lang)}", ""]
    out += _section(label(JourneyMap, "business", lang), _fields(Business, journey.business, lang))
    out += _section(label(JourneyMap, "persona", lang), _fields(Persona, journey.persona, lang))
    for f in ("first_impression", "last_memory"):
        out += _section(label(JourneyMap, f, lang), [md(getattr(journey, f))])
    out += [f"## {md(label(JourneyMap, 'stages', lang))}", ""]
    for n, stage in enumerate(journey.stages, start=1):
        out += _stage(n, stage, lang)
    out += _section(
        label(JourneyMap, "metrics", lang),
        [f"- **{md(m.name)}**{_tail(Metric, m, ('how', 'target'), lang)}" for m in journey.metrics],
    )
    out += _section(label(JourneyMap, "feedback", lang), [f"- {md(x)}" for x in journey.feedback])
    out += _section(
        label(JourneyMap, "assumptions", lang),
        [
            f"- **{md(a.statement)}** ({word(a.status.value, lang)})"
            + _tail(Assumption, a, ("validation",), lang)
            for a in journey.assumptions
        ],
    )
    out += _suggestions(journey, lang)
    return "\n".join(out).rstrip() + "\n"


def _section(title: str, lines: list[str]) -> list[str]:
    body = [x for x in lines if x]
    return [f"## {md(title)}", "", *body, ""] if body else []


def _fields(
    model: type[Business] | type[Persona], obj: Business | Persona, lang: Lang
) -> list[str]:
    lines = []
    for f in model.model_fields:
        value = _plain(getattr(obj, f), lang)
        if value:
            lines.append(f"- **{md(label(model, f, lang))}:** {md(value)}")
    return lines


def _tail(
    model: type[Metric] | type[Assumption],
    obj: Metric | Assumption,
    fields: tuple[str, ...],
    lang: Lang,
) -> str:
    parts = [
        f"{md(label(model, f, lang))}: {md(getattr(obj, f))}" for f in fields if getattr(obj, f)
    ]
    return " — " + "; ".join(parts) if parts else ""


def _stage(n: int, stage: Stage, lang: Lang) -> list[str]:
    out = [f"### {n}. {md(stage.name)}", ""]
    if stage.goal:
        out += [f"*{md(label(Stage, 'goal', lang))}:* {md(stage.goal)}", ""]
    if not stage.touchpoints:
        return [*out, word("no_touchpoints", lang), ""]
    out.append("| " + " | ".join(md(label(Touchpoint, f, lang)) for f in _TABLE_FIELDS) + " |")
    out.append("|" + "---|" * len(_TABLE_FIELDS))
    for tp in stage.touchpoints:
        cells = []
        for f in _TABLE_FIELDS:
            value = getattr(tp, f)
            if f == "emotion":
                text = emotion_text(value)
                if tp.emotion_note:
                    text = f"{text} {md(tp.emotion_note)}".strip()
                cells.append(text)
            elif f == "name" and tp.critical:
                cells.append(f"**{md(tp.name)}**")
            else:
                cells.append(md(_plain(value, lang)))
        out.append("| " + " | ".join(cells) + " |")
    return [*out, ""]


def _suggestions(journey: JourneyMap, lang: Lang) -> list[str]:
    if not journey.suggestions:
        return []
    out = [f"## {md(label(JourneyMap, 'suggestions', lang))}", ""]
    for n, s in enumerate(journey.suggestions, start=1):
        prio = f"{label(Suggestion, 'priority', lang)}: {word(s.priority.value, lang)}"
        if s.reason:
            prio += f" · {label(Suggestion, 'reason', lang)}: {s.reason}"
        out += [f"### {n}. {md(s.title)}", "", f"*{md(prio)}*", ""]
        where = " / ".join(md(x) for x in (s.stage, s.touchpoint) if x)
        if where:
            out += [f"**{word('where', lang)}:** {where}", ""]
        if s.why:
            out += [f"{md(s.why)}", ""]
        if s.citations:
            out += [f"**{md(label(Suggestion, 'citations', lang))}:**", ""]
            out += [f"- {_citation(c, lang)}" for c in s.citations] + [""]
    return out


def _citation(c: Citation, lang: Lang) -> str:
    title = f"*{md(c.title)}*" if c.title else md(c.source)
    parts = [title, md(c.author)]
    if c.card:
        parts.append(f"{md(label(Citation, 'card', lang))} `{c.card.replace('`', '')}`")
    return ", ".join(p for p in parts if p)
