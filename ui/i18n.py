"""Every text on screen comes from ui/locales/<lang>.yaml; `t(key)` looks it up."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

LOCALES = Path(__file__).resolve().parent / "locales"
LANGS = ("fi", "en")
"""Finnish first: the default language of the app."""


@cache
def catalog(lang: str) -> dict[str, str]:
    """The flat key -> text table of one language."""
    data: dict[str, Any] = yaml.safe_load((LOCALES / f"{lang}.yaml").read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.items()}


def current_lang() -> str:
    import streamlit as st

    lang = st.session_state.get("lang", "fi")
    return lang if lang in LANGS else "fi"


def t(key: str, lang: str | None = None, **values: Any) -> str:
    """The text for `key` in the UI language; a missing key shows itself (a test forbids that)."""
    text = catalog(lang or current_lang()).get(key, key)
    return text.format(**values) if values else text
