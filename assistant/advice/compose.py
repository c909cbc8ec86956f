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
from assistant.knowledge.base import Hit
from assistant.model import Lang
from assistant.prompts import load_yaml

MAX_SENTENCES = 4
"""An answer in the chat stays short; the sources are there for more."""
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
    """The lead sentence of the best passage, then the sentences closest to the question."""
    asked = weights(question)
    # A sentence must speak to the question, not merely mention customers.
    need = min(ON_TOPIC, sum(asked.values()) / 2)
    scored: list[tuple[float, int, int, str, float]] = []
    for n, hit in enumerate(hits, 1):
        for i, s in enumerate(sentences(hit.text)):
            shared = overlap(asked, weights(s))
            # Earlier passages and earlier sentences win ties: they carry the point.
            scored.append((shared - 0.3 * (n - 1) - 0.05 * i, n, i, s, shared))
    if not scored:
        return []
    # The best passage's first sentence states its point; it leads when it is on topic.
    lead = [row for row in scored if row[1] == 1 and row[2] == 0 and row[4] >= need]
    rest = sorted((row for row in scored if row not in lead and row[4] >= need), reverse=True)
    chosen = [*lead, *rest][:MAX_SENTENCES]
    chosen.sort(key=lambda row: (row[1], row[2]))
    return [Picked(number=row[1], text=row[3]) for row in chosen]


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
