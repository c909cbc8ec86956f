"""Spoken Finnish in a question, read as the written words of the index.

People type as they speak: "tarkottaa", "viimenen", "monimutkasta" drop the i of a
diphthong, "tehä", "kohalla" the d, "pitäis" a final i, "kuullu" a final t, "nettisivuil"
the vowel of a case ending. The articles and cards are written Finnish, so such a word
matches nothing: its stem differs from the written one's. A word the index does not know
is tried with each of these sounds put back, and the first candidate the index knows (a
form of its lemma table or a word of its text) stands in for it, unless the word is a
written form after all ("kuule", "lopussa": the index need not know every word). Only
unknown words change, and only to known ones, so written Finnish and English pass through;
spoken pronouns ("mulla", not "muilla") are stopwords and stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator

from assistant.knowledge.search.tokens import STOPWORDS
from assistant.lang.words import fi_forms

VOWELS = "aeiouyäö"
_WORD = re.compile(r"[a-zåäö]+", re.IGNORECASE)
MIN_LEN = 4
"""Shorter words ("mä", "oo", "mun") are pronouns and verbs the search ignores anyway."""


def _diphthong(word: str) -> Iterator[str]:
    """An i put back after a vowel that a consonant follows: "tarkottaa" -> "tarkoittaa"."""
    for i in range(1, len(word) - 1):
        if word[i - 1] in VOWELS and word[i - 1] != "i" and word[i] not in VOWELS:
            yield f"{word[:i]}i{word[i:]}"


def _d(word: str) -> Iterator[str]:
    """A d put back after h or between two vowels: "tehä" -> "tehdä", "kohalla" -> "kohdalla"."""
    for i in range(1, len(word)):
        if (word[i - 1] == "h" or word[i - 1] in VOWELS) and word[i] in VOWELS:
            yield f"{word[:i]}d{word[i:]}"


def _endings(word: str) -> Iterator[str]:
    """A final sound put back: "pitäis" -> "pitäisi", "kuullu" -> "kuullut",
    "nettisivuil" -> "nettisivuilla", "verkkokaupas" -> "verkkokaupassa"."""
    back = any(ch in word for ch in "aou")
    a = "a" if back else "ä"
    yield f"{word}i"
    yield f"{word}t"
    if word[-1] in "sl":
        yield f"{word}{word[-1]}{a}"
    if word[-2:] in ("ss", "st", "ll", "lt"):
        yield f"{word}{a}"


RULES: tuple[Callable[[str], Iterator[str]], ...] = (_diphthong, _d, _endings)


def written(word: str, known: Collection[str]) -> str:
    """The written form of a spoken `word` that `known` holds, else `word` itself."""
    low = word.lower()
    if len(low) < MIN_LEN or low in known or low in STOPWORDS:
        return word
    candidate = next((c for rule in RULES for c in rule(low) if c in known), None)
    if candidate is None or _in_dictionary(low):  # "kuule" is no spoken "kuulet"
        return word
    return candidate


def _in_dictionary(word: str) -> bool:
    """Whether `word` is a written Finnish form. Asked only once a candidate is found: the
    dictionary reader takes ~1.5 s to open in a process that has not parsed Finnish yet."""
    return fi_forms().get(word) is not None


def written_text(text: str, known: Collection[str]) -> str:
    """`text` with each spoken word it holds replaced by its known written form."""
    return _WORD.sub(lambda m: written(m.group(0), known), text)
