"""The friendly interactive terminal chat (rich): coloured prompt, progress, tips, /kartta."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.interview import Session
from assistant.interview.replies import texts
from assistant.model import JourneyMap
from assistant.turns import AssistantTurn

if TYPE_CHECKING:
    from rich.console import Console


def _t(session: Session, key: str, **values: object) -> str:

    return str(texts(session.lang)["terminal"][key]).format(**values)


def _show(console: Console, session: Session, turn: AssistantTurn) -> None:
    from rich.panel import Panel
    from rich.text import Text

    body = turn.text
    for tip in turn.tips:
        head = str(tip.get("text", ""))[:40]
        body = "\n\n".join(p for p in body.split("\n\n") if not head or head not in p)
    if turn.notice:
        console.print(Text(turn.notice, style="yellow"))
    console.print(Text(body, style="bold cyan" if turn.done else "cyan"))
    for tip in turn.tips:
        source = f"{tip.get('title', '')} – {tip.get('author') or tip.get('source', '')}"
        console.print(
            Panel(
                Text(str(tip.get("text", ""))),
                title=_t(session, "tip"),
                subtitle=Text(source),
                style="dim",
            )
        )
    console.print(Text(_t(session, "progress", share=round(turn.progress * 100)), style="dim"))


def _table(console: Console, session: Session) -> None:
    from rich.table import Table

    journey = session.journey
    table = Table(title=journey.business.name or journey.business.offering or None)
    table.add_column(_t(session, "col_stage"), style="bold")
    table.add_column(_t(session, "col_touchpoint"))
    table.add_column(_t(session, "col_feeling"))
    table.add_column(_t(session, "col_pain"))
    for stage in journey.stages:
        if not stage.touchpoints:
            table.add_row(stage.name, "–", "", "")
        for i, tp in enumerate(stage.touchpoints):
            feeling = "" if tp.emotion is None else f"{tp.emotion:+d}"
            name = f"{tp.name} ★" if tp.critical else tp.name
            table.add_row(stage.name if i == 0 else "", name, feeling, "; ".join(tp.pain_points))
    console.print(table)


def run_interactive(
    session: Session,
    *,
    map_path: Path | None,
    write_map: Callable[[JourneyMap, Path], None],
) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console()
    _show(console, session, session.opening())
    console.print(_t(session, "help"), style="dim", markup=False)
    prompt = f"[bold green]{escape(_t(session, 'you'))}>[/] "
    try:
        while True:
            text = console.input(prompt)
            if text.strip().casefold() in ("/kartta", "/map"):
                _table(console, session)
                continue
            turn = session.step(text)
            _show(console, session, turn)
            if turn.done and map_path is not None:
                write_map(session.journey, map_path)
    except (EOFError, KeyboardInterrupt):
        console.print()
    if map_path is not None:
        write_map(session.journey, map_path)
        console.print(_t(session, "saved", path=str(map_path)), markup=False)
    console.print(_t(session, "resume", id=session.id), style="bold", markup=False)
