"""`polkuopas`: the command line. Each command lives in its own module and imports
its heavy dependencies inside the function, so `polkuopas --help` stays instant."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="polkuopas",
    help="Polkuopas - asiakaspolun haastatteluavustaja / customer-journey interview assistant.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def main() -> None:
    from assistant.cli import chat, knowledge, maps, transcript  # noqa: F401  (registers commands)

    app()


@app.callback()
def _root() -> None:
    """Polkuopas - asiakaspolun haastatteluavustaja / customer-journey interview assistant."""
