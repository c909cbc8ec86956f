"""Offline parsing of the business, persona, stages, critical and metrics answers."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from assistant.lang.clauses import classify, clauses, sentences
from assistant.lang.feelings import yes_no
from assistant.lang.lexicon import cue_list, first_cue
from assistant.lang.lists import split_items
from assistant.lang.nothing import is_nothing
from assistant.lang.words import fuzzy_equal, has_prefix, lemma, stem, words
from assistant.model import Assumption, AssumptionStatus, BusinessType, JourneyMap, Stage
from assistant.patch import BusinessPatch, PersonaPatch
from assistant.prompts import load_yaml

_NAME = re.compile(
    r"(?i:nimemme on|nimi on|nimeltään|yritykseni on|firmani on|firman nimi on|yrityksen nimi on|"
    r"me ollaan|olemme|we are|we're|i run|i own|called|named|our company is|my company is|"
    r"it's called|the name is)\s+"
    r"([A-ZÅÄÖ0-9][\w&'’.-]*(?:\s+(?:[A-ZÅÄÖ0-9&][\w&'’.-]*|Oy|Ky|Tmi|Ab|Ltd|&)){0,3})"
)
# "Kukkakauppa Ruusunen, myydään kukkia" / "Ledgerly is a bookkeeping tool": a name first.
_LEADING_NAME = re.compile(
    r"^\s*(?P<name>[\wÅÄÖåäö&'’.-]+(?:\s+[\wÅÄÖåäö&'’.-]+){0,3}?)\s*(?:[,:–—(]|\s-\s|"
    r"\s+(?:on|is|are|oy:n|oy\b))",
)
_COMPANY_FORM = re.compile(r"\b(?:oy|ky|tmi|ab|ltd|oyj|inc|llc)\b", re.IGNORECASE)


@cache
def stage_models() -> dict[str, dict[str, list[str]]]:
    data: dict[str, dict[str, list[str]]] = load_yaml("offline/stages.yaml")["models"]
    return data


def business_type(text: str) -> BusinessType | None:
    ws = words(text)
    ws += [lemma(w) for w in ws]
    b2b = first_cue(ws, "business", "b2b") >= 0
    b2c = first_cue(ws, "business", "b2c") >= 0
    if (b2b and b2c) or "molemmille" in ws or "both" in ws or "molempia" in ws:
        return BusinessType.BOTH
    return BusinessType.B2B if b2b else BusinessType.B2C if b2c else None


def business_name(text: str) -> str:
    """The business's name when the answer gives one: "Olemme Kahvila Kuppi", "Kukkakauppa
    Ruusunen, myydään kukkia", "Ledgerly is a SaaS", "Kuntadata Oy tarjoaa ...". A plain
    description ("Myymme kahvia") has none."""
    m = _NAME.search(text)
    if m:
        return m.group(1).strip(" .,")
    m = _LEADING_NAME.match(text)
    if not m:
        return ""
    name = m.group("name").strip(" .,")
    toks = name.split()
    low = [t.lower() for t in toks]
    if not toks or low[0] in _NOT_NAME or any(t in _NOT_NAME for t in low):
        return ""
    capitals = sum(1 for t in toks if t[:1].isupper())
    after = text[m.end() :]
    sells = first_cue(words(after), "business", "sell") >= 0 or bool(
        re.match(r"\s*(?:on|is)\s", text[m.end("name") :], re.IGNORECASE)
    )
    if _COMPANY_FORM.search(name) or (capitals >= 1 and len(toks) <= 4 and sells):
        return name
    if len(toks) <= 3 and sells and text[m.end("name") :].lstrip().startswith(","):
        return name[:1].upper() + name[1:]  # "kukkakauppa ruusunen, myydään kukkia"
    return ""


_NOT_NAME = frozenset(
    [
        "me",
        "meillä",
        "meil",
        "mä",
        "minä",
        "mulla",
        "mul",
        "we",
        "i",
        "our",
        "my",
        "me",
        "olemme",
        "ollaan",
        "myymme",
        "myydään",
        "teemme",
        "tehdään",
        "tarjoamme",
        "tarjotaan",
        "yritys",
        "yrityksemme",
        "firma",
        "firmamme",
        "pieni",
        "small",
        "a",
        "an",
        "the",
        "it",
        "we're",
        "i'm",
        "hei",
        "moi",
        "hi",
        "hello",
        "no",
        "noh",
        "joo",
        "siis",
        "well",
        "so",
    ]
)


def parse_business(text: str, *, lang: str) -> BusinessPatch | None:
    first = (sentences(text) or [""])[0]
    ws_raw = first.split()
    low = [w.lower().strip(",.") for w in ws_raw]
    start = next(
        (
            i + len(c.split())
            for c in cue_list("business", "sell")
            if (i := has_prefix(low, c)) >= 0
        ),
        0,
    )
    rest = ws_raw[start:]
    customers = ""
    if lang == "en" or not any(w.lower().rstrip(",.").endswith("lle") for w in rest):
        cut = next((i for i, w in enumerate(rest) if w.lower() in {"to", "for"} and i > 0), None)
    else:
        cut = next(
            (i for i, w in enumerate(rest) if w.lower().rstrip(",.").endswith("lle") and i > 0),
            None,
        )
    if cut is not None:
        customers = " ".join(rest[cut + (1 if rest[cut].lower() in {"to", "for"} else 0) :])
        rest = rest[:cut]
    offering = " ".join(rest).strip(" ,.") or first
    patch = BusinessPatch(
        offering=offering[:500] or None,
        customers=customers.strip(" ,.")[:500] or None,
        business_type=business_type(text),
        name=business_name(text) or None,
    )
    return None if patch == BusinessPatch() else patch


_PERSONA_NAME = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(?:nimeltään|nimeltä|nimeltäin|named|called|call (?:her|him|them))\s+(?P<n>[A-ZÅÄÖ][\wåäö-]+)",
        r"(?:hänen nimensä on|nimi on|hänen nimi on|her name is|his name is|their name is)\s+"
        r"(?P<n>[A-ZÅÄÖ][\wåäö-]+)",
        r"(?:asiakas|asiakkaamme|asiakkaani|persoona|customer|persona|ihanneasiakas)\s+(?:on|is)\s+"
        r"(?:esimerkiksi\s+|vaikkapa\s+|like\s+|say\s+)?(?P<n>[A-ZÅÄÖ][\wåäö-]+)\b(?!\s+(?:Oy|Ky))",
        r"(?:kutsutaan häntä|kutsutaan|sanotaan vaikka|let's call (?:her|him|them)|let's say)\s+"
        r"(?P<n>[A-ZÅÄÖ][\wåäö-]+)",
    )
]
_PERSONA_LEAD = re.compile(r"^\s*(?P<n>[A-ZÅÄÖ][a-zåäö-]+)\s*(?:,|\(|\s+-\s|\s+on\s|\s+is\s)")
_NOT_PERSONA = frozenset(
    [
        "Hän",
        "He",
        "Se",
        "Ne",
        "Asiakas",
        "Asiakkaat",
        "Tyypillinen",
        "Yleensä",
        "Usein",
        "Meidän",
        "Me",
        "Mä",
        "Tää",
        "Tämä",
        "Nainen",
        "Mies",
        "Perhe",
        "Nuori",
        "Yritys",
        "Yrittäjä",
        "Kiireinen",
        "Keski-ikäinen",
        "Eläkeläinen",
        "Opiskelija",
        "She",
        "He",
        "They",
        "It",
        "Our",
        "The",
        "A",
        "An",
        "Typical",
        "Usually",
        "Mostly",
        "Most",
        "Busy",
        "Small",
        "Local",
        "Young",
        "Older",
        "Middle-aged",
    ]
)


def persona_name(text: str, *, lang: str) -> str:
    """The persona's given name ("Sari", from "Tyypillinen asiakas on Sari, 45" or "Sari,
    45, ..."), in base form; "" when the answer gives none."""
    for pattern in _PERSONA_NAME:
        m = pattern.search(text)
        if m and m.group("n") not in _NOT_PERSONA:
            return _given_name(m.group("n"), lang=lang)
    m = _PERSONA_LEAD.match(text)
    if m and m.group("n") not in _NOT_PERSONA:
        after = text[m.end() - 1 :]
        # "Sari, 45, ..." / "Mike (50) ...": a capitalised first word with an age after it.
        if re.match(r"\s*[,(]\s*\d{2}", after):
            return _given_name(m.group("n"), lang=lang)
    return ""


def _given_name(word: str, *, lang: str) -> str:
    """ "Sariksi" -> "Sari", "Tuulan" -> "Tuula"; an unknown name stays as written."""
    if lang != "fi":
        return word
    low = word.lower()
    base = lemma(low)
    if base != low and len(base) >= 3 and low.startswith(base[:3]):
        return base[:1].upper() + base[1:]
    if low.endswith("ksi") and len(low) > 5:
        return word[:-3]
    return word


_LABEL = re.compile(
    r"^(?:(?:hänen\s+|heidän\s+|their\s+|her\s+|his\s+)?(?:tavoitteet|tavoite|tavoitteena|"
    r"turhautumiset|turhauttaa|turhautuu|ärsyttää|ärsyttävää|harmittaa|huolettaa|goals?|"
    r"frustrations?|frustrated by|frustrates (?:them|her|him)|annoys (?:them|her|him)|"
    r"wants? to|wants|haluaa|haluavat|toivoo|tarvitsee|needs?|pyrkii|hän haluaa|he haluavat|"
    r"she wants to|he wants to|they want to|they want|hates?|worries|is worried about|"
    r"häntä (?:turhauttaa|ärsyttää|harmittaa|huolettaa)|hän|he|she|they)\s*[:,-]?\s*)+",
    re.IGNORECASE,
)


def _item(text: str) -> str:
    out = _LABEL.sub("", text.strip(" .,;:-–")).strip(" .,;:-–")
    return out


def parse_goals(text: str) -> PersonaPatch | None:
    """Goals and frustrations, each its own item without label words."""
    goals: list[str] = []
    frustrations: list[str] = []
    for sentence in sentences(text):
        label: str | None = None
        head = sentence.split(":", 1)
        if len(head) == 2 and len(head[0].split()) <= 4:
            label = classify(head[0], "persona", ("frustrations", "goals", "needs"))
            body = head[1] if label else sentence
        else:
            body = sentence
        for clause in clauses(body):
            field = classify(clause, "persona", ("frustrations", "goals", "needs")) or label
            if field is None and _has_problem(clause):
                field = "frustrations"
            field = field or "goals"
            label = field
            for raw in split_items(clause) if "," in clause or " ja " in clause else [clause]:
                item = _item(raw)
                if item and not is_nothing(item) and len(item) > 1:
                    (frustrations if field == "frustrations" else goals).append(item[:300])
    if not goals and not frustrations:
        return None
    return PersonaPatch(goals=goals, frustrations=frustrations)


def _has_problem(clause: str) -> bool:
    ws = words(clause)
    return first_cue(ws, "detail", "pain_points") >= 0


def parse_persona(text: str, *, key: str, lang: str = "fi") -> PersonaPatch | None:
    if not text.strip() or is_nothing(text):
        return None
    if key in ("goals", "frustrations", "needs"):
        return parse_goals(text)
    return PersonaPatch(name=persona_name(text, lang=lang) or None, description=text.strip()[:1500])


_LEAD_IN = re.compile(
    r"^\s*(?:(?:the\s+|our\s+|my\s+)?(?:stages|phases|steps)|vaiheet|vaiheina|polun vaiheet|"
    r"meidän vaiheet|meillä vaiheet)"
    r"(?:\s+(?:are|is|would be|ovat|on|olisivat|ois))?\s*[:=-]?\s*",
    flags=re.IGNORECASE,
)
_OWN = re.compile(
    r"^\s*(?:[^:,.]{0,60}\b(?:omia|omat|omilla|oma|own|my|our|we use|käytetään|käytän|meillä|"
    r"meil|i'd use|i would use|mun|mulla)\b[^:,.]{0,60}:)\s*",
    flags=re.IGNORECASE,
)


def _proposed(journey: JourneyMap, lang: str) -> list[str]:
    b2b = journey.business.business_type == BusinessType.B2B
    return list(stage_models()["b2b" if b2b else "five"][lang])


def parse_stages(text: str, *, lang: str, journey: JourneyMap) -> list[str] | None:
    """The whole stage list: the proposed model accepted, edited ("muuten hyvä mutta lisää
    Käyttöönotto oston jälkeen", "jätä seikkailu pois") or the user's own, without its
    lead-in ("Käytetään omia vaiheita: ..."). Names stay as the user wrote them."""
    from assistant.brains.offline_edits import parse_edits
    from assistant.edits import apply_edits

    proposed = _proposed(journey, lang)
    base = journey.model_copy(update={"stages": [Stage(name=n) for n in proposed]})
    edits = parse_edits(_strip_accept(text), journey=base, lang=lang)
    if edits:
        edited, changes, _ = apply_edits(base, edits)
        if changes:
            return [st.name for st in edited.stages]
    own = _OWN.sub("", text, count=1)
    own = _LEAD_IN.sub("", own, count=1)
    ws = words(own)
    models = stage_models()
    for key in ("b2b", "five"):  # "b2b" first: "toinen" must not fall to "ensimmäinen".
        if any(w in models[key]["words"] for w in ws[:6]) and len(split_items(own)) < 3:
            return list(models[key][lang])
    if yes_no(text) and len(split_items(own)) < 3:
        return proposed
    items = [_stage_name(i) for i in split_items(own)]
    items = [i for i in items if i][:10]
    return items if len(items) >= 2 else None


_ACCEPT = re.compile(
    r"^\s*(?:(?:joo|juu|kyllä|ok|okei|käy|sopii|hyvä|muuten hyvä|muuten ok|pääosin|mostly yes|"
    r"mostly|yes|yeah|sure|fine|looks good|sounds good|otherwise fine|otherwise ok)\b[\s,.!]*)+"
    r"(?:(?:mutta|mut|but|paitsi|except)\s+)?",
    flags=re.IGNORECASE,
)


def _strip_accept(text: str) -> str:
    return _ACCEPT.sub("", text, count=1) or text


def _stage_name(item: str) -> str:
    item = re.sub(
        r"^(?:ja|and|sitten|then|sit|lopuksi|finally|eka|ensin|first)\s+",
        "",
        item.strip(),
        flags=re.IGNORECASE,
    ).strip(" .:;-–")
    if not item or is_nothing(item) or len(item.split()) > 6:
        return ""
    return item[:1].upper() + item[1:]


def stage_key(name: str) -> str | None:
    """The card stage key (discovery, ..., loyalty) of a stage name in either language."""
    for model in stage_models().values():
        for lang in ("fi", "en"):
            for key, label in zip(model["keys"], model[lang], strict=False):
                first = (name.split() or [""])[0].casefold()
                # Stems, not lemmas: this runs in suggest(), which must stay fast.
                if first == label.casefold() or stem(first) == stem(label.casefold()):
                    return key
    return None


def parse_critical(text: str, *, key: str, journey: JourneyMap) -> dict[str, Any]:
    out: dict[str, Any] = {"critical": []}
    names = [t.name for _, t in journey.touchpoints()]
    for sentence in clauses(text) if len(clauses(text)) > 1 else [text.strip()]:
        ws = words(sentence)
        if first_cue(ws, "critical", "first_impression") >= 0 or key == "first_impression":
            out.setdefault("first_impression", sentence[:500])
            continue
        if first_cue(ws, "critical", "last_memory") >= 0 or key == "last_memory":
            out.setdefault("last_memory", sentence[:500])
            continue
        out["critical"] += [n for n in names if mentions(ws, n) and n not in out["critical"]]
    return out


def mentions(ws: list[str], name: str) -> bool:
    """Whether the words mention the touchpoint/stage `name` (inflected or misspelt)."""
    parts = [p for p in words(name) if len(p) >= 3] or words(name)
    if not parts:
        return False
    # "Free intro call" is mentioned by "the intro call": half of a long name is enough.
    hits = sum(any(fuzzy_equal(w, p) for w in ws) for p in parts[:4])
    return hits >= max(1, (len(parts[:4]) + 1) // 2) if len(parts) > 2 else hits == len(parts)


def parse_assumptions(text: str, *, always: bool = False) -> list[Assumption]:
    out = []
    for sentence in sentences(text):
        ws = words(sentence)
        known, guess = first_cue(ws, "assumptions", "known"), first_cue(ws, "assumptions", "guess")
        if known < 0 and guess < 0 and not always:
            continue
        status = (
            AssumptionStatus.KNOWN
            if known >= 0 and (guess < 0 or known < guess)
            else AssumptionStatus.GUESS
        )
        out.append(Assumption(statement=sentence[:200], status=status))
    return out
