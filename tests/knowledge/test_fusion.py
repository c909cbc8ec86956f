"""The parts of hybrid fusion added for recall: glossary translation of English questions,
neighbour context for the character n-gram signal, and when that signal counts."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.knowledge import SearchConfig
from assistant.knowledge.ingest.chunking import looks_like_references
from assistant.knowledge.ingest.passages import Passage
from assistant.knowledge.search.embeddings import HashEmbedder
from assistant.knowledge.search.glossary import Term, translate_terms
from assistant.knowledge.search.hybrid import HybridIndex
from assistant.knowledge.search.lexical import context_texts

GLOSSARY = (
    Term(fi=("kosketuspiste",), en=("touchpoint",)),
    Term(fi=("kipupiste",), en=("pain point",)),
    Term(fi=("kysely", "asiakaskysely"), en=("survey",)),
)


def doc(pos: int, text: str, *, key: str = "/a.txt", card: str = "") -> Passage:
    return Passage(
        id=f"{key}-{pos}", text=text, source=key, title="t", position=pos, doc_key=key, card=card
    )


def test_translate_terms_gives_preferred_finnish_forms_once() -> None:
    got = translate_terms("Which touchpoints and surveys, and which pain points?", GLOSSARY)
    assert got == ["kosketuspiste", "kipupiste", "kysely"]
    assert translate_terms("Mitä asiakaskyselyyn kirjoitetaan?", GLOSSARY) == ["kysely"]
    assert translate_terms("weather today", GLOSSARY) == []


def test_context_comes_from_the_previous_passage_of_the_same_document_only() -> None:
    passages = [
        doc(0, "Airbnb: luottamus läpinäkyvyydellä"),
        doc(1, "Arvostelut ja henkilöllisyyden vahvistus."),
        doc(0, "Toinen dokumentti alkaa.", key="/b.txt"),
        doc(3, "Aukko ennen tätä.", key="/b.txt"),
        doc(0, "Kortti", card="c1"),
        doc(1, "Toinen kortti", card="c2"),
    ]
    texts = context_texts(passages, chars=150)
    assert texts[0] == passages[0].text
    assert texts[1].startswith("Airbnb: luottamus") and texts[1].endswith("vahvistus.")
    assert texts[2] == passages[2].text, "a new document starts without context"
    assert texts[3] == passages[3].text, "a gap in positions means the neighbour is not known"
    assert texts[5] == passages[5].index_text, "cards stand alone"
    long = [doc(0, "x" * 1000), doc(1, "y")]
    assert len(context_texts(long, chars=150)[1]) == 150 + 2


def make_index(config: SearchConfig | None = None) -> HybridIndex:
    passages = [
        doc(0, "Kosketuspisteiden kartoitus alkaa verkkosivuista."),
        doc(1, "Kassan lomakekentät kannattaa karsia."),
        doc(2, "Arvontapalkinto nostaa vastausprosenttia."),
    ]
    embedder = HashEmbedder()
    vectors = embedder.passages([p.index_text for p in passages])
    return HybridIndex(
        passages=passages,
        vectors=vectors,
        embedder=embedder,
        glossary=GLOSSARY,
        config=config or SearchConfig(),
    )


@pytest.fixture()
def index() -> HybridIndex:
    return make_index()


def test_character_ngrams_count_for_finnish_questions_only() -> None:
    def scores(index: HybridIndex, query: str) -> list[float]:
        return [s for s, _ in sorted(index.scored(query), key=lambda sp: sp[1].position)]

    fi, en = "Miten lomakekenttiä karsitaan?", "How do I trim the form fields?"
    index, plain = make_index(), make_index(SearchConfig(char_weight=0.0))
    with_chars = scores(index, fi), scores(index, en)
    without = scores(plain, fi), scores(plain, en)
    assert not np.allclose(with_chars[0], without[0])
    assert np.allclose(with_chars[1], without[1])
    assert max(range(3), key=with_chars[0].__getitem__) == 1


def test_english_question_is_embedded_with_its_finnish_terms(
    index: HybridIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real = index.embedder.query

    def spy(text: str) -> np.ndarray:
        seen.append(text)
        return real(text)

    monkeypatch.setattr(index.embedder, "query", spy)
    index.scored("Which touchpoints matter most?")
    index.scored("Mitkä kosketuspisteet ovat tärkeimpiä?")
    assert seen == [
        "Which touchpoints matter most? kosketuspiste",
        "Mitkä kosketuspisteet ovat tärkeimpiä?",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lähteet\nVirtanen, A. 2020. Asiakaspolut. Helsinki: Kustantamo.", True),
        (
            "Smith, J. 2019. Journey maps. Viitattu 1.2.2024. Saatavissa https://example.org\n"
            "Korhonen, M. & Laine, P. 2021. Palvelumuotoilu. Tampere: Kirja Oy.",
            True,
        ),
        ("References\nDoe, J. 2018. Touchpoints in B2B.", True),
        ("Polun vaiheet ovat tietoisuus ja harkinta (Oomen 2018).", False),
        ("Kysy asiakkaalta:\n• mikä auttaa eteenpäin?\n• mikä estää?", False),
        ("Helsinki, Tampere ja Turku ovat kaupunkeja.\nNiissä on asiakkaita.", False),
        ("", False),
    ],
)
def test_reference_lists_are_recognised(text: str, expected: bool) -> None:
    assert looks_like_references(text) is expected


def test_reference_passages_rank_below_guidance() -> None:
    passages = [
        doc(0, "Lähteet\nOomen, J. 2018. Customer touchpoints in B2B. Viitattu 1.1.2024."),
        doc(
            1,
            "In B2B trade, list every touchpoint with a buyer and what happens there, in order, "
            "from the first call to the invoice.",
        ),
        doc(2, "Kassan lomakekentät kannattaa karsia."),
    ]
    embedder = HashEmbedder()
    vectors = embedder.passages([p.index_text for p in passages])

    def ranking(config: SearchConfig) -> list[int]:
        index = HybridIndex(passages=passages, vectors=vectors, embedder=embedder, config=config)
        return [h.position for h in index.search("customer touchpoints B2B", k=3)]

    assert ranking(SearchConfig()) == [1, 0, 2], "the reference list ranks below the guidance"
    undamped = ranking(SearchConfig(reference_factor=1.0))
    assert undamped[0] == 0, "undamped, its rare English words would win"
