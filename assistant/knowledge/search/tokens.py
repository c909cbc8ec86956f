"""Search tokens that survive Finnish inflection and compounding, built on the one text
toolkit (assistant.lang.words: words, stems, lemmas).

Each word gives its Snowball stem (Finnish, or English for ASCII words that the English
stemmer shortens), a 5-letter prefix marked '^' and, for long stems, character 5-grams
marked '#': kosketuspisteiden and kosketuspiste share "kosketuspist", and asiakaspolulle
meets asiakaspolku through shared n-grams. With a lemma table (lemmas.py) a word also
gives its lemma's stem, which bridges consonant gradation ("hinnoista" -> hinta).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from assistant.lang import words as toolkit

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
mä sä mun sun mua sua mulla sulla mulle sulle multa sulta mussa sussa musta susta
meil teil oo oon oot niinku
the a an and or of to in on at for is are be was were it its this that these those with by as from how what which
who why when where do does did i you your my our we they can should could would will about
into than then there their me tell does mean much more most some any get make i'm
just really only also even still so very if but not no all each every us them him her he
she whom been being have has had am may might must such own same other again both too
don't we're i've it's someone something anything
"""
STOPWORDS = frozenset(_STOP_TEXT.split())
"""Question and function words: they carry no topic."""


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Stem of a lower-case word: Finnish rules, English rules for ASCII-only words that
    the English stemmer shortens more."""
    fi_stem = toolkit.stem(word)
    if word.isascii():
        en_stem = toolkit.stem(word, "en")
        if len(en_stem) < len(fi_stem):
            return en_stem
    return fi_stem


def raw_words(text: str) -> list[str]:
    """Lower-case words with their hyphens ("excel-pohjissa"); a colon or apostrophe
    ending ("wolt:ssa", "customer's") is dropped, a contraction ("don't") kept whole."""
    out: list[str] = []
    for word in toolkit.words(text):
        word = word.replace("’", "'")
        if ":" in word:
            word = word.split(":")[0]
        elif "'" in word and word not in STOPWORDS:
            word = word.split("'")[0]
        out.append(word)
    return out


def words(text: str) -> list[str]:
    """Lower-case words, a hyphenated compound as one word ("excelpohjissa")."""
    return [w.replace("-", "") for w in raw_words(text)]


@lru_cache(maxsize=65536)
def word_tokens(word: str) -> tuple[str, ...]:
    """Stem plus '^'-marked prefix and '#'-marked character n-grams of long stems."""
    if word in STOPWORDS or len(word) < 2:
        return ()
    base = stem(word)
    out = [base]
    if len(word) >= PREFIX + 1:
        out.append(f"^{word[:PREFIX]}")
    if len(base) >= LONG_WORD:
        out.extend(f"#{base[i : i + NGRAM]}" for i in range(len(base) - NGRAM + 1))
    return tuple(out)


def tokens(text: str, lemmas: Mapping[str, str] | None = None) -> list[str]:
    """BM25 tokens of `text`. A hyphenated compound ("Excel-pohjissa", "B2B-asiakas") gives
    the tokens of the whole word and of each part: "Excel- ja Canva-pohjien" then meets it."""
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
