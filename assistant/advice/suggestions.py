"""Suggestions: as many as the map warrants, one per touchpoint, ranked by a stated reason.

The rules are data (prompts/suggestions.yaml): each names the reason it ranks by (a
critical touchpoint with a problem before a problem, before a doubt, before a missing
measure, before a gap) and the cards it cites, each with the claim that card supports
(support.py checks both). A touchpoint gets only its most pressing suggestion, so one
painful checkout is not told three times.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from assistant.advice.rules import Fired, fire
from assistant.advice.tips import tip_rules
from assistant.knowledge import Card, KnowledgeBase, load_cards, load_sources
from assistant.lang.stage_models import stage_key
from assistant.model import Citation, JourneyMap, Lang, Priority, Suggestion
from assistant.prompts import PromptTemplate, load_yaml

log = logging.getLogger(__name__)
MAX_SUGGESTIONS = 10
"""More would bury the ones that matter; the ranking puts those first."""


def _cards(knowledge_dir: Path | None) -> list[Card]:
    try:
        return load_cards(knowledge_dir=knowledge_dir)
    except Exception:  # no cards yet: the article itself is cited
        log.warning("no guidance cards found; citing the articles only")
        return []


def citations_for(
    rule: dict[str, Any], *, cards: list[Card], lang: str, knowledge_dir: Path | None = None
) -> list[Citation]:
    """The rule's cards that exist (in `lang` first), else the article they come from."""
    by_id: dict[str, Card] = {}
    for c in sorted(cards, key=lambda c: c.lang != lang):
        by_id.setdefault(c.id, c)
    out = [
        Citation(
            card=c.id,
            source=c.sources[0].file,
            title=c.sources[0].title,
            author=c.sources[0].author,
        )
        for c in (by_id[i] for i in rule["cards"] if i in by_id)
        if c.sources
    ]
    return out or _article(rule, knowledge_dir)


def _article(rule: dict[str, Any], knowledge_dir: Path | None) -> list[Citation]:
    source = str(rule.get("source", ""))
    title, author = load_sources(knowledge_dir=knowledge_dir).get(source, ("", ""))
    return [Citation(card="", source=source, title=title, author=author)] if source else []


def _render(text: str, name: str, values: dict[str, str]) -> str:
    template = PromptTemplate(name=name, text=text)
    return template.render(**{k: values.get(k, "…") for k in template.variables})


def _fired(journey: JourneyMap, data: dict[str, Any], lang: str) -> list[Fired]:
    words = tip_rules().web_words
    return list(fire(journey, data["keywords"], data["loyalty_keys"], stage_key, lang, words))


PER_TOUCHPOINT = 2


def _new(f: Fired, taken: dict[str, set[str]]) -> bool:
    """Whether `f` says something not yet said; records it. A touchpoint gets a second
    suggestion only for another problem in the user's words and other advice; a map-wide
    rule fires once."""
    place = f"{f.stage}/{f.touchpoint}" if f.touchpoint else f"rule:{f.rule}"
    said = taken.setdefault(place, set())
    # A feeling or a general rule at a touchpoint adds nothing to a problem told there.
    quote = f.values.get("quote", "") if not f.rule.startswith("emotion") else ""
    if said and (not quote or quote in said or f.rule in said or len(said) >= 2 * PER_TOUCHPOINT):
        return False  # nothing new, or the same advice again ("be open about the price" twice)
    said.update({quote or f.rule, f.rule})
    return True


def suggest(
    *,
    journey: JourneyMap,
    lang: Lang | str,
    kb: KnowledgeBase | None = None,
    knowledge_dir: Path | None = None,
) -> list[Suggestion]:
    """Cited suggestions for `journey`, most pressing first, each with its reason."""
    del kb  # the rules name their cards: no search decides what a suggestion cites
    data = load_yaml("suggestions.yaml")
    rules, reasons, code = data["rules"], data["reasons"], Lang(lang).value
    cards = _cards(knowledge_dir)
    ranked = sorted(
        enumerate(_fired(journey, data, code)),
        key=lambda row: (reasons[rules[row[1].rule]["reason"]]["rank"], row[0]),
    )
    out: list[Suggestion] = []
    taken: dict[str, set[str]] = {}
    for _, f in ranked:
        rule = rules[f.rule]
        if not _new(f, taken):
            continue
        reason = reasons[rule["reason"]]
        values = {"touchpoint": f.touchpoint, "stage": f.stage, **f.values}
        out.append(
            Suggestion(
                title=_render(rule[code]["title"], f"{f.rule}.title", values),
                why=_render(rule[code]["why"], f"{f.rule}.why", values),
                stage=f.stage,
                touchpoint=f.touchpoint,
                priority=Priority(reason["priority"]),
                reason=str(reason[code]),
                citations=citations_for(rule, cards=cards, lang=code, knowledge_dir=knowledge_dir),
            )
        )
    return out[:MAX_SUGGESTIONS]
