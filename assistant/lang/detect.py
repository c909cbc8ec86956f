"""Which language a text is in, 'fi' or 'en': by function words and å/ä/ö."""

from __future__ import annotations

from assistant.lang.words import words

_FI_MARKERS = frozenset({"ja", "on", "ei", "että", "kun", "tai", "sekä", "voi", "myös", "se"})
_FI_MARKERS |= {"ovat", "mitä", "miten", "jos"}
_EN_MARKERS = frozenset({"the", "and", "is", "are", "of", "to", "in", "that", "for", "with"})
_EN_MARKERS |= {"you", "your", "how", "what"}
_FI_QUESTION = frozenset({"onko", "miksi", "mikä", "kuinka", "keneltä", "kenelle", "tuleeko"})
_FI_QUESTION |= {"saako", "voinko"}
_EN_FUNCTION = frozenset({"the", "a", "an", "and", "or", "of", "to", "in", "for", "with", "is"})
_EN_FUNCTION |= {"are", "was", "be", "do", "does", "did", "can", "could", "should", "would"}
_EN_FUNCTION |= {"what", "which", "who", "why", "how", "when", "where", "my", "our", "your"}
_EN_FUNCTION |= {"i", "we", "you", "it", "this", "that"}


def guess_lang(text: str) -> str:
    """'fi' or 'en' for a passage; good enough to prefer a language, never to filter."""
    head = text[:3000]
    ws = words(head)
    fi = sum(w in _FI_MARKERS for w in ws) + sum(ch in "äö" for ch in head) / 4
    en = sum(w in _EN_MARKERS for w in ws)
    return "en" if en > fi else "fi"


def query_lang(text: str) -> str:
    """'fi' or 'en' for a short question. A one-line question often has none of
    guess_lang's markers, so here any å/ä/ö or Finnish question word makes it Finnish,
    else any English function word makes it English, else Finnish (keyword queries such
    as "asiakaspolun vaiheet")."""
    if any(ch in "äöå" for ch in text.lower()):
        return "fi"
    ws = set(words(text[:3000]))
    # "on" is a Finnish verb and an English preposition: it decides nothing.
    if ws & (_FI_MARKERS - {"on"}) or ws & _FI_QUESTION:
        return "fi"
    return "en" if ws & _EN_FUNCTION else "fi"
