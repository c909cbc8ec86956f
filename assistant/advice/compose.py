"""The offline answer: the sentences of the found passages that speak to the question.

No language model writes here, so the answer is extractive: the best passage's lead
sentence (a card says its point first), then the sentences of the relevant passages that
share the most words with the question, each marked with its passage number, then the
numbered sources as plain text. Lists in a card ("- cash - sales") stay attached to the
sentence that introduces them, so no sentence ends in a dangling colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from assistant.advice.focus import focus
from assistant.advice.kinds import QuestionKind, question_kind
from assistant.advice.overlap import answer_weights as weights
from assistant.advice.overlap import overlap
from assistant.knowledge import Hit
from assistant.model import Lang
from assistant.prompts import load_yaml

MAX_SENTENCES = 4
"""An answer in the chat stays short; the sources are there for more."""
MAX_FIRST = 2
"""Sentences from the best passage: its point and the one closest to the question (the
other passages then get their say)."""
ON_TOPIC = 0.5
"""Shared weight (overlap.py) that makes a sentence part of the answer."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"”“(])")
_MARKUP = re.compile(r"[#*_`>]+")


@cache
def texts(lang: str) -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("advice/answers.yaml")[lang]
    return data


def sentences(text: str) -> list[str]:
    """Whole sentences of a passage, a bulleted list joined to the sentence before it."""
    lines = [_MARKUP.sub("", line).strip() for line in text.splitlines()]
    merged: list[str] = []
    for line in lines:
        if not line:
            continue
        if line[:2] in ("- ", "• ") or line[:1] in "-•":
            item = line.lstrip("-• ").rstrip(".;,")
            if merged and merged[-1].endswith((":", ",")):
                merged[-1] = f"{merged[-1]} {item},"
                continue
            merged.append(item + ",")
            continue
        if merged and merged[-1].endswith(","):
            merged[-1] = merged[-1][:-1] + "."
        merged.append(line)
    if merged and merged[-1].endswith(","):
        merged[-1] = merged[-1][:-1] + "."
    out: list[str] = []
    for block in merged:
        out += [s.strip() for s in _SENTENCE_END.split(block) if s.strip()]
    # A sentence that introduces a list it does not carry is not a whole thought.
    return [s[:1].upper() + s[1:] for s in out if not s.endswith(":")]


MAX_WORDS = 80
"""Words of the answer's body: a few whole sentences, not a page of cards."""
MAX_LIST_SENTENCE = 240
"""A card's long list joined into one sentence reads as a wall of commas: it is cut to its
first LIST_ITEMS items, or left out when still this long."""
LIST_ITEMS = 3
CUE = 1.0
"""A sentence of the kind asked for ("for example ..." to a definition) counts as much as one
that shares every word of the question."""
SAME = 0.6
"""Share of shared content stems at which two sentences say the same thing."""
_NUMBERED = re.compile(r"^\(?\d+[.)]?\)?$")


@dataclass(frozen=True)
class Picked:
    number: int
    text: str


def readable(sentence: str, lang: Lang) -> str:
    """`sentence` as one short readable sentence, or "" when it cannot be one (a bare list
    number, a list too long to read in a chat)."""
    if _NUMBERED.match(sentence) or len(sentence.split()) < 3 or "?," in sentence:
        # A bare list number, a fragment or a list of questions joined by commas.
        return ""
    if not sentence.rstrip(')”"').endswith((".", "!", "?")):
        return ""  # a list's lead-in cut from its list
    if len(sentence) <= MAX_LIST_SENTENCE or ":" not in sentence:
        return sentence if len(sentence) <= MAX_LIST_SENTENCE else ""
    head, _, items = sentence.partition(":")
    parts = [p.strip().rstrip(".") for p in items.split(",") if p.strip()]
    if len(parts) <= LIST_ITEMS:
        return ""
    kept = parts[:LIST_ITEMS]
    if any(":" in k for k in kept):
        return ""  # items with their own heads ("Ennakoi: ..., Muista: ...") do not join
    joined = ", ".join(kept[:-1]) + f" {texts(Lang(lang).value)['and']} " + kept[-1]
    short = f"{head}: {joined}."
    return short if len(short) <= MAX_LIST_SENTENCE else ""


def _cue(sentence: str, kind: QuestionKind, lang: Lang) -> float:
    """How well a sentence suits the kind of question: an example for "example", a defining
    "X is ..." for "definition", a contrast for "comparison"."""
    cues = texts(Lang(lang).value)["cues"].get(kind.value, [])
    low = sentence.lower()
    return 1.0 if any(c in low for c in cues) else 0.0


def _same(a: dict[str, float], b: dict[str, float]) -> bool:
    if not a or not b:
        return False
    return len(a.keys() & b.keys()) / min(len(a), len(b)) >= SAME


def pick_sentences(
    question: str, hits: list[Hit], *, kind: QuestionKind = QuestionKind.OTHER, lang: Lang = Lang.FI
) -> list[Picked]:
    """The best passage's point and its sentences closest to the question, then the one
    sentence of each further passage that speaks to the question most: each passage given
    is used when one of its sentences speaks to the question, within MAX_SENTENCES and
    MAX_WORDS, and no sentence repeats what an earlier one said."""
    asked = weights(question)
    # A sentence must speak to the question, not merely mention customers.
    need = min(ON_TOPIC, sum(asked.values()) / 2)
    total = sum(asked.values()) or 1.0
    chosen: list[tuple[int, int, str]] = []  # (hit number, position in the hit, sentence)
    said: list[dict[str, float]] = []
    words = 0

    def take(n: int, i: int, text: str) -> bool:
        nonlocal words
        mine = weights(text)
        size = len(text.split())
        if any(_same(mine, other) for other in said):
            return False
        if chosen and words + size > MAX_WORDS:
            return False
        chosen.append((n, i, text))
        said.append(mine)
        words += size
        return True

    for n, hit in enumerate(hits, 1):
        found = [(i, r) for i, s in enumerate(sentences(hit.text)) if (r := readable(s, lang))]
        if not found:
            continue
        scored = sorted(
            (
                (overlap(asked, weights(s)) / total + CUE * _cue(s, kind, lang), -i, s)
                for i, s in found
            ),
            reverse=True,
        )
        if n == 1:
            # A card states its point first: the lead, then its closest sentences, in order.
            lead_i, lead = found[0]
            take(1, lead_i, lead)
            extra = [(-j, s) for shared, j, s in scored[:MAX_FIRST] if -j != lead_i]
            for j, s in extra[: MAX_FIRST - 1]:
                if overlap(asked, weights(s)) >= need or _cue(s, kind, lang):
                    take(1, j, s)
        else:
            for shared, j, s in scored:
                if (shared * total >= need or _cue(s, kind, lang)) and take(n, -j, s):
                    break
        if len(chosen) >= MAX_SENTENCES:
            break
    chosen.sort(key=lambda c: (c[0], c[1]))
    return [Picked(number=n, text=t) for n, _, t in chosen[:MAX_SENTENCES]]


def sources_text(hits: list[Hit], used: set[int], lang: Lang) -> str:
    """The numbered sources, one item per article: "[1, 2] Title (Author)"."""
    t = texts(Lang(lang).value)
    by_article: dict[tuple[str, str], list[int]] = {}
    for n, h in enumerate(hits, 1):
        if n in used:
            by_article.setdefault((h.title or h.source, h.author or h.source), []).append(n)
    items = [
        t["source_item"].format(n=", ".join(map(str, ns)), title=title, author=author)
        for (title, author), ns in by_article.items()
    ]
    return str(t["sources"]).format(sources="; ".join(items))


def compose(*, question: str, hits: list[Hit], lang: Lang) -> str:
    """An extractive answer to `question` from `hits`, each sentence marked [n] with the
    number of its passage in `hits`, then the sources of the passages used."""
    asked = focus(question)
    picked = pick_sentences(asked, hits, kind=question_kind(question, lang=lang), lang=lang)
    if not picked:
        return str(texts(Lang(lang).value)["not_covered"])
    body = " ".join(f"{p.text} [{p.number}]" for p in picked)
    return f"{body}\n\n{sources_text(hits, {p.number for p in picked}, lang)}"
