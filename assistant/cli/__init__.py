"""`polkuopas`: the command line. The app and its options live in `root`; each command
group has its own module, imported here so that importing the package registers them.
Command modules import the project at the top and heavy libraries inside functions."""

from __future__ import annotations

from assistant.cli import chat, guidance, maps, transcripts
from assistant.cli.root import app

__all__ = ["app", "chat", "guidance", "main", "maps", "transcripts"]


def main() -> None:
    app()
