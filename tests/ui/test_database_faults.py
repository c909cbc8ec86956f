"""The app when its database breaks: a damaged SQLite file is said plainly on the page, the
message sent meanwhile is kept in the browser session and saved once the file is repaired."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from assistant.store import Store
from assistant.turns import Role
from tests.ui.conftest import chat, texts

pytestmark = pytest.mark.slow  # drives the Streamlit pages with AppTest


def test_a_damaged_database_keeps_the_message_until_it_is_repaired(app: Any, ui_env: Path) -> None:
    app.run()
    chat(app, "Myymme kahvia ja pullaa kuluttajille Tampereen keskustassa.")
    interview_id = app.session_state["interview_id"]
    good = ui_env.read_bytes()
    ui_env.write_bytes(os.urandom(len(good)))

    chat(app, "Kiireiset opiskelijat")
    assert "vioittunut" in texts(app)
    assert "Traceback" not in texts(app)

    ui_env.write_bytes(good)
    app.run()  # the page again (e.g. the user reloads it)
    chat(app, "Haluavat nopean kahvin")
    with Store(f"sqlite:///{ui_env}") as store:
        users = [t.text for t in store.transcript(interview_id) if t.role is Role.USER]
    assert users[0].startswith("Myymme kahvia")
    assert users[1:] == ["Kiireiset opiskelijat", "Haluavat nopean kahvin"]
