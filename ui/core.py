"""The core objects, created once per server in st.cache_resource, and sessions from them.

The store and the brains are per settings (database URL, LLM); the card index per index
location, so it is built or loaded once and every browser session shares it.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

import streamlit as st

from assistant.interview import Deps, Session, build_deps, open_session
from assistant.interview.draft import opening_preview as draft_opening
from assistant.knowledge import KnowledgeBase, load_card_index
from assistant.logs import setup_logging
from assistant.model import Lang
from assistant.settings import Settings, settings_from

SECRET_NAMES = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "POLKUOPAS_MODEL",
    "POLKUOPAS_EMBEDDING_MODEL",
    "POLKUOPAS_DATA_DIR",
    "POLKUOPAS_DATABASE_URL",
    "POLKUOPAS_CHROMA_URL",
    "POLKUOPAS_LLM_TIMEOUT",
    "POLKUOPAS_LLM_RETRIES",
    "POLKUOPAS_ADMIN_PASSWORD",
)
"""Streamlit secrets that configure Polkuopas; they win over the environment."""


def _secrets() -> dict[str, Any]:
    try:
        return {k: st.secrets[k] for k in SECRET_NAMES if k in st.secrets}
    except Exception:  # no secrets.toml at all is the usual case
        return {}


def app_settings() -> Settings:
    """Settings from Streamlit secrets, the environment and .env (cheap: read every run)."""
    return settings_from(_secrets())


def _fingerprint(settings: Settings) -> str:
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
    parts = {
        "db": settings.resolved_database_url,
        "index": settings.chroma_url or str(settings.index_dir),
        "model": settings.model,
        "base": settings.openai_base_url or "",
        # Only a digest: the key itself never becomes a cache key.
        "key": hashlib.sha256(key.encode()).hexdigest() if key else "",
    }
    return json.dumps(parts, sort_keys=True)


@st.cache_resource(show_spinner=False)
def _card_index(where: str, _settings: Settings) -> KnowledgeBase:
    return load_card_index(settings=_settings)


@st.cache_resource(show_spinner=False)
def _deps(fingerprint: str, _settings: Settings) -> Deps:
    where = _settings.chroma_url or str(_settings.index_dir)
    return build_deps(settings=_settings, kb=_card_index(where, _settings))


@st.cache_resource(show_spinner=False)
def logging_ready() -> bool:
    """Once per server: one-line, redacting logs at POLKUOPAS_LOG_LEVEL (default warning)."""
    try:
        setup_logging(os.environ.get("POLKUOPAS_LOG_LEVEL", "warning"))
    except ValueError:
        setup_logging("warning")
    return True


def deps() -> Deps:
    """The store, knowledge base and brains for the current settings."""
    settings = app_settings()
    return _deps(_fingerprint(settings), settings)


@st.cache_resource(show_spinner=False, max_entries=8)
def _opening(fingerprint: str, lang: str, _deps: Deps) -> dict[str, Any]:
    return draft_opening(deps=_deps, lang=Lang(lang)).to_json()


def opening_preview(lang: str) -> dict[str, Any]:
    """The first question of a new interview (no interview is created for it)."""
    settings = app_settings()
    fingerprint = _fingerprint(settings)
    return dict(_opening(fingerprint, lang, _deps(fingerprint, settings)))


def resume(interview_id: str) -> Session:
    """The interview `interview_id` (KeyError if there is none). Callers hold its owner
    key or a share link: see ui/current.py."""
    session = open_session(deps=deps(), interview_id=interview_id)
    # The same list object every rerun: what the session holds survives the rerun.
    session.held = st.session_state["held"].setdefault(interview_id, [])
    return session
