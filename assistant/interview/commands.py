"""Recognising skip / back / fix / done and questions in a user message (fi and en).

Command words are matched on the first word, tolerant of case, punctuation and one
small typo (difflib, stdlib); a command is a short message, so an answer that
merely contains "skip" somewhere is still an answer.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from assistant.interview.state import PlannerState, slot_from_json
from assistant.prompts import load_yaml
from assistant.turns import Expects, Slot


class Kind(StrEnum):
    SKIP = "skip"
    BACK = "back"
    FIX = "fix"
    DONE = "done"
    QUESTION = "question"
    ANSWER = "answer"


@dataclass(frozen=True)
class Command:
    kind: Kind
    rest: str = ""
    """For FIX: the corrected answer after the command word (may be empty)."""


MIN_QUESTION_WORDS = 3
"""A question after context is a real question ("mitä mä teen?"), not a tacked-on "Mitä muuta?"."""
MAX_AFTERTHOUGHT = 8
"""Words after a question that still leave it a question ("They all feel important.")."""
_WORD = re.compile(r"[\wåäöÅÄÖ'-]+")


@cache
def _vocab() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("session.commands.yaml")
    return data


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _is(word: str, options: list[str]) -> bool:
    if word in options:
        return True
    # A typo of a command keeps its first letter: "ohtia" is "ohita", "hinta" (price) is not.
    long = [o for o in options if len(o) >= 4 and " " not in o and o[0] == word[:1]]
    return len(word) >= 4 and bool(difflib.get_close_matches(word, long, n=1, cutoff=0.8))


def _command_alone(ws: list[str], v: dict[str, Any]) -> bool:
    """The command word with nothing of substance after it: "valmis", "ohita tämä", "skip
    this one", "done for now" - never "valmis suunnitelma pdf" or "finished product photos",
    which name things."""
    return all(w in v["command_fillers"] for w in ws[1:])


def _phrase(text: str, phrases: list[str]) -> bool:
    norm = " ".join(_words(text))
    return any(
        norm == p or (norm.startswith(p + " ") and len(norm) <= len(p) + 12) for p in phrases
    )


def is_confirmation(text: str) -> bool:
    """ "yes / kyllä / ok / valmis" and friends: the review may be closed."""
    ws = _words(text)
    v = _vocab()
    return bool(ws) and len(ws) <= 6 and (_is(ws[0], v["confirm"]) or _phrase(text, v["confirm"]))


def _asks(words: list[str], question_words: list[str]) -> bool:
    """A sentence that opens like a question: a question word, or a verb with the question
    suffix, written ("onko") or spoken ("onks", "miks")."""
    head = words[0] if words else ""
    return head in question_words or (len(head) >= 4 and head.endswith(("ko", "kö", "ks")))


def _requests_edit(ws: list[str], v: dict[str, Any]) -> bool:
    """A polite request for a change ("voisimmeko kutsua sitä …", "could you rename …")."""
    while ws and ws[0] in v["interjections"]:
        ws = ws[1:]  # "Oh sorry, can you change …"
    if not ws:
        return False
    if ws[0].startswith(tuple(v["edit_verbs"])) and re.search(r"isi(?:t|tte)(?:kö|ko)$", ws[0]):
        return True  # "Siirtäisitkö sen sinne?", "poistaisitteko X:n?"
    opens = any(" ".join(ws[: len(r.split())]) == r for r in v["requests"])
    return opens and any(w.startswith(tuple(v["edit_verbs"])) for w in ws[1:6])


def requests_change(text: str) -> bool:
    """Whether a sentence of the message politely asks for a change ("Could you move it
    there?", "Siirtäisitkö sen sinne?"): never an answer, whatever else it says."""
    v = _vocab()
    return any(
        _requests_edit(ws, v) and ws[0] not in ("let's", "lets")  # "let's call him Dave"
        for ws in (_words(s) for s in re.split(r"(?<=[.!?])\s+", text.strip()))
    )


def asks_for_change(text: str) -> bool:
    """Whether a message reads as a change to the map ("Siirrä se Ostoon", "the invoice
    actually belongs in Booking"): when nothing in it was understood as an answer, it is
    no answer to the pending question either."""
    v = _vocab()
    if requests_change(text):
        return True
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        ws = _words(sentence)
        if ws and ws[0] in v["edit_imperatives"]:
            return True  # not "lisää" ("more") nor "muuttuu"/"vaihtelee" (changes, varies)
        if any(w in v["change_words"] for w in ws) and any(w in v["change_markers"] for w in ws):
            return True  # "X kuuluu oikeastaan Ostoon", not "hintaan kuuluu toimitus"
    return False


def is_question(text: str) -> bool:
    """A question to the assistant rather than an answer to the slot."""
    stripped = text.strip()
    ws = _words(stripped)
    if not ws:
        return False
    v = _vocab()
    if any(_requests_edit(_words(s), v) for s in re.split(r"(?<=[.!?])\s+", stripped)):
        return False  # "Voisimmeko kutsua sitä Järjestelyiksi?" asks for a change
    if re.match(
        r"^\W*(?:quick question|question|a question|kysymys|pikakysymys|kysyisin)\s*[:,-]",
        stripped,
        re.I,
    ):
        return True  # "Quick question: should the artists count as a touchpoint? …"
    starts = ws[0] in v["question_words"] or (ws[0].endswith(("ko", "kö")) and len(ws[0]) > 4)
    sentences = [_words(s) for s in re.split(r"(?<=[.!?])\s+", stripped) if _words(s)]
    if any(
        q.endswith("?") and any(w.startswith(tuple(v["method_words"])) for w in _words(q))
        for q in re.split(r"(?<=[.!?])\s+", stripped)
    ):
        return True  # a question about the method itself: "does X count as a touchpoint?"
    if stripped.endswith("?"):
        # "Myymme kahvia. Mitä muuta?" is an answer with a question tacked on; one sentence is a
        # question, and so is a full question after a line of context ("We have a waiting
        # list. Why should I bother with this?").
        last = sentences[-1]
        full = _asks(last, v["question_words"]) and len(last) >= MIN_QUESTION_WORDS
        advice = " ".join(last) in {str(a).casefold() for a in v["advice_asks"]}
        return len(sentences) == 1 or starts or full or advice
    if "?" in stripped and _asks(ws, v["question_words"]):
        # A question with a short afterthought: "Mikä se asiakaspolku on? en oo kuullu".
        return sum(len(s) for s in sentences[1:]) <= MAX_AFTERTHOUGHT
    # Without a question mark only a short message is a question: "kuinka moni tarjous johtaa
    # kauppaan ja keskimääräinen tilauksen koko" answers "which numbers do you follow?".
    return ws[0] in v["question_words"] and 1 < len(ws) <= 8 and ws[1] not in v["answer_pronouns"]


# "korjaa", "fix": a command wherever it stands; "korjataan", "korjaan" also say what a
# repair shop does ("korjataan paikan päällä"), so they are a command only before a colon,
# alone or before "vielä" ("korjataan vielä: nimi on Markku").
_FIX_ALWAYS = frozenset(["korjaa", "fix", "correction", "korjaus"])
_FIX_AFTER = frozenset(["vielä", "viel", "yks", "yksi", "se", "sen", "tää", "tämä", "that", "one"])


def _fix_command(text: str, ws: list[str]) -> bool:
    head = ws[0]
    if head in _FIX_ALWAYS or (len(head) <= 7 and head not in ("korjaan", "korjataan")):
        return True  # "korjaa: …", "fix: …", a typo of either ("korja")
    after = text.strip().lstrip("\"'“”(").split(None, 1)[0]
    return len(ws) == 1 or after.endswith((":", ",", "-")) or ws[1] in _FIX_AFTER


def detect(text: str) -> Command:
    """What kind of message `text` is."""
    ws = _words(text)
    if not ws:
        return Command(Kind.ANSWER)
    v = _vocab()
    head = ws[0]
    if _is(head, v["fix"]) and _fix_command(text, ws):
        rest = text.strip()
        rest = re.sub(r"^\W*[\wåäöÅÄÖ-]+\s*[:,.-]?\s*", "", rest, count=1)
        return Command(Kind.FIX, rest.strip())
    short = len(ws) <= 4
    alone = short and _command_alone(ws, v)
    if (alone and _is(head, v["skip"])) or (short and _phrase(text, v["skip_phrases"])):
        return Command(Kind.SKIP)
    if (alone and _is(head, v["back"])) or (short and _phrase(text, v["back_phrases"])):
        return Command(Kind.BACK)
    if (alone and _is(head, v["done"])) or (short and _phrase(text, v["done_phrases"])):
        return Command(Kind.DONE)
    if is_question(text):
        return Command(Kind.QUESTION)
    return Command(Kind.ANSWER)


def fix_target(rest: str, *, pending: Slot, state: PlannerState) -> tuple[Slot | None, bool]:
    """The slot a correction is about, and whether `rest` only names it ("fix the persona").

    Without a named part the correction is about the previous question, the last one answered.
    """
    ws = _words(rest)
    named: Slot | None = None
    for expects, stems in _vocab()["fix_slots"].items():
        if any(w.startswith(s) for w in ws for s in stems):
            named = _slot_for(Expects(expects), pending=pending, state=state)
            break
    if named is not None:
        return named, len(ws) <= 3
    history = [s for s in (slot_from_json(h) for h in state.history) if s is not None]
    answered = [s for s in history if s.id != pending.id]
    return (answered[-1] if answered else pending), False


def _slot_for(expects: Expects, *, pending: Slot, state: PlannerState) -> Slot:
    keys = {Expects.BUSINESS: "offering", Expects.PERSONA: "description"}
    if expects is Expects.TOUCHPOINTS:
        stage = pending.stage
        for h in reversed(state.history):
            if stage:
                break
            stage = h.get("stage")
        return Slot(expects, "touchpoints", stage)
    return Slot(expects, keys.get(expects, expects.value))


_SUBJECT = re.compile(
    r"^\s*(?:the |my |our |meidän |minun )?[\wåäöÅÄÖ-]+\s+(?:ovat|on|olisivat|are|is|should be|=|:)\s+",
    re.IGNORECASE,
)


def strip_subject(rest: str) -> str:
    """ "vaiheet ovat Haku, Ostos" -> "Haku, Ostos": the correction without its naming words."""
    ws = _words(rest)
    stems = [s for group in _vocab()["fix_slots"].values() for s in group]
    if ws and any(ws[i].startswith(s) for i in range(min(2, len(ws))) for s in stems):
        return _SUBJECT.sub("", rest, count=1) or rest
    return rest
