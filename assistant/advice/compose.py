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

from assistant.advice.overlap import overlap, weights
from assistant.knowledge import Hit
from assistant.model import Lang
from assistant.prompts import load_yaml

MAX_SENTENCES = 5
"""An answer in the chat stays short; the sources are there for more."""
MAX_FIRST = 3
"""Sentences from the best passage: its point and the two closest to the question."""
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


@dataclass(frozen=True)
class Picked:
    number: int
    text: str


def pick_sentences(question: str, hits: list[Hit]) -> list[Picked]:
    """The best passage's point and its sentences closest to the question, then the one
    sentence of each further passage that speaks to the question most."""
    asked = weights(question)
    # A sentence must speak to the question, not merely mention customers.
    need = min(ON_TOPIC, sum(asked.values()) / 2)
    out: list[Picked] = []
    for n, hit in enumerate(hits, 1):
        found = sentences(hit.text)
        scored = [(overlap(asked, weights(s)), -i, s) for i, s in enumerate(found)]
        if n == 1:
            # A card states its point first: the lead, then its closest sentences, in order.
            best = sorted(scored, reverse=True)[: MAX_FIRST - 1]
            keep = {0} | {-i for shared, i, _ in best if shared >= need}
            out += [Picked(number=1, text=s) for i, s in enumerate(found) if i in keep]
        else:
            shared, _, s = max(scored, default=(0.0, 0, ""))
            if shared >= need:
                out.append(Picked(number=n, text=s))
    return out[:MAX_SENTENCES]


def sources_text(hits: list[Hit], used: set[int], lang: Lang) -> str:
    t = texts(Lang(lang).value)
    items = [
        t["source_item"].format(n=n, title=h.title or h.source, author=h.author or h.source)
        for n, h in enumerate(hits, 1)
        if n in used
    ]
    return str(t["sources"]).format(sources="; ".join(items))


def compose(*, question: str, hits: list[Hit], lang: Lang) -> str:
    """An extractive answer to `question` from `hits`, marked [n], with its sources."""
    picked = pick_sentences(question, hits)
    if not picked:
        return str(texts(Lang(lang).value)["not_covered"])
    body = " ".join(f"{p.text} [{p.number}]" for p in picked)
    return f"{body}\n\n{sources_text(hits, {p.number for p in picked}, lang)}"
