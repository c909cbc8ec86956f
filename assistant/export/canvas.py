"""The journey-map canvas as data: what goes in which cell, before any geometry.

Stages are columns; rows hold what the customer does, the touchpoints, the emotion
curve, doubts, pain points, motivators, blockers and the stage's suggestions. Every
entry that belongs to a touchpoint carries the touchpoint's number (1..N along the
journey), so a reader can follow one touchpoint down the rows. Texts are the user's,
unescaped: each renderer escapes them for its own format.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from assistant.export.captions import word
from assistant.model import (
    Business,
    Channel,
    JourneyMap,
    Lang,
    Priority,
    Stage,
    Suggestion,
    Touchpoint,
    label,
)


class Row(StrEnum):
    """The canvas rows under the stage heads, top to bottom."""

    ACTION = "action"
    TOUCHPOINTS = "touchpoints"
    EMOTION = "emotion"
    DOUBTS = "doubts"
    PAINS = "pains"
    MOTIVATORS = "motivators"
    BLOCKERS = "blockers"
    SUGGESTIONS = "suggestions"


# Rows whose entries are a touchpoint's list field, one entry per item.
LIST_ROWS: dict[Row, str] = {
    Row.DOUBTS: "doubts",
    Row.PAINS: "pain_points",
    Row.MOTIVATORS: "motivators",
    Row.BLOCKERS: "blockers",
}


@dataclass(frozen=True)
class Entry:
    """One item in a cell."""

    text: str
    ref: int | None = None
    """Number of the touchpoint it belongs to, if any."""
    note: str = ""
    """A second, smaller line: a suggestion's source."""
    priority: Priority | None = None


@dataclass(frozen=True)
class Card:
    """A touchpoint as the canvas shows it in the touchpoint row and on the curve."""

    number: int
    name: str
    channel: Channel | None
    critical: bool
    emotion: int | None
    first: bool
    """The first touchpoint of the journey: where the first impression forms."""
    last: bool
    """The last touchpoint: what the customer remembers."""


@dataclass(frozen=True)
class Column:
    """One stage: its head and the entries of every row."""

    number: int
    name: str
    goal: str
    cards: tuple[Card, ...]
    cells: Mapping[Row, tuple[Entry, ...]]


@dataclass(frozen=True)
class Header:
    """The band above the grid: who sells what, to whom, and how the journey feels."""

    title: str
    business: tuple[tuple[str, str], ...]
    """(caption, text) pairs, only the ones filled in; the caption may be empty."""
    persona: str
    description: str
    goals: tuple[str, ...]
    """The persona's goals, then needs."""
    frustrations: tuple[str, ...]
    first_impression: str
    last_memory: str


@dataclass(frozen=True)
class Canvas:
    lang: Lang
    header: Header
    columns: tuple[Column, ...]
    general: tuple[Entry, ...]
    """Suggestions that name no stage of the map: they concern the whole journey."""

    def caption(self, key: str) -> str:
        """A caption in the canvas's language; a Row gives its row label."""
        return word(f"row_{key.value}" if isinstance(key, Row) else key, self.lang)


def build_canvas(journey: JourneyMap) -> Canvas:
    """The canvas of `journey`: a pure function, the one source for every picture format."""
    lang = journey.language
    numbered = _numbers(journey)
    total = len(numbered)
    placed: dict[int, list[Entry]] = {n: [] for n in range(len(journey.stages))}
    general: list[Entry] = []
    for s in journey.suggestions:
        where = _stage_of(journey, s)
        entry = _suggestion(s, journey, numbered, lang, where)
        (placed[where] if where is not None else general).append(entry)
    columns = tuple(
        _column(n, stage, numbered, total, placed[n]) for n, stage in enumerate(journey.stages)
    )
    return Canvas(lang, _header(journey), columns, tuple(general))


def _numbers(journey: JourneyMap) -> dict[int, int]:
    """id(touchpoint) -> its number along the whole journey, from 1."""
    return {id(tp): n for n, (_, tp) in enumerate(journey.touchpoints(), start=1)}


def _column(
    n: int, stage: Stage, numbered: dict[int, int], total: int, suggestions: list[Entry]
) -> Column:
    cards = tuple(_card(tp, numbered[id(tp)], total) for tp in stage.touchpoints)
    refs = [(numbered[id(tp)], tp) for tp in stage.touchpoints]
    cells: dict[Row, tuple[Entry, ...]] = {
        Row.ACTION: tuple(Entry(tp.customer_action, no) for no, tp in refs if tp.customer_action),
        Row.TOUCHPOINTS: (),
        Row.EMOTION: tuple(Entry(tp.emotion_note, no) for no, tp in refs if tp.emotion_note),
    }
    for row, field in LIST_ROWS.items():
        cells[row] = tuple(Entry(text, no) for no, tp in refs for text in getattr(tp, field))
    cells[Row.SUGGESTIONS] = tuple(suggestions)
    return Column(n + 1, stage.name, stage.goal, cards, cells)


def _card(tp: Touchpoint, number: int, total: int) -> Card:
    return Card(
        number=number,
        name=tp.name,
        channel=tp.channel,
        critical=tp.critical,
        emotion=tp.emotion,
        first=number == 1,
        last=number == total,
    )


def _stage_of(journey: JourneyMap, s: Suggestion) -> int | None:
    """Index of the stage a suggestion names, else of the stage holding its touchpoint."""
    key, tp_key = s.stage.strip().casefold(), s.touchpoint.strip().casefold()
    for n, stage in enumerate(journey.stages):
        if key and stage.name.casefold() == key:
            return n
    for n, stage in enumerate(journey.stages):
        if tp_key and any(tp.name.casefold() == tp_key for tp in stage.touchpoints):
            return n
    return None


def _suggestion(
    s: Suggestion, journey: JourneyMap, numbered: dict[int, int], lang: Lang, where: int | None
) -> Entry:
    ref = None
    if where is not None and s.touchpoint:
        key = s.touchpoint.strip().casefold()
        tps = journey.stages[where].touchpoints
        ref = next((numbered[id(tp)] for tp in tps if tp.name.casefold() == key), None)
    sources = "; ".join(
        ", ".join(x for x in (c.title or c.source, c.author) if x) for c in s.citations
    )
    note = f"{label(Suggestion, 'priority', lang)}: {word(s.priority.value, lang)}"
    if sources:
        note += f" · {word('source', lang)}: {sources}"
    return Entry(s.title, ref, note, s.priority)


def _header(journey: JourneyMap) -> Header:
    lang, b, p = journey.language, journey.business, journey.persona
    business = [(label(Business, f, lang), getattr(b, f)) for f in ("name", "offering")]
    business.append((label(Business, "customers", lang), b.customers))
    if b.business_type is not None:
        business.append(("", word(b.business_type, lang)))
    return Header(
        title=journey.title or word("untitled", lang),
        business=tuple((k, v) for k, v in business if v),
        persona=p.name,
        description=p.description,
        goals=(*p.goals, *p.needs),
        frustrations=tuple(p.frustrations),
        first_impression=journey.first_impression,
        last_memory=journey.last_memory,
    )
