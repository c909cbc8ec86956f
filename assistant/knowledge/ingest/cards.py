"""Guidance cards (knowledge/cards/{fi,en}/*.md) and the article list (knowledge/sources.yaml)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.model import Lang
from assistant.resources import KNOWLEDGE_DIR

log = logging.getLogger(__name__)


def default_knowledge_dir() -> Path:
    return KNOWLEDGE_DIR


@dataclass(frozen=True)
class Source:
    """An article a card rests on."""

    file: str
    title: str
    author: str = ""


@dataclass(frozen=True)
class Card:
    """One idea of guidance in one language."""

    id: str
    lang: str
    title: str
    stages: tuple[str, ...]
    topics: tuple[str, ...]
    slots: tuple[str, ...]
    sources: tuple[Source, ...]
    body: str
    """Markdown; the first sentence is the tip in one line."""
    path: Path
    questions: tuple[str, ...] = ()
    """Questions an entrepreneur might ask that this card answers, written without seeing
    the benchmark. Not indexed: as extra card text (BM25, vectors or both) they changed
    hit@3 on 128 dev questions by nothing in sum, Finnish 0.87 -> 0.84 and English 0.85 ->
    0.88, and Finnish comes first. The chat offers them as example questions."""


def _tuple(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def parse_card(path: Path) -> Card:
    import yaml

    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        raise ValueError("no front matter")
    head, sep, body = text[4:].partition("\n---")
    if not sep:
        raise ValueError("front matter is not closed")
    # libyaml when present: parsing 160 cards is a good part of a cold search otherwise.
    meta = yaml.load(head, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    if not isinstance(meta, dict) or not meta.get("id"):
        raise ValueError("front matter has no id")
    sources = tuple(
        Source(
            file=str(s.get("file", "")),
            title=str(s.get("title", "")),
            author=str(s.get("author", "")),
        )
        for s in meta.get("sources") or []
        if isinstance(s, dict) and s.get("file")
    )
    return Card(
        id=str(meta["id"]),
        lang=str(meta.get("lang") or path.parent.name),
        title=str(meta.get("title", "")),
        stages=_tuple(meta.get("stages")) or ("all",),
        topics=_tuple(meta.get("topics")),
        slots=_tuple(meta.get("slots")),
        sources=sources,
        body=body.partition("\n")[2].strip(),
        path=path,
        questions=_tuple(meta.get("questions")),
    )


SIGNATURE_TTL = 2.0
"""Seconds a look at the card files is trusted: an edited card shows within this long,
and a chat turn does not stat 160 files for each of its card lookups."""
_signatures: dict[Path, tuple[float, tuple[tuple[str, int, int], ...]]] = {}


def _signature(knowledge_dir: Path) -> tuple[tuple[str, int, int], ...]:
    now = time.monotonic()
    seen = _signatures.get(knowledge_dir)
    if seen is not None and now - seen[0] < SIGNATURE_TTL:
        return seen[1]
    files = sorted((knowledge_dir / "cards").glob("**/*.md"))
    stats = [(str(f), f.stat()) for f in files]
    signature = tuple((name, info.st_mtime_ns, info.st_size) for name, info in stats)
    _signatures[knowledge_dir] = (now, signature)
    return signature


@lru_cache(maxsize=8)
def _load(knowledge_dir: Path, signature: tuple[tuple[str, int, int], ...]) -> tuple[Card, ...]:
    cards: list[Card] = []
    for name, _, _ in signature:
        try:
            cards.append(parse_card(Path(name)))
        except (ValueError, OSError, UnicodeDecodeError, AttributeError) as exc:
            log.warning("skipping card %s: %s", name, exc)
        except Exception as exc:  # yaml errors: a broken card must not break the app
            log.warning("skipping card %s: %s", name, exc)
    return tuple(cards)


def load_cards(*, knowledge_dir: Path | None = None, fresh: bool = False) -> list[Card]:
    """Every readable card (a broken one is logged and skipped); cached until a file changes
    (noticed within SIGNATURE_TTL, or at once with `fresh`, as an index build needs)."""
    kdir = (knowledge_dir or default_knowledge_dir()).resolve()
    if fresh:
        _signatures.pop(kdir, None)
    return list(_load(kdir, _signature(kdir)))


def example_questions(
    card_id: str, *, lang: Lang, knowledge_dir: Path | None = None
) -> tuple[str, ...]:
    """The questions card `card_id` answers, in `lang` (none when the card or its
    translation is missing): offered in the chat as something the user could ask next."""
    for card in load_cards(knowledge_dir=knowledge_dir):
        if card.id == card_id and card.lang == lang:
            return card.questions
    return ()


def cards_for(
    *, slot: str, lang: Lang, stage_key: str | None = None, knowledge_dir: Path | None = None
) -> list[Card]:
    """Cards that fit an interview slot in `lang`: stage-specific ones first, then 'all'."""
    fits = [
        c for c in load_cards(knowledge_dir=knowledge_dir) if c.lang == lang and slot in c.slots
    ]
    if stage_key:
        fits = [c for c in fits if stage_key in c.stages or "all" in c.stages]
        fits.sort(key=lambda c: (stage_key not in c.stages, c.id))
    else:
        fits.sort(key=lambda c: c.id)
    return fits


@lru_cache(maxsize=4)
def _sources(path: Path, mtime: int) -> dict[str, tuple[str, str]]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if isinstance(data, dict) and isinstance(data.get("sources"), list):
        data = data["sources"]
    rows: list[dict[str, object]] = []
    if isinstance(data, list):
        rows = [r for r in data if isinstance(r, dict)]
    elif isinstance(data, dict):
        rows = [{"file": k, **v} for k, v in data.items() if isinstance(v, dict)]
    return {
        str(r["file"]): (str(r.get("title", "")), str(r.get("author", "")))
        for r in rows
        if r.get("file")
    }


def load_sources(*, knowledge_dir: Path | None = None) -> dict[str, tuple[str, str]]:
    """file name -> (title, author) of the source articles."""
    path = (knowledge_dir or default_knowledge_dir()) / "sources.yaml"
    try:
        return _sources(path, path.stat().st_mtime_ns)
    except Exception as exc:  # absent or broken: ingest still works, without authors
        log.debug("no sources.yaml: %s", exc)
        return {}
