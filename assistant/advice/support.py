"""Does a cited card support the advice it is cited for?

Every suggestion rule lists, for each card it cites, the claim that card supports: groups
of words, one word of each group to be found both in the card's text (in the suggestion's
language) and in the suggestion itself. A citation passes when some rule's claim for that
card is made by the suggestion and found in the card: the card says what the suggestion
says, not merely something on the same topic.
"""

from __future__ import annotations

from functools import cache

from assistant.knowledge import Card, load_cards
from assistant.model import Suggestion
from assistant.prompts import load_yaml

Claim = tuple[tuple[str, ...], ...]


def made(text: str, claim: Claim) -> bool:
    """True when `text` holds one word of every group of `claim`."""
    low = text.casefold()
    return bool(claim) and all(any(w.casefold() in low for w in group) for group in claim)


@cache
def claims() -> dict[tuple[str, str], tuple[Claim, ...]]:
    """(card id, language) -> the claims the rules cite that card for."""
    out: dict[tuple[str, str], list[Claim]] = {}
    for rule in load_yaml("suggestions.yaml")["rules"].values():
        for card, by_lang in rule["cards"].items():
            for lang, groups in by_lang.items():
                claim = tuple(tuple(str(w) for w in g) for g in groups)
                out.setdefault((card, lang), []).append(claim)
    return {k: tuple(v) for k, v in out.items()}


def card_text(card: Card) -> str:
    return f"{card.title}\n{card.body}"


def unsupported(suggestion: Suggestion, *, lang: str) -> list[str]:
    """The cards `suggestion` cites that do not say what it says (card ids)."""
    by_id = {c.id: c for c in load_cards() if c.lang == lang}
    text = f"{suggestion.title} {suggestion.why}"
    bad = []
    for cite in suggestion.citations:
        card = by_id.get(cite.card)
        ok = card is not None and any(
            made(text, claim) and made(card_text(card), claim)
            for claim in claims().get((cite.card, lang), ())
        )
        if not ok:
            bad.append(cite.card or cite.source)
    return bad
