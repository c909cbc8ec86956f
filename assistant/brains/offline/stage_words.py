"""Rewording a stages answer into the edit forms the correction reader knows.

People edit a proposed stage model in many word orders ("add after Purchase a stage called
Onboarding", "Rename Purchase to Contract and Service to Support", "nimeäisin Löytämisen
Inspiraatioksi ja Seikkailun Hääpäiväksi", "nimeä Palvelu uudelleen: Siivousarki"). Each is
rewritten here into one canonical form per edit ("add X after Y", "rename X to Y",
"X -> Y"), so one reader handles them all.
"""

from __future__ import annotations

import re

from assistant.brains.offline.names import match_name


def _refs(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_STAGE_NOUN = re.compile(
    r"\b(?P<verb>add|insert|lisää|lisäisin|lisätään)\s+(?:(?:a|an|one|uusi|yksi)\s+)?"
    r"(?:(?:new|extra|more|uusi)\s+)?(?:stage|phase|step|vaihe)\s+(?:(?:called|named|nimeltä)\s+)?",
    re.IGNORECASE,
)
_TRANSLATIVE = re.compile(
    r"\bnimeä\w*\s+(?P<old>[\w-]+)\s+(?:uudelleen\s*[:,]?\s*)?(?P<new>[\w-]+?)(?:ksi)?\b"
    r"(?P<more>(?:\s*(?:,|ja)\s*[\w-]+\s+[\w-]+?ksi\b)*)",
    re.IGNORECASE,
)


def _translatives(text: str, names: list[str]) -> str:
    """ "nimeäisin Löytämisen Inspiraatioksi ja Seikkailun Hääpäiväksi" -> arrows."""

    def arrows(m: re.Match[str]) -> str:
        pairs = [(m["old"], m["new"])]
        pairs += re.findall(r"([\w-]+)\s+([\w-]+?)ksi\b", m["more"] or "")
        out = []
        for old, new in pairs:
            name = match_name(old, names)
            if name is None:
                return m.group(0)
            out.append(f"{name} -> {new[:1].upper()}{new[1:]}")
        return " ja ".join(out)

    return _TRANSLATIVE.sub(arrows, text)


def reword(text: str, names: list[str]) -> str:
    """The answer with each edit of the proposed `names` in a form the reader knows."""
    refs = _refs(names)
    text = re.sub(r"\bi'?d\s+add\b", "add", text, flags=re.IGNORECASE)
    m = re.search(
        rf"\b(?P<verb>add|insert)\s+(?P<rel>after|before)\s+(?:the\s+)?(?P<ref>{refs})\s+"
        r"(?:(?:a|an|one)\s+)?(?:(?:more|new|extra)\s+)?(?:(?:stage|phase|step)\s*)?"
        r"(?:(?:called|named)\s+)?(?P<name>[^,.;]+)",
        text,
        re.IGNORECASE,
    )
    if m is not None:  # "add after Purchase a stage called Onboarding"
        moved = f"{m['verb']} {m['name'].strip()} {m['rel']} {m['ref']}"
        text = text[: m.start()] + moved + text[m.end() :]
    text = _STAGE_NOUN.sub(lambda m: f"{m['verb']} stage ", text)  # "add a stage called X"
    # "call Engagement Loyalty" -> "rename Engagement to Loyalty"
    text = re.sub(
        rf"\b(?:call|name)\s+(?:the\s+)?({refs})\s+(?!instead\b)([\w-]+(?:\s+(?!instead\b)[\w-]+)?)",
        r"rename \1 to \2",
        text,
        flags=re.IGNORECASE,
    )
    if re.search(r"\brename\b", text, re.IGNORECASE):
        # "Rename Purchase to Contract and Service to Support": the verb carries over.
        text = re.sub(
            rf"(,|\band\b)\s+(?=(?:{refs})\s+(?:to|into|as)\b)",
            r"\1 rename ",
            text,
            flags=re.IGNORECASE,
        )
    return _translatives(text, names)
