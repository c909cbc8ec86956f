"""Logging for operators: one line per fallback or failure, and never a secret.

- `OneLineFormatter`: an exception becomes `ExcType: message` on the same line; the full
  traceback only when the handler runs at DEBUG. The code may call `log.exception(...)`
  where it wants a traceback for debugging; in normal operation that is still one line.
- `RedactingFilter`: API keys (sk-..., and values after api_key/token/password/secret),
  bearer tokens, Authorization headers and the user-info part of URLs
  (postgresql://user:PASSWORD@host) are replaced by `[redacted]`, in the message, its
  arguments and any exception text. Known secrets (the configured key, the database
  password) are also redacted by value, wherever they appear.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable

from assistant.settings import get_settings

REDACTED = "[redacted]"
LEVELS = ("debug", "info", "warning", "error", "critical")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # scheme://user:password@host  -> scheme://[redacted]@host
    (re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^/\s:@]+(?::[^/\s@]*)?@"), rf"\1{REDACTED}@"),
    (re.compile(r"(?i)\b(bearer|basic)\s+[a-z0-9._~+/=\-]{6,}"), rf"\1 {REDACTED}"),
    (
        re.compile(r"(?i)\b(authorization|x-api-key|api-key)(\"?\s*[:=]\s*\"?)[^\s\",;]+"),
        rf"\1\2{REDACTED}",
    ),
    (re.compile(r"\b(sk|pk|rk)-[A-Za-z0-9_\-]{12,}"), REDACTED),
    (
        re.compile(
            r"(?i)\b([a-z_]*(?:api_?key|token|secret|password|passwd))"
            r"(['\"]?\s*[:=]\s*['\"]?)(?!\[redacted\])[^\s'\",&;)}]+"
        ),
        rf"\1\2{REDACTED}",
    ),
)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with every known secret and anything shaped like a credential replaced."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, REDACTED)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Redacts each record before any handler formats it (attach it to handlers)."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not silence the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = redact(message, self.secrets), ()
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.secrets)
        return True


class OneLineFormatter(logging.Formatter):
    """Exceptions on the record's own line, unless `verbose` (DEBUG) asks for tracebacks."""

    def __init__(self, *, verbose: bool, secrets: Iterable[str] = ()) -> None:
        super().__init__(FORMAT)
        self.verbose = verbose
        self.secrets = [s for s in secrets if s]

    def formatException(self, ei: logging._SysExcInfoType) -> str:
        if self.verbose:
            return redact(super().formatException(ei), self.secrets)
        exc = ei[1]
        return redact(f"{type(exc).__name__}: {exc}" if exc else "", self.secrets)

    def format(self, record: logging.LogRecord) -> str:
        if self.verbose:
            return redact(super().format(record), self.secrets)
        saved = record.exc_text
        record.exc_text = None
        try:
            line = super().format(record).replace("\n", " | ")
        finally:
            record.exc_text = saved
        return redact(line, self.secrets)


def known_secrets() -> list[str]:
    """Secret values in the current settings: the API key and the database password."""
    try:
        from sqlalchemy.engine import make_url

        settings = get_settings()
        found = []
        if settings.openai_api_key is not None:
            found.append(settings.openai_api_key.get_secret_value())
        if settings.database_url:
            password = make_url(settings.database_url).password
            found.append(str(password) if password else "")
        return [s for s in found if s]
    except Exception:  # logging must work even with broken settings
        return []


def setup_logging(level: str = "warning", *, stream: object = None) -> logging.Handler:
    """Configure the root logger once: one handler on stderr, redacting, one line per record.

    Returns the handler (tests attach their own stream). Safe to call again: the old
    handler of ours is replaced, other handlers get the redacting filter too."""
    name = level.strip().lower()
    if name not in LEVELS:
        raise ValueError(f"log level: one of {', '.join(LEVELS)}")
    numeric = getattr(logging, name.upper())
    secrets = known_secrets()
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_polkuopas", False)]:
        root.removeHandler(old)
    handler = logging.StreamHandler(stream or sys.stderr)  # type: ignore[arg-type]
    handler._polkuopas = True  # type: ignore[attr-defined]
    handler.setFormatter(OneLineFormatter(verbose=numeric <= logging.DEBUG, secrets=secrets))
    root.addHandler(handler)
    for h in root.handlers:
        if not any(isinstance(f, RedactingFilter) for f in h.filters):
            h.addFilter(RedactingFilter(secrets))
    root.setLevel(numeric)
    # Chatty libraries stay at WARNING unless the operator asks for DEBUG.
    for noisy in ("httpx", "httpcore", "openai", "chromadb", "urllib3"):
        logging.getLogger(noisy).setLevel(
            logging.DEBUG if numeric <= logging.DEBUG else max(numeric, logging.WARNING)
        )
    return handler
