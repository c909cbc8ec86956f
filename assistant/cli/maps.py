"""Map commands: schema, export, validate."""

from __future__ import annotations

import json

from assistant.cli import app


@app.command()
def schema() -> None:
    """Print the JSON Schema of a journey map / Tulosta asiakaspolkukartan JSON-skeema."""
    from assistant.model import journey_map_schema

    print(json.dumps(journey_map_schema(), ensure_ascii=False, indent=2))
