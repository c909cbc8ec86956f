"""Knowledge commands: ingest, search (a contract read by acceptance checks)."""

from __future__ import annotations
