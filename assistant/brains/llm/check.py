"""Is the configured LLM reachable? One tiny chat call, for the UI's settings page."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from pydantic import SecretStr

from assistant.access.urls import redact_url
from assistant.model import Lang
from assistant.prompts import load_yaml
from assistant.settings import Settings

CHECK_TIMEOUT = 10.0
"""Upper bound in seconds for the check, whatever the interview's timeout is."""


@dataclass(frozen=True)
class ConnectionReport:
    """The outcome of `check_connection`."""

    ok: bool
    model: str
    base_url: str
    """The endpoint tried, without credentials ("" means the OpenAI default)."""
    latency_ms: int
    """Round trip of the test call; 0 when no call was made."""
    message_fi: str
    message_en: str

    def message(self, lang: Lang | str) -> str:
        return self.message_fi if Lang(lang) is Lang.FI else self.message_en


def _texts(key: str, **values: Any) -> tuple[str, str]:
    entry = load_yaml("llm/messages.yaml")[key]
    return str(entry["fi"]).format(**values), str(entry["en"]).format(**values)


def _failure_key(exc: BaseException) -> str:
    import openai

    if isinstance(exc, openai.APITimeoutError):
        return "check_timeout"
    if isinstance(exc, openai.APIConnectionError):
        return "check_unreachable"
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return "check_auth"
    if isinstance(exc, openai.NotFoundError):
        return "check_model"
    if isinstance(exc, openai.RateLimitError):
        return "check_rate_limit"
    return "check_error"


def check_connection(*, settings: Settings, timeout: float = CHECK_TIMEOUT) -> ConnectionReport:
    """Send one short message to the configured model and report how it went."""
    # Shown to the operator: without user info or query, where credentials hide.
    base_url = redact_url(settings.openai_base_url)
    timeout = min(timeout, settings.llm_timeout)
    common = {"model": settings.model, "base_url": base_url}
    if not settings.llm_configured:
        fi, en = _texts("check_not_configured")
        return ConnectionReport(ok=False, latency_ms=0, message_fi=fi, message_en=en, **common)
    from langchain_openai import ChatOpenAI

    chat = ChatOpenAI(
        model=settings.model,
        base_url=settings.openai_base_url,
        api_key=settings.openai_api_key or SecretStr("not-needed"),
        timeout=timeout,
        max_retries=0,
    )
    start = time.perf_counter()
    try:
        # Any reply proves the connection; reasoning models may even return empty text.
        chat.invoke("Reply with the single word: ok")
    except Exception as exc:
        key = _failure_key(exc)
        raw = str(exc)
        if settings.openai_base_url:  # an error may quote the URL, credentials and all
            raw = raw.replace(settings.openai_base_url, base_url)
        reason = f"{type(exc).__name__}: {raw[:120]}"
        fi, en = _texts(
            key,
            model=settings.model,
            base_url=base_url or "api.openai.com",
            timeout=timeout,
            reason=reason,
        )
        latency = int((time.perf_counter() - start) * 1000)
        return ConnectionReport(
            ok=False, latency_ms=latency, message_fi=fi, message_en=en, **common
        )
    latency = int((time.perf_counter() - start) * 1000)
    fi, en = _texts("check_ok", model=settings.model, latency_ms=latency)
    return ConnectionReport(ok=True, latency_ms=latency, message_fi=fi, message_en=en, **common)
