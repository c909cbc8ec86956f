"""Emotions on the -2..+2 scale, numbers and yes/no, in Finnish and English."""

from __future__ import annotations

import re
from functools import cache

from assistant.lang.lexicon import lexicon, word_set
from assistant.lang.words import fuzzy_equal, lemma, words

_NUM = re.compile(r"(?<![\w.])([+-−]?\d+(?:[.,]\d+)?)\s*(?:/\s*(\d+))?")


@cache
def _emotion_words() -> tuple[tuple[str, int], ...]:
    table = lexicon()["emotions"]
    return tuple((str(w).lower(), int(v)) for v, ws in table.items() for w in ws)


def _diminishers() -> frozenset[str]:
    return frozenset(str(w).lower() for w in lexicon().get("diminishers", []) if " " not in str(w))


def _clamp(value: int) -> int:
    return max(-2, min(2, value))


def number(text: str, *, lang: str) -> int | None:
    """A score on -2..+2 from "3/5", "-1", "+2", "plus kaksi", "4 out of 5"."""
    low = text.lower().replace("−", "-")
    m = _NUM.search(low)
    if m:
        value = float(m.group(1).replace(",", "."))
        scale = (
            m.group(2)
            or (re.search(r"\b(?:out of|of|/|asteikolla \d+-)\s*(\d+)", low) or [None, None])[1]
        )
        if scale and int(scale) > 0:
            # Map 1..N onto -2..+2.
            n = int(scale)
            return _clamp(round(-2 + 4 * (value - 1) / max(n - 1, 1)))
        return _clamp(round(value)) if -2 <= value <= 2 else None
    for table in (lexicon()["numbers"][lang], lexicon()["numbers"]["fi" if lang == "en" else "en"]):
        for phrase, value in sorted(table.items(), key=lambda x: -len(x[0])):
            if re.search(rf"\b{re.escape(phrase)}\b", low) and -2 <= int(value) <= 2:
                return int(value)
    return None


def emotion(text: str) -> tuple[int, str] | None:
    """(score, the feeling word) from the first emotion word, with intensifiers and negation."""
    ws = words(text)
    intens, negs = word_set("intensifiers"), word_set("negations")
    for i, w in enumerate(ws):
        value = next((v for form, v in _emotion_words() if w == form), None)
        if value is None and len(w) >= 6:
            value = next(
                (v for form, v in _emotion_words() if len(form) >= 6 and fuzzy_equal(w, form)), None
            )
        if value is None:
            continue
        before = ws[max(0, i - 3) : i]
        if any(b in negs or b.endswith("n't") for b in before):
            # "not happy" is mildly negative; "not angry" is about neutral.
            value = -1 if value > 0 else 0
        elif any(b in intens for b in before) and value != 0:
            value = 2 if value > 0 else -2
        elif any(b in _diminishers() for b in before) and abs(value) == 2:
            value = 1 if value > 0 else -1  # "vähän turhautunut", "a bit annoyed"
        return _clamp(value), w
    return None


def yes_no(text: str) -> bool | None:
    """True for yes/kyllä/ok/sopii, False for no/ei, None when unclear."""
    ws = words(text)
    if not ws or len(ws) > 12:
        return None
    first = ws[0]
    if first in word_set("no") or (len(ws) > 1 and " ".join(ws[:2]) in {"ei kiitos", "no thanks"}):
        return False
    yes = word_set("yes")
    if first in yes or any(w in yes for w in ws[:3]) or lemma(first) in yes:
        return True
    return None
