"""Post-checks on what the LLM understood: keep only what the user's text grounds.

The schema already stops a reply from naming anything outside the map. These
checks catch the subtler slips of a model: rewriting the stage list when the
user was talking about something else, or inventing stages for touchpoints.
"""

from __future__ import annotations

import re

from assistant.model import JourneyMap
from assistant.patch import MapPatch, TouchpointPatch
from assistant.turns import Expects, Slot

_WORD = re.compile(r"\w+")
# Finnish inflects names ("Instagramin", "arvioinnissa"); a shared stem of this
# many letters counts as a mention.
_STEM = 5


def _mentioned(name: str, text: str) -> bool:
    words = [w.casefold() for w in _WORD.findall(text)]
    for part in _WORD.findall(name.casefold()):
        stem = part[:_STEM]
        if not any(w.startswith(stem) for w in words):
            return False
    return True


def _stages_grounded(stages: list[str], text: str, slot: Slot) -> bool:
    """A new stage list is kept when stages are asked, or when the user named most of them."""
    if slot.expects is Expects.STAGES:
        return True
    named = sum(_mentioned(s, text) for s in stages)
    return len(stages) > 0 and named * 2 > len(stages)


def _place(tp: TouchpointPatch, known: set[str], slot: Slot) -> TouchpointPatch | None:
    """The touchpoint in a known stage; an unknown stage becomes the focus stage, or it is dropped."""
    if tp.stage is None or tp.stage.casefold() in known:
        return tp
    if slot.stage:
        return tp.model_copy(update={"stage": None})
    return None


def ground(patch: MapPatch, *, text: str, slot: Slot, journey: JourneyMap) -> MapPatch:
    """`patch` without the parts that the user's `text` (and the slot) do not support.

    - `stages` is dropped unless the slot asks for stages or most names appear in the text:
      a model must not reshape the journey while the user talks about a touchpoint.
    - A touchpoint naming a stage that neither the map nor the kept stage list has is moved
      to the stage in focus, or dropped when there is none, so no phantom stages appear.
    """
    update: dict[str, object] = {}
    stages = patch.stages
    if stages is not None and not _stages_grounded(stages, text, slot):
        stages = None
        update["stages"] = None
    known = {s.name.casefold() for s in journey.stages}
    known |= {s.casefold() for s in stages or []}
    placed = [p for tp in patch.touchpoints if (p := _place(tp, known, slot)) is not None]
    if placed != patch.touchpoints:
        update["touchpoints"] = placed
    return patch.model_copy(update=update) if update else patch
