"""Which touchpoint or stage a phrase refers to: "kassalla" -> Kassa, "ig" -> Instagram,
"lomake" -> Tarjouslomake, "suositus" -> Kaverin suositus. Never by one shared word that
is only a part of a longer word: "puhelimella" names Puhelin, not Puhelintilaus.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from assistant.lang.lexicon import channels, lookup
from assistant.lang.words import fuzzy_equal, keys, words

FULL, ALIAS, HEAD = 3, 2, 1
_VOWELS = frozenset("aeiouyåäö")
# Words every answer uses of the customer: never a reference to a touchpoint by themselves.
_GENERIC = frozenset(
    {
        "asiakas",
        "asiakkaat",
        "asiakkaan",
        "asiakkaita",
        "customer",
        "customers",
        "client",
        "clients",
    }
)


def _same(word: str, part: str) -> bool:
    if word == part or keys(word) & keys(part):
        return True
    if len(part) >= 7 and part.endswith("nen") and word == part[:-3] + "s":
        return True  # "löytämis(vaihe)": a -nen word's compound form
    if part.endswith(word) and len(part) > len(word):
        return False  # "booking" is no "rebooking": a word with more before it is another word
    return len(part) >= 4 and len(word) >= 4 and fuzzy_equal(word, part)


def strength(ws: list[str], name: str, *, first_word: bool = False, loose: bool = False) -> int:
    """How surely the words refer to `name`: FULL (every content word of the name),
    ALIAS (a known channel's other name, or the head word of a longer name), HEAD (the
    last part of a compound, "lomake" for "Tarjouslomake"), or 0. `loose` also lets either
    end of a compound part count, for lists where every item names a touchpoint."""
    parts = [p for p in words(name) if len(p) >= 3] or words(name)
    if not parts or not ws:
        return 0
    if not set(parts) & _GENERIC:
        ws = [w for w in ws if w not in _GENERIC]  # "asiakas" alone names no Asiakaskäynti
        if not ws:
            return 0
    if all(any(_same(w, p) for w in ws) for p in parts):
        return FULL
    if len(parts) >= 3 and sum(any(_same(w, p) for w in ws) for p in parts) >= len(parts) - 1:
        return ALIAS  # "service voucher process" for "Service voucher application"
    acronyms = [
        t.lower()
        for t in name.split()
        if 2 <= len(t) <= 4 and t.isalpha() and (t.isupper() or not _VOWELS & set(t.lower()))
    ]  # "PT sessions", and "Pt sessions" as the user wrote it
    if acronyms and any(w in acronyms for w in ws):
        return ALIAS  # "pt" for "PT sessions", "crm" for "CRM demo"
    entry = lookup(name, channels(), fuzzy=False)
    if entry is not None and any(lookup(w, channels(), fuzzy=False) == entry for w in ws):
        return ALIAS
    head = parts[-1]
    if len(parts) > 1 and len(head) >= 4 and any(_same(w, head) for w in ws):
        return ALIAS
    pieces = [q for q in head.split("-") if q]
    if len(pieces) > 1 and len(pieces[-1]) >= 4 and any(_same(w, pieces[-1]) for w in ws):
        return ALIAS  # "luonnoksen" for "3D-luonnos", "ryhmässä" for "Facebook-ryhmä"
    first = parts[0]
    if first_word and len(parts) > 1 and len(first) >= 4 and any(_same(w, first) for w in ws):
        return ALIAS  # "demo" for "Demo call", "kickoff" for "Kickoff call"
    if len(head) >= 8:  # "lomake" for "Verkkosivujen tarjouslomake" too
        for w in ws:
            if len(w) >= 4 and any(
                len(k) >= 4 and head.endswith(k) and len(head) - len(k) >= 3 for k in keys(w)
            ):
                return HEAD  # "raporttia" for "Kuukausiraportti"
    if len(parts) == 1 and len(head) >= 6:
        stems = [k for k in keys(head) if len(k) >= 6]
        if head.endswith("nen"):
            stems.append(head[:-3] + "s")  # "ilmottautumis|lomake": a -nen word's compound form
        for w in ws:
            if len(w) > len(head) + 2 and any(w.startswith(k) for k in stems):
                return HEAD  # "ajanvarauskalenteri" is about Ajanvaraus
    if loose:
        for w in ws:
            bases = [k for k in keys(w) if len(k) >= 5] if len(w) >= 5 else []
            for part in parts:
                # a compound's head ("kartoitus" of Kuntokartoitus), never a word with a
                # mere prefix before it ("booking" of Rebooking)
                if any(
                    part != k
                    and ((part.endswith(k) and len(part) - len(k) >= 3) or part.startswith(k))
                    for k in bases
                ):
                    return HEAD  # in a list of feelings: "kartoitus", "tiketit"
    return 0


def _closeness(ws: list[str], name: str) -> float:
    """How nearly the words spell the name: "pallokone" is closer to Pallokone than to
    Pallokortti, though both share the stem."""
    parts = words(name)
    if not parts or not ws:
        return 0.0
    return sum(max(SequenceMatcher(None, w, p).ratio() for w in ws) for p in parts) / len(parts)


def best(
    ws: list[str], names: list[str], *, loose: bool = False, first_word: bool = False
) -> str | None:
    """The name the words refer to most surely (ties: the longer name, then the one the
    words spell most nearly)."""
    scored = [
        (strength(ws, n, loose=loose, first_word=first_word), len(words(n)), _closeness(ws, n), n)
        for n in names
    ]
    scored = [s for s in scored if s[0] > 0]
    if not scored:
        return None
    return max(scored)[3]


def all_named(ws: list[str], names: list[str]) -> list[str]:
    """Every name the words refer to (FULL or ALIAS), in the order given; a name inside a
    longer one that is named too is left out ("Email" in "Pre-arrival email"). Looser than
    `best`: the first word of a name counts ("demo" for "Demo call"), as in a list of
    feelings every item names a touchpoint."""
    found = [n for n in names if strength(ws, n, first_word=True) >= ALIAS]
    full = [n for n in found if strength(ws, n) == FULL]
    if full:
        found = full
    return [n for n in found if not any(m != n and set(words(n)) < set(words(m)) for m in found)]
