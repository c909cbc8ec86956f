"""Turning maps, slots and user text into prompt text for the LLM brain.

Everything rendered here may have been typed by a user, so it goes inside
tags that the system prompt declares to be data, and any look-alike tag in
the text itself is defused first: a message cannot close its own fence.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.knowledge import Hit
from assistant.model import JourneyMap, Lang, Touchpoint
from assistant.prompts import load_prompt, load_yaml, text
from assistant.turns import Slot

_FENCE_TAGS = re.compile(
    r"<\s*(/?)\s*(user_message|current_map|suggestions|passage)\b", flags=re.IGNORECASE
)
_CLIP = 300
_CITED = re.compile(r"\[(\d+)\]")

LANGUAGE_NAMES = {Lang.FI: "Finnish", Lang.EN: "English"}


def defuse(text: str) -> str:
    """`text` with every fence-like tag made harmless ("<user_message>" -> "‹user_message>")."""
    return _FENCE_TAGS.sub(lambda m: f"‹{m.group(1)}{m.group(2)}", text)


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _CLIP else text[: _CLIP - 1] + "…"


def _items(label: str, values: list[str]) -> str:
    return f"{label}: " + "; ".join(_clip(v) for v in values) if values else ""


def _touchpoint_line(tp: Touchpoint) -> str:
    head = tp.name + (f" ({tp.channel.value})" if tp.channel else "")
    head += " [critical]" if tp.critical else ""
    parts = [
        f"does: {_clip(tp.customer_action)}" if tp.customer_action else "",
        f"emotion: {tp.emotion:+d}" if tp.emotion is not None else "",
        f"feeling: {_clip(tp.emotion_note)}" if tp.emotion_note else "",
        _items("doubts", tp.doubts),
        _items("moves on", tp.motivators),
        _items("blocks", tp.blockers),
        _items("pain points", tp.pain_points),
        f"measured by: {_clip(tp.measurement)}" if tp.measurement else "",
    ]
    return "   - " + " | ".join([head, *[p for p in parts if p]])


def map_summary(journey: JourneyMap) -> str:
    """A compact, line-per-fact view of the map: only what is filled in."""
    b, p = journey.business, journey.persona
    lines = [
        f"Business name: {_clip(b.name)}" if b.name else "",
        f"Sells: {_clip(b.offering)}" if b.offering else "",
        f"To whom: {_clip(b.customers)}" if b.customers else "",
        f"Sells to: {b.business_type.value}" if b.business_type else "",
        f"Persona: {_clip(p.name)}" if p.name else "",
        f"Persona description: {_clip(p.description)}" if p.description else "",
        _items("Persona goals", p.goals),
        _items("Persona needs", p.needs),
        _items("Persona frustrations", p.frustrations),
    ]
    if journey.stages:
        lines.append("Stages:")
        for i, stage in enumerate(journey.stages, 1):
            lines.append(f"{i}. {stage.name}" + ("" if stage.touchpoints else " (no touchpoints)"))
            lines += [_touchpoint_line(tp) for tp in stage.touchpoints]
    lines += [
        f"First impression: {_clip(journey.first_impression)}" if journey.first_impression else "",
        f"Last memory: {_clip(journey.last_memory)}" if journey.last_memory else "",
        _items("Feedback", journey.feedback),
        _items("Metrics", [m.name + (f" ({m.how})" if m.how else "") for m in journey.metrics]),
        _items("Assumptions", [f"{a.statement} [{a.status.value}]" for a in journey.assumptions]),
    ]
    text = "\n".join(line for line in lines if line)
    return defuse(text) if text else "(empty: nothing is known yet)"


@cache
def _slot_goals() -> dict[str, str]:
    data = load_yaml("llm/slots.yaml")
    return {str(k): str(v) for k, v in data.items()}


def slot_text(slot: Slot) -> str:
    """What `slot` wants to find out, in words for the model."""
    goals = _slot_goals()
    goal = goals.get(f"{slot.expects.value}/{slot.key}") or goals[slot.expects.value]
    stage = defuse(slot.stage or "")
    touchpoint = defuse(slot.touchpoint or "")
    return goal.replace("{stage}", stage).replace("{touchpoint}", touchpoint)


def passages_text(hits: list[Hit]) -> str:
    """The passages, numbered from 1, each in its own <passage> fence."""
    passage = load_prompt("llm/passage.md")
    return "\n".join(
        passage.render(
            number=i, title=defuse(h.title), author=defuse(h.author), text=defuse(h.text)
        )
        for i, h in enumerate(hits, 1)
    )


def sources_line(answer: str, hits: list[Hit], lang: Lang) -> str:
    """The passages `answer` cites by number (all if it cites none), so each [n] can be read."""
    cited = sorted({int(n) for n in _CITED.findall(answer) if 1 <= int(n) <= len(hits)})
    items = []
    for n in cited or range(1, len(hits) + 1):
        h = hits[n - 1]
        items.append(f"[{n}] {h.title}" + (f" ({h.author})" if h.author else ""))
    label = text("llm/messages", "sources", lang=Lang(lang))
    return f"{label}: " + "; ".join(items)
