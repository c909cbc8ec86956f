"""Showing untrusted text safely: Markdown is never interpreted from what a user typed.

Streamlit renders Markdown (with links, images and $LaTeX$) but never raw HTML unless asked,
so escaping the Markdown punctuation shows a user's text as typed. Except for one thing:
GitHub-flavoured Markdown turns bare addresses (http://…, www.…, name@host) into links
after escapes are resolved, so those get an invisible word joiner (U+2060) that breaks
the pattern (found by the real-browser test).
"""

from __future__ import annotations

import re

_NO_LINK = "\u2060"
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto)(?=:)|\b(www)(?=\.)|(@)(?=\w)")
_ALL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~&:])")
# Assistant texts are plain text with numbered lists; keep '.', '-' and ':' so lists render.
_LIGHT = re.compile(r"([\\`*_{}\[\]()#+!|<>$~&])")


def _breaks(text: str) -> str:
    # Markdown joins single newlines into one line; the texts mean them as line breaks.
    return text.replace("\r\n", "\n").replace("\n", "  \n")


def _unlinked(text: str) -> str:
    return _AUTOLINK.sub(lambda m: m.group(0) + _NO_LINK, text)


def esc(text: str) -> str:
    """User text for st.markdown: every Markdown character escaped, no autolinks,
    line breaks kept."""
    return _breaks(_ALL.sub(r"\\\1", _unlinked(text or "")))


def esc_light(text: str) -> str:
    """Assistant text (which may quote user text): links, images, math and HTML inert,
    numbered lists and paragraphs kept."""
    return _breaks(_LIGHT.sub(r"\\\1", _unlinked(text or "")))


def short(text: str, limit: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
