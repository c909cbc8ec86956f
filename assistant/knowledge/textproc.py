"""Tokens for lexical search that survive Finnish inflection and compounding.

Each word gives its Snowball stem (Finnish, or English for ASCII words that the
English stemmer changes) plus, for long words, character 5-grams of the stem:
kosketuspisteiden and kosketuspiste share "kosketuspist", and asiakaspolulle
meets asiakaspolku through shared n-grams ("asiak", "siaka", ..., "aspol").
simplemma is not used: its lemmas (and compound splits against the corpus vocabulary) as
extra tokens measured no better on the benchmark (tune MRR fi 0.787 -> 0.791, en 0.610 ->
0.603), and loading its Finnish tables takes ~2.5 s of the cold-search budget.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+", re.UNICODE)
NGRAM = 5
PREFIX = 5
LONG_WORD = 8
_STOP_TEXT = """
ja tai on ei se ne että kun jos niin kuin myös mutta sekä eli vaan joka jotka mikä mitkä
miten mitä missä mistä mihin kuka ovat olla oli ole ovat voi voit voidaan sen sitä siitä
tämä tämän tässä nämä näin hän he me te minä sinä sinun minun oma omaa kanssa vain jo vielä
kaikki jokainen esimerkiksi esim kannattaa kannattaako pitää pitäisi pitäisikö voinko voiko
saisin saanko mitkä millä mistä keneltä kenelle tuleeko ovatko onko miksi millainen
millaisia tarkoitetaan tarkoittaa teen teenkö vai itse kuinka paljon
olen olet olemme olette olisi olisin olisivat ollut olleet en et emme ette eivät
minut minua minulla minulle sinut sinua sinulla sinulle hänen häntä hänellä hänelle
meidän meitä meissä meistä meihin meillä meiltä meille teidän teitä teillä teille
heidän heitä heillä heille tätä tästä tähän tällä tälle tuo tuon tuota näiden näitä
näissä näistä näihin näillä niiden niitä niissä niistä niihin niillä niille siinä siihen
sillä siltä sille jonka jota jossa josta johon jolla jolle joiden joita joissa joista
joihin joilla joille minkä mille miltä koska vaikka mukaan noin nyt sitten vasta ihan
aivan todella oikeasti yleensä ylipäätään mitään mikään kaikkea
aina usein joskus hyvin vähän enemmän eniten kyllä tosi melko juuri siis kuitenkin ehkä
varmaan vaikkapa lähinnä jne mm jo
the a an and or of to in on at for is are be was were it its this that these those with by as from how what which
who why when where do does did i you your my our we they can should could would will about
into than then there their me tell does mean much more most some any get make i'm
just really only also even still so very if but not no all each every us them him her he
she whom been being have has had am may might must such own same other again both too
don't we're i've it's someone something anything
"""
STOPWORDS = frozenset(_STOP_TEXT.split())


_local = threading.local()


def _stemmers() -> tuple[Any, Any]:
    """One pair per thread: a snowball stemmer keeps the word it works on in itself, so a
    shared one garbles (or crashes on) words stemmed at once by two sessions."""
    found: tuple[Any, Any] | None = getattr(_local, "stemmers", None)
    if found is None:
        import snowballstemmer

        found = snowballstemmer.stemmer("finnish"), snowballstemmer.stemmer("english")
        _local.stemmers = found
    return found


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Stem of a lower-case word: Finnish rules, English rules for ASCII-only words."""
    fi, en = _stemmers()
    fi_stem: str = fi.stemWord(word)
    if word.isascii():
        en_stem: str = en.stemWord(word)
        if len(en_stem) < len(fi_stem):
            return en_stem
    return fi_stem


def words(text: str) -> list[str]:
    return [w.replace("-", "") for w in _WORD.findall(text.lower())]


@lru_cache(maxsize=65536)
def word_tokens(word: str) -> tuple[str, ...]:
    """Stem plus '#'-marked character n-grams of long stems (compound parts)."""
    if word in STOPWORDS or len(word) < 2:
        return ()
    base = stem(word)
    out = [base]
    if len(word) >= PREFIX + 1:
        # Finnish inflects at the end: a 5-letter prefix is a crude but robust stem.
        out.append(f"^{word[:PREFIX]}")
    if len(base) >= LONG_WORD:
        out.extend(f"#{base[i : i + NGRAM]}" for i in range(len(base) - NGRAM + 1))
    return tuple(out)


def raw_words(text: str) -> list[str]:
    """Lower-case words with their hyphens ("excel-pohjissa")."""
    return list(_WORD.findall(text.lower()))


def tokens(text: str, lemmas: Mapping[str, str] | None = None) -> list[str]:
    """BM25 tokens of `text`. A hyphenated compound ("Excel-pohjissa", "B2B-asiakas") gives
    the tokens of the whole word and of each part: "Excel- ja Canva-pohjien" then meets it.
    With a lemma table (lemmas.py) a word also gives its lemma's stem ("hinnoista" -> hint)."""
    out: list[str] = []
    for match in raw_words(text):
        out.extend(_with_lemma(match.replace("-", ""), lemmas))
        if "-" in match:
            for part in match.split("-"):
                out.extend(t for t in _with_lemma(part, lemmas) if t[0] not in "#^")
    return out


def _with_lemma(word: str, lemmas: Mapping[str, str] | None) -> tuple[str, ...]:
    toks = word_tokens(word)
    lemma = lemmas.get(word) if lemmas and toks else None
    if lemma and lemma != word:
        base = stem(lemma)
        if base not in toks:
            return (*toks, base)
    return toks


_FI_MARKERS = frozenset(
    [
        "ja",
        "on",
        "ei",
        "että",
        "kun",
        "tai",
        "sekä",
        "voi",
        "myös",
        "se",
        "ovat",
        "mitä",
        "miten",
        "jos",
    ]
)
_EN_MARKERS = frozenset(
    [
        "the",
        "and",
        "is",
        "are",
        "of",
        "to",
        "in",
        "that",
        "for",
        "with",
        "you",
        "your",
        "how",
        "what",
    ]
)


def guess_lang(text: str) -> str:
    """'fi' or 'en' by function words and å/ä/ö; good enough to prefer a language."""
    ws = words(text[:3000])
    fi = sum(w in _FI_MARKERS for w in ws) + sum(ch in "äö" for ch in text[:3000]) / 4
    en = sum(w in _EN_MARKERS for w in ws)
    return "en" if en > fi else "fi"


def query_lang(text: str) -> str:
    """'fi' or 'en' for a short question. guess_lang weighs whole passages; a one-line
    question often has none of its markers, so here any å/ä/ö or Finnish question word
    makes it Finnish, else any English function word makes it English, else Finnish
    (keyword queries such as "asiakaspolun vaiheet")."""
    if any(ch in "äöå" for ch in text.lower()):
        return "fi"
    ws = set(words(text[:3000]))
    # "on" is a Finnish verb and an English preposition: it decides nothing.
    if ws & (_FI_MARKERS - {"on"}) or ws & _FI_QUESTION:
        return "fi"
    return "en" if ws & _EN_FUNCTION else "fi"


_QUESTION_WORDS = """
onko miksi mikä kuinka keneltä kenelle tuleeko saako voinko
| the a an and or of to in for with is are was be do does did can could should would
what which who why how when where my our your i we you it this that
"""
_FI_QUESTION = frozenset(_QUESTION_WORDS.split("|")[0].split())
_EN_FUNCTION = frozenset(_QUESTION_WORDS.split("|")[1].split())
