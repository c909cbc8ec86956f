"""Splitting list answers into items and turning inflected names into base forms."""

from __future__ import annotations

import re

from assistant.lang.lexicon import Entry, channels, cues, lookup
from assistant.lang.verbs import is_verb
from assistant.lang.words import (
    clean,
    compound_lemma,
    fi_forms,
    fuzzy_equal,
    lemma,
    strip_name,
    words,
    written_case,
)

_SEP = re.compile(
    r"\s*(?:[,;\n\r•·|/]|\s\+\s|(?:^|\s)[-*–]\s|\s(?:ja|sekä|tai|and|or|plus|&)\s|\d+[.)]\s)\s*",
    flags=re.IGNORECASE,
)
_MAX_ITEMS = 20
# A word of two to four letters with no vowel is an abbreviation: "dm", "sms", "pdf", "crm".
_ABBREVIATION = re.compile(r"(?<![\w'’])[b-df-hj-np-tv-xzB-DF-HJ-NP-TV-XZ]{2,4}(?![\w'’])")
_GOVERNS = frozenset({"kautta", "avulla", "välityksellä"})
_CONNECTORS = frozenset({"ja", "sekä", "tai", "and", "or", "plus", "eli"})


def _upper_abbreviation(m: re.Match[str]) -> str:
    word = m.group(0)
    if word.lower() in ("mr", "mrs", "ms", "dr", "st", "jr", "hmm", "psst"):
        return word  # a title or a sound, no abbreviation to spell out
    return word.upper() if word[1:].islower() else word  # "DMs" as written


def split_items(text: str) -> list[str]:
    """Raw list items: commas, semicolons, new lines, bullets, and/ja/sekä/tai/or."""
    parts = [p.strip(" .!?:\"'()[]-–*•") for p in _SEP.split(" " + clean(text) + " ")]
    return [p for p in parts if any(ch.isalnum() for ch in p) and p.lower() not in _CONNECTORS][
        :_MAX_ITEMS
    ]


def _drop_fillers(item: str) -> list[str]:
    fillers = {str(w).lower() for w in cues()["postpositions"]}
    toks = item.split()
    while toks and toks[-1].lower() in fillers:
        post = toks.pop().lower()
        # "mobiilitilauksena sovelluksen kautta": the genitive goes with the postposition;
        # "kaverin suosituksen kautta" keeps its genitive phrase.
        genitive = len(toks) > 1 and toks[-1].endswith("n")
        if post in _GOVERNS and genitive and not toks[-2].lower().endswith("n"):
            toks.pop()
    while toks and toks[0].lower() in fillers:
        toks.pop(0)
    return toks


def base_form(item: str, *, lang: str) -> str:
    """A readable base form of one item; the user's own words when nothing better is known."""
    toks = _drop_fillers(item)
    if not toks:
        return ""
    if len(toks) == 1:
        word = toks[0]
        nominative = lang == "fi" and word.lower().endswith("nen")  # "Ensitapaaminen"
        if word[:1].isupper() and lemma(word) == word.lower() and not nominative:
            return word if lang == "en" or _as_written(word) else strip_name(word)
        if lang == "fi" and word.isalpha():
            base = _finnish_base(word)
            return base[:1].upper() + base[1:] if word[:1].isupper() else base
        head, dash, tail = word.rpartition("-")
        if lang == "fi" and dash and head and tail.isalpha() and len(tail) >= 4:
            return f"{head}-{_finnish_base(tail)}"  # "Facebook-ryhmissä" -> "Facebook-ryhmät"
        return word
    if (
        lang == "fi"
        and lemma(toks[-1]) == toks[-1].lower()
        and not _as_written(toks[-1])
        and (toks[-1][:1].isupper() or _known_name([*toks[:-1], strip_name(toks[-1])]))
    ):
        toks[-1] = strip_name(toks[-1])  # "Google Mapsista", "google mapsista" -> "Google Maps"
    elif toks[-1][:1].isupper() and _as_written(toks[-1]):
        pass  # a name as written: "vähän LinkedIn"
    elif lang == "fi" and written_case(toks[-1]):
        toks[-1] = _finnish_base(toks[-1])  # spoken "google arvosteluis" -> "google arvostelut"
    elif (
        lang == "fi"
        and toks[-1].isalpha()
        and toks[-2].endswith("n")
        and not toks[-2].lower().endswith("nen")  # "ilmottautuminen netissä" is no genitive
    ):
        # A genitive phrase names a thing; only its head noun is put in its base form:
        # "kaverin suosituksen" -> "kaverin suositus", but "lounaslista verkkosivuilla" stays.
        toks[-1] = _finnish_base(toks[-1])
    return " ".join(toks)


_ENDING = re.compile(
    r"^[iej]{0,2}(?:h?[aeiouyäö]n|n|[aä]|t[aä]|ss[aä]|st[aä]|ll[aä]|lt[aä]|lle|n[aä]|ksi"
    r"|tt[aä]|t|j[aä]|in|den|tten)?(?:mme|nne|ns[aä]|ni|si|[aä]n)?$"
)


def _common(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


_VERB_END = ("aa", "ää", "da", "dä", "ta", "tä")
_PLURAL = ("at", "ät", "et", "it", "ot", "ut", "yt", "öt")


def _known_name(toks: list[str]) -> bool:
    """Whether the words are a known channel's name as a whole ("google maps")."""
    phrase = " ".join(toks).lower()
    entry = lookup(phrase, channels(), fuzzy=False)
    return entry is not None and phrase in (entry.fi.lower(), entry.en.lower(), *entry.forms)


def _as_written(word: str) -> bool:
    """Whether a word already is a base form, so no foreign-name case ending may be cut
    from it: a known channel's name ("LinkedIn") or a Finnish base form, alone or as the
    last part of a compound ("Tukipuhelin", not "Tukipuhel")."""
    low = word.lower()
    if strip_name(word) == word:
        return True
    entry = lookup(low, channels(), fuzzy=False)
    if entry is not None and low in (entry.fi.lower(), entry.en.lower(), *entry.forms):
        return True
    table = fi_forms()
    if table.get(low) == low:
        return True
    return any(
        table.get(low[i:]) == low[i:] and table.get(low[:i]) is not None
        for i in range(3, len(low) - 3)
    )


def _finnish_base(word: str) -> str:
    """Lemma of one Finnish word, compounds the dictionary cuts short or lacks included:
    "kassalla" -> "kassa", "karttahaun" -> "karttahaku", "tapahtumapäivä" stays."""
    if _FOREIGN.search(word.lower()) and fi_forms().get(word.lower()) is None:
        # "showreel" is no compound of "show" and "reki": a foreign word the dictionary lacks
        # keeps its stem, without a Finnish case ending ("showreelillä" -> "showreel")
        return strip_name(word.lower())
    low = written_case(word) or word.lower()  # spoken "verkkokaupas", "nettisivuil"
    if low[-1:].isalpha() and low[-1] not in "aeiouyäöntslrkh":
        return low  # no Finnish word ends so ("untappd", "whatsapp"): a foreign name as written
    for possessive in ("mme", "nne", "nsa", "nsä"):
        stripped = low[:-3]
        if low.endswith(possessive) and len(low) > 7 and lemma(low) == stripped != lemma(stripped):
            low = low[:-3]  # "verkkosivujamme" -> "verkkosivuja"
            break
    base = lemma(low)
    if low.endswith(("ita", "itä")) and base.endswith(("ittaa", "ittää")):
        return low[:-3] + "t"  # "tähtiarvioita" is no verb: "tähtiarviot"
    if base == low and low.endswith(("ejä", "eja")) and len(low) > 5:
        return low[:-3] + "it"  # an unknown word's partitive plural: "liidejä" -> "liidit"
    plural_case = re.search(
        r"(?:i(?:ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|in)|ien|j[aä]|it[aä])(?:mme|nne|ns[aä]|ni|si)?$",
        low,
    )
    if (
        plural_case
        and base != low
        and base[-1:] in "aeouyäö"  # an i-stem ("tiskillä") is singular
        and low.startswith(base[:-1])  # no consonant gradation to undo ("kaupoissa")
        and len(base) >= 4
        and not _compound_of(low, base)
    ):
        return base + "t"  # "nettisivuilla" -> "nettisivut": the plural the user meant
    if low.endswith("nen") and base == low[:-1]:
        return low  # the dictionary cut a "-nen" word short: "jatkaminen", not "jatkamine"
    if low.endswith("minen") and base != low and not base.endswith("nen"):
        return low  # a "-minen" noun is its own base form: "hakeutuminen", not "hakeutua"
    if low.endswith("t") and base != low and not base.endswith("t") and len(low) > 4:
        return low  # a plural as the user said it: "facebook-mainokset", "nettisivut"
    if low == base + "t" or (
        low[-2:] in _PLURAL and base[-1:] in "aeiouyäö" and base != low and len(low) > 5
    ):
        return low  # a plural as the user said it: "nettisivut", "pöydät", "ajotunnit"
    if base != low and not _compound_of(low, base):
        return base
    found = compound_lemma(low) or low
    if found == low and _UNKNOWN_PLACE_CASE.search(low) and fi_forms().get(low) is None:
        return strip_name(low)  # a name the dictionary lacks, in a place case: "timmassa"
    return low if found.startswith(low) else found  # a base form never grows: "kahvitauko"


_FOREIGN = re.compile(r"[wxqzc]|sh")
_UNKNOWN_PLACE_CASE = re.compile(r"^\w{3,}[aeiouyäö](?:ssa|ssä|sta|stä|lla|llä)$")


def _compound_of(word: str, base: str) -> bool:
    return word.startswith(base) and len(word) - len(base) >= 3 and not is_inflection(word, base)


def is_inflection(word: str, base: str) -> bool:
    """Whether `word` is `base` with a Finnish case or possessive ending ("kassalla", "kassa"),
    not a compound that merely starts with it ("tapahtumapäivä", "tapahtuma")."""
    word, base = word.lower(), base.lower()
    common = 0
    while common < min(len(word), len(base)) and word[common] == base[common]:
        common += 1
    rest = word[common:]
    return bool(rest) and common >= len(base) - 1 and bool(_ENDING.match(rest))


def _names(word: str, entry: Entry | None, *, lang: str) -> bool:
    """Whether the entry's name reads best for `word`: the entry itself, an inflection, a typo
    or an abbreviation of it; not a compound built on it ("Tapahtumapäivä" only starts like
    "tapahtuma") nor a synonym with a name of its own ("vastaanotto" is no "Toimipiste")."""
    if entry is None:
        return False
    low = word.lower()
    name = entry.name(lang).lower()
    if len(low) <= 3 or strip_name(word).lower() == name:
        return True
    # Slang shortens the name ("sposti" for Sähköposti, "insta"); a synonym of its own
    # ("maksu" for Kassa, "laskutus" for Lasku) is kept as the user said it.
    if any(
        " " not in f
        and len(f) <= len(name) - 3
        and f[:1] == name[:1]
        and (low == f or is_inflection(low, f))
        for f in entry.forms
    ):
        return True  # slang: "spostia" is Sähköposti, "tekstari" Tekstiviesti
    parts = name.replace("-", " ").split()
    if all(len(_common(w, p)) < 4 for w in (low, lemma(low)) for p in parts):
        return False
    if any(low == f or is_inflection(low, f) for f in entry.forms):
        return True
    if any(abs(len(low) - len(f)) <= 2 and fuzzy_equal(low, f) for f in entry.forms):
        return True  # "facebok"
    return not any(_compound_of(low, f) for f in entry.forms if len(f) >= 4)


def _own_word(word: str, entry: Entry | None, *, lang: str) -> bool:
    """Whether the user's word is a full name of its own (kept), not slang or a verb."""
    if entry is None or (entry.fi == entry.en and entry.fi[:1].isupper()):
        return False  # a brand's own name reads best: "linkkari" is LinkedIn
    low = word.lower()
    forms = [f for f in entry.forms if " " not in f]
    # A typo ("facebok") is no word of the user's own: only a real form or its inflection.
    real = any(low == f or is_inflection(low, f) or lemma(low) == f for f in forms) or (
        base_form(word, lang=lang).lower() in forms
    )
    base = base_form(word, lang=lang)
    return real and len(base) >= 7 and not (lang == "fi" and is_verb(low))


def _one_entry(raw: str) -> bool:
    """Whether the words are one known channel's own name ("google maps", "facebook messenger")."""
    entry = lookup(raw, channels(), fuzzy=False)
    low = raw.lower()
    return entry is not None and low in (entry.fi.lower(), entry.en.lower(), *entry.forms)


def name_items(text: str, *, lang: str) -> list[tuple[str, Entry | None]]:
    """Items as names: a known channel's name, otherwise the user's words in base form."""
    out: list[tuple[str, Entry | None]] = []
    seen: set[str] = set()
    raws: list[str] = []
    for raw in split_items(text):
        parts = raw.split()
        found = [lookup(p, channels(), fuzzy=False) for p in parts]
        brands = [e for e in found if e is not None and e.fi == e.en and e.fi[:1].isupper()]
        if (
            len(parts) > 1
            and len(brands) == len(parts)
            and len({e.key for e in brands}) == len(parts)
            and not _one_entry(raw)
        ):
            raws += parts  # "tiktok ig snap", "ig fb": known channels without commas
        else:
            raws.append(raw)
    for raw in raws:
        toks = _drop_fillers(raw)
        entry = lookup(" ".join(toks), channels()) if toks else None
        one = len(toks) == 1 and "-" not in toks[0] and _names(toks[0], entry, lang=lang)
        single = toks[0].lower() if len(toks) == 1 else ""
        known = entry.name(lang).lower() if entry is not None else ""
        rest = single[len(known) :] if known and single.startswith(known) else "-"
        if entry is not None and " " not in known and "-" not in rest and len(rest) <= 5:
            name = entry.name(lang)  # "instagramissa", "facebookissa"
        elif entry is not None and single in entry.forms and lemma(single).endswith(_VERB_END):
            name = entry.name(lang)  # a verb that names a channel: "soittaa" -> Puhelin
        elif entry is not None and one and _own_word(toks[0], entry, lang=lang):
            # "nettisivuilla" -> "Nettisivut": the user's own word in base form, not ours.
            name = base_form(raw, lang=lang)
        elif entry is not None and (one or len(toks) >= 5):
            # Slang or an abbreviation ("ig", "fb", "sposti"), or a sentence around a known
            # word: the channel's own name reads best.
            name = entry.name(lang)
        else:
            name = base_form(raw, lang=lang)
        name = name[:1].upper() + name[1:] if name else name
        name = _ABBREVIATION.sub(_upper_abbreviation, name)  # "Dm" -> "DM", "sms" -> "SMS"
        if name and name.casefold() not in seen and len(words(name)) <= 8:
            seen.add(name.casefold())
            out.append((name[:200], entry))
    return out
