"""The private link of an interview: the app's address with ?i=<interview id>."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import streamlit as st


def private_link(interview_id: str) -> str:
    try:
        url = st.context.url or ""
    except Exception:  # outside a browser session (tests)
        url = ""
    parts = urlsplit(url)
    if not parts.netloc:
        return f"?{urlencode({'i': interview_id})}"
    return urlunsplit((parts.scheme, parts.netloc, "/", urlencode({"i": interview_id}), ""))


def id_from(text: str) -> str:
    """An interview id from a pasted link or a bare id."""
    text = (text or "").strip()
    if "i=" in text:
        found = parse_qs(urlsplit(text).query).get("i") or parse_qs(text.split("?")[-1]).get("i")
        if found:
            return found[0].strip()
    return text
