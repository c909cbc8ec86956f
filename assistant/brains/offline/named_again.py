"""Places the user names again: a feeling or a critical flag given to something the map does
not hold, which the user did name when telling one stage's places ("järjestän maistatuksen
paikan päällä" under Harkinta, later "maistatus on yleensä +2" and "Maistatus ja
baristakoulutus" as the critical ones). Said twice, once as a place of that stage, it is a
place of that stage: it is added there, so the feeling or the flag has somewhere to go.

Only a word of the later answer that names nothing on the map, is no function word, verb,
feeling or stage, and was said (the same base form) in exactly one stage's places answer,
where the rules read it as a name of a place (in a clause that gave the map no place
already): "the price" said in passing is never added. Numbers: benchmarks/NOTES.md,
"Understanding, session 13".
"""

from __future__ import annotations

import re
from functools import cache

from assistant.lang import refer
from assistant.lang.clauses import sentences
from assistant.lang.lexicon import lexicon
from assistant.lang.lists import split_items
from assistant.lang.phrases import (
    is_function_word,
    plausible_name,
    tidy_touchpoint,
    touchpoint_names,
)
from assistant.lang.verbs import is_verb
from assistant.lang.words import lemma, words
from assistant.model import JourneyMap
from assistant.patch import TouchpointPatch

_CHUNK = re.compile(r"[,;:.!?()]|\s+(?:ja|and|sekä|mutta|mut|but|tai|or|paitsi|except)\s+", re.I)
_MIN = 5


@cache
def _feeling_words() -> frozenset[str]:
    return frozenset(str(w).lower() for ws in lexicon()["emotions"].values() for w in ws)


def _key(word: str, lang: str) -> str:
    low = word.lower()
    return lemma(low) if lang == "fi" else low.removesuffix("s")


def _candidate(word: str, lang: str) -> bool:
    low = word.lower()
    return (
        len(low) >= _MIN
        and low.isalpha()
        and not is_function_word(low)
        and not (lang == "fi" and is_verb(low))
        and low not in _feeling_words()
        and _key(low, lang) not in _feeling_words()
    )


def _said_in(word: str, said: str, lang: str) -> bool:
    key = _key(word, lang)
    return any(
        _key(v, lang) == key or (len(key) >= 8 and v.lower().startswith(key[:8]))
        for v in words(said)
        if len(v) >= _MIN
    )


def _heard_name(word: str, told: str, lang: str, names: list[str]) -> str:
    """The place as the user named it in the stage's answer ("volume discounts" for a later
    "discount", "the payroll officer" for "payroll officer"); "" when the word was no name
    of a place there."""
    key = _key(word, lang)
    found = [
        name
        for sentence in sentences(told)
        for item in split_items(sentence)
        if not any(_on_map(v, names) for v in words(item))  # "Varaus tapahtuu Momoyogan kautta"
        for name, _ in touchpoint_names(item, lang=lang)
        if len(words(name)) <= 3
        and any(_key(v, lang) == key for v in words(name))
        and plausible_name(name, lang=lang)
    ]
    if not found:
        return ""  # said in passing, never as a place ("the price", "päivä")
    name = min(found, key=len)
    return tidy_touchpoint(name, lang=lang) or name


def _on_map(word: str, names: list[str]) -> bool:
    """Whether a word of the map's places starts like it ("teams" and "Teams palaveri")."""
    head = word.lower()[:_MIN]
    return any(v.lower()[:_MIN] == head for n in names for v in words(n) if len(v) >= _MIN)


def named_again(
    text: str, *, journey: JourneyMap, heard: dict[str, str], lang: str
) -> list[TouchpointPatch]:
    """The places to add before reading `text` (a feelings or critical answer)."""
    names = [t.name for _, t in journey.touchpoints()]
    stages = [s.name for s in journey.stages]
    said = {s: heard[s] for s in stages if heard.get(s)}
    if not said:
        return []
    out: list[TouchpointPatch] = []
    taken: set[str] = set()
    for sentence in sentences(text):
        for chunk in _CHUNK.split(sentence):
            ws = words(chunk)
            if not ws or refer.best(ws, names, loose=True) is not None:
                continue  # the chunk is about a place the map has
            if any(refer.strength(ws, s) >= refer.ALIAS for s in stages):
                continue  # "Tietoisuus-vaiheessa kaikki neutraaleja": a stage, not a place
            if any(_on_map(w, names) for w in ws):
                continue
            for w in ws:
                if not _candidate(w, lang):
                    continue
                where = [s for s, told in said.items() if _said_in(w, told, lang)]
                if len(where) != 1:
                    continue
                name = _heard_name(w, said[where[0]], lang, names)
                if not name or name.casefold() in taken or _on_map(name, names):
                    continue
                taken.add(name.casefold())
                out.append(TouchpointPatch(stage=where[0], name=name[:1].upper() + name[1:]))
                break  # one place a chunk: "maistatus on yleensä +2"
    return out
