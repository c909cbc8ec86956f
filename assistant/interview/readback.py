"""The read-back line: what an answer or a correction recorded, said in one compact line.

"Kirjasin kohtaan Kassa: kipupiste ”jono on pitkä”, tunne −1." Built from the difference
between the map before and after, so it can never claim more than was stored. Wording
lives in prompts/session.{fi,en}.yaml under `readback`.
"""

from __future__ import annotations

from typing import Any

from assistant.edits import Change, Op
from assistant.interview.replies import texts
from assistant.model import JourneyMap, Lang, Touchpoint

_LISTS = ("pain_points", "doubts", "blockers", "motivators")
_MAX = 8


def _t(lang: Lang) -> dict[str, Any]:
    table: dict[str, Any] = texts(lang)["readback"]
    return table


def _q(text: str) -> str:
    text = " ".join(text.split())
    return f"”{text[:120]}{'…' if len(text) > 120 else ''}”"


def score_text(value: int) -> str:
    return f"{value:+d}".replace("-", "−") if value else "0"


def _touchpoint(before: Touchpoint | None, after: Touchpoint, lang: Lang) -> list[str]:
    t = _t(lang)
    out = []
    for field in _LISTS:
        old = set(getattr(before, field)) if before else set()
        out += [f"{t[field]} {_q(x)}" for x in getattr(after, field) if x not in old]
    if after.emotion is not None and (before is None or before.emotion != after.emotion):
        out.append(f"{t['emotion']} {score_text(after.emotion)}")
    if after.critical and not (before and before.critical):
        out.append(t["critical_on"])
    if before and before.critical and not after.critical:
        out.append(t["critical_off"])
    return out


def readback(*, before: JourneyMap, after: JourneyMap, lang: Lang) -> str:
    """One line of what changed between two maps; "" when nothing did."""
    t = _t(lang)
    parts: list[str] = []
    b0, b1 = before.business, after.business
    biz = [
        f"{t[f]} {_q(str(getattr(b1, f)))}"
        for f in ("name", "offering", "customers")
        if getattr(b1, f) and getattr(b1, f) != getattr(b0, f)
    ]
    if b1.business_type and b1.business_type != b0.business_type:
        biz.append(t["type"][b1.business_type.value])
    if biz:
        parts.append(f"{t['business']}: {', '.join(biz)}")
    p0, p1 = before.persona, after.persona
    pers = []
    if p1.name and p1.name != p0.name:
        pers.append(f"{t['persona_name']} {_q(p1.name)}")
    for field in ("goals", "needs", "frustrations"):
        new = [x for x in getattr(p1, field) if x not in getattr(p0, field)]
        if new:
            pers.append(f"{t[field]} " + ", ".join(_q(x) for x in new[:_MAX]))
    if not pers and p1.description and p1.description != p0.description:
        pers.append(t["description"])
    if pers:
        parts.append(f"{t['persona']}: {'; '.join(pers)}")
    names0, names1 = [s.name for s in before.stages], [s.name for s in after.stages]
    if names0 != names1:
        parts.append(f"{t['stages']}: {' – '.join(names1)}")
    for stage in after.stages:
        old_stage = before.stage(stage.name)
        old_tps = {tp.name: tp for tp in old_stage.touchpoints} if old_stage else {}
        new_names = [tp.name for tp in stage.touchpoints if tp.name not in old_tps]
        if new_names and names0 == names1:
            parts.append(t["touchpoints"].format(stage=stage.name, names=", ".join(new_names)))
        for tp in stage.touchpoints:
            said = _touchpoint(old_tps.get(tp.name), tp, lang)
            if said:
                parts.append(t["at"].format(touchpoint=tp.name, what=", ".join(said[:_MAX])))
    for field in ("first_impression", "last_memory"):
        value = getattr(after, field)
        if value and value != getattr(before, field):
            parts.append(f"{t[field]} {_q(value)}")
    known = {m.name for m in before.metrics}
    metrics = [m.name for m in after.metrics if m.name not in known]
    if metrics:
        parts.append(f"{t['metrics']}: {', '.join(metrics)}")
    feedback = [f for f in after.feedback if f not in before.feedback]
    if feedback:
        parts.append(f"{t['feedback']}: {', '.join(feedback)}")
    assumptions = [a.statement for a in after.assumptions if a not in before.assumptions]
    if assumptions:
        parts.append(f"{t['assumptions']}: {', '.join(_q(a) for a in assumptions[:3])}")
    if not parts:
        return ""
    return str(t["recorded"]).format(what="; ".join(parts))


def changes_text(changes: list[Change], lang: Lang) -> str:
    """ "Korjasin: Facebook on nyt Instagram; Kassa ei ole enää kriittinen." """
    t = _t(lang)["edits"]
    said = []
    for c in changes:
        if c.op is Op.CRITICAL:
            said.append(t["critical_on" if c.on else "critical_off"].format(name=c.target))
        elif c.op is Op.ADD_STAGE:
            kind, _, ref = c.value.partition(":")
            key = {"start": "add_start", "after": "add_after", "before": "add_before"}
            said.append(t[key.get(kind, "add_end")].format(name=c.target, ref=ref))
        elif c.op is Op.BUSINESS_TYPE:
            said.append(t[c.op.value].format(value=_t(lang)["type"][c.value]))
        else:
            said.append(t[c.op.value].format(name=c.target, value=c.value))
    return _t(lang)["corrected"].format(what="; ".join(said)) if said else ""


def changed_paths(before: JourneyMap, after: JourneyMap) -> list[str]:
    """What an answer changed, for highlighting: "business", "persona", "stages",
    "touchpoint:<stage>/<name>", "metrics", "ends" (first impression, last memory)."""
    out: list[str] = []
    if before.business != after.business:
        out.append("business")
    if before.persona != after.persona:
        out.append("persona")
    if [s.name for s in before.stages] != [s.name for s in after.stages]:
        out.append("stages")
    old = {(s.name, t.name): t for s, t in before.touchpoints()}
    for stage, tp in after.touchpoints():
        if old.get((stage.name, tp.name)) != tp:
            out.append(f"touchpoint:{stage.name}/{tp.name}")
    if (before.metrics, before.feedback) != (after.metrics, after.feedback):
        out.append("metrics")
    if (before.first_impression, before.last_memory) != (after.first_impression, after.last_memory):
        out.append("ends")
    return out
