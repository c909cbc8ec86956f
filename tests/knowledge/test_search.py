"""Hybrid search: Finnish inflection and compounds, and questions across languages."""

from __future__ import annotations

import pytest

from assistant.knowledge.documents import DocumentStore
from assistant.knowledge.search.glossary import Term, expand, load_glossary
from assistant.knowledge.search.tokens import tokens
from assistant.resources import KNOWLEDGE_DIR
from assistant.settings import get_settings

pytestmark = pytest.mark.slow  # builds a document index and loads the embedding model


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> DocumentStore:
    from tests.knowledge.conftest import EN_DOC, FI_DOC

    root = tmp_path_factory.mktemp("search")
    (root / "polku.md").write_text(FI_DOC, encoding="utf-8")
    (root / "loyalty.txt").write_text(EN_DOC, encoding="utf-8")
    db = DocumentStore(settings=get_settings(), path=root / "store")
    assert not db.ingest([root]).errors
    return db


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("kosketuspiste", "kosketuspisteiden"),
        ("asiakaspolku", "asiakaspolulle"),
        ("kysely", "kyselyyn"),
    ],
)
def test_inflected_forms_share_tokens(a: str, b: str) -> None:
    assert set(tokens(a)) & set(tokens(b))


def test_compound_part_is_found(store: DocumentStore) -> None:
    hit = store.search("kosketuspisteiden listaaminen", k=1)[0]
    assert "Kosketuspisteiden kartoitus" in hit.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("How do I get more answers to my customer survey?", "sähköpostikysely"),
        ("make the checkout shorter", "maksuvaihe"),
        ("list every touchpoint of my customer journey", "Kosketuspisteiden kartoitus"),
    ],
)
def test_english_question_finds_finnish_passage(
    store: DocumentStore, query: str, expected: str
) -> None:
    finnish = [h for h in store.search(query, k=5) if h.lang == "fi"]
    assert expected in finnish[0].text, [h.text[:60] for h in finnish]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Mitä tunnuslukuja kannattaa seurata?", "key figures"),
        ("tietosuoja-asetus kanta-asiakkaat", "GDPR"),
    ],
)
def test_finnish_question_finds_english_passage(
    store: DocumentStore, query: str, expected: str
) -> None:
    english = [h for h in store.search(query, k=5) if h.lang == "en"]
    assert expected in english[0].text, [h.text[:60] for h in english]


def test_glossary_expands_both_ways_and_through_inflection() -> None:
    glossary = load_glossary(KNOWLEDGE_DIR / "glossary.yaml")
    assert 80 <= len(glossary) <= 150
    assert "kosketuspiste" in expand("Which touchpoints matter?", glossary)
    assert "touchpoint" in expand("Mitä kosketuspisteiden kohdalla kysytään?", glossary)
    assert "customer journey" in expand("Astu asiakaspolulle", glossary)
    assert expand("sää on kaunis", (Term(fi=("kipupiste",), en=("pain point",)),)) == []


def test_empty_query_and_lang_preference(store: DocumentStore) -> None:
    assert store.search("   ", k=5) == []
    query = "asiakkaat customers"

    def score_of_first(lang: str, prefer: str) -> float:
        return next(h.score for h in store.search(query, k=5, lang=prefer) if h.lang == lang)

    assert score_of_first("en", "en") > score_of_first("en", "fi")
    assert score_of_first("fi", "fi") > score_of_first("fi", "en")
    assert {h.lang for h in store.search(query, k=5, lang="en")} == {
        "fi",
        "en",
    }  # prefer, not filter


def test_latency_is_small(store: DocumentStore) -> None:
    import time

    store.search("lämmittely", k=5)
    started = time.perf_counter()
    for _ in range(20):
        store.search("Miten kerään palautetta asiakkailta?", k=5)
    assert (time.perf_counter() - started) / 20 < 0.2


def test_a_hyphenated_compound_meets_its_parts() -> None:
    question = set(tokens("Mikä vika on Excel-pohjissa?"))
    assert "excel" in question and "pohj" in question
    assert {"excel", "pohj"} <= set(tokens("Excel- ja Canva-pohjien rajat"))
    assert {"tietosuojaasetus", "asetus"} <= set(tokens("tietosuoja-asetus"))
