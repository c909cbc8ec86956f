"""The one place that builds clients for the OpenAI-compatible server in the settings.

The chat model (the LLM brain, the connection check) and the plain OpenAI client (the
embedder) are built here so that the base URL, the key and the timeout mean the same
thing everywhere. The libraries load only when a client is built: without an LLM nothing
here is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import SecretStr

from assistant.settings import Settings

if TYPE_CHECKING:
    from langchain_openai import ChatOpenAI
    from openai import OpenAI

# OpenAI-compatible local servers take any key; the client library insists on one.
_NO_KEY = "not-needed"


def chat_model(
    *, settings: Settings, timeout: float | None = None, temperature: float | None = None
) -> ChatOpenAI:
    """A LangChain chat model for the configured model; retries are the caller's job."""
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=settings.model,
        base_url=settings.openai_base_url,
        api_key=settings.openai_api_key or SecretStr(_NO_KEY),
        timeout=settings.llm_timeout if timeout is None else timeout,
        max_retries=0,
        temperature=temperature,
    )


def openai_client(*, settings: Settings) -> OpenAI:
    """The plain OpenAI client (embeddings), with the same URL, key and timeout."""
    from openai import OpenAI

    key = settings.openai_api_key
    return OpenAI(
        api_key=key.get_secret_value() if key else _NO_KEY,
        base_url=settings.openai_base_url,
        timeout=settings.llm_timeout,
    )
