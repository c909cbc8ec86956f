"""Touchpoint names from whole clauses: the noun phrase, not the sentence.

"He katsovat verkkosivujamme" names Verkkosivut, "Tilaus tehdään kassalla" Kassa and
"They book a demo" Demo. Finnish has no articles, so the verb is found from its lemma
(an infinitive ending) and the phrase after it is the object or place; with "olla" (or
no phrase after the verb) the subject before it is the name. English drops the subject
and verb up to the first article and cuts at a preposition.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.lang.lexicon import Entry, channels, cues, function_words, lookup
from assistant.lang.lists import base_form, name_items, split_items
from assistant.lang.verbs import is_verb as is_verb  # re-exported: parsers read it here
from assistant.lang.words import lemma, written_case

_POSTPOSITIONS = frozenset({"kautta", "avulla", "välityksellä"})


@cache
@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in cues()["phrases"][name])


def is_function_word(word: str) -> bool:
    """A subject, adverb or particle that never names a touchpoint ("moni", "they")."""
    return word.lower() in function_words()


def tells_story(clause: str) -> bool:
    """Whether a clause tells what happens rather than naming a place: it opens (after a
    joining word or two) with a word such as "se", "moni", "people", "it"."""
    toks = [t.lower().strip(".,!?:;\"'") for t in clause.split()]
    while toks and toks[0] in _words("story_joins"):
        toks.pop(0)
    if len(toks) < 3 or toks[0] not in _words("story_openers"):
        return False
    if toks[0].isascii() and toks[0] not in ("se", "ne", "en", "ei", "kuka"):
        return True  # English: "people walk past it"
    return any(is_verb(t) or _spoken_present(t) for t in toks[1:])


def _spoken_present(word: str) -> bool:
    """A Finnish verb's he/she form the dictionary may miss: "ohjaa", "näkee"."""
    return len(word) >= 4 and word.isalpha() and word[-1] == word[-2] and word[-1] in "aeiouyäö"


def _content(tokens: list[str], *, lang: str = "fi") -> list[str]:
    """The first run of content words (the phrase), up to a function word or a stop."""
    run: list[str] = []
    for i, tok in enumerate(tokens):
        low = tok.lower().strip(".,!?:;\"'")
        after = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if run and low in _words("time"):
            return []  # "kuuden viikon päästä" says when, not where
        if run and (low in _words("stops") or after in _words("objects")):
            break  # "newsletter keeps them": a word before an object pronoun is a verb
        if low in _words("function") or low in _words("stops") or (lang == "fi" and is_verb(tok)):
            if run:
                if low in _POSTPOSITIONS:
                    run.append(tok)  # "sovelluksen kautta": naming drops both together
                break
            continue
        run.append(tok)
    return run


_CONTACT = frozenset({"we", "they", "i", "you"})
_ASIDE_EN = frozenset({"w", "w/", "with", "if", "unless"})
_TIME_UNITS = ("päivä", "viiko", "viikk", "tunti", "tuntia", "kuukau", "vuot", "minuut")


def _trimmed(toks: list[str]) -> str:
    """The phrase without opening function words ("itse siivous", "lisäksi portaali")."""
    i = 0
    while i < len(toks) - 1 and toks[i].lower().strip(",.") in _words("function"):
        i += 1
    return " ".join(toks[i:])


def noun_phrase(item: str, *, lang: str) -> tuple[str, bool]:
    """The naming phrase of one clause, and whether it is the subject of a verb other than
    "olla" (a clause that says what happens, e.g. "Kauppa syntyy")."""
    toks = item.split()
    if len(toks) < 2:
        return item, False
    if lang == "en":
        arts = [i for i, t in enumerate(toks) if t.lower() in ("a", "an", "the")]
        verb = [i for i, t in enumerate(toks) if t.lower() in _words("copulas")]
        if verb and verb[0] + 2 < len(toks) and _participle(toks[verb[0] + 1]):
            # "Tickets are sold on Tiketti": the place after the preposition
            rest = toks[verb[0] + 2 :]
            if rest[0].lower() in _PLACE_PREPOSITIONS and len(rest) > 1:
                return " ".join(_content(rest[1:], lang=lang) or rest[1:]), False
        said = [i for i in range(1, len(toks)) if _says_what(toks, i)]
        if said and not (arts and arts[0] < said[0]) and toks[0].lower() not in _words("subjects"):
            end = said[0] - 1 if toks[said[0] - 1].lower() in _CONTACT else said[0]
            if _content(toks[:end], lang=lang):
                return " ".join(toks[:end]), False  # "our website has all the info"
        place = [i for i, t in enumerate(toks) if t.lower() in _PLACE_PREPOSITIONS]
        if place and arts and place[0] + 1 == arts[0] and place[0] > 0 and not arts[0] < place[0]:
            first = toks[0].lower()
            verbal = first in english_verbs() or (first.endswith("ing") and place[0] == 1)
            # "Payment happens at the checkout": a verb before the place, which is the name
            verbal = verbal or any(t.lower().endswith("s") for t in toks[1 : place[0]])
            if not verbal and first not in _words("subjects") | {"a", "an", "the"}:
                return " ".join(toks[: place[0]]), False  # "plate recognition at the gate"
        if verb and toks[0].lower() not in ("a", "an", "the"):
            before = _content(toks[: verb[0]], lang=lang)
            if before:  # "customer support are where we serve them"
                return " ".join(before), False
        subject = toks[0].lower() in _words("subjects")
        cut = [i for i, t in enumerate(toks) if t.lower() in _CUT]
        if arts and cut and 0 < cut[0] < arts[0] and not subject:
            # "Settling-in days with a parent": the name comes before the preposition.
            return " ".join(toks[: cut[0]]), False
        start = arts[0] + 1 if arts else (2 if subject else 0)
        if arts or subject:  # "They sign contracts": past the subject and the verb
            return " ".join(_content(toks[start:], lang=lang) or toks), False
        if any(t.lower() in _words("objects") for t in toks):  # "Our newsletter keeps them"
            return " ".join(_content(toks, lang=lang) or toks), False
        contact = [i for i, t in enumerate(toks) if i > 0 and t.lower() in _CONTACT]
        if contact:  # "photos we send after": the name is before the clause about it
            return " ".join(toks[: contact[0]]), False
        aside = [i for i, t in enumerate(toks) if i > 1 and t.lower() in _ASIDE_EN]
        if aside:  # "api hookup w their order system": the name is before "with"
            return _trimmed(toks[: aside[0]]), False
        return _trimmed(toks), False
    # A capital marks a name, except on the first word: "Pidämme palaverin".
    verbs = [i for i, t in enumerate(toks) if is_verb(t.lower() if i == 0 else t)]
    if not verbs:
        stop = [i for i, t in enumerate(toks) if i > 0 and t.lower() in ("ennen", "koska", "jotta")]
        if stop and stop[0] > 1 and toks[stop[0] - 1].lower().startswith(_TIME_UNITS):
            stop[0] -= 1  # "tekstiviesti päivää ennen": the time goes with "ennen"
        return _trimmed(toks[: stop[0]] if stop else toks), False
    v = verbs[0]
    # "lasku tulee kuukausittain": an adverb after the verb names nothing
    after = _content([t for t in toks[v + 1 :] if t.lower().strip(",.") not in _TRAILING_MORE])
    before = _content(toks[:v])
    if lemma(toks[v].lower()) == "olla" or toks[v].lower() in ("on", "ovat"):
        where = [t.lower().strip(",.") for t in toks[:v] if t.lower() not in _words("function")]
        placed = where and where[-1].endswith(_LOCATIVE) and all(map(_genitive, where[:-1]))
        if placed and len(where) <= 2 and after:
            # "ovella on liitutaulu", "tien varressa on kyltti": what is there, not where;
            # "odotushuoneessa oli kerran meidän esite": when it was there is no name either
            what = [t for t in toks[v + 1 :] if t.lower() not in _NOT_A_PLACE | {"kerran"}]
            return " ".join(_content(what) or after), False
        return " ".join(before or after), False
    if not after:
        return " ".join(before), True
    return " ".join(_object(after)), False


def _in_place_case(word: str) -> bool:
    """A Finnish word in a where/whither/whence case the dictionary knows as inflected
    ("postissa", "toimistollaan", "henkilökunnalleen")."""
    low = word.lower().strip(",.")
    bare = _POSSESSIVE.sub("", low) if len(low) > 8 else low
    ends = low.endswith(_LOCATIVE) or bare.endswith(_LOCATIVE) or bare.endswith("lle")
    return len(low) > 4 and ends and lemma(low) != low


def _object(toks: list[str]) -> list[str]:
    """Finnish: the object after the verb, without the where and for-whom words after it:
    "järjestän maistatuksen paikan päällä heidän omassa kahvilassaan" -> "maistatuksen",
    "pidämme koulutuksen heidän henkilökunnalleen" -> "koulutuksen". A genitive before a
    noun stays with it ("verkkokaupan yritystilin")."""
    for i in range(1, len(toks)):
        low = toks[i].lower().strip(",.")
        nxt = toks[i + 1].lower().strip(",.") if i + 1 < len(toks) else ""
        if low in _WHOSE or _in_place_case(toks[i]) or nxt in _POSTPOSITIONS_OF_PLACE | {"päällä"}:
            return toks[:i]
    return toks


HOW_OFTEN = re.compile(
    r"\b(?:(?:jonkin|jonkun)\s+verran|(?:(?:muutaman|muutama|pari|kaks|kaksi|kolme|monta|useamman)\s+)?"
    r"(?:kerran|kertaa)\s+"
    r"(?:viikossa|kuussa|vuodessa|kvartaalissa|päivässä)|(?:once|twice)\s+a\s+(?:week|month|year|day)|"
    r"every\s+(?:few\s+)?(?:days|weeks|months|years|week|month|year))\b",
    re.IGNORECASE,
)


def touchpoint_names(sentence: str, *, lang: str) -> list[tuple[str, Entry | None]]:
    """Touchpoint names in one sentence of a touchpoints answer."""
    phrases: list[tuple[str, bool]] = []
    sentence = re.sub(r"\s*\([^)]*\)?", "", sentence)  # "booking on website (bokun)"
    sentence = HOW_OFTEN.sub(" ", sentence)  # "uutiskirje kerran kuussa", "once a month"
    head, colon, _ = sentence.partition(": ")
    if colon and len(split_items(head)) >= 2:
        sentence = head  # "…, and we ask for preparation material: slides, programme": examples
    for n, item in enumerate(split_items(sentence)):
        first = item.split()[0].lower()
        if n and lang == "fi" and town(item):
            continue  # "Kesätorit Pälkäneellä ja Kangasalla": a town, not a second place
        if first in _words("relative"):
            continue  # "palaveri, jossa käydään läpi ...": says more about the one before
        if first in _words("temporal"):
            # "Kauppa syntyy, kun sopimus allekirjoitetaan": after a clause saying what
            # happens, the when-clause names where; after "X on se hetki, kun ..." it does not.
            if not (phrases and phrases[-1][1]):
                continue
            phrases.pop()
            item = item.split(maxsplit=1)[1] if len(item.split()) > 1 else ""
        if lang == "fi" and len(item.split()) == 2:  # "ensitapaaminen Teamsissa"
            item = " ".join(drop_place(item.split()))
        phrase, subject = noun_phrase(item, lang=lang)
        if phrase.strip():
            phrases.append((phrase, subject))
    out: list[tuple[str, Entry | None]] = []
    for phrase, _ in phrases:
        if lang == "fi":  # before the names are put in base form: "Teamsissa" is a place
            phrase = " ".join(drop_place(phrase.split()))
        for name, entry in name_items(phrase, lang=lang):
            if name.casefold() not in {n.casefold() for n, _ in out}:
                out.append((name, entry))
    return out


_LEADING = frozenset(
    [
        "own",
        "their",
        "our",
        "my",
        "his",
        "her",
        "its",
        "the",
        "a",
        "an",
        "little",
        "small",
        "daily",
        "new",
        "sitten",
        "sit",
        "ja",
        "eka",
        "ensin",
        "itse",
        "myös",
        "vaan",
        "lähinnä",
        "oma",
        "omat",
        "omaa",
        "meidän",
        "niiden",
        "heidän",
        "ne",
        "se",
        "joku",
        "some",
        "mostly",
        "usually",
        "just",
        "only",
        "and",
        "then",
        "also",
        "lopuksi",
        "plus",
    ]
)
_NOT_A_PLACE = frozenset(
    [
        "heti",
        "sitten",
        "sit",
        "usein",
        "joskus",
        "myöhemmin",
        "lopuksi",
        "aina",
        "ensin",
        "nyt",
        "then",
        "later",
        "often",
        "sometimes",
        "always",
        "first",
        "now",
        "paikan",
        "päällä",
        "on",
        "site",
        "tietty",
        "tietysti",
        "lähinnä",
        "enimmäkseen",
        "pääosin",
        "varmaan",
        "ainaki",
        "ainakin",
        "myös",
        "välillä",
        "viimeks",
        "viimeksi",
    ]
) | {"paikan päällä", "on site", "netissä", "verkossa", "online"}
_LEADING |= frozenset({"itse", "tietty", "tietyt", "jotkut", "vähän", "paljon", "enimmäkseen"})
_LEADING |= frozenset({"joskus", "usein", "välillä", "ehkä", "sometimes", "often", "maybe"})
_LEADING |= frozenset({"lopuks", "lopulta", "ekana", "ekaks", "finally", "lastly"})
# Spoken fillers before a name: "no ainaki kaupan hylly", "emt, varmaan ig", "joko varaus".
_LEADING |= frozenset(
    {"no", "hmm", "emt", "varmaan", "ainaki", "ainakin", "joko", "tietty", "tietysti"}
)
_LEADING |= frozenset({"pääosin", "yleensä", "lähinnä", "eniten", "mainly", "mostly", "usually"})
_LEADING |= frozenset({"et", "että", "siis"})  # "et tallin whatsapp-ryhmä"
_LEADING |= frozenset({"useimmiten", "yleisimmin", "enimmäkseen", "mostly", "generally"})
# How often, never which place: "vuosittainen asiakastilaisuus" (in English the writers keep
# it: "Annual review", "Quarterly business review", "Weekly classes")
_LEADING |= frozenset({"vuosittainen", "vuotuinen", "kuukausittainen", "viikoittainen"})
# Whose, when it is the customer's own: "asiakkaan hankintaportaali", "the client's portal"
_LEADING |= frozenset({"asiakkaan", "asiakkaiden", "client's", "customer's", "clients'"})
# "ihan tiskillä", "jostain somesta", "the odd email": how much or which, never the place
_LEADING |= frozenset({"ihan", "jostain", "jossain", "jonkun", "odd", "occasional", "just"})
# "yks tukkuliike suosittelee", "eräs kumppani": one of a kind, never part of its name
_LEADING |= frozenset({"yks", "yksi", "eräs"})
_TRAILING_MORE = frozenset(
    [
        "obviously",
        "perään",
        "kuukausittain",
        "viikoittain",
        "vuosittain",
        "automaattisesti",
        "mahdollinen",
        "mahdollista",
        "etukäteen",
        "myöhemmin",
        "heti",
        "possible",
        "beforehand",
        "later",
    ]
)
_CUT = frozenset(
    [
        "ku",
        "kuten",
        "esim",
        "esimerkiksi",
        "who",
        "through",
        "by",
        "via",
        "with",
        "for",
        "from",
        "kun",
        "jos",
        "koska",
        "joka",
        "jossa",
        "jotka",
        "which",
        "that",
        "when",
        "where",
        "because",
        "while",
        "after",
        "before",
        "ennen",
        "jälkeen",
        "missä",
        "mihin",
    ]
)
# "ig ne seuraa meitä": a Finnish subject pronoun, and its verb, follow the place
_CUT_FI = frozenset(["ne", "he", "me"])
_TRAILING = frozenset(
    [
        "itself",
        "outside",
        "inside",
        "there",
        "mostly",
        "mainly",
        "usually",
        "too",
        "also",
        "only",
        "etc.",
        "etc",
        "lähinnä",
        "yleensä",
        "myös",
        "vaan",
        "vain",
        "pääasiassa",
        "pääosin",
        "arkisin",
        "tietty",
        "tietysti",
        "kai",
        "usein",
        "aina",
        "itse",
    ]
)
_TRAILING_PAIRS = frozenset(
    {
        "of course",
        "for sure",
        "on fridays",
        "on mondays",
        "on weekends",
        "at weekends",
        "paikan päällä",
        "paikan päälle",
        "kerran kvartaali",
        "kerran kvartaalissa",
        "heidän toimisto",
        "heidän toimistolla",
        "jonkin verran",
        "jonkun verran",
        "kerran vuodessa",
        "kerran vuosi",
        "kerran kuussa",
        "kerran viikossa",
        "kerran kuukausi",
        "once a year",
        "a bit",
        "now and then",
    }
)
_NOT_A_NAME = frozenset(
    {
        "they",
        "they're",
        "theyre",
        "thats",
        "that's",
        "it",
        "it's",
        "its",
        "let",
        "lets",
        "let's",
        "actually",
        "bit",
        "olla",
        "kuka",
        "mikä",
        "missä",
        "miksi",
        "we",
        "we're",
        "i",
        "i'm",
        "he",
        "she",
        "se",
        "ne",
        "hän",
        "me",
        "mä",
        "someone",
        "joku",
        "siinä",
        "meil",
        "meillä",
        "mitä",
        "nowhere",
        "there",
        "here",
        "this",
        "these",
        "please",
        "kiitos",
        "spring",
        "summer",
        "autumn",
        "winter",
        "toinen",
        "toiset",
        "muut",
        "not",
        "eikä",
        "put",
    }
)


_WHOSE = frozenset({"meidän", "heidän", "teidän", "hänen", "niiden", "omaan", "omalle"})
_ONLY_GENERIC = frozenset({"asiakas", "asiakkaat", "customer", "customers", "people", "ihmiset"})
# What is said about a place, never a place: the price, the mood, a direction.
_ONLY_GENERIC |= frozenset({"hinta", "hinnat", "price", "prices", "fiilis", "tunnelma", "vibes"})
_NOT_PLACES = frozenset(
    {
        "siellä",
        "täällä",
        "suoraan",
        "sisään",
        "ulos",
        "mikään",
        "mitään",
        "minä",
        "sinä",
        "joko",
        "uudestaan",
        "samalla",
        "sama",
        "sieltä",
        "täältä",
        "siitä",
        "tästä",
        "hyvän",
        "hyvä",
        "jos",
        "ääressä",
        "syksyllä",
        "keväällä",
        "kesällä",
        "talvella",
        "syksy",
        "kevät",
        "kesä",
        "talvi",
    }
)


_WHERE_PHRASES = frozenset({"paikan päällä", "paikan päälle", "paikan päältä"})


def plausible_name(name: str, *, lang: str) -> bool:
    """Whether a candidate reads as the name of a place or channel, not as a piece of the
    story around it ("They're lovely", "300 unread", "Kuka sen sinne", "Actually")."""
    toks = name.split()
    if not toks or toks[0].lower().strip(",.!?'") in _NOT_A_NAME:
        return False
    if len(toks) == 1 and toks[0].lower() in _ONLY_GENERIC:
        return False  # "Asiakas" alone, but "Customer service" is a name
    if lang == "fi" and " ".join(toks[:2]).lower() in _WHERE_PHRASES:
        return False  # "Paikan päällä": on the spot, where it happens, not a place
    if lang == "fi" and toks[0].lower() in _NOT_PLACES:
        return False  # "Siellä", "Suoraan": where or how, not a place
    if lang == "fi" and len(toks) == 1 and verb_like(toks[0]):
        return False  # "Postailen", "Nähny", "Ostaa": what someone does
    if len(toks) == 1 and (toks[0].lower() in _TRAILING_MORE or toks[0].lower().endswith("sesti")):
        return False  # "Kuukausittain", "Sähköisesti": how often or how, not where
    if toks[0][:1].isdigit() and len(toks) > 1 and not toks[0].lower().endswith(("-day", "d")):
        return False  # "300 unread" (but "14-day free trial" stays)
    if lang == "en" and len(toks) > 2:
        verbs = [
            t
            for t in toks[1:]
            if t.lower() in ("is", "are", "was", "were")
            or (t.lower().endswith("ed") and len(t) > 4)
        ]
        if verbs:
            return False  # "Neighbour's daughter designed those"
    # "Dms are"
    return not (lang == "en" and len(toks) == 2 and toks[1].lower() in ("are", "is", "was", "were"))


_LOCATIVE = ("ssa", "ssä", "lla", "llä", "lta", "ltä", "sta", "stä", "lle", "sti", "tse")


_POSSESSIVE = re.compile(r"(?:mme|nne|nsa|nsä|ni|si)$")


def verb_like(word: str) -> bool:
    """A finite verb or a spoken past participle ("nähny", "käyny")."""
    low = word.lower()
    spoken_participle = (
        len(low) >= 5 and low.endswith(("ny", "nu", "nyt", "nut")) and lemma(low) == low
    )
    first_person = len(low) >= 6 and low.endswith(("len", "lin", "an", "än")) and is_verb(low)
    # "postailen", "soittelen", "kyselen": a frequentative verb, known to a dictionary or not
    frequentative = len(low) >= 7 and low.endswith(("ailen", "äilen", "ielen", "telen", "selen"))
    return (
        spoken_participle or first_person or frequentative
    )  # is_verb alone takes "pöydät", "työmaa" for verbs


def drop_place(toks: list[str]) -> list[str]:
    """Finnish: the closing where/how words go ("Referenssisivu verkkosivuillamme",
    "Rokotusmuistutukset tekstiviestillä", "Ensitapaaminen Teamsissa"); a genitive before
    them keeps its head ("kaverin suosituksesta")."""
    if len(toks) == 2 and all(t.isalpha() for t in toks):
        a, b = (t.lower() for t in toks)
        same = next((e for e in _LOCATIVE if a.endswith(e) and b.endswith(e)), None)
        if same and lemma(a) != a and lemma(b) != b:
            return [lemma(a), lemma(b)]  # "opastetulla retkellä": one phrase, the place itself
    while len(toks) > 1 and not _genitive(toks[-2]):
        last = toks[-1].lower().strip(",.")
        bare = _POSSESSIVE.sub("", last) if len(last) > 8 else last
        if toks[-1][:1].isupper() and len(last) < 7:
            break  # "Kauppa Helsinki": a short proper name is no case ending
        spoken = written_case(last) or ""
        if not (last.endswith(_LOCATIVE) or bare.endswith(_LOCATIVE) or spoken.endswith(_LOCATIVE)):
            break
        dropped, toks = toks[-1], toks[:-1]
        if len(toks) == 1 and toks[0].lower() in _NOT_A_PLACE:
            return [lemma(dropped.lower().strip(",."))]  # "heti kassalla" -> Kassa
    return toks


_POSTPOSITIONS_OF_PLACE = frozenset(
    {"alla", "luona", "vieressä", "vieres", "edessä", "takana", "lähellä", "kohdalla", "päässä"}
)
_ILLATIVE = re.compile(r"(?:aa|ää|oo|öö|uu|yy|ii|ee)n$|(?:seen|siin|hin)$")
# Verbs that end a name when they follow it ("the app shows wash history", "the invoice
# comes afterwards", "early birds go out in December"); rarely nouns in a touchpoint answer.
_EN_CLAUSE_VERBS = frozenset(
    [
        "send",
        "sends",
        "come",
        "comes",
        "go",
        "goes",
        "sell",
        "sells",
        "tell",
        "tells",
        "arrive",
        "arrives",
        "give",
        "gives",
        "bring",
        "brings",
        "take",
        "takes",
        "shows",
        "appears",
        "appear",
        "pops",
        "lands",
        "land",
        "is",
        "are",
        "was",
        "were",
        "has",
    ]
)
_SHOWS_NOUN = frozenset({"trade", "road", "tv", "talk", "car", "boat", "fashion", "game", "home"})


_EMOTICON = re.compile(r"[:;=]-?[()DPpO/|]+|\(?[xX]D\)?")
_SMALL = frozenset({"of", "to", "out", "in", "on", "at", "for", "it", "them"})
_PLACE_PREPOSITIONS = frozenset({"at", "on", "in", "through", "via"})
_PARTICIPLES = frozenset(
    {"sold", "made", "done", "sent", "given", "shown", "found", "bought", "paid"}
)


def _participle(word: str) -> bool:
    w = word.lower()
    return w in _PARTICIPLES or (w.endswith("ed") and len(w) > 4)


def town(item: str) -> bool:
    """A lone capitalised word in a place case that no channel names ("Kangasalla")."""
    w = item.strip(" ,.")
    return (
        " " not in w
        and w[:1].isupper()
        and w.lower().endswith(_LOCATIVE)
        and lemma(w.lower()) != w.lower()
        and lookup(w, channels()) is None
    )


_DURATION = re.compile(
    r"^(?:yhden|kahden|kolmen|neljän|viiden|kuuden|parin|muutaman|\d+)$", re.IGNORECASE
)
_TIME_GENITIVES = ("päivän", "viikon", "kuukauden", "vuoden", "tunnin", "minuutin", "illan")
_INFINITIVES = frozenset(
    {"tehdä", "antaa", "saada", "jättää", "käydä", "hoitaa", "ottaa", "pitää", "tilata", "varata"}
)


def _without_duration(toks: list[str]) -> list[str]:
    low = [t.lower() for t in toks]
    if len(toks) > 2 and _DURATION.match(low[0]) and low[1] in _TIME_GENITIVES:
        return toks[2:]
    return toks


_SUBJECTS_EN = frozenset({"i", "we", "they", "he", "she"})


def channel_verb(sentence: str, lang: str) -> tuple[str, Entry] | None:
    """A verb that names the channel when nothing else in the clause does: "soitan
    keväällä" is a phone call, "we email them a reminder" an email."""
    toks = [t.lower().strip(".,!?") for t in sentence.split()]
    if toks and toks[0] in ("ei", "en", "emme", "eivät", "not", "no", "never"):
        return None  # "ei me olla instassa"
    for i, tok in enumerate(toks):
        if lang == "en" and not (i and toks[i - 1] in _SUBJECTS_EN):
            continue
        if lang == "fi" and not is_verb(tok):
            continue
        base = lemma(tok) if lang == "fi" else tok.removesuffix("s")
        entry = lookup(base, channels(), fuzzy=False) if len(base) >= 4 else None
        if entry is not None and base in entry.forms:
            return _ACTS.get(entry.key, (entry.fi, entry.en))[lang == "en"], entry
    return None


# The act a verb names, where it differs from the channel: "soitan" is a call.
_ACTS = {"puhelin": ("Puhelu", "Phone call")}


def _illative(word: str) -> bool:
    """A Finnish word in the into-case that the dictionary knows as inflected."""
    w = word.lower().strip(",.")
    return len(w) > 5 and bool(_ILLATIVE.search(w)) and lemma(w) != w


def _says_what(toks: list[str], i: int) -> bool:
    """English: whether toks[i] is a verb saying what the name before it does ("the app
    shows wash history"), not a noun ("trade shows") or a verb of a phrase ("out of")."""
    low, before = toks[i].lower().strip(",."), toks[i - 1].lower().strip(",.")
    if low not in _EN_CLAUSE_VERBS or before in _SMALL:
        return False
    return not (low == "shows" and before in _SHOWS_NOUN)


def _before_verb(toks: list[str]) -> list[str]:
    """English: the name before a verb that says what it does."""
    for i in range(1, len(toks)):
        if _says_what(toks, i):
            return toks[:i]
    return toks


def _genitive(word: str) -> bool:
    w = word.lower().strip(",.")
    return w.endswith("n") and not w.endswith("nen")  # "ensitapaaminen" is nominative


def compound(toks: list[str]) -> list[str]:
    """Two words people write apart that Finnish writes as one: "netti varaus" ->
    "Nettivaraus", "google haku" -> "Google-haku", "facebookin arvostelut" ->
    "Facebook-arvostelut"."""
    if len(toks) != 2 or not all(t.isalpha() for t in toks) or not toks[1].islower():
        return toks
    whole = lookup(" ".join(toks).lower(), channels(), fuzzy=False)
    if whole is not None and " ".join(toks).lower() in (whole.fi.lower(), *whole.forms):
        return whole.fi.split()  # "google maps" is Google Maps, not "Google-maps"
    first = toks[0].lower()
    for base in (first, first[:-2] if first.endswith("in") else "", first[:-1]):
        entry = lookup(base, channels(), fuzzy=False) if len(base) >= 2 else None  # "fb"
        if entry is not None and entry.fi[:1].isupper() and entry.fi == entry.en:
            return [f"{entry.fi}-{toks[1]}"]  # a brand: Google, Facebook, TikTok
    if first in _words("compound_heads"):
        return [toks[0] + toks[1]]
    return toks


_PLACE_PREPS = frozenset({"on", "at", "in"})


def _compounded(toks: list[str]) -> list[str]:
    """English names a thing by its place in front: "reviews on Google" -> "Google reviews",
    "posters in the community centre" -> "Community centre posters"."""
    at = next((i for i, t in enumerate(toks) if i > 0 and t.lower() in _PLACE_PREPS), -1)
    if at < 1 or at > 2:
        return toks
    place = [t for t in toks[at + 1 :] if t.lower() not in ("the", "a", "an", "our", "their")]
    if not 1 <= len(place) <= 2 or any(t.lower() in _PLACE_PREPS | _CUT for t in place):
        return toks  # "check in at reception"
    plural = toks[at - 1].lower().endswith("s")
    if not plural and lookup(" ".join(place), channels(), fuzzy=False) is None:
        return toks  # "log in page", "sign up form": a verb before "in"/"on", not a place
    last = place[-1]
    if last.islower() and last.endswith("s") and not last.endswith("ss") and len(last) > 4:
        place[-1] = last[:-1]  # a place in front is singular: "hotel reception flyers"
    return [*place, *(t.lower() for t in toks[:at])]


# A case ending after a colon belongs to an abbreviation, not to its name ("dm:ää", "sms:llä").
_ABBREVIATION_CASE = re.compile(r"^([\wåäöÅÄÖ]{1,8}):[a-zåäö]{1,5}$")
_QUANTIFIERS = frozenset(
    ["pari", "parin", "puolet", "puolta", "muutama", "muutaman", "muutamia", "couple", "half"]
)


def tidy_touchpoint(name: str, *, lang: str) -> str:
    """A touchpoint name without the words around it: "Own website booking engine" ->
    "Website booking engine", "Proposal pdf by email" -> "Proposal pdf", "Auton jättö
    aamulla" -> "Auton jättö", "Kattoo google arvostelut" -> "Google arvostelut"."""
    toks = [t for t in name.split() if not _EMOTICON.fullmatch(t)]  # "keinona :D"
    if any(t.lower() == "puolesta" for t in toks):
        return ""  # "äidin puolesta": on whose behalf, never where
    toks = [_ABBREVIATION_CASE.sub(r"\1", t) for t in toks]  # "dm:ää" -> "dm"
    if toks and toks[0].lower().strip(",.") in _QUANTIFIERS:
        if len(toks) == 1:
            return ""  # "pari", "puolet", "a couple": how many, never where
        toks = toks[1:]  # "pari somepätkää" -> "somepätkät"
        if lang == "fi" and len(toks) == 1:
            toks = [base_form(toks[0], lang=lang)]
    while len(toks) > 1 and toks[0].lower().strip(",.") in _LEADING:
        toks.pop(0)
    if lang == "fi" and toks and toks[0].lower().endswith(("mme", "nne")):
        own = lemma(toks[0].lower())  # "myyjämme Kimmo": our seller, whose name follows
        if own != toks[0].lower() and len(own) >= 4:
            toks = [own, *toks[1:]]
            if len(toks) == 2 and toks[1][:1].isupper() and lookup(toks[1], channels()) is None:
                toks = toks[:1]
    if lang == "en":
        toks = _compounded(toks)
        if (
            len(toks) >= 2
            and toks[-1][:1].isupper()
            and toks[-1][1:].islower()
            and toks[-2].isalpha()
            and toks[-2].islower()
            and lookup(toks[-1], channels()) is None
        ):
            toks = toks[:-1]  # "our rep Sami", "account manager Laura": the role, not who
    elif (
        len(toks) > 1
        and toks[0].lower().endswith(("ssa", "ssä", "lla", "llä"))
        and (verb_like(toks[1]) or is_verb(toks[1]))
    ):
        toks = [base_form(toks[0], lang=lang)]  # "linkkarissa postailen töitä": the place
    elif len(toks) > 1 and toks[0].lower().endswith(("ssa", "ssä")) and not _genitive(toks[0]):
        toks = toks[1:]  # "netissä varausjärjestelmä": where it is, then what
    elif len(toks) > 1 and toks[0].lower().endswith(("lla", "llä")) and not _genitive(toks[0]):
        rest = [t for t in toks[1:] if t.lower() not in _LEADING]
        if len(rest) == 1 and not is_verb(rest[0]) and not is_function_word(rest[0]):
            toks = rest  # "työmaalla itse kaivuu": where, then what (never "keväällä et …")
    cut_here = _CUT | _CUT_FI if lang == "fi" else _CUT
    for i, tok in enumerate(toks[1:], start=1):
        if tok.lower() in cut_here:
            toks = toks[:i]
            if tok.lower() in ("jälkeen", "ennen", "after", "before") and len(toks) > 1:
                toks.pop()  # "jälkisoitto leikkauksen jälkeen": the genitive goes too
            if lang == "fi" and len(toks) == 1:  # "tekstiviestin kun …": the object's base form
                toks = [base_form(toks[0], lang=lang)]
            break
    while len(toks) > 1 and toks[-1].lower().strip(",.!") in _TRAILING | _TRAILING_MORE:
        toks.pop()
    while lang == "en" and len(toks) > 1 and toks[-1].lower() in _SMALL:
        toks.pop()  # "a tour of the space" cut at the article: "Tour of" -> "Tour"
    while len(toks) > 2 and " ".join(t.lower() for t in toks[-2:]) in _TRAILING_PAIRS:
        toks = toks[:-2]  # "Pinterest jonkin verran", "Messut kerran vuodessa"
    if lang == "fi" and len(toks) > 2 and toks[-2].lower() in _WHOSE:
        toks = toks[:-2]  # "koneiden siirto meidän hallintaamme": whose and where it goes
    for i, tok in enumerate(toks[1:], start=1):
        if tok.lower() in ("päästä", "kuluttua") and i > 1:
            toks = toks[: i - 1]  # "takuutarkastus vuoden päästä": the time goes
            break
    if len(toks) > 2 and toks[-1].lower() in ("kautta", "avulla", "välityksellä"):
        toks = toks[:-2]  # "ajanvaraus timman kautta" -> "Ajanvaraus"
    if len(toks) > 2 and " ".join(t.lower() for t in toks[:2]) in ("jonkun verran", "aika paljon"):
        toks = toks[2:]  # "jonkun verran google" -> "Google"
    if toks and toks[-1].lower() in ("et", "että", "jotta") and len(toks) > 1:
        toks.pop()  # "tekstari muistutus et ...": the clause after it was cut off
    placed = len(toks) > 2 and toks[-1].lower() in _POSTPOSITIONS_OF_PLACE
    if lang == "fi" and placed and _genitive(toks[-2]):
        toks = toks[:-2]  # "kokoontumispaikka rinteen alla": where it stands goes
    if lang == "fi" and len(toks) > 1 and _illative(toks[-1]):
        toks.pop()  # "tiedote porraskäytävään", "e-lasku isännöitsijätoimistoon": where to
    if lang == "en":
        toks = _before_verb(toks)  # "the gas station next door sends people"
    if lang == "fi":
        toks = _without_duration(toks)  # "kahden viikon testipaketti" -> "testipaketti"
        if len(toks) > 1 and toks[0].lower() in _INFINITIVES:
            toks = [*toks[1:-1], base_form(toks[-1], lang=lang)]  # "tehdä reklamaation"
        toks = compound(drop_place(toks))
        if len(toks) > 1 and (is_verb(toks[0].lower()) or toks[0].lower() in _spoken_verbs()):
            toks.pop(0)
            if len(toks) == 1:  # "lähetän tekstiviestin": the object in base form
                toks = [base_form(toks[0], lang=lang)]
    elif (
        len(toks) > 1
        and toks[0].lower() in english_verbs()
        and toks[1].lower() not in ("up", "in", "on", "out", "off")  # "sign up form" stays
    ):
        toks.pop(0)
        while len(toks) > 1 and toks[0].lower() in _LEADING:
            toks.pop(0)  # "book a demo" -> "demo"
    out = " ".join(toks).strip(" ,.;:")
    if out.lower() in _NOT_A_PLACE:
        return ""  # "heti", "paikan päällä": when or how, not a touchpoint
    return out[:1].upper() + out[1:] if out else name


@cache
def _spoken_verbs() -> frozenset[str]:
    return frozenset(
        [
            "kattoo",
            "katsoo",
            "tulee",
            "tulevat",
            "menee",
            "käy",
            "käyvät",
            "soittaa",
            "laittaa",
            "varaa",
            "tilaa",
            "maksaa",
            "täyttää",
            "lukee",
            "selaa",
            "hakee",
            "etsii",
            "kysyy",
            "saa",
            "saavat",
            "ottaa",
            "jättää",
            "tekee",
        ]
    )


@cache
def english_verbs() -> frozenset[str]:
    """English verbs that open a clause about what people do ("find", "book")."""
    return frozenset(
        [
            "see",
            "sees",
            "find",
            "finds",
            "check",
            "checks",
            "read",
            "reads",
            "book",
            "books",
            "call",
            "calls",
            "visit",
            "visits",
            "fill",
            "fills",
            "sign",
            "signs",
            "get",
            "gets",
            "use",
            "uses",
            "join",
            "joins",
            "get",
            "gets",
            "ask",
            "asks",
            "look",
            "looks",
            "browse",
            "browses",
            "order",
            "orders",
            "pay",
            "pays",
            "try",
            "tries",
        ]
    )
