"""What each correction rule of prompts/offline/rules.*.yaml means: one handler per rule name.

A handler gets the rule's match and the clause, matches the names against the map and
returns the edits, or None when the rule does not apply after all (the reader goes on to
the next rule). An empty list stops the reading: the clause asks for an edit that cannot be
applied. tests/brains/test_rules_files.py checks that every pattern has the named groups
its handler reads (GROUPS).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.brains.offline.names import clean_name, match_name, translative
from assistant.brains.offline.rulebook import ordinal_index, regex, word_set
from assistant.edits import Edit, Op
from assistant.lang import refer
from assistant.lang.lexicon import channels, lookup
from assistant.lang.verbs import is_verb
from assistant.lang.words import fuzzy_equal, words
from assistant.model import BusinessType, JourneyMap, Lang

_SCORE = re.compile(r"(?<![\w/])([+−-]?\s?[0-2])(?![\w/])")


@dataclass(frozen=True)
class Clause:
    """One clause of a correction and the map it edits."""

    text: str
    journey: JourneyMap
    lang: Lang
    stages: list[str]
    """The map's stage names."""
    tps: list[str]
    """The map's touchpoint names."""


Handler = Callable[[re.Match[str], Clause], list[Edit] | None]


def _g(m: re.Match[str], name: str) -> str:
    """A named group's text, "" when the pattern has no such group or it did not take part."""
    return m.groupdict().get(name) or ""


def strip_kind(phrase: str) -> str:
    return regex(r"^{article}\s+|\s+{kind}$").sub("", phrase.strip())


def _split_list(raw: str) -> list[str]:
    return regex(r",\s*|\s+{and}\s+").split(raw)


def _before(word: str) -> str:
    return "before" if word.lower() in word_set("before") else "after"


def _persona_name(m: re.Match[str], c: Clause) -> list[Edit] | None:
    was = _g(m, "was")
    if was and not match_name(was, [c.journey.persona.name or ""]):
        return None  # "I meant loyalty app, not loyalty card": no name of the persona
    name = m["name"].strip(" .,").split()[0]
    return [Edit(Op.PERSONA_NAME, value=name[:1].upper() + name[1:])]  # "liisa eikä leena"


def _business_name(m: re.Match[str], c: Clause) -> list[Edit] | None:
    return [Edit(Op.BUSINESS_NAME, value=m["name"].strip(" .,!"))]


def _ordinal(m: re.Match[str], c: Clause) -> list[Edit] | None:
    i = ordinal_index(m["ord"])
    if c.stages and -len(c.stages) <= i < len(c.stages):
        return [Edit(Op.RENAME, c.stages[i], clean_name(m["new"], c.lang))]
    return None


def _critical_off(m: re.Match[str], c: Clause) -> list[Edit] | None:
    name = match_name(strip_kind(m["name"]), c.tps)
    return [Edit(Op.CRITICAL, name, on=False)] if name else None


def _critical_on(m: re.Match[str], c: Clause) -> list[Edit] | None:
    if not regex("{critical}").search(c.text):
        return None
    found = [
        Edit(Op.CRITICAL, n, on=True)
        for piece in _split_list(m["a"])
        if (n := match_name(strip_kind(piece), c.tps))
    ]
    return found or None


def _also_b2b(m: re.Match[str], c: Clause) -> list[Edit] | None:
    if c.journey.business.business_type is BusinessType.B2B:
        return None
    return [Edit(Op.BUSINESS_TYPE, value="both")]


def _also_b2c(m: re.Match[str], c: Clause) -> list[Edit] | None:
    if c.journey.business.business_type is BusinessType.B2C:
        return None
    return [Edit(Op.BUSINESS_TYPE, value="both")]


def _stage_structure(m: re.Match[str], c: Clause) -> list[Edit] | None:
    """Where a stage goes: "laita X Y:n jälkeen", "put a Proof stage between Purchase and
    Service", "oston jälkeen vois olla vielä X", "X should be called Y"."""
    if not c.stages:
        return None
    groups = m.groupdict()
    if "a" in groups:
        a = match_name(m["a"], c.stages)
        b = match_name(_g(m, "b1") or _g(m, "b2"), c.stages)
        if a and b and a != b:
            return [Edit(Op.MOVE_STAGE, a, where=f"{_before(_g(m, 'post') or _g(m, 'pre'))}:{b}")]
    elif "a1" in groups or "a2" in groups:
        ref = match_name(_g(m, "a1") or _g(m, "a2"), c.stages)
        name = clean_name(m["name"], c.lang)
        if ref and name:
            return [Edit(Op.ADD_STAGE, value=name, where=f"after:{ref}")]
    elif "ref" in groups:
        ref = match_name(m["ref"], c.stages)
        if ref:
            return [Edit(Op.ADD_STAGE, value=clean_name(m["name"], c.lang), where=f"after:{ref}")]
    elif old := match_name(m["old"], c.stages):
        return [Edit(Op.RENAME, old, clean_name(translative(m["new"]), c.lang))]
    return None


def _merge(m: re.Match[str], c: Clause) -> list[Edit] | None:
    """Two stages made one: "yhdistä Harkinta ja Osto nimellä Päätös", "merge A and B into one
    called C" (without a new name the first keeps its name)."""
    a, b = match_name(m["a"], c.stages), match_name(m["b"], c.stages)
    if not a or not b or a == b:
        return None
    new = clean_name(translative(_g(m, "new")), c.lang) if _g(m, "new") else ""
    if new and len(new.split()) <= 3 and not match_name(new, c.stages):
        return [Edit(Op.RENAME, a, new), Edit(Op.REMOVE, b)]
    return [Edit(Op.REMOVE, b)]


def _swap(m: re.Match[str], c: Clause) -> list[Edit] | None:
    """Two stages the other way round: "vaihda hankinta ja seikkailu päittäin", "swap A and B"."""
    a, b = match_name(m["a"], c.stages), match_name(m["b"], c.stages)
    if not a or not b or a == b:
        return None
    if c.stages.index(a) > c.stages.index(b):
        a, b = b, a
    before_b = c.stages[c.stages.index(b) - 1]
    edits = [Edit(Op.MOVE_STAGE, b, where=f"before:{a}")]
    if before_b != a:
        edits.append(Edit(Op.MOVE_STAGE, a, where=f"after:{before_b}"))
    return edits


def _split(m: re.Match[str], c: Clause) -> list[Edit] | None:
    """One stage made two: "jaa Palvelu kahteen: käyttöönotto ja ylläpito", "Adventure is
    really two things: the stay and the checkout"."""
    x = match_name(m["x"], c.stages)
    a = clean_name(translative(m["a"]), c.lang)
    b = clean_name(translative(m["b"]), c.lang)
    if not x or not a or not b or len(a.split()) > 3 or len(b.split()) > 3:
        return None
    return [Edit(Op.RENAME, x, a), Edit(Op.ADD_STAGE, value=b, where=f"after:{a}")]


def _order(m: re.Match[str], c: Clause) -> list[Edit] | None:
    a, b = match_name(m["a"], c.stages), match_name(m["b"], c.stages)
    if a and b and a != b:
        return [Edit(Op.MOVE_STAGE, a, where=f"{_before(m['kind'])}:{b}")]
    return None


def _move(m: re.Match[str], c: Clause) -> list[Edit] | None:
    tp = match_name(m["tp"], c.tps)
    dest = match_name(next(g for s in ("s1", "s2", "s3", "s4") if (g := _g(m, s))), c.stages)
    return [Edit(Op.MOVE, tp, dest)] if tp and dest else None


def _not_critical(m: re.Match[str], c: Clause) -> list[Edit] | None:
    name = match_name(m["name"], c.tps)
    if not name:
        return None
    edits = [Edit(Op.CRITICAL, name, on=False)]
    instead = match_name(_g(m, "instead"), c.tps) if _g(m, "instead") else None
    if instead and instead != name:
        edits.append(Edit(Op.CRITICAL, instead, on=True))  # "… ei oo kriittinen, vaan X"
    return edits


def _is_critical(m: re.Match[str], c: Clause) -> list[Edit] | None:
    name = match_name(m["name"], c.tps)
    return [Edit(Op.CRITICAL, name, on=True)] if name else None


def _remove(m: re.Match[str], c: Clause) -> list[Edit] | None:
    measures = [x.name for x in c.journey.metrics] + list(c.journey.feedback)
    found = []
    for piece in _split_list(_g(m, "a") or _g(m, "b")):
        piece = strip_kind(piece)
        name = match_name(piece, c.tps) or match_name(piece, c.stages)
        if name := name or match_name(piece, measures) or _by_head(piece, c.tps):
            found.append(Edit(Op.REMOVE, name))
    return found or None


def _by_head(piece: str, names: list[str]) -> str | None:
    """The one name whose last word the piece is: "scratch the brochure" for Printed
    brochure (never when two names end so: "the call" of Sales call and Support call)."""
    ws = words(piece)
    if len(ws) != 1 or len(ws[0]) < 4:
        return None
    heads = [n for n in names if len(words(n)) > 1 and fuzzy_equal(ws[0], words(n)[-1])]
    return heads[0] if len(heads) == 1 else None


def _add_place(m: re.Match[str], c: Clause) -> list[Edit] | None:
    """A place added to a stage: "lisää myymälä Ostoon", "add the showroom to Purchase too".
    A place the map has in another stage moves there."""
    raw = _g(m, "stage") or _g(m, "stage2") or _g(m, "stage3")
    stage = match_name(raw, c.stages) if raw else None
    name = clean_name(m["tp"], c.lang)
    if not stage or not name or match_name(name, c.stages):
        return None
    if (known := match_name(name, c.tps)) is not None:
        return [Edit(Op.MOVE, known, stage)]
    return [Edit(Op.ADD_TOUCHPOINT, name, stage)]


def _add_after(m: re.Match[str], c: Clause) -> list[Edit] | None:
    target = match_name(m["ref"], c.stages)
    name = clean_name(m["name"], c.lang)
    if target and name:
        return [Edit(Op.ADD_STAGE, value=name, where=f"{_before(m['post'])}:{target}")]
    return None


_IT = frozenset({"it", "that", "this", "sen", "sitä", "tämän"})


def _add_stage(m: re.Match[str], c: Clause) -> list[Edit] | None:
    name = clean_name(m["name"], c.lang)
    ref = _g(m, "ref1") or _g(m, "ref2")
    end = _g(m, "end").lower()
    where = "end"
    if end in word_set("at_start"):
        where = "start"
    elif ref:
        target = match_name(ref, c.stages)
        if target is None and ref.lower() in _IT:
            # "I meant Inspection and then a separate Report stage after it": the stage named before
            said = [n for w in words(c.text[: m.start()]) if (n := match_name(w, c.stages))]
            target = said[-1] if said else None
        if target is None:
            return []  # a stage placed next to one the map does not have: no edit at all
        where = f"{_before(_g(m, 'rel') or _g(m, 'post'))}:{target}"
    if not name or is_verb(words(name)[0] if words(name) else ""):
        return None  # "loppuun jää hyvä mieli" says how it ends, it adds no stage
    named = m["name"] and regex("{stage_noun}").search(c.text)
    if name and (named or where != "end" or end):
        return [Edit(Op.ADD_STAGE, value=name, where=where)]
    return None


def _not_but(m: re.Match[str], c: Clause) -> list[Edit] | None:
    old_raw = re.sub(
        r"^(?:(?:se|ne|tää|nää|it|that)\s+)?(?:oo|ole|ollu|ollut|is|was)\s+",
        "",
        m["old"],
        flags=re.I,
    )
    new_raw = m["new"]
    old = match_name(old_raw, c.stages) or match_name(old_raw, c.tps)
    new = clean_name(translative(new_raw), c.lang)
    # "on site" in English is a place, not the Finnish "on" (is) of "se on ..."
    bare = re.sub(r"^(?:on|in|at)\s+", "", new, flags=re.I) if c.lang == "en" else new
    sane = new and len(new.split()) <= 3 and not regex(r"\d|[+−]|\b{copula}\b").search(bare)
    if old and sane and not (match_name(new_raw, c.stages) or match_name(new_raw, c.tps)):
        known = lookup(new, channels(), fuzzy=False) if old in c.tps else None
        if known is not None and len(new.split()) == 1:
            new = known.name(c.lang.value)  # "tiktok" -> TikTok, as the touchpoints answer has it
        return [Edit(Op.RENAME, old, new)]
    return None


def _positive_mentions(part: str, names: list[str]) -> list[str]:
    """Names mentioned in `part` that are not negated ("X, ei Y" / "X not Y")."""
    out = []
    for chunk in re.split(r",|;", part):
        for j, piece in enumerate(regex(r"\b{neg}\b").split(chunk)):
            ws = [p for w in words(piece) for p in w.split("-")]
            for name in names:
                if match_name(" ".join(ws), [name]) or any(
                    match_name(" ".join(ws[i : i + len(words(name))]), [name])
                    for i in range(len(ws))
                ):
                    out.append((name, j == 0))
    return [n for n, positive in out if positive and n not in [m for m, p in out if not p]]


def _by_mention(m: re.Match[str], c: Clause) -> list[Edit] | None:
    """ "kassa kuuluu hankintaan eikä arviointiin" (move), "kassalla se on -2 eikä -1"
    (feeling), "se on Matti eikä Mikko" (persona name): a name, and the right value first,
    the wrong one negated."""
    part, journey = c.text, c.journey
    ws = words(part)
    tp_named = [
        t
        for t in c.tps
        if any(match_name(" ".join(ws[i : i + len(words(t))]), [t]) for i in range(len(ws)))
    ]
    scores = [s.group(1) for s in _SCORE.finditer(part)]
    if len(tp_named) == 1 and len(scores) >= 2:
        # "kassalla se on -2 eikä -1": the right score, then the wrong one negated.
        head = regex(r"\b{neg}\b").split(part, maxsplit=1)[0]
        if first := _SCORE.search(head):
            score = first.group(1).replace(" ", "").replace("−", "-")
            return [Edit(Op.EMOTION, tp_named[0], score)]
    if len(tp_named) == 1:
        dest = [s for s in _positive_mentions(part, c.stages) if s != tp_named[0]]
        current = next((s.name for s, t in journey.touchpoints() if t.name == tp_named[0]), None)
        dest = [d for d in dest if d != current]
        if dest:
            return [Edit(Op.MOVE, tp_named[0], dest[0])]
    person = journey.persona.name
    if person and re.search(rf"\b{re.escape(person)}\b", part, re.IGNORECASE):
        said = regex(r"\b{is_before_name}\s+([A-ZÅÄÖ][\wåäö-]+)", case=True).search(part)
        if said and said.group(1).lower() != person.lower():
            return [Edit(Op.PERSONA_NAME, value=said.group(1))]
    return None


def _rename_touchpoint(m: re.Match[str], c: Clause) -> list[Edit] | None:
    """ "vaihda hinnaston nimeks hinnat": a place of the map named anew."""
    old = match_name(m["old"], c.tps) or match_name(m["old"] + "n", c.tps)
    new = clean_name(m["new"], c.lang)
    return [Edit(Op.RENAME, old, new)] if old and new else None


# A place and its score in a list of them: "contract 0 and deposit -1", "sopimus on 0 ja
# ennakkomaksu -1" (also read by corrections.feeling_list)
FEELING_PAIR = re.compile(
    r"(?P<name>[^\d,.!?;+−-][^\d,.!?;+−]{1,40}?)\s+(?:on\s+|is\s+|=\s*)?(?P<score>[+−-]?\s?[0-2])"
    r"(?![\w/])(?P<sep>\s*,?\s*(?:ja|and|&)\s+|\s*[,;]\s*|\s*[.!]?\s*$)"
)


def _feeling_is(m: re.Match[str], c: Clause) -> list[Edit] | None:
    """ "the AV is more like -2", "kassa on oikeestaan -1": one place's feeling, said again;
    "I meant contract 0 and deposit -1": each of the places."""
    pairs = list(FEELING_PAIR.finditer(f"{m['name']} {m['score']}"))
    if len(pairs) > 1:
        each = [_one_feeling(p["name"], p["score"], c) for p in pairs]
        if all(each):
            return [e for found in each if found for e in found]
    return _one_feeling(m["name"], m["score"], c)


def _one_feeling(name_said: str, score_said: str, c: Clause) -> list[Edit] | None:
    said = strip_kind(name_said)
    # "the AV" for AV setup: a place named as in the feelings answer (lang/refer.py);
    # "kassalla asiakas on oikeesti tosi ärsyyntyny": the one place the words name
    named = refer.all_named(words(said), c.tps)
    name = match_name(said, c.tps) or (
        refer.best(words(said), c.tps) if len(words(said)) <= 3 else None
    )
    name = name or (named[0] if len(named) == 1 else None)
    score = score_said.replace(" ", "").replace("−", "-")
    return [Edit(Op.EMOTION, name, score)] if name else None


HANDLERS: dict[str, Handler] = {
    "persona_name": _persona_name,
    "business_name": _business_name,
    "ordinal": _ordinal,
    "critical_off": _critical_off,
    "critical_on": _critical_on,
    "also_b2b": _also_b2b,
    "also_b2c": _also_b2c,
    "merge": _merge,
    "swap": _swap,
    "split": _split,
    "stage_structure": _stage_structure,
    "order": _order,
    "feeling_is": _feeling_is,
    "by_mention": _by_mention,
    "move": _move,
    "rename_touchpoint": _rename_touchpoint,
    "not_critical": _not_critical,
    "is_critical": _is_critical,
    "remove": _remove,
    "not_used": _remove,
    "add_place": _add_place,
    "add_after": _add_after,
    "add_stage": _add_stage,
    "not_but": _not_but,
}
GROUPS: dict[str, tuple[frozenset[str], ...]] = {
    # The named groups a handler reads; a pattern must have every group of one of the sets.
    "persona_name": (frozenset({"name"}), frozenset({"name", "was"})),
    "business_name": (frozenset({"name"}),),
    "ordinal": (frozenset({"ord", "new"}),),
    "critical_off": (frozenset({"name"}),),
    "critical_on": (frozenset({"a"}),),
    "also_b2b": (frozenset(),),
    "also_b2c": (frozenset(),),
    "merge": (frozenset({"a", "b", "new"}),),
    "swap": (frozenset({"a", "b"}),),
    "split": (frozenset({"x", "a", "b"}),),
    "stage_structure": (
        frozenset({"a", "b1", "post"}),
        frozenset({"a", "b2", "pre"}),
        frozenset({"name", "a1"}),
        frozenset({"name", "a2"}),
        frozenset({"ref", "name"}),
        frozenset({"old", "new"}),
    ),
    "order": (frozenset({"a", "b", "kind"}),),
    "feeling_is": (frozenset({"name", "score"}),),
    "by_mention": (frozenset(),),
    "move": (frozenset({"tp", "s1", "s2", "s3", "s4"}), frozenset({"tp", "s4"})),
    "rename_touchpoint": (frozenset({"old", "new"}),),
    "not_critical": (frozenset({"name"}),),
    "is_critical": (frozenset({"name"}),),
    "remove": (frozenset({"a"}), frozenset({"b"})),
    "not_used": (frozenset({"a"}),),
    "add_place": (frozenset({"tp", "stage"}), frozenset({"tp", "stage2", "stage3"})),
    "add_after": (frozenset({"ref", "post", "name"}),),
    "add_stage": (
        frozenset({"name", "end", "rel", "ref1", "ref2", "post"}),
        frozenset({"name", "end"}),
        frozenset({"name", "rel", "ref1"}),
        frozenset({"name", "ref2", "post"}),
    ),
    "not_but": (frozenset({"old", "new"}),),
    "call_it": (frozenset({"new"}),),
    "drop": (frozenset({"a"}),),
    "drop_it": (frozenset(),),
    "add_it": (frozenset({"new", "before"}),),
    "move_it": (frozenset({"ref", "before"}),),
    "named_is": (frozenset({"old", "new"}),),
    "or_say": (frozenset({"old", "new"}),),
}
