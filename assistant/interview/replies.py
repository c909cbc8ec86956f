"""The session's own words around the brain's questions: notices, acknowledgements,
tips, the review list and the closing summary. Texts live in prompts/session.{fi,en}.yaml.
"""

from __future__ import annotations

from typing import Any

from assistant.advice.compose import sentences
from assistant.knowledge import Hit
from assistant.model import Citation, JourneyMap, Lang, Suggestion
from assistant.prompts import load_yaml
from assistant.turns import Expects, Slot


def texts(lang: Lang) -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(f"session.{Lang(lang).value}.yaml")
    return data


def say(lang: Lang, key: str, **values: Any) -> str:
    return str(texts(lang)[key]).format(**values)


def say_problem(lang: Lang, exc: Any) -> str:
    """What is wrong with the database (a StoreUnavailable), in a few words."""
    return str(texts(lang)["db_problem"][exc.problem.value])


def readback_text(lang: Lang, key: str) -> str:
    return str(texts(lang)["readback"][key])


def choices(slot: Slot, lang: Lang) -> list[str]:
    """Quick replies for `slot` (buttons in the app, `choices` in chat --jsonl)."""
    table = texts(lang)["choices"]
    found = [str(c) for c in table.get(f"{slot.expects.value}/{slot.key}", [])]
    if slot.expects not in (Expects.REVIEW, Expects.DONE, Expects.FREE):
        found += [str(c) for c in table["all"]]
    return found


def reask(slot: Slot, lang: Lang) -> str:
    """The short form of the question for `slot`."""
    table = texts(lang)["reask"]
    template = table.get(f"{slot.expects.value}/{slot.key}") or table["free/"]
    return str(template).format(stage=slot.stage or "", touchpoint=slot.touchpoint or "")


def first_sentence(text: str) -> str:
    """The card's point as one whole sentence (a list it introduces included), no markup."""
    found = sentences(text)
    return " ".join(found[0].split()) if found else ""


def tip_line(hit: Hit, lang: Lang) -> str:
    return say(lang, "tip", title=hit.card_title or hit.title, text=first_sentence(hit.text))


def tip_dict(hit: Hit) -> dict[str, Any]:
    return {
        "text": first_sentence(hit.text),
        "card": hit.card,
        "title": hit.card_title or hit.title,
        "source": hit.source,
        "author": hit.author,
        "passage": hit.text,
    }


def sources_text(citations: list[Citation]) -> str:
    seen: list[str] = []
    for c in citations:
        name = f"{c.title} ({c.author})" if c.author else c.title or c.source
        if name not in seen:
            seen.append(name)
    return "; ".join(seen)


def review_text(suggestions: list[Suggestion], lang: Lang) -> str:
    if not suggestions:
        return say(lang, "review_none")
    prio = texts(lang)["priority"]
    lines = [say(lang, "review_intro")]
    for i, s in enumerate(suggestions, 1):
        place = " / ".join(p for p in (s.stage, s.touchpoint) if p)
        lines.append(
            say(
                lang,
                "review_item",
                n=i,
                title=s.title,
                priority=prio.get(s.priority.value, s.priority.value),
                reason=s.reason or "–",
                where=say(lang, "review_where", place=place) if place else "",
                why=s.why,
                sources=sources_text(s.citations) or "–",
            )
        )
    return "\n".join(lines)


def summary(journey: JourneyMap, lang: Lang) -> str:
    return say(
        lang,
        "summary",
        stages=len(journey.stages),
        touchpoints=len(journey.touchpoints()),
        suggestions=len(journey.suggestions),
    )


def join(*parts: str) -> str:
    return "\n\n".join(p.strip() for p in parts if p and p.strip())
