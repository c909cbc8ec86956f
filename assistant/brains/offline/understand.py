"""OfflineBrain.understand: one user message -> MapPatch, by rules and lexicons."""

from __future__ import annotations

import logging
import re
from functools import cache, lru_cache

from assistant.brains.offline import parse as P
from assistant.brains.offline.detail import parse_detail
from assistant.brains.offline.metrics import parse_metrics
from assistant.brains.offline.motivators import parse_motivators
from assistant.brains.offline.problems import (
    parse_emotions,
    parse_problems,
    problem_field,
)
from assistant.brains.offline.rulebook import regex
from assistant.brains.offline.stage_answer import parse_stages
from assistant.lang import refer
from assistant.lang.clauses import clauses, sentences
from assistant.lang.lexicon import channels, cue_list, cues, first_cue, lookup
from assistant.lang.lists import name_items, split_items
from assistant.lang.nothing import is_nothing
from assistant.lang.phrases import (
    channel_verb,
    is_function_word,
    is_verb,
    plausible_name,
    tells_story,
    tidy_touchpoint,
    touchpoint_names,
)
from assistant.lang.tagger import heads, tag
from assistant.lang.words import clean, has_prefix, lemma, words
from assistant.model import BusinessType, Channel, JourneyMap, Lang
from assistant.patch import BusinessPatch, MapPatch, TouchpointPatch
from assistant.turns import Expects, Slot

log = logging.getLogger(__name__)


def understand(*, text: str, slot: Slot, journey: JourneyMap, lang: Lang) -> MapPatch:
    """Never raises: odd input gives an empty or partial patch."""
    text = clean(text)
    if not text:
        return MapPatch()
    try:
        return _understand(text, slot, journey, lang)
    except Exception:  # a parse bug must not end the interview; the user's text is saved anyway
        log.exception("offline understand failed")
        return MapPatch()


def _is_skip(text: str) -> bool:
    return " ".join(words(text)) in _skip_words()


def _skip_words() -> list[str]:

    return [str(c).lower() for c in cues()["skip"]]


def _understand(text: str, slot: Slot, journey: JourneyMap, lang: Lang) -> MapPatch:
    patch = MapPatch()
    e = slot.expects
    if e == Expects.BUSINESS:
        if slot.key == "business_type":
            patch.business = BusinessPatch(business_type=P.business_type(text))
        else:
            patch.business = P.parse_business(text, lang=lang)
    elif e == Expects.PERSONA:
        patch.persona = P.parse_persona(text, key=slot.key or "description", lang=lang)
        if journey.business.business_type is None and slot.key != "goals":
            kind = P.persona_business_type(text)
            patch.business = BusinessPatch(business_type=kind) if kind else None
        elif (
            journey.business.business_type is BusinessType.B2B
            and slot.key == "description"
            and P.private_persona(text)
        ):
            # A business that sells to companies, and its typical customer is a family or a
            # private person with no role: it sells to both ("mökkejä lomailijoille ja myös
            # yrityksille" and then "lapsiperhe pääkaupunkiseudulta").
            patch.business = BusinessPatch(business_type=BusinessType.BOTH)
    elif e == Expects.STAGES:
        patch.stages = parse_stages(text, lang=lang, journey=journey)
    elif e == Expects.TOUCHPOINT_DETAIL and slot.key == "problems":
        patch.touchpoints = parse_problems(text, stage=slot.stage, journey=journey)
        return MapPatch.model_validate(patch.model_dump())
    elif e == Expects.TOUCHPOINT_DETAIL and slot.key == "emotions":
        patch.touchpoints = parse_emotions(text, journey=journey, lang=lang)
        return MapPatch.model_validate(patch.model_dump())
    elif e == Expects.TOUCHPOINT_DETAIL and slot.key == "motivators":
        patch.touchpoints = parse_motivators(text, journey=journey)
        return MapPatch.model_validate(patch.model_dump())
    elif e == Expects.TOUCHPOINTS and (_is_skip(text) or is_nothing(text)):
        pass
    elif e == Expects.TOUCHPOINTS:
        patch.touchpoints = _touchpoints(text, stage=slot.stage, lang=lang, journey=journey)
    elif e == Expects.TOUCHPOINT_DETAIL and slot.touchpoint and not _is_skip(text):
        fields = parse_detail(text, lang=lang, key=slot.key or "detail")
        patch.touchpoints = [TouchpointPatch(stage=slot.stage, name=slot.touchpoint, **fields)]
    elif e == Expects.CRITICAL:
        found = P.parse_critical(text, key=slot.key or "critical", journey=journey)
        patch.first_impression = found.get("first_impression")
        patch.last_memory = found.get("last_memory")
        patch.touchpoints = [_tp_of(journey, n, critical=True) for n in found["critical"]]
    elif e == Expects.METRICS:
        if slot.key == "assumptions":
            patch.assumptions = P.parse_assumptions(text, always=True)
        elif not is_nothing(text):
            metrics, feedback, assumptions = parse_metrics(text, lang=lang)
            patch.metrics, patch.feedback, patch.assumptions = metrics, feedback, assumptions
    _volunteered(patch, text, slot, journey, lang)
    return MapPatch.model_validate(patch.model_dump())


# A sentence that opens with a stage as a place: "Ostossa kassa", "Osto-vaiheessa …",
# "Osto: kassa", "In Purchase the checkout", "During booking …".
_AT_STAGE = re.compile(
    r"^(?:(?:in|at|during|on)\s+(?:the\s+)?\S+|\S+(?:ssa|ssä|lla|llä)\b|\S+\s*:|"
    r"\S+(?:\s+|-)(?:vaiheessa|vaiheen|stage|phase))",
    re.IGNORECASE,
)


def _tp_of(journey: JourneyMap, name: str, **fields: object) -> TouchpointPatch:
    stage = next((s.name for s, t in journey.touchpoints() if t.name == name), None)
    return TouchpointPatch(stage=stage, name=name, **fields)  # type: ignore[arg-type]


_CASE_COLON = re.compile(r"([\w.]+):([a-zåäö]{1,4})\b", re.IGNORECASE)


def _case_ending(m: re.Match[str]) -> str:
    """A case ending after a colon goes from a web address or a known channel ("tori.fi:ssä",
    "ig:ssä"); "PDF:nä" stays as written (the tagger learned it so)."""
    stem = m.group(1)
    known = "." in stem.strip(".") or lookup(stem, channels(), fuzzy=False) is not None
    return stem if known else m.group(0)


_RECEIVES = re.compile(r"\b(?:saa|saavat|gets|get|receives|receive)\b", re.IGNORECASE)
_QUOTED = re.compile(r"""^["'”“‘’].*["'”“‘’]$""")


# The words someone types into a search are no place of their own.
_SEARCHED = re.compile(
    r"(?P<verb>\b(?:hakee|hakevat|hakemalla|haetaan|etsii|etsivät|googlaa|googlaavat|googlettaa|"
    r"kirjoittaa|searches(?:\s+for)?|search(?:ing)?(?:\s+for)?|googles?|googling|type|types)"
    r"(?:\s+(?:hakuun|googleen|googlesta|on google|in google|into google))?)\s*"
    r"[\"'“”‘’«»][^\"'“”‘’«»]{1,60}[\"'“”‘’«»]",
    re.IGNORECASE,
)


def _touchpoints(
    text: str, *, stage: str | None, lang: Lang, journey: JourneyMap
) -> list[TouchpointPatch]:
    """The places an answer names: the learned tagger's names (lang/tagger.py), then the
    rules' names that it missed where they are a known channel ("soitan keväällä" ->
    Puhelu) or its own probabilities support them (_SUPPORT); the rules alone where the
    tagger is not installed. Numbers: benchmarks/NOTES.md, "Understanding, session 8"."""
    text = _CASE_COLON.sub(_case_ending, text)  # "tori.fi:ssä", "ig:ssä": the name itself
    text = _SEARCHED.sub(r"\g<verb>", text)  # "kun hakee 'videotuotanto tampere'": what they type
    kept: list[str] = []
    ruled = _rule_touchpoints(text, stage=stage, lang=lang, journey=journey, kept=kept)
    tagging = tag(" ".join(kept), lang=lang)
    if tagging is None:
        return _not_there(ruled, text, lang)
    names = tagging.names
    out: list[TouchpointPatch] = []
    for n in names:
        if " " not in n and n[:1].isupper() and lookup(n, channels(), fuzzy=False) is None:
            # "our account manager Laura": the tagger took the person, the rules the role
            role = next(
                (
                    t.name
                    for t in ruled
                    if re.search(rf"\b{re.escape(t.name)}\s+{re.escape(n)}\b", text, re.I)
                ),
                None,
            )
            n = role or n
        longer = _longer(n, ruled, lang)
        taken = {o.name.casefold() for o in out} | {m.casefold() for m in names if m != n}
        name = n if longer.casefold() in taken else longer  # "Google", "Google ads"
        out.append(TouchpointPatch(stage=stage, name=name, channel=_channel_of(n)))
    # A one-word list item written with a capital after the first ("Instagram, Ravelry ja
    # käsityömessut") is a proper name the user gave: kept though the tagger passed it by.
    alone = {i.casefold() for i in split_items(" ".join(kept))[1:] if _proper(i)}
    for t in ruled:
        if any(_overlaps(t.name, o.name) for o in out):
            continue
        known = lookup(_spelt_right(t.name, lang), channels(), fuzzy=False)
        if known and any(w in known.forms for o in out for w in words(o.name)):
            continue  # "Site visit": the tagger's place holds the word the rules took as Website
        if (
            known
            or tagging.support(t.name) >= _SUPPORT
            or t.name.casefold() in alone  # "Instagram, Ravelry ja käsityömessut"
            or (lang == Lang.EN and not tagging.names and _listed(t.name, kept))
            or any(heads(w) and set(heads(w)) <= set(heads(t.name)) for w in tagging.located)
        ):
            out.append(t)
    out = [t.model_copy(update={"name": _spelt_right(_tidy(t.name), lang)}) for t in out]
    out = [
        t
        for t in out
        if t.name
        and (t.name.lower() not in _never_alone() or lookup(t.name, channels(), fuzzy=False))
    ]  # "Them" goes, "Some" (social media) stays
    out = _means_for_stage(out, text, stage=stage, lang=lang)
    return _not_there(out, text, lang)


def _means_for_stage(
    found: list[TouchpointPatch], text: str, *, stage: str | None, lang: Lang
) -> list[TouchpointPatch]:
    """ "I send the quote by email" under the stage Quote: the stage's own thing is no place
    of it, the channel it goes by is ("tarjous lähtee sähköpostilla" -> Sähköposti)."""
    if not stage or not any(t.name.casefold() == stage.casefold() for t in found):
        return found
    taken = {t.name.casefold() for t in found}
    for w in words(text):
        entry = (
            lookup(w, channels(), fuzzy=False) or lookup(lemma(w), channels(), fuzzy=False)
            if len(w) > 3 and not is_function_word(w)
            else None
        )
        name = entry.name(lang.value) if entry else ""
        if name and name.casefold() not in taken and name.casefold() != stage.casefold():
            kind = Channel(entry.kind) if entry and entry.kind else None
            return [
                TouchpointPatch(stage=t.stage, name=name, channel=kind)
                if t.name.casefold() == stage.casefold()
                else t
                for t in found
            ]
    return found


def _tidy(name: str) -> str:
    """The name without the words that never end one ("LinkedIn page once" -> "LinkedIn
    page", "Them back" -> "Them", which _never_alone then drops)."""
    ws = name.split()
    while len(ws) > 1 and ws[-1].lower().strip(".,") in _tail_words():
        ws.pop()
    tidy = " ".join(ws)
    return tidy[:1].upper() + tidy[1:] if tidy != name else name


@cache
def _tail_words() -> frozenset[str]:
    return frozenset(cue_list("phrases", "tail"))


@cache
def _never_alone() -> frozenset[str]:
    """Words that are never a name on their own: pronouns and function words."""
    return frozenset(cue_list("phrases", "objects") + cue_list("phrases", "function"))


def _not_there(found: list[TouchpointPatch], text: str, lang: Lang) -> list[TouchpointPatch]:
    """Without the places the user says they are not on or no longer use: "ei olla
    tiktokissa eikä facessakaan, lähinnä instagram", "we tried Google Ads once but stopped"."""
    denied: list[str] = []
    for sentence in sentences(text):
        before: list[str] = []
        for part in clauses(sentence):
            denial = regex(r"{not_there}")
            names = [n for n in _names_in(part, lang) if not denial.fullmatch(n)]  # "Stopped"
            if denial.search(part):
                # "… Google Ads once but stopped": a bare denial takes the clause before
                denied += names or (before if len(words(part)) <= 2 else [])
            before = names
    if not denied:
        return found

    def gone(name: str) -> bool:
        entry = lookup(name, channels(), fuzzy=False)
        return any(
            _overlaps(name, d)
            or (entry is not None and entry == lookup(d, channels(), fuzzy=False))
            for d in denied
        )

    return [t for t in found if not gone(t.name)]


def _names_in(part: str, lang: Lang) -> list[str]:
    names = [tidy_touchpoint(raw, lang=lang) for raw, _ in touchpoint_names(part, lang=lang)]
    names += [e.name(lang) for w in words(part) if len(w) > 2 and (e := lookup(w, channels()))]
    return [n for n in names if n and plausible_name(n, lang=lang)]


def _listed(name: str, kept: list[str]) -> bool:
    """English: whether the name opens an item of a list the tagger found nothing in ("api
    hookup w their order system, or a spreadsheet upload if they're tiny")."""
    items = [i for sentence in kept for i in split_items(sentence)]
    low = name.casefold()
    subjects = set(cue_list("phrases", "subjects")) | {"it"}
    if any(words(i)[:1] and words(i)[0] in subjects for i in items):
        return False  # "we don't, the courier handles that": a story, not a list
    return (
        len(items) >= 2
        and len(name.split()) <= 3
        and any(
            re.sub(r"^(?:(?:or|and|a|an|the|our|their)\s+)+", "", i.casefold()).startswith(low)
            for i in items
        )
    )


def _proper(item: str) -> bool:
    return len(item.split()) == 1 and item[:1].isupper() and item[1:2].islower()


_SUPPORT = 0.2
"""A rule's name joins the tagger's when the tagger gives its words at least this mean
probability of being inside a name. Chosen on the leave-one-set-out table
(benchmarks/touchpoint_tagger.py): 0.1 / 0.2 / 0.3 / never gave 0.79/0.80, 0.80/0.77,
0.80/0.76, 0.80/0.75 over all sets; 0.2 keeps the tagger's precision."""


def _longer(name: str, ruled: list[TouchpointPatch], lang: Lang) -> str:
    """The rules' name when it is the tagger's with one word more that names what kind:
    a Finnish genitive or adjective before it ("Kaverin suositus" for "Suositus"), an
    English noun before or after it ("LinkedIn posts" for "LinkedIn")."""
    mine = name.casefold().split()
    for t in ruled:
        theirs = t.name.casefold().split()
        if len(theirs) != len(mine) + 1:
            continue
        if theirs[1:] == mine:
            extra = theirs[0]
        elif lang == Lang.EN and theirs[:-1] == mine:
            extra = theirs[-1]
        else:
            continue
        if extra.isalpha() and not is_function_word(extra) and not is_verb(extra):
            return t.name
    return name


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` is `b` with one letter left out, added or changed ("gogle", "instgram")."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a[i + 1 :] == b[i + 1 :] or a[i:] == b[i + 1 :] or a[i + 1 :] == b[i:]


@lru_cache(maxsize=4096)
def _spelt_right(name: str, lang: Lang) -> str:
    """A known channel written with a typo, in its own spelling: "Gogle" -> "Google"; a
    word of its own ("Laskuri", "Kaverit") stays as written."""
    low = name.casefold()
    if " " in low or "-" in low or len(low) < 5 or lookup(low, channels(), fuzzy=False):
        return name
    if is_function_word(low):
        return name  # "kanssa" (with) is no typo of Kassa
    for entry in channels():
        for form in (f.casefold() for f in entry.forms if " " not in f and len(f) >= 5):
            # an inflected or plural form is no typo ("Kaverit", "Suosittelut", "Referrals")
            # nor a word that ends another ("posti" in "sposti": the post is no email)
            ends = form.endswith(low) or low.endswith(form)
            if _one_edit(low, form) and not (low.startswith(form) or form.startswith(low) or ends):
                return entry.name(lang.value)
    return name


def _channel_of(name: str) -> Channel | None:
    entry = lookup(name, channels(), fuzzy=False)
    return Channel(entry.kind) if entry and entry.kind else None


def _overlaps(a: str, b: str) -> bool:
    """Whether one name holds the other's words (by their first five letters): "Google" and
    "Google-arvostelut" do, "Instagram posts" and "Instagram ads" do not (two places)."""
    wa, wb = set(heads(a)), set(heads(b))
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _rule_touchpoints(
    text: str, *, stage: str | None, lang: Lang, journey: JourneyMap, kept: list[str]
) -> list[TouchpointPatch]:
    out: list[TouchpointPatch] = []
    others = [s.name for s in journey.stages if s.name != stage]
    seen: set[str] = set()
    for sentence in sentences(text):
        ws = words(sentence)
        if _AT_STAGE.match(sentence.strip()) and any(P.mentions(ws[:2], o) for o in others):
            continue  # volunteered for another stage: _volunteered takes it
        kept.append(sentence)
        # "Nettisivut ja puhelin. Moni soittaa ja kysyy hintaa etukäteen.": after the list, a
        # sentence about the customers describes a place already named; only a known
        # channel in it is a new touchpoint, never its object ("hintaa").
        describes = bool(out) and bool(ws) and is_function_word(ws[0])
        describes = describes and not _RECEIVES.search(sentence)
        for part in clauses(sentence):
            if _complains(part) or is_nothing(part):
                continue  # a pain point is not a place
            if out and _QUOTED.match(part.strip()):
                continue  # "Google, 'florist near me'": what they search for, not where
            # "Asiakas saa myös testipaketin": what the customer is given is a place too
            story = bool(out) and tells_story(part) and not _RECEIVES.search(part)
            before = len(out)
            for raw, entry in touchpoint_names(part, lang=lang):
                name = tidy_touchpoint(raw, lang=lang)
                cut = len(name.split()) < len(raw.split()) and not re.search(r"[\s-]", name)
                again = name_items(name, lang=lang) if cut else []
                if len(again) == 1 and again[0][1] is not None:
                    name, entry = again[0]  # "ig ne seuraa meitä" -> "Ig" -> Instagram
                if not name or name.casefold() in seen or is_nothing(name):
                    continue
                if (describes or story) and entry is None:
                    continue
                if not plausible_name(name, lang=lang):
                    continue
                seen.add(name.casefold())
                channel = Channel(entry.kind) if entry and entry.kind else None
                out.append(TouchpointPatch(stage=stage, name=name, channel=channel))
            said = channel_verb(part, lang) if len(out) == before else None
            if said and said[0].casefold() not in seen:  # "soitan keväällä": the phone
                seen.add(said[0].casefold())
                kind = Channel(said[1].kind) if said[1].kind else None
                out.append(TouchpointPatch(stage=stage, name=said[0], channel=kind))
    return out


def _complains(clause: str) -> bool:
    """A pain or blocker cue as a word of its own ("jono"), not inside a name
    ("odotushuone" is a waiting room, not "odotus")."""
    ws = words(clause)
    for field in ("pain_points", "blockers"):
        for cue in cue_list("detail", field):
            i = has_prefix(ws, cue)
            if i >= 0 and (" " in cue or len(ws[i]) - len(cue) <= 4):
                return True
    return False


# "asiakaspalvelu puhelimessa jos tulee ongelmia": where they turn if trouble comes, no pain
_IF_TROUBLE = re.compile(
    r"\b(?:jos|kun|ku|if|when|in case)\s+(?:\w+\s+){0,3}?(?:ongelm\w*|vik\w*|vika|problems?|"
    r"issues?|something goes wrong|anything goes wrong|jotain)\b",
    re.IGNORECASE,
)


def _volunteered(patch: MapPatch, text: str, slot: Slot, journey: JourneyMap, lang: Lang) -> None:
    """Mixed initiative: touchpoints named with their stage ("Ostossa kassa ja verkkokauppa"),
    and a pain point said of a touchpoint by its name ("Kassalla jono on pahin kohta").

    A pain point needs a complaint word of its own ("jono", not "odotushuone") and a
    touchpoint named outright; a shared word or a guess is not enough."""
    if slot.expects not in (Expects.TOUCHPOINTS, Expects.METRICS, Expects.FREE):
        return
    if slot.key == "assumptions":
        return  # "se että puhelin on iso ongelma on arvaus": what is a guess, not a new pain
    known = [(s.name, t.name) for s, t in journey.touchpoints()]
    known += [(t.stage or slot.stage or "", t.name) for t in patch.touchpoints]
    names = list(dict.fromkeys(n for _, n in known))
    # "… re-enrollment rate per term, and waiting list length": a sentence read as measures
    # or feedback channels names what is followed, never a pain of the place it names
    taken = [m.name.casefold() for m in patch.metrics or []] + [
        f.casefold() for f in patch.feedback or []
    ]
    for sentence in sentences(text):
        if not _complains(sentence) or is_nothing(sentence) or _IF_TROUBLE.search(sentence):
            continue
        if any(t and t in sentence.casefold() for t in taken):
            continue
        named = refer.best(words(sentence), names)
        if named is None or refer.strength(words(sentence), named) < refer.ALIAS:
            continue
        stage_name = next(s for s, n in known if n == named)
        found = TouchpointPatch(stage=stage_name or None, name=named)
        setattr(found, problem_field(sentence), [sentence[:300]])
        patch.touchpoints.append(found)
    if slot.expects not in (Expects.TOUCHPOINTS, Expects.FREE):
        return
    for sentence in sentences(text):
        ws = words(sentence)
        if slot.expects in (Expects.STAGES, Expects.METRICS) or len(ws) > 10:
            continue
        for stage in journey.stages:
            if stage.name == slot.stage or not P.mentions(ws[:2], stage.name):
                continue
            if not _AT_STAGE.match(sentence.strip()):
                continue  # "valmis suunnitelma pdf" names no stage Suunnittelu: a place opens
            rest = " ".join(sentence.split()[1:])
            if rest and first_cue(words(rest), "detail", "pain_points") < 0:
                for name, entry in name_items(rest, lang=lang):
                    channel = Channel(entry.kind) if entry and entry.kind else None
                    patch.touchpoints.append(
                        TouchpointPatch(stage=stage.name, name=name, channel=channel)
                    )
