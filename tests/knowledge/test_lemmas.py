"""Lemma tokens: inflected forms that Snowball stems apart meet through their lemma."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.knowledge.documents import DocumentStore
from assistant.knowledge.ingest.cards import default_knowledge_dir
from assistant.knowledge.search import lemmas
from assistant.knowledge.search.embeddings import HashEmbedder
from assistant.knowledge.search.tokens import tokens
from assistant.settings import get_settings


@pytest.fixture(scope="module")
def table() -> dict[str, str]:
    return lemmas.build_table(["Hinta näkyy heti.", "Kohta, jossa asiakas asioi."])


@pytest.mark.parametrize(
    ("question", "text"),
    [("hinnoista", "hinta"), ("kohtia", "kohta"), ("asioi", "asiointi asioida")],
)
def test_forms_that_stems_keep_apart_meet_through_the_lemma(
    table: dict[str, str], question: str, text: str
) -> None:
    assert not set(tokens(question)) & set(tokens(text)) - {t for t in tokens(text) if t[0] in "#^"}
    assert set(tokens(question, table)) & set(tokens(text, table))


def test_the_table_holds_forms_of_the_texts_lemmas_only(table: dict[str, str]) -> None:
    assert table["hinnoista"] == "hinta"
    assert table["hintojen"] == "hinta"
    assert "talvitakeista" not in table, "no text here mentions a winter coat"
    assert len(table) < 2000


def test_the_shipped_card_table_is_current() -> None:
    kdir = default_knowledge_dir()
    shipped = lemmas.shipped_table(kdir)
    import simplemma

    missing = sorted(
        w
        for w in lemmas.vocabulary(lemmas.card_texts(kdir))
        if not w.isdigit()
        and str(simplemma.lemmatize(w, lang="fi")).lower() not in (w, shipped.get(w))
    )
    assert not missing, (
        f"knowledge/{lemmas.FILE} lacks {len(missing)} card words (first: {missing[:5]}); "
        f"regenerate it: {lemmas.REGENERATE}"
    )


def test_a_broken_or_stale_saved_table_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "lemmas.json"
    lemmas.save_table(path, {"hinnoista": "hinta"}, key="a")
    assert lemmas.load_table(path, key="a") == {"hinnoista": "hinta"}
    assert lemmas.load_table(path, key="b") is None
    path.write_text("{broken", encoding="utf-8")
    assert lemmas.load_table(path) is None


@pytest.mark.slow
def test_ingest_saves_the_stores_table_and_search_uses_it(tmp_path: Path) -> None:
    doc = tmp_path / "hinnasto.txt"
    doc.write_text(
        "Hinnasto\n\nKerro hinta avoimesti jo tuotesivulla.\n\nToimitus kestää kaksi päivää.\n",
        encoding="utf-8",
    )
    store = DocumentStore(settings=get_settings(), path=tmp_path / "store", embedder=HashEmbedder())
    assert not store.ingest([doc]).errors
    saved = lemmas.load_table(tmp_path / "store" / "lemmas.json")
    assert saved is not None and saved.get("hinnoista") == "hinta"
    index = store.index()
    assert index.lemmas.get("hinnoista") == "hinta"
    assert "avoimesti" in store.search("Miten hinnoista kerrotaan?", k=1)[0].text
