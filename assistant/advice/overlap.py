"""Content words as short stems: the shared measure of "about the same thing" in advice.

Tips, answers and the support check compare a user's words with a card's text. Stems cut
to five letters match Finnish inflections ("mittari", "mittarit", "mittareita") and English
plurals alike; the domain's everyday words (customer, business, journey) say nothing.
"""

from __future__ import annotations

from functools import cache, lru_cache

from assistant.knowledge.ingest.cards import default_knowledge_dir
from assistant.knowledge.search.glossary import load_glossary, mentioned
from assistant.lang.words import fi_forms, stem, words
from assistant.prompts import load_yaml

PREFIX = 5
MIN_LEN = 4
MIN_COMPOUND = 9
"""Shorter words are not split: "asiakas" is no compound of "asia"."""


@cache
def _common() -> frozenset[str]:
    return frozenset(str(w)[:PREFIX] for w in load_yaml("advice/tips.yaml")["common_words"])


@cache
def _stop() -> frozenset[str]:
    return frozenset(str(w) for w in load_yaml("advice/answers.yaml")["stopwords"])


@lru_cache(maxsize=16384)
def parts(word: str) -> tuple[str, ...]:
    """The two known words of a Finnish compound ("asiakastyytyväisyys" -> "asiakas",
    "tyytyväisyys"), or () when the dictionary knows no such split."""
    if len(word) < MIN_COMPOUND:
        return ()
    # The low-memory reader lemma() already holds: the same forms as fi_dictionary(), whose
    # whole dict (~400 MB, ~10 s) is for building search indexes, never for a turn.
    table = fi_forms()
    for i in range(MIN_LEN, len(word) - MIN_LEN + 1):
        head, tail = word[:i], word[i:]
        if head in table and tail in table:
            return (head, tail)
    return ()


COMMON, PART = 0.25, 0.5
"""Weights of an everyday domain word and of a compound's part, against a plain word's 1."""


def weights(text: str) -> dict[str, float]:
    """The content stems of `text` (and of its compounds' parts) with their weights."""
    common, stop = _common(), _stop()
    out: dict[str, float] = {}
    for w in words(text):
        if len(w) < MIN_LEN or w in stop:
            continue
        for n, part in enumerate((w, *parts(w))):
            key = stem(part)[:PREFIX]
            weight = (PART if n else 1.0) * (COMMON if key in common else 1.0)
            out[key] = max(out.get(key, 0.0), weight)
    return out


def overlap(asked: dict[str, float], text: dict[str, float]) -> float:
    """How much of what is asked `text` speaks to: the shared stems' weights."""
    return sum(min(w, text[k]) for k, w in asked.items() if k in text)


def content_stems(text: str) -> set[str]:
    """The stems of `text` that say what it is about (no everyday domain words)."""
    return {k for k, w in weights(text).items() if w >= PART}


CONCEPT = 0.75
"""Weight of a glossary concept shared by two texts: strong, but a word's own stem counts more."""


@lru_cache(maxsize=8192)
def _concepts(text: str) -> tuple[str, ...]:
    """The bilingual glossary entries (knowledge/glossary.yaml) `text` mentions, as keys
    "@<preferred Finnish term>": "yritysasiakkaita" and "B2B" meet as one concept, and so
    do an English question and a Finnish card."""
    glossary = load_glossary(default_knowledge_dir() / "glossary.yaml")
    return tuple(f"@{term.fi[0]}" for term in mentioned(text, glossary))


def answer_weights(text: str) -> dict[str, float]:
    """weights() plus the glossary concepts `text` mentions: the measure of answers, where a
    question and a card often say the same thing in other words or the other language."""
    out = weights(text)
    common = _common()
    for key in _concepts(text):
        # An everyday concept (customer, journey) says as little as its word does.
        weight = CONCEPT * (COMMON if stem(key[1:])[:PREFIX] in common else 1.0)
        out[key] = max(out.get(key, 0.0), weight)
    return out
