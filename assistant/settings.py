"""One settings object for the whole product.

Read from the environment, a `.env` file and (in the UI) Streamlit secrets,
which the UI passes in as plain values so this module never imports Streamlit.
Nothing is read at import time: call `get_settings()`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("polkuopas", appauthor=False))


class Settings(BaseSettings):
    """Configuration of Polkuopas. Every field maps to one environment variable."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    openai_api_key: SecretStr | None = Field(
        default=None,
        validation_alias="OPENAI_API_KEY",
        description="Key for an OpenAI-compatible endpoint. Without it the assistant works offline.",
    )
    openai_base_url: str | None = Field(
        default=None,
        validation_alias="OPENAI_BASE_URL",
        description="Base URL of an OpenAI-compatible API (OpenAI, Azure, vLLM, Ollama...).",
    )
    model: str = Field(
        default="gpt-4o-mini",
        validation_alias="POLKUOPAS_MODEL",
        description="Chat model name at the endpoint.",
    )
    embedding_model: str | None = Field(
        default=None,
        validation_alias="POLKUOPAS_EMBEDDING_MODEL",
        description="Embedding model at the endpoint; unset means the bundled offline embedding.",
    )
    data_dir: Path = Field(
        default_factory=_default_data_dir,
        validation_alias="POLKUOPAS_DATA_DIR",
        description="Where interviews, the search index and logs are kept.",
    )
    database_url: str | None = Field(
        default=None,
        validation_alias="POLKUOPAS_DATABASE_URL",
        description="SQLAlchemy URL; default is a SQLite file in the data dir.",
    )
    chroma_url: str | None = Field(
        default=None,
        validation_alias="POLKUOPAS_CHROMA_URL",
        description="URL of a Chroma server (chroma run); default is an embedded store in the data dir.",
    )
    admin_password: SecretStr | None = Field(
        default=None,
        validation_alias="POLKUOPAS_ADMIN_PASSWORD",
        description="The operator's password: LLM settings and the mentor dashboard. Unset = "
        "neither is available in the browser.",
    )
    llm_timeout: float = Field(
        default=30.0, validation_alias="POLKUOPAS_LLM_TIMEOUT", description="Seconds per LLM call."
    )
    llm_retries: int = Field(
        default=2,
        validation_alias="POLKUOPAS_LLM_RETRIES",
        description="Retries after a failed LLM call before the offline fallback.",
    )
    llm_turn_budget: float = Field(
        default=15.0,
        validation_alias="POLKUOPAS_LLM_TURN_BUDGET",
        description="Seconds all LLM calls of one turn may take together; then offline.",
    )
    llm_breaker_failures: int = Field(
        default=2,
        validation_alias="POLKUOPAS_LLM_BREAKER_FAILURES",
        description="Failed LLM turns in a row after which the LLM is skipped for a while.",
    )
    llm_breaker_cooldown: float = Field(
        default=120.0,
        validation_alias="POLKUOPAS_LLM_BREAKER_COOLDOWN",
        description="Seconds the LLM is skipped after repeated failures, before a new try.",
    )

    @field_validator("openai_base_url", "database_url", "chroma_url", "embedding_model")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value.strip() or None if isinstance(value, str) else value

    @field_validator("openai_api_key", "admin_password", mode="before")
    @classmethod
    def _blank_key_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def llm_configured(self) -> bool:
        """An LLM is used when a key is set, or a base URL (local servers often need no key)."""
        return self.openai_api_key is not None or self.openai_base_url is not None

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'polkuopas.db'}"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"


def settings_from(overrides: Mapping[str, Any] | None = None) -> Settings:
    """Build settings, letting `overrides` (e.g. Streamlit secrets) win over env and .env."""
    values = {k: v for k, v in (overrides or {}).items() if v not in (None, "")}
    return Settings(**values)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
