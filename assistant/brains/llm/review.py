"""The LLM's part in the review: concrete wording for the offline suggestions.

The offline rules decide WHAT to suggest and WHICH cards back it; the model
only rewrites title and why for this business and may adjust the priority.
Citations are checked against the offline set, so a model cannot invent one.
"""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict, Field

from assistant.brains.llm.calls import BadReply
from assistant.brains.llm.prompt_text import defuse
from assistant.model import Citation, Name, Priority, Suggestion, Text

_RANK = {Priority.HIGH: 0, Priority.MEDIUM: 1, Priority.LOW: 2}


class ReviewItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    index: int
    """Position of the rewritten suggestion in the offline list."""
    title: Name
    why: Text = ""
    priority: Priority = Priority.MEDIUM
    cites: list[str] = Field(default_factory=list, max_length=10)
    """Card ids (or source file names for cards without an id) from the offline set."""


class ReviewReply(BaseModel):
    model_config = ConfigDict(extra="forbid")

    suggestions: list[ReviewItem] = Field(max_length=30)


def _key(citation: Citation) -> str:
    return citation.card or citation.source


def suggestions_text(suggestions: list[Suggestion]) -> str:
    """The offline suggestions as numbered JSON lines for the prompt."""
    rows = [
        json.dumps(
            {
                "index": i,
                "title": s.title,
                "why": s.why,
                "stage": s.stage,
                "touchpoint": s.touchpoint,
                "priority": s.priority.value,
                "cards": [_key(c) for c in s.citations],
            },
            ensure_ascii=False,
        )
        for i, s in enumerate(suggestions)
    ]
    return defuse("\n".join(rows))


def merge(originals: list[Suggestion], reply: ReviewReply) -> list[Suggestion]:
    """The rewritten suggestions, with citations only from the offline set.

    A suggestion may cite only cards its offline version cites (a card behind another
    suggestion does not back this one); anything else is dropped, and a suggestion left
    with no citation gets its offline ones back. Skipped suggestions are kept as they were.
    """
    out: list[Suggestion] = []
    used: set[int] = set()
    for item in reply.suggestions:
        if not 0 <= item.index < len(originals) or item.index in used:
            continue
        used.add(item.index)
        orig = originals[item.index]
        allowed = {_key(c): c for c in orig.citations}
        cited = list({k: allowed[k] for k in item.cites if k in allowed}.values())
        out.append(
            orig.model_copy(
                update={
                    "title": item.title,
                    "why": item.why or orig.why,
                    "priority": item.priority,
                    "citations": cited or list(orig.citations),
                }
            )
        )
    if not used:
        raise BadReply("no suggestion matched the offline set")
    out += [s for i, s in enumerate(originals) if i not in used]
    # Stable: within one priority the model's order stands.
    out.sort(key=lambda s: _RANK[s.priority])
    return [Suggestion.model_validate(s.model_dump()) for s in out]
