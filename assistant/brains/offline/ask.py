"""Questions, tips and acknowledgements from the question bank (prompts/questions.{fi,en}.yaml)."""

from __future__ import annotations

import re
import zlib
from typing import Any

from assistant.knowledge import Hit
from assistant.lang.stage_models import stage_models
from assistant.model import BusinessType, JourneyMap, Lang
from assistant.patch import MapPatch
from assistant.prompts import PromptTemplate, load_yaml
from assistant.turns import Slot

_FIRST_SENTENCE = re.compile(r"(.+?[.!?:])(?:\s|$)")


def bank(lang: Lang) -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(f"questions.{'en' if lang == 'en' else 'fi'}.yaml")
    return data


def variants(slot: Slot, lang: Lang) -> list[str]:
    questions = bank(lang)["questions"]
    key = f"{slot.expects.value}/{slot.key}"
    fallback = next((k for k in questions if k.startswith(f"{slot.expects.value}/")), None)
    return list(questions.get(key) or (questions[fallback] if fallback else []))


def _pick(options: list[str], seed: str) -> str:
    # Deterministic but varied: the same slot always gets the same wording, neighbours differ.
    return options[zlib.crc32(seed.encode("utf-8")) % len(options)] if options else ""


def stage_model_text(journey: JourneyMap, lang: Lang) -> str:

    b2b = journey.business.business_type == BusinessType.B2B
    return " – ".join(stage_models()["b2b" if b2b else "five"][lang])


def question(slot: Slot, journey: JourneyMap, lang: Lang) -> str:
    template = PromptTemplate(name=slot.id, text=_pick(variants(slot, lang), slot.id))
    values = {
        "stage": slot.stage or "",
        "touchpoint": slot.touchpoint or "",
        "business": journey.business.offering or "",
        "model": stage_model_text(journey, lang),
        "touchpoints": ", ".join(dict.fromkeys(t.name for _, t in journey.touchpoints())),
    }
    return template.render(**{k: v for k, v in values.items() if k in template.variables})


def tip_line(tip: Hit, lang: Lang) -> str:
    body = re.sub(r"[#*_`>]+", "", tip.text).strip().split("\n")[0]
    m = _FIRST_SENTENCE.match(body)
    first = (m.group(1) if m else body)[:300].strip()
    if first.endswith(":") and tip.card_title:
        first = tip.card_title  # a lead-in to a list says little alone; the card's title does
    template = PromptTemplate(name="tip", text=bank(lang)["tip"])
    return template.render(tip=first, author=tip.author or tip.source, title=tip.title)


def transition(phase: str, lang: Lang) -> str:
    return str(bank(lang).get("transitions", {}).get(phase, ""))


def summary(patch: MapPatch, lang: Lang) -> str:
    """A short list of what a patch added, for the acknowledgement."""
    parts: list[str] = []
    if patch.business and patch.business.offering:
        parts.append(patch.business.offering)
    if patch.persona and patch.persona.name:
        parts.append(patch.persona.name)
    if patch.stages:
        parts.append(" – ".join(patch.stages))
    parts += [t.name for t in patch.touchpoints][:8]
    parts += [m.name for m in patch.metrics][:5]
    if patch.first_impression:
        parts.append(patch.first_impression[:80])
    return ", ".join(dict.fromkeys(p for p in parts if p))[:300]


def acknowledge(patch: MapPatch, lang: Lang, *, seed: str = "") -> str:
    """ "Selvä, kirjasin: …" — or the gentle "say it again" when nothing was understood."""
    text = summary(patch, lang)
    if not text:
        return (
            str(bank(lang)["nothing"])
            if patch.is_empty()
            else _pick(bank(lang)["acks"], seed).split(":")[0] + "."
        )
    return PromptTemplate(name="ack", text=_pick(bank(lang)["acks"], seed)).render(summary=text)
