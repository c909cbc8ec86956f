"""Prompt and question templates live as files in prompts/; this module loads them.

A `PromptTemplate` knows its variables and raises on a missing or unknown one,
so a typo in a template or a caller fails loudly in tests instead of sending
a half-filled prompt to a model or a user.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from assistant.model import Lang
from assistant.resources import PROMPTS_DIR


class PromptError(ValueError):
    """A template was rendered with missing or unexpected variables."""


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    text: str

    @property
    def variables(self) -> frozenset[str]:
        names = {f for _, f, _, _ in string.Formatter().parse(self.text) if f}
        return frozenset(n.split(".")[0].split("[")[0] for n in names)

    def render(self, **values: Any) -> str:
        missing = self.variables - values.keys()
        if missing:
            raise PromptError(f"{self.name}: missing variables {sorted(missing)}")
        unknown = values.keys() - self.variables
        if unknown:
            raise PromptError(f"{self.name}: unknown variables {sorted(unknown)}")
        return self.text.format(**values)


def prompt_path(relative: str) -> Path:
    path = (PROMPTS_DIR / relative).resolve()
    if PROMPTS_DIR.resolve() not in path.parents:
        raise PromptError(f"{relative}: outside prompts/")
    return path


@cache
def load_prompt(relative: str) -> PromptTemplate:
    """The template in prompts/`relative` (e.g. "llm/understand.md")."""
    return PromptTemplate(name=relative, text=prompt_path(relative).read_text(encoding="utf-8"))


@cache
def load_yaml(relative: str) -> Any:
    """A YAML file from prompts/ (question banks, offline reply templates)."""
    import yaml

    return yaml.safe_load(prompt_path(relative).read_text(encoding="utf-8"))


@cache
def catalogue(name: str, lang: Lang) -> dict[str, str]:
    """The user-visible texts prompts/`name`.`lang`.yaml, a flat key -> text table.

    The one pattern for translations: a file per language, the Finnish file names the keys
    and every other language has them all (tests/foundation/test_catalogues.py)."""
    table = load_yaml(f"{name}.{Lang(lang).value}.yaml")
    return {str(k): str(v) for k, v in table.items()}


def text(name: str, key: str, *, lang: Lang, **values: Any) -> str:
    """One text of a catalogue with its {variables} filled; extra values are ignored, so a
    caller may pass everything a family of texts uses."""
    return catalogue(name, lang)[key].format(**values)
