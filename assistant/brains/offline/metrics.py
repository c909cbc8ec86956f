"""Offline parsing of the metrics answer: KPIs and the user's own measures, feedback channels."""

from __future__ import annotations

import re

from assistant.brains.offline import parse as P
from assistant.lang.clauses import classify, sentences
from assistant.lang.lists import base_form, split_items
from assistant.lang.nothing import is_nothing
from assistant.lang.phrases import HOW_OFTEN, channel_verb, compound, is_verb
from assistant.model import Assumption, Metric

_FEEDBACK = re.compile(
    r"palaut|feedback|kysel|survey|arvostel|\breview|kysy|kysyn|\bask|kommentt|\bcomment|kerä|"
    r"\bcollect|kuulen|kuullaan|\bhear|questionnaire|lomake|\bform\b|gallup|haastatt|interview|"
    r"suullisesti|\barvio(?:t|ita|iden|ista)\b|"
    r"word of mouth|puskaradio",
    re.IGNORECASE,
)
_MEASURE = re.compile(
    r"määr|keskiarvo|keskiost|average|rate\b|%|prosent|konversi|conversion|myynti|liikevaihto|"
    r"kate|tulos|sales|revenue|margin|churn|mrr|arr|nps\b|score|pisteet|luku|number of|"
    r"count|kävij|visitors|traffic|liidi|lead|tilaukset|orders|varaukset|bookings|jäsenet|members",
    re.IGNORECASE,
)
_FOLLOWS = re.compile(
    r"\b(?:track|follow|measure|monitor|seuraamme|seuraan|seurataan|mittaamme|mittaan|mitataan|"
    r"tarkkailemme|tarkkailen)\b",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:(?:lukuna|lukuina|numerona|as a number)\s+)?"
    r"(?:(?:we|i|me|mä|mää|minä)\s+)?(?:(?:mainly|mostly|lähinnä|ainakin|also|myös|just|vaan|"
    r"vain|sit|sitten|and|ja|no)\s+)*(?:track|follow|measure|monitor|watch|look at|check|"
    r"seuraamme|seuraan|seurataan|seuraa|mittaamme|mittaan|mitataan|tarkkailemme|katsomme|"
    r"katson|katsotaan|kattoo|katon|tsekkaan|kerään|keräämme|kerätään|kysyn|kysymme|kysytään|"
    r"asks?|collect|gather|get|saamme|saan|tulee|comes? from|comes? through)(?:\s+|$)"
    r"(?:(?:oikeestaan|oikeastaan|oikeesti|vaan|vain|lähinnä|really|just|only)\s+)*"
    r"(?:(?:kuinka\s+)?paljon\s+on\s+)?",
    re.IGNORECASE,
)
_FILLER = re.compile(
    r"^(?:(?:ja|and|sekä|myös|also|lähinnä|mainly|mostly|esim|esimerkiksi|e\.g\.|like|sitten|"
    r"sit|vähän|some|the|our|meidän|palautetta|feedback|palaute)\b\s*)+",
    re.IGNORECASE,
)


def _tidy(item: str, *, lang: str) -> str:
    item = _FILLER.sub("", item.strip(" .,:;-–"))
    item = _LEAD.sub("", item)
    item = _FILLER.sub("", item).strip(" .,:;-–")
    based = _singular_partitives(item) if lang == "fi" and 2 <= len(item.split()) <= 4 else item
    if based != item:
        item = based  # "keskimääräistä tilauskokoa kiloina": the unit stays as said
    elif 0 < len(item.split()) <= 3:
        item = base_form(re.sub(r":\w+", "", item), lang=lang) or item  # "liidejä" -> "liidit"
    return item[:1].upper() + item[1:] if item else ""


_PARTITIVE = re.compile(r"(?<![ij])(?:t[aä]|[aä])$")


def _singular_partitives(item: str) -> str:
    """The measure's leading words from the singular partitive the verb put them in to the
    base form ("keskimääräistä tilauskokoa kiloina" -> "keskimääräinen tilauskoko kiloina");
    plurals and the closing unit or time ("kiloina", "kuussa") stay as written."""
    toks = item.split()
    out: list[str] = []
    for i, tok in enumerate(toks):
        low = tok.lower()
        base = base_form(low, lang="fi")
        essive = low.endswith(("na", "nä")) and not low.endswith(("nta", "ntä"))  # "kiloina"
        if essive or not _PARTITIVE.search(low) or not base or base == low or is_verb(low):
            return " ".join(out + toks[i:]) if out else item
        out.append(base if i else tok[:1] + base[1:] if tok[:1].isupper() else base)
    return " ".join(out)


def parse_metrics(text: str, *, lang: str) -> tuple[list[Metric], list[str], list[Assumption]]:
    """Measures the business follows and the ways it collects feedback, in the user's own
    words ("Käyntimäärät", "Google-arvostelut"); nothing for "en seuraa mitään"."""
    metrics: list[Metric] = []
    feedback: list[str] = []
    for sentence in sentences(text):
        if is_nothing(sentence) or P.parse_assumptions(sentence):
            continue
        if classify(sentence, "detail", ("pain_points",)) and not _MEASURE.search(sentence):
            continue  # a volunteered pain point, not a metric
        # Items after the first feedback word ("..., and collect feedback through a survey")
        # are ways of hearing customers; the measures named before it stay measures. After
        # a feedback label ("palautetta ...", "Feedback: ...") every item is one.
        label = _SECTION.search(sentence)
        marker = label or _FEEDBACK.search(sentence)
        start = marker.start() if marker else len(sentence)
        seen = 0
        halves = re.split(r",?\s+(?:mut|mutta|but)\s+", sentence)
        if len(halves) > 1 and _UNDONE.match(halves[-1]):
            continue  # "kyselyä oon miettiny mut ei oo tehty": nothing is collected yet
        if len(halves) == 2 and _FOLLOWS.search(halves[1]) and not _FOLLOWS.search(halves[0]):
            # "asiakkaina on noin 80 hevosta, mut lukuna seuraan …": what they follow is
            # after the "but"; before it is what the business is like
            halves = halves[1:]
        raws = [r for p in halves for r in split_items(p)]
        for raw in raws:
            at = _position(sentence, raw, seen)
            seen = max(seen, at)
            about_feedback = at + len(raw) > start  # the item holds or follows the marker
            if _NOT_COLLECTED.search(raw):
                continue  # "palautetta ei oikeen kerätä", "we don't do surveys"
            item = _tidy(raw, lang=lang)
            if not item or is_nothing(item) or _NOTHING_ITEM.match(item):
                continue
            is_feedback = bool(_FEEDBACK.search(item)) and not _MEASURE.search(item)
            labelled = label is not None and at + len(raw) > label.start()
            if labelled or is_feedback or (about_feedback and not _MEASURE.search(item)):
                # the length is the name's: "Feedback through a short survey at the end of
                # term" is a Short survey
                name = feedback_name(raw, lang=lang)
                if name and len(name.split()) <= 7:
                    feedback.append(name[:200])
            elif len(item.split()) <= 7:
                metrics.append(Metric(name=item[:200]))
    unique = list({m.name.casefold(): m for m in reversed(metrics)}.values())[::-1]
    return unique, list(dict.fromkeys(feedback)), P.parse_assumptions(text)


_NOTHING_ITEM = re.compile(
    r"^(?:(?:en|ei|emme|we don't|i don't|don't|do not|not really|nothing|mitään)\b.*\b"
    r"(?:seuraa|mitään|track|anything|measure)|nothing(?:\s+(?:formal|really|much|special))?$)",
    re.IGNORECASE,
)
_UNDONE = re.compile(
    r"^(?:ei\s+(?:oo|ole)\s+(?:vielä\s+)?(?:tehty|ehditty|toteutettu)|en\s+oo\s+vielä|"
    r"not yet|haven't|we haven't|i haven't|never did|never done)\b",
    re.IGNORECASE,
)


def _position(sentence: str, raw: str, seen: int) -> int:
    """Where an item starts in its sentence (items may come back reworded)."""
    at = sentence.find(raw, seen)
    if at < 0 and raw.split():
        at = sentence.lower().find(raw.split()[0].lower(), seen)
    return at if at >= 0 else seen


_SECTION = re.compile(r"\b(?:palaut\w*|asiakaspalaut\w*|feedback)\b", re.IGNORECASE)
_NOT_COLLECTED = re.compile(
    r"^\W*(?:(?:palautetta|palaute|feedback)\s+)?(?:ei|en|emme|we don't|i don't|we do not|not)\b"
    r"|\b(?:ei (?:oikeen |oikein |juuri )?(?:kerätä|kerää|kysytä)|en kerää|emme kerää)\b",
    re.IGNORECASE,
)
_OPENERS = re.compile(
    r"^(?:(?:for\s+feedback|palautteet|palautteita|palautetta|palaute|feedback|comes|come|tulee|"
    r"tulevat|saadaan|saan|kysyn|kysymme|we\s+(?:send|run|do|use|have|get)|i\s+(?:send|run|do|use)|"
    r"kerätään|kerään|keräämme|through|via|from|with|by|in|on|plus|ja|and|sekä|myös|also|"
    r"välillä|joskus|usein|sometimes|often|ihan|just|mostly|lähinnä|a|an|the|our|meidän|"
    r"suoraan|directly|i|we|ask|asks|asking)\b\s*)+",
    re.IGNORECASE,
)
_EN_CUT = re.compile(r"\s+(?:in|on|at|after|during|when|from|every|each)\s+.*$", re.IGNORECASE)
_TIME_POST = ("jälkeen", "aikana", "päästä", "lopussa", "alussa", "kuluttua")
_MEANS_POST = ("kautta", "avulla", "välityksellä")


def feedback_name(raw: str, *, lang: str) -> str:
    """A way of hearing customers as a short name: "välillä Facebookin kautta" ->
    Facebook, "google arvostelut tulee itestään" -> Google-arvostelut, "through NPS in the
    app" -> NPS, "NPS-kyselyllä projektin lopussa" -> NPS-kysely."""
    text = _OPENERS.sub("", raw.strip(" .,:;-–")).lstrip(" .,:;-–")
    text = _OPENERS.sub("", text)
    for kind in re.finditer(r"\b(?:feedback|palaute)\s+(?P<kind>[\wåäö-]+)", raw, re.I):
        if text.lower().startswith(kind.group("kind").lower()):
            text = f"{kind.group(0).split()[0]} {text}"  # "via the feedback form": Feedback form
            break
    if lang == "en" or re.search(r"\b(?:the|in|through|survey|reviews?)\b", text, re.I):
        text = _EN_CUT.sub("", text)
    # "kerran vuodessa lähetän kyselyn", "an NPS survey twice a year": how often is no name
    text = _OPENERS.sub("", re.sub(r"\s+", " ", HOW_OFTEN.sub(" ", text)).strip())
    toks = text.split()
    if lang == "fi" and toks and is_verb(toks[0].lower()) and (act := channel_verb(text, lang)):
        return act[0]  # "soitan ite perään kuukauden päästä": a phone call
    if lang == "fi":
        while len(toks) > 1 and is_verb(toks[0].lower()) and toks[1].lower().endswith("n"):
            toks = toks[1:]  # "lähetän kyselyn": what is sent
        if len(toks) >= 3 and toks[-1].lower() in _TIME_POST:
            toks = toks[:-2]  # "tapahtuman jälkeen", "projektin lopussa"
        if len(toks) >= 2 and toks[-1].lower() in _MEANS_POST:
            toks = toks[:-1]  # "Facebookin kautta": the channel is the genitive
        if len(toks) >= 3 and toks[1].lower() in _TIME_POST:
            toks = toks[2:]  # "kurssin lopussa lomakkeella"
        for i, tok in enumerate(toks[1:], start=1):
            if is_verb(tok.lower()):
                toks = toks[:i]  # "google arvostelut tulee itestään"
                break
    if not toks or len(toks) > 4:
        return _tidy(raw, lang=lang) if toks else ""
    manner = toks[0].lower().endswith("sti") and len(toks) > 1  # "suullisesti tallilla"
    if lang == "fi" and not manner and not toks[-1].lower().endswith(("sti", "usten", "kkain")):
        toks = [*toks[:-1], base_form(toks[-1], lang=lang) or toks[-1]]
    name = " ".join(toks)
    if lang == "fi":
        name = " ".join(compound(name.split()))
    return name[:1].upper() + name[1:]
