"""URLs shown to anyone: without user info (user:password@), query or fragment, where
credentials and tokens hide."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def redact_url(url: str | None) -> str:
    """`http://admin:pw@host:8000/v1?key=x#y` -> `http://host:8000/v1`; "" for nothing.
    Something that does not parse as a URL is hidden entirely."""
    if not url:
        return ""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "…"
    if not parts.scheme or not host:
        return "…"
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return urlunsplit((parts.scheme, host + port, parts.path, "", ""))
