"""Offline parsing of the business, persona, stages, critical and metrics answers."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from assistant.lang.clauses import classify, clauses, sentences
from assistant.lang.feelings import yes_no
from assistant.lang.lexicon import cue_list, first_cue
from assistant.lang.lists import base_form, split_items
from assistant.lang.words import fuzzy_equal, has_prefix, lemma, stem, words
from assistant.model import Assumption, AssumptionStatus, BusinessType, JourneyMap
from assistant.patch import BusinessPatch, PersonaPatch
from assistant.prompts import load_yaml

_NAME = re.compile(
    r"(?i:nimemme on|nimi on|yritykseni on|olemme|we are|called|named|our company is)\s+"
    r"([A-ZÅÄÖ][\w&'-]*(?:\s+[A-ZÅÄÖ][\w&'-]*){0,3})"
)


@cache
def stage_models() -> dict[str, dict[str, list[str]]]:
    data: dict[str, dict[str, list[str]]] = load_yaml("offline/stages.yaml")["models"]
    return data


def business_type(text: str) -> BusinessType | None:
    ws = words(text)
    ws += [lemma(w) for w in ws]
    b2b = first_cue(ws, "business", "b2b") >= 0
    b2c = first_cue(ws, "business", "b2c") >= 0
    if (b2b and b2c) or "molemmille" in ws or "both" in ws or "molempia" in ws:
        return BusinessType.BOTH
    return BusinessType.B2B if b2b else BusinessType.B2C if b2c else None


def parse_business(text: str, *, lang: str) -> BusinessPatch | None:
    first = (sentences(text) or [""])[0]
    ws_raw = first.split()
    low = [w.lower().strip(",.") for w in ws_raw]
    start = next(
        (
            i + len(c.split())
            for c in cue_list("business", "sell")
            if (i := has_prefix(low, c)) >= 0
        ),
        0,
    )
    rest = ws_raw[start:]
    customers = ""
    if lang == "en" or not any(w.lower().rstrip(",.").endswith("lle") for w in rest):
        cut = next((i for i, w in enumerate(rest) if w.lower() in {"to", "for"} and i > 0), None)
    else:
        cut = next(
            (i for i, w in enumerate(rest) if w.lower().rstrip(",.").endswith("lle") and i > 0),
            None,
        )
    if cut is not None:
        customers = " ".join(rest[cut + (1 if rest[cut].lower() in {"to", "for"} else 0) :])
        rest = rest[:cut]
    offering = " ".join(rest).strip(" ,.") or first
    name = _NAME.search(text)
    patch = BusinessPatch(
        offering=offering[:500] or None,
        customers=customers.strip(" ,.")[:500] or None,
        business_type=business_type(text),
        name=name.group(1) if name else None,
    )
    return None if patch == BusinessPatch() else patch


def parse_persona(text: str, *, key: str) -> PersonaPatch | None:
    if not text.strip():
        return None
    lists: dict[str, list[str]] = {"goals": [], "needs": [], "frustrations": []}
    for clause in clauses(text):
        field = classify(clause, "persona", ("frustrations", "needs", "goals"))
        if field is None and key in lists and key != "description":
            field = key
        if field:
            lists[field].append(clause[:300])
    label = re.split(r"[,.:;(]| joka | jolla | who | with ", text.strip(), maxsplit=1)[0].split()
    description = None if key in ("goals", "frustrations") else text.strip()[:1500]
    name = " ".join(label[:5]) if description and label else None
    return PersonaPatch(name=name, description=description, **lists)


_LEAD_IN = re.compile(
    r"^\s*(?:(?:the\s+)?(?:stages|phases|steps)|vaiheet|vaiheina|polun vaiheet)"
    r"(?:\s+(?:are|is|would be|ovat|on|olisivat))?\s*[:=-]?\s*",
    flags=re.IGNORECASE,
)


def parse_stages(text: str, *, lang: str, journey: JourneyMap) -> list[str] | None:
    text = _LEAD_IN.sub("", text, count=1)  # "vaiheet ovat Haku, Ostos" / "the stages are ..."
    ws = words(text)
    models = stage_models()
    for key in ("b2b", "five"):  # "b2b" first: "toinen" must not fall to "ensimmäinen".
        if any(w in models[key]["words"] for w in ws[:6]) and len(split_items(text)) < 3:
            return list(models[key][lang])
    if yes_no(text):
        b2b = journey.business.business_type == BusinessType.B2B
        return list(models["b2b" if b2b else "five"][lang])
    items = [base_form(i, lang=lang) for i in split_items(text)]
    items = [i[:1].upper() + i[1:] for i in items if i][:10]
    return items if len(items) >= 2 else None


def stage_key(name: str) -> str | None:
    """The card stage key (discovery, ..., loyalty) of a stage name in either language."""
    for model in stage_models().values():
        for lang in ("fi", "en"):
            for key, label in zip(model["keys"], model[lang], strict=False):
                first = (name.split() or [""])[0].casefold()
                # Stems, not lemmas: this runs in suggest(), which must stay fast.
                if first == label.casefold() or stem(first) == stem(label.casefold()):
                    return key
    return None


def parse_critical(text: str, *, key: str, journey: JourneyMap) -> dict[str, Any]:
    out: dict[str, Any] = {"critical": []}
    names = [t.name for _, t in journey.touchpoints()]
    for sentence in clauses(text) if len(clauses(text)) > 1 else [text.strip()]:
        ws = words(sentence)
        if first_cue(ws, "critical", "first_impression") >= 0 or key == "first_impression":
            out.setdefault("first_impression", sentence[:500])
            continue
        if first_cue(ws, "critical", "last_memory") >= 0 or key == "last_memory":
            out.setdefault("last_memory", sentence[:500])
            continue
        out["critical"] += [n for n in names if mentions(ws, n) and n not in out["critical"]]
    return out


def mentions(ws: list[str], name: str) -> bool:
    """Whether the words mention the touchpoint/stage `name` (inflected or misspelt)."""
    parts = [p for p in words(name) if len(p) >= 3] or words(name)
    if not parts:
        return False
    # "Free intro call" is mentioned by "the intro call": half of a long name is enough.
    hits = sum(any(fuzzy_equal(w, p) for w in ws) for p in parts[:4])
    return hits >= max(1, (len(parts[:4]) + 1) // 2) if len(parts) > 2 else hits == len(parts)


def parse_assumptions(text: str, *, always: bool = False) -> list[Assumption]:
    out = []
    for sentence in sentences(text):
        ws = words(sentence)
        known, guess = first_cue(ws, "assumptions", "known"), first_cue(ws, "assumptions", "guess")
        if known < 0 and guess < 0 and not always:
            continue
        status = (
            AssumptionStatus.KNOWN
            if known >= 0 and (guess < 0 or known < guess)
            else AssumptionStatus.GUESS
        )
        out.append(Assumption(statement=sentence[:200], status=status))
    return out
