"""Names in answers: the business's name and the persona's given name.

People give them every way: "Kahvila Pikku Papu, kahvia ja leivonnaisia", "We run Hotel
Lumo", "mun firma on excel-akatemia", "lvi-palvelu virtanen oy teen putkitöitä", "Anne,
30", "opiskelija saara 23v", "Operations manager Dana at ...", "sanotaan et Jenni".
A description with no name ("mä oon sähköasentaja", "lapsiperheen äiti") gives none.
"""

from __future__ import annotations

import re

from assistant.lang.lexicon import channels, first_cue, given_names, lookup
from assistant.lang.lists import base_form
from assistant.lang.words import fi_forms, fuzzy_equal, lemma, words

_GREETING = re.compile(
    r"^\s*(?:(?:hei|moi|moikka|terve|heippa|hello|hi|hey|no|noh|siis|joo|well|so|ok|okei)\b[!,.\s]*)+",
    re.IGNORECASE,
)
_COMPANY = re.compile(r"\b(?:oy|ky|tmi|ab|ltd|oyj|inc|llc|ky:n|oy:n)\b", re.IGNORECASE)
_INTRO = re.compile(
    r"\b(?:nimeltä|nimeltään|nimeltäin|called|named|we run|we're|we are|i run|i own|"
    r"our company is|my company is|our business is|my business is|it's called|the name is|"
    r"the company's|the shop's|the business's|the store's|the studio's|the name's|name is|"
    r"nimi on|nimenä on|nimeltään on|semmonen \w+ ku|sellainen \w+ kuin|"
    r"firma on|firmani on|firman nimi on|yritys on|yritykseni on|yrityksen nimi on|"
    r"yrityksemme on|yrityksemme nimi on|nimemme on|olemme|me ollaan|"
    r"(?:my|our)\s+(?:company|business|studio|shop|firm),|i'?m\s+[A-Z][a-z]+\s+from)\s+",
    re.IGNORECASE,
)
_RUN = re.compile(r"\b(?:pyöritämme|pyöritän|pyöritetään|ylläpidämme|ylläpidän)\s+", re.IGNORECASE)
_SELLS = re.compile(
    r"^(?P<name>[A-ZÅÄÖ][\w&'’.-]*(?:\s+[A-ZÅÄÖ0-9&][\w&'’.-]*){0,3})\s+"
    r"(?:myy|myyvät|tarjoaa|vuokraa|tekee|valmistaa|korjaa|sells|offers|makes|provides|rents)\b"
)
_AFTER_KIND = re.compile(
    r"\b(?:mul|mulla|meil|meillä|minulla|i have|we have)\s+(?:on\s+)?(?:a\s+|an\s+|pieni\s+|"
    r"oma\s+|small\s+)?[\w-]+\s+(?P<name>[A-ZÅÄÖ][\w&'’-]+(?:\s+[A-ZÅÄÖ][\w&'’-]+){0,2})",
)
_STOP = frozenset(
    [
        "tässä",
        "täällä",
        "here",
        "on",
        "is",
        "are",
        "was",
        "oli",
        "olemme",
        "ollaan",
        "teen",
        "teemme",
        "tehdään",
        "myyn",
        "myymme",
        "myydään",
        "tarjoan",
        "tarjoamme",
        "tarjotaan",
        "sell",
        "sells",
        "offer",
        "offers",
        "make",
        "makes",
        "vuokraa",
        "vuokraamme",
        "korjaamme",
        "korjataan",
        "hoidamme",
        "a",
        "an",
        "the",
        "in",
        "at",
        "from",
        "for",
        "with",
        "ja",
        "and",
        "tai",
        "or",
        "joka",
        "jossa",
        "who",
        "which",
        "that",
    ]
)
_NOT_NAME = frozenset(
    [
        "me",
        "meillä",
        "meil",
        "mä",
        "mää",
        "minä",
        "mulla",
        "mul",
        "mun",
        "meidän",
        "we",
        "i",
        "our",
        "my",
        "olemme",
        "ollaan",
        "myymme",
        "myydään",
        "teemme",
        "tehdään",
        "tarjoamme",
        "tarjotaan",
        "it",
        "we're",
        "i'm",
        "i've",
        "we've",
        "this",
        "tämä",
        "se",
        "pieni",
        "small",
        "yhden",
        "one",
        "a",
        "an",
        "the",
    ]
)


def _title(name: str) -> str:
    if name == name.lower():
        return " ".join(w[:1].upper() + w[1:] for w in name.split())
    return name


def _place(tok: str, prev: str) -> bool:
    """ "Turussa", "tampereella", "in Espoo": a place, not part of a name."""
    low = tok.lower()
    if prev.lower() in ("in", "at", "from", "near"):
        return True
    if low.endswith(("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä")) and len(low) > 5:
        return True
    # "Tampereelle" is where; "Puheen Polku", "Kuusikon Saha" name one thing
    return tok[:1].isupper() and low.endswith(("lle", "een")) and not prev[:1].isupper()


def _take(tokens: list[str]) -> str:
    out: list[str] = []
    for i, tok in enumerate(tokens[:5]):
        clean = tok.strip(",.;:!?()")
        if not clean or clean.lower() in _STOP or _place(clean, tokens[i - 1] if i else ""):
            break
        if clean in ("-", "–", "—"):
            break  # "Little Wheel Coffee - it's a mobile espresso cart"
        out.append(clean)
        # "Lasikulma Oy" ends at its company form; "Tmi Puheen Polku" opens with one
        if tok.endswith((",", ".", ";", ":", "!", "?")) or (_COMPANY.fullmatch(clean) and i > 0):
            break
    return " ".join(out)


def business_name(text: str) -> str:
    """The business's name when the answer gives one; "" otherwise. Where it is goes:
    "Pyöräpaja Ketju Turussa" -> "Pyöräpaja Ketju", "Second Seat in Espoo" -> "Second Seat"."""
    return _without_town(_named_business(text))


_PLACE_END = re.compile(
    r"\s+(?:in|at)\s+[A-ZÅÄÖ][\wåäö-]+$|\s+[A-ZÅÄÖ][\wåäö-]+(?:ssa|ssä|lla|llä)$"
)


def _without_town(name: str) -> str:
    m = _PLACE_END.search(name)
    if not m or len(name.split()) < 2:
        return name
    last = name.split()[-1].lower()
    if not m.group(0).lstrip().lower().startswith(("in ", "at ")) and lemma(last) == last:
        return name  # "Hieronta Hellä": a word of the name, not a town in the adessive
    return name[: m.start()]


def _named_business(text: str) -> str:
    body = _GREETING.sub("", text).strip()
    body = _NAME_LABEL.sub("", body)  # "Firma: Hissihuolto Kylmälä Oy."
    m = _INTRO.search(body)
    comma = re.search(r"[,.–—:]|\s-\s", body)
    if m and comma and comma.start() < m.start():
        first = _first_segment(body)
        if first:
            return first
    seller = _SELLS.match(body)
    if seller:
        return _title(seller.group("name").strip())  # "Kahvila Kanelitupa myy kahvia"
    run = _RUN.search(body)
    if run:
        name = _take(body[run.end() :].split())
        toks = name.split()
        if toks and toks[-1][:1].isupper() and toks[-1].lower().endswith(("a", "ä")):
            toks[-1] = toks[-1][:-1]  # the object is partitive: "Kahvila Kanelia" -> "Kaneli"
        if toks and toks[0][:1].isupper():
            return " ".join(toks)
    for m in _INTRO.finditer(body):
        name = _take(body[m.end() :].split())
        if name and name.lower() not in _NOT_NAME and not name.lower().startswith(("a ", "an ")):
            return _title(name)
    web = re.search(
        r"(?<![/\w.@(\[])[\wåäö-]+\.(?:fi|com|net|io|eu|se)\b(?![/\w.)])", body, re.IGNORECASE
    )
    if web:
        return web.group(0)
    m = _AFTER_KIND.search(body)
    if m:
        return _take(m.group("name").split())
    company = _COMPANY.search(body)
    if company and company.start() < 80:
        head = body[: company.end()].split()
        start = max(0, len(head) - 4)
        toks = [t for t in head[start:] if t.lower().strip(",.") not in _STOP]
        if toks:
            return _title(" ".join(t.strip(",.") for t in toks))
    return _first_segment(body)


_NAME_LABEL = re.compile(
    r"^(?:firma|yritys|yrityksen nimi|firman nimi|nimi|company|business|business name|name)\s*:\s*",
    re.IGNORECASE,
)


def _one_word_name(word: str) -> bool:
    """A capitalised word in its base form ("Lumo"), a compound the dictionary does not
    know ("Lankalaari": its lemma is only "lanka"), or one written in camel case
    ("TeippiTeam")."""
    if not word[:1].isupper():
        return False
    if re.search(r"[a-zåäö][A-ZÅÄÖ]", word):
        return True
    low = word.lower()
    base = lemma(low)
    if base == low:
        return True
    tail = low[len(base) :] if low.startswith(base) else ""
    return len(tail) >= 4 and not re.fullmatch(
        r"[aeiouyäö]?(?:ss|st|ll|lt|n|ks|t|j)?[aeiouyäö]{0,2}n?", tail
    )


_EMOJI_GAP = re.compile(r"\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]+\ufe0f?\s+")


def _first_segment(body: str) -> str:
    """ "Kahvila Pikku Papu, kahvia ja ..." -> the name before the first comma or dash;
    "pet grooming salon, Fluffy Paws." -> the capitalised name after a plain kind; an emoji
    between is a dash too ("second chair vintage 🪑 we sell …")."""
    body = _EMOJI_GAP.sub(" – ", body)
    parts = re.split(r"\s*[,.:;!(]\s*|\s+[-–—]\s+|\s+(?:is|on)\s+", body, maxsplit=2)
    first = parts[0].strip()
    second = parts[1].strip() if len(parts) > 1 else ""
    capitalised = all(t[:1].isupper() or t in ("&", "and", "ja") for t in second.split())
    if first == first.lower() and second and capitalised and len(second.split()) <= 3:
        return second
    if first == first.lower() and re.search(r"\b(?:the|a|an|we|i|my|our)\b", first):
        return ""
    toks = first.split()
    if not toks or len(toks) > 4 or toks[0].lower() in _NOT_NAME:
        return ""
    stop = next((i for i, t in enumerate(toks) if t.lower() in _STOP), None)
    if stop is not None:
        # "Astiavuokraamo Kattaus tässä moi!": a capitalised name, then the greeting
        head = toks[:stop]
        if len(head) < 2 or not all(t[:1].isupper() or t == "&" for t in head):
            return ""
        return _title(" ".join(head))
    if len(toks) == 1 and not _one_word_name(toks[0]):
        return ""  # one ordinary word ("kahvila") is no name
    if lookup(first, channels(), fuzzy=False) is not None and len(toks) == 1:
        return ""
    rest = body[len(first) :].lstrip()
    if not rest or (rest[:1] not in ",.-–—:(;!" and not re.match(r"(?:is|on)\s", rest)):
        return ""
    return _title(first)


_AGE = re.compile(
    r"(?P<n>[A-Za-zÅÄÖåäö][\wåäö-]{2,})\s*,?\s*\(?\s*\d{1,2}\s*(?:v\b|vee\b|-?vuotias|vuotias|"
    r"years?\b|yo\b|y/o|s\)|\)|,|\s|$)"
)
_EXPLICIT = re.compile(
    r"(?:nimeltään|nimeltä|named|called|call (?:her|him|them)|let's call (?:her|him|them)|"
    r"sanotaan\s+(?:et|että)\s+(?:hän|se)\s+on|"
    r"sanotaan(?:\s+(?:et|että))?(?:\s+(?:vaikka|vaik))?|nimetään(?:\s+hänet)?(?:\s+(?:vaikka|vaik))?|"
    r"annetaan (?:hänelle\s+|heille\s+)?nim(?:eks|iks)(?:i)?|nimeks(?:i)?(?:\s+(?:vaikka|vaik))?|"
    r"nimi\s+(?:vois|voisi|ois|olis|voi)\s+olla|nimeks\w*\s+(?:vois|voisi)\s+(?:laittaa|antaa)|"
    r"(?:name|call)\s+(?:her|him|them)|make it|^\s*meet|(?:^|(?<=[.!?]\s))(?:name|nimi):?(?:\s+(?:vaikka|vaik))?|"
    r"(?:guy|girl|woman|man|lady|someone|person)\s+like|more like|(?:asiakas|customer|persona)\s*=|"
    r"esim\.?|esimerkiksi|vaikkapa|"
    r"kutsutaan(?:\s+häntä)?(?:\s+(?:vaikka|vaik))?|(?:hänen\s+)?nimensä\s+(?:on|olkoon)|"
    r"hänen nimi on|nimi on|olkoon (?:hän|se|nimi)|"
    r"tyypillinen on|tyypillisin on|e\.g\.|for example|for instance|"
    r"her name is|his name is|their name is|let's say|vaikka|say|hän on|she is|he is|"
    r"(?:typical |ideal )?(?:client|customer|student|guest|buyer|patient|user|member) is|"
    r"(?:tyypillinen |ihanne)?asiakas(?:ni|mme)? on)\s+"
    r"(?P<n>[A-Za-zÅÄÖåäö][\wåäö-]{2,})",
    re.IGNORECASE,
)
_ROLE_THEN_NAME = re.compile(
    r"^\s*(?:[A-ZÅÄÖa-zåäö][\wåäö-]*\s+){1,2}(?P<n>[A-ZÅÄÖ][a-zåäö]{2,})\b"
)
_NAME_THEN_VERB = re.compile(
    r"^\s*(?P<n>[A-ZÅÄÖ][a-zåäö]{2,})\s+(?:runs|owns|manages|works|lives|wants|needs|has|"
    r"pyörittää|omistaa|johtaa|työskentelee)\b"
)
_APPOSITIVE = re.compile(r"^\s*(?P<n>[A-ZÅÄÖ][a-zåäö]{2,})\s*(?:,|\s[-–—])\s+[a-zåäöA-Z]")
_NOT_PERSON = frozenset(
    [
        "vaikka",
        "vaikkapa",
        "esimerkiksi",
        "hän",
        "nimi",
        "nimeksi",
        "nimeks",
        "nimiksi",
        "name",
        "noin",
        "about",
        "around",
        "yli",
        "alle",
        "ehkä",
        "semmonen",
        "sellainen",
        "he",
        "se",
        "ne",
        "asiakas",
        "asiakkaat",
        "tyypillinen",
        "yleensä",
        "usein",
        "meidän",
        "me",
        "mä",
        "tää",
        "tämä",
        "nainen",
        "mies",
        "perhe",
        "nuori",
        "yritys",
        "yrittäjä",
        "kiireinen",
        "eläkeläinen",
        "opiskelija",
        "äiti",
        "isä",
        "omistaja",
        "lapsiperheen",
        "lapsiperhe",
        "omakotitalon",
        "omakotiasuja",
        "kaupunkilaisperhe",
        "juristi",
        "she",
        "they",
        "it",
        "our",
        "the",
        "a",
        "an",
        "typical",
        "usually",
        "mostly",
        "most",
        "busy",
        "small",
        "local",
        "young",
        "older",
        "guy",
        "man",
        "woman",
        "mother",
        "father",
        "owner",
        "student",
        "parent",
        "parents",
        "family",
        "couple",
        "manager",
        "person",
        "someone",
        "somebody",
        "people",
        "customer",
        "lukiolainen",
        "pariskunta",
        "yrittäjä",
        "keski-ikäinen",
        "keski-ikänen",
        "vanha",
        "vanhempi",
        "joku",
        "jollain",
        "esimerkiksi",
        "vaikkapa",
        "aika",
        "tosi",
        "ihan",
        "iso",
        "pieni",
        "excel",
        "instagram",
        "facebook",
        "google",
        "linkedin",
    ]
)


_NAMED_LATER = re.compile(
    # "nainen, Raija vaikka, joka …", "otetaan hr:n Sanna", "esimerkiksi palvelupäällikkö
    # Tiina Laaksonen", "for example Jukka"
    r"(?:(?P<a>[A-ZÅÄÖ][a-zåäö]{2,})\s+(?:vaikka|vaikkapa|esimerkiksi|esim|say)\b"
    r"|\b(?:otetaan|otetaan vaikka|esimerkiksi|esim\.?|vaikkapa|for example|e\.g\.)\s+"
    r"(?:[a-zåäö][\wåäö-]*(?::n)?\s+)?(?P<b>[A-ZÅÄÖ][a-zåäö]{2,})(?:\s+(?P<s>[A-ZÅÄÖ][a-zåäö]{3,}nen))?)"
)


def persona_name(text: str, *, lang: str) -> str:
    """The persona's given name in base form ("Sariksi" -> "Sari"); "" when none is given.
    A name taken back in the same answer gives way to the one after it ("Jari, ei vaan
    Jarmo", "Mike... actually no, make it Marcus")."""
    text = _NOT_A.sub(" ", text)  # "Not a Karen lol. More like Kate": a type, not her name
    name = _first_name(text, lang=lang)
    if name:
        for m in _INSTEAD.finditer(text[text.lower().find(name.lower()[:3]) :]):
            word = m.group("n")
            place = word.lower().endswith(("ssa", "ssä", "lla", "llä", "sta", "stä", "lle"))
            if word.lower() not in _NOT_PERSON and word.lower() != name.lower() and not place:
                return _given(word, lang=lang)
    return name


_INSTEAD = re.compile(
    r"\b(?:ei\s+vaan|eiku|ei\s+ku|tai\s+siis|or\s+rather|make\s+it|"
    r"actually(?:\s+no)?,?\s+(?:make\s+it|call\s+(?:her|him|them)|it'?s)|no\s+wait,?)\s+"
    r"(?P<n>[A-ZÅÄÖ][a-zåäö]{2,})\b"
)
# Openings and fillers, never a name: "Moi! Tyypillinen asiakas on …", "Okay. Our customer …"
_NOT_PERSON_WORDS = frozenset(
    [
        "moi",
        "hei",
        "hi",
        "hello",
        "hey",
        "hmm",
        "hmmm",
        "okay",
        "ok",
        "okei",
        "well",
        "tuota",
        "tota",
        "no",
        "joo",
        "juu",
        "niin",
        "aha",
        "noh",
        "so",
        "sure",
        "yes",
        "yeah",
        "yep",
        "jep",
        "nope",
        "nah",
        "kiitos",
        "thanks",
        "um",
        "uh",
        "öö",
        "ööh",
        "hmph",
        "oho",
        "jaa",
        "jaha",
        "hyvä",
        "good",
        "right",
    ]
)
_NOT_A = re.compile(r"\b(?:not\s+an?|ei\s+mikään|ei\s+mikää)\s+[A-ZÅÄÖ][a-zåäö]+\b")
_TYPE_OF = re.compile(r"\b(?P<n>[a-zåäöA-ZÅÄÖ]{3,})-(?:tyyppinen|tyyppi|tyylinen)\b")
_ONE_WORD = re.compile(r"^\s*(?P<n>[A-Za-zÅÄÖåäö]{3,})\s*[.!]\s+\S")
_LAST_WORD = re.compile(r"[.!?]\s+(?P<n>[A-ZÅÄÖ][a-zåäö]{2,})[.!]?\s*$")


def _first_name(text: str, *, lang: str) -> str:
    for m in _NAMED_LATER.finditer(text):
        word = m.group("a") or m.group("b")
        if word.lower() in _NOT_PERSON or lookup(word, channels(), fuzzy=False):
            continue
        if m.group("a") and _EXPLICIT.match(f"{word} vaikka Xxx"):
            continue  # "Sanotaan vaikka Emma", "Nimetään vaikka Jari": the verb is no name
        surname = f" {m.group('s')}" if m.group("s") else ""  # "Tiina Laaksonen"
        return _given(word, lang=lang) + surname
    for pattern in (_EXPLICIT, _AGE):
        for m in pattern.finditer(text):
            word = m.group("n")
            if word.lower() in _NOT_PERSON or lookup(word, channels(), fuzzy=False):
                continue
            if pattern is _AGE and not word[:1].isupper():
                if re.search(r"(?:aja|äjä|yjä)$", word) and len(word) >= 6:
                    continue  # "talon rakentaja, 35v": a doer, never a name
                if word.lower().endswith(_PLACE_CASES) and word.lower() not in given_names():
                    continue  # "hammaslääkäri omalla klinikalla, 50v": where, never who
                unit = text[m.end("n") :]
                if not re.match(
                    r"\s*,?\s*\d{1,2}\s*(?:v\b|vee\b|-?vuotias|years?\b|yo\b|y/o)", unit
                ):
                    continue  # "group with 12 locations" gives no name
            before = text[: m.start("n")].split()[-1:] if pattern is _AGE else []
            if before and before[0][:1].isupper() and before[0].lower() in given_names():
                return f"{before[0]} {word}"  # "Pekka Virtanen, 52": the given name and surname
            lead = m.group(0)
            said = re.search(
                r"vaikka|sanotaan|nimetään|kutsutaan|call|named|called|nimi|nimeks|name|meet|=",
                lead,
                re.I,
            )
            if not word[:1].isupper() and pattern is _EXPLICIT and not said:
                continue  # "hän on kiireinen" is no name
            weak = said and re.fullmatch(r"vaikka|say", said.group(0), re.I)
            if weak and not word[:1].isupper() and not _may_be_name(word):
                continue  # "lounas pitää saada ulos vaikka mikä olis": no name
            return _given(word, lang=lang)
    typed = _TYPE_OF.search(text)  # "sellanen pekka-tyyppinen äijä"
    if typed and typed.group("n").lower() not in _NOT_PERSON:
        return _given(typed.group("n"), lang=lang)
    alone = _ONE_WORD.match(text)  # "Hope. She's a first-time mum", "june! retired teacher"
    lone = alone.group("n").lower() if alone else ""
    if alone and lone not in _NOT_PERSON | _NOT_PERSON_WORDS and not _role_word(lone):
        return _given(alone.group("n"), lang=lang)
    last = _LAST_WORD.search(text)  # "henkilöstöpäällikkö 20-100 hengen firmassa. Tiina"
    lone_last = last.group("n") if last else ""
    ordinary = _NOT_PERSON | _NOT_PERSON_WORDS
    if lone_last and lone_last.lower() not in ordinary and not _role_word(lone_last):
        return _given(lone_last, lang=lang)
    first = re.split(r"[.!?]", text, maxsplit=1)[0]
    head, colon, after = first.partition(":")
    if colon and len(head.split()) <= 6:
        first = after  # "Let's do the corporate one: Priya, office manager at …"
    lower = _LOWER_APPOSITIVE.match(first)  # "petri, työnjohtaja jossain rakennusfirmassa"
    if lower and lower.group("n").lower() in given_names():
        return _given(lower.group("n"), lang=lang)
    between = _ROLE_COMMA_NAME.search(first)  # "asiakas on isännöitsijä, Ville, joka …"
    n = between.group("n") if between else ""
    if n and (n.lower() in given_names() if n.islower() else _may_be_name(n)) and not _role_word(n):
        return _given(n, lang=lang)
    appositive = _APPOSITIVE.match(first)
    if appositive and appositive.group("n").lower() not in _NOT_PERSON | _NOT_PERSON_WORDS:
        return _given(appositive.group("n"), lang=lang)  # "Mia, a freelance designer"
    opener = _NAME_THEN_VERB.match(first)
    if opener and opener.group("n").lower() not in _NOT_PERSON:
        return _given(opener.group("n"), lang=lang)  # "Priya runs a small hot sauce company"
    named_kind = _NAMED_KIND.search(text)  # "Kalle-niminen rakennusmestari"
    if named_kind and named_kind.group("n").lower() not in _NOT_PERSON:
        return _given(named_kind.group("n"), lang=lang)
    role = _ROLE_THEN_NAME.match(first)
    if role and role.group("n").lower() not in _NOT_PERSON:
        m = role
        tokens = first.split()
        if (
            tokens
            and tokens[0] != m.group("n")
            and not lookup(m.group("n"), channels(), fuzzy=False)
        ):
            return _given(m.group("n"), lang=lang)
    # "ostaja on yleensä tuotantopäällikkö Timo": a known given name, written with a capital
    # where no sentence begins, is the name wherever it stands
    for m in re.finditer(r"(?<![.!?:]\s)(?<!^)\b(?P<n>[A-ZÅÄÖ][a-zåäö]{2,})\b", text.strip()):
        word = m.group("n")
        if word.lower() in given_names() and not lookup(word, channels(), fuzzy=False):
            return _given(word, lang=lang)
    return ""


_NAMED_KIND = re.compile(r"\b(?P<n>[A-ZÅÄÖ][a-zåäö]{2,})-(?:niminen|nimisen|nimistä|niminen)\b")
_LOWER_APPOSITIVE = re.compile(r"^\s*(?P<n>[a-zåäö]{3,})\s*,\s+[a-zåäö]")
_ROLE_COMMA_NAME = re.compile(
    r"\b[a-zåäö][\wåäö-]{3,},\s+(?P<n>[A-ZÅÄÖ][a-zåäö]{2,}|[a-zåäö]{3,}),\s+(?:joka|jolla|who|with)\b"
)


def _may_be_name(word: str) -> bool:
    """A known given name, or a word the dictionary does not know in base form ("Jarmo")."""
    low = word.lower()
    if low in given_names():
        return True
    return low not in _NOT_PERSON and lemma(low) == low and low not in fi_forms()


def _role_word(word: str) -> bool:
    """ "Opiskelija.", "Yrittäjät!": a kind of customer, never a name."""
    ws = [word.lower(), lemma(word.lower())]
    return (
        any(first_cue(ws, "business", kind) >= 0 for kind in ("role", "b2c", "b2b"))
        or lookup(word, channels(), fuzzy=False) is not None
    )


_PLACE_CASES = ("lla", "llä", "ssa", "ssä", "sta", "stä", "lta", "ltä", "lle")
_CASES = ("ksi", "ks", "n", "lle", "lla", "llä", "sta", "stä", "ssa", "ssä", "lta", "ltä")


def _given(word: str, *, lang: str) -> str:
    word = word[:1].upper() + word[1:]
    if lang != "fi":
        return word
    low = word.lower()
    if not low.endswith(_CASES):
        return word  # a name in its base form ("Tiina") is never cut
    base = lemma(low)
    if base != low and len(base) >= 3 and low.startswith(base[:3]) and len(low) - len(base) <= 3:
        return base[:1].upper() + base[1:]
    if low.endswith("ksi") and len(low) > 5:
        return word[:-3]
    return word


# -- names of the map's own stages and touchpoints ------------------------------


def translative(raw: str) -> str:
    """ "asennukseks" / "asennukseksi" -> "asennus": the new name after "vaihda X ...ksi"."""
    word = re.sub(r"\s*-?vaihee(?:ksi|ks)$", "", raw.strip(" .!,?"), flags=re.IGNORECASE)
    if word != raw.strip(" .!,?"):
        return word  # "tarjous ja sopimus -vaiheeksi"
    low = word.lower()
    if " " not in word and low.endswith(("iseksi", "iseks")):
        base = word[: -(5 if low.endswith("iseks") else 6)] + "inen"
        return base  # "tutustumiseks" -> "tutustuminen"
    if " " not in word and low.endswith(("ksi", "ks")) and len(word) > 5:
        spoken = low + "i" if low.endswith("ks") else low
        base = lemma(spoken)
        if base != spoken and base[-1:] in "aeiouyäös" and len(base) >= len(low) - 4:
            stem = low[: -(2 if low.endswith("ks") else 3)]
            if stem.endswith("i") and not base.endswith("i"):
                base += "t"  # a plural: "järjestelyiksi" -> "järjestelyt"
            return word[:1] + base[1:]  # "käytöksi" -> "käyttö", "huolloksi" -> "huolto"
    for end, repl in (("kseksi", "s"), ("ksekseen", "s"), ("kseks", "s"), ("ksi", ""), ("ks", "")):
        if word.lower().endswith(end) and len(word) > len(end) + 2 and " " not in word:
            base = word[: -len(end)] + repl
            return base[:-1] + "s" if base.endswith("kse") else base
    return raw


def clean_name(raw: str, lang: str) -> str:
    raw = raw.strip(" .!,:;\"'”“")
    raw = re.sub(r"^(?:vaihe|vaiheen|stage|the|kosketuspiste)\s+", "", raw, flags=re.IGNORECASE)
    raw = re.sub(  # "Suosittelu-vaiheen", "booking stage"
        r"(?:\s+|-)(?:vaihe|vaiheen|vaihetta|stage|kosketuspiste|touchpoint)$", "", raw, flags=re.I
    )
    raw = re.sub(  # "Contract in our case", "Käyttö meillä"
        r"\s+(?:in our case|for us|here|instead|meillä|meil|meidän kohdalla)$", "", raw, flags=re.I
    )
    raw = re.sub(  # "(seikkailu vois olla) meillä käyttö", "for us Delivery"
        r"^(?:meillä|meil|meidän kohdalla|for us|in our case)\s+", "", raw, flags=re.I
    )
    raw = re.sub(  # "(seikkailu on meillä enemmän) semmonen asennuspäivä", "more of a first lesson"
        r"^(?:(?:semmonen|sellanen|sellainen|semmoinen|niinku|mieluummin|mielummin|ennemmin|"
        r"rather|basically|really|more\s+of|"
        r"kind\s+of|sort\s+of|a|an|the)\s+)+",
        "",
        raw,
        flags=re.I,
    )
    if not raw:
        return ""
    if lang == "en" and re.fullmatch(r"(?:on|in|at)\s+[a-z][\w-]*", raw, flags=re.I):
        return raw[:1].upper() + raw[1:]  # "on site", "in store": the place is the name
    base = base_form(raw, lang=lang) if len(raw.split()) <= 3 else raw
    return (base or raw)[:1].upper() + (base or raw)[1:]


def match_name(phrase: str, names: list[str]) -> str | None:
    """The map name `phrase` refers to: equal, inflected, or a small typo; never a mere
    shared word with a longer name unless it is that name's only content."""
    ws = words(phrase)
    if not ws or len(ws) > 6:
        return None
    best = None
    for name in names:
        nw = words(name)
        if not nw:
            continue
        if " ".join(ws) == " ".join(nw):
            return name
        if (len(nw) == len(ws) and all(fuzzy_equal(a, b) for a, b in zip(ws, nw, strict=True))) or (
            len(nw) == 1 and len(ws) <= 2 and any(fuzzy_equal(w, nw[0]) for w in ws[-1:])
        ):
            best = best or name
    return best
