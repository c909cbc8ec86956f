"""The correction reader's language rules: prompts/offline/rules.fi.yaml and rules.en.yaml.

One file per language, so a writer adds a Finnish verb without reading English regular
expressions. Each file has word lists (`words`), the ordinal words (`ordinals`), the rules of
a correction (`rules`) and the extra rules of a stage-list answer (`stage_list`).

Precedence is declared in the files: THE ORDER OF THE RULES IN A FILE IS THE ORDER IN WHICH
THE READER TRIES THEM, and both files list the same rules in the same order (checked here
and by tests/brains/test_rules_files.py). A message is read against both languages at once,
Finnish patterns first, because people mix them ("poista Facebook" in an English interview,
"their nimi on Markku"); for the same reason `{list}` in a pattern stands for that word list
in both files. A rule's patterns are tried in the Finnish file's order, a pattern only the
English file has just before the next pattern both files share; a pattern written the same
in both files is compiled once. The logic (which
names the map has, which edit to build) stays in corrections.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict

from assistant.model import Lang
from assistant.prompts import load_yaml

_SLOT = re.compile(r"\{([a-z_]+)\}")


class Rule(BaseModel):
    """One rule of a language file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    """What the code calls it (corrections.py has one handler per name)."""
    op: str
    """The edit operation(s) it produces, for the reader of the file."""
    patterns: tuple[str, ...] = ()
    """Case-insensitive regular expressions with named groups and {word list} slots."""
    absent: bool = False
    """True when the language has no pattern for this rule (say so rather than omit it)."""
    each_pattern: bool = False
    """Try every pattern in turn until one gives an edit (else the leftmost match decides)."""


class RuleFile(BaseModel):
    """prompts/offline/rules.<lang>.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    words: dict[str, tuple[str, ...]]
    ordinals: dict[int, tuple[str, ...]]
    """The ordinal words by the index of the stage they name (-1 the last)."""
    rules: tuple[Rule, ...]
    stage_list: tuple[Rule, ...]


@cache
def rule_file(lang: Lang) -> RuleFile:
    return RuleFile.model_validate(load_yaml(f"offline/rules.{lang.value}.yaml"))


@cache
def words(name: str) -> tuple[str, ...]:
    """A word list of every language, Finnish first ("ordinal" is the words of `ordinals`)."""
    out: list[str] = []
    for lang in Lang:
        table = rule_file(lang)
        if name == "ordinal":
            found: tuple[str, ...] | None = tuple(w for ws in table.ordinals.values() for w in ws)
        else:
            found = table.words.get(name)
        if found is None:
            raise KeyError(f"rules.{lang.value}.yaml has no word list {name!r}")
        out += [w for w in found if w not in out]
    return tuple(out)


def word_set(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in words(name))


def ordinal_index(word: str) -> int:
    """0 for "eka" / "first", -1 for "viimeinen" / "last"."""
    for lang in Lang:
        for i, said in rule_file(lang).ordinals.items():
            if word.lower() in said:
                return i
    raise KeyError(word)


def expand(template: str) -> str:
    """The template with each {list} replaced by the alternation of that list's words."""
    return _SLOT.sub(lambda m: "(?:" + "|".join(words(m.group(1))) + ")", template)


@cache
def regex(template: str, *, case: bool = False) -> re.Pattern[str]:
    """A pattern of the code (clause splits, fillers) built over the word lists."""
    return re.compile(expand(template), 0 if case else re.IGNORECASE)


@dataclass(frozen=True)
class Compiled:
    """A rule of both languages, compiled."""

    name: str
    patterns: tuple[re.Pattern[str], ...]
    each_pattern: bool

    def find(self, text: str) -> re.Match[str] | None:
        """The leftmost match of any pattern, the earlier pattern at the same position: what
        one regular expression with the patterns as alternatives would find."""
        best: re.Match[str] | None = None
        for p in self.patterns:
            m = p.search(text)
            if m and (best is None or m.start() < best.start()):
                best = m
        return best

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """The match that decides, or with each_pattern every pattern's match in order."""
        if not self.each_pattern:
            if m := self.find(text):
                yield m
            return
        for p in self.patterns:
            if m := p.search(text):
                yield m


def _merge(first: list[str], second: tuple[str, ...]) -> list[str]:
    """Both lists in one, each keeping its order: a pattern only `second` has goes just
    before the next pattern both share (at the end when none follows)."""
    merged = list(first)
    for i, p in enumerate(second):
        if p in merged:
            continue
        shared = next((q for q in second[i + 1 :] if q in first), None)
        merged.insert(merged.index(shared) if shared else len(merged), p)
    return merged


@cache
def rules(section: str = "rules") -> tuple[Compiled, ...]:
    """The rules of a section ("rules" or "stage_list") in precedence order."""
    tables = [getattr(rule_file(lang), section) for lang in Lang]
    names = [tuple(r.name for r in table) for table in tables]
    if len(set(names)) != 1:
        raise ValueError(f"the rule files list different {section}: {names}")
    out = []
    for same in zip(*tables, strict=True):
        patterns: list[str] = []
        for rule in same:
            patterns = _merge(patterns, rule.patterns)
        compiled = tuple(re.compile(expand(p), re.IGNORECASE) for p in patterns)
        out.append(Compiled(same[0].name, compiled, same[0].each_pattern))
    return tuple(out)


def rule(name: str, section: str = "rules") -> Compiled:
    return next(r for r in rules(section) if r.name == name)
