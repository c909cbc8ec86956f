"""The few export captions that are not field labels of the model, in fi and en."""

from __future__ import annotations

from assistant.model import Lang
from assistant.prompts import catalogue


def word(key: str, lang: Lang) -> str:
    """The caption `key` in `lang`."""
    return catalogue("export", Lang(lang))[f"caption.{key}"]
