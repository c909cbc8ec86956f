"""Offline improvement suggestions: 5-12 per map, prioritised, specific, and always cited.

The rules are data (prompts/suggestions.yaml); citations come from the cards'
own front matter, so a suggestion can only cite a card that exists.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from assistant.knowledge.base import KnowledgeBase
from assistant.model import Citation, JourneyMap, Lang, Priority, Suggestion
from assistant.prompts import PromptTemplate, load_yaml
from assistant.suggest_rules import fire

log = logging.getLogger(__name__)
MIN_SUGGESTIONS, MAX_SUGGESTIONS = 5, 12
_ORDER = {Priority.HIGH: 0, Priority.MEDIUM: 1, Priority.LOW: 2}


def _cards(knowledge_dir: Path | None) -> list[Any]:
    from assistant.knowledge.cards import load_cards

    try:
        return load_cards(knowledge_dir=knowledge_dir)
    except Exception:  # no cards yet: the article itself is cited
        log.warning("no guidance cards found; citing the articles only")
        return []


def citations_for(
    rule: dict[str, Any], *, cards: list[Any], lang: str, knowledge_dir: Path | None = None
) -> list[Citation]:
    """Citations of a rule: its preferred cards that exist, else cards on its topics, else its article."""
    by_id: dict[str, Any] = {}
    for c in sorted(cards, key=lambda c: c.lang != lang):
        by_id.setdefault(c.id, c)
    chosen = [by_id[i] for i in rule.get("cards", []) if i in by_id]
    if not chosen:
        topics = set(rule.get("topics", []))
        scored = [
            (
                -len(topics & set(c.topics)),
                not any(s.file == rule["source"] for s in c.sources),
                c.id,
                c,
            )
            for c in by_id.values()
            if topics & set(c.topics) and c.sources
        ]
        chosen = [row[-1] for row in sorted(scored, key=lambda r: r[:3])[:1]]
    out = [
        Citation(
            card=c.id,
            source=c.sources[0].file,
            title=c.sources[0].title,
            author=c.sources[0].author,
        )
        for c in chosen[:2]
        if c.sources
    ]
    if out:
        return out
    from assistant.knowledge.cards import load_sources

    title, author = load_sources(knowledge_dir=knowledge_dir).get(rule["source"], ("", ""))
    return [Citation(card="", source=rule["source"], title=title, author=author)]


def _render(text: str, name: str, values: dict[str, str]) -> str:
    template = PromptTemplate(name=name, text=text)
    return template.render(**{k: values.get(k, "…") for k in template.variables})


def suggest(
    *,
    journey: JourneyMap,
    lang: Lang | str,
    kb: KnowledgeBase | None = None,
    knowledge_dir: Path | None = None,
) -> list[Suggestion]:
    """Deterministic, cited suggestions for `journey`, most important first."""
    from assistant.brains.offline_parse import stage_key

    data = load_yaml("suggestions.yaml")
    rules, code = data["rules"], Lang(lang).value
    cards = _cards(knowledge_dir)
    per_rule: dict[str, int] = {}
    out: list[tuple[int, int, Suggestion]] = []
    seen: set[str] = set()
    for n, f in enumerate(fire(journey, data["keywords"], data["loyalty_keys"], stage_key, code)):
        rule = rules[f.rule]
        if per_rule.get(f.rule, 0) >= 2:  # variety: no rule fills the list alone
            continue
        values = {"touchpoint": f.touchpoint, "stage": f.stage, **f.values}
        title = _render(rule[code]["title"], f"{f.rule}.title", values)
        if title.casefold() in seen:
            continue
        seen.add(title.casefold())
        per_rule[f.rule] = per_rule.get(f.rule, 0) + 1
        priority = f.priority or Priority(rule["priority"])
        suggestion = Suggestion(
            title=title,
            why=_render(rule[code]["why"], f"{f.rule}.why", values),
            stage=f.stage,
            touchpoint=f.touchpoint,
            priority=priority,
            citations=citations_for(rule, cards=cards, lang=code, knowledge_dir=knowledge_dir),
        )
        out.append((_ORDER[priority], n, suggestion))
    out.sort(key=lambda row: row[:2])
    return [s for _, _, s in out[:MAX_SUGGESTIONS]]
