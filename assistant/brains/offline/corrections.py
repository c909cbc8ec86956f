"""Offline reading of corrections: "korjaa …", "hetkinen, …", "poista X", "X ei ole
kriittinen", "lisää vaihe Y loppuun", "siirrä X vaiheeseen Y", "se oli X eikä Y",
"the first stage is just X" -> a list of Edits. Names are matched against the map;
an edit naming nothing in the map is not an edit.
"""

from __future__ import annotations

import re

from assistant.brains.offline.names import clean_name, match_name, translative
from assistant.brains.offline.stage_words import reword
from assistant.edits import Edit, Op
from assistant.lang.words import words
from assistant.model import BusinessType, JourneyMap, Lang

_LEAD = re.compile(
    r"^\s*(?:(?:korjaa(?:n|taan)?|fix|correction|hetkinen|odota|oho|ups|sori|"
    r"sorry|ai niin|ei kun|eikun|ei vaan|tai siis|itse asiassa|wait|oops|oh actually|"
    r"actually)\b\s*[:,.!-]*\s*)+",
    re.IGNORECASE,
)
_FORGOT = re.compile(
    r"^\s*(?:unohdin|i forgot)[^:.,]*[:.,]\s*|^\s*(?:unohdin|i forgot)\s+", re.IGNORECASE
)
_NAME = r"([A-ZÅÄÖa-zåäö0-9][\w&'’.-]*(?:\s+[A-ZÅÄÖ0-9][\w&'’.-]*){0,3})"
_PERSONA_NAME = re.compile(
    r"(?:persoonan|asiakkaan|hänen|sen|persona'?s?|customer'?s?|their|her|his)\s+nimi(?:nsä)?\s+"
    r"(?:on(?:kin)?|pitäisi olla|olkoon)\s+"
    + _NAME
    + r"|(?:persona'?s?|customer'?s?|their|her|his)\s+name(?:\s+is|'s|\s+should be)\s+"
    + _NAME
    + r"|(?:persona|customer|she|he|they)\s+is\s+called\s+"
    + _NAME
    + r"|(?:persoona|asiakas)\s+on\s+nimeltään\s+"
    + _NAME,
    re.IGNORECASE,
)
_BUSINESS_NAME = re.compile(
    r"(?:yrityksen|yritykseni|yrityksemme|firman|firmani|firmamme)\s+nimi\s+on(?:kin)?\s+"
    r"(?:oikeesti\s+|oikeasti\s+|siis\s+)?(.+?)(?:,?\s+(?:eikä|ei|not)\b.*)?$"
    r"|(?:the\s+|our\s+|my\s+)?(?:business|company|shop)(?:'s)?\s+(?:name\s+is|(?:actually\s+)?called|"
    r"is\s+(?:actually\s+)?called)\s+(?:actually\s+)?(.+?)(?:,?\s+not\b.*)?$",
    re.IGNORECASE,
)
_ALSO_B2B = re.compile(
    r"\b(?:myydään|myymme|myyn|sell|we sell|i sell)\b.*\b(?:yrityksille(?:kin)?|firmoille(?:kin)?|"
    r"yrityksillekin|businesses|companies)\b.*(?:\bkin\b|kin$|\btoo\b|\balso\b|\bmyös\b)|"
    r"\b(?:yrityksillekin|firmoillekin|yritysasiakkaitakin)\b|"
    r"\bmyös\s+(?:yrityksille|firmoille|yritysasiakkaille|yritysasiakkaita)\b|"
    r"\b(?:for|to)\s+(?:companies|businesses|firms|corporate clients)\s+(?:too|also|as well)\b|"
    r"\balso\s+(?:for|to)\s+(?:companies|businesses|firms)\b",
    re.IGNORECASE,
)
_ALSO_B2C = re.compile(
    r"\b(?:kuluttajillekin|yksityisillekin|consumers too|private people too|individuals too)\b",
    re.IGNORECASE,
)
_SCORE = re.compile(r"(?<![\w/])([+−-]?\s?[0-2])(?![\w/])")
_NEG = re.compile(r"\b(?:eikä|ei|not|instead of|sijaan)\b", re.IGNORECASE)
_ORDER = re.compile(
    r"^(?P<a>[\wåäö-]+)\s+(?:tulee|on|comes|is|goes)\s+(?P<kind>ennen|before|jälkeen|after)\s+"
    r"(?P<b>[\wåäö-]+)",
    re.IGNORECASE,
)
_CRIT_OFF = re.compile(
    r"^(?:ota|poista|take|remove)\s+(?P<name>.+?)\s+(?:pois\s+)?(?:kriittisistä|kriittisten joukosta|"
    r"off the critical(?: ones| list)?|from (?:the )?critical(?: ones| list)?)$",
    re.IGNORECASE,
)
_CRIT_ON = re.compile(
    r"^(?:lisää|merkitse|add|mark)\s+(?:kriittisiin|kriittiseksi)?\s*(?:vielä\s+|myös\s+)?(?P<a>.+?)"
    r"(?:\s+(?:kriittisiin|kriittiseksi|to the critical(?: ones| list)?(?: too)?|as critical(?: too)?))?$",
    re.IGNORECASE,
)
_ADD_STAGE = re.compile(
    r"(?:lisää|lisätään|add)\s+(?:vielä\s+|myös\s+|also\s+)?(?:(?:uusi|yksi|one|a|an|new|the)\s+)?"
    r"(?:vaihe(?:eksi)?|stage|phase)?\s*[:]?\s*[”\"']?(?P<name>[\wåäöÅÄÖ -]+?)[”\"']?"
    r"(?:\s+(?:vaihe|stage|phase))?"
    r"(?:\s+(?P<end>loppuun|viimeiseksi|viimeiseks|perään|alkuun|ensimmäiseksi|ekaks|at the end|to the end|"
    r"at the start|first|last)|\s+(?P<rel>after|before|ennen)\s+(?P<ref1>[\wåäöÅÄÖ-]+)"
    r"|\s+(?P<ref2>[\wåäöÅÄÖ-]+?)\s+(?P<post>jälkeen|perään|eteen|ennen))?\s*$",
    re.IGNORECASE,
)
_ADD_AFTER = re.compile(
    r"^(?:lisää|lisätään)\s+(?P<ref>[\wåäö-]+?)\s+(?P<post>jälkeen|perään|eteen|ennen)\s+"
    r"(?:vielä\s+|myös\s+)?(?:vaihe\s+)?(?P<name>[\wåäö -]+)$",
    re.IGNORECASE,
)
_REMOVE = re.compile(
    r"^(?:poista|poistetaan|ota pois|otetaan pois|jätä pois|jätetään pois|remove|delete|drop|"
    r"scratch|cross out|get rid of|take out|leave out|jätä|jätetään|ota|otetaan|take)\s+"
    r"(?:se\s+|the\s+)?(?:vaihe|kosketuspiste|stage|touchpoint)?\s*(?P<a>.+?)"
    r"(?:\s+(?:pois|kokonaan|off the map|off|out))?(?:\s+(?:sittenkin|kokonaan|vaan|too))?$"
    r"|^(?P<b>.+?)\s+(?:(?:voi|voisi|vois|saa|kannattaa)\s+(?:jättää|ottaa|poistaa)\s+"
    r"(?:kokonaan\s+|vaan\s+)?)?(?:pois|can go|can be removed|can be dropped|should go)(?:\s+\w+)?$",
    re.IGNORECASE,
)
_NOT_CRITICAL = re.compile(
    r"^(?P<name>.+?)\s+(?:ei\s+(?:ole|oo)|eivät\s+ole|ei\s+oo|isn't|is not|aren't|are not|"
    r"ain't)\s+(?:[\wåäö]+\s+){0,2}?(?:kriittinen|kriittisiä|tärkeä|critical|"
    r"important)",
    re.IGNORECASE,
)
_IS_CRITICAL = re.compile(
    r"^(?P<name>.+?)\s+(?:on|is|are|ovat)\s+(?:myös|also|kuitenkin|kyllä)?\s*(?:kriittinen|"
    r"kriittisiä|critical)\b",
    re.IGNORECASE,
)
_MOVE = re.compile(
    r"^(?:siirrä|siirretään|move)\s+(?P<tp>.+?)\s+(?:vaiheeseen\s+(?P<s1>.+)|to\s+(?:the\s+)?"
    r"(?:stage\s+)?(?P<s2>.+?)(?:\s+stage)?|(?P<s3>[\wåäöÅÄÖ]+)-?vaiheeseen|(?P<s4>[\wåäöÅÄÖ]+))$",
    re.IGNORECASE,
)
_NOT_BUT = [
    # se oli Instagram eikä Facebook / it was Instagram, not Facebook
    re.compile(
        r"^(?:se|ne|it|that)\s+(?:oli|olikin|on|was|is)\s+(?P<new>.+?),?\s+"
        r"(?:eikä|eika|ei|not)\s+(?P<old>.+)$",
        re.IGNORECASE,
    ),
    # ei Facebook vaan Instagram / not Facebook but Instagram
    re.compile(r"^(?:ei|not)\s+(?P<old>.+?),?\s+(?:vaan|but)\s+(?P<new>.+)$", re.IGNORECASE),
    # Facebookin sijaan Instagram / Instagram instead of Facebook
    re.compile(r"^(?P<old>.+?)\s+(?:sijaan|sijasta|tilalle)\s+(?P<new>.+)$", re.IGNORECASE),
    re.compile(r"^(?P<new>.+?)\s+instead of\s+(?P<old>.+)$", re.IGNORECASE),
    # vaihda Palvelu -> Käännöstyö / Palvelu → Käännöstyö / change X to Y / replace X with Y
    re.compile(
        r"^(?:vaihda|vaihdetaan|muuta|muutetaan|change|replace|swap)?\s*(?P<old>[^,]+?)\s*"
        r"(?:->|→|=>)\s*(?P<new>[^,]+)$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:vaihda|vaihdetaan|muuta|muutetaan|change|replace|swap)\s+(?P<old>.+?)\s+"
        r"(?:nimeksi|tilalle|to|with|for|into)\s+(?P<new>.+)$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:vaihda|vaihdetaan|muuta|muutetaan|nimeä|nimetään)\s+(?P<old>.+?)\s+(?P<new>\w+?(?:ksi|kseen|ks))$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?P<old>.+?)(?::n|n)?\s+(?:tilalle|tilalla|sijaan)\s+(?P<new>.+)$", re.IGNORECASE
    ),
    # rename X to Y / nimeä X uudelleen Y
    re.compile(
        r"^(?:rename|nimeä|nimetään)\s+(?P<old>.+?)\s+(?:to|as|uudelleen|nimellä)\s+"
        r"(?P<new>.+)$",
        re.IGNORECASE,
    ),
    # X pitäisi olla Y / X vois olla Y / X should be Y / X onkin Y
    re.compile(
        r"^(?P<old>.+?)\s+(?:pitäisi olla|pitäis olla|pitää olla|vois olla|voisi olla|onkin|"
        r"should be called|should be|should say|is actually|could be|would be)"
        r"\s+(?P<new>.+)$",
        re.IGNORECASE,
    ),
    # Seikkailu on meillä Tilaisuus / meillä Osto on Kilpailutus / for us Service is Support
    re.compile(
        r"^(?P<old>[\wåäö-]+)\s+(?:on|is)\s+(?:meillä|meil|meidän kohdalla|for us|in our case)\s+"
        r"(?:(?:käytännössä|oikeastaan|lähinnä|really|actually|more like)\s+)?(?P<new>.+)$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:meillä|meil|for us|in our case)\s+(?P<old>[\wåäö-]+)\s+(?:on|is)\s+"
        r"(?:(?:käytännössä|oikeastaan|lähinnä|really|actually|more like)\s+)?(?P<new>.+)$",
        re.IGNORECASE,
    ),
]
_ORDINAL = re.compile(
    r"^(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|sixth|last|ensimmäinen|eka|toinen|"
    r"kolmas|neljäs|viides|kuudes|viimeinen)\s+(?:stage|phase|vaihe)\s+(?:is|should be|on|"
    r"pitäisi olla|onkin)\s+(?:just\s+|only\s+|simply\s+|vain\s+|pelkkä\s+|pelkästään\s+)?(?P<new>.+)$",
    re.IGNORECASE,
)
_ORD = {
    "first": 0,
    "ensimmäinen": 0,
    "eka": 0,
    "second": 1,
    "toinen": 1,
    "third": 2,
    "kolmas": 2,
    "fourth": 3,
    "neljäs": 3,
    "fifth": 4,
    "viides": 4,
    "sixth": 5,
    "kuudes": 5,
    "last": -1,
    "viimeinen": -1,
}


_WEAK = re.compile(
    r"^(?:(?:actually|siis|well|mut|mutta|but|and|ja|oh|ai|niin|also|myös|vielä|i'd|i would|"
    r"let's|please|maybe|perhaps|kannattaa|vois|voisitko|voisit|voit|muuten|by the way|btw)\b"
    r"[\s,]*)+",
    re.IGNORECASE,
)


_EXPLICIT = re.compile(r"^\s*(?:korjaa(?:n|taan)?|fix|correction)\b", re.IGNORECASE)


_COMMAND = re.compile(
    r"^\s*(?:poista|poistetaan|siirrä|siirretään|nimeä|nimetään|remove|delete|move|rename)\b",
    re.IGNORECASE,
)


def looks_like_edit(text: str) -> bool:
    """Whether the message is worded as an edit ("poista Facebook"): if it names nothing in
    the map, it is an edit that cannot be applied, never an answer to store."""
    return bool(_COMMAND.match(lead_in(text)[1]))


def explicit_fix(text: str) -> bool:
    """Whether the message opens with "korjaa" / "fix": the user asks for a correction even
    when its content is an answer to the slot it corrects."""
    return bool(_EXPLICIT.match(text))


def lead_in(text: str) -> tuple[bool, str]:
    """Whether the message opens like a correction, and the text after the opening."""
    m = _LEAD.match(text)
    if m and m.end() > 0:
        return True, text[m.end() :].strip()
    f = _FORGOT.match(text)
    if f:
        return True, text[f.end() :].strip()
    return False, text.strip()


def _strip_kind(phrase: str) -> str:
    return re.sub(
        r"^(?:the|se|sen)\s+|\s+(?:vaihe|stage|phase|kosketuspiste|touchpoint)$",
        "",
        phrase.strip(),
        flags=re.IGNORECASE,
    )


def _positive_mentions(part: str, names: list[str]) -> list[str]:
    """Names mentioned in `part` that are not negated ("X, ei Y" / "X not Y")."""
    out = []
    for chunk in re.split(r",|;", part):
        for j, piece in enumerate(_NEG.split(chunk)):
            ws = [p for w in words(piece) for p in w.split("-")]
            for name in names:
                if match_name(" ".join(ws), [name]) or any(
                    match_name(" ".join(ws[i : i + len(words(name))]), [name])
                    for i in range(len(ws))
                ):
                    out.append((name, j == 0))
    return [n for n, positive in out if positive and n not in [m for m, p in out if not p]]


def _by_mention(part: str, *, stages: list[str], tps: list[str], journey: JourneyMap) -> list[Edit]:
    """ "kassa kuuluu hankintaan eikä arviointiin" (move), "kassalla se on -2 eikä -1"
    (feeling), "se on Matti eikä Mikko" (persona name): a name, and the right value first,
    the wrong one negated."""
    if not _NEG.search(part) and not re.search(
        r"\bshould be\b|\bbelongs?\b|\bkuuluu\b", part, re.I
    ):
        return []
    ws = words(part)
    tp_named = [
        t
        for t in tps
        if any(match_name(" ".join(ws[i : i + len(words(t))]), [t]) for i in range(len(ws)))
    ]
    scores = [m.group(1).replace(" ", "").replace("−", "-") for m in _SCORE.finditer(part)]
    if len(tp_named) == 1 and len(scores) >= 2:
        # "kassalla se on -2 eikä -1": the right score, then the wrong one negated.
        head = _NEG.split(part, maxsplit=1)[0]
        first = _SCORE.search(head)
        if first:
            return [
                Edit(Op.EMOTION, tp_named[0], first.group(1).replace(" ", "").replace("−", "-"))
            ]
    if len(tp_named) == 1:
        dest = [s for s in _positive_mentions(part, stages) if s != tp_named[0]]
        current = next((s.name for s, t in journey.touchpoints() if t.name == tp_named[0]), None)
        dest = [d for d in dest if d != current]
        if dest:
            return [Edit(Op.MOVE, tp_named[0], dest[0])]
    person = journey.persona.name
    if person and re.search(rf"\b{re.escape(person)}\b", part, re.IGNORECASE):
        m = re.search(r"\b(?:on|is|was|oli|it's|its|she's|he's)\s+([A-ZÅÄÖ][\wåäö-]+)", part)
        if m and m.group(1).lower() != person.lower():
            return [Edit(Op.PERSONA_NAME, value=m.group(1))]
    return []


_STAGE_MOVE = re.compile(
    r"^(?:laita|siirrä|siirretään|put|move)\s+(?P<a>[\wåäö-]+)\s+(?:(?P<b1>[\wåäö-]+?)\s+"
    r"(?P<post>jälkeen|perään|eteen|ennen)|(?P<pre>before|after)\s+(?P<b2>[\wåäö-]+))$",
    re.IGNORECASE,
)
_BETWEEN = re.compile(
    r"^(?:lisää|lisätään|laita|laitetaan|insert|add|put)\s+(?:vielä\s+|myös\s+)?(?:(?:a|an|one|uusi)\s+)?"
    r"(?P<name>[\wåäö -]+?)\s+(?:(?P<a1>[\wåäö-]+?)\s+ja\s+[\wåäö-]+?\s+väliin|"
    r"between\s+(?:the\s+)?(?P<a2>[\wåäö-]+)\s+and\s+(?:the\s+)?[\wåäö-]+)(?:\s+(?:stages|vaiheiden))?$",
    re.IGNORECASE,
)
_COULD_BE = re.compile(
    r"^(?P<ref>[\wåäö-]+?)\s+(?:jälkeen|perään)\s+(?:vois|voisi|pitäis|pitäisi|kuuluu|tulee)\s+"
    r"(?:olla\s+)?(?:vielä\s+)?(?P<name>[\wåäö -]+)$",
    re.IGNORECASE,
)
_CALLED = re.compile(
    r"^(?P<old>[\wåäö-]+)\s+(?:should be called|could be called|kannattaa nimetä|pitäisi nimetä|"
    r"vois nimetä|voisi nimetä)\s+(?P<new>[\wåäö-]+)$",
    re.IGNORECASE,
)
_CALL_IT = re.compile(
    r"\b(?:call it|name it|sano vaikka|sano mieluummin|kutsu sitä|nimeä se|sanotaan vaikka)\s+"
    r"(?P<new>[\wåäö-]+)$",
    re.IGNORECASE,
)
_DROP = re.compile(
    r"^(?:pudota|skip|no|ei|ilman|without|forget)\s+(?P<a>[\wåäö-]+)$", re.IGNORECASE
)


def parse_stage_edits(text: str, *, journey: JourneyMap, lang: Lang | str) -> list[Edit]:
    """Edits of a proposed stage list, read more loosely than corrections elsewhere
    ("no loyalty", "ei arviointia", "riittää löytäminen, osto ja sitoutuminen")."""
    lang = Lang(lang)  # the stage parser still passes a plain code
    stages = [s.name for s in journey.stages]
    out = parse_edits(text, journey=journey, lang=lang)
    body = lead_in(text)[1]
    olds = [n for n in stages if re.search(rf"\b{re.escape(n[:5])}", body, re.IGNORECASE)]
    m = _CALL_IT.search(body.strip(" .!"))
    if m and len(olds) == 1 and not any(e.op is Op.RENAME for e in out):
        out.append(Edit(Op.RENAME, olds[0], clean_name(translative(m.group("new")), lang)))
    for part in re.split(r"[,.;]\s*|\s+[-–—]+\s+|\s+(?:mutta|mut|but)\s+", body):
        part = _WEAK.sub("", part.strip(" .!"))
        if m := _DROP.match(part):
            old = match_name(m.group("a"), stages)
            if old:
                out.append(Edit(Op.REMOVE, old))
    unique: list[Edit] = []
    for e in out:
        if e not in unique:
            unique.append(e)
    return unique


QUOTE = re.compile(r"(?<!\w)['‘’\"”“«»]+|['‘’\"”“«»]+(?!\w)")
_CLAUSE = re.compile(
    r"(?<=[.!?;])\s+|\n+|\s+[-–—]+\s+|;\s*|,?\s+(?:mutta|mut|but|paitsi|except)\s+|"
    r"(?:,\s+(?:ja\s+|and\s+)?|\s+(?:ja|sekä|and)\s+)(?=(?:lisää|lisätään|poista|poistetaan|siirrä|"
    r"nimeä|vaihda|laita|pudota|jätä|add|remove|move|drop|rename|insert|put|skip|call|swap|"
    r"replace)\b)",
    re.IGNORECASE,
)


def parse_edits(text: str, *, journey: JourneyMap, lang: Lang) -> list[Edit]:
    """The edits a message asks for (empty when it asks none). The message is read clause
    by clause, so reasons between the edits ("drop Engagement - people buy flowers when
    something happens") do not hide them."""
    _, body = lead_in(QUOTE.sub("", text))
    stages = [s.name for s in journey.stages]
    if stages:
        body = reword(body, stages)
    out: list[Edit] = []
    for part in _CLAUSE.split(body):
        part = part.strip(" .!")
        if not part:
            continue
        found = _parse_one(part, journey=journey, lang=lang)
        if not found and "," in part:
            for piece in part.split(","):
                found += _parse_one(piece.strip(" .!"), journey=journey, lang=lang)
        out += found
    return out


def _stage_structure(part: str, *, stages: list[str], lang: Lang) -> list[Edit]:
    """Where a stage goes: "laita X Y:n jälkeen", "put a Proof stage between Purchase and
    Service", "oston jälkeen vois olla vielä X", "X should be called Y"."""
    if m := _STAGE_MOVE.match(part):
        a = match_name(m.group("a"), stages)
        b = match_name(m.group("b1") or m.group("b2") or "", stages)
        rel = (m.group("post") or m.group("pre") or "").lower()
        if a and b and a != b:
            kind = "before" if rel in ("ennen", "eteen", "before") else "after"
            return [Edit(Op.MOVE_STAGE, a, where=f"{kind}:{b}")]
    elif m := _BETWEEN.match(part):
        ref = match_name(m.group("a1") or m.group("a2") or "", stages)
        name = clean_name(m.group("name"), lang)
        if ref and name:
            return [Edit(Op.ADD_STAGE, value=name, where=f"after:{ref}")]
    elif m := _COULD_BE.match(part):
        ref = match_name(m.group("ref"), stages)
        if ref:
            return [
                Edit(Op.ADD_STAGE, value=clean_name(m.group("name"), lang), where=f"after:{ref}")
            ]
    elif m := _CALLED.match(part):
        old = match_name(m.group("old"), stages)
        if old:
            return [Edit(Op.RENAME, old, clean_name(translative(m.group("new")), lang))]
    return []


def _parse_one(part: str, *, journey: JourneyMap, lang: Lang) -> list[Edit]:
    stages = [s.name for s in journey.stages]
    tps = [t.name for _, t in journey.touchpoints()]
    _, part = lead_in(part)
    part = _WEAK.sub("", part)
    part = re.sub(r"\s+(?:instead|rather|sen sijaan|mieluummin)$", "", part, flags=re.IGNORECASE)
    if m := _PERSONA_NAME.search(part):
        name = next(g for g in m.groups() if g)
        return [Edit(Op.PERSONA_NAME, value=name.strip(" .,").split()[0])]
    if m := _BUSINESS_NAME.search(part):
        name = next(g for g in m.groups() if g)
        return [Edit(Op.BUSINESS_NAME, value=name.strip(" .,!"))]
    if m := _ORDINAL.match(part):
        i = _ORD[m.group("ord").lower()]
        if stages and -len(stages) <= i < len(stages):
            return [Edit(Op.RENAME, stages[i], clean_name(m.group("new"), lang))]
    if m := _CRIT_OFF.match(part):
        name = match_name(_strip_kind(m.group("name")), tps)
        if name:
            return [Edit(Op.CRITICAL, name, on=False)]
    if re.search(r"kriittis|critical", part, re.IGNORECASE) and (m := _CRIT_ON.match(part)):
        found = [
            Edit(Op.CRITICAL, n, on=True)
            for piece in re.split(r",\s*|\s+(?:ja|and)\s+", m.group("a"))
            if (n := match_name(_strip_kind(piece), tps))
        ]
        if found:
            return found
    if _ALSO_B2B.search(part) and journey.business.business_type is not BusinessType.B2B:
        return [Edit(Op.BUSINESS_TYPE, value="both")]
    if _ALSO_B2C.search(part) and journey.business.business_type is not BusinessType.B2C:
        return [Edit(Op.BUSINESS_TYPE, value="both")]
    if stages and (found := _stage_structure(part, stages=stages, lang=lang)):
        return found
    if m := _ORDER.match(part):
        a, b = match_name(m.group("a"), stages), match_name(m.group("b"), stages)
        if a and b and a != b:
            kind = "before" if m.group("kind").lower() in ("ennen", "before") else "after"
            return [Edit(Op.MOVE_STAGE, a, where=f"{kind}:{b}")]
    edits = _by_mention(part, stages=stages, tps=tps, journey=journey)
    if edits:
        return edits
    if m := _MOVE.match(part):
        tp = match_name(m.group("tp"), tps)
        dest_raw = next(
            g for g in (m.group("s1"), m.group("s2"), m.group("s3"), m.group("s4")) if g
        )
        dest = match_name(dest_raw, stages)
        if tp and dest:
            return [Edit(Op.MOVE, tp, dest)]
    if m := _NOT_CRITICAL.match(part):
        name = match_name(m.group("name"), tps)
        if name:
            return [Edit(Op.CRITICAL, name, on=False)]
    if m := _IS_CRITICAL.match(part):
        name = match_name(m.group("name"), tps)
        if name:
            return [Edit(Op.CRITICAL, name, on=True)]
    if m := _REMOVE.match(part):
        raw = m.group("a") or m.group("b") or ""
        found = []
        for piece in re.split(r",\s*|\s+(?:ja|and)\s+", raw):
            piece = _strip_kind(piece)
            measures = [m.name for m in journey.metrics] + list(journey.feedback)
            name = (
                match_name(piece, tps) or match_name(piece, stages) or match_name(piece, measures)
            )
            if name:
                found.append(Edit(Op.REMOVE, name))
        if found:
            return found
    if m := _ADD_AFTER.match(part):
        target = match_name(m.group("ref"), stages)
        name = clean_name(m.group("name"), lang)
        if target and name:
            kind = "before" if m.group("post").lower() in ("ennen", "eteen") else "after"
            return [Edit(Op.ADD_STAGE, value=name, where=f"{kind}:{target}")]
    if m := _ADD_STAGE.search(part):
        name = clean_name(m.group("name"), lang)
        ref = m.group("ref1") or m.group("ref2") or ""
        rel = (m.group("rel") or m.group("post") or "").lower()
        end = (m.group("end") or "").lower()
        where = "end"
        if end in ("alkuun", "ensimmäiseksi", "at the start", "first"):
            where = "start"
        elif ref:
            target = match_name(ref, stages)
            if target is None:
                return []
            kind = "before" if rel in ("before", "ennen", "eteen") else "after"
            where = f"{kind}:{target}"
        if name and (
            (m.group("name") and re.search(r"vaihe|stage|phase", part, re.IGNORECASE))
            or where != "end"
            or end
        ):
            return [Edit(Op.ADD_STAGE, value=name, where=where)]
    for pattern in _NOT_BUT:
        if m := pattern.match(part):
            old_raw, new_raw = m.group("old"), m.group("new")
            old = match_name(old_raw, stages) or match_name(old_raw, tps)
            new = clean_name(translative(new_raw), lang)
            sane = (
                new
                and len(new.split()) <= 3
                and not re.search(r"\d|[+−]|\b(?:on|is|are|ovat|oli|was)\b", new, re.IGNORECASE)
            )
            if old and sane and not (match_name(new_raw, stages) or match_name(new_raw, tps)):
                return [Edit(Op.RENAME, old, new)]
    return []
