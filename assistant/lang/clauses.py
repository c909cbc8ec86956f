"""Sentences and clauses, and sorting the clauses of a compound answer into fields."""

from __future__ import annotations

import re

from assistant.lang.lexicon import first_cue
from assistant.lang.nothing import is_nothing
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


_SUBORDINATE = (
    "koska ",
    "sillä ",
    "jotta ",
    "vaikka ",
    "because ",
    "since ",
    "as ",
    "so that ",
    # a condition or an indirect question completes the clause before it: "lasku voi olla
    # isompi, jos kierroksia on paljon", "asiakas ei tiedä, missä vaiheessa osat ovat"
    # what is known, feared or asked completes its verb: "moni ei tiedä, että …",
    # "pelätään, ettei toimitus pelaa"; so does when: "…, kun olemme niin pieni firma"
    "että ",
    "ettei ",
    "etteivät ",
    "et ",
    "kun ",
    "ku ",
    "jos ",
    "ellei ",
    "missä ",
    "mihin ",
    "milloin ",
    "unless ",
)


_CONDITION = ("jos ", "ellei ", "unless ")


_CLAUSE_KEPT = re.compile(f"({_CLAUSE.pattern})", re.IGNORECASE)
"""_CLAUSE keeping what it split at: a "ja" there opens a thought of its own."""


def clauses(text: str) -> list[str]:
    out: list[str] = []
    for sentence in sentences(text):
        pieces = _CLAUSE_KEPT.split(sentence)
        start = len(out)
        for i in range(0, len(pieces), 2):
            part = pieces[i].strip(" .")
            if not part:
                continue
            joint = pieces[i - 1] if i else ""
            low = part.lower()
            # "hermostunut, koska tauko on lyhyt": a reason belongs to the clause before it;
            # so does a condition ("isompi, jos kierroksia on paljon") unless "ja" opens it
            # as a thought of its own ("…, ja jos joutuu oottaa ne vaihtaa") or the clause
            # before is a "nothing" ("ei ongelmia, jos keikka on menny hyvin").
            condition = low.startswith(_CONDITION)
            joined = re.search(r"\b(?:ja|and|sekä|mutta|but)\b", joint, re.IGNORECASE)
            if (
                len(out) > start
                and low.startswith(_SUBORDINATE)
                and not (condition and (joined or is_nothing(out[-1])))
            ):
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
