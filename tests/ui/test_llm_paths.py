"""The app with an LLM configured: a local OpenAI-compatible stub on 127.0.0.1 plays the model."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.llm.stub_server import Reply, StubServer
from tests.ui.conftest import chat, texts

pytestmark = pytest.mark.slow  # drives the Streamlit pages with AppTest and a stub server


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[StubServer]:
    with StubServer() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "dummy-key")
        monkeypatch.setenv("POLKUOPAS_LLM_RETRIES", "0")
        monkeypatch.setenv("POLKUOPAS_LLM_TIMEOUT", "3")
        yield server


def test_a_failing_llm_falls_back_with_a_visible_notice(app: Any, stub: StubServer) -> None:
    stub.default = Reply.fail(500)
    app.run()
    assert not app.exception
    chat(app, "Myymme kahvia ja pullaa kuluttajille.")
    assert stub.requests, "the app did not try the configured model"
    notices = [w.value for w in app.warning]
    assert any("Kielimalli ei vastannut" in n for n in notices), texts(app)
    assert app.chat_message[-1].name == "assistant" and "Kirjasin" in texts(app)
    assert app.session_state["last_turn"]["brain"] == "offline"


def test_settings_test_connection_against_the_stub(
    app: Any, stub: StubServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLKUOPAS_ADMIN_PASSWORD", "operaattori")
    stub.default = Reply.text("ok")
    app.run()
    app.switch_page("views/settings.py").run()
    next(i for i in app.text_input if i.label == "Ylläpitäjän salasana").set_value("operaattori")
    next(b for b in app.button if b.label == "Kirjaudu").click().run()
    assert "**Kielimalli käytössä:** `kyllä`" in texts(app)
    next(b for b in app.button if b.label == "Testaa yhteys").click().run()
    assert app.success, texts(app)
    assert "dummy-key" not in texts(app)


def test_a_working_llm_streams_its_question_and_fills_the_map(app: Any, stub: StubServer) -> None:
    """The model understands the answer (JSON mode) and streams its next question; the
    offline brain is not used and no notice is shown."""
    stub.default = Reply.text("Kerro lisää asiakkaistanne.")
    app.run()
    opened = len(stub.requests)
    stub.enqueue(
        Reply.json({"business": {"offering": "kahvia ja pullaa", "business_type": "b2c"}}),
        Reply.text("", chunks=("Kiitos! ", "Keitä ", "asiakkaanne ", "useimmiten ", "ovat?")),
    )
    chat(app, "Myymme kahvia ja pullaa kuluttajille.")
    sent = stub.requests[opened:]
    assert len(sent) >= 2, "understand and ask both go to the model"
    assert not sent[0].get("stream") and sent[1].get("stream"), "JSON first, then a stream"
    assert not [w.value for w in app.warning], texts(app)
    assert app.session_state["last_turn"]["brain"] == "llm"
    last = app.chat_message[-1]
    assert last.name == "assistant"
    assert "Keitä asiakkaanne useimmiten ovat?" in texts(app)
    from assistant.interview import build_deps, open_session

    saved = open_session(
        deps=build_deps(offline=True), interview_id=app.session_state["interview_id"]
    )
    assert saved.journey.business.offering == "kahvia ja pullaa", "the model's patch was saved"
