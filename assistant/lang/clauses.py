"""Sentences and clauses, and sorting the clauses of a compound answer into fields."""

from __future__ import annotations

import re

from assistant.lang.lexicon import first_cue
from assistant.lang.words import words

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+|;\s*")
_CLAUSE = re.compile(
    r",\s*(?:(?:mutta|but|and|ja|sekä)\s+)?|\s+(?:mutta|but|ja sitten|and then|koska|because|vaikka|although|eli|so)\s+|\s+-\s+",
    flags=re.IGNORECASE,
)


def sentences(text: str) -> list[str]:
    return [s.strip(" .") for s in _SENTENCE.split(text) if s.strip(" .")]


def clauses(text: str) -> list[str]:
    out: list[str] = []
    for sentence in sentences(text):
        out += [c.strip(" .") for c in _CLAUSE.split(sentence) if c.strip(" .")]
    return out


def classify(clause: str, group: str, fields: tuple[str, ...]) -> str | None:
    """The first field (in the order given) whose cue word appears in the clause."""
    ws = words(clause)
    for name in fields:
        if first_cue(ws, group, name) >= 0:
            return name
    return None
