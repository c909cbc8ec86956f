"""The stage models (prompts/offline/stages.yaml) and the card stage key of a stage name.

One home for the two proposed models (the five-stage consumer journey and the B2B one) and
for mapping a stage, in either language, to the stage key the guidance cards use
(discovery, ..., loyalty). Parsing, questions, tips and suggestions all read them here.
"""

from __future__ import annotations

from functools import cache

from assistant.lang.words import stem
from assistant.model import BusinessType, JourneyMap
from assistant.prompts import load_yaml


@cache
def stage_models() -> dict[str, dict[str, list[str]]]:
    """{"five": {...}, "b2b": {...}}, each with "keys", "fi", "en" and "words"."""
    data: dict[str, dict[str, list[str]]] = load_yaml("offline/stages.yaml")["models"]
    return data


def proposed_stages(journey: JourneyMap, lang: str) -> list[str]:
    """The model the stages question proposes for this business: the B2B one for a business
    selling to businesses, else the five-stage journey."""
    b2b = journey.business.business_type == BusinessType.B2B
    return list(stage_models()["b2b" if b2b else "five"][lang])


def stage_key(name: str) -> str | None:
    """The card stage key of a stage name in either language, by its first word."""
    first = (name.split() or [""])[0].casefold()
    for model in stage_models().values():
        for lang in ("fi", "en"):
            for key, label in zip(model["keys"], model[lang], strict=False):
                # Stems, not lemmas: this runs for every suggestion and must stay fast.
                if first == label.casefold() or stem(first) == stem(label.casefold()):
                    return key
    return None


def model_stage_key(journey: JourneyMap, stage: str | None) -> str | None:
    """The card stage key of `stage` only when the whole map follows one known model."""
    if not stage:
        return None
    names = [s.name.casefold() for s in journey.stages]
    for model in stage_models().values():
        for lang in ("fi", "en"):
            if names == [x.casefold() for x in model[lang]] and stage.casefold() in names:
                return str(model["keys"][names.index(stage.casefold())])
    return None
