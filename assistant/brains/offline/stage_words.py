"""Rewording a stages answer into the edit forms the correction reader knows.

People edit a proposed stage model in many word orders ("add after Purchase a stage called
Onboarding", "Rename Purchase to Contract and Service to Support", "nimeäisin Löytämisen
Inspiraatioksi ja Seikkailun Hääpäiväksi", "nimeä Palvelu uudelleen: Siivousarki"). Each is
rewritten here into one canonical form per edit ("add X after Y", "rename X to Y",
"X -> Y"), so one reader handles them all. The words are data (rules.fi.yaml and
rules.en.yaml, the lists under "Rewording a stages answer").
"""

from __future__ import annotations

import re

from assistant.brains.offline.names import match_name, translative
from assistant.brains.offline.rulebook import expand, regex


def _refs(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def _with_refs(template: str, names: list[str]) -> re.Pattern[str]:
    """A pattern over the word lists of rules.*.yaml, with <REFS> standing for the map's
    stage names (not cached: the names differ from map to map)."""
    return re.compile(expand(template).replace("<REFS>", _refs(names)), re.IGNORECASE)


def _stage_noun() -> re.Pattern[str]:
    return regex(
        r"\b(?P<verb>{new_stage_verb})\s+(?:{a_one}\s+)?(?:{new_more}\s+)?{stage_noun_any}\s+"
        r"(?:{called_named}\s+)?"
    )


def _translative() -> re.Pattern[str]:
    return regex(
        r"\b{translative_verb}\s+(?P<old>[\w-]+)\s+(?:{renamed_again}\s*[:,]?\s*)?"
        r"(?P<new>[\w-]+)\b(?P<more>(?:\s*(?:,|{and})\s*[\w-]+\s+[\w-]+?ksi\b)*)"
    )


def _translatives(text: str, names: list[str]) -> str:
    """ "nimeäisin Löytämisen Inspiraatioksi ja Seikkailun Hääpäiväksi" -> arrows."""

    def arrows(m: re.Match[str]) -> str:
        pairs = [(m["old"], m["new"])]
        pairs += re.findall(r"([\w-]+)\s+([\w-]+?ksi)\b", m["more"] or "")
        out = []
        for old, new in pairs:
            name = match_name(old, names)
            if name is None:
                return m.group(0)
            new = translative(new)  # "Maalaukseksi" -> "Maalaus", "Hääpäiväksi" -> "Hääpäivä"
            out.append(f"{name} -> {new[:1].upper()}{new[1:]}")
        return " ja ".join(out)

    return _translative().sub(arrows, text)


# "the first two weeks", "eka kaks viikkoa" say when, not which stages
_NOT_TIME = (
    r"(?!\s+(?:weeks?|days?|months?|years?|hours?|times?|visits?|viikkoa|päivää|kuukautta|"
    r"vuotta|tuntia|kertaa|käyntiä)\b)"
)


def _finnish(text: str) -> bool:
    return bool(re.search(r"[äö]|\b(?:ja|vois|eka|kaks|vikat|viimeiset)\b", text, re.IGNORECASE))


_APPOSITIVE = re.compile(r"\s*,\s*(?P<new>[A-ZÅÄÖ][\wåäöÅÄÖ-]+)\s*(?=[,.!]|$)")


def _merge_named(text: str, names: list[str]) -> str:
    """ "yhdistä maistelu ja tilavierailu, ne on sama juttu. Nimeks Tilavierailu", "yhdistä
    harkinta ja osto yhdeks vaiheeks, Aloituspalaveri, se on …", "merge A and B. Call it X"
    -> the merge with its name in one clause ("… nimellä X", "… into one called X"); named
    after one of the two, that one stays and the other goes."""
    m = _with_refs(
        r"\b(?P<verb>{merge_verb})\s+(?P<a>(?:<REFS>)[\wåäö]*)\s+(?P<and>{and}|with)\s+"
        r"(?P<b>(?:<REFS>)[\wåäö]*)(?P<one>\s+{merge_into_one})?",
        names,
    ).search(text)
    if m is None:
        return text
    rest = text[m.end() :]
    named = _APPOSITIVE.match(rest)
    if named is None or match_name(named["new"], names):
        lead = r"^[^.!?]{0,80}?[,.!]\s*(?:{and}\s+)?{merge_name_lead}\s+(?P<new>[\wåäö-]+)"
        named = regex(lead).match(rest)
    if named is None:
        return text
    a, b = match_name(m["a"], names), match_name(m["b"], names)
    same = match_name(named["new"], names)
    if same and same not in (a, b):
        return text
    fi = _finnish(m["verb"])  # "yhdistä", "yhdistetään"
    if same:  # named after one of the two: it stays where the first was
        other = b if same == a else a
        merged = f"{m['verb']} {same} {m['and']} {other}"
    else:
        called = "nimellä" if fi else "into one called"
        merged = f"{m['verb']} {m['a']} {m['and']} {m['b']}{m['one'] if fi and m['one'] else ''} {called} {named['new']}"
    return f"{text[: m.start()]}{merged}{rest[named.end() :]}"


def reword(text: str, names: list[str]) -> str:
    """The answer with each edit of the proposed `names` in a form the reader knows."""
    text = _merge_named(text, names)
    if len(names) >= 3:  # "eka kaks vois yhdistää", "swap the last two": by name
        both = "ja" if _finnish(text) else "and"
        text = regex(r"\b{first_two}\b" + _NOT_TIME).sub(f"{names[0]} {both} {names[1]}", text)
        text = regex(r"\b{last_two}\b" + _NOT_TIME).sub(f"{names[-2]} {both} {names[-1]}", text)
    text = regex(r"\b{i_would_add}\b").sub("add", text)
    m = _with_refs(
        r"\b(?P<verb>{new_stage_verb})\s+(?P<rel>{rel})\s+(?:the\s+)?(?P<ref>(?:<REFS>)[\wåäö]*)\s+"
        r"(?:{a_one}\s+)?(?:{new_more}\s+)?(?:{stage_noun_any}\s*)?(?:{called_named}\s+)?"
        r"(?P<name>[^,.;]+)",
        names,
    ).search(text)
    if m is not None:  # "add after Purchase a stage called Onboarding"
        moved = f"{m['verb']} {m['name'].strip()} {m['rel']} {m['ref']}"
        text = text[: m.start()] + moved + text[m.end() :]
    text = _stage_noun().sub(lambda m: f"{m['verb']} stage ", text)  # "add a stage called X"
    # "call Engagement Loyalty" -> "rename Engagement to Loyalty"
    text = _with_refs(
        r"(?<!you )(?<!we )\b{call_name}\s+(?:the\s+)?(<REFS>)\s+(?!{replace_tail}\b)(?!is\b|are\b)"
        r"([\w-]+(?:\s+(?!{replace_tail}\b)[\w-]+)?)",
        names,
    ).sub(r"rename \1 to \2", text)
    # "Rename Purchase to Contract and Service to Support": the verb carries over, within
    # its sentence and after it ("merge A and B into one. And rename C to D" keeps the merge).
    verb = regex(r"\b{rename_verb}\b")
    carry = _with_refs(r"(,|\b{and}\b)\s+(?=(?:<REFS>)\s+{rename_to}\b)", names)
    out = []
    for sentence in re.split(r"(?<=[.!?])(?=\s)", text):
        if m := verb.search(sentence):
            sentence = sentence[: m.end()] + carry.sub(r"\1 rename ", sentence[m.end() :])
        out.append(sentence)
    return _translatives("".join(out), names)
