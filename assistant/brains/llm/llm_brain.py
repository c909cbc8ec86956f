"""LLMBrain: the interview's language understanding through any OpenAI-compatible chat model.

Structured output uses JSON mode: the JSON Schema of the answer is in the prompt,
the request asks for `response_format={"type": "json_object"}` (what LangChain's
`with_structured_output(method="json_mode")` sends), and the reply is validated by
the pydantic model, which forbids unknown keys. JSON mode works on OpenAI, vLLM,
Ollama and most other servers, unlike strict json_schema; a server that rejects
`response_format` is asked again without it, as the prompt alone asks for JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from assistant.advice.suggestions import suggest
from assistant.brains import budget
from assistant.brains.breaker import CircuitBreaker
from assistant.brains.llm.calls import BadReply, parse_json, reply_text, short_reason, with_retries
from assistant.brains.llm.ground import ground
from assistant.brains.llm.prompt_text import (
    LANGUAGE_NAMES,
    defuse,
    map_summary,
    passages_text,
    slot_text,
    sources_line,
)
from assistant.brains.llm.review import ReviewReply, merge, suggestions_text
from assistant.brains.protocol import BrainError
from assistant.knowledge import Hit, KnowledgeBase
from assistant.model import JourneyMap, Lang, Suggestion
from assistant.openai_clients import chat_model
from assistant.patch import MapPatch
from assistant.prompts import load_prompt
from assistant.settings import Settings
from assistant.turns import Slot

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage
    from langchain_core.runnables import Runnable

M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")

MAX_INPUT = 8000
"""Characters of one user message sent to the model (the session already cuts at 4000)."""


@cache
def _patch_schema() -> str:
    return json.dumps(MapPatch.model_json_schema(), ensure_ascii=False, separators=(",", ":"))


class LLMBrain:
    """A `Brain` backed by a LangChain chat model; every failure surfaces as `BrainError`."""

    name = "llm"

    def __init__(
        self,
        *,
        settings: Settings,
        chat_model: BaseChatModel | None = None,
        retry_wait: float = 0.5,
    ) -> None:
        self._settings = settings
        self._model = chat_model
        self._retry_wait = retry_wait
        """Seconds before the first retry; doubles each time (tests pass ~0)."""
        self._json_mode = True
        self.breaker = CircuitBreaker(
            failures=settings.llm_breaker_failures, cooldown=settings.llm_breaker_cooldown
        )
        """Shared by every session using this brain; see assistant/brains/guard.py."""
        self.turn_budget = settings.llm_turn_budget
        """Seconds for all LLM calls of one turn (applied by guard.turn_brains)."""

    @property
    def chat_model(self) -> BaseChatModel:
        if self._model is None:
            self._model = chat_model(settings=self._settings, temperature=0.3)
        return self._model

    # -- plumbing --------------------------------------------------------------

    def _messages(self, lang: Lang, prompt: str) -> list[BaseMessage]:
        from langchain_core.messages import HumanMessage, SystemMessage

        system = load_prompt(f"llm/system.{Lang(lang).value}.md").render()
        return [SystemMessage(content=system), HumanMessage(content=prompt)]

    def _runnable(self, **bind: Any) -> Runnable[Any, Any]:
        """The chat model for one request: its timeout cut to what is left of the turn's
        budget (an OpenAI-compatible client takes `timeout` per request)."""
        model = self.chat_model  # built first: its imports take time from the budget too
        left = budget.check("LLM call")
        if left is not None and left < self._settings.llm_timeout:
            from langchain_openai.chat_models.base import BaseChatOpenAI

            if isinstance(model, BaseChatOpenAI):
                bind["timeout"] = max(left, 0.1)
        return model.bind(**bind) if bind else model

    def _invoke_json(self, messages: list[BaseMessage]) -> Any:
        if self._json_mode:
            try:
                return self._runnable(response_format={"type": "json_object"}).invoke(messages)
            except Exception as exc:
                if getattr(exc, "status_code", None) != 400 or "response_format" not in str(exc):
                    raise
                self._json_mode = False
        return self._runnable().invoke(messages)

    def _retry(self, fn: Callable[[], R], what: str) -> R:
        """`fn` with retries inside the turn's budget; the outcome feeds the breaker."""
        budget.check(what)
        try:
            result = with_retries(
                fn,
                retries=self._settings.llm_retries,
                wait=self._retry_wait,
                what=what,
                deadline=budget.deadline(),
            )
        except budget.BudgetSpent:
            raise
        except BrainError as exc:
            self.breaker.record_failure(str(exc))
            raise
        self.breaker.record_success()
        return result

    def _json_call(
        self, messages: list[BaseMessage], model: type[M], what: str, then: Callable[[M], R]
    ) -> R:
        return self._retry(
            lambda: then(parse_json(reply_text(self._invoke_json(messages)), model)), what
        )

    # -- the Brain protocol ----------------------------------------------------

    def understand(self, *, text: str, slot: Slot, journey: JourneyMap, lang: Lang) -> MapPatch:
        prompt = load_prompt("llm/understand.md").render(
            slot=slot_text(slot),
            language=LANGUAGE_NAMES[Lang(lang)],
            stage=defuse(slot.stage or "none"),
            schema=_patch_schema(),
            map=map_summary(journey),
            user_message=defuse(text[:MAX_INPUT]),
        )
        patch = self._json_call(self._messages(lang, prompt), MapPatch, "understand", lambda p: p)
        return ground(patch, text=text, slot=slot, journey=journey)

    def ask(
        self,
        *,
        slot: Slot,
        journey: JourneyMap,
        lang: Lang,
        tip: Hit | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> str:
        tip_text = ""
        if tip is not None:
            tip_text = load_prompt("llm/tip.md").render(
                text=defuse(tip.text),
                title=defuse(tip.title),
                author=defuse(tip.author or tip.source),
            )
        prompt = load_prompt("llm/ask.md").render(
            language=LANGUAGE_NAMES[Lang(lang)],
            slot=slot_text(slot),
            tip=tip_text,
            map=map_summary(journey),
        )
        messages = self._messages(lang, prompt)
        if on_token is None:
            return self._retry(lambda: reply_text(self._runnable().invoke(messages)), "ask")
        return self._retry(lambda: self._stream(messages, on_token), "ask")

    def _stream(self, messages: list[BaseMessage], on_token: Callable[[str], None]) -> str:
        parts: list[str] = []
        try:
            for chunk in self._runnable().stream(messages):
                piece = chunk.content if isinstance(chunk.content, str) else ""
                if piece:
                    parts.append(piece)
                    on_token(piece)
                budget.check("ask (streaming)")
        except Exception as exc:
            if parts:  # tokens already shown cannot be taken back: no retry
                raise BrainError(f"ask: stream broke off ({short_reason(exc)})") from exc
            raise
        text = "".join(parts).strip()
        if not text:
            raise BadReply("empty answer")
        return text

    def review(self, *, journey: JourneyMap, lang: Lang, kb: KnowledgeBase) -> list[Suggestion]:
        try:
            originals = suggest(journey=journey, lang=lang, kb=kb)
        except Exception as exc:
            raise BrainError(f"review: offline suggestions failed ({type(exc).__name__})") from exc
        if not originals:
            return []
        prompt = load_prompt("llm/review.md").render(
            language=LANGUAGE_NAMES[Lang(lang)],
            map=map_summary(journey),
            suggestions=suggestions_text(originals),
        )
        messages = self._messages(lang, prompt)
        return self._json_call(messages, ReviewReply, "review", lambda r: merge(originals, r))

    def rewrite_query(self, *, question: str, lang: Lang) -> str:
        """`question` restated as a Finnish search query in the articles' words (one line)."""
        prompt = load_prompt("llm/rewrite.md").render(question=defuse(question[:MAX_INPUT]))
        messages = self._messages(lang, prompt)
        text = self._retry(lambda: reply_text(self._runnable().invoke(messages)), "rewrite")
        return text.strip().splitlines()[0] if text.strip() else ""

    def answer(self, *, question: str, hits: list[Hit], lang: Lang) -> str:
        """An answer to `question` from `hits` only, citing them as [1], [2]... with a source list."""
        if not hits:
            raise BrainError("answer: no passages to answer from")
        prompt = load_prompt("llm/answer.md").render(
            language=LANGUAGE_NAMES[Lang(lang)],
            question=defuse(question[:MAX_INPUT]),
            passages=passages_text(hits),
        )
        messages = self._messages(lang, prompt)
        text = self._retry(lambda: reply_text(self._runnable().invoke(messages)), "answer")
        return text + "\n\n" + sources_line(text, hits, lang)
