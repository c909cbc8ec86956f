"""Corrections as edits: what the user asked to change, and applying it to a map.

An answer adds to the map (a MapPatch); a correction changes exactly the named thing:
rename, remove, add or move a stage, rename, remove or move a touchpoint, switch a
critical flag, set the persona's or the business's name. `apply_edits` is pure and
says, edit by edit, what it did, so the reply can read the change back.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from assistant.model import BusinessType, JourneyMap, Stage, Touchpoint


class Op(StrEnum):
    RENAME = "rename"
    REMOVE = "remove"
    ADD_STAGE = "add_stage"
    MOVE = "move"
    CRITICAL = "critical"
    PERSONA_NAME = "persona_name"
    BUSINESS_NAME = "business_name"
    BUSINESS_TYPE = "business_type"
    EMOTION = "emotion"
    MOVE_STAGE = "move_stage"
    ADD_TOUCHPOINT = "add_touchpoint"


@dataclass(frozen=True)
class Edit:
    op: Op
    target: str = ""
    """The stage or touchpoint named (as it is in the map), or "" for names."""
    value: str = ""
    """The new name, the stage to move to or add a place to, or the new persona/business name."""
    where: str = ""
    """ADD_STAGE: "end", "start", "after:<stage>" or "before:<stage>"."""
    on: bool = True
    """CRITICAL: set or clear the flag."""


@dataclass(frozen=True)
class Change:
    """One applied edit, in words the reply template can use."""

    op: Op
    target: str
    value: str = ""
    on: bool = True


def _find_stage(journey: JourneyMap, name: str) -> Stage | None:
    return journey.stage(name)


def _find_tp(journey: JourneyMap, name: str) -> tuple[Stage, int] | None:
    key = name.casefold()
    for stage in journey.stages:
        for i, tp in enumerate(stage.touchpoints):
            if tp.name.casefold() == key:
                return stage, i
    return None


def _cap(name: str) -> str:
    return name[:1].upper() + name[1:]


def apply_edits(
    journey: JourneyMap, edits: list[Edit]
) -> tuple[JourneyMap, list[Change], list[Edit]]:
    """A new map with the edits applied, what changed, and the edits that could not be."""
    new = journey.model_copy(deep=True)
    done: list[Change] = []
    failed: list[Edit] = []
    for e in edits:
        change = _apply(new, e)
        if change is None:
            failed.append(e)
        else:
            done.append(change)
    return JourneyMap.model_validate(new.model_dump()), done, failed


def _apply(new: JourneyMap, e: Edit) -> Change | None:
    if e.op is Op.PERSONA_NAME and e.value:
        new.persona.name = _cap(e.value)
        return Change(e.op, "", new.persona.name)
    if e.op is Op.BUSINESS_NAME and e.value:
        new.business.name = e.value
        return Change(e.op, "", e.value)
    if e.op is Op.BUSINESS_TYPE and e.value in ("b2b", "b2c", "both"):
        new.business.business_type = BusinessType(e.value)
        return Change(e.op, "", e.value)
    if e.op is Op.MOVE_STAGE:
        stage = _find_stage(new, e.target)
        kind, _, ref = e.where.partition(":")
        ref_stage = _find_stage(new, ref)
        if stage is None or ref_stage is None or stage is ref_stage:
            return None
        new.stages.remove(stage)
        index = new.stages.index(ref_stage) + (1 if kind == "after" else 0)
        new.stages.insert(index, stage)
        return Change(e.op, stage.name, e.where)
    if e.op is Op.ADD_STAGE and e.value:
        if _find_stage(new, e.value):
            return None
        index = len(new.stages)
        kind, _, ref = e.where.partition(":")
        ref_stage = _find_stage(new, ref) if ref else None
        if kind == "start":
            index = 0
        elif ref_stage is not None:
            index = new.stages.index(ref_stage) + (1 if kind == "after" else 0)
        elif kind in ("after", "before"):
            return None
        new.stages.insert(index, Stage(name=_cap(e.value)))
        return Change(e.op, _cap(e.value), e.where)
    if e.op is Op.ADD_TOUCHPOINT and e.target:
        to = _find_stage(new, e.value)
        if to is None or _find_tp(new, e.target) is not None:
            return None
        to.touchpoints.append(Touchpoint(name=_cap(e.target)))
        return Change(e.op, _cap(e.target), to.name)
    stage = _find_stage(new, e.target)
    found = _find_tp(new, e.target)
    if e.op is Op.RENAME and e.value:
        if stage is not None:
            stage.name = _cap(e.value)
        elif found is not None:
            found[0].touchpoints[found[1]].name = _cap(e.value)
        else:
            return None
        return Change(e.op, e.target, _cap(e.value))
    if e.op is Op.REMOVE:
        metric = next((m for m in new.metrics if m.name.casefold() == e.target.casefold()), None)
        channel = next((c for c in new.feedback if c.casefold() == e.target.casefold()), None)
        if found is not None:
            found[0].touchpoints.pop(found[1])
        elif stage is not None:
            new.stages.remove(stage)
        elif metric is not None:  # "scratch the NPS, we stopped sending it"
            new.metrics.remove(metric)
        elif channel is not None:
            new.feedback.remove(channel)
        else:
            return None
        return Change(e.op, e.target)
    if e.op is Op.EMOTION and found is not None:
        try:
            value = max(-2, min(2, int(e.value)))
        except ValueError:
            return None
        found[0].touchpoints[found[1]].emotion = value
        return Change(e.op, e.target, f"{value:+d}" if value else "0")
    if e.op is Op.CRITICAL and found is not None:
        found[0].touchpoints[found[1]].critical = e.on
        return Change(e.op, e.target, on=e.on)
    if e.op is Op.MOVE and found is not None:
        to = _find_stage(new, e.value)
        if to is None or to is found[0]:
            return None
        to.touchpoints.append(found[0].touchpoints.pop(found[1]))
        return Change(e.op, e.target, to.name)
    return None
