"""Answers that say "nothing" ("ei mitään erityistä", "no problems", "en tiiä").

Such an answer stores nothing: it is never a pain point, a touchpoint or a metric.
The phrases are data (prompts/offline/cues.yaml, `nothing`).
"""

from __future__ import annotations

import re
from functools import cache

from assistant.lang.lexicon import cues
from assistant.lang.words import at_least_similar

_PUNCT = re.compile(r"[^\w\s/'’-]+")


def _norm(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.casefold().replace("’", "'")).split())


@cache
def _phrases() -> tuple[frozenset[str], tuple[str, ...]]:
    table = cues()["nothing"]
    whole = frozenset(_norm(str(p)) for p in table["whole"])
    lead = tuple(sorted((_norm(str(p)) for p in table["lead"]), key=len, reverse=True))
    return whole, lead


_NONE_OF = re.compile(
    r"^(?:ei|no|not|en|eipä)\b.{0,25}\b(?:mitään|mitää|mistään|mistää|any|anything|really any)\b"
    r"|^(?:en usko|i don't think|i dont think|i doubt)\b.{0,12}\b(?:mikään|mitään|anything|any)\b"
)


# "ei hirveesti ongelmia", "tuskin ongelmia", "muuten ei suurempia ongelmia", "not many
# issues": a negation or hedge, at most three words, and a word for problems - nothing else.
_FEW_PROBLEMS = re.compile(
    r"^(?:(?:muuten|otherwise|but|mut|mutta|and|ja)\s+)?"
    r"(?:ei|eipä|eikä|tuskin|no|not|hardly|few|very few|tosi vähän|aika vähän|vähän)\b"
    r"(?:\s+[\w'-]+){0,3}?\s+"
    r"(?:ongelm\w*|probl\w*|issues?|hankaluuk\w*|vaikeuk\w*|valitu\w*|complaints?|"
    r"hiertämis\w*|kitka\w*)$"
)


@cache
def _around() -> tuple[str, ...]:
    return tuple(
        sorted((_norm(str(p)) for p in cues()["nothing"]["around"]), key=len, reverse=True)
    )


def _bare(norm: str) -> str:
    """The text without the words around a "nothing" ("honestly … there", "… rly")."""
    changed = True
    while changed and norm:
        changed = False
        for w in _around():
            if norm.startswith(w + " "):
                norm, changed = norm[len(w) + 1 :], True
            elif norm.endswith(" " + w):
                norm, changed = norm[: -len(w) - 1], True
    return norm


def is_nothing(text: str) -> bool:
    """Whether the whole answer says there is nothing (to add)."""
    norm = _norm(text)
    whole, lead = _phrases()
    if norm and norm not in whole:
        norm = _bare(norm) or norm
    if not norm:
        return True
    if norm in whole:
        return True
    if len(norm) >= 8 and any(at_least_similar(norm, p, 0.9) for p in whole if len(p) >= 8):
        return True  # "ei mitää erityistä"
    if _FEW_PROBLEMS.match(norm):
        return True  # "ei hirveesti ongelmia", "tuskin ongelmia"
    if len(norm.split()) <= 6 and _NONE_OF.match(norm):
        return True  # "ei sillai mitään erityistä turhautumista", "not any real issues"
    # "ei mitään erityistä oikeastaan", "no problems really, it works": a nothing-lead and
    # at most a few filler words after it.
    return any(norm.startswith(p) and len(norm.split()) - len(p.split()) <= 3 for p in lead)


@cache
def _opens() -> tuple[str, ...]:
    return tuple(_norm(str(p)) for p in cues()["nothing"]["opens"])


def opens_with_nothing(text: str) -> bool:
    """Whether a clause opens with "nothing" and goes on ("ei mitään erityistä ne löytää
    meidät kyllä"): the rest is context, not a problem."""
    norm = _norm(text)
    return any(norm.startswith(p + " ") for p in _opens())
