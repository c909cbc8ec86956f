"""MapPatch: what a brain understood from one user message, and how it is applied.

A brain never edits the map directly; it returns a patch that can only name
the map's own fields (extra keys are rejected), so text in a user message
cannot write anywhere else. `apply_patch` is pure: it returns a new map.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from assistant.model import (
    Assumption,
    BusinessType,
    Channel,
    Emotion,
    JourneyMap,
    Metric,
    Name,
    Stage,
    Text,
    TextList,
    Touchpoint,
)


class _Patch(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BusinessPatch(_Patch):
    name: Text | None = None
    offering: Text | None = None
    customers: Text | None = None
    business_type: BusinessType | None = None


class PersonaPatch(_Patch):
    name: Text | None = None
    description: Text | None = None
    goals: TextList = Field(default_factory=list, description="Items to add.")
    needs: TextList = Field(default_factory=list, description="Items to add.")
    frustrations: TextList = Field(default_factory=list, description="Items to add.")


class TouchpointPatch(_Patch):
    """Add a touchpoint or update one, found by (stage, name). Lists are appended to."""

    stage: Text | None = Field(default=None, description="Stage name; None = the stage in focus.")
    name: Name
    channel: Channel | None = None
    customer_action: Text | None = None
    business_goal: Text | None = None
    emotion: Emotion | None = None
    emotion_note: Text | None = None
    doubts: TextList = Field(default_factory=list)
    motivators: TextList = Field(default_factory=list)
    blockers: TextList = Field(default_factory=list)
    pain_points: TextList = Field(default_factory=list)
    critical: bool | None = None
    measurement: Text | None = None


class MapPatch(_Patch):
    """Everything one user message told us. Empty fields mean "nothing new"."""

    title: Text | None = None
    business: BusinessPatch | None = None
    persona: PersonaPatch | None = None
    stages: list[Name] | None = Field(
        default=None, description="The whole ordered list of stage names, when the user gives it."
    )
    touchpoints: list[TouchpointPatch] = Field(default_factory=list)
    first_impression: Text | None = None
    last_memory: Text | None = None
    feedback: TextList = Field(default_factory=list)
    metrics: list[Metric] = Field(default_factory=list)
    assumptions: list[Assumption] = Field(default_factory=list)

    def is_empty(self) -> bool:
        return self == MapPatch()


def _merge_list(old: list[str], new: list[str]) -> list[str]:
    seen = {x.casefold() for x in old}
    out = list(old)
    for item in new:
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


def _apply_touchpoint(stage: Stage, tp: TouchpointPatch, *, replace: bool = False) -> None:
    key = tp.name.casefold()
    current = next((t for t in stage.touchpoints if t.name.casefold() == key), None)
    if current is None:
        current = Touchpoint(name=tp.name)
        stage.touchpoints.append(current)
    for field in ("channel", "customer_action", "business_goal", "emotion", "emotion_note"):
        value = getattr(tp, field)
        if value is not None and value != "":
            setattr(current, field, value)
    for field in ("critical", "measurement"):
        value = getattr(tp, field)
        if value is not None and value != "":
            setattr(current, field, value)
    for field in ("doubts", "motivators", "blockers", "pain_points"):
        new = getattr(tp, field)
        old = [] if replace and new else getattr(current, field)
        setattr(current, field, _merge_list(old, new))


def apply_patch(
    journey: JourneyMap,
    patch: MapPatch,
    *,
    focus_stage: str | None = None,
    replace: bool = False,
) -> JourneyMap:
    """Return a new map with `patch` applied; `focus_stage` places stage-less touchpoints.

    Lists are appended to; with `replace` (a corrected answer) a list the patch names
    replaces the old one."""
    new = journey.model_copy(deep=True)
    if patch.title:
        new.title = patch.title
    if patch.business:
        for field, value in patch.business.model_dump(exclude_none=True).items():
            if value != "":
                setattr(new.business, field, value)
    if patch.persona:
        p = patch.persona
        if p.name:
            new.persona.name = p.name
        if p.description:
            new.persona.description = p.description
        for field in ("goals", "needs", "frustrations"):
            items = getattr(p, field)
            old = [] if replace and items else getattr(new.persona, field)
            setattr(new.persona, field, _merge_list(old, items))
    if patch.stages is not None:
        # Keep the touchpoints of stages that survive a renaming of the list.
        by_name = {s.name.casefold(): s for s in new.stages}
        new.stages = [by_name.get(n.casefold(), Stage(name=n)) for n in patch.stages]
    for tp in patch.touchpoints:
        stage_name = tp.stage or focus_stage
        stage = new.stage(stage_name) if stage_name else None
        if stage is None and stage_name:
            stage = Stage(name=stage_name)
            new.stages.append(stage)
        if stage is None:
            continue
        _apply_touchpoint(stage, tp, replace=replace)
    if patch.first_impression:
        new.first_impression = patch.first_impression
    if patch.last_memory:
        new.last_memory = patch.last_memory
    new.feedback = _merge_list([] if replace and patch.feedback else new.feedback, patch.feedback)
    if replace and patch.metrics:
        new.metrics = []
    known_metrics = {m.name.casefold() for m in new.metrics}
    new.metrics += [m for m in patch.metrics if m.name.casefold() not in known_metrics]
    known = {a.statement.casefold() for a in new.assumptions}
    new.assumptions += [a for a in patch.assumptions if a.statement.casefold() not in known]
    return JourneyMap.model_validate(new.model_dump())
