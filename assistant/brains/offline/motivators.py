"""Offline reading of the motivators answer: what moves the customer on, each at the
stage and touchpoint the user names.

People answer this for the whole journey at once ("koulutuksessa se et pääsee heti
ajamaan, ja sitoutumisessa jälkisoitto"), so the answer is cut where a new place
begins, the place words are dropped from the stored text, and a piece that names no
place stays where the previous one was (and is left out when nothing before it named one).
"""

from __future__ import annotations

import re

from assistant.lang import refer
from assistant.lang.clauses import sentences
from assistant.lang.nothing import is_nothing
from assistant.lang.phrases import is_function_word
from assistant.lang.words import clean, reglue, unglue_stage, words
from assistant.model import JourneyMap, Stage
from assistant.patch import TouchpointPatch

# Where a new piece may begin: a comma, "ja"/"and" (with or without one), a semicolon.
_JOINT = re.compile(r"(\s*,\s*(?:(?:ja|sekä|and|mutta|but)\s+)?|\s+(?:ja|sekä|and)\s+)", re.I)
_PREP = re.compile(
    r"^(?:(?:ja|and|sekä|also|myös|plus)\s+)?(?:(?:in|at|during|on)\s+(?:the\s+)?)?", re.I
)
_STAGE_WORD = re.compile(r"^(?:stage|phase|vaiheessa|vaihe)\b[\s,:]*", re.IGNORECASE)
_THAT = re.compile(
    r"^(?:(?:se|ne|siinä|siellä)\s*,?\s+)?(?:(?:et|että|kun|jos)\b\s*)|^(?:se|ne)\b\s+"
    r"|^(?:that|the fact that)\b\s+|^(?:ja|and|sekä|also|myös|plus)\b\s+",
    re.IGNORECASE,
)
# "Palvelussa se, että puhelimeen vastaa ...": "se, että" introduces one thought.
_SE = re.compile(r"\b(?:se|ne|the fact)$", re.IGNORECASE)
_THAT_OPENS = re.compile(r"(?:että|et|that)\b", re.IGNORECASE)
_WHEN_OPENS = re.compile(r"(?:kun|ku|jos|when|once|whenever)\b", re.IGNORECASE)
# ("…, that's when they rebook" goes on about the piece before it)
_NEW_ITEM = re.compile(
    r"^(?:se\s*,?\s+(?:et|että|kun)|that)\b(?!['’]s\s+(?:when|where|why)\b)", re.IGNORECASE
)


def _stage_at(ws: list[str], stages: list[Stage]) -> tuple[Stage, int] | None:
    """A stage named by the first words (after in/at): the stage and how many words."""
    for stage in stages:
        n = len(words(stage.name)) or 1
        if ws[:n] and refer.strength(ws[:n], stage.name) == refer.FULL:
            return stage, n
    return None


def _stage_within(ws: list[str], stages: list[Stage]) -> Stage | None:
    """The one stage a word inside the piece names, also as the head of a compound
    ("arviointikäynnillä" -> Arviointi, "through booking fast" -> Booking); None when no
    stage or more than one is named."""
    found = [s for s in stages if refer.strength(ws, s.name) > 0]
    return found[0] if len(found) == 1 else None


def _opens_place(piece: str, stages: list[Stage], names: list[str]) -> bool:
    ws = words(_PREP.sub("", piece))
    if not ws:
        return False
    return _stage_at(ws, stages) is not None or refer.best(ws[:2], names) is not None


def _pieces(sentence: str, stages: list[Stage], names: list[str]) -> list[str]:
    """The sentence cut where a new place or a new "se että" begins."""
    parts = _JOINT.split(sentence)
    out: list[str] = []
    joint = ""
    for i, part in enumerate(parts):
        if i % 2:
            joint = part
            continue
        part = part.strip(" .")
        if not part:
            continue
        said_that = bool(out) and bool(_SE.search(out[-1])) and bool(_THAT_OPENS.match(part))
        # "Showreel vakuuttaa, ja kun valmis video saa näyttökertoja, ne haluaa lisää": after
        # ", ja", a when-clause of some length is a thought of its own (", jos sen saa" and
        # ", kun opas neuvoo" go on about the one before)
        new_when = (
            bool(re.search(r",\s*(?:ja|and)\b", joint))
            and bool(_WHEN_OPENS.match(part))
            and len(part.split()) >= 4
            and bool(out)
            and len(out[-1].split()) >= 3
        )
        if out and (
            said_that
            or not (_opens_place(part, stages, names) or _NEW_ITEM.match(part) or new_when)
        ):
            out[-1] = f"{out[-1]}{joint}{part}"  # the same thought goes on
        else:
            out.append(part)
    return out


def _strip_place(piece: str, stages: list[Stage]) -> tuple[str, Stage | None]:
    """The piece without its opening place words ("Koulutuksessa se et", "In the Booking
    stage,") or a closing one ("... arvioinnissa"), and the stage they named."""
    body = _PREP.sub("", piece.strip())
    toks = body.split()
    found = _stage_at(words(" ".join(toks[:4])), stages)
    stage = None
    if found is not None:
        stage, n = found
        body = " ".join(toks[n:]).lstrip(" ,:")
        body = _STAGE_WORD.sub("", body)
    else:
        body = piece.strip()
        tail = toks[-1:] if toks else []
        last = _stage_at(words(" ".join(tail)), stages) if tail else None
        # "… that's when they rebook": a verb after its subject is no closing stage word
        if last is not None and len(toks) > 2 and not is_function_word(toks[-2]):
            stage = last[0]
            body = " ".join(body.split()[:-1])
    for _ in range(2):
        body = _THAT.sub("", body.strip(" ,:")).strip()
    return body.strip(" .,:;-–"), stage


def _named(ws: list[str], names: list[str]) -> str | None:
    """The touchpoint the piece names; of two named as surely, the one named first, the
    subject ("the demo at pickup is what ..." is about Demo, not Pickup)."""
    top = refer.best(ws, names)
    if top is None:
        return None
    level = refer.strength(ws, top)
    tied = [n for n in names if refer.strength(ws, n) == level]
    if len(tied) < 2:
        return top

    def first_at(name: str) -> int:
        n = len(words(name)) or 1
        return next((i for i in range(len(ws)) if refer.strength(ws[i : i + n], name) > 0), len(ws))

    return min(tied, key=first_at)


def parse_motivators(text: str, *, journey: JourneyMap) -> list[TouchpointPatch]:
    """What moves the customer on, at the touchpoint (or stage) each piece names."""
    original = clean(text)
    text = unglue_stage(original)  # "Harkintavaiheessa" -> "Harkinta vaiheessa"
    if not text or is_nothing(text):
        return []
    stages = [s for s in journey.stages if s.touchpoints]
    pairs = [(s.name, t.name) for s in stages for t in s.touchpoints]
    if not pairs:
        return []
    names = [n for _, n in pairs]
    # A piece that names no place, with none named before it, is left out when another
    # piece of the answer names one: put at a guessed touchpoint it would claim something
    # the user never said. An answer that names no place at all ("hyvä palvelu ja se et
    # muistetaan nimeltä") is kept whole at the touchpoint the customer feels best about,
    # where the read-back shows it and one click undoes it.
    where: tuple[str, str] | None = None
    out: list[TouchpointPatch] = []
    unplaced: list[str] = []
    for sentence in sentences(text):
        for piece in _pieces(sentence, stages, names):
            said, stage = _strip_place(piece, stages)
            said = reglue(said, original)  # stored in the user's own words
            ws = words(said)
            if not ws or is_nothing(said):
                continue
            own = [t.name for t in stage.touchpoints] if stage else names
            named = _named(ws, own)
            if stage is None and named is None:
                stage = _stage_within(ws, stages)  # "arviointikäynnillä syntyy luottamus"
            if named is not None:
                where = next(
                    p for p in pairs if p[1] == named and (not stage or p[0] == stage.name)
                )
            elif stage is not None:
                where = (stage.name, stage.touchpoints[0].name)
            if where is None:
                unplaced.append(said[:300])
                continue
            out.append(TouchpointPatch(stage=where[0], name=where[1], motivators=[said[:300]]))
    if unplaced and not out:
        feel = {
            (s.name, t.name): -3 if t.emotion is None else t.emotion
            for s in stages
            for t in s.touchpoints
        }
        best = max(pairs, key=lambda p: feel[p])
        out = [TouchpointPatch(stage=best[0], name=best[1], motivators=unplaced)]
    return out
