"""Word-level tools: normalising, lemmas, stems and fuzzy matching of known words.
The one text toolkit: the parsers use it directly, search builds its tokens on it
(assistant/knowledge/search/tokens.py).

simplemma (dictionary lemmas, fi/en) handles regular inflection such as
"verkkosivuilla" -> "verkkosivu"; the Snowball Finnish stemmer handles foreign
names the dictionary does not know ("Instagramin" -> "instagram"); difflib (stdlib)
catches small typos ("instagarm") without a new dependency.
"""

from __future__ import annotations

import difflib
import re
from functools import cache, lru_cache
from typing import Any

MAX_INPUT = 4000
_TAG = re.compile(r"<[^>]{0,200}>")
_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-:'’][0-9A-Za-zÀ-ÖØ-öø-ÿ]+)*")
# Case endings of foreign names written without a colon (Facebookissa, Googlesta).
_NAME_ENDINGS = tuple(
    [
        "issa",
        "issä",
        "ista",
        "istä",
        "illa",
        "illä",
        "ilta",
        "iltä",
        "ille",
        "iin",
        "ssa",
        "ssä",
        "sta",
        "stä",
        "lla",
        "llä",
        "lta",
        "ltä",
        "lle",
        "ksi",
        "in",
        "n",
    ]
)


def clean(text: str) -> str:
    """Text without markup, control characters and excess length."""
    text = _TAG.sub(" ", (text or "")[: MAX_INPUT * 2])
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    return text[:MAX_INPUT].strip()


def words(text: str) -> list[str]:
    """Lower-case words in order."""
    return [w.lower() for w in _WORD.findall(text)]


@cache
def _stemmer(lang: str = "fi") -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english" if lang == "en" else "finnish")


@lru_cache(maxsize=65536)
def stem(word: str, lang: str = "fi") -> str:
    """Snowball stem of the lower-cased word (Finnish rules unless `lang` is "en")."""
    out: str = _stemmer(lang).stemWord(word.lower())
    return out


@lru_cache(maxsize=16384)
def lemma(word: str, lang: str = "fi") -> str:
    """Dictionary base form (lower case); the word itself when unknown."""
    import simplemma

    try:
        return str(simplemma.lemmatize(word.lower(), lang=lang)).lower()
    except Exception:  # an odd token must never stop the parse
        return word.lower()


def fi_dictionary() -> dict[bytes, bytes]:
    """simplemma's Finnish dictionary as raw form -> lemma bytes: the very copy
    simplemma.lemmatize uses (loaded once per process, ~4 s). Filtering the raw dict takes
    ~0.2 s where its public str view takes ~6 s; the view is the fallback."""
    from simplemma.strategies.dictionaries import dictionary_factory

    factory = getattr(dictionary_factory, "DEFAULT_DICTIONARY_FACTORY", None)
    mapping = (factory or dictionary_factory.DefaultDictionaryFactory()).get_dictionary("fi")
    raw = getattr(mapping, "_dict", None)
    if isinstance(raw, dict):
        return raw
    return {k.encode(): v.encode() for k, v in mapping.items()}


@lru_cache(maxsize=16384)
def compound_lemma(word: str) -> str | None:
    """Base form of a compound the dictionary lacks, from a known first part and an
    inflected known last part: "karttahaun" -> "karttahaku" (the dictionary alone cuts it
    to "kartta"). None when no such split is found."""
    low = word.lower()
    table = fi_dictionary()
    for i in range(3, len(low) - 2):
        head, tail = low[:i], low[i:]
        base = table.get(tail.encode())
        if base is None or head.encode() not in table or len(tail) < 3:
            continue
        decoded = base.decode().lower()
        if decoded != tail:
            return head + decoded
    return None


def keys(word: str) -> set[str]:
    """Forms a word may be matched by: itself, its lemma and its stem."""
    w = word.lower().split(":")[0]
    found = {w, lemma(w), lemma(w, "en")}
    s = stem(w)
    # Short Snowball stems collide ("kassi" and "kassa" both give "kas").
    return found | {s} if len(s) >= 4 else found


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def fuzzy_equal(word: str, form: str, *, cutoff: float = 0.84) -> bool:
    """True if `word` is `form` inflected or with a small typo."""
    return _fuzzy_equal(word.lower(), form.lower(), cutoff)


@lru_cache(maxsize=262144)
def _fuzzy_equal(w: str, f: str, cutoff: float) -> bool:
    """Remembered: the parsers compare the same words with the same lexicon forms on every
    turn (a third of an offline turn's time before)."""
    if w == f or keys(w) & keys(f):
        return True
    if len(f) < 5 or len(w) < 4:
        return False
    sw, sf = stem(w), stem(f)
    if min(len(sw), len(sf)) < 4:
        return similar(w, f) >= cutoff
    return similar(sw, sf) >= cutoff or (len(sw) > 5 and sf.startswith(sw[:-1]))


def strip_name(word: str) -> str:
    """Base form of a capitalised foreign name: Facebookissa -> Facebook, Wolt:ssa -> Wolt."""
    if ":" in word:
        return word.split(":")[0]
    for ending in _NAME_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: -len(ending)]
            # Finnish doubles a final consonant before -in (Woltin); keep Google, drop the i.
            return base
    return word


def has_prefix(text_words: list[str], cue: str) -> int:
    """Index of the first word (or phrase) in `text_words` starting like `cue`, or -1."""
    parts = cue.lower().split()
    n = len(parts)
    for i in range(len(text_words) - n + 1):
        window = text_words[i : i + n]
        if all(_starts(w, p) for w, p in zip(window, parts, strict=True)):
            return i
    return -1


def _starts(word: str, cue: str) -> bool:
    if len(cue) <= 3:
        return word == cue
    return word.startswith(cue) or (len(cue) >= 6 and word.startswith(cue[:-1]))
