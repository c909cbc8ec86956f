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
import threading
from collections.abc import Mapping
from functools import lru_cache
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


_local = threading.local()


def _stemmer(lang: str = "fi") -> Any:
    """One per thread and language: a snowball stemmer keeps the word it works on in itself,
    so a shared one garbles (or crashes on) words stemmed at once by two sessions."""
    key = "stemmer_" + lang
    found = getattr(_local, key, None)
    if found is None:
        import snowballstemmer

        found = snowballstemmer.stemmer("english" if lang == "en" else "finnish")
        setattr(_local, key, found)
    return found


@lru_cache(maxsize=65536)
def stem(word: str, lang: str = "fi") -> str:
    """Snowball stem of the lower-cased word (Finnish rules unless `lang` is "en")."""
    out: str = _stemmer(lang).stemWord(word.lower())
    return out


_loading = threading.Lock()
_loaded: set[str] = set()


def _dictionary_loaded(lang: str) -> None:
    """simplemma loads a language's dictionary (~150 MB for Finnish) on first use with no
    lock: sessions starting at once (or a turn beside the warm-up) each loaded a copy."""
    if lang in _loaded:
        return
    import simplemma

    with _loading:
        if lang not in _loaded:
            try:
                simplemma.lemmatize("a", lang=lang, low_memory=True)
            finally:
                _loaded.add(lang)


_FI_LEMMA_FIXES = {"työ": "työ", "postilla": "posti"}
"""Base forms the dictionary gets wrong: "työ" (work) is read as a dialect "you" ("sinä"),
"postilla" (by post) as a book of sermons."""


@lru_cache(maxsize=16384)
def lemma(word: str, lang: str = "fi") -> str:
    """Dictionary base form (lower case); the word itself when unknown."""
    import simplemma

    if lang == "fi" and (fixed := _FI_LEMMA_FIXES.get(word.lower())):
        return fixed
    try:
        _dictionary_loaded(lang)
        # low_memory: simplemma's own front-coded reader of the same data, decoded per
        # lookup; the default dict of every form took ~370 MB of a 480 MB chat process.
        return str(simplemma.lemmatize(word.lower(), lang=lang, low_memory=True)).lower()
    except Exception:  # an odd token must never stop the parse
        return word.lower()


def fi_dictionary() -> dict[bytes, bytes]:
    """simplemma's Finnish dictionary as raw form -> lemma bytes, whole in memory (~300 MB,
    ~4 s): for building search indexes only, never per turn. Filtering the raw dict takes
    ~0.2 s where its public str view takes ~6 s; the view is the fallback."""
    from simplemma.strategies.dictionaries import dictionary_factory

    _dictionary_loaded("fi")
    factory = getattr(dictionary_factory, "DEFAULT_DICTIONARY_FACTORY", None)
    mapping = (factory or dictionary_factory.DefaultDictionaryFactory()).get_dictionary("fi")
    raw = getattr(mapping, "_dict", None)
    if isinstance(raw, dict):
        return raw
    return {k.encode(): v.encode() for k, v in mapping.items()}


def fi_forms() -> Mapping[str, str]:
    """Finnish form -> lemma through simplemma's low-memory reader (what lemma() uses)."""
    from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

    _dictionary_loaded("fi")
    return LOW_MEMORY_DICTIONARY_FACTORY.get_dictionary("fi")


@lru_cache(maxsize=16384)
def compound_lemma(word: str) -> str | None:
    """Base form of a compound the dictionary lacks, from a known first part and an
    inflected known last part: "karttahaun" -> "karttahaku" (the dictionary alone cuts it
    to "kartta"). None when no such split is found."""
    low = word.lower()
    table = fi_forms()
    for i in range(3, len(low) - 2):
        head, tail = low[:i], low[i:]
        base = _FI_LEMMA_FIXES.get(tail) or table.get(tail)
        if base is None or len(tail) < 3 or table.get(head) is None:
            continue
        decoded = base.lower()
        if decoded == tail:
            return None  # "baari|tiski" is in its base form: "baarit|iski" is no reading
        return head + decoded
    return None


_SPOKEN = (("st", "a"), ("lt", "a"), ("s", "sa"), ("l", "la"), ("n", "na"))


@lru_cache(maxsize=4096)
def written_case(word: str) -> str | None:
    """The written form of a spoken Finnish case ending the dictionary does not know:
    "verkkokaupas" -> "verkkokaupassa", "nettisivuil" -> "nettisivuilla", "googlest" ->
    "googlesta". None when the word is known as it is or no ending fits."""
    low = word.lower()
    if len(low) < 4 or not low.isalpha():
        return None
    table = fi_forms()
    if table.get(low) is not None:
        return None
    if any(
        table.get(low[i:]) == low[i:] and table.get(low[:i]) is not None
        for i in range(3, len(low) - 3)
    ):
        return None  # a compound of known words in their base form: "laatukierros"
    back = any(ch in low for ch in "aou")  # vowel harmony: "netis" -> "netissä"
    for end, add in _SPOKEN:
        if low.endswith(end):
            full = low + (add if back else add.replace("a", "ä"))
            base = table.get(full) or compound_lemma(full)
            if base is not None and base.lower() != low:
                return full  # ("laskutus" is itself the base form of "laskutussa")
    return None


def keys(word: str) -> set[str]:
    """Forms a word may be matched by: itself, its lemma and its stem."""
    w = word.lower().split(":")[0]
    found = {w, lemma(w), lemma(w, "en")}
    if _FOREIGN_END.search(w):
        # no Finnish form ends in two consonants: "instant" is no "insta" (the dictionary's
        # guess and the stem both cut it so)
        return {w, lemma(w, "en")}
    s = stem(w)
    # Short Snowball stems collide ("kassi" and "kassa" both give "kas").
    return found | {s} if len(s) >= 4 else found


_FOREIGN_END = re.compile(r"[^aeiouyäö\W\d]{2}$")


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def at_least_similar(a: str, b: str, cutoff: float) -> bool:
    """similar(a, b) >= cutoff, answered by difflib's cheap upper bounds first: most pairs
    the parsers compare fail on length or letters alone (a turn spent a third of its time
    in full ratio() calls)."""
    m = difflib.SequenceMatcher(None, a, b)
    return m.real_quick_ratio() >= cutoff and m.quick_ratio() >= cutoff and m.ratio() >= cutoff


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
        return at_least_similar(w, f, cutoff)
    return at_least_similar(sw, sf, cutoff) or (len(sw) > 5 and sf.startswith(sw[:-1]))


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
    if not parts:
        return 0
    first, *rest = parts
    for i in range(len(text_words) - len(rest)):
        # The first word alone rules out almost every position: no window is built for it.
        if _starts(text_words[i], first) and all(
            _starts(w, p) for w, p in zip(text_words[i + 1 : i + 1 + len(rest)], rest, strict=True)
        ):
            return i
    return -1


def _starts(word: str, cue: str) -> bool:
    if len(cue) <= 3:
        return word == cue
    return word.startswith(cue) or (len(cue) >= 6 and word.startswith(cue[:-1]))


_GLUED_STAGE = re.compile(r"\b(\w{4,}?)vaihe(essa|essä|eseen|esta|estä|)\b", re.IGNORECASE)


def unglue_stage(text: str) -> str:
    """ "Harkintavaiheessa" -> "Harkinta vaiheessa": a stage named inside a compound."""
    return _GLUED_STAGE.sub(r"\1 vaihe\2", text)


def reglue(text: str, original: str) -> str:
    """`text` (cut from unglue_stage(original)) with the user's own glued words back:
    "tuki vaiheessa se, että …" -> "tukivaiheessa se, että …"."""
    for m in _GLUED_STAGE.finditer(original):
        text = text.replace(f"{m.group(1)} vaihe{m.group(2)}", m.group(0))
    return text
