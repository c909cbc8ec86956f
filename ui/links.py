"""Links with a token: the owner's private link (/?k=) and a mentor's share link (/mentor?s=).
The interview id is never part of a link."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from assistant.access.link_tokens import OWNER_PARAM, SHARE_PARAM


def _link(path: str, param: str, token: str) -> str:
    try:
        url = st.context.url or ""
    except Exception:  # outside a browser session (tests)
        url = ""
    parts = urlsplit(url)
    query = urlencode({param: token})
    if not parts.netloc:
        return f"{path}?{query}"
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


def owner_link(token: str) -> str:
    return _link("/", OWNER_PARAM, token)


def share_link(token: str) -> str:
    return _link("/mentor", SHARE_PARAM, token)
