"""`polkuopas`: the command line. Each command lives in its own module and imports
its heavy dependencies inside the function, so `polkuopas --help` stays instant."""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(
    name="polkuopas",
    help="Polkuopas - asiakaspolun haastatteluavustaja / customer-journey interview assistant.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def main() -> None:
    from assistant.cli import chat, knowledge, maps, transcripts  # noqa: F401  (registers commands)

    app()


@app.callback()
def _root(
    log_level: Annotated[
        str,
        typer.Option(
            "--log-level",
            envvar="POLKUOPAS_LOG_LEVEL",
            help="debug, info, warning (default), error. Tracebacks only at debug.",
        ),
    ] = "warning",
) -> None:
    """Polkuopas - asiakaspolun haastatteluavustaja / customer-journey interview assistant."""
    from assistant.logs import LEVELS, setup_logging

    if log_level.strip().lower() not in LEVELS:
        typer.echo(f"--log-level: one of / jokin näistä: {', '.join(LEVELS)}", err=True)
        raise typer.Exit(2)
    setup_logging(log_level)
