"""Touchpoint names found by a small learned tagger: which words of an answer name a place.

The rules of phrases.py read what they were written for well and new wordings badly (a
blind set's touchpoints scored 0.57/0.63 by them; the words around a name leak into it:
"LinkedIn ads now", "Quote as", "Kun"). This tagger is a linear-chain CRF (python-crfsuite)
over word features only: the word, its affixes, case and shape, whether it is a function
word, a verb or a known channel, and the same of its neighbours. It marks spans
(B/I/O); each span is then named by the same code the rules use (name_items and
tidy_touchpoint), so "ig" is still Instagram and "tiskille" still "Tiski".

It is trained by `benchmarks/touchpoint_tagger.py` on the development interviews and the
answer table (never on the blind set), which also prints how it compares with the rules
by leaving one set out. The model ships with the code (lang/models/touchpoints.crfsuite,
about 400 KB). Without python-crfsuite or the model, `tagged_names` returns None and the
rules alone name the touchpoints.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from assistant.lang.lexicon import channels, lookup
from assistant.lang.lists import name_items
from assistant.lang.nothing import is_nothing
from assistant.lang.phrases import (
    english_verbs,
    is_function_word,
    is_verb,
    tidy_touchpoint,
    town,
    verb_like,
)

log = logging.getLogger(__name__)

MODEL = Path(__file__).with_name("models") / "touchpoints.crfsuite"

_TOKEN = re.compile(r"[\wåäöÅÄÖ€][\wåäöÅÄÖ'’:.\-/+€]*[\wåäöÅÄÖ€]|[\wåäöÅÄÖ€]|[^\s\w]")
_WORDISH = re.compile(r"[\w€]")


def tokens(text: str) -> list[str]:
    """Words (with their inner hyphens, dots and colons: "lippu.fi:stä", "pdf:nä") and
    punctuation marks, in order."""
    return _TOKEN.findall(text)


@lru_cache(maxsize=8192)  # bounded: the words are what users type
def _channel(word: str) -> bool:
    return bool(_WORDISH.match(word)) and lookup(word, channels(), fuzzy=False) is not None


def _word(w: str, lang: str, at: str) -> dict[str, Any]:
    low = w.lower()
    return {
        at + "low": low,
        at + "s2": low[-2:],
        at + "s3": low[-3:],
        at + "s4": low[-4:],
        at + "p3": low[:3],
        at + "title": float(w[:1].isupper()),
        at + "punct": float(not _WORDISH.match(w)),
        at + "digit": float(any(c.isdigit() for c in w)),
        at + "func": float(is_function_word(low)),
        at + "verb": float(is_verb(low) if lang == "fi" else low in english_verbs()),
        at + "chan": float(_channel(low)),
        at + "long": float(len(w) > 7),
    }


def features(toks: list[str], lang: str) -> list[dict[str, Any]]:
    """The features of each token: its own, its neighbours' and where it stands."""
    out = []
    for i, w in enumerate(toks):
        f: dict[str, Any] = {"bias": 1.0, "lang": lang, "lang_low": f"{lang}:{w.lower()}"}
        f.update(_word(w, lang, ""))
        if i == 0:
            f["BOS"] = 1.0
        else:
            f.update(_word(toks[i - 1], lang, "-1:"))
        if i >= 2:
            f["-2:low"] = toks[i - 2].lower()
        if i == len(toks) - 1:
            f["EOS"] = 1.0
        else:
            f.update(_word(toks[i + 1], lang, "+1:"))
        if i + 2 < len(toks):
            f["+2:low"] = toks[i + 2].lower()
        f["first_in_sentence"] = float(i == 0 or toks[i - 1] in ".!?")
        out.append(f)
    return out


@lru_cache(maxsize=8192)
def span_name(span: str, lang: str) -> str:
    """The touchpoint name a span of words gives, as the rules would write it ("" if none)."""
    items = name_items(span, lang=lang)
    if len(items) != 1:
        return ""
    if lang == "fi" and items[0][1] is None and " " not in span.strip() and verb_like(span.strip()):
        return ""  # "juttelen" is what someone does, never a place ("Jutella")
    name = tidy_touchpoint(items[0][0], lang=lang)
    if name.casefold() in _CUSTOMER:
        return ""  # "myyjä, joka kiertää asiakkailla": the customer is never a touchpoint
    return name if name and not is_nothing(name) else ""


_CUSTOMER = frozenset(["asiakas", "asiakkaat", "customer", "customers", "client", "clients"])


def spans(toks: list[str], tags: list[str]) -> list[list[str]]:
    """The B/I runs of a tagged sentence."""
    out: list[list[str]] = []
    cur: list[str] = []
    for tok, tag in zip(toks, tags, strict=True):
        if tag == "B" or (tag == "I" and not cur):
            if cur:
                out.append(cur)
            cur = [tok]
        elif tag == "I":
            cur.append(tok)
        else:
            if cur:
                out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


_lock = threading.Lock()


def heads(name: str) -> list[str]:
    """The words of a name by their first five letters, as names are compared here
    ("Google-arvostelut" -> ["googl", "arvos"])."""
    return [w[:5] for w in re.split(r"[\s-]+", name.casefold()) if w]


@dataclass(frozen=True)
class Tagging:
    """One answer as the tagger read it: the names, and per word the probability that it
    is inside a name."""

    names: list[str]
    toks: list[str]
    probs: list[float]
    located: list[str] = field(default_factory=list)
    """Words the tagger passed by for the town after them ("Alihankintamessut Tampereella"):
    a rules' name holding one of them is the place it meant."""

    def support(self, name: str) -> float:
        """How strongly the tagger reads `name` (a name the rules found) as a place here:
        the mean probability of its words, where they stand in the answer (0 if absent)."""
        want = heads(name)
        low = [t.casefold()[:5] for t in self.toks]
        best = 0.0
        for i in range(len(low) - len(want) + 1):
            if want and low[i : i + len(want)] == want:
                best = max(best, sum(self.probs[i : i + len(want)]) / len(want))
        return best


@cache
def _tagger() -> Any:
    try:
        import pycrfsuite
    except ImportError:  # a platform without its wheel: the rules name touchpoints alone
        log.info("python-crfsuite is not installed; touchpoints are named by rules only")
        return None
    if not MODEL.is_file():
        log.warning("touchpoint model %s is missing; touchpoints are named by rules only", MODEL)
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


def tagged_names(text: str, *, lang: str) -> list[str] | None:
    """The touchpoint names the tagger finds in an answer, in order and without repeats;
    None when there is no tagger (then the rules alone decide)."""
    found = tag(text, lang=lang)
    return None if found is None else found.names


def tag(text: str, *, lang: str) -> Tagging | None:
    """The answer as the tagger reads it, or None when there is no tagger."""
    tagger = _tagger()
    if tagger is None:
        return None
    toks = tokens(text[:4000])
    if not toks:
        return Tagging([], [], [])
    feats = features(toks, lang)
    with _lock:  # one crfsuite tagger object is not safe across threads
        tags = tagger.tag(feats)  # also sets the sequence the marginals below are of
        probs = [tagger.marginal("B", i) + tagger.marginal("I", i) for i in range(len(toks))]
    out: list[str] = []
    located: list[str] = []
    at = 0
    for span in spans(toks, tags):
        at = toks.index(span[0], at)
        opens = at == 0 or toks[at - 1] in (".", "!", "?", ":", "\n")
        if lang == "fi" and not opens and town(" ".join(span)):
            # "messut Tampereella": where it is, not a place the customer meets you; a
            # capital that only opens a sentence ("Työmaalla ja …") says nothing
            located.append(toks[at - 1])
            at += len(span)
            continue
        at += len(span)
        name = span_name(" ".join(span), lang)
        if name and name.casefold() not in {o.casefold() for o in out}:
            out.append(name)
    return Tagging(out, toks, probs, located)
