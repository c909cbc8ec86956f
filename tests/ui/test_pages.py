"""My interviews, the private link, the mentor view and settings, through AppTest."""

from __future__ import annotations

from typing import Any

from tests.ui.conftest import chat, texts


def _button(app: Any, label: str) -> Any:
    return next(b for b in app.button if b.label == label)


def test_resume_through_the_private_link(app: Any, core_deps: Any) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.ui.conftest import APP, TIMEOUT

    app.run()
    chat(app, "Myymme villasukkia verkkokaupassa kuluttajille.")
    interview_id = app.session_state["interview_id"]
    again = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    again.query_params["i"] = interview_id
    again.run()
    assert not again.exception
    assert again.session_state["interview_id"] == interview_id
    page = texts(again)
    assert "Myymme villasukkia verkkokaupassa kuluttajille\\." in page
    assert "Tervetuloa takaisin" in page


def test_an_unknown_link_says_so_and_starts_fresh(app: Any) -> None:
    app.query_params["i"] = "no-such-interview"
    app.run()
    assert any("Haastattelua ei löytynyt" in e.value for e in app.error)
    assert app.session_state["interview_id"] not in (None, "no-such-interview")


def test_my_interviews_lists_opens_and_deletes_with_confirmation(app: Any, core_deps: Any) -> None:
    app.run()
    chat(app, "Myymme kahvia kuluttajille.")
    first = app.session_state["interview_id"]
    app.switch_page("views/interviews.py").run()
    assert not app.exception
    assert any(f"?i={first}" in c.value for c in app.code)
    _button(app, "Aloita uusi haastattelu").click().run()
    assert not app.exception
    second = app.session_state["interview_id"]
    assert second != first and "mikä sen nimi on" in texts(app)
    app.switch_page("views/interviews.py").run()
    assert len([b for b in app.button if b.label == "Jatka"]) == 2
    # Delete the first one: the first click only asks for confirmation.
    app.button(key=f"del_{first}").click().run()
    assert core_deps.store.get_interview(first) is not None
    assert "poistetaan pysyvästi" in texts(app)
    app.button(key=f"del_{first}").click().run()
    assert core_deps.store.get_interview(first) is None
    assert "Haastattelu poistettu" in texts(app)
    assert core_deps.store.get_interview(second) is not None
    app.button(key=f"open_{second}").click().run()
    assert not app.exception and app.session_state["interview_id"] == second


def test_deleting_the_open_interview_then_returning_starts_a_new_one(
    app: Any, core_deps: Any
) -> None:
    app.run()
    current = app.session_state["interview_id"]
    app.switch_page("views/interviews.py").run()
    app.button(key=f"del_{current}").click().run()
    app.button(key=f"del_{current}").click().run()
    assert core_deps.store.get_interview(current) is None
    app.switch_page("views/interview.py").run()
    assert not app.exception
    assert app.session_state["interview_id"] not in (None, current)


def test_mentor_reads_the_transcript_and_map_and_comments(app: Any, core_deps: Any) -> None:
    app.run()
    chat(app, "Myymme kahvia kuluttajille <b>Tampereella</b>.")
    interview_id = app.session_state["interview_id"]
    app.switch_page("views/mentor.py").run()
    app.text_input(key="mentor_pick").set_value(f"http://127.0.0.1:8501/?i={interview_id}").run()
    assert not app.exception
    page = texts(app)
    assert "\\<b\\>Tampereella\\</b\\>" in page  # the user's text, shown inert
    assert "# " in page  # the Markdown report of the map
    assert any("pk-canvas" in h.proto.body for h in app.get("html"))  # and its canvas
    labels = {b.proto.label for b in app.get("download_button")}
    assert {"Raportti kuvineen (HTML)", "Raportti tulostettavaksi (PDF)"} <= labels
    comment = next(a for a in app.text_area if a.label == "Kommentti")
    comment.set_value("")
    _button(app, "Tallenna kommentti").click().run()
    assert any("Kommentti on tyhjä" in e.value for e in app.error)
    next(a for a in app.text_area if a.label == "Kommentti").set_value(
        "Hyvä alku! <script>x</script>"
    )
    next(i for i in app.text_input if i.label == "Nimesi").set_value("Kummi Kaisa")
    _button(app, "Tallenna kommentti").click().run()
    assert not app.exception
    saved = core_deps.store.comments(interview_id)
    assert [(c.author, c.text) for c in saved] == [("Kummi Kaisa", "Hyvä alku! <script>x</script>")]
    assert "Hyvä alku\\! \\<script\\>x\\</script\\>" in texts(app)


def test_mentor_with_an_unknown_id(app: Any) -> None:
    app.run()
    app.switch_page("views/mentor.py").run()
    app.text_input(key="mentor_pick").set_value("nonexistent").run()
    assert any("Haastattelua ei löytynyt" in e.value for e in app.error)


def test_settings_without_an_llm(app: Any) -> None:
    app.run()
    app.switch_page("views/settings.py").run()
    assert not app.exception
    page = texts(app)
    assert "**Kielimalli käytössä:** `ei`" in page
    assert "**API-avain asetettu:** `ei`" in page
    assert any("Kaikki toimii silti" in i.value for i in app.info)
    _button(app, "Testaa yhteys").click().run()
    assert app.warning  # not configured: a clear message, no network
    app.radio(key="lang_settings").set_value("en").run()
    assert "Settings" in [t.value for t in app.title]
    assert app.sidebar.radio(key="lang_sidebar").value == "en"


def test_settings_never_show_the_key(app: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-value-123")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    app.run()
    app.switch_page("views/settings.py").run()
    page = texts(app)
    assert "sk-secret" not in page and "**API-avain asetettu:** `kyllä`" in page
    assert "http://127.0.0.1:9/v1" in page
