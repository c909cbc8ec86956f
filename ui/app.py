"""Polkuopas in the browser. Start with `./run app` (streamlit run ui/app.py)."""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run ui/app.py` puts ui/ on sys.path, not the project root that holds `ui`.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import streamlit as st  # noqa: E402

from assistant.store.errors import Problem, StoreUnavailable  # noqa: E402
from ui.core import logging_ready  # noqa: E402
from ui.current import adopt_link  # noqa: E402
from ui.i18n import t  # noqa: E402
from ui.keyring import sync_keys  # noqa: E402
from ui.sidebar import language_switch  # noqa: E402
from ui.state import init_state  # noqa: E402

st.set_page_config(page_title="Polkuopas", page_icon=":material/explore:", layout="wide")
logging_ready()
init_state()
adopt_link()

pages = [
    st.Page(
        "views/interview.py",
        title=t("nav.interview"),
        icon=":material/forum:",
        url_path="interview",
        default=True,
    ),
    st.Page("views/journey_map.py", title=t("nav.map"), icon=":material/map:", url_path="map"),
    st.Page(
        "views/interviews.py",
        title=t("nav.interviews"),
        icon=":material/folder_open:",
        url_path="interviews",
    ),
    st.Page("views/mentor.py", title=t("nav.mentor"), icon=":material/school:", url_path="mentor"),
    st.Page(
        "views/settings.py",
        title=t("nav.settings"),
        icon=":material/settings:",
        url_path="settings",
    ),
]
page = st.navigation(pages)
sync_keys(report=page.url_path == "interviews")
with st.sidebar:
    language_switch("sidebar")
    st.caption(t("sidebar.about"))
try:
    page.run()
except StoreUnavailable as exc:  # said plainly; the session keeps the message in flight
    said = {
        Problem.READ_ONLY: t("db.readonly"),
        Problem.CORRUPT: t("db.corrupt"),
        Problem.GONE: t("db.gone"),
    }
    st.error(said[exc.problem], icon=":material/database:")
