"""The question rewrite before retrieval, over the real HTTP client path to the stub server:
what is sent, that the rewrite is searched, and that a failed rewrite leaves the plain search."""

from __future__ import annotations

import pytest

from assistant.brains.llm.llm_brain import LLMBrain
from assistant.knowledge import Hit
from assistant.knowledge.search.rewrite import search_rewritten
from assistant.model import Lang
from assistant.settings import Settings
from tests.llm.stub_server import Reply, StubServer

pytestmark = pytest.mark.server

QUESTION = "How do I get customers to fill in my survey?"
REWRITE = "miten saan asiakkaat vastaamaan palautekyselyyn"


def hit(text: str, score: float, position: int) -> Hit:
    return Hit(text=text, source="003.txt", title="T", score=score, position=position)


class RecordingKB:
    """Finds the survey passage only for a Finnish query: what a rewrite is for."""

    def __init__(self) -> None:
        self.queries: list[str] = []

    def search(self, query: str, *, k: int = 5, lang: str | None = None) -> list[Hit]:
        self.queries.append(query)
        other = hit("Kassan lomakekentät kannattaa karsia.", 0.4, 1)
        if "palautekysely" in query:
            return [hit("Arvontapalkinnoilla kyselyyn vastataan.", 0.9, 7), other][:k]
        return [other][:k]

    def card(self, card_id: str, *, lang: str) -> Hit | None:
        return None


def brain(settings: Settings) -> LLMBrain:
    return LLMBrain(settings=settings, retry_wait=0.01)


def test_the_rewrite_is_asked_for_and_searched(stub: StubServer, stub_settings: Settings) -> None:
    stub.enqueue(Reply.text(f"{REWRITE}\nThis query keeps the question's meaning."))
    kb = RecordingKB()
    llm = brain(stub_settings)
    hits = search_rewritten(
        kb,
        question=QUESTION,
        rewrite=lambda q: llm.rewrite_query(question=q, lang=Lang.EN),
        k=2,
    )
    assert kb.queries == [QUESTION, REWRITE], "only the first line of the reply is searched"
    assert [h.position for h in hits] == [7, 1], "merged by score, each passage once"
    [sent] = stub.requests
    prompt = sent["messages"][1]["content"]
    assert f"<user_message>\n{QUESTION}\n</user_message>" in prompt
    assert "search query in Finnish" in prompt


def test_a_failed_rewrite_leaves_the_plain_search(
    stub: StubServer, stub_settings: Settings
) -> None:
    stub.enqueue(*[Reply.fail(500)] * 3)
    kb = RecordingKB()
    llm = brain(stub_settings)
    hits = search_rewritten(
        kb, question=QUESTION, rewrite=lambda q: llm.rewrite_query(question=q, lang=Lang.EN)
    )
    assert kb.queries == [QUESTION]
    assert [h.position for h in hits] == [1]


def test_no_model_means_one_plain_search() -> None:
    kb = RecordingKB()
    assert [h.position for h in search_rewritten(kb, question=QUESTION, rewrite=None)] == [1]
    assert kb.queries == [QUESTION]
