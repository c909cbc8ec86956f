"""Map commands: schema, export, validate."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from assistant.cli.root import app
from assistant.export import ExportFormat
from assistant.export.mapfile import MAX_MAP_BYTES, MapFileError, load_map
from assistant.export.render import REPORT_FORMATS, export_bytes, report_bytes
from assistant.model import JourneyMap, journey_map_schema
from assistant.prompts import text
from assistant.safefile import read_regular_file


@app.command()
def schema() -> None:
    """Print the JSON Schema of a journey map / Tulosta asiakaspolkukartan JSON-skeema."""

    print(json.dumps(journey_map_schema(), ensure_ascii=False, indent=2))


def _load(path: Path) -> JourneyMap:
    """The map in `path`, or one clear error per problem and exit status 1."""
    try:
        data = read_regular_file(path, limit=MAX_MAP_BYTES)
        return load_map(data)
    except OSError as exc:
        reason = exc.strerror if exc.strerror else str(exc)
        typer.echo(f"{path}: cannot read / ei voi lukea: {reason}", err=True)
        raise typer.Exit(1) from None
    except MapFileError as exc:
        typer.echo(f"{path}: {exc}", err=True)
        raise typer.Exit(1) from None
    except ValidationError as exc:
        for err in exc.errors():
            typer.echo(f"{path}: {_loc(err['loc'])}: {err['msg']}", err=True)
        raise typer.Exit(1) from None


def _loc(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as `stages[1].touchpoints[0].emotion`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(root)"


@app.command()
def validate(
    path: Annotated[Path, typer.Argument(help="Journey map JSON file / kartta JSON-tiedostona")],
) -> None:
    """Check a journey map file / Tarkista asiakaspolkukartta."""

    journey = _load(path)
    counts = (len(journey.stages), len(journey.touchpoints()), len(journey.suggestions))
    keys = ("counts.stages", "counts.touchpoints", "counts.suggestions")
    summary = ", ".join(
        text("export", k, lang=journey.language, n=n) for k, n in zip(keys, counts, strict=True)
    )
    typer.echo(f"OK: {journey.title or path.name} ({journey.language.value}): {summary}")


@app.command()
def export(
    path: Annotated[Path, typer.Argument(help="Journey map JSON file / kartta JSON-tiedostona")],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Output format / muoto")
    ] = ExportFormat.JSON,
    excel_fi: Annotated[
        bool, typer.Option("--excel-fi", help="CSV for Finnish Excel: BOM and ';'")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file (default: stdout)")
    ] = None,
    report: Annotated[
        bool,
        typer.Option(
            "--report",
            help="The mentor report with the canvas (md, html, pdf) / raportti kuvineen",
        ),
    ] = False,
) -> None:
    """Export a journey map / Vie asiakaspolkukartta: json, csv, xlsx, md, html, png, svg, pdf."""

    if report and fmt not in REPORT_FORMATS:
        typer.echo("--report: md, html or pdf / vain md, html tai pdf", err=True)
        raise typer.Exit(2)
    journey = _load(path)
    data = report_bytes(journey, fmt) if report else export_bytes(journey, fmt, excel_fi=excel_fi)
    if output is not None:
        output.write_bytes(data)
        typer.echo(f"{output} ({len(data)} bytes)", err=True)
        return
    if fmt.binary and sys.stdout.isatty():
        typer.echo(f"{fmt.value} is binary: use -o FILE / käytä valitsinta -o TIEDOSTO", err=True)
        raise typer.Exit(2)
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
