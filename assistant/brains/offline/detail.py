"""Offline parsing of the compound touchpoint answer: does, feels, doubts, moves on, blocks."""

from __future__ import annotations

import re
from typing import Any

from assistant.lang.clauses import classify, clauses, sentences
from assistant.lang.feelings import emotion, number

# Order matters: "liian kallis hinta estää" is a blocker before it is a pain point.
_FIELDS = ("pain_points", "blockers", "doubts", "motivators", "emotion", "customer_action")


_LISTS = ("doubts", "motivators", "blockers", "pain_points")


_AND = re.compile(r"\s+(?:ja|sekä|and)\s+", flags=re.IGNORECASE)
_REASON = re.compile(r"\b(?:koska|sillä|kun|because|since|as|about)\b", flags=re.IGNORECASE)


def _split_and(clause: str) -> list[str]:
    """ "Selkeä hinta vie eteenpäin ja hidas vastaus estää": two fields joined by "ja" are two
    clauses; "hän jonottaa ja maksaa" (one field or none) stays one."""
    parts = _AND.split(clause)
    if len(parts) < 2:
        return [clause]
    fields = [classify(p, "detail", _FIELDS[:4]) for p in parts]
    if all(fields) and len(set(fields)) == len(fields):
        return parts
    return [clause]


def _clauses(text: str) -> list[tuple[str, str | None]]:
    """Clauses with the field of the previous clause in the same sentence."""
    out: list[tuple[str, str | None]] = []
    for sentence in sentences(text):
        prev: str | None = None
        for clause in (p for c in clauses(sentence) for p in _split_and(c)):
            out.append((clause, prev))
            prev = classify(clause, "detail", _FIELDS) or (
                "doubts" if clause.endswith("?") else None
            )
    return out


def parse_detail(text: str, *, lang: str, key: str = "detail") -> dict[str, Any]:
    """Fields of a TouchpointPatch from one answer; unmatched text lands in customer_action."""
    out: dict[str, Any] = {"doubts": [], "motivators": [], "blockers": [], "pain_points": []}
    actions: list[str] = []
    forced = key if key in _FIELDS else None
    for clause, prev in _clauses(text):
        field = classify(clause, "detail", _FIELDS)
        if field is None and prev in _LISTS and out[prev] and emotion(clause) is None:
            # "Huolettaa, riittääkö koko": the rest of a sentence continues its cue.
            out[prev][-1] = f"{out[prev][-1]}, {clause}"[:300]
            continue
        felt = emotion(clause)
        if field is None and clause.endswith("?"):
            field = "doubts"
        if field is None and felt is not None:
            field = "emotion"
        if field is None and forced:
            field = forced
        if felt is not None and "emotion" not in out:
            out["emotion"], out["emotion_note"] = felt[0], clause
        bad = felt is not None and felt[0] < 0
        if field in (None, "emotion") and bad and _REASON.search(clause):
            # "ärtynyt, koska jono on pitkä": the cause of a bad feeling is a pain point.
            out["pain_points"].append(clause[:300])
        if field == "emotion" or (field is None and forced == "emotion"):
            score = number(clause, lang=lang)
            if "emotion" not in out and score is not None:
                out["emotion"], out["emotion_note"] = score, clause
            if classify(clause, "detail", ("customer_action",)):
                actions.append(clause)
            continue
        if field in ("doubts", "motivators", "blockers", "pain_points"):
            out[field].append(clause[:300])
        else:
            actions.append(clause)
    if actions:
        out["customer_action"] = "; ".join(actions)[:1000]
    return {k: v for k, v in out.items() if v not in ([], None, "")}
