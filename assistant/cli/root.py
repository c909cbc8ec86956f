"""The Typer app every command registers on, and the options common to all of them."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.logs import LEVELS, setup_logging

app = typer.Typer(
    name="polkuopas",
    help="Polkuopas - asiakaspolun haastatteluavustaja / customer-journey interview assistant.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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
    if log_level.strip().lower() not in LEVELS:
        typer.echo(f"--log-level: one of / jokin näistä: {', '.join(LEVELS)}", err=True)
        raise typer.Exit(2)
    setup_logging(log_level)
