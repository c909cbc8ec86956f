"""`polkuopas transcript`: an interview's transcript as Markdown, HTML or JSON.

The command line runs beside the database, as its operator, so a bare interview id is
accepted here; the app itself never opens an interview by id.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.access.link_tokens import OWNER_PARAM, token_from
from assistant.cli.root import app
from assistant.export.interview_data import transcript_data
from assistant.export.transcript import TranscriptFormat, render
from assistant.settings import get_settings

if TYPE_CHECKING:
    from assistant.store.store import Store


def _interview_id(store: Store, ref: str) -> str | None:
    """An owner link (…?k=TOKEN), a bare owner token, or an interview id -> the id."""

    token = token_from(ref, OWNER_PARAM)
    if token:
        owned = store.interview_for_owner(token)
        if owned is not None:
            return owned.id
    info = store.get_interview(ref.strip())
    return info.id if info is not None else None


@app.command()
def transcript(
    ref: Annotated[str, typer.Argument(help="Interview id or owner link / tunniste tai linkki")],
    fmt: Annotated[
        TranscriptFormat, typer.Option("--format", "-f", help="Output format / muoto")
    ] = TranscriptFormat.MD,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file (default: stdout)")
    ] = None,
) -> None:
    """Export an interview's transcript / Vie haastattelun keskustelu: md, html, json."""

    from assistant.store.store import Store  # SQLAlchemy: not for --help

    with Store.from_settings(get_settings()) as store:
        interview_id = _interview_id(store, ref)
        if interview_id is None:
            typer.echo("no such interview / haastattelua ei löytynyt", err=True)
            raise typer.Exit(1)
        text = render(transcript_data(store, interview_id), fmt)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"{output} ({len(text.encode('utf-8'))} bytes)", err=True)
        return
    sys.stdout.write(text)
    sys.stdout.flush()
