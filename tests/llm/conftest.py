"""Fixtures of the LLM brain tests: a scripted fake chat model and the stub server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field

from assistant.brains.llm.llm_brain import LLMBrain
from assistant.settings import Settings
from tests.llm.stub_server import StubServer


class ScriptedChat(BaseChatModel):
    """A LangChain fake chat model: replies from a script and records what it was sent.

    Script items: a string (the reply text), an AIMessage, or an exception to raise.
    """

    script: list[Any] = Field(default_factory=list)
    calls: list[dict[str, Any]] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted-fake"

    def _next(self, messages: list[BaseMessage], kwargs: dict[str, Any]) -> AIMessage:
        self.calls.append({"messages": list(messages), "kwargs": dict(kwargs)})
        if not self.script:
            raise AssertionError("the fake chat model ran out of scripted replies")
        item = self.script.pop(0)
        if isinstance(item, BaseException):
            raise item
        return item if isinstance(item, AIMessage) else AIMessage(content=item)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        return ChatResult(generations=[ChatGeneration(message=self._next(messages, kwargs))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        text = str(self._next(messages, kwargs).content)
        for piece in re.findall(r"\S+\s*", text):
            yield ChatGenerationChunk(message=AIMessageChunk(content=piece))

    def sent(self, call: int = -1) -> tuple[str, str]:
        """(system prompt, user prompt) of one call."""
        messages = self.calls[call]["messages"]
        return str(messages[0].content), str(messages[-1].content)


@pytest.fixture
def settings() -> Settings:
    return Settings(OPENAI_API_KEY="dummy", POLKUOPAS_LLM_TIMEOUT=1.0, POLKUOPAS_LLM_RETRIES=2)


@pytest.fixture
def fake() -> ScriptedChat:
    return ScriptedChat()


@pytest.fixture
def brain(settings: Settings, fake: ScriptedChat) -> LLMBrain:
    return LLMBrain(settings=settings, chat_model=fake, retry_wait=0.0)


@pytest.fixture
def stub() -> Iterator[StubServer]:
    with StubServer() as server:
        yield server


@pytest.fixture
def stub_settings(stub: StubServer) -> Settings:
    return Settings(
        OPENAI_BASE_URL=stub.base_url,
        OPENAI_API_KEY="dummy-key",
        POLKUOPAS_MODEL="stub-model",
        POLKUOPAS_LLM_TIMEOUT=1.0,
        POLKUOPAS_LLM_RETRIES=2,
    )
