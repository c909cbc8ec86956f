"""Every translation catalogue (a `<name>.fi.yaml` file in prompts/ or ui/locales/) has a
file in every other language with all the Finnish keys, and each text uses the same
{variables} as its Finnish original, so no language shows a key or a half-filled text."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.model import Lang
from assistant.prompts import catalogue, text

ROOT = Path(__file__).resolve().parents[2]
FINNISH = sorted([*(ROOT / "prompts").rglob("*.fi.yaml"), ROOT / "ui" / "locales" / "fi.yaml"])


def _leaves(data: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(data, dict):
        out: dict[str, Any] = {}
        for key, value in data.items():
            out |= _leaves(value, f"{prefix}{key}.")
        return out
    return {prefix.rstrip("."): data}


def _variables(value: Any) -> set[str]:
    if not isinstance(value, str):
        return set()
    try:
        return {f for _, f, _, _ in string.Formatter().parse(value) if f}
    except ValueError:  # not a template (a literal brace): nothing to fill
        return set()


def _twin(finnish: Path, lang: Lang) -> Path:
    if finnish.name == "fi.yaml":
        return finnish.with_name(f"{lang.value}.yaml")
    return finnish.with_name(finnish.name.removesuffix(".fi.yaml") + f".{lang.value}.yaml")


def test_there_are_catalogues() -> None:
    assert len(FINNISH) >= 5


@pytest.mark.parametrize("finnish", FINNISH, ids=lambda p: str(p.relative_to(ROOT)))
@pytest.mark.parametrize("lang", [lang for lang in Lang if lang is not Lang.FI])
def test_every_language_has_the_finnish_keys(finnish: Path, lang: Lang) -> None:
    fi = _leaves(yaml.safe_load(finnish.read_text(encoding="utf-8")))
    other = _leaves(yaml.safe_load(_twin(finnish, lang).read_text(encoding="utf-8")))
    assert sorted(fi.keys() - other.keys()) == []
    differ = [k for k in fi if k in other and _variables(fi[k]) != _variables(other[k])]
    assert differ == []


def test_a_text_is_filled_from_its_catalogue() -> None:
    assert text("export", "comment.message", lang=Lang.EN, ref="3") == "Message #3"
    assert catalogue("export", Lang.FI)["comment.message"] == "Viesti #{ref}"
    with pytest.raises(KeyError):
        text("export", "comment.message", lang=Lang.FI)
