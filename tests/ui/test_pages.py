"""My interviews, private links, sharing with a mentor, the mentor view and settings,
through AppTest. Two AppTest instances on one database play two different browsers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.ui.conftest import APP, TIMEOUT, chat, owned, texts

pytestmark = pytest.mark.slow  # drives the Streamlit pages with AppTest

PAYLOAD = "<script>alert(1)</script> ![x](http://e.com/a.png) [klik](http://e.com)"


def _button(app: Any, label: str) -> Any:
    return next(b for b in app.button if b.label == label)


def _browser() -> Any:
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(str(APP), default_timeout=TIMEOUT)


def _param(app: Any, name: str) -> str:
    value = app.query_params[name]
    return value[0] if isinstance(value, list) else value


def _all_pages_text(app: Any) -> str:
    seen = []
    for page in ("views/interview.py", "views/journey_map.py", "views/interviews.py"):
        app.switch_page(page).run()
        assert not app.exception, app.exception
        seen.append(texts(app) + "\n".join(str(c.value) for c in app.code))
        seen.append(" ".join(b.label for b in app.button))
    app.switch_page("views/mentor.py").run()
    seen.append(texts(app))
    return "\n".join(seen)


def test_resume_through_the_private_link(app: Any) -> None:
    app.run()
    chat(app, "Myymme villasukkia verkkokaupassa kuluttajille.")
    interview_id, token = app.session_state["interview_id"], _param(app, "k")
    again = _browser()
    again.query_params["k"] = token
    again.run()
    assert not again.exception
    assert again.session_state["interview_id"] == interview_id
    page = texts(again)
    assert "Myymme villasukkia verkkokaupassa kuluttajille\\." in page
    assert "Tervetuloa takaisin" in page


def test_a_second_browser_without_the_link_sees_nothing(app: Any, core_deps: Any) -> None:
    app.run()
    chat(app, "Salainen kahvila Kanelitupa myy kahvia kuluttajille.")
    interview_id = app.session_state["interview_id"]
    other = _browser()
    other.run()
    page = _all_pages_text(other)
    assert "Kanelitupa" not in page and interview_id not in page
    assert not any(b.key and interview_id in str(b.key) for b in other.button)
    # The id alone, as ?i= or as ?k=, opens nothing.
    by_id = _browser()
    by_id.query_params["i"] = interview_id
    by_id.run()
    assert by_id.session_state["interview_id"] is None
    assert any("Pelkkä haastattelun tunniste" in e.value for e in by_id.error)
    assert "Kanelitupa" not in texts(by_id)
    as_key = _browser()
    as_key.query_params["k"] = interview_id
    as_key.run()
    assert as_key.session_state["interview_id"] is None
    assert any("Haastattelua ei löytynyt" in e.value for e in as_key.error)
    # Pasted into "open by link": nothing either.
    as_key.switch_page("views/interviews.py").run()
    as_key.text_input(key="open_link").set_value(f"http://x/?i={interview_id}")
    _button(as_key, "Avaa").click().run()
    assert as_key.session_state["interview_id"] is None
    assert core_deps.store.get_interview(interview_id) is not None


def test_visits_create_no_interview(app: Any, core_deps: Any) -> None:
    app.run()
    app.switch_page("views/journey_map.py").run()
    assert not app.exception and "Haastattelua ei ole vielä aloitettu" in texts(app)
    app.switch_page("views/interviews.py").run()
    _button(app, "Aloita uusi haastattelu").click().run()
    assert core_deps.store.list_interviews() == []


def test_my_interviews_lists_only_this_browsers_and_deletes_with_confirmation(
    app: Any, core_deps: Any
) -> None:
    app.run()
    chat(app, "Myymme kahvia kuluttajille.")
    first = app.session_state["interview_id"]
    first_link = _param(app, "k")
    someone = _browser()
    someone.run()
    chat(someone, "Myymme kirjanpitopalveluja yrityksille.")
    theirs = someone.session_state["interview_id"]

    app.switch_page("views/interviews.py").run()
    assert not app.exception
    assert any(f"?k={first_link}" in c.value for c in app.code)
    _button(app, "Aloita uusi haastattelu").click().run()
    assert app.session_state["interview_id"] is None and "mikä sen nimi on" in texts(app)
    app.switch_page("views/interview.py").run()
    chat(app, "Myymme leivonnaisia kahviloille.")
    second = app.session_state["interview_id"]
    assert second != first and "mikä sen nimi on" in texts(app)
    app.switch_page("views/interviews.py").run()
    keys = {b.key for b in app.button}
    assert {f"open_{first}", f"open_{second}"} <= keys and f"open_{theirs}" not in keys
    # Delete the first one: the first click only asks for confirmation.
    app.button(key=f"del_{first}").click().run()
    assert core_deps.store.get_interview(first) is not None
    assert "poistetaan pysyvästi" in texts(app)
    app.button(key=f"del_{first}").click().run()
    assert core_deps.store.get_interview(first) is None
    assert "Haastattelu poistettu" in texts(app)
    assert core_deps.store.interview_for_owner(first_link) is None
    assert core_deps.store.get_interview(second) is not None
    assert core_deps.store.get_interview(theirs) is not None
    app.button(key=f"open_{second}").click().run()
    assert not app.exception and app.session_state["interview_id"] == second


def test_open_by_link_adds_it_to_this_browser(app: Any) -> None:
    app.run()
    chat(app, "Myymme kahvia kuluttajille.")
    interview_id, token = app.session_state["interview_id"], _param(app, "k")
    laptop = _browser()
    laptop.run()
    laptop.switch_page("views/interviews.py").run()
    laptop.text_input(key="open_link").set_value(f"https://polkuopas.example/?k={token}")
    _button(laptop, "Avaa").click().run()
    assert not laptop.exception
    assert laptop.session_state["interview_id"] == interview_id


def _share(app: Any, label: str = "Kummi Kaisa", days: int = 0) -> str:
    app.switch_page("views/interviews.py").run()
    app.text_input(key="share_label").set_value(label)
    app.selectbox(key="share_days").set_value(days)
    _button(app, "Tee jakolinkki").click().run()
    assert not app.exception
    link = next(c.value for c in app.code if "mentor?s=" in c.value)
    return link.split("s=", 1)[1]


def _mentor(token: str) -> Any:
    mentor = _browser()
    mentor.query_params["s"] = token
    mentor.run()
    mentor.switch_page("views/mentor.py").run()
    assert not mentor.exception, mentor.exception
    return mentor


def test_share_mentor_comments_and_the_owner_sees_them(app: Any, core_deps: Any) -> None:
    app.run()
    chat(app, "Myymme kahvia kuluttajille " + PAYLOAD)
    interview_id = app.session_state["interview_id"]
    token = _share(app)
    assert core_deps.store.shares(interview_id)[0].label == "Kummi Kaisa"
    mentor = _mentor(token)
    page = texts(mentor)
    assert "\\<script\\>alert\\(1\\)\\</script\\>" in page, "the payload is shown as text"
    assert "\\!\\[x\\]" in page and "<script>" not in page
    assert "offline" in page  # which brain answered
    assert "Kartalle: Yritys › Mitä myydään" in page  # what the first answer changed
    mentor.selectbox(key="provenance_cell").select_index(1).run()
    assert "viesteistä #" in texts(mentor)
    # A comment on a turn, with a payload of its own.
    mentor.radio(key="comment_kind").set_value("turn").run()
    next(a for a in mentor.text_area if a.label == "Kommentti").set_value("Hyvä! " + PAYLOAD)
    _button(mentor, "Tallenna kommentti").click().run()
    assert not mentor.exception
    saved = core_deps.store.comments(interview_id)
    assert len(saved) == 1 and saved[0].kind == "turn" and saved[0].target.startswith("turn:")
    assert saved[0].author == "Kummi Kaisa" and saved[0].read_at is None
    # ... and on a suggestion? There is none yet: the list says so.
    mentor.radio(key="comment_kind").set_value("suggestion").run()
    assert "ei ole vielä mitään kommentoitavaa" in texts(mentor)

    app.switch_page("views/interview.py").run()
    assert any("1 uutta" in e.label for e in app.expander)
    page = texts(app)
    assert "Hyvä\\! \\<script\\>" in page and "Uusi" in page and "Koskee: Viesti \\#" in page
    _button(app, "Merkitse luetuiksi").click().run()
    assert core_deps.store.unread_comments(interview_id) == 0
    app.switch_page("views/journey_map.py").run()
    assert any(e.label == "Kummin kommentit" for e in app.expander)


def test_a_share_link_reads_only_its_own_interview(app: Any, core_deps: Any) -> None:
    other, _ = owned(core_deps)
    other.step("Salainen naapuri myy polkupyöriä.")
    app.run()
    chat(app, "Myymme kahvia kuluttajille.")
    mentor = _mentor(_share(app))
    assert "polkupyöri" not in texts(mentor)
    # Nothing of the owner's pages opens with a share link.
    mentor.switch_page("views/interviews.py").run()
    assert mentor.session_state["interview_id"] is None
    assert not [b for b in mentor.button if str(b.key).startswith("open_")]


def test_revoked_and_expired_links_are_refused(app: Any, core_deps: Any) -> None:
    app.run()
    chat(app, "Myymme kahvia kuluttajille.")
    interview_id = app.session_state["interview_id"]
    token = _share(app)
    mentor = _mentor(token)
    assert "Myymme kahvia" in texts(mentor)
    share = core_deps.store.shares(interview_id)[0]
    app.button(key=f"revoke_{share.id}").click().run()
    assert "peruttu" in texts(app)
    mentor.run()  # the next click of a mentor who has the page open
    assert any("Linkki ei kelpaa" in e.value for e in mentor.error)
    assert "Myymme kahvia" not in texts(mentor)
    assert _mentor(token).error, "a fresh visit is refused too"

    past = datetime.now(UTC) - timedelta(minutes=1)
    _, expired = core_deps.store.create_share(interview_id, expires_at=past)
    late = _mentor(expired)
    assert any("Linkki ei kelpaa" in e.value for e in late.error)
    assert "Myymme kahvia" not in texts(late)


def test_a_comment_after_revocation_is_not_saved(app: Any, core_deps: Any) -> None:
    app.run()
    chat(app, "Myymme kahvia kuluttajille.")
    interview_id = app.session_state["interview_id"]
    mentor = _mentor(_share(app))
    next(a for a in mentor.text_area if a.label == "Kommentti").set_value("Myöhässä")
    core_deps.store.revoke_share(interview_id, core_deps.store.shares(interview_id)[0].id)
    _button(mentor, "Tallenna kommentti").click().run()
    assert core_deps.store.comments(interview_id) == []


@pytest.fixture
def admin_password(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("POLKUOPAS_ADMIN_PASSWORD", "kummit-2026")
    return "kummit-2026"


def _sign_in(app: Any, password: str) -> None:
    box = next(i for i in app.text_input if i.label == "Ylläpitäjän salasana")
    box.set_value(password)
    _button(app, "Kirjaudu").click().run()


def test_dashboard_needs_the_password(app: Any, core_deps: Any, admin_password: str) -> None:
    app.run()
    chat(app, "Kahvila Kanelitupa myy kahvia kuluttajille.")
    _share(app)
    private, _ = owned(core_deps)
    private.step("Salainen Pyöräpaja myy polkupyöriä.")
    desk = _browser()
    desk.run()
    desk.switch_page("views/mentor.py").run()
    assert "kahvia" not in texts(desk)
    _sign_in(desk, "väärin")
    assert any("Väärä salasana" in e.value for e in desk.error)
    assert "kahvia" not in texts(desk)
    _sign_in(desk, admin_password)
    page = texts(desk)
    assert "**Kahvila Kanelitupa**" in page and "1 voimassa olevaa jakoa" in page
    assert "Pyöräpaja" not in page, "only interviews shared with mentors"


def test_settings_hide_the_llm_from_visitors(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://admin:hunter2@127.0.0.1:9/v1?key=abc")
    app.run()
    app.switch_page("views/settings.py").run()
    assert not app.exception
    page = texts(app)
    assert "127.0.0.1" not in page and "Testaa yhteys" not in [b.label for b in app.button]
    assert "ei ole asetettu" in page


def test_settings_for_the_operator(
    app: Any, monkeypatch: pytest.MonkeyPatch, admin_password: str
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-value-123")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://admin:hunter2@127.0.0.1:9/v1?key=abc")
    app.run()
    app.switch_page("views/settings.py").run()
    assert "127.0.0.1" not in texts(app)
    _sign_in(app, admin_password)
    page = texts(app)
    assert "sk-secret" not in page and "**API-avain asetettu:** `kyllä`" in page
    assert "`http://127.0.0.1:9/v1`" in page
    assert "hunter2" not in page and "admin:" not in page and "key=abc" not in page
    _button(app, "Testaa yhteys").click().run()  # nothing listens on port 9
    assert app.warning and "hunter2" not in texts(app)
    app.radio(key="lang_settings").set_value("en").run()
    assert "Settings" in [t.value for t in app.title]
    assert app.sidebar.radio(key="lang_sidebar").value == "en"


def test_password_attempts_are_limited(app: Any, admin_password: str) -> None:
    app.run()
    app.switch_page("views/settings.py").run()
    for _ in range(5):
        _sign_in(app, "arvaus")
    _sign_in(app, admin_password)
    assert any("Liian monta yritystä" in e.value for e in app.error)
    assert "Testaa yhteys" not in [b.label for b in app.button]


def test_settings_without_an_llm(app: Any, admin_password: str) -> None:
    app.run()
    app.switch_page("views/settings.py").run()
    _sign_in(app, admin_password)
    page = texts(app)
    assert "**Kielimalli käytössä:** `ei`" in page
    assert any("Kaikki toimii silti" in i.value for i in app.info)
    _button(app, "Testaa yhteys").click().run()
    assert app.warning  # not configured: a clear message, no network


def test_tokens_are_never_logged(app: Any, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    app.run()
    chat(app, "Myymme kahvia kuluttajille.")
    owner_key = _param(app, "k")
    token = _share(app)
    _mentor(token)
    logged = caplog.text
    assert owner_key not in logged and token not in logged
