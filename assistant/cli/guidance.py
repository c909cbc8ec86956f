"""Guidance commands: ingest, search (a contract read by acceptance checks).

`polkuopas ingest [--store DIR] PATH...` and
`polkuopas search [--store DIR] [--k N] [--json] QUERY` (QUERY `-`: one query per stdin line,
one JSON list per output line). numpy, Chroma and the embedding model load when a
command first searches or ingests.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from assistant.cli.root import app
from assistant.knowledge import Hit, KnowledgeBase, load_card_index, open_document_store
from assistant.settings import get_settings

StoreOpt = Annotated[
    Path | None,
    typer.Option(
        "--store",
        help="Chroma directory (default: your store in the data dir / oletus: datahakemisto).",
    ),
]


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories (txt, md, html, pdf).")],
    store: StoreOpt = None,
) -> None:
    """Lisää dokumentteja hakuun / Add documents to a search store."""

    missing = [p for p in paths if not p.exists()]
    for path in missing:
        typer.echo(f"Tiedostoa ei löydy / No such file: {path}", err=True)
    db = open_document_store(settings=get_settings(), path=store)
    report = db.ingest([p for p in paths if p.exists()])
    for path, error in report.errors:
        typer.echo(f"{path}: {error}", err=True)
    typer.echo(report.summary())
    if report.errors or missing:
        raise typer.Exit(1)


def _as_json(hit: Hit) -> dict[str, Any]:
    return {
        "text": hit.text,
        "source": hit.source,
        "title": hit.title,
        "score": hit.score,
        "author": hit.author,
        "card": hit.card or None,
        "card_title": hit.card_title or None,
        "position": hit.position,
        "lang": hit.lang,
    }


def _table(query: str, hits: list[Hit]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=query, show_lines=True)
    for column in ("#", "score", "source", "text"):
        table.add_column(column)
    for rank, hit in enumerate(hits, 1):
        cite = f"{hit.card}\n" if hit.card else ""
        cite += (
            f"{hit.title} ({hit.author})\n{hit.source} #{hit.position}"
            if hit.author
            else f"{hit.title}\n{hit.source} #{hit.position}"
        )
        table.add_row(str(rank), f"{hit.score:.3f}", cite, hit.text[:400])
    Console().print(table)


@app.command()
def search(
    query: Annotated[
        str,
        typer.Argument(
            help="Kysymys, tai - (rivi kerrallaan stdinistä) / Query, or - for stdin lines."
        ),
    ],
    store: StoreOpt = None,
    k: Annotated[int, typer.Option("--k", min=1, max=100, help="Number of results.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="JSON on stdout.")] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="Prefer fi or en.")] = None,
) -> None:
    """Hae ohjeista / Search the guidance (cards, or an ingested --store)."""

    settings = get_settings()
    kb: KnowledgeBase
    if store is not None:
        if not store.is_dir():
            typer.echo(f"Hakemistoa ei löydy / No such store: {store}", err=True)
            raise typer.Exit(2)
        kb = open_document_store(settings=settings, path=store)
    else:
        kb = load_card_index(settings=settings)
    queries = (line.rstrip("\n") for line in sys.stdin) if query == "-" else iter([query])
    for text in queries:
        hits = kb.search(text, k=k, lang=lang) if text.strip() else []
        if as_json:
            sys.stdout.write(json.dumps([_as_json(h) for h in hits], ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            _table(text, hits)
