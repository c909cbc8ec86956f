"""Split a document into passages along headings and paragraphs, each at most ~800 characters."""

from __future__ import annotations

import re

MAX_CHARS = 800
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_SENTENCE_OR_LINE = re.compile(r"(?<=[.!?…])\s+|\n+")
WINDOW_SENTENCES = 3
"""Sentences per window of a passage (a heading or a list item counts as one)."""
WINDOW_STEP = 2
"""Sentences from one window's start to the next: neighbours share a sentence, so an idea
told across a sentence boundary is whole in some window."""


def _is_heading(line: str) -> bool:
    if line.startswith("#"):
        return True
    # A short line with no closing punctuation reads as a heading in plain-text articles.
    return (
        len(line) <= 70
        and not line.endswith((".", ":", ",", ";", "!", "?", "|"))
        and not (line[:1] in "•-*–" or line[:2].rstrip(".").isdigit())
    )


def _split_long(block: str, limit: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(block):
        while len(sentence) > limit:  # a "sentence" with no full stop: cut at a space
            cut = sentence.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            pieces.extend([current] if current else [])
            current = ""
            pieces.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if current and len(current) + 1 + len(sentence) > limit:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        pieces.append(current)
    return [p for p in pieces if p]


def chunk_text(text: str, *, max_chars: int | None = None) -> list[str]:
    """Passages in document order; a heading opens a new passage and stays with its text."""
    max_chars = max_chars or MAX_CHARS
    chunks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            chunks.append("\n".join(current))
            current.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if _is_heading(line):
            flush()
        for piece in _split_long(line, max_chars) if len(line) > max_chars else [line]:
            size = sum(len(c) + 1 for c in current)
            if current and size + len(piece) > max_chars:
                heading_only = len(current) == 1 and _is_heading(current[0])
                if not heading_only or size + len(piece) > max_chars:
                    flush()
            current.append(piece)
    flush()
    return chunks


def sentence_windows(
    text: str, *, size: int = WINDOW_SENTENCES, step: int = WINDOW_STEP
) -> list[str]:
    """The passage in runs of `size` sentences, one every `step`, the last one ending with
    the passage: for scoring a passage by its best part, since 800 characters often hold
    several ideas and a question asks about one. A short passage is its own one window."""
    sentences = [s.strip() for s in _SENTENCE_OR_LINE.split(text) if len(s.strip()) > 3]
    if len(sentences) <= size:
        return [text]
    starts = list(range(0, len(sentences) - size + 1, step))
    if starts[-1] + size < len(sentences):
        starts.append(len(sentences) - size)
    return [" ".join(sentences[i : i + size]) for i in starts]


_REFERENCE_HEADINGS = frozenset(
    ["lähteet", "lähdeluettelo", "kirjallisuus", "references", "sources", "bibliography"]
)
_CITATION = re.compile(
    r"^[^\W\d_][^\W\d_'’ -]*(?:[-' ][^\W\d_]+)*, (?:[A-ZÅÄÖ]\.|[A-ZÅÄÖ][a-zåäö]+ ?&)"
    r"|\b(?:viitattu|saatavissa|retrieved|available at|doi\.org)\b",
    re.IGNORECASE,
)


def looks_like_references(text: str) -> bool:
    """True for a passage of a bibliography ("Oomen, J. 2018. ... Viitattu ... Saatavissa").
    Its English titles are rare words in a Finnish article, so lexical search ranks it high
    for English questions, yet a reference list never answers an entrepreneur's question."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and lines[0].lower().rstrip(":") in _REFERENCE_HEADINGS:
        return True
    cited = sum(bool(_CITATION.search(line)) for line in lines)
    return bool(lines) and cited * 2 >= len(lines)
