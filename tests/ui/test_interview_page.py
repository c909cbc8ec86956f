"""The Interview page through AppTest: opening, a whole offline interview, bad input, buttons."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import pytest

from assistant.export import ExportFormat
from assistant.turns import Role
from tests.ui.conftest import chat, texts

pytestmark = pytest.mark.slow  # drives the Streamlit pages with AppTest


def test_opening_question_is_shown_and_the_link_is_set(app: Any, core_deps: Any) -> None:
    app.run()
    assert not app.exception
    first = app.chat_message[0]
    assert first.name == "assistant"
    assert "mikä sen nimi on" in first.markdown[0].value
    assert "Kartta on 0 % valmis" in app.get("progress")[0].proto.text
    # No tip before the user has said anything: nothing yet tells which card fits.
    assert not any("Heinonen" in e.label or "Harju" in e.label for e in app.expander)
    # A visit creates nothing: no interview, no link, until the first message.
    assert app.session_state["interview_id"] is None and "k" not in app.query_params
    assert core_deps.store.list_interviews() == []
    chat(app, "Myymme kahvia kuluttajille.")
    interview_id = app.session_state["interview_id"]
    token = app.query_params["k"]
    token = token[0] if isinstance(token, list) else token
    assert core_deps.store.interview_for_owner(token).id == interview_id
    assert interview_id not in token
    roles = [t.role.value for t in core_deps.store.transcript(interview_id)]
    assert roles[:3] == ["assistant", "user", "assistant"], "the opening is saved first"


def test_whole_interview_offline_in_finnish_to_done(
    app: Any, core_deps: Any, scripts: dict[str, Any], reply: Callable[..., str]
) -> None:
    from assistant.export.render import export_bytes

    script = scripts["dev-fi-kahvila"]
    app.run()
    messages = 0
    while not app.session_state["last_turn"]["done"] and messages < 25:
        chat(app, reply(script, app.session_state["last_turn"]))
        messages += 1
    assert app.session_state["last_turn"]["done"], texts(app)
    assert messages <= 20
    assert "Haastattelu on valmis" in texts(app)
    assert app.get("progress")[0].proto.text == "Kartta on 100 % valmis"
    page = texts(app)
    for stage in ("Löytäminen", "Arviointi", "Hankinta", "Seikkailu", "Sitoutuminen"):
        assert f"**{stage}**" in page
    assert "Instagram" in page and ":material/warning:" in page

    interview_id = app.session_state["interview_id"]
    journey = core_deps.store.latest_map(interview_id)
    assert journey is not None and len(journey.stages) == 5 and journey.suggestions
    users = [t.text for t in core_deps.store.transcript(interview_id) if t.role is Role.USER]
    assert len(users) == messages

    # The Map page draws the canvas and offers every download; the files parse.
    app.switch_page("views/journey_map.py").run()
    assert not app.exception
    labels = [b.proto.label for b in app.get("download_button")]
    assert len(labels) == len(ExportFormat) and "Raportti (Markdown)" in labels
    assert app.checkbox(key="excel_fi").value is True  # a Finnish map: Finnish Excel by default
    assert any("pk-canvas" in h.proto.body for h in app.get("html"))
    from assistant.export.jsonfile import from_json

    assert from_json(export_bytes(journey, "json")) == journey
    raw = export_bytes(journey, "csv", excel_fi=True)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1 + sum(len(s.touchpoints) for s in journey.stages)
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(export_bytes(journey, "xlsx")))
    assert book.sheetnames
    assert json.loads(export_bytes(journey, "json"))["schema_version"] == "1.0"


def test_bad_input_gets_a_clear_message_and_is_kept(app: Any, core_deps: Any) -> None:
    app.run()
    chat(app, "")
    assert "Viestisi jäi tyhjäksi" in app.chat_message[-1].markdown[0].value
    chat(app, "x" * 5000)
    last = app.chat_message[-1]
    assert any("yli 4000 merkkiä" in w.value for w in last.get("alert")) or "4000" in texts(app)
    chat(app, "<script>alert(1)</script> ![kuva](http://example.com/x.png) $x^2$")
    shown = app.chat_message[-2]
    assert shown.name == "user"
    value = shown.markdown[0].value
    assert "\\<script\\>" in value and "\\!\\[kuva\\]" in value and "\\$x^2\\$" in value
    # The page's own HTML (pane styles, the scroll script) never carries user text.
    assert not any("alert(1)" in h.proto.body for h in app.get("html"))
    users = [
        t.text
        for t in core_deps.store.transcript(app.session_state["interview_id"])
        if t.role is Role.USER
    ]
    assert users[0] == "" and users[1] == "x" * 4000
    assert users[2].startswith("<script>alert(1)</script>")


def test_undo_and_finish_buttons(app: Any, core_deps: Any) -> None:
    app.run()
    chat(app, "Myymme kahvia ja pullaa kuluttajille Tampereen keskustassa.")
    interview_id = app.session_state["interview_id"]
    assert "kahvi" in core_deps.store.latest_map(interview_id).business.offering
    undo = next(b for b in app.button if b.label == "Kumoa viimeisin muutos")
    undo.click().run()
    assert core_deps.store.latest_map(interview_id).business.offering == ""
    assert "Kumosin viimeisimmän muutoksen" in texts(app)
    next(b for b in app.button if b.label == "Kumoa viimeisin muutos").click().run()
    assert "Kumottavaa ei ole" in texts(app)
    finish = next(b for b in app.button if b.label == "Valmis")
    finish.click().run()
    assert not app.exception
    users = [t.text for t in core_deps.store.transcript(interview_id) if t.role is Role.USER]
    assert users[-1] == "Valmis"  # the button, recorded; not the word through the parser
    assert core_deps.store.load_state(interview_id)["finishing"]


def test_language_switch_changes_the_texts(app: Any) -> None:
    app.run()
    assert "#### Asiakaspolkusi" in texts(app)
    assert "Polkuopas auttaa sinua" in app.sidebar.caption[0].value
    app.sidebar.radio(key="lang_sidebar").set_value("en").run()
    assert not app.exception
    page = texts(app)
    assert "#### Your customer journey" in page and "Asiakaspolkusi" not in page
    assert "Polkuopas helps you" in app.sidebar.caption[0].value
    assert app.chat_input[0].placeholder == "Type your answer or ask something…"
    assert {"Undo the last change", "Finish"} <= {b.label for b in app.button}
    app.sidebar.radio(key="lang_sidebar").set_value("fi").run()
    assert "#### Asiakaspolkusi" in texts(app)


def test_an_example_question_from_the_tips_card_is_asked_with_one_click(
    app: Any, core_deps: Any
) -> None:
    from assistant.knowledge import example_questions

    app.run()
    chat(app, "Myymme kahvia ja pullaa kuluttajille.")
    card = app.session_state["last_turn"]["citations"][0]["card"]
    questions = sorted(example_questions(card, lang="fi"), key=len)
    assert questions, f"card {card} has no questions"
    assert "Voit myös kysyä esimerkiksi:" in texts(app)
    button = next(b for b in app.button if b.key == "ask-0")
    before = len(app.chat_message)
    button.click().run()
    assert not app.exception
    users = [m for m in app.chat_message if m.name == "user"]
    assert users[-1].markdown[0].value.replace("\\", "") == questions[0]
    assert len(app.chat_message) > before
    answer = app.session_state["last_turn"]
    assert any(c["card"] == card for c in answer["citations"]), "answered from the same card"
    assert app.session_state["ask"] is None, "asked once, not again on the next run"
