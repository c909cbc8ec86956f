"""Conditions of the suggestion rules: which rule fires where on THIS map.

A rule fires only on something the user said (a pain, a doubt, a blocker, a feeling, a
touchpoint or stage they named) or on a gap in what they said (no measure, no feedback, no
first impression); advice that would fit any business is not given. Each `Fired` carries
the rule id and the user's own words that make it specific; the texts, reasons and cards
live in prompts/suggestions.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from assistant.model import AssumptionStatus, JourneyMap, Stage, Touchpoint


@dataclass(frozen=True)
class Fired:
    rule: str
    stage: str = ""
    touchpoint: str = ""
    values: dict[str, str] = field(default_factory=dict)


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _kind(text: str, keywords: dict[str, list[str]]) -> str:
    low = text.lower()
    for kind in ("price", "slow", "confusing"):
        if any(k in low for k in keywords.get(kind, [])):
            return f"pain_{kind}"
    return "pain_point"


def _names(items: list[str], lang: str, limit: int = 4) -> str:
    left, right = ("”", "”") if lang == "fi" else ("“", "”")
    shown = [f"{left}{n}{right}" for n in items[:limit]]
    return ", ".join(shown) + (" …" if len(items) > limit else "")


def fire(
    journey: JourneyMap,
    keywords: dict[str, list[str]],
    loyalty_keys: list[str],
    stage_key: object,
    lang: str = "fi",
    web_words: tuple[str, ...] = (),
) -> Iterator[Fired]:
    tps = journey.touchpoints()
    for s, t in tps:
        if t.critical and (t.pain_points or (t.emotion is not None and t.emotion < 0)):
            quote = (t.pain_points or t.blockers or [t.emotion_note or str(t.emotion)])[0]
            yield Fired("critical_pain", s.name, t.name, {"quote": _quote(quote)})
    for s, t in tps:
        for pain in t.pain_points[:2]:
            yield Fired(_kind(pain, keywords), s.name, t.name, {"quote": _quote(pain)})
    yield from _emotions(tps)
    for s, t in tps:
        if t.blockers:
            yield Fired("blockers", s.name, t.name, {"quote": _quote(t.blockers[0])})
    for s, t in tps:
        if t.doubts:
            yield Fired("doubts", s.name, t.name, {"quote": _quote(t.doubts[0])})
    if not journey.feedback:
        yield Fired("no_feedback")
    unmeasured = [t.name for _, t in tps if not t.measurement]
    critical_first = [t.name for _, t in tps if t.critical and not t.measurement]
    if unmeasured:
        yield Fired(
            "unmeasured",
            values={
                "names": _names(
                    critical_first + [n for n in unmeasured if n not in critical_first], lang
                )
            },
        )
    first_tp = tps[0][1].name if tps else ""
    last_tp = tps[-1][1].name if tps else ""
    if first_tp and not journey.first_impression:
        yield Fired("first_impression", values={"names": _names([first_tp], lang)})
    if last_tp and not journey.last_memory:
        yield Fired("last_memory", values={"touchpoint": last_tp})
    yield from _stages(journey, loyalty_keys, stage_key, lang)
    if not journey.metrics:
        yield Fired("no_metrics")
    elif len(journey.metrics) > 6:
        yield Fired("too_many_metrics", values={"count": str(len(journey.metrics))})
    for a in journey.assumptions:
        if a.status == AssumptionStatus.GUESS:
            yield Fired("guesses", values={"quote": _quote(a.statement)})
            break
    if not journey.persona.description or not (
        journey.persona.goals or journey.persona.frustrations
    ):
        yield Fired("persona")
    # Web analytics only for a business that told of a web shop or site.
    web = next((t.name for _, t in tps if any(w in t.name.casefold() for w in web_words)), "")
    if web:
        yield Fired("analytics", values={"touchpoint": web})


def _emotions(tps: list[tuple[Stage, Touchpoint]]) -> Iterator[Fired]:
    felt = [(s, t) for s, t in tps if t.emotion is not None]
    if felt:
        s, t = min(felt, key=lambda st: st[1].emotion if st[1].emotion is not None else 0)
        if t.emotion is not None and t.emotion < 0:  # a neutral feeling is no problem
            note = t.emotion_note or f"{t.emotion:+d}"
            yield Fired("emotion_low", s.name, t.name, {"quote": _quote(note, 60)})
    for (_, a), (s, b) in pairwise(felt):
        if a.emotion is not None and b.emotion is not None and a.emotion - b.emotion >= 2:
            yield Fired("emotion_drop", s.name, b.name, {"quote": a.name})


def _stages(
    journey: JourneyMap, loyalty_keys: list[str], stage_key: object, lang: str
) -> Iterator[Fired]:
    empty = [s for s in journey.stages if not s.touchpoints]
    if not empty:
        return
    late = [s for s in empty if callable(stage_key) and stage_key(s.name) in loyalty_keys]
    last = journey.stages[-1]
    if not last.touchpoints and last not in late:
        late.append(last)
    if late:
        yield Fired("loyalty", stage=late[-1].name, values={"stage": late[-1].name})
    rest = [s.name for s in empty if s not in late[-1:]]
    if rest:
        yield Fired("empty_stages", values={"names": _names(rest, lang, 5)})
