"""The canvas model: what goes in which cell, checked field by field against the sample maps,
plus a readable snapshot of the whole canvas (update: POLKUOPAS_UPDATE_SNAPSHOTS=1)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.export.canvas import LIST_ROWS, Canvas, Row, build_canvas
from assistant.model import JourneyMap, Stage, Suggestion, Touchpoint

DATA = Path(__file__).resolve().parents[1] / "data"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
MAPS = sorted(p.name for p in DATA.glob("map_*.json"))


def _load(name: str) -> JourneyMap:
    return JourneyMap.model_validate_json((DATA / name).read_text(encoding="utf-8"))


def outline(canvas: Canvas) -> str:
    """The canvas as plain lines: one per header field, stage, card and cell entry."""
    h = canvas.header
    out = [f"title: {h.title}"]
    out += [f"business: {k}: {v}" for k, v in h.business]
    out += [f"persona: {h.persona} | {h.description}"]
    out += [f"goal: {g}" for g in h.goals] + [f"frustration: {f}" for f in h.frustrations]
    out += [f"first: {h.first_impression}", f"last: {h.last_memory}"]
    for col in canvas.columns:
        out.append(f"stage {col.number}: {col.name} | {col.goal}")
        for c in col.cards:
            marks = [
                c.channel.value if c.channel else "-",
                "critical" if c.critical else "",
                "first" if c.first else "",
                "last" if c.last else "",
            ]
            out.append(
                f"  card {c.number}: {c.name} [{' '.join(m for m in marks if m)}] {c.emotion}"
            )
        for row in Row:
            for e in col.cells[row]:
                tail = f" ({e.priority.value}) {e.note!r}" if e.priority else ""
                out.append(f"  {row.value} #{e.ref}: {e.text}{tail}")
    out += [f"general: {e.text}" for e in canvas.general]
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("name", MAPS)
def test_canvas_snapshot(name: str) -> None:
    text = outline(build_canvas(_load(name)))
    path = SNAPSHOTS / f"canvas_{name.removesuffix('.json')}.txt"
    if os.environ.get("POLKUOPAS_UPDATE_SNAPSHOTS") or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        pytest.fail(f"wrote {path.name}: review it and run again")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", MAPS)
def test_every_field_lands_in_its_cell(name: str) -> None:
    journey = _load(name)
    canvas = build_canvas(journey)
    numbers = iter(range(1, len(journey.touchpoints()) + 1))
    assert [c.name for c in canvas.columns] == [s.name for s in journey.stages]
    for stage, col in zip(journey.stages, canvas.columns, strict=True):
        assert col.goal == stage.goal
        refs = {}
        for tp, card in zip(stage.touchpoints, col.cards, strict=True):
            refs[card.number] = tp
            assert card.number == next(numbers)
            assert (card.name, card.channel, card.critical, card.emotion) == (
                tp.name,
                tp.channel,
                tp.critical,
                tp.emotion,
            )
        actions = [(e.ref, e.text) for e in col.cells[Row.ACTION]]
        assert actions == [(n, tp.customer_action) for n, tp in refs.items() if tp.customer_action]
        feelings = [(e.ref, e.text) for e in col.cells[Row.EMOTION]]
        assert feelings == [(n, tp.emotion_note) for n, tp in refs.items() if tp.emotion_note]
        for row, field in LIST_ROWS.items():
            got = [(e.ref, e.text) for e in col.cells[row]]
            assert got == [(n, x) for n, tp in refs.items() for x in getattr(tp, field)], row


@pytest.mark.parametrize("name", MAPS)
def test_header_first_last_and_suggestions(name: str) -> None:
    journey = _load(name)
    canvas = build_canvas(journey)
    h, p = canvas.header, journey.persona
    assert h.title == journey.title
    assert (h.persona, h.description) == (p.name, p.description)
    assert h.goals == (*p.goals, *p.needs) and h.frustrations == tuple(p.frustrations)
    assert journey.business.name in [v for _, v in h.business]
    assert journey.business.offering in [v for _, v in h.business]
    assert (h.first_impression, h.last_memory) == (journey.first_impression, journey.last_memory)
    cards = [c for col in canvas.columns for c in col.cards]
    assert [c.number for c in cards if c.first] == [1]
    assert [c.number for c in cards if c.last] == [len(cards)]
    placed = {e.text: (col.name, e) for col in canvas.columns for e in col.cells[Row.SUGGESTIONS]}
    for s in journey.suggestions:
        stage, entry = placed[s.title]
        assert stage == s.stage and entry.priority is s.priority
        for c in s.citations:
            assert c.title in entry.note and c.author in entry.note
        card = next(c for c in cards if c.number == entry.ref)
        assert card.name == s.touchpoint


def test_suggestion_placement_and_empty_stages() -> None:
    journey = JourneyMap(
        language="en",
        stages=[Stage(name="A"), Stage(name="B", touchpoints=[Touchpoint(name="Till")])],
        suggestions=[
            Suggestion(title="by stage", stage="a"),
            Suggestion(title="by touchpoint", touchpoint="till"),
            Suggestion(title="whole journey"),
            Suggestion(title="unknown stage", stage="Z"),
        ],
    )
    canvas = build_canvas(journey)
    a, b = canvas.columns
    assert [e.text for e in a.cells[Row.SUGGESTIONS]] == ["by stage"]
    assert [(e.text, e.ref) for e in b.cells[Row.SUGGESTIONS]] == [("by touchpoint", 1)]
    assert [e.text for e in canvas.general] == ["whole journey", "unknown stage"]
    assert not a.cards and all(not a.cells[r] for r in Row if r is not Row.SUGGESTIONS)
    assert b.cards[0].first and b.cards[0].last
    assert canvas.caption(Row.PAINS) == "Pain points"
    assert canvas.header.title == "Customer journey" and canvas.header.business == ()
