"""Sentences and clauses, and sorting the clauses of a compound answer into fields."""

from __future__ import annotations

import re

from assistant.lang.lexicon import first_cue
from assistant.lang.words import words

# A sentence ends at . ! ? unless the word before is an abbreviation ("Price vs. the big
# firms", "esim. Instagram", "ym. kulut"): fixed-width lookbehinds, one per length.
_ABBREVIATIONS = (
    "vs.",
    "esim.",
    "eg.",
    "e.g.",
    "ie.",
    "i.e.",
    "etc.",
    "ym.",
    "jne.",
    "mm.",
    "n.",
    "ns.",
    "ca.",
    "approx.",
)
_SENTENCE = re.compile(
    "".join(rf"(?<!\b{re.escape(a)})" for a in _ABBREVIATIONS) + r"(?<=[.!?])\s+|\n+|;\s*",
    re.IGNORECASE,
)
_CLAUSE = re.compile(
    r",(?!\d)\s*(?:(?:mutta|but|and|ja|sekä)\s+)?|\s+(?:mutta|mut|but|ja sitten|and then|eli)\s+|\s+-\s+",
    flags=re.IGNORECASE,
)


def sentences(text: str) -> list[str]:
    return [s.strip(" .") for s in _SENTENCE.split(text) if s.strip(" .")]


_SUBORDINATE = ("koska ", "sillä ", "jotta ", "vaikka ", "because ", "since ", "as ", "so that ")


def clauses(text: str) -> list[str]:
    out: list[str] = []
    for sentence in sentences(text):
        parts = [c.strip(" .") for c in _CLAUSE.split(sentence) if c.strip(" .")]
        for part in parts:
            # "hermostunut, koska tauko on lyhyt": a reason belongs to the clause before it.
            if out and part.lower().startswith(_SUBORDINATE) and part is not parts[0]:
                out[-1] = f"{out[-1]}, {part}"
            else:
                out.append(part)
    return out


def classify(clause: str, group: str, fields: tuple[str, ...]) -> str | None:
    """The first field (in the order given) whose cue word appears in the clause."""
    ws = words(clause)
    for name in fields:
        if first_cue(ws, group, name) >= 0:
            return name
    return None
