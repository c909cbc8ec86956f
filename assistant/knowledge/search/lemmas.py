"""Finnish lemmas for lexical search, without loading simplemma's dictionary per search.

Snowball stems miss consonant gradation and stem changes: "hinnoista" stems to "hino",
"hinta" to "hint". simplemma's lemma ("hinta") bridges them, but its Finnish dictionary
(3.5 million forms) takes ~4 s to load: far over a cold search's budget. So an index keeps
a lemma table: every dictionary form whose lemma occurs in the index's own text (~50,000
forms for the cards and the five articles, 20 ms to read). A question's word outside the
table has no lemma in the text anyway, so it could not match through one.
The cards' table ships in knowledge/lemmas/ (regenerate it after editing cards:
`.venv/bin/python -m assistant.knowledge.search.lemmas`); a document store builds its own at
ingest.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.knowledge.ingest.cards import default_knowledge_dir, load_cards
from assistant.knowledge.search.tokens import raw_words
from assistant.lang.words import fi_dictionary

if TYPE_CHECKING:
    from assistant.knowledge.ingest.passages import Passage

log = logging.getLogger(__name__)
FILE = Path("lemmas") / "fi.json"
"""Where the cards' table lives under the knowledge directory."""
REGENERATE = ".venv/bin/python -m assistant.knowledge.search.lemmas"


def vocabulary(texts: Iterable[str]) -> set[str]:
    """Lower-case words of `texts`, hyphenated compounds whole and in parts."""
    out: set[str] = set()
    for text in texts:
        for match in raw_words(text):
            out.add(match.replace("-", ""))
            out.update(part for part in match.split("-") if part)
    return out


def build_table(texts: Iterable[str], *, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """form -> lemma for every dictionary form of a lemma found in `texts` (and each word of
    the texts themselves), merged over `base`. The first call in a process loads the
    dictionary (~4 s); call it while indexing, never per search."""
    import simplemma

    table = dict(base or {})
    words = vocabulary(texts)
    own = {w: str(simplemma.lemmatize(w, lang="fi")).lower() for w in words if not w.isdigit()}
    wanted = {lemma.encode() for lemma in (*own.values(), *table.values())}
    for form, lemma in fi_dictionary().items():
        if lemma in wanted and form != lemma:
            table[form.decode().lower()] = lemma.decode().lower()
    table.update({w: lemma for w, lemma in own.items() if lemma != w})
    return table


def load_table(path: Path, *, key: str | None = None) -> dict[str, str] | None:
    """The table saved at `path`; None when missing, unreadable or (with `key`) stale."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if key is not None and data.get("key") != key:
            return None
        table = data["table"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.debug("no lemma table at %s: %s", path, exc)
        return None
    return {str(k): str(v) for k, v in table.items()} if isinstance(table, dict) else None


def save_table(path: Path, table: Mapping[str, str], *, key: str = "") -> None:
    """Written atomically; a failure is logged, never raised (the next build retries)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        body = {"key": key, "table": dict(sorted(table.items()))}
        tmp.write_text(json.dumps(body, ensure_ascii=False, indent=0), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("could not save the lemma table at %s: %s", path, exc)


def card_texts(knowledge_dir: Path) -> list[str]:
    return [f"{c.title}\n{c.body}" for c in load_cards(knowledge_dir=knowledge_dir)]


def shipped_table(knowledge_dir: Path) -> dict[str, str]:
    """The cards' table from knowledge/lemmas/ ({} when absent: stems alone still work)."""
    return load_table(knowledge_dir / FILE) or {}


def table_for(passages: Sequence[Passage], *, path: Path) -> dict[str, str]:
    """The lemma table of these passages and of the cards: read from `path` when it was
    saved for exactly these passages, else built (~4 s for the dictionary once per
    process, then ~0.2 s; ingest does it) and saved there."""
    if not passages:
        return {}  # nothing to match against
    kdir = default_knowledge_dir()
    try:  # the cards' table is part of this one: a new one means a rebuild
        info = (kdir / FILE).stat()
        digest = hashlib.sha256(f"{info.st_size}-{info.st_mtime_ns}".encode())
    except OSError:
        digest = hashlib.sha256(b"no card table")
    for p in passages:
        digest.update(p.id.encode() + b"\0")
    key = digest.hexdigest()
    table = load_table(path, key=key)
    if table is None:
        table = build_table([p.index_text for p in passages], base=shipped_table(kdir))
        save_table(path, table, key=key)
    return table


def main() -> None:
    kdir = default_knowledge_dir()
    table = build_table(card_texts(kdir))
    save_table(kdir / FILE, table)
    print(f"{len(table)} forms -> {kdir / FILE}")


if __name__ == "__main__":
    main()
