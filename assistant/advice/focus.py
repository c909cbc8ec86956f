"""The question itself when a message gives context first: "Our checkout is the critical
one. How do I make it better?" asks how to make the checkout better, and the context's
words ("critical") must not pull in the passages about critical touchpoints.

Only a question that points back with a pronoun is rewritten, and only when the sentence
before it names its topic plainly ("Our checkout is …", "Meidän kassa on …"); otherwise the
whole message stands, since context like "Moni jättää ostoskorin kesken. Mitä teen?" is the
question's substance.
"""

from __future__ import annotations

import re

from assistant.lang.clauses import sentences

_PRONOUN = re.compile(
    r"\b(?:it|that|this|them|se|sen|sitä|siitä|siihen|tätä|tää|tämän|tästä|niitä|ne)\b",
    re.IGNORECASE,
)
_TOPIC = re.compile(
    r"^(?:(?:our|my|the|meidän|meiän|mun|minun|meillä|meil|we\s+have|i\s+have)\s+)?"
    r"(?P<topic>[\w-]+(?:\s+[\w-]+){0,2}?)\s+(?:is|are|was|were|on|ovat|oli|olivat)\b",
    re.IGNORECASE,
)
_NO_TOPIC = frozenset(
    {"it", "that", "this", "there", "se", "tää", "tämä", "he", "she", "they", "hän", "ne"}
)


def focus(question: str) -> str:
    """The question to search with: the last question of the message with its pronoun
    replaced by the topic named just before it, or the message as it is."""
    parts = sentences(question)
    if len(parts) < 2 or "?" not in parts[-1]:
        return question
    asked, before = parts[-1], parts[-2]
    m = _TOPIC.match(before)
    if m is None or m.group("topic").lower() in _NO_TOPIC:
        return question
    if not _PRONOUN.search(asked):
        return question
    return _PRONOUN.sub(m.group("topic"), asked, count=1)
