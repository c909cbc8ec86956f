"""The search configuration: every ranking knob in one frozen object, passed in.

Indexes take a SearchConfig and key whatever they derive from it (the card bridge) on it,
so a benchmark or a test passes its own instead of changing module state. The defaults
are the measured best (benchmarks/retrieval.py; history in benchmarks/NOTES.md).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchConfig:
    vector_weight: float = 0.5
    """Share of the vector score in the fused score of a Finnish question; the rest is
    lexical (BM25)."""
    vector_weight_en: float = 0.5
    """The same for an English question, whose lexical side is mostly glossary terms."""
    char_weight: float = 0.2
    """Share of character n-gram TF-IDF, taken from BM25's share, for Finnish questions only:
    an English question's grams do not occur in Finnish text."""
    bridge_weight: float = 0.5
    """Weight of the card bridge's support (0..1) over ingested articles; 0 turns it off."""
    bridge_weight_en: float = 0.5
    """The same for an English question (the bridge's English cards meet it in English)."""
    bridge_cards: int = 3
    """How many of the question's best cards pass their score on through the bridge."""
    bridge_questions: float = 0.5
    """Weight of the cards' example questions when the bridge matches a question to cards:
    a card scores its text's fused score plus this times the vector closeness (0..1) of its
    best example question. Vectors only: BM25 over one-line questions is noise."""
    window_weight: float = 0.5
    """Share of a passage's best window (a few sentences, ingest/chunking.py) in its score;
    the rest is the whole passage's. 0 scores whole passages only."""
    neighbour_weight: float = 0.0
    """Share of the better neighbouring passage's score (same document, next to it) added
    to a passage's own: a passage window, for answers that start in the passage before."""
    reference_factor: float = 0.5
    """Bibliography passages' scores are multiplied by this: they still rank when nothing
    else matches, never above real guidance."""
    lang_bonus: float = 0.1
    """Added to passages in the requested language: a preference, not a filter."""
    expansion_weight: float = 0.8
    """Weight of glossary expansion terms against the question's own words."""
    context_chars: int = 150
    """How much of the previous passage the character n-gram signal sees."""
    gram_weight: float = 0.35
    """BM25 weight of a long stem's character 5-grams (compound parts)."""
    prefix_weight: float = 0.5
    """BM25 weight of a word's 5-letter prefix (a crude but robust Finnish stem)."""


DEFAULT = SearchConfig()
