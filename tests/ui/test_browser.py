"""The real server in a real browser: Debian's chromium driven by Playwright (never downloaded).

Starts `streamlit run ui/app.py` on 127.0.0.1 (once for this module), measures the time to
the first question, chats a short interview, downloads the CSV, checks that the newest
reply stays in view and how large the map canvas is drawn, and saves screenshots (laptop
and phone width) into tests/artifacts/.
"""

from __future__ import annotations

import csv
import io
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.servers import free_port, running
from tests.ui.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FIRST_QUESTION = "mikä sen nimi on"
ADMIN_PASSWORD = "selain-testi-salasana"

pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.slow]


@pytest.fixture(scope="module")
def server_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The server's own folder: its database (browser.db) and its log."""
    return tmp_path_factory.mktemp("browser")


@pytest.fixture(scope="module")
def server(kb_dir: Path, server_dir: Path) -> Iterator[str]:
    tmp_path = server_dir
    port = free_port()
    env = {
        **os.environ,
        "POLKUOPAS_DATA_DIR": str(kb_dir),
        "POLKUOPAS_DATABASE_URL": f"sqlite:///{tmp_path / 'browser.db'}",
        "POLKUOPAS_ADMIN_PASSWORD": ADMIN_PASSWORD,
    }
    cmd = [
        str(Path(sys.executable).parent / "streamlit"),
        "run",
        str(ROOT / "ui" / "app.py"),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
    ]
    url = f"http://127.0.0.1:{port}"
    with running(
        cmd,
        health=f"{url}/_stcore/health",
        name="streamlit",
        log=tmp_path / "server.log",
        env=env,
        cwd=ROOT,
    ):
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (./run test installs it with apt as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _messages(page: Any) -> Any:
    return page.get_by_test_id("stChatMessage")


def _say(page: Any, text: str) -> None:
    before = _messages(page).count()
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(text)
    box.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('[data-testid=stChatMessage]').length >= n",
        arg=before + 2,
        timeout=60_000,
    )
    _idle(page)


def _idle(page: Any) -> None:
    """Wait until the script run (and the rerun after a reply) has finished."""
    page.wait_for_timeout(400)
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-test-script-state]');
            return app && app.getAttribute('data-test-script-state') !== 'running'
                && !document.querySelector('[data-testid=stSpinner]');
        }""",
        timeout=60_000,
    )
    page.wait_for_timeout(300)


def _first_question_seconds(browser: Any, url: str) -> float:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    start = time.monotonic()
    page.goto(url)
    page.get_by_text(FIRST_QUESTION).first.wait_for(timeout=90_000)
    seconds = time.monotonic() - start
    context.close()
    return seconds


def test_short_interview_in_a_real_browser(server: str, browser: Any) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    cold = _first_question_seconds(browser, server)  # loads the card index into the server
    warm = _first_question_seconds(browser, server)
    (ARTIFACTS / "startup.txt").write_text(
        f"first question, first visit after server start: {cold:.2f} s\n"
        f"first question, a new visitor on a running server: {warm:.2f} s\n"
    )
    # The 3 s start-up target is measured, not asserted: a loaded CI machine is no
    # benchmark. The timings land in tests/artifacts/startup.txt and the test output;
    # this bound only catches a page that never really starts.
    print(f"first question: {cold:.2f} s cold, {warm:.2f} s warm")
    assert warm < 30.0, f"first question took {warm:.2f} s"

    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(server)
    page.get_by_text(FIRST_QUESTION).first.wait_for(timeout=30_000)
    _idle(page)
    _say(
        page,
        "Pyöritämme Kahvila Kanelia Tampereella ja myymme kahvia ja leivonnaisia kuluttajille.",
    )
    _say(
        page,
        "Ihanneasiakas on etätöitä tekevä kaupunkilainen, joka haluaa rauhallisen paikan ja hyvää kahvia. Meteli turhauttaa.",
    )
    _say(page, "Kyllä, viisivaiheinen malli sopii.")
    _say(page, "Instagramista ja Googlen karttahausta.")
    page.screenshot(path=str(ARTIFACTS / "interview-laptop.png"), full_page=True)
    _say(page, "valmis")
    _say(page, "valmis")
    assert page.get_by_text("Haastattelu on valmis").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "interview-done-laptop.png"), full_page=True)
    owner_key = page.evaluate("() => new URLSearchParams(location.search).get('k')")
    assert owner_key

    page.goto(f"{server}/map?k={owner_key}")
    page.get_by_text("Lataa kartta").first.wait_for(timeout=30_000)
    _idle(page)
    page.wait_for_timeout(1500)  # the chart draws itself after the script
    page.screenshot(path=str(ARTIFACTS / "map-laptop.png"), full_page=True)
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name="CSV", exact=True).click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) >= 3 and any("Instagram" in cell for row in rows for cell in row)
    context.close()

    phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = phone.new_page()
    page.goto(f"{server}/?k={owner_key}")
    page.get_by_text("Tervetuloa takaisin").first.wait_for(timeout=30_000)
    _idle(page)
    page.evaluate("() => document.querySelectorAll('*').forEach(e => { e.scrollTop = 0; })")
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / "interview-phone-top.png"))
    page.evaluate(
        "() => document.querySelectorAll('*').forEach(e => { e.scrollTop = e.scrollHeight; })"
    )
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / "interview-phone.png"))
    page.goto(f"{server}/map?k={owner_key}")
    page.get_by_text("Lataa kartta").first.wait_for(timeout=30_000)
    _idle(page)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "map-phone.png"), full_page=True)
    phone.close()


LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
SAMPLE = ROOT / "tests" / "data" / "map_fi_b2c.json"
NEWEST = """() => {
    const all = [...document.querySelectorAll('[data-testid=stChatMessage]')];
    const reply = all[all.length - 1].getBoundingClientRect();
    const input = document.querySelector('[data-testid=stChatInput]').getBoundingClientRect();
    return {top: reply.top, bottom: reply.bottom, inputTop: input.top, height: innerHeight};
}"""
CANVAS = """() => {
    const img = document.querySelector('.pk-canvas img');
    const box = img.parentElement;
    const r = img.getBoundingClientRect();
    return {width: r.width, height: r.height, natural: img.naturalWidth,
            scrollWidth: box.scrollWidth, clientWidth: box.clientWidth};
}"""


def _send(page: Any, text: str) -> None:
    """Send `text` and wait for the reply after it (a resumed interview's unsaved welcome
    may leave the page, so the number of messages is no measure here)."""
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(text)
    box.press("Enter")
    page.wait_for_function(
        """text => {
            const all = [...document.querySelectorAll('[data-testid=stChatMessage]')];
            const mine = all.findIndex(m => m.innerText.includes(text));
            return mine >= 0 && mine < all.length - 1;
        }""",
        arg=text,
        timeout=60_000,
    )
    _idle(page)


def _reply_in_view(page: Any) -> dict[str, float]:
    """Where the newest reply is, after the page has settled; its first lines must show
    between the top of the window and the chat input."""
    page.wait_for_timeout(1600)  # the scroll script's last pass
    spot: dict[str, float] = page.evaluate(NEWEST)
    assert -2 <= spot["top"] < spot["inputTop"] - 40, spot  # -2: sub-pixel rounding
    return spot


def _upload_sample(browser: Any, server: str) -> str:
    """Start an interview from the 5-stage sample map (a long map panel); its owner key."""
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.goto(f"{server}/map")
    page.get_by_text("Jatka tallennetulla kartalla").first.wait_for(timeout=60_000)
    _idle(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(SAMPLE))
    _idle(page)
    page.get_by_role("button", name="Jatka tällä kartalla").click()
    _idle(page)
    page.wait_for_function("() => new URLSearchParams(location.search).get('k')")
    owner_key: str = page.evaluate("() => new URLSearchParams(location.search).get('k')")
    context.close()
    assert owner_key
    return owner_key


def test_newest_reply_in_view_and_the_canvas_size(server: str, browser: Any) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    interview_id = _upload_sample(browser, server)
    answers = [
        "Asiakas kysyy usein, ehtiikö paketti ennen joulua.",
        "Ei mitään lisättävää tähän.",
        "Moni jättää ostoskorin kesken, kun toimituskulut näkyvät vasta lopussa.",
    ]
    for name, viewport in (("laptop", LAPTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, device_scale_factor=1)
        page = context.new_page()
        page.goto(f"{server}/?k={interview_id}")
        _messages(page).first.wait_for(timeout=30_000)
        _idle(page)
        for answer in answers:
            _send(page, answer)
            _reply_in_view(page)
        page.screenshot(path=str(ARTIFACTS / f"chat-{name}.png"))

        page.goto(f"{server}/map?k={interview_id}")
        page.get_by_text("Lataa kartta").first.wait_for(timeout=30_000)
        _idle(page)
        page.wait_for_function("() => document.querySelector('.pk-canvas img')?.complete")
        size = page.evaluate(CANVAS)
        assert size["natural"] == 1000
        # Laptop: the whole width fits and the text is drawn at ≥ 0.88 of its size;
        # phone: the picture keeps that size and its box scrolls sideways.
        assert size["width"] >= 880 and size["height"] >= 880 * 0.9
        if name == "laptop":
            assert size["scrollWidth"] <= size["clientWidth"] + 1, size
        else:
            assert size["scrollWidth"] > size["clientWidth"] * 2, size
        page.screenshot(path=str(ARTIFACTS / f"canvas-{name}.png"))
        page.locator(".pk-canvas").screenshot(path=str(ARTIFACTS / f"canvas-only-{name}.png"))
        context.close()


PAYLOAD = '<img src="http://127.0.0.1:9/x.png"> ![kuva](http://127.0.0.1:9/y.png) [linkki](http://127.0.0.1:9/z) <script>window.pwned=1</script>'


def _no_live_payload(page: Any) -> None:
    """The payload shows as text: no image or link to it, no script ran."""
    found = page.evaluate(
        """() => ({
            imgs: document.querySelectorAll('img[src*="127.0.0.1:9"]').length,
            links: document.querySelectorAll('a[href*="127.0.0.1:9"]').length,
            pwned: window.pwned === 1,
            where: [...document.querySelectorAll('a[href*="127.0.0.1:9"]')].map(
                a => a.closest('[data-testid]').getAttribute('data-testid') + ': ' +
                     a.parentElement.innerHTML.slice(0, 300)),
        })"""
    )
    where = found.pop("where")
    assert found == {"imgs": 0, "links": 0, "pwned": False}, where


def _open(page: Any, url: str, marker: str) -> None:
    """Go to `url` and wait for `marker`; once more if the app was still busy with the
    previous page (a navigation during a script run can land on the default page)."""
    for attempt in range(2):
        page.goto(url)
        try:
            page.get_by_text(marker).first.wait_for(timeout=20_000)
        except Exception:
            if attempt:
                raise
            continue
        _idle(page)
        return


def _body(page: Any) -> str:
    return str(page.inner_text("body"))


def test_private_by_default_and_shared_on_purpose(
    server: str, server_dir: Path, browser: Any, tmp_path: Path
) -> None:
    owner = browser.new_context(viewport={"width": 1366, "height": 900})
    page = owner.new_page()
    page.goto(server)
    page.get_by_text(FIRST_QUESTION).first.wait_for(timeout=90_000)
    _idle(page)
    _say(page, "Kahvila Kanelitupa myy kahvia kuluttajille. " + PAYLOAD)
    page.get_by_text("<script>window.pwned=1</script>", exact=False).first.wait_for(timeout=30_000)
    page.wait_for_function("() => new URLSearchParams(location.search).get('k')")
    _no_live_payload(page)
    owner_key = page.evaluate("() => new URLSearchParams(location.search).get('k')")
    assert owner_key and len(owner_key) >= 43

    # The same browser remembers it (localStorage): My interviews without the link.
    page.wait_for_function(
        "k => (localStorage.getItem('polkuopas.owner-keys') || '').includes(k)",
        arg=owner_key,
        timeout=30_000,
    )
    _open(page, f"{server}/interviews", "Tämän selaimen haastattelut")
    try:
        page.get_by_text("Kanelitupa", exact=False).first.wait_for(timeout=30_000)
    except Exception:
        page.screenshot(path=str(ARTIFACTS / "interviews-failed.png"), full_page=True)
        raise

    # A second browser with no link sees nothing on any page, and an id opens nothing.
    stranger = browser.new_context(viewport={"width": 1366, "height": 900})
    other = stranger.new_page()
    for path in ("/", "/map", "/interviews", "/mentor", "/settings"):
        other.goto(server + path)
        other.wait_for_selector("[data-testid=stSidebar]", timeout=30_000)
        _idle(other)
        assert "Kanelitupa" not in _body(other), path
    interview_id = _interview_id(server_dir / "browser.db", owner_key)
    other.goto(f"{server}/?i={interview_id}")
    other.get_by_text("Pelkkä haastattelun tunniste").first.wait_for(timeout=30_000)
    assert "Kanelitupa" not in _body(other)
    other.goto(f"{server}/?k={interview_id}")
    other.get_by_text("Haastattelua ei löytynyt").first.wait_for(timeout=30_000)
    assert "Kanelitupa" not in _body(other)
    # ... nor does a wrong password open the operator's pages.
    _open(other, f"{server}/settings", "Asetukset")
    other.get_by_label("Ylläpitäjän salasana").fill("arvaus")
    other.get_by_role("button", name="Kirjaudu").click()
    other.get_by_text("Väärä salasana").first.wait_for(timeout=30_000)
    assert "Testaa yhteys" not in _body(other)

    # The owner shares with a mentor.
    page.goto(f"{server}/interviews?k={owner_key}")
    page.get_by_label("Kenelle (esim. kummin nimi)").fill("Kummi Kaisa")
    page.get_by_role("button", name="Tee jakolinkki").click()
    page.get_by_text("Jakolinkki tehty").first.wait_for(timeout=30_000)
    _idle(page)
    link = next(
        c for c in page.get_by_test_id("stCode").all_inner_texts() if "/mentor?s=" in c
    ).strip()

    mentor_ctx = browser.new_context(viewport={"width": 1366, "height": 900})
    mentor = mentor_ctx.new_page()
    mentor.goto(link)
    mentor.get_by_text("Kahvila Kanelitupa").first.wait_for(timeout=60_000)
    _idle(mentor)
    _no_live_payload(mentor)
    mentor.get_by_label("Kommentti").fill("Hyvä alku! " + PAYLOAD)
    mentor.get_by_role("button", name="Tallenna kommentti").click()
    mentor.get_by_text("Kommentti tallennettu").first.wait_for(timeout=30_000)
    _idle(mentor)
    _no_live_payload(mentor)
    mentor.screenshot(path=str(ARTIFACTS / "mentor-laptop.png"), full_page=True)

    page.goto(f"{server}/?k={owner_key}")
    page.get_by_text("Kummin kommentit (1 uutta)").first.wait_for(timeout=30_000)
    _idle(page)
    assert "Hyvä alku! <img" in _body(page)
    _no_live_payload(page)

    # Revoked: the mentor's next visit is refused.
    page.goto(f"{server}/interviews?k={owner_key}")
    _idle(page)  # a click during the page's first run can be lost to its rerun
    page.get_by_role("button", name="Peru", exact=True).first.click()
    page.get_by_text("peruttu").first.wait_for(timeout=30_000)
    mentor.goto(link)
    mentor.get_by_text("Linkki ei kelpaa").first.wait_for(timeout=30_000)
    assert "Kanelitupa" not in _body(mentor)
    for ctx in (owner, stranger, mentor_ctx):
        ctx.close()


def _interview_id(db: Path, owner_key: str) -> str:
    """The interview's id, read from the server's database (as if leaked or guessed)."""
    import sqlite3

    from assistant.access.link_tokens import digest

    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT interview_id FROM owner_keys WHERE key_hash = ?", (digest(owner_key),)
        ).fetchone()
    return str(row[0])
