"""Calling a chat model safely: retries with backoff, JSON parsing, error triage.

Every failure ends as a `BrainError` with a short reason; no raw exception from
LangChain, openai or httpx leaves this module.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from assistant.brains.protocol import BrainError

log = logging.getLogger(__name__)
T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


class BadReply(Exception):
    """The model answered, but with nothing usable (empty, refusal, not our JSON)."""


def _http_status(exc: BaseException) -> int | None:
    status = getattr(exc, "status_code", None)
    return status if isinstance(status, int) else None


def is_transient(exc: BaseException) -> bool:
    """Worth another try: timeouts, lost connections, 429, 5xx and unusable replies."""
    import openai

    if isinstance(exc, BadReply | ValidationError | ValueError):
        # LangChain's OutputParserException is a ValueError.
        return True
    if isinstance(exc, openai.APITimeoutError | openai.APIConnectionError):
        return True
    if isinstance(exc, TimeoutError | ConnectionError):
        return True
    status = _http_status(exc)
    return status is not None and (status == 429 or status >= 500)


def short_reason(exc: BaseException) -> str:
    """A one-line reason for logs and the fallback notice."""
    import openai

    if isinstance(exc, openai.APITimeoutError | TimeoutError):
        return "timeout"
    if isinstance(exc, openai.APIConnectionError | ConnectionError):
        return "connection error"
    status = _http_status(exc)
    if status is not None:
        return f"HTTP {status}"
    if isinstance(exc, BadReply):
        return f"unusable reply: {exc}"[:160]
    if isinstance(exc, ValidationError | ValueError):
        return "reply did not match the schema"
    return type(exc).__name__


def with_retries(
    fn: Callable[[], T], *, retries: int, wait: float, what: str, deadline: float | None = None
) -> T:
    """`fn()`, retried `retries` times on transient errors with exponential backoff;
    no retry starts after `deadline` (on the `time.monotonic()` clock)."""
    import time

    import tenacity

    def note(state: tenacity.RetryCallState) -> None:  # one line per failed attempt
        exc = state.outcome.exception() if state.outcome else None
        reason = short_reason(exc) if exc else "?"
        log.warning(
            "LLM %s failed (%s); retry %d of %d", what, reason, state.attempt_number, retries
        )

    backoff = tenacity.wait_exponential(multiplier=wait, max=max(wait * 8, 0.0))

    def pause(state: tenacity.RetryCallState) -> float:  # never sleep past the deadline
        seconds = float(backoff(state))
        return seconds if deadline is None else max(0.0, min(seconds, deadline - time.monotonic()))

    attempts = tenacity.stop_after_attempt(max(0, retries) + 1)

    def stop(state: tenacity.RetryCallState) -> bool:
        late = deadline is not None and time.monotonic() >= deadline - 0.05
        return late or bool(attempts(state))

    retrying = tenacity.Retrying(
        stop=stop,
        wait=pause,
        retry=tenacity.retry_if_exception(is_transient),
        before_sleep=note,
        reraise=True,
    )
    try:
        return retrying(fn)
    except BrainError:
        raise
    except Exception as exc:
        raise BrainError(f"{what}: {short_reason(exc)}") from exc


def reply_text(message: Any) -> str:
    """The text of a chat reply; raises BadReply on a refusal or an empty answer."""
    extra = getattr(message, "additional_kwargs", {}) or {}
    if extra.get("refusal"):
        raise BadReply("refusal")
    content = getattr(message, "content", "")
    if isinstance(content, list):
        content = "".join(
            part if isinstance(part, str) else str(part.get("text", ""))
            for part in content
            if isinstance(part, str | dict)
        )
    text = str(content).strip()
    if not text:
        raise BadReply("empty answer")
    return text


def parse_json(text: str, model: type[M]) -> M:
    """`text` (JSON, maybe inside a Markdown fence) validated as `model`."""
    import json

    from langchain_core.utils.json import parse_json_markdown

    try:
        # Strict json.loads: the default partial parser would accept a cut-off reply.
        data = parse_json_markdown(text, parser=json.loads)
    except Exception as exc:
        raise BadReply("not JSON") from exc
    if not isinstance(data, dict):
        raise BadReply("not a JSON object")
    return model.model_validate(data)
