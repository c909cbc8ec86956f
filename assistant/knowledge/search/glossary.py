"""The bilingual domain glossary (knowledge/glossary.yaml) as query expansion.

An English question about Finnish text gains the Finnish terms of the glossary
entries it mentions (and the other way round), so the lexical half of hybrid
search can match across languages; the multilingual vectors do the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.knowledge.search.tokens import stem, words


@dataclass(frozen=True)
class Term:
    """One glossary pair; `fi`/`en` may list variants, the first is the preferred form."""

    fi: tuple[str, ...]
    en: tuple[str, ...]


def _as_tuple(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return ()


@lru_cache(maxsize=4)
def load_glossary(path: Path) -> tuple[Term, ...]:
    import yaml

    if not path.is_file():
        return ()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = data.get("terms", []) if isinstance(data, dict) else data
    return tuple(
        Term(fi=_as_tuple(e.get("fi")), en=_as_tuple(e.get("en")))
        for e in entries
        if isinstance(e, dict) and e.get("fi") and e.get("en")
    )


@lru_cache(maxsize=4096)
def _stems(phrase: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(phrase))


def _mentions(query_stems: list[str], joined: str, phrase: str) -> bool:
    target = _stems(phrase)
    if not target:
        return False
    if len(target) == 1 and len(target[0]) >= 6:
        # Finnish compounds ("asiakaspolkukartta" mentions "asiakaspolku") and consonant
        # gradation (asiakaspolulle -> asiakaspolu): match on the stem minus its last letters.
        core = target[0][: max(6, len(target[0]) - 2)] if len(target[0]) >= 8 else target[0]
        return core in joined  # no spaces in core: a substring of one of the stems
    return f" {' '.join(target)} " in joined


def mentioned(query: str, glossary: tuple[Term, ...]) -> list[Term]:
    """The glossary entries `query` mentions, in either language."""
    query_stems = [stem(w) for w in words(query)]
    joined = f" {' '.join(query_stems)} "
    return [
        term
        for term in glossary
        if any(_mentions(query_stems, joined, p) for p in (*term.en, *term.fi))
    ]


def expand(query: str, glossary: tuple[Term, ...]) -> list[str]:
    """Every variant, in both languages, of each glossary entry the query mentions
    (the other language for cross-lingual search, same-language synonyms for paraphrases)."""
    query_stems = [stem(w) for w in words(query)]
    joined = f" {' '.join(query_stems)} "
    extra: list[str] = []
    for term in glossary:
        if any(_mentions(query_stems, joined, p) for p in (*term.en, *term.fi)):
            extra.extend((*term.fi, *term.en))
    return list(dict.fromkeys(extra))


def translate_terms(query: str, glossary: tuple[Term, ...]) -> list[str]:
    """The preferred Finnish form of each glossary entry an (English) query mentions: a
    rough translation of its key terms, so the multilingual vectors see Finnish words."""
    query_stems = [stem(w) for w in words(query)]
    joined = f" {' '.join(query_stems)} "
    return list(
        dict.fromkeys(
            term.fi[0]
            for term in glossary
            if any(_mentions(query_stems, joined, p) for p in (*term.en, *term.fi))
        )
    )
