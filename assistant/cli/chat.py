"""The terminal chat (a contract read by acceptance checks).

`--jsonl`: the opening turn is the first line out, written before any input is read;
then exactly one JSON line per input line, flushed. The map goes to `--out` (atomically)
when the interview is done and at the end of input.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated, TextIO

import typer

from assistant.cli.chat_view import run_interactive
from assistant.cli.root import app
from assistant.export.jsonfile import to_json
from assistant.interview import Session, build_deps, open_session
from assistant.interview.replies import say, say_problem
from assistant.model import JourneyMap, Lang
from assistant.store import StoreUnavailable


def write_map(journey: JourneyMap, path: Path) -> None:
    """Write the map as JSON atomically: a reader never sees half a file."""

    path = path.expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(to_json(journey))
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _emit(out: TextIO, data: dict[str, object]) -> None:
    out.write(json.dumps(data, ensure_ascii=False) + "\n")
    out.flush()


def run_jsonl(session: Session, *, out: TextIO, inp: TextIO, map_path: Path | None) -> None:
    """The machine-readable loop: one JSON line per input line, until end of input."""
    turn = session.opening()
    _emit(out, turn.to_json())
    while True:
        line = inp.readline()
        if not line:
            break
        turn = session.step(line.rstrip("\r\n"))
        if turn.done and map_path is not None:  # on disk before the reader sees "done"
            write_map(session.journey, map_path)
        _emit(out, turn.to_json())
    if map_path is not None:
        write_map(session.journey, map_path)


def _tolerant_stdin() -> None:
    """Invalid UTF-8 in the input becomes U+FFFD: the message is kept and the chat goes on
    (a strict decoder would end the process and lose that line and every later one)."""
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="replace")


@app.command()
def chat(
    lang: Annotated[str, typer.Option("--lang", help="fi or en.")] = "fi",
    offline: Annotated[
        bool, typer.Option("--offline", help="Use the offline brain even if an LLM is set up.")
    ] = False,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="One JSON line per turn on stdout (for machines).")
    ] = False,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the map here as JSON when done.")
    ] = None,
    resume: Annotated[str | None, typer.Option("--resume", help="Continue interview ID.")] = None,
) -> None:
    """Chat through an interview in the terminal / Haastattelu päätteessä."""

    if lang not in ("fi", "en"):
        typer.echo("--lang: fi or en / fi tai en", err=True)
        raise typer.Exit(2)
    _tolerant_stdin()
    try:
        deps = build_deps(offline=offline)
        session = open_session(deps=deps, lang=Lang(lang), interview_id=resume)
    except StoreUnavailable as exc:  # nothing typed yet, so nothing is lost: say why and stop
        typer.echo(say(Lang(lang), "db_start", problem=say_problem(Lang(lang), exc)), err=True)
        raise typer.Exit(1) from None
    except KeyError:
        typer.echo(f"--resume: unknown interview / tuntematon haastattelu: {resume}", err=True)
        raise typer.Exit(1) from None
    if jsonl:
        real_out = sys.stdout
        sys.stdout = sys.stderr  # a chatty library must not corrupt the JSON stream
        try:
            run_jsonl(session, out=real_out, inp=sys.stdin, map_path=out)
        finally:
            sys.stdout = real_out
        return

    run_interactive(session, map_path=out, write_map=write_map)
