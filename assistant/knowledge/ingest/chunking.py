"""Split a document into passages along headings and paragraphs, each at most ~800 characters."""

from __future__ import annotations

import re

MAX_CHARS = 800
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


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
