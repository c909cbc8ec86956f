"""Offline reading of corrections: "korjaa …", "hetkinen, …", "poista X", "X ei ole
kriittinen", "lisää vaihe Y loppuun", "siirrä X vaiheeseen Y", "se oli X eikä Y",
"the first stage is just X" -> a list of Edits. Names are matched against the map;
an edit naming nothing in the map is not an edit.

The words and sentence shapes are data (prompts/offline/rules.fi.yaml and rules.en.yaml,
loaded by rulebook.py, precedence = the order of the rules there); what each rule means is
in edit_handlers.py. This module splits a message into clauses and tries the rules.
"""

from __future__ import annotations

import re

from assistant.brains.offline.edit_handlers import FEELING_PAIR, HANDLERS, Clause
from assistant.brains.offline.names import clean_name, match_name, translative
from assistant.brains.offline.rulebook import regex, rule, rules
from assistant.brains.offline.stage_words import reword
from assistant.edits import Edit, Op
from assistant.lang import refer
from assistant.lang.feelings import yes_no
from assistant.lang.lexicon import channels, lookup
from assistant.lang.nothing import is_nothing
from assistant.lang.words import words
from assistant.model import JourneyMap, Lang

QUOTE = re.compile(r"(?<!\w)['‘’\"”“«»]+|['‘’\"”“«»]+(?!\w)")


def _lead() -> re.Pattern[str]:
    return regex(r"^\s*(?:(?:{fix}|{lead})\b\s*[:,.!-]*\s*)+")


def _forgot() -> re.Pattern[str]:
    return regex(r"^\s*{forgot}[^:.,]*[:.,]\s*|^\s*{forgot}\s+")


def _weak() -> re.Pattern[str]:
    return regex(r"^(?:{weak}\b[\s,:]*)+")


def _clause() -> re.Pattern[str]:
    return regex(
        r"(?<=[.!?;])\s+|\n+|\s+[-–—]+\s+|;\s*|,?\s+(?:{but}|{except})\s+|"
        r"(?:,\s+(?:{and}\s+)?|\s+{and_clause}\s+)(?={clause_verb}\b)"
    )


def _pieces() -> re.Pattern[str]:
    return regex(r",\s*(?:{and}\s+)?|\s+{and}\s+(?=(?:{place}|{clause_verb})\b)")


def looks_like_edit(text: str, *, critical_asked: bool = False) -> bool:
    """Whether the message is worded as an edit ("poista Facebook"): if it names nothing in
    the map, it is an edit that cannot be applied, never an answer to store. Under the
    critical question "X ei ole kriittinen, mut kassa on" is an answer."""
    rest = lead_in(text)[1]
    rest = _weak().sub("", rest)  # "hmm, jätä takuu pois"
    if regex(r"^\s*{command}\b").match(rest):
        return True
    if regex(r"^\s*{critical_off_verb}\b[^.!?]{1,60}?\b{critical_off_tail}").match(rest):
        return True  # "take the order form off the critical list"
    if critical_asked:
        return False
    # "noutokuljetus ei ole kriittinen" when the map has no such place: not a first impression
    m = regex(
        r"^(?P<name>[^,.!?]{1,40}?)\s+{not_critical}\s+(?:[\wåäö]+\s+){0,2}?{critical_word}\b"
    ).match(rest)
    if m is None:
        return False
    # "mikään ei ole kriittinen" is an answer ("mikään ei" is a nothing), not an edit
    return not is_nothing(m["name"]) and not is_nothing(f"{m['name']} ei")


def explicit_fix(text: str) -> bool:
    """Whether the message opens with "korjaa" / "fix": the user asks for a correction even
    when its content is an answer to the slot it corrects."""
    return bool(regex(r"^\s*{fix}\b").match(text))


def lead_in(text: str) -> tuple[bool, str]:
    """Whether the message opens like a correction, and the text after the opening."""
    m = _lead().match(text)
    if m and m.end() > 0:
        return True, text[m.end() :].strip()
    f = _forgot().match(text)
    if f and (not text[f.end() :].strip() or len(f.group(0).split()) > 6):
        # "oh and add a stage X at the end.", "Oh, and scrap the press thing from …, we've …":
        # the opening alone, not all up to the first comma
        f = regex(r"^(?:\s*{forgot}\b[\s,:]*)+").match(text)
    if f:
        return True, text[f.end() :].strip()
    return False, text.strip()


_PRONOUNS = frozenset({"se", "sen", "sitä", "ne", "tää", "tämä", "it", "that", "this", "them"})


def parse_stage_edits(text: str, *, journey: JourneyMap, lang: Lang | str) -> list[Edit]:
    """Edits of a proposed stage list, read more loosely than corrections elsewhere
    ("no loyalty", "ei arviointia", "riittää löytäminen, osto ja sitoutuminen"), with "it"
    meaning the stage the sentence (or the one before) named: "adventure sounds weird for a
    chair, call it Workshop", "Seikkailu ei tunnu oikealta. Voisimmeko kutsua sitä nimellä
    Järjestelyt?", "engagement i dont really have, so drop that"."""
    lang = Lang(lang)  # the stage parser still passes a plain code
    stages = [s.name for s in journey.stages]
    out = parse_edits(text, journey=journey, lang=lang)
    body = lead_in(text)[1]
    named_before: str | None = None
    for sentence in re.split(r"(?<=[.!?])\s+", body):
        pieces = r",\s*|\s+{and}\s+(?=\S+\s+{remark_verb}\b)|\s+{and}\s+(?={joined_verb}\b)"
        for piece in regex(pieces).split(sentence):  # "call it Onboarding and add Support after it"
            found = _mentioned(piece, stages)
            it = found[-1] if found else named_before
            # "se vois olla paluu koska ...": the reason after the new name goes
            bare = regex(r"\s+{reason}\s+.*$").sub("", piece.strip(" .!?"))
            bare = regex(r"^{and}\s+").sub("", bare)
            if m := rule("call_it", "stage_list").find(bare):
                head = _mentioned(piece[: m.start()], stages)
                target = head[-1] if head else it
                if not head and target and Edit(Op.REMOVE, target) in out:
                    # "merge A and B into one stage and call it X": B went into A, "it" is A
                    i = stages.index(target)
                    target = stages[i - 1] if i > 0 else target
                if target and not any(e.op is Op.RENAME and e.target == target for e in out):
                    out.append(
                        Edit(Op.RENAME, target, clean_name(translative(m.group("new")), lang))
                    )
            elif rule("drop_it", "stage_list").find(piece) and it:
                out.append(Edit(Op.REMOVE, it))
            elif (m := rule("add_it", "stage_list").find(bare)) and it:
                # "Palvelu on meillä Pesupäivä, ja lisää sen jälkeen Laskutus"
                where = "before" if m.group("before") else "after"
                ref = next((e.value for e in out if e.op is Op.RENAME and e.target == it), it)
                out.append(
                    Edit(
                        Op.ADD_STAGE, value=clean_name(m.group("new"), lang), where=f"{where}:{ref}"
                    )
                )
            elif (m := rule("move_it", "stage_list").find(bare)) and named_before:
                # "rename Adventure to Repair and put it before Acquisition": "it" is the
                # stage named before, the one this piece names is where it goes
                groups = m.groupdict()
                dest = match_name(groups.get("ref") or groups.get("ref2") or "", stages)
                before = groups.get("before") or groups.get("before2")
                moved = next(
                    (e.value for e in out if e.op is Op.RENAME and e.target == named_before),
                    named_before,
                )
                if dest and dest != named_before:
                    side = "before" if before else "after"
                    out.append(Edit(Op.MOVE_STAGE, str(moved), where=f"{side}:{dest}"))
                it = named_before
            named_before = it
    for part in regex(r"[,.;]\s*|\s+[-–—]+\s+|\s+{but}\s+|\s+{and}\s+(?=[\wåäö-]+\s*=)").split(
        body
    ):
        part = _weak().sub("", part.strip(" .!"))
        part = regex(r"^{and}\s+").sub("", re.sub(r"\s*:\s.*$", "", part))  # "and drop X: reason"
        if m := rule("drop", "stage_list").find(part):
            old = match_name(m.group("a"), stages)
            if old:
                out.append(Edit(Op.REMOVE, old))
        elif (m := rule("named_is", "stage_list").find(part)) and _names_anew(m, part):
            # "hankinta = ajanvaraus", "Sitoutuminen on Ensi kausi" (a name, capitalised)
            old = match_name(m.group("old"), stages)
            if old and not any(e.target == old for e in out):
                out.append(Edit(Op.RENAME, old, clean_name(m.group("new"), lang)))
        elif m := rule("or_say", "stage_list").find(part):
            # "… ja sitoutuminen vaik lasien nouto": "X vaik Y" renames X
            old = match_name(m.group("old"), stages)
            short = len(m.group("new").split()) <= 3
            if old and short and not any(e.target == old for e in out):
                out.append(Edit(Op.RENAME, old, clean_name(m.group("new"), lang)))
        elif not out:
            # "ota arviointi pois niin on selkeempi": the reason after the edit goes
            bare = regex(r"\s+{reason}\s+.*$").sub("", part)
            if bare != part:
                out += _parse_one(bare, journey=journey, lang=lang)
    unique: list[Edit] = []
    for e in out:
        if e.op in (Op.ADD_STAGE, Op.RENAME) and str(e.value or "").casefold() in _PRONOUNS:
            continue  # "lisää se Harkinnan ja Oston väliin": "se" is no name
        renamed = any(u.op is Op.RENAME and u.target == e.target for u in unique)
        if e not in unique and not (e.op is Op.REMOVE and renamed):  # "eka on Löytö, ei X"
            unique.append(e)
    return unique


def parse_it_renames(text: str, *, journey: JourneyMap, lang: Lang) -> list[Edit]:
    """A stage renamed by "it" in a later correction: "viimeisen vaiheen nimi Sitoutuminen
    tuntuu vieraalta. Vaihdetaan se Muistamiseksi." Only renames of a stage the message
    names; everything looser that a stages answer may say stays in parse_stage_edits."""
    if not regex(r"\b{call_it}\b").search(text):
        return []
    stages = [s.name for s in journey.stages]
    return [
        e
        for e in parse_stage_edits(text, journey=journey, lang=lang)
        if e.op is Op.RENAME and e.target in stages and _mentioned(text, stages)
    ]


def _names_anew(m: re.Match[str], part: str) -> bool:
    """Whether "X on Y" gives a stage a new name: written "X = Y", or Y a capitalised name
    of at most three words that is no verdict ("Seikkailu on Ok", "Palvelu on Turha")."""
    new = m.group("new").strip()
    if len(new.split()) > 3 or yes_no(new) is not None or is_nothing(new):
        return False
    # "Adventure for us is really more of a first lesson": the hedge says it is another name
    hedged = re.search(r"\b(?:more of|basically|kind of|sort of|what you call)\b", part, re.I)
    return "=" in part or new[:1].isupper() or bool(hedged)


def _mentioned(text: str, stages: list[str]) -> list[str]:
    """The stages a piece of text names, in the order named."""
    found = []
    for w in re.findall(r"[\wåäöÅÄÖ-]+", text):
        name = match_name(w, stages) if len(w) >= 4 else None
        if name and name not in found:
            found.append(name)
    return found


def parse_edits(text: str, *, journey: JourneyMap, lang: Lang) -> list[Edit]:
    """The edits a message asks for (empty when it asks none). The message is read clause
    by clause, so reasons between the edits ("drop Engagement - people buy flowers when
    something happens") do not hide them."""
    opened, body = lead_in(QUOTE.sub("", text))
    stages = [s.name for s in journey.stages]
    if stages:
        body = reword(body, stages)
    out: list[Edit] = []
    for part in _clause().split(body):
        part = part.strip(" .!")
        if not part:
            continue
        found = _parse_one(part, journey=journey, lang=lang, opened=opened)
        if not found and ": " in part:  # "drop Loyalty: most only need us once"
            found = _parse_one(part.split(": ")[0], journey=journey, lang=lang, opened=opened)
        if "," in part or regex(r"\s{and}\s").search(part):
            # "seikkailun tilalle käyttö, osto pois ja loppuun jatkosopimus": one edit a piece
            # when that finds more of them than the clause read whole
            each = [
                e
                for piece in _pieces().split(part)
                for e in _parse_one(piece.strip(" .!"), journey=journey, lang=lang, opened=opened)
            ]
            if len(each) > len(found):
                found = each
        out += found
    if not out and opened and (named := _persona_named(body, journey) or _persona_called(body)):
        out.append(Edit(Op.PERSONA_NAME, value=named))
    # "not youtube, tiktok. we're not on youtube": the place was renamed, not removed
    renamed = {e.target for e in out if e.op is Op.RENAME}
    return [e for e in out if not (e.op is Op.REMOVE and e.target in renamed)]


_NAME_FIRST = re.compile(r"^(?P<n>[A-ZÅÄÖ][a-zåäö]{2,})(?=\s*(?:[,.!]|$)|\s+(?:eikä|not|ei)\b)")


def _persona_named(body: str, journey: JourneyMap) -> str:
    """ "oho ei kun Mikko, Mika on meidän oma työntekijä", "sorry, Jessie not Jess": after a
    correction's opening, a name first, where the persona has another name that the message
    repeats (or the message is the name alone)."""
    person = journey.persona.name
    m = _NAME_FIRST.match(body.strip())
    if not person or m is None or m["n"].casefold() == person.casefold():
        return ""
    said = re.search(rf"\b{re.escape(person)}\b", body, re.IGNORECASE)
    if not said and len(body.split()) > 2:
        return ""
    places = [s.name for s in journey.stages] + [t.name for _, t in journey.touchpoints()]
    if match_name(m["n"], places) or lookup(m["n"], channels(), fuzzy=False):
        return ""
    if yes_no(m["n"]) is not None or is_nothing(m["n"]):
        return ""
    return m["n"]


_CALLED = re.compile(
    r"^(?:(?:sano|sanotaan|kutsu|kutsutaan|nimeä|nimetään)\s+(?:sitä|häntä|hänet|se|persoonaa|"
    r"persoona)\s+(?:(?:mieluummin|vaikka|vaik)\s+)?(?P<fi>[a-zåäöA-ZÅÄÖ]{3,}?)(?:ksi|ks)|"
    r"(?:call|name)\s+(?:her|him|them|the\s+persona)\s+(?P<en>[A-Za-z]{3,}))\b",
    re.IGNORECASE,
)


def _persona_called(body: str) -> str:
    """ "eiku sano sitä kaisaks, katja on meiän oma työntekijä", "wait, call her Dee": after a
    correction's opening, the persona called by another name."""
    m = _CALLED.match(_weak().sub("", body.strip()))
    if m is None:
        return ""
    name = m["fi"] or m["en"]
    return name[:1].upper() + name[1:].lower()


_AFTER_OPENING = frozenset({"not_used"})
"""Rules read only in a message that opens as a correction ("ai ei kun, …", "wait, …")."""


def _parse_one(part: str, *, journey: JourneyMap, lang: Lang, opened: bool = False) -> list[Edit]:
    """The edits of one clause: the first rule, in the files' order, whose handler finds
    what the clause names in the map."""
    _, part = lead_in(part)
    part = _weak().sub("", part)
    # "remove google actually", "poista google oikeestaan": a closing filler, no name
    part = regex(r"\s+(?:{rather}|actually|really|oikeestaan|oikeastaan|oikeesti)$").sub("", part)
    part = re.sub(r"\s+(?:pls|plz|please|kiitos|kiitti)[.!]?$", "", part, flags=re.I)  # "… pls"
    clause = Clause(
        text=part,
        journey=journey,
        lang=lang,
        stages=[s.name for s in journey.stages],
        tps=[t.name for _, t in journey.touchpoints()],
    )
    for each in rules():
        if each.name in _AFTER_OPENING and not opened:
            continue
        for m in each.matches(part):
            found = HANDLERS[each.name](m, clause)
            if found is not None:
                return found
    return []


def feeling_list(text: str, *, journey: JourneyMap) -> list[Edit]:
    """ "sopimus on 0 ja ennakkomaksu -1" after a correction's opening ("anteeks, …"): the
    feelings of places on the map, said again; [] unless the whole text is such pairs."""
    body = text.strip()
    names = [t.name for _, t in journey.touchpoints()]
    out: list[Edit] = []
    at = 0
    for m in FEELING_PAIR.finditer(body):
        if m.start() != at:
            return []
        at = m.end()
        said = words(m["name"])
        name = refer.best(said, names) if len(said) <= 4 else None
        if name is None:
            return []
        out.append(Edit(Op.EMOTION, name, m["score"].replace(" ", "").replace("−", "-")))
    return out if out and at == len(body) else []
