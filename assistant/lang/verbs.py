"""Finnish finite verbs, told from their lemma: the phrase after a verb names a touchpoint
(phrases.py), and a verb is never a name of the user's own (lists.py)."""

from __future__ import annotations

from functools import cache

from assistant.lang.lexicon import cue_list
from assistant.lang.words import lemma

_INFINITIVE: tuple[str, ...] = ("da", "dä", "lla", "llä", "nna", "nnä", "rra", "rrä", "sta", "stä")
_INFINITIVE += ("ata", "ätä", "ota", "ötä", "uta", "ytä", "ita", "itä", "eta", "etä")
_FINITE = ("vat", "vät", "taan", "tään", "daan", "dään", "tiin", "ttiin")


@cache
def _cues(name: str) -> frozenset[str]:
    return frozenset(cue_list("phrases", name))


def is_verb(word: str) -> bool:
    """Whether a Finnish word is a finite verb (a dictionary gives lemmas, not word classes)."""
    s = word.lower().strip(".,!?:;\"'")
    if s in _cues("verbs"):
        return True
    if not s.isalpha() or len(s) < 3 or s in _cues("function") or word[:1].isupper():
        return False  # a capital marks a name ("Instagram") in an answer's clause
    base = lemma(s)
    if s.startswith(base) and len(s) - len(base) >= 3 and not s.endswith(_FINITE):
        return False  # a compound the dictionary cut short, not a verb form
    if s.endswith(_FINITE) and base != s:
        return True
    if len(base) < 4 or base[-1] not in "aä":
        return False
    if base[-2] in "aeouyäö":  # katsoa, lukea, tutustua; "pyytää" is its own lemma
        return base != s or s[-2:] in ("aa", "ää")
    if base == s:
        return False  # an unknown word ("karttahausta") only looks like an infinitive
    return base.endswith(_INFINITIVE) or (base[-2] == "i" and s.endswith(("ii", "vat", "vät")))
