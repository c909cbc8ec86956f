"""Offline reading of the per-stage problems answer and the feelings answer: clauses
routed into fields and touchpoints, nothing invented.

A clause goes to the touchpoint it names (by the name's own words, inflected or with a
typo, never by one shared word of a longer name); a clause that names none stays with
the touchpoint of the clause before it, or the stage's first touchpoint. "Ei mitään",
"no problems" and negated complaints ("asiakkaat ei valita hinnasta") store nothing.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.lang import refer
from assistant.lang.clauses import classify, clauses, sentences
from assistant.lang.feelings import emotion, number
from assistant.lang.lexicon import cues, lexicon
from assistant.lang.nothing import is_nothing, opens_with_nothing
from assistant.lang.phrases import is_function_word
from assistant.lang.verbs import is_verb
from assistant.lang.words import clean, has_prefix, unglue_stage, words
from assistant.model import JourneyMap
from assistant.patch import TouchpointPatch

_EXCEPT = re.compile(
    r"[\s,.]+(?:paitsi(?:\s+(?:et|että))?|except(?:\s+(?:that|for))?|but|mut(?:ta)?|tai no|well|"
    r"although|apart from)\s+",
    re.IGNORECASE,
)
_AND = re.compile(r"\s+(?:ja|sekä|and|plus|also|myös)\s+|\s*;\s*", re.IGNORECASE)
_IF = re.compile(r"^(?:jos|if|kun|when)\b", re.IGNORECASE)


@cache
def _cues(name: str) -> tuple[str, ...]:
    return tuple(str(c).lower() for c in cues()[name])


def _fillers() -> frozenset[str]:
    return frozenset(_cues("fillers"))


def _has(ws: list[str], name: str) -> bool:
    return any(has_prefix(ws, c) >= 0 for c in _cues(name))


def tidy(clause: str) -> str:
    """The clause without opening fillers and closing punctuation."""
    toks = clause.strip(" .,!;:-–").split()
    while toks and toks[0].lower().strip(",.") in _fillers():
        toks.pop(0)
    return " ".join(toks).strip(" .,!;:-–")


def touchpoint_of(ws: list[str], names: list[str]) -> str | None:
    """The touchpoint the words refer to, if any."""
    return refer.best(ws, names)


def _pieces(text: str) -> list[str]:
    """Clauses, and "X ja Y" split when both halves say something of their own."""
    out: list[str] = []
    for clause in clauses(text):
        parts = [p for p in _AND.split(clause) if p.strip()]
        signals = [_is_problem(words(p)) for p in parts]
        if len(parts) > 1 and all(signals):
            out += parts
        else:
            out.append(clause)
    return out


def _is_problem(ws: list[str]) -> bool:
    return (
        _has(ws, "problem_signals")
        or _has(ws, "leaving")
        or bool(classify(" ".join(ws), "detail", ("pain_points", "doubts", "blockers")))
    )


_PRICE = re.compile(
    r"(?:\d[\d\s,.]*\s?(?:€|e\b|eur\w*|£|\$|pounds?|dollars?|euros?)|[€£$]\s?\d)", re.IGNORECASE
)
_DEAR = re.compile(
    r"\b(?:paljon|kallis\w*|kallii\w*|kova|suolainen|iso|steep|pricey|a lot|much|high|expensive|"
    r"too|liikaa|liian)\b",
    re.IGNORECASE,
)


_COMPARE = re.compile(
    r"\b(?:vertaa\w*|vertail\w*|compar\w*|vs\.?|versus|halvemp\w*|halvi\w*|halpo\w*|halvat|"
    r"cheaper|cheapest|cheap|kalliimp\w*|korkeamp\w*|korkeemp\w*|kovemp\w*|higher than|"
    r"more expensive|worth it|worth the|worth €|"
    r"vastinet\w*)(?!\w)",
    re.IGNORECASE,
)
_BARE_PRICE = re.compile(
    r"^(?:(?:no|ja|and|also|ehkä|maybe|kai|tietty|tietysti|of course|sit|then|the|our|meidän)\s+)*"
    r"(?:hinta|hinnat|price|prices|pricing|the price|cost|costs|hinnoittelu)"
    r"(?:\s+(?:ehkä|maybe|tietty|tietysti|of course|kai|varmaan|probably|too|myös|also))*$",
    re.IGNORECASE,
)


_PRICE_WORD = re.compile(
    r"\b(?:\w*hint[aeo]\w*|\w*hinn\w*|prices?|pricing|costs?)\b", re.IGNORECASE
)  # "hinta", "kilohinta", "hinnat"


def _price_doubt(clause: str) -> bool:
    """The price weighed against others: "moni kattoo halvempia", "our price vs the big
    consultancies", "they compare per gram to the wholesaler", or the price alone ("hinta
    tietty", "price."): a doubt under "what makes them hesitate?"."""
    text = clause.strip(" .,!")
    if _BARE_PRICE.match(text):
        return True
    if _NO_COMPARE.search(text) and not _PRICE_WORD.search(text):
        return False  # "ettei heillä ole voimia vertailla": no comparing at all
    return bool(_COMPARE.search(text))


_NO_COMPARE = re.compile(r"\b(?:ei|ettei|eikä|eivät|en|not|no|don't|can't|cannot)\b", re.IGNORECASE)


def _too_dear(clause: str) -> bool:
    """A price said with a word of its weight: "body 29 euroa on monelle paljon", "89 €
    feels steep" (a doubt about the price, though no doubt word is said)."""
    return bool(_PRICE.search(clause)) and bool(_DEAR.search(clause))


_UNSURE = re.compile(
    r"\b(?:aren't sure|isn't sure|not sure|unsure|don't know (?:what|whether|if|how|which)|"
    r"doesn't know (?:what|whether|if|how|which)|ei (?:oo|ole) varma|eivät ole varmoja|"
    r"ei oo varmoja|(?:don'?t|doesn'?t|do not|does not) know (?:what|whether|if|how|which)|"
    r"(?:ei|eivät|en) (?:tiedä|tiiä|tii|tiedetä|ymmärrä) (?:mi\w+|kuinka|paljonko|kumpi\w*|"
    r"ke\w+|\w+(?:ko|kö)))\b",
    re.IGNORECASE,
)


_ASKS = re.compile(
    r"\b(?:onko|riittääkö|kannattaako|saako|toimiiko|pitääkö|uskaltaako|whether|if it|"
    r"wonder|not sure|unsure|onks|oliks|tuleeks|saaks|pitääks|kannattaaks|riittääks|"
    r"toimiiks|osaaks|uskaltaaks)\b|\w{2,}[^k\W](?:ko|kö)\b",  # "onko", never "heikko", "teko"
    re.IGNORECASE,
)
# "the quote takes us a week to send", "the app keeps logging people out": a trouble said
# without a word of trouble
_SLOW_OR_BROKEN = re.compile(
    r"\b(?:takes?|took|kestää|kesti|vie|veis|menee|meni|mennyt|menny)\s+"
    r"(?:(?:us|me|them|meiltä|multa|meillä|mulla|usein|aina|helposti|often|always)\s+)?"
    r"(?:(?:about|like|around|up\s+to|jopa|yli|noin|n\.|pari|\d+|a|an|one|two|three|several|many)\s+)*"
    r"(?:week|weeks|days|months|päivää|päivän|viikon|viikkoa|viikkoja|kuukauden|kuukausia|kuukautta)\b|"
    r"\bkeeps?\s+(?:crashing|failing|freezing|breaking|dropping|logging\s+\w+\s+out|timing\s+out)\b",
    re.IGNORECASE,
)
_ASKING = re.compile(r"\b(?:kysyy|kysyvät|kyselee|miettii|miettivät|asks?|ask)\b", re.IGNORECASE)


def _field(clause: str, ws: list[str]) -> str:
    if _IF.match(clause) and _has(ws, "leaving"):
        return "blockers"  # "jos ei oo varma ni ostaa ikeasta": unsure, and then they go
    if _UNSURE.search(clause):
        return "doubts"  # "some are unsure whether they can cancel": a doubt, not leaving
    if (_too_dear(clause) or _price_doubt(clause)) and not _has(ws, "leaving"):
        return "doubts"
    if _has(ws, "leaving"):
        return "blockers"  # "jos ei oo aikaa viikon sisään ne menee muualle"
    if clause.rstrip().endswith("?") or _ASKS.search(clause):
        return "doubts"
    found = classify(clause, "detail", ("blockers", "doubts", "pain_points"))
    if (
        found == "blockers"
        and not _has(ws, "leaving")
        and classify(clause, "detail", ("pain_points",))
    ):
        return "pain_points"  # "hidas vastaus ärsyttää": slow is a pain until they leave
    if found:
        return found
    return "blockers" if _has(ws, "leaving") else "pain_points"


def _doubting(clause: str) -> bool:
    return classify(clause, "detail", ("doubts", "pain_points")) == "doubts"


def problem_field(clause: str) -> str:
    """pain_points, doubts or blockers for one clause that states a problem."""
    return _field(clause, words(clause))


def _stage_touchpoints(journey: JourneyMap, stage: str | None) -> list[str]:
    s = journey.stage(stage) if stage else None
    return [t.name for t in s.touchpoints] if s else []


_CONTINUES = re.compile(
    r"^(?:which|that|so that|koska|vaan|vain|ainoastaan|pelkästään|only|sillä|eli|mikä|joka|jolloin|lots of|paljon|because|since|"
    r"varsinkin|etenkin|especially|se|it|this|tää|tämä|that's|it's|which's|siinä|siitä|they're|"
    r"sitä|sen takia|that's why|not because|eikä siksi|ei siksi)\b|"
    r"^(?:\S+\s+){0,3}(?:that|it|this|them|sitä|siitä)$",
    re.IGNORECASE,
)
# "Tää on se hermostuttavin kohta", "That's the one that annoys them", "se on pahin": a
# pointer at the place or the problem before it, no problem of its own.
_POINTER = re.compile(
    r"^(?:se|tää|tämä|this|that|it)(?:'s|’s|\s+is|\s+on)?\s+(?:(?:just|the|se|ihan|kyllä|"
    r"varmaan|really|oikeesti)\s+)*(?:\w+(?:in|mpi|est)\s+)?(?:kohta|vaihe|juttu|asia|part|"
    r"one|bit|thing|moment|pahin|worst|hankalin|vaikein)\b",
    re.IGNORECASE,
)
_GOOD_SIDE = re.compile(
    r"^(?:on the (?:plus|bright) side|the good (?:thing|part|news)|hyvä puoli|hyvää on|"
    r"positiivista(?: on)?|plussaa(?: on)?|onneksi)\b",
    re.IGNORECASE,
)
# "mä en tiiä onks tää ongelma", "not sure if this is a problem": talk about the answer
_META = re.compile(
    r"^(?:mä |mää |minä |i )?(?:en tiedä|en tiiä|en tii|don't know|dont know|not sure|"
    r"i'm not sure)\s+(?:onko|onks|if|whether)\s+(?:tää|tämä|se|this|that|it)(?:'s|\s+is)?"
    r"(?:\s+on)?(?:\s+(?:mikään|really|a|an|oikeesti|oikeastaan))*\s+(?:ongelma|problem|issue)\b",
    re.IGNORECASE,
)
# "mut ei se asiakasta haittaa", "it doesn't bother them": the clause before is no trouble
_NOT_BOTHERED = re.compile(
    r"(?:^|[,;]\s*|\s(?:mut|mutta|but|ja|and)\s+)(?:ei|eikä|eipä)\s+(?:se|ne|tää|toi|sitä|niitä)?\s*"
    r"(?:\w+\s+){0,2}?(?:haittaa|häiritse)(?:\s+\w+){0,2}[\s.!]*$"
    r"|(?:^|[,;]\s*|\s(?:but|and)\s+)(?:it|that|this|they)\s+(?:doesn't|does not|don't|do not)\s+"
    r"(?:really\s+)?(?:bother|matter\s+to|affect)\s+(?:them|the customer|customers|anyone)\b"
    r"[\w\s]{0,20}[.!]*$",
    re.IGNORECASE,
)
# "asiakas miettii, riittääkö kapasiteetti": who wonders, and then what
_WONDERS = re.compile(
    r"^(?:\w+\s+){0,2}(?:miettii|miettivät|pohtii|pohtivat|epäröi|epäröivät|kysyy|kysyvät|"
    r"kyselee|kyselevät|wonders?|asks?|ask themselves|are unsure|is unsure)$",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"^(?:(?:ehkä|paitsi|tosin|mut|mutta|though|but|maybe|except|apart from)\b"
    r"(?:\s+(?:se|that|the fact that))?(?:\s+(?:et|että))?|se\s+(?:et|että)|the fact that)\s*",
    re.IGNORECASE,
)
# "ilmainen peruutus saa ne yleensä varaamaan", "the free trial usually wins them over"
_MOVES = re.compile(
    r"\bsaa\w*\s+(?:\w+\s+){0,2}(?:varaamaan|ostamaan|tilaamaan|jatkamaan|tulemaan|palaamaan)\b|"
    r"\bwins?\s+(?:\w+\s+)?over\b|\bgets? them to (?:book|buy|stay|sign)\b",
    re.IGNORECASE,
)
_BARE_NEGATION = frozenset(
    {"ei", "eivät", "en", "eikä", "not", "no", "n't", "never", "don't", "doesn't"}
)


def _own_trouble(ws: list[str]) -> bool:
    """Whether a clause that tells of leaving also names a trouble of its own ("uutiskirjeitä
    tulee liikaa niin ne perutaan", "a few bad reviews scare people off"): then it is its own
    blocker, not the consequence of the clause before it."""
    if any(w.startswith(("halvem", "cheaper")) for w in ws):
        return True  # "jotkut ottaa halvemman tarjouksen": a competitor wins, a trouble itself
    rest = list(ws)
    for cue in _cues("leaving"):
        at = has_prefix(rest, cue)
        if at >= 0:
            del rest[at : at + len(cue.split())]
    rest = [w for w in rest if w not in _BARE_NEGATION]
    return _has(rest, "problem_signals")


# "a few have cancelled because of that": a consequence of the item before it
_BECAUSE_THAT = re.compile(
    r"\b(?:because of (?:that|it|this)|due to (?:that|it)|sen (?:takia|vuoksi|myötä)|siksi|"
    r"tämän takia|that's why)\b",
    re.IGNORECASE,
)
# "parents hate that part", "vanhemmat vihaa sitä kohtaa": the clause before is the part
_THAT_PART = re.compile(
    r"\b(?:that|this)\s+(?:part|bit|stage|moment)\b|\b(?:sitä|tätä|tota|tuota)\s+"
    r"(?:kohtaa|vaihetta|osaa|hetkeä)\b",
    re.IGNORECASE,
)
_ABOUT_IT = re.compile(r"\b(?:siitä|sitä|siihen|about it|about that|about this)\b", re.IGNORECASE)
_WHICH = re.compile(
    r"^(?:which|mikä|joka|jolloin|se|it|this|that|tää|tämä)(?:'s|’s)?\b", re.IGNORECASE
)
_BACK = re.compile(
    r"^(?:se|tää|tämä|it|this|that)(?:'s|’s)?\s+(?!on\s+(?:ok|hyvä|fine))\w", re.IGNORECASE
)
_AFTERWORD = re.compile(
    r"^(?:se on (?:oikeastaan |oikeestaan )?ainoa|siinä kaikki|that's it|that's all|"
    r"muuten (?:menee|on|ok|hyvin)|otherwise|muuten kaikki)\b",
    re.IGNORECASE,
)


def _without_names(text: str, names: list[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text, flags=re.IGNORECASE)
    return text


def _positive(item: str) -> bool:
    felt = emotion(item)
    return felt is not None and felt[0] > 0


def parse_problems(text: str, *, stage: str | None, journey: JourneyMap) -> list[TouchpointPatch]:
    """Pains, doubts and blockers of one stage, each at the touchpoint it belongs to.

    Under "what is hard here?" a clause is a problem unless it says there is none, is a
    negated complaint, or is context after a "nothing" ("Nothing special, word spreads").
    A consequence ("..., many quit the form") stays with its cause and makes it a blocker."""
    text = clean(text)
    if not text or is_nothing(text):
        return []
    if m := _EXCEPT.search(text):
        head, rest = text[: m.start()], text[m.end() :]
        # "reviews are mostly good so not really, except …": a nothing that ends the head
        said_none = re.split(r"\b(?:so|eli|joten|niin)\b", head)[-1]
        if (is_nothing(head.strip(" ,.")) or is_nothing(said_none.strip(" ,."))) and rest.strip():
            text = rest  # "ei mitään, paitsi et parkkipaikkoja on tosi vähän"
    own = _stage_touchpoints(journey, stage)
    if not own:
        return []
    items: list[list[str]] = []  # [touchpoint, field, text]
    current = own[0]
    after_nothing = False
    quiet_before = ""  # the last clause passed over as context
    placed: set[int] = set()  # the items whose place the user named
    # In a longer answer a clause with no sign of trouble is context ("We have an online
    # level test"), not a problem; a one-clause answer to "what is hard?" is the problem.
    many = sum(len(_pieces(s)) for s in sentences(text)) > 1
    for sentence in sentences(text):
        if _GOOD_SIDE.match(sentence.strip()):
            continue  # "On the plus side, when the same carer comes, dad relaxes."
        if _NOT_BOTHERED.search(sentence.strip()):
            after_nothing = True  # "joskus reskontra kyselee viitteitä, mut ei se haittaa"
            continue
        first_in_sentence = len(items)
        carry = ""
        after_if = if_complete = False
        skipped = ""  # the clause before, kept as context: "X, which annoys them" is one
        pieces = _pieces(sentence)
        for piece in pieces:
            item = tidy(piece)
            ws = words(item)
            if (
                len(items) > first_in_sentence
                and len(ws) == 2
                and ws[0] in ("ei", "eikä", "not", "no")
                and len(ws[1]) >= 4
                and ws[1][:4] in items[-1][2].lower()
            ):
                # "mietityttää et maksaako tää käynti jotain, ei maksa": the answer to the
                # question before, no problem of its own
                items[-1][2] = f"{items[-1][2]}, {item}"[:300]
                continue
            said_none = (
                is_nothing(item)
                or is_nothing(piece.strip(" .,!;:-–"))
                # "kassalla ei oo mitään ongelmia": the place, then nothing
                or (
                    len(ws) > 2
                    # "kokouksissa ei ongelmia": a place word (named or in a place case)
                    and (
                        bool(touchpoint_of(ws[:1], own))
                        or ws[0].endswith(("ssa", "ssä", "lla", "llä"))
                    )
                    and is_nothing(" ".join(ws[1:]))
                )
            )
            said_none = said_none and not _has(ws, "leaving")  # "ei oo mitään syytä tulla"
            if not ws or said_none or _AFTERWORD.match(item):
                after_nothing = after_nothing or said_none
                continue
            if opens_with_nothing(item) and not _has(ws, "leaving"):  # "ei oo mitään syytä tulla"
                after_nothing = True  # "ei mitään erityistä ne löytää meidät kyllä"
                continue
            if _has(ws, "negated_ok"):
                continue
            if _META.match(item):
                continue
            if _POINTER.match(item) and len(ws) <= 8 and not touchpoint_of(ws, own):
                if items:
                    items[-1][2] = f"{items[-1][2]}, {item}"[:300]
                elif (
                    quiet_before
                ):  # "Tickets sit in Jira for days. That's the one that annoys them."
                    where = touchpoint_of(words(quiet_before), own) or current
                    items.append([where, "pain_points", f"{quiet_before}, {item}"[:300]])
                continue
            if (len(ws) == 1 or _WONDERS.match(item)) and not carry:
                carry = item  # "Epäilevät, osaavatko kääntäjät termit": one clause
                continue
            if carry:
                item, piece = f"{carry}, {item}", f"{carry}, {piece}"
                ws = words(item)
                carry = ""
            # Cues are read around the touchpoint names: "Drop off itself is fine" names a
            # place, and "drop off" is no leaving there.
            cued = words(_without_names(item, own)) or ws
            if (classify(item, "detail", ("motivators",)) or _MOVES.search(item)) and not _has(
                cued, "leaving"
            ):
                # "…, but the free trial month usually wins them over": what moves them on
                if len(items) > first_in_sentence and _CONTINUES.match(item):
                    items[-1][2] = f"{items[-1][2]}, {item}"[:300]  # "…, not because they love us"
                    continue
                named = touchpoint_of(ws, own)
                current = named or current
                items.append([current, "motivators", item[:300]])
                continue
            hedged = after_nothing and bool(_HEDGE.match(item))
            if hedged:  # "ei mitään isompaa. ehkä se et kuitti tulee vasta monen päivän päästä"
                item = _HEDGE.sub("", item, count=1)
                ws = words(item) or ws
            priced = _price_doubt(item)
            signal = (
                (_is_problem(cued) or item.endswith("?") or _negative(item) or _too_dear(item))
                or priced
                or hedged
                or bool(_UNSURE.search(item))
                # "moni kysyy myös onko tuote varmasti varastossa": what they ask is a doubt
                or (bool(_ASKING.search(item)) and bool(_ASKS.search(item)))
            )
            # "the quote takes us a week to send": a duration is a trouble of its own; after a
            # plain clause ("portaalit ovat kankeita, … vie päivän") the two are one problem
            slow = not signal and bool(_SLOW_OR_BROKEN.search(item))
            signal = signal or slow
            if (
                len(items) > first_in_sentence
                and items[-1][1] == "doubts"
                and _BARE_PRICE.match(items[-1][2].strip(" .,!"))
                and len(ws) >= 4
                and not touchpoint_of(ws, own)
                and not _ours(item)  # "hinta tietty, meidän katteet on pienet": our side
                # "hinta tietysti, ja moni miettii onko …": a trouble of its own
                and classify(item, "detail", ("pain_points", "blockers")) is None
                and not _ASKS.search(item)
            ):
                # "the price, i can't say it exactly before i open it up": what follows the
                # bare word says what about the price
                items[-1][2] = f"{items[-1][2]}, {item}"[:300]
                continue
            if (
                priced
                and items
                and items[-1][1] == "doubts"
                and (
                    _BARE_PRICE.match(items[-1][2].strip(" .,!"))
                    or (
                        len(items) > first_in_sentence
                        and (
                            _price_doubt(items[-1][2])
                            # "hinta mietityttää monia, ne vertaa …": a short word on the price
                            or (_PRICE_WORD.search(items[-1][2]) and len(words(items[-1][2])) <= 4)
                        )
                    )
                )
            ):
                # "hinta tietty, … asiakas vertaa aina halvimpaan": one doubt about the price
                items[-1][2] = f"{items[-1][2]}, {item}"[:300]
                continue
            negated = not signal and _has(cued, "negations")
            signal = signal or negated
            leaving = _has(cued, "leaving")
            same_sentence = len(items) > first_in_sentence
            # "if there's no SSO they walk away, and the pricing page confuses everyone": a
            # clause with a trouble of its own is no consequence of the if-clause
            consequence = (
                after_if and not _IF.match(item) and not (if_complete and _own_trouble(cued))
            )
            # "Luonnos kestää pari viikkoa. Se venyttää päätöstä.": "se" opening the next
            # sentence goes on about the item before it.
            place = touchpoint_of(ws, own)
            if (
                items
                and not same_sentence
                and place
                and len(items) - 1 not in placed
                and _ABOUT_IT.search(item)
                and len(ws) <= 8
            ):
                # "…nettiyhteys on heikko. Yritysryhmät valittavat siitä kokoustilassa.": the
                # sentence says where the problem before it is, no problem of its own
                items[-1][0] = place
                items[-1][2] = f"{items[-1][2]}, {item}"[:300]
                placed.add(len(items) - 1)
                continue
            back = (
                bool(items)
                and not same_sentence
                and signal
                and (
                    bool(_BACK.match(item))
                    or (leaving and bool(_BECAUSE_THAT.search(item)))
                    # "… ei ole hintoja. Moni jättää siihen.": the leaving alone is its end
                    or (leaving and len(ws) <= 4 and len(pieces) == 1 and not _own_trouble(cued))
                )
                and touchpoint_of(ws, own) in (None, items[-1][0])
                # "And dates - finding a day … is a nightmare, that alone can stall a deal":
                # "that" is the clause just passed over in this sentence, not the item before
                and not (skipped and (leaving or _WHICH.match(item)))
            )
            # "…, and corporate clients need a purchase order raised, which can take ages":
            # "which" is the clause just passed over, a problem of its own with it
            which_skipped = bool(skipped) and signal and bool(_WHICH.match(item))
            if not which_skipped and (
                back
                or (
                    same_sentence
                    and (
                        _CONTINUES.match(item)
                        or _THAT_PART.search(item)
                        or consequence
                        or negated
                        or (leaving and not _IF.match(item) and not _own_trouble(cued))
                        # "Osa karsiutuu jo siinä, kun meillä ei ole ISO-sertifikaattia": the
                        # reason after a leaving says why they leave, no problem of its own
                        or (
                            _IF.match(item) is not None
                            and items[-1][1] == "blockers"
                            and len(words(items[-1][2])) <= 5
                        )
                    )
                )
            ):
                if same_sentence and _THAT_PART.search(item):
                    # "X on kaaos, märkä ja ahdas, asiakkaat vihaa sitä kohtaa": "that part"
                    # is everything the sentence said of the place, one problem
                    if skipped:
                        item = f"{skipped}, {item}"
                    while len(items) - first_in_sentence > 1 and items[-2][0] == items[-1][0]:
                        last = items.pop()
                        items[-1][2] = f"{items[-1][2]}, {last[2]}"[:300]
                prev = items[-1]
                prev[2] = f"{prev[2]}, {item}"[:300]
                if leaving:
                    prev[1] = "blockers"
                elif prev[1] == "pain_points" and _BACK.match(item) and _doubting(item):
                    prev[1] = "doubts"  # "hinnat ei oo netissä ja se mietityttää monia"
                after_if = False
                continue
            after_if = bool(_IF.match(item))
            if_complete = after_if and leaving  # "if there's no SSO they walk away"
            quiet = (after_nothing and not hedged) or _positive(item) or len(ws) <= 1 or many
            if not signal and not after_if and quiet:
                # "Changing rooms are chaos, cold and crowded, parents hate that part": a
                # short clause goes on about the one passed over before it
                joined = bool(skipped) and len(ws) <= 4
                skipped = quiet_before = f"{skipped}, {item}" if joined else item
                continue
            if (slow or which_skipped) and skipped:
                item = f"{skipped}, {item}"  # "portaalit ovat kankeita, … vie päivän"
                ws = words(item)
            elif (
                skipped
                and signal
                and not same_sentence
                and (_WHICH.match(item) or leaving or _THAT_PART.search(item))
            ):
                item = (
                    f"{skipped}, {item}"  # "the app notes say 'all fine', which doesn't reassure"
                )
            skipped = ""
            named = touchpoint_of(ws, own)
            current = named or current
            if named:
                placed.add(len(items))
            items.append([current, _field(piece, ws), item[:300]])
        if carry and len(items) > first_in_sentence and len(words(carry)) == 1:
            # "… eikä firman omat sopimushinnat, ärsyttää": the word says what the clause was
            items[-1][2] = f"{items[-1][2]}, {carry}"[:300]
        elif carry and (_is_problem(words(carry)) or _negative(carry)):
            # "toimitusvarmuus n. 85 %, myöhästymisiä": the word ends the sentence it opens
            said = f"{skipped}, {carry}" if skipped and len(items) == first_in_sentence else carry
            where = touchpoint_of(words(said), own) or current
            items.append([where, _field(carry, words(carry)), said[:300]])
    if not items and not after_nothing:
        items = _terse(text, own) or _said_whole(text, own)
    out = []
    for tp, field, said in items:
        patch = TouchpointPatch(stage=stage, name=tp)
        setattr(patch, field, [said])
        out.append(patch)
    return out


_TERSE_WORDS = 5
_COMMAND = re.compile(
    r"^(?:poista|siirrä|lisää|ota|jätä|vaihda|nimeä|korjaa|remove|delete|move|add|drop|rename|fix)\b",
    re.IGNORECASE,
)


def _terse(text: str, own: list[str]) -> list[list[str]]:
    """A terse answer with no word of trouble in it is still what is hard there: "crowded
    4-7pm, showers sometimes cold" (read only when nothing else was found: a few short
    clauses, none about the business itself, a good thing, or an edit)."""
    pieces = [tidy(p) for s in sentences(text) for p in _pieces(s)]
    pieces = [p for p in pieces if words(p)]
    if not 1 <= len(pieces) <= 3:
        return []
    if any(
        len(words(p)) > _TERSE_WORDS
        or _ours(p)
        or _positive(p)
        or _LIKED.search(p)
        or _COMMAND.match(p)
        or is_nothing(p)
        or _has(words(p), "negated_ok")  # "asiakkaat ei valita hinnasta"
        for p in pieces
    ):
        return []
    out: list[list[str]] = []
    current = own[0]
    for p in pieces:
        if out and (len(words(p)) == 1 or _CONTINUES.match(p) or _SO.match(p)):
            out[-1][2] = f"{out[-1][2]}, {p}"[:300]  # "…, siitä tulee sanomista", "…, anoying"
            continue
        current = touchpoint_of(words(p), own) or current
        out.append([current, "pain_points", p[:300]])
    return out


def _said_whole(text: str, own: list[str]) -> list[list[str]]:
    """One sentence answering "what is hard here?" with no word of trouble in it is still
    the trouble: "People often enquire without a date or headcount, so it takes several
    emails back and forth before we can even quote" (not about the business itself, nor a
    good thing, an edit or a question)."""
    said = sentences(text)
    if len(said) != 1 or len(words(said[0])) > 40:
        return []
    one = tidy(said[0])
    if (
        not words(one)
        or _ours(one)
        or _positive(one)
        or _LIKED.search(one)
        or _COMMAND.match(one)
        or is_nothing(one)
        or one.rstrip().endswith("?")
        or _has(words(one), "negated_ok")
    ):
        return []
    return [[touchpoint_of(words(one), own) or own[0], "pain_points", one[:300]]]


_LIKED = re.compile(r"\b(?:tykkä\w*|kiva\w*|ihan\w*|likes?|liked|enjoys?)\b", re.IGNORECASE)
_SO = re.compile(r"^(?:joten|niin|so|and so|that's why)\b", re.IGNORECASE)


_OURS = re.compile(
    r"^(?:we|we've|we're|weve|our|i|i'm|im|me|meillä|meil|mulla|mul|mä|mää|minä|meidän|mun|my|"
    r"se on mun mielestä|mun mielestä|in my opinion)\b|\b(?:mun mielestä|i think it's)\b",
    re.IGNORECASE,
)


def _ours(item: str) -> bool:
    """A clause about the business itself ("We have an online level test", "Kokotaulukko on
    mun mielestä selkeä"): context around the problems, not one of them."""
    return bool(_OURS.search(item))


def _negative(item: str) -> bool:
    felt = emotion(item)
    return felt is not None and felt[0] < 0


_ONLY_SCORES = re.compile(r"^[\s,;.+−\-0-9/]*$")
_ALL_EXCEPT = re.compile(
    r"^\s*(?P<all>(?:kaikki|kaikkialla|everything|everything's|all|all of them)\b[^,.;]*?)"
    r"\s*,?\s*\b(?:paitsi|except|apart from|but)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_TAKEN_BACK = re.compile(
    r"^\s*(?:eiku|ei\s+ku|ei\s+kun|tai\s+siis|or\s+rather|no\s+wait|wait|actually|"
    r"sorry|oops)\b",
    re.IGNORECASE,
)
_REST = re.compile(
    r"\b(?:muut|muissa|muualla|muuten|loput|lopuissa|kaikki|kaikissa|kaikkialla|joka paikassa|"
    r"koko ajan|rest|others|otherwise|everything else|all|everywhere|the whole)\b",
    re.IGNORECASE,
)
_NEUTRAL = re.compile(
    r"\b(?:ihan ok|ok|okei|neutraali|neutral|normaali|tavallinen|so-so|meh|fine|ihan hyvä)\b",
    re.IGNORECASE,
)
_SCORE = re.compile(r"(?<![\w/])(?:[+−-]\s?)?\d(?:\s*/\s*\d+)?(?![\w/])")


@cache
def _emoji() -> dict[str, int]:
    return {str(k): int(v) for k, v in (lexicon().get("emoji") or {}).items()}


def _emoji_score(segment: str) -> int | None:
    found = [v for e, v in _emoji().items() if e in segment]
    return found[0] if len(set(found)) == 1 else None


def _score(segment: str, lang: str) -> int | None:
    for m in _SCORE.finditer(segment.replace("−", "-")):
        # the score itself, never a number inside a name ("3d-mallit +2" is +2)
        n = number(m.group(0), lang=lang)
        if n is not None:
            return n
    if (face := _emoji_score(segment)) is not None:
        return face  # "suositus 😍", "quote 😬"
    if _SAID_NEUTRAL.search(segment):
        return 0  # "fine, pretty neutral": the word the user chose for the scale
    felt = emotion(segment)
    if felt is not None:
        return felt[0]
    if _NEUTRAL.search(segment):
        return 0
    n = number(segment, lang=lang)
    if n is not None and re.search(r"plus|miinus|minus|nolla|zero", segment, re.I):
        return n
    for pattern, value in _SCALE_WORDS:  # "tori ja google nollia", "plussaa", "miinuksella"
        if pattern.search(segment):
            return value
    return None


_SCALE_WORDS = (
    (re.compile(r"\bnoll(?:a|aa|ia|at|illa)\b|\bzeros?\b", re.I), 0),
    (re.compile(r"\bpluss?(?:aa|alla|ia|at)\b", re.I), 1),
    (re.compile(r"\bmiinu(?:sta|ksella|ksia|kset)\b", re.I), -1),
)


_SAID_NEUTRAL = re.compile(r"\b(?:neutraali\w*|neutral|neutrally)\b", re.IGNORECASE)
_IN_ORDER = re.compile(
    r"\b(?:samassa järjestyksessä|siinä järjestyksessä|järjestyksessä|in the order|in that order|"
    r"in order|same order)\b",
    re.IGNORECASE,
)
_ALSO_SAME = re.compile(r"\b(?:myös|kans|kanssa|also|too|as well)\s*[.!]?$", re.IGNORECASE)
_SAY = re.compile(
    r"^(?:sanotaan|sanoisin|eli|ehkä|about|say|i'd say|maybe|so|like|noin|kai)?\s*"
    r"[+−-]?\s?\d(?:\s*/\s*\d+)?\s*!?$",
    re.IGNORECASE,
)


_UNKNOWN = re.compile(
    r"\b(?:ei (?:ole|oo) (?:mitään )?(?:käsitystä|tietoa|hajua)|en tiedä|en tiiä|no idea|"
    r"don't know|dont know|not sure)\b",
    re.IGNORECASE,
)


def _chunks(sentence: str) -> list[str]:
    """ "google 0 insta +1, kassa -1 ja muut 0" -> one chunk per score; "annoyed, -1" and
    "uteliaita, sanotaan +1" stay one chunk (the number says the same feeling)."""
    out: list[str] = []
    faces = "".join(re.escape(e) for e in _emoji())
    if faces:  # "facebook 😊 suositus 😍 verkkokauppa 😐": each emoji ends its place
        sentence = re.sub(f"([{faces}]+\ufe0f?)\\s+", r"\1, ", sentence)
    for seg in re.split(r"[,;]|\s+(?:ja|and|mutta|but|sekä)\s+", sentence):
        seg = seg.strip()
        if not seg:
            continue
        if (
            out
            and _SAY.match(seg.replace("−", "-"))
            and not _SCORE.search(out[-1].replace("−", "-"))
        ):
            out[-1] = f"{out[-1]} {seg}"
            continue
        marks = list(_SCORE.finditer(seg.replace("−", "-")))
        tail = seg[marks[0].end() :].strip() if len(marks) == 1 else ""
        first = tail.split()[0].lower() if tail else ""
        if (
            len(tail.split()) >= 2
            and not _REASON.match(tail)
            and first not in _INTENSIFIERS
            and _score(first, "fi") is None
            and _score(tail, "fi") is not None
        ):
            # "kassa +1 muistutus neutraali": a second place with a word of its own
            out += [seg[: marks[0].end()].strip(), tail]
            continue
        if len(marks) < 2:
            out.append(seg)
            continue
        start = 0
        for m in marks:
            out.append(seg[start : m.end()].strip())
            start = m.end()
        if seg[start:].strip():
            out.append(seg[start:].strip())
    return out


_REASON = re.compile(
    r"^(?:koska|kun|ku|sillä|eli|siis|because|since|when|as|so|'cause|cause|cos)\b", re.IGNORECASE
)
_WHOLE_STAGE = re.compile(
    r"\b(?:vaihe\w*|stage|phase|kokonaan|koko|kaikki|kaikissa|all|whole|across|throughout)\b",
    re.IGNORECASE,
)
_INTENSIFIERS = frozenset(
    [
        "tosi",
        "todella",
        "aika",
        "ihan",
        "vähän",
        "vähä",
        "hyvin",
        "tooosi",
        "niin",
        "super",
        "really",
        "very",
        "pretty",
        "quite",
        "so",
        "a",
        "bit",
        "kinda",
        "fairly",
    ]
)
_STAGE_LEAD = re.compile(r"^([\wåäö-]+(?:\s+[\wåäö-]+)?)\s*:\s*\S")
_EXCEPT_CHUNK = re.compile(r"^(?:paitsi|except|but|mutta|mut)\b", re.IGNORECASE)


def parse_emotions(text: str, *, journey: JourneyMap, lang: str) -> list[TouchpointPatch]:
    """Feelings on -2..+2 per touchpoint: "ig +1, kassa -1, muut 0", "google 0 insta +1",
    "Hankinnassa odotushuone -2, muut 0", "ihan ok koko ajan", one word for all."""
    text = unglue_stage(clean(text))  # "Tietoisuusvaiheessa asiakas on neutraali"
    if not text or is_nothing(text):
        return []
    pairs = [(s.name, t.name) for s, t in journey.touchpoints()]
    names = [n for _, n in pairs]
    if _IN_ORDER.search(text):
        # "samassa järjestyksessä ku listasit: +1, 0, 0, +1": the numbers in the map's order
        said = [number(m.group(0), lang=lang) for m in _SCORE.finditer(text.replace("−", "-"))]
        values = [v for v in said if v is not None]
        if values and len(values) <= len(pairs):
            return [
                TouchpointPatch(stage=s, name=n, emotion=v)
                for (s, n), v in zip(pairs, values, strict=False)
            ]
    numbers = [number(m.group(0), lang=lang) for m in _SCORE.finditer(text.replace("−", "-"))]
    if _ONLY_SCORES.match(text) and 2 <= len(numbers) <= len(pairs) and None not in numbers:
        # "1, 0, 1, -1, 1": the numbers alone, in the order the places were listed
        return [
            TouchpointPatch(stage=s, name=n, emotion=v)
            for (s, n), v in zip(pairs, numbers, strict=False)
            if v is not None
        ]
    got: dict[tuple[str, str], int] = {}
    rest: int | None = None
    rest_unknown = False  # `rest` came from a chunk about a place the map lacks
    said_rest = False  # "muut 0" said outright, never overridden by a general remark
    last: int | None = None
    last_targets: list[tuple[str, str]] = []
    retracting = False
    if m := _ALL_EXCEPT.match(text):
        # "kaikki plussaa paitsi kassa, siellä -1", "everything's positive except checkout"
        overall = _score(m.group("all"), lang)
        if overall is not None:
            rest, said_rest = overall, True
            text = m.group("rest")
    for sentence in sentences(text):
        waiting: list[tuple[str, str]] = []
        unsure: list[tuple[str, str]] = []
        context: str | None = None
        for chunk in _chunks(sentence):
            ws = words(chunk)
            if not ws or _UNKNOWN.search(chunk):
                continue  # "kyselystä minulla ei ole käsitystä": no feeling to store
            named = refer.all_named(ws, names)
            loose = not named  # only a part of a compound: never over a surer match
            named = named or [n for n in [refer.best(ws, names, loose=True)] if n is not None]
            targets = [p for p in pairs if p[1] in named]
            stage = next(
                (s for s in journey.stages if s.touchpoints and refer.strength(ws, s.name) == 3),
                None,
            )
            if stage is None and (lead := _STAGE_LEAD.match(chunk.strip())):
                # "repeat: phone +2": a stage by its first word before a colon
                lead_ws = words(lead.group(1))
                stage = next(
                    (
                        s
                        for s in journey.stages
                        if s.touchpoints
                        and refer.strength(lead_ws, s.name, first_word=True) >= refer.ALIAS
                    ),
                    None,
                )
            if stage is not None:
                # "Hankinnassa odotushuone -2, muut 0": "the rest" of a stage named outright.
                context = stage.name
                if loose or not targets or (_WHOLE_STAGE.search(chunk) and len(targets) == 1):
                    # "hoitovaihe kokonaan +2": the stage, also where a place shares its name
                    # "Tietoisuusvaiheessa asiakas on neutraali": the whole stage, not a
                    # touchpoint elsewhere that shares a word ("asiakas")
                    targets = [(stage.name, t.name) for t in stage.touchpoints]
            if context is not None and len({p[0] for p in targets}) > 1:
                # "repeat: phone +2, email 0": a name in two stages is the one of the
                # stage this sentence is about
                targets = [p for p in targets if p[0] == context] or targets
            score = _score(chunk, lang)
            if score is None and not targets and _TAKEN_BACK.match(chunk):
                retracting = True  # "booking -1, no wait, it's more like -2"
                continue
            taken_back = retracting or bool(_TAKEN_BACK.match(chunk))
            retracting = False
            if score is not None and not targets and last_targets and taken_back:
                for p in last_targets:  # "kassa -1, eiku -2", "booking -1, no wait, … -2"
                    got[p] = score
                last = score
                continue
            if score is None and targets and last is not None and _ALSO_SAME.search(chunk):
                score = last  # "aamiaisesta +2 ja saunasta myös"
            if score is None:
                # "tolppa ja numero neutraali": a bare name waits for the feeling after it;
                # "maksu vähän ärsyttää" (no word of the scale) waits only for a feeling
                # said on its own ("…, sanoisin 0"), never for the next place's
                # ("The day itself is the best part: the cart": what follows the colon)
                tail = words(chunk.rsplit(":", 1)[-1]) or ws
                bare = len(tail) <= sum(len(words(n)) for _, n in targets) + 1
                (waiting if bare else unsure).extend(targets)
                continue
            last = score
            if not targets:
                waiting += unsure
            unsure = []
            if targets or waiting:
                for p in waiting:
                    got[p] = score
                # "kaikki on raskasta, paitsi pilotti on myönteinen": the exception wins
                exception = bool(_EXCEPT_CHUNK.match(chunk.strip()))
                for p in targets:
                    if not (loose and p in got and not exception):
                        got[p] = score
                last_targets = targets or waiting
                waiting = []
            elif _REST.search(chunk) and context is not None:
                for p in pairs:
                    if p[0] == context:
                        got.setdefault(p, score)
            elif _REST.search(chunk) and not said_rest:
                rest, said_rest = score, True  # "Muut kohdat ovat neutraaleja"
                rest_unknown = False
            elif not got and rest is None:
                rest = score  # "ihan ok koko ajan", one word for all
                # "online booking annoyed -1, …": a place the map lacks, not all of them
                rest_unknown = any(
                    len(w) >= 4
                    and not is_function_word(w)
                    and not is_verb(w)
                    and emotion(w) is None
                    and not _REST.search(w)
                    and not _NEUTRAL.search(w)
                    for w in ws
                )
    unset = [p for p in pairs if p not in got]
    if rest is not None and not (rest_unknown and got and len(unset) > 1):
        for p in unset:
            got[p] = rest
    return [TouchpointPatch(stage=s, name=n, emotion=v) for (s, n), v in got.items()]
