"""What a mentor's comment is about: the whole interview, one turn, one map cell or one
suggestion. A target is a short string kept with the comment:

    ""                                  the interview as a whole
    "turn:<turn id>"                    a message of the transcript
    "cell:<path>"                       a map field, e.g. cell:stages.0.touchpoints.1.pain_points
    "suggestion:<index>"                one of the map's suggestions
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from assistant.model import Business, JourneyMap, Lang, Persona, Stage, Touchpoint, label
from assistant.prompts import text


class TargetKind(StrEnum):
    GENERAL = "general"
    TURN = "turn"
    CELL = "cell"
    SUGGESTION = "suggestion"


class Stance(StrEnum):
    """A mentor's view of a suggestion."""

    AGREE = "agree"
    DISAGREE = "disagree"
    OWN = "own"
    """The mentor's own suggestion instead."""


@dataclass(frozen=True)
class Target:
    kind: TargetKind
    ref: str = ""
    """Turn id, map path or suggestion index; "" for GENERAL."""
    label: str = ""
    """How the UI names it, in the map's language (user text: escape before showing)."""

    @property
    def key(self) -> str:
        return "" if self.kind is TargetKind.GENERAL else f"{self.kind.value}:{self.ref}"


def kind_of(target: str) -> TargetKind:
    head = (target or "").split(":", 1)[0]
    try:
        return TargetKind(head) if ":" in (target or "") else TargetKind.GENERAL
    except ValueError:
        return TargetKind.GENERAL


_BUSINESS = ("name", "offering", "customers", "business_type")
_PERSONA = ("name", "description", "goals", "needs", "frustrations")
_TOUCHPOINT = tuple(f for f in Touchpoint.model_fields if f != "name")


def _filled(value: Any) -> bool:
    return value not in (None, "", [], False)


def cell_targets(journey: JourneyMap) -> list[Target]:
    """Every filled cell of the map, in reading order."""
    lang = journey.language
    out: list[Target] = []
    for field in _BUSINESS:
        if _filled(getattr(journey.business, field)):
            name = f"{label(JourneyMap, 'business', lang)} › {label(Business, field, lang)}"
            out.append(Target(TargetKind.CELL, f"business.{field}", name))
    for field in _PERSONA:
        if _filled(getattr(journey.persona, field)):
            name = f"{label(JourneyMap, 'persona', lang)} › {label(Persona, field, lang)}"
            out.append(Target(TargetKind.CELL, f"persona.{field}", name))
    for i, stage in enumerate(journey.stages):
        out.append(
            Target(
                TargetKind.CELL, f"stages.{i}.name", f"{stage.name} › {label(Stage, 'name', lang)}"
            )
        )
        for j, tp in enumerate(stage.touchpoints):
            base = f"stages.{i}.touchpoints.{j}"
            out.append(Target(TargetKind.CELL, f"{base}.name", f"{stage.name} › {tp.name}"))
            for field in _TOUCHPOINT:
                if _filled(getattr(tp, field)):
                    name = f"{stage.name} › {tp.name} › {label(Touchpoint, field, lang)}"
                    out.append(Target(TargetKind.CELL, f"{base}.{field}", name))
    return out


def suggestion_targets(journey: JourneyMap) -> list[Target]:
    return [
        Target(TargetKind.SUGGESTION, str(i), s.title) for i, s in enumerate(journey.suggestions)
    ]


def describe(target: str, journey: JourneyMap | None, lang: Lang) -> str:
    """A comment's target in words, for showing beside it ("" for the whole interview)."""
    kind = kind_of(target)
    if kind is TargetKind.GENERAL:
        return ""
    ref = target.split(":", 1)[1]
    if kind is TargetKind.TURN:
        return text("export", "comment.message", lang=Lang(lang), ref=ref)
    pool = []
    if journey is not None:
        pool = cell_targets(journey) if kind is TargetKind.CELL else suggestion_targets(journey)
    return next((t.label for t in pool if t.ref == ref), ref)
