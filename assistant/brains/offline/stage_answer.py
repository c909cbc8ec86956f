"""The answer to the stages question: the proposed model accepted ("käy", "those are
fine"), edited ("fine, but I'd call Adventure 'Delivery' and drop Engagement - people buy
flowers when something happens"), or replaced by the user's own list ("nah my own ones:
finding, booking, paddling, return"). Names stay as the user wrote them.

The edits are read clause by clause (corrections.parse_edits and parse_stage_edits), so the
reasons people give between them do not hide them. An own list is taken only when every
item reads as a stage name: a side remark ("like 30% of revenue, so its both") is no list,
and the question is asked again.
"""

from __future__ import annotations

import re

from assistant.brains.offline.corrections import QUOTE as _QUOTE
from assistant.brains.offline.corrections import parse_stage_edits
from assistant.brains.offline.names import clean_name, match_name, translative
from assistant.brains.offline.rulebook import expand, regex
from assistant.brains.offline.stage_words import reword
from assistant.edits import Edit, Op, apply_edits
from assistant.lang.feelings import yes_no
from assistant.lang.lexicon import channels, lookup
from assistant.lang.lists import split_items
from assistant.lang.nothing import is_nothing
from assistant.lang.stage_models import proposed_stages, stage_models
from assistant.lang.verbs import is_verb
from assistant.lang.words import lemma, words
from assistant.model import JourneyMap, Stage


def _lead_in() -> re.Pattern[str]:
    return regex(r"^\s*{stages_lead}(?:\s+{stages_are})?\s*[:=-]?\s*")


def _own() -> re.Pattern[str]:
    # "mä käyttäisin omia, ensin Kysely, sit ...": a comma before "ensin"/"first" leads too
    return regex(
        r"^\s*(?:{own_no}\s*[,.]?\s*)?"
        r"(?:[^:,.]{0,60}\b{own}\b[^:,.]{0,60}(?:[:.]|,(?=\s*{first_opener}\b)))\s*"
    )


def _joined() -> re.Pattern[str]:
    return regex(
        r"\s+{and_clause}\s+(?=\S+\s+{replace_tail}\b)|\s+{and_clause}\s+(?={joined_verb}\b)|"
        r"\s+{and}\s+(?=\S+\s+->)"
    )


def _accept() -> re.Pattern[str]:
    return regex(r"^\s*(?:{accept}\b[\s,.!]*)+(?:(?:{but}|{except})\s+)?")


def _only() -> re.Pattern[str]:
    return regex(r"(?:^|,\s*){only}\s+(?P<list>.+)$")


def _remark() -> re.Pattern[str]:
    """Words that open a remark, never a stage: "so its both", "like 30% of revenue", "eli …"."""
    return regex(r"^{remark}\b|\d|%")


def parse_stages(text: str, *, lang: str, journey: JourneyMap) -> list[str] | None:
    """The whole stage list, or None when the answer gives none (then it is asked again)."""
    proposed = proposed_stages(journey, lang)
    text = _ASIDE.sub("", text)  # "1) yhteydenotto (puhelin tai lomake) 2) …": an aside, no stage
    if laid_out := _laid_out(text):
        return (
            laid_out  # "1. yhteydenotto 2. kartoitus ...", "mainos -> tilaus -> ...", a line each
        )
    text = _AFTERWORD.sub("", text.strip()).rstrip(" ?")  # "seikailu pitäis olla reissu, muuten ok"
    text = regex(r"^{polite}\s+").sub("", text)  # "Could you maybe change ...?", "voisitko ..."
    if (unsaid := _take_back(text, proposed)) is not None:
        # "poista arviointi… tai ei ku pidä se sittenki": what was taken back is not said
        return (parse_stages(unsaid, lang=lang, journey=journey) if unsaid else None) or proposed
    if kept := _kept_then_own(text, proposed, lang):
        return kept  # "eka kolme käy, sit korjaus ja nouto"
    if told := _told_in_order(text, lang):
        return told  # "eka tulee tietoisuus …, sit tarjouspyyntö, sit sopimus ja lopuks huolto"
    base = journey.model_copy(update={"stages": [Stage(name=n) for n in proposed]})
    edited = _edited(text, base=base, lang=lang)
    if edited is not None:
        return edited
    # The edits name the stages of the other model ("Seikkailu on meillä Tilaisuus" when the
    # business model was proposed): the user meant that one.
    models = stage_models()
    for key in ("five", "b2b"):
        other = list(models[key][lang])
        if other != proposed:
            alt = journey.model_copy(update={"stages": [Stage(name=n) for n in other]})
            edited = _edited(text, base=alt, lang=lang)
            if edited is not None:
                return edited
    if m := _only().search(text.strip(" .!")):
        # "liian monta, riittää löytäminen, osto ja sitoutuminen": just these.
        items = [_stage_name(i, lang=lang) for i in split_items(m.group("list"))]
        if len(items) >= 2 and all(items):
            return [match_name(i, proposed) or i for i in items]
    own = _own_list(text, lang)
    head = words(_lead_in().sub("", _own().sub("", text, count=1), count=1))[:6]
    for key in ("b2b", "five"):  # "b2b" first: "toinen" must not fall to "ensimmäinen".
        if any(w in models[key]["words"] for w in head) and len(own) < 3:
            return list(models[key][lang])
    if (yes_no(text) or regex(r"(?<!\w){accept_phrase}(?!\w)").search(text)) and len(own) < 3:
        return proposed  # "no käy kai, en mä keksi parempaakaan", "you decide"
    if own and all(lookup(i, channels()) for i in own):
        return None  # "Instagramista ja Googlesta" names places, not stages: ask again
    if len(own) == 2 and any(len(i.split()) > 2 for i in own) and not _own().search(text):
        return None  # two clauses, not two stages: "toi on ihan hyvä runko, mennään sillä"
    return own if len(own) >= 2 else None


_COUNT = {"kaksi": 2, "kaks": 2, "two": 2, "kolme": 3, "three": 3, "neljä": 4, "four": 4}
_KEPT = re.compile(
    r"^(?:(?:no|joo|ok|okay|well|so)[\s,]+)?(?:(?:eka|ekat|ensimmäiset|first|the\s+first)\s+"
    r"(?P<k>kaksi|kaks|kolme|two|three|neljä|four)|(?P<a>[\wåäö-]+)\s+(?:ja|and)\s+(?P<b>[\wåäö-]+))"
    r"\s+(?:käy|käyvät|menee|on\s+hyvät|ovat\s+hyvät|work|works|are\s+right|are\s+fine|are\s+ok|"
    r"are\s+good|ok)\b[\s,.!]*(?P<rest>.+)$",
    re.IGNORECASE,
)
_NOT_A_STAGE = re.compile(r"\b(?:ei|eivät|not|no|muut|others|rest)\b", re.IGNORECASE)
_THEN_LEAD = re.compile(
    r"^(?:(?:mutta|mut|but)\s+)?(?:(?:niiden|sen|sitten|sit)\s+jälkeen|after\s+that|then|sit|sitten)"
    r"\s*(?:(?:meillä|meil)\s+on(?:\s+aina)?|we\s+have|it'?s|its|there'?s|comes?)?\s+",
    re.IGNORECASE,
)
_AT_END = re.compile(
    r"\s+(?:at\s+the\s+end|lopuksi|lopuks|vasta\s+sitten)$|^(?:vasta\s+sitten|lopuksi|lopuks)\s+",
    re.I,
)


def _kept_then_own(text: str, proposed: list[str], lang: str) -> list[str] | None:
    """The model's first stages kept, then the user's own: "eka kolme käy, sit korjaus ja
    nouto", "Awareness and Consideration are right. After that we have a Trial, then …"."""
    starts = [0] + [x.end() for x in re.finditer(r"[.!?]\s+", text)]
    m = next((k for i in starts if (k := _KEPT.match(text[i:].strip()))), None)
    if m is None:
        return None
    if m["k"]:
        head = proposed[: _COUNT[m["k"].lower()]]
    else:
        a, b = match_name(m["a"], proposed), match_name(m["b"], proposed)
        if not a or not b or proposed.index(a) != 0 or proposed.index(b) != 1:
            return None
        head = [a, b]
    rest = _THEN_LEAD.sub("", m["rest"].strip(" .")).strip()
    raw = split_items(re.sub(r"\.\s+", ", ", rest))
    items = []
    for r in raw:
        r = _AT_END.sub("", _THEN_LEAD.sub("", r.strip())).strip(" .,")
        name = _stage_name(r, lang=lang)
        if not name or _NOT_A_STAGE.search(name):
            return None  # "löytäminen ja arviointi käy, muut ei": no list after it
        items.append(match_name(name, proposed) or name)
    return [*head, *items] if len(items) >= 1 else None


_STEP = re.compile(
    r"(?:^|[\s,.;:]+)(?:ja\s+|and\s+)?(?:eka(?:ks)?|ensin|ensimmäiseksi|first|sit|sitten|then|"
    r"lopuks|lopuksi|finally|vasta\s+sitten)\b[\s,]*",
    re.IGNORECASE,
)
_STEP_VERB = re.compile(
    r"^(?:(?:tulee|on|tapahtuu|there'?s|there\s+is|comes|it'?s|its|we\s+have|a|an|the)\s+)+", re.I
)
_STEP_END = re.compile(
    r"\s*,|\s+(?:et|että|joka|jotka|jossa|which|that|where|usually|yleensä|kun|when|eli|"
    r"because|koska)\b",
    re.IGNORECASE,
)


def _told_in_order(text: str, lang: str) -> list[str] | None:
    """Stages told as steps: "eka tulee tietoisuus et me ollaan olemassa, yleensä messuilla,
    sit tarjouspyyntö, sit sopimus, sit toimitus ja lopuks huolto joka pyörii vuosia"."""
    body = text.strip()
    steps = list(_STEP.finditer(body))
    if len(steps) < 3:
        return None
    items: list[str] = []
    for i, m in enumerate(steps):
        end = steps[i + 1].start() if i + 1 < len(steps) else len(body)
        seg = _STEP_VERB.sub("", body[m.end() : end].strip())
        seg = re.sub(r"\s+(?:ja|and|sit|then)$", "", seg.strip(" .,;"), flags=re.IGNORECASE)
        parts = [x for x in split_items(seg) if x.strip()]
        if len(parts) > 1 and all(len(x.split()) <= 3 for x in parts):
            names = [_stage_name(x, lang=lang) for x in parts]  # "sit Maastokäynti, Tarjous, …"
        else:
            names = [_stage_name(_STEP_END.split(seg, maxsplit=1)[0], lang=lang)]
        if not all(names) or any(len(n.split()) > 3 for n in names):
            return None
        items += names
    return items if len(items) >= 3 else None


def _retract() -> re.Pattern[str]:
    return regex(r"(?:^|[\s,.;!…-]+)(?:{retract})\b[\s,.;!…-]*")


_PRONOUN = re.compile(r"\b(?:se|sen|sitä|sille|it|that|this)\b", re.IGNORECASE)


def _take_back(text: str, proposed: list[str]) -> str | None:
    """The answer without the edit it takes back, or None when nothing is taken back.
    "poista uskollisuus, eiku älä poista vaan nimeä se jatkosopimukseks" -> "nimeä
    Uskollisuus jatkosopimukseks"; "remove Loyalty. actually no, keep it" -> ""."""
    found = list(_retract().finditer(text))
    if not found:
        return None
    m = found[-1]
    before, after = text[: m.start()], text[m.end() :]
    clauses = [c for c in re.split(r"[,.;!…]+\s*", before) if c.strip()]
    if not clauses:
        return None  # "eiku" opening the answer: a plain answer
    models = stage_models()
    names = [*proposed, *models["five"]["fi"], *models["five"]["en"], *models["b2b"]["fi"]]
    names += list(models["b2b"]["en"])

    def naming(clause: str) -> list[str]:
        return [n for w in words(clause) if (n := match_name(w, names))]

    # "uskollisuus pois, ne ostaa trukin kerran kymmenessä vuodessa. tai no, …": the reason
    # after the edit is taken back with it
    while len(clauses) > 1 and not naming(clauses[-1]) and any(naming(c) for c in clauses):
        clauses.pop()
    taken = clauses.pop()
    named = naming(taken)
    after = regex(r"^\s*{dont}\s*").sub("", after.strip())
    if regex(r"^\s*(?:{keep_as_is})\b").match(after):
        after = ""  # "pidä se sittenki, käy noin", "keep it, contracts renew yearly"
    elif named:
        after = _PRONOUN.sub(named[-1], after, count=1)
    return ", ".join([*clauses, after]).strip(" ,.")


_OBJECT_WORDS = frozenset({"us", "me", "on", "via", "through", "at", "from", "with", "in", "our"})


def _from_where(word: str) -> bool:
    """ "somesta", "netistä": where from (an elative or ablative), never "pasta"."""
    low = word.lower()
    pronoun = low.startswith(("meis", "teis", "heis", "niis", "siit", "häne", "jost", "mist"))
    return low.endswith(("sta", "stä", "lta", "ltä")) and lemma(low) != low and not pronoun


_GLOSS = re.compile(
    r"\s+[–—]\s+|\s+-\s+|\s+(?:eli|which|joka|jossa|missä|jos|where)\s+", re.IGNORECASE
)
# "uusintatilaus seuraavana vuonna", "renewal next year": when, not which stage
_WHEN_TAIL = re.compile(
    r"\s+(?:(?:seuraavana|ensi|joka|next|every|the\s+following)\s+(?:vuonna|vuosi|kautena|kausi|"
    r"keväänä|kesänä|syksynä|talvena|year|season|spring|summer|autumn|winter)|"
    r"vuoden\s+päästä|a\s+year\s+later)$",
    re.IGNORECASE,
)
_LIST_LEAD = re.compile(
    r"^(?:(?:eli|so|siis|no)\s+)?(?:(?:i'?d\s+say|sanoisin|mä\s+sanoisin)\s+)?(?:the\s+)?"
    r"(?:vaiheet|stages)\s+(?:vois\s+olla|voisi\s+olla|ois|olis|olisi|on|ovat|are|would\s+be|"
    r"could\s+be)\s+(?:(?:kai|varmaan|maybe|probably)\s+)?",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\s*\([^()]{1,80}\)")
# After a stage's name, what it means: "Toteutus – tämä kestää …", "Käyttö, eli …",
# "Implementation, which takes …", "Aftercare, we text them tips"
_EXPLAINED = re.compile(r"\s+[–—-]\s+|\s*,\s*|\s+(?:eli|which|joka|jossa|where|jos|if)\s+", re.I)
_ARROW = re.compile(r"\s*(?:->|→|=>|—>|>)\s*")
_NUMBERED = re.compile(r"(?:^|(?<=\s))\d{1,2}\s*[.)]\s+")
_AFTERWORD = re.compile(
    r"[\s,.;!?-]+(?:muuten\s+(?:ok|hyvä|käy|kaikki\s+ok|sopii|samat|sama|samoin)|"
    r"otherwise\s+(?:great|fine|good|ok|the\s+same)|"
    r"rest\s+is\s+fine|the\s+rest\s+(?:is\s+)?(?:fine|ok))[\s.!]*$",
    re.IGNORECASE,
)


def _laid_out(text: str) -> list[str] | None:
    """The user's own stages laid out as a list: numbered, joined by arrows or one a line
    (after an optional lead-in line); a comment after them ("siinä se", "that's how a physio
    clinic works") is no stage."""
    body = text.strip()
    if _ARROW.search(body) and len(_ARROW.split(body)) >= 3:
        body = re.split(r"(?<=\w)[.!?]\s+|\n\s*\n", body)[0]  # "... -> review. Simple"
        head, _, _ = body.rpartition(":")
        parts = _ARROW.split(body.rsplit(":", 1)[-1] if head else body)
        if any("," in x or len(x.split()) > 4 or regex(r"\s{and}\s").search(x) for x in parts):
            return None  # "löytäminen -> huomaaminen ja seikkailu -> käyttö" renames
    elif len(_NUMBERED.findall(body)) >= 3:
        parts = [p for p in _NUMBERED.split(body.rsplit(":", 1)[-1]) if p.strip()]
        parts = [p.split("\n\n")[0] for p in parts]
        parts = [_EXPLAINED.split(p, maxsplit=1)[0] for p in parts]  # "Sovitus – tää on se tärkein"
    else:
        blocks = [b for b in re.split(r"\n\s*\n", body) if b.strip()]
        lines = [ln.strip(" -•*\t") for ln in (blocks[0].splitlines() if blocks else [])]
        lines = [ln for ln in lines if ln]
        if lines and lines[0].endswith(":"):
            lines = lines[1:]  # "oma ehdotus:"
        if len(lines) < 3 or any(len(ln.split()) > 5 for ln in lines):
            return None
        parts = lines
    items = [_stage_name(p.strip(" ,.;")) for p in parts if p.strip(" ,.;")]
    return items[:10] if len(items) >= 3 and all(items) else None


_GAPPED = re.compile(r"^(?P<old>[\wåäöÅÄÖ-]+)\s+(?P<new>[\wåäöÅÄÖ-]+(?:\s+[\wåäöÅÄÖ-]+)?)$")


# "vaihda palvelu tuotannoksi koska se on se vaihe missä kuvataan, ja …": the reason for an
# edit is no edit of its own
_BECAUSE = re.compile(r"(?:\s*,\s*|\s+)(?:koska|sillä|because|since)\b[^,.;!?]*", re.IGNORECASE)


def _edited(text: str, *, base: JourneyMap, lang: str) -> list[str] | None:
    text = _BECAUSE.sub("", _QUOTE.sub("", text))
    body = reword(_accept().sub("", text, count=1) or text, [s.name for s in base.stages])
    edits = parse_stage_edits(body, journey=base, lang=lang)
    # "seikkailun tilalle Koulutus ja sitoutumisen tilalle Suosittelu": two edits joined
    # by "ja" read one by one when that finds more of them.
    parts = [p for p in _joined().split(body) if p.strip()]
    heads = "|".join(re.escape(s.name[:5]) for s in base.stages if len(s.name) >= 5)
    if len(parts) == 1 and heads:
        # "seikkailu vois olla näöntutkimus ja sitoutuminen vaik lasien nouto"
        split = re.compile(expand(r"\s+{and}\s+") + f"(?=(?:{heads}))", re.IGNORECASE)
        parts = [p for p in split.split(body) if p]
    if len(parts) > 1:
        per = [parse_stage_edits(p, journey=base, lang=lang) for p in parts]
        base_names = [s.name for s in base.stages]
        for i in range(1, len(per)):
            # "löytäminen vois olla hakeutuminen ja seikkailu laskettelu": the verb is said once
            gap = _GAPPED.match(parts[i].strip(" ,.")) if not per[i] else None
            old = match_name(gap["old"], base_names) if gap else None
            if gap and old and per[i - 1] and per[i - 1][-1].op is Op.RENAME:
                per[i] = [Edit(Op.RENAME, old, clean_name(translative(gap["new"]), lang))]
        each = [e for found in per for e in found]
        if len(each) > len(edits) and all(per):
            edits = each
    if not edits:
        return None
    edited, changes, _ = apply_edits(base, edits)
    if not changes:
        return None
    # An edit may name a stage another edit made ("meillä Osto on Kilpailutus. Ja lisää
    # Käyttöönotto kilpailutuksen jälkeen"): read once more against the edited list and keep
    # what is new.
    names = {s.name for s in edited.stages}
    made = {e.value for e in edits if e.op in (Op.RENAME, Op.ADD_STAGE)}
    later = [
        e
        for e in parse_stage_edits(body, journey=edited, lang=lang)
        if e not in edits
        and e.op is not Op.MOVE_STAGE  # read again, a swap would swap back
        and not (e.op is Op.ADD_STAGE and e.value in names)
        and not (e.op in (Op.REMOVE, Op.RENAME) and e.target in made)
    ]
    if later:
        edited, _, _ = apply_edits(edited, later)
    return [st.name for st in edited.stages]


_CONCLUDES = re.compile(r"^\s*(?:so|eli|siis|eli siis|so like)\b", re.IGNORECASE)
_COPULA_LEAD_EN = re.compile(
    r"^.*?\b(?:is|are|like|so)\s+(?:(?:maybe|basically|more|really|kind of|just)\s+)*(?=\S)",
    re.IGNORECASE,
)
_COPULA_LEAD = re.compile(
    r"^.*?\b(?:on|ovat|is|are|et|että|like|eli|so)\s+(?:(?:ennemmin|lähinnä|oikeastaan|oikeestaan|ehkä|maybe|"
    r"enemmän|basically|more|really|kind of|just)\s+)*(?=\S)",
    re.IGNORECASE,
)


_ONE_MORE = re.compile(
    r"^(?:ja\s+|and\s+)?(?:sit|sitten|vielä|viel|lopuks|lopuksi|then|also|plus|finally)\s+"
    r"(?P<x>[^.!?,;:]{2,40})(?:[.!]\s*|$)",
    re.IGNORECASE,
)


def _own_list(text: str, lang: str) -> list[str]:
    """The user's own stages: the list after a lead-in ("meil menee niinku näin: A, B ja C.
    C siis kun …"), else the first sentence that is a list. Every item must read as a
    stage name, or there is no list. Edits in the sentences after the list apply to it:
    "For us: Lineup, Tickets, After. Actually, call 'After' 'Next summer'"."""
    items, after = _own_list_and_rest(text, lang)
    more = _ONE_MORE.match(after.strip())
    name = _stage_name(more["x"], lang=lang) if more and len(items) >= 2 else ""
    if more and name and len(name.split()) <= 3 and not is_verb(words(name)[0]):
        items, after = [*items, name], after.strip()[more.end() :]  # "… Ja sit takuu."
    if len(items) >= 3 and after.strip():
        own = JourneyMap(stages=[Stage(name=n) for n in items])
        return _edited(after, base=own, lang=lang) or items
    return items


# "first they find us obviously, call that Finding": the step described, then named
_CALLED = re.compile(
    r"(?<![^\s:,.;])(?!(?:and|ja)\b)[^,.:;]{3,80}?,?\s+(?:(?:so\s+)?(?:call|name)\s+(?:that|it|this)|"
    r"(?:sanotaan|kutsutaan|sano|kutsu)\s+sitä(?:\s+vaikka)?)\s+(?P<name>[\wåäöÅÄÖ-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+)?)"
    r"(?=\s*(?:[.,;]|$))",
    re.IGNORECASE,
)
# ". then Upload, Proof …": the list goes on in the next sentence
_GOES_ON = re.compile(
    r"[.!]\s+(?=(?:and\s+then|then|ja\s+sit(?:ten)?|sit(?:ten)?)\b)", re.IGNORECASE
)


def _own_list_and_rest(text: str, lang: str) -> tuple[list[str], str]:
    candidates: list[tuple[int, list[str], str]] = []
    lead, sep, steps = text.partition(":")
    if sep and _CALLED.search(steps):
        steps = _CALLED.sub(lambda m: " " + translative(m["name"]), steps)
        text = lead + sep + _GOES_ON.sub(", ", steps)
    text = re.sub(r"(?:^|(?<=\s))\d{1,2}[.)]\s+", ", ", text)  # "1. yhteydenotto 2. kartoitus"
    if ":" in text:  # "Käytän omia:\n1. Kiinnostus\n2. Kartoitus": one item a line
        head, _, rest = text.partition(":")
        text = head + ": " + re.sub(r"\s*\n[\s,]*", ", ", rest).strip(" ,")
    led = False
    sentences = [s for s in re.split(r"(?<=\w)[.!?]\s+|\n+", text) if s.strip()]
    for i, sentence in enumerate(sentences):
        if _own().fullmatch(sentence.rstrip(" .") + "."):
            led = True  # "ei käy, mulla on omat." opens the list in the next sentence
            continue
        colon = ":" in sentence or led
        led = False
        body = sentence.rsplit(":", 1)[1] if ":" in sentence else sentence
        if ":" not in sentence:
            body = _lead_in().sub("", _own().sub("", body, count=1), count=1)
        body = _LIST_LEAD.sub("", body.strip())  # "eli vaiheet vois olla huomaaminen, …"
        sequence = bool(regex(r"\b{next}\b").search(body))
        head = re.split(r"\s+[-–—]\s+", body, maxsplit=1)[0]
        if head.count(",") >= 2:
            body = head  # "A, B, C, Loyalty - we do an audit first": the reason goes
        raw = split_items(body.rstrip(" ?"))
        if len(raw) >= 3:
            # "tanssikoululla se on ennemmin kuuleminen, kokeilutunti, …": the lead-in goes
            raw[0] = (_COPULA_LEAD if lang == "fi" else _COPULA_LEAD_EN).sub("", raw[0])
        items = [_stage_name(r, sequence=sequence, lang=lang) for r in raw]
        if len(items) >= 2 and all(items):
            # "… people walk past, come in and browse, buy something. so maybe walk-by,
            # browsing, buying, coming back": the list after "so" is the answer
            rank = 0 if colon or _CONCLUDES.match(sentence) else 1 + i
            candidates.append((rank, items[:10], " ".join(sentences[i + 1 :])))
    if not candidates:
        return [], ""
    _, items, after = min(candidates, key=lambda c: c[0])
    return items, after


def _stage_name(item: str, *, sequence: bool = True, lang: str = "") -> str:
    """One stage of the user's own list; "eka"/"first" opens the item only in a sequence
    ("eka löytäminen, sit ..."), otherwise it is part of the name ("Eka käynti")."""
    opener = r"^(?:(?:{opener}|{first_opener})\s+)+" if sequence else r"^(?:{opener}\s+)+"
    item = _GLOSS.split(item.strip(), maxsplit=1)[0]  # "Jälkihoito eli tarkistuskäynti …"
    item = regex(opener).sub("", item.strip()).strip(" .:;-–")
    item = re.sub(r"^(?:the|a|an)\s+(?=\w)", "", item, flags=re.IGNORECASE)  # "the dinner"
    # "itse hoito", "the actual trip": the word that stresses the stage is no part of it
    item = re.sub(r"^(?:itse|actual)\s+(?=\w{3})", "", item, flags=re.IGNORECASE)
    item = re.sub(r"(?<=\w{3})\s+(?:itself|themselves|itse)$", "", item, flags=re.IGNORECASE)
    item = _WHEN_TAIL.sub("", item)
    ws = item.split()
    if lang == "en" and len(ws) >= 3 and ws[0].lower().endswith("ing"):
        cut = next((i for i, w in enumerate(ws[1:], 1) if w.lower() in _OBJECT_WORDS), 0)
        item = " ".join(ws[:cut]) if cut else item  # "finding us on Etsy" -> "Finding"
    elif lang == "fi" and len(ws) == 2 and _from_where(ws[1]):
        item = ws[0]  # "löytäminen somesta": where from is no part of the stage

    if not item or is_nothing(item) or len(item.split()) > 5 or _remark().search(item):
        return ""
    if yes_no(item) is not None:  # "joo, tosi lähellä": an answer, not a stage
        return ""
    models = stage_models()
    known = [n for key in ("five", "b2b") for lg in ("fi", "en") for n in models[key][lg]]
    if len(item.split()) == 1 and (same := match_name(item, known)):
        return same  # "löytämienn": the model's stage, spelt right
    return item[:1].upper() + item[1:]
