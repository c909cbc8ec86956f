"""What kind of question the user asked: a definition, a how-to, a comparison, an example,
a why, a yes/no question or something else.

The kind steers the offline answer: a definition is answered from the card that defines the
term, a how-to from cards that say what to do, a comparison from sentences that set one
thing against another. The patterns are data (prompts/advice/question_kinds.yaml), one
list per language, so a translator can extend them without touching code.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache

from assistant.model import Lang
from assistant.prompts import load_yaml


class QuestionKind(StrEnum):
    DEFINITION = "definition"
    """"mitä kosketuspiste tarkoittaa?", "what's a touchpoint?" """
    HOW = "how"
    """"miten mittaan tyytyväisyyttä?", "how do I make checkout better?" """
    COMPARISON = "comparison"
    """"onko B2B-polku erilainen?", "what's the difference between a pain and a doubt?" """
    EXAMPLE = "example"
    """"anna esimerkki kipupisteestä", "an example of a touchpoint?" """
    WHY = "why"
    """"miksi tämä kannattaa?", "does the last touchpoint really matter?" """
    YES_NO = "yes_no"
    """"pitääkö ottaa mukaan toimitus?", "should I include trip planning?" """
    OTHER = "other"


@cache
def _patterns(lang: str) -> tuple[tuple[QuestionKind, tuple[re.Pattern[str], ...]], ...]:
    data = load_yaml("advice/question_kinds.yaml")
    table = data[lang]
    return tuple(
        (QuestionKind(kind), tuple(re.compile(p) for p in table.get(kind, [])))
        for kind in data["order"]
    )


def question_kind(question: str, *, lang: Lang) -> QuestionKind:
    """The kind of `question`, by the patterns of its language (then of the other one, since
    a Finnish user may well ask "what's a persona?")."""
    text = " ".join(question.lower().split())
    # The question itself, not the context before it: "We sell online. How do I ...?"
    parts = [p for p in re.split(r"(?<=[.!])\s+", text) if "?" in p] or [text]
    asked = parts[-1]
    other = Lang.EN if Lang(lang) is Lang.FI else Lang.FI
    for code in (Lang(lang).value, other.value):
        for kind, patterns in _patterns(code):
            if any(p.search(asked) for p in patterns):
                return kind
    return QuestionKind.OTHER
