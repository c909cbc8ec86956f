"""The offline brain's lexicons (prompts/offline/*.yaml) and lookups against them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from assistant.lang.words import fuzzy_equal, has_prefix, words, written_case
from assistant.prompts import load_yaml


@dataclass(frozen=True)
class Entry:
    """A known thing (a channel, a KPI, a feedback channel) and the words naming it."""

    key: str
    fi: str
    en: str
    kind: str
    forms: tuple[str, ...]

    def name(self, lang: str) -> str:
        return self.fi if lang == "fi" else self.en


def _entries(table: dict[str, list[str]], *, with_kind: bool) -> tuple[Entry, ...]:
    out = []
    for key, row in table.items():
        fi, en, *rest = (str(x) for x in row)
        kind = rest.pop(0) if with_kind else ""
        out.append(Entry(key, fi, en, kind, (key, fi.lower(), en.lower(), *rest)))
    return tuple(out)


@cache
def lexicon() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("offline/lexicon.yaml")
    return data


@cache
def cues() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("offline/cues.yaml")
    return data


@cache
def given_names() -> frozenset[str]:
    """Common given names, lower case (prompts/offline/given_names.yaml): a name written in
    lower case ("petri, työnjohtaja …") is still a name."""
    data: dict[str, list[str]] = load_yaml("offline/given_names.yaml")
    return frozenset(str(n) for names in data.values() for n in names)


@cache
def channels() -> tuple[Entry, ...]:
    return _entries(lexicon()["channels"], with_kind=True)


@cache
def kpis() -> tuple[Entry, ...]:
    return _entries(lexicon()["kpis"], with_kind=False)


@cache
def feedback_channels() -> tuple[Entry, ...]:
    return _entries(lexicon()["feedback_channels"], with_kind=False)


def lookup(phrase: str, entries: tuple[Entry, ...], *, fuzzy: bool = True) -> Entry | None:
    """The entry `phrase` names: exact multi-word forms first, then single words, then typos."""
    ws = _base_words(phrase)
    ws += [part for w in ws if "-" in w for part in w.split("-")]  # Google-arvostelut
    if not ws:
        return None
    for e in entries:
        for form in e.forms:
            if " " in form and has_prefix(ws, form) >= 0:
                return e
    for exact in (True, False) if fuzzy else (True,):
        for w in ws:
            for e in entries:
                singles = [f for f in e.forms if " " not in f]
                if (
                    any(w == f for f in singles)
                    if exact
                    else w not in function_words() and any(fuzzy_equal(w, f) for f in singles)
                ):
                    return e
    return None


def find_all(text: str, entries: tuple[Entry, ...]) -> list[Entry]:
    """Every entry mentioned in `text`, in order of first mention, without duplicates."""
    found: list[tuple[int, Entry]] = []
    ws = _base_words(text)
    for e in entries:
        positions = [has_prefix(ws, f) for f in e.forms if " " in f]
        positions += [i for i, w in enumerate(ws) for f in e.forms if " " not in f and _hit(w, f)]
        positions = [p for p in positions if p >= 0]
        if positions:
            found.append((min(positions), e))
    return [e for _, e in sorted(found, key=lambda x: x[0])]


def _base_words(text: str) -> list[str]:
    """Words with an abbreviation's case ending cut off: "NPS:ää" is NPS."""
    out = [w.split(":")[0] if ":" in w else w for w in words(text)]
    return [written_case(w) or w for w in out]  # spoken "verkkokaupas" is "verkkokaupassa"


def _hit(word: str, form: str) -> bool:
    if word == form:
        return True
    return len(form) >= 4 and word not in function_words() and fuzzy_equal(word, form)


@cache
def function_words() -> frozenset[str]:
    """Subjects, adverbs and particles that never name a place ("moni", "they"), so never a
    typo of one either: "kanssa" (with) is no Kassa."""
    return frozenset(str(w).lower() for w in cues()["phrases"]["function"])


def word_set(name: str) -> frozenset[str]:
    """A flat word list from the lexicon or the cues (e.g. "yes", "intensifiers")."""
    value = lexicon().get(name)
    return frozenset(str(v).lower() for v in value or [])


def cue_list(group: str, name: str) -> list[str]:
    return [str(c).lower() for c in cues()[group][name]]


def first_cue(ws: list[str], group: str, name: str) -> int:
    """Position of the first cue of cues[group][name] in the words, or -1."""
    return _first_cue(tuple(ws), group, name)


@lru_cache(maxsize=8192)
def _first_cue(ws: tuple[str, ...], group: str, name: str) -> int:
    listed = list(ws)
    hits = [i for c in cue_list(group, name) if (i := has_prefix(listed, c)) >= 0]
    return min(hits) if hits else -1
