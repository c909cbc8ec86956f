"""The card bridge: cards lead a question to the passages of the articles they cite.

The hashed n-gram embedder used here cannot match an English question to Finnish text at
all, so whatever brings the Finnish passage up in these tests is the bridge."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.knowledge import SearchConfig, open_document_store
from assistant.knowledge.ingest.passages import Passage
from assistant.knowledge.search.bridge import CardBridge
from assistant.knowledge.search.embeddings import HashEmbedder
from assistant.knowledge.search.hybrid import HybridIndex
from assistant.settings import get_settings

pytestmark = pytest.mark.slow  # ingests articles and builds the card bridge

EMBEDDER = HashEmbedder()
CARDS = {
    "checkout": (
        "Karsi verkkokaupan kassalta turhat lomakekentät ja tarjoa useita maksutapoja.",
        "Make the checkout quicker: cut needless form fields and offer several ways to pay.",
    ),
    "first-impression": (
        "Ensivaikutelma syntyy verkkosivuilla ja somessa jo ennen ensimmäistä yhteydenottoa.",
        "The first impression forms on the website and social media before any contact.",
    ),
}


def card(card_id: str, lang: str, *, source: str = "a.txt", title: str = "Artikkeli A") -> Passage:
    fi, en = CARDS[card_id]
    return Passage(
        id=f"{card_id}.{lang}",
        text=fi if lang == "fi" else en,
        source=source,
        title=title,
        lang=lang,
        card=card_id,
        card_title=card_id,
    )


def doc(source: str, pos: int, text: str, *, lang: str = "fi", title: str = "") -> Passage:
    return Passage(
        id=f"{source}-{pos}",
        text=text,
        source=source,
        title=title or source,
        position=pos,
        lang=lang,
        doc_key=f"/docs/{source}",
    )


def index(passages: list[Passage]) -> HybridIndex:
    vectors = EMBEDDER.passages([p.index_text for p in passages])
    return HybridIndex(passages=passages, vectors=vectors, embedder=EMBEDDER)


@pytest.fixture()
def cards() -> HybridIndex:
    return index([card(c, lang) for c in CARDS for lang in ("fi", "en")])


A_CHECKOUT = doc(
    "a.txt", 0, "Kassalla lomakekentät kannattaa karsia ja maksutapoja tarjota useita."
)
A_IMPRESSION = doc("a.txt", 1, "Ensivaikutelma syntyy verkkosivuilla ja somessa.")
B_CHECKOUT = doc("b.txt", 0, "Kassalla lomakekentät kannattaa karsia, sanoo toinenkin artikkeli.")
QUESTION = "How do I make the checkout quicker with fewer form fields?"


def test_an_english_question_reaches_the_finnish_passage_through_its_card(
    cards: HybridIndex,
) -> None:
    documents = index([A_IMPRESSION, A_CHECKOUT])
    documents.bridge = CardBridge(cards=cards, documents=documents)
    support = documents.bridge.scores(QUESTION)
    assert support[1] == pytest.approx(1.0)
    assert support[0] < 0.8

    def lead() -> float:
        scores = {p.id: s for s, p in documents.scored(QUESTION)}
        return scores[A_CHECKOUT.id] - scores[A_IMPRESSION.id]

    with_bridge = lead()
    documents.bridge = None
    assert with_bridge > 0
    assert with_bridge > lead() + 0.5 * documents.config.bridge_weight_en


def test_only_passages_of_a_cited_document_get_support(cards: HybridIndex) -> None:
    documents = index([A_CHECKOUT, B_CHECKOUT])
    bridge = CardBridge(cards=cards, documents=documents)
    support = bridge.scores(QUESTION)
    assert support[0] == pytest.approx(1.0)
    assert support[1] == 0.0, "b.txt is cited by no card"
    assert not bridge.affinity[:, 1].any()


def test_a_renamed_copy_is_recognised_by_its_title(cards: HybridIndex) -> None:
    renamed = doc("kopio.txt", 0, A_CHECKOUT.text, title="Artikkeli A")
    bridge = CardBridge(cards=cards, documents=index([renamed]))
    assert bridge.scores(QUESTION)[0] == pytest.approx(1.0)


def test_no_cited_document_means_no_support_at_all(cards: HybridIndex) -> None:
    bridge = CardBridge(cards=cards, documents=index([B_CHECKOUT]))
    assert not bridge.scores(QUESTION).any()


def test_the_card_in_the_documents_language_sets_the_affinity(
    cards: HybridIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    stray_english = doc("a.txt", 2, "An English summary of the article.", lang="en")
    documents = index([A_CHECKOUT, A_IMPRESSION, stray_english])
    seen: list[str] = []
    real = documents.fused

    def spy(query: str, *, vector: object = None) -> object:
        seen.append(query)
        return real(query, vector=vector)  # type: ignore[arg-type]

    monkeypatch.setattr(documents, "fused", spy)
    CardBridge(cards=cards, documents=documents).affinity  # noqa: B018
    assert len(seen) == len(CARDS)
    assert all(CARDS[c][0] in q for c, q in zip(sorted(CARDS), seen, strict=True)), seen


def test_ingest_builds_the_bridge_for_a_cited_article(tmp_path: Path) -> None:
    """The real cards cite 000_e090c44f4a925d1a.txt: a store holding a file of that name
    gets a bridge."""
    article = tmp_path / "000_e090c44f4a925d1a.txt"
    article.write_text(
        "Mikä on asiakaspolku?\n\nKosketuspisteitä ovat verkkosivut, some ja myymälä.\n\n"
        "Kysy asiakkailta, miten asiointi sujui, ja pyydä arvio tähdillä.\n",
        encoding="utf-8",
    )
    store = open_document_store(settings=get_settings(), path=tmp_path / "store", embedder=EMBEDDER)
    assert not store.ingest([article]).errors
    index = store.index()
    assert index.bridge is not None and index.bridge.affinity.any()
    support = index.bridge.scores("Should I keep asking customers for a rating?")
    assert "tähdillä" in index.passages[int(np.argmax(support))].text


def test_switched_off_there_is_no_bridge(tmp_path: Path) -> None:
    article = tmp_path / "000_e090c44f4a925d1a.txt"
    article.write_text("Mikä on asiakaspolku?\n\nKosketuspisteitä ovat verkkosivut.\n")
    store = open_document_store(
        settings=get_settings(),
        path=tmp_path / "store",
        embedder=EMBEDDER,
        config=SearchConfig(bridge_weight=0, bridge_weight_en=0),
    )
    store.ingest([article])
    assert store.index().bridge is None


def asked(card_id: str, text: str) -> Passage:
    return Passage(
        id=f"{card_id}.en.q0", text=text, source="a.txt", title="Artikkeli A", card=card_id
    )


def test_a_question_like_a_cards_example_question_leads_to_its_passage(
    cards: HybridIndex,
) -> None:
    """Neither card's text shares a word with the question; the impression card's example
    question says it almost word for word."""
    question = "Where do people meet us before they ever call?"
    documents = index([A_CHECKOUT, A_IMPRESSION])
    examples = index(
        [
            asked("first-impression", "Where do people meet us before they ever call us?"),
            asked("checkout", "How many fields should the order form have?"),
        ]
    )
    without = CardBridge(cards=cards, documents=documents).scores(question)
    bridge = CardBridge(cards=cards, documents=documents, questions=examples)
    assert bridge.scores(question)[1] == pytest.approx(1.0)
    assert bridge.scores(question)[0] < without[0]
    off = HybridIndex(
        passages=documents.passages,
        vectors=documents.vectors,
        embedder=EMBEDDER,
        config=SearchConfig(bridge_questions=0),
    )
    assert np.allclose(
        CardBridge(cards=cards, documents=off, questions=examples).scores(question),
        CardBridge(cards=cards, documents=off).scores(question),
    )
