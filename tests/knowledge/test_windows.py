"""A passage is scored by its whole text and by its best window of a few sentences: an
800-character passage often holds several ideas, and a question asks about one of them."""

from __future__ import annotations

import pytest

from assistant.knowledge import SearchConfig
from assistant.knowledge.ingest.chunking import sentence_windows
from assistant.knowledge.ingest.passages import Passage
from assistant.knowledge.search.embeddings import HashEmbedder
from assistant.knowledge.search.hybrid import HybridIndex
from tests.knowledge.test_fusion import doc

EMBEDDER = HashEmbedder()
MIXED = (
    "Asiakaspolun kuvaus alkaa persoonasta. Persoona kertoo, kenen polkua kuvataan. "
    "Kassalla lomakekentät kannattaa karsia. Tarjoa useita maksutapoja. "
    "Palautetta kerätään kyselyllä. Kysely lähetetään sähköpostilla."
)


def test_windows_are_overlapping_runs_of_sentences_and_list_items() -> None:
    assert sentence_windows(MIXED) == [
        "Asiakaspolun kuvaus alkaa persoonasta. Persoona kertoo, kenen polkua kuvataan. "
        "Kassalla lomakekentät kannattaa karsia.",
        "Kassalla lomakekentät kannattaa karsia. Tarjoa useita maksutapoja. "
        "Palautetta kerätään kyselyllä.",
        "Tarjoa useita maksutapoja. Palautetta kerätään kyselyllä. "
        "Kysely lähetetään sähköpostilla.",
    ], "the last window ends with the passage"
    listed = "Kysy asiakkaalta:\n• mikä auttaa eteenpäin?\n• mikä estää?\n• mitä tunnet?"
    assert sentence_windows(listed, size=2, step=2) == [
        "Kysy asiakkaalta: • mikä auttaa eteenpäin?",
        "• mikä estää? • mitä tunnet?",
    ]


def test_a_short_passage_is_its_own_window() -> None:
    assert sentence_windows("Yksi virke. Toinen virke. Kolmas.") == [
        "Yksi virke. Toinen virke. Kolmas."
    ]


def windowed(passages: list[Passage], config: SearchConfig) -> HybridIndex:
    windows = [
        Passage(
            id=f"{p.id}.w{j}",
            text=t,
            source=p.source,
            title=p.title,
            position=p.position,
            doc_key=p.doc_key,
        )
        for p in passages
        for j, t in enumerate(sentence_windows(p.text))
    ]
    return HybridIndex(
        passages=passages,
        vectors=EMBEDDER.passages([p.text for p in passages]),
        embedder=EMBEDDER,
        config=config,
        windows=windows,
        window_vectors=EMBEDDER.passages([w.text for w in windows]),
    )


def test_the_best_window_lifts_the_passage_that_says_it_in_one_place() -> None:
    passages = [
        doc(0, MIXED),
        doc(1, "Kassan lomake ja maksutavat ovat tärkeitä, samoin persoona ja palaute."),
    ]
    query = "Miten karsin kassan lomakekentät ja maksutavat?"
    whole = scores(windowed(passages, SearchConfig(window_weight=0.0)), query)
    parts = scores(windowed(passages, SearchConfig(window_weight=0.5)), query)
    assert parts[0] - parts[1] > whole[0] - whole[1]


def test_a_passage_without_windows_keeps_its_own_score() -> None:
    card = Passage(
        id="c.fi", text="Kassan lomakekentät karsitaan.", source="a", title="t", card="c"
    )
    index = windowed([doc(0, MIXED)], SearchConfig())
    with_card = HybridIndex(
        passages=[*index.passages, card],
        vectors=EMBEDDER.passages([MIXED, card.index_text]),
        embedder=EMBEDDER,
        windows=index.windows.passages if index.windows else None,
        window_vectors=index.windows.vectors if index.windows else None,
    )
    plain = HybridIndex(
        passages=with_card.passages,
        vectors=with_card.vectors,
        embedder=EMBEDDER,
        config=SearchConfig(window_weight=0.0),
    )
    query = "Miten karsin kassan lomakekentät?"
    assert scores(with_card, query)[1] == pytest.approx(scores(plain, query)[1])


def scores(index: HybridIndex, query: str) -> list[float]:
    """Final scores in passage order."""
    by_id = {p.id: s for s, p in index.scored(query)}
    return [by_id[p.id] for p in index.passages]
