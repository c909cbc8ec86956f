"""The card knowledge base: parsing, picking tips by slot/stage, search with citations, rebuilds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.knowledge import cards_for, load_card_index, load_cards
from assistant.settings import get_settings
from tests.knowledge.conftest import write_card


def test_cards_parse_with_all_fields(knowledge_dir: Path) -> None:
    cards = load_cards(knowledge_dir=knowledge_dir)
    assert len(cards) == 7
    card = next(c for c in cards if c.id == "test-gdpr" and c.lang == "fi")
    assert card.title == "Kerää asiakastietoja tietosuoja-asetuksen mukaan"
    assert card.stages == ("all",) and card.topics == ("touchpoints",)
    assert [s.author for s in card.sources] == ["Hanna Heinonen", "Juha-Pekka Harju"]
    assert card.body.startswith("Kanta-asiakkaiden tiedot")
    assert load_cards(knowledge_dir=knowledge_dir) == cards  # cached, same answer


def test_broken_card_is_skipped(tmp_path: Path, knowledge_dir: Path) -> None:
    root = tmp_path / "k"
    shutil.copytree(knowledge_dir, root)
    (root / "cards" / "fi" / "broken.md").write_text("no front matter here", encoding="utf-8")
    (root / "cards" / "en" / "bad-yaml.md").write_text(
        "---\nid: [unclosed\n---\nbody", encoding="utf-8"
    )
    assert len(load_cards(knowledge_dir=root)) == 7


def test_cards_for_slot_stage_and_language(knowledge_dir: Path) -> None:
    fi = cards_for(slot="touchpoint_detail", lang="fi", knowledge_dir=knowledge_dir)
    assert {c.id for c in fi} == {"test-touchpoint-questions", "test-survey-incentive", "test-gdpr"}
    assert all(c.lang == "fi" for c in fi)
    staged = cards_for(slot="stages", lang="fi", stage_key="discovery", knowledge_dir=knowledge_dir)
    assert [c.id for c in staged] == ["test-only-finnish"]
    assert (
        cards_for(slot="stages", lang="fi", stage_key="loyalty", knowledge_dir=knowledge_dir) == []
    )


@pytest.fixture(scope="module")
def kb(knowledge_dir: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    mp = pytest.MonkeyPatch()
    mp.setenv("POLKUOPAS_DATA_DIR", str(tmp_path_factory.mktemp("cards-data")))
    get_settings.cache_clear()
    index = load_card_index(settings=get_settings(), knowledge_dir=knowledge_dir)
    mp.undo()
    return index


@pytest.mark.slow
def test_card_hits_carry_card_and_citations(kb) -> None:  # type: ignore[no-untyped-def]
    hits = kb.search("Miten saan asiakkaat vastaamaan kyselyyn?", k=3, lang="fi")
    top = hits[0]
    assert top.card == "test-survey-incentive" and top.lang == "fi"
    assert top.card_title == "Palkitse kyselyyn vastaajat"
    assert top.text.startswith("Lähetä kysely")
    assert (top.source, top.title, top.author) == (
        "000_e090c44f4a925d1a.txt",
        "Mikä on asiakaspolku?",
        "Hanna Heinonen",
    )
    assert [c.source for c in top.citations()] == [
        "000_e090c44f4a925d1a.txt",
        "003_ef748a65b3da4a81.txt",
    ]
    assert len({h.card for h in hits}) == len(hits)  # one hit per card


@pytest.mark.slow
def test_english_question_gets_english_version_of_the_card(kb) -> None:  # type: ignore[no-untyped-def]
    top = kb.search("What should I ask about each touchpoint?", k=2, lang="en")[0]
    assert (top.card, top.lang) == ("test-touchpoint-questions", "en")
    fi = kb.search("What should I ask about each touchpoint?", k=2, lang="fi")[0]
    assert (fi.card, fi.lang) == ("test-touchpoint-questions", "fi")


@pytest.mark.slow
def test_card_only_in_other_language_is_not_hidden(kb) -> None:  # type: ignore[no-untyped-def]
    hits = kb.search("first impression can be made only once", k=4, lang="en")
    assert "test-only-finnish" in [h.card for h in hits]


@pytest.mark.slow
def test_card_lookup_falls_back_to_other_language(kb) -> None:  # type: ignore[no-untyped-def]
    assert kb.card("test-gdpr", lang="en").lang == "en"  # type: ignore[union-attr]
    assert kb.card("test-only-finnish", lang="en").lang == "fi"  # type: ignore[union-attr]
    assert kb.card("no-such-card", lang="fi") is None


@pytest.mark.slow
def test_index_is_cached_and_rebuilt_when_knowledge_changes(
    tmp_path: Path, knowledge_dir: Path
) -> None:
    root = tmp_path / "k"
    shutil.copytree(knowledge_dir, root)
    settings = get_settings()
    first = load_card_index(settings=settings, knowledge_dir=root)
    assert load_card_index(settings=settings, knowledge_dir=root) is first
    write_card(
        root,
        "fi",
        "test-new-card",
        "Tuulilasi ja yllättävä imurointi",
        "Ylitä odotukset pienellä lisäpalvelulla.",
    )
    second = load_card_index(settings=settings, knowledge_dir=root)
    assert second is not first
    assert second.search("tuulilasi imurointi", k=1)[0].card == "test-new-card"


def test_a_new_card_shows_at_once_when_asked_fresh_and_within_the_ttl_otherwise(
    tmp_path: Path, knowledge_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.knowledge.ingest import cards

    root = tmp_path / "k"
    shutil.copytree(knowledge_dir, root)
    before = {c.id for c in cards.load_cards(knowledge_dir=root)}
    write_card(root, "fi", "test-later", "Myöhemmin lisätty", "Uusi kortti.")
    assert "test-later" not in before
    assert "test-later" in {c.id for c in cards.load_cards(knowledge_dir=root, fresh=True)}
    write_card(root, "fi", "test-latest", "Vielä uudempi", "Toinen uusi kortti.")
    monkeypatch.setattr(cards, "SIGNATURE_TTL", 0.0)
    assert "test-latest" in {c.id for c in cards.load_cards(knowledge_dir=root)}


def test_every_card_lists_questions_it_answers_in_its_own_language() -> None:
    from assistant.knowledge.ingest.cards import load_cards
    from assistant.lang.detect import query_lang

    for card in load_cards():
        assert len(card.questions) >= 2, card.path
        assert all(q.strip().endswith("?") or len(q) > 10 for q in card.questions), card.path
        assert all(query_lang(q) == card.lang for q in card.questions), card.path


def test_example_questions_are_the_cards_own_in_the_asked_language() -> None:
    from assistant.knowledge.ingest.cards import example_questions

    fi = example_questions("harju-ask-after-sale", lang="fi")
    en = example_questions("harju-ask-after-sale", lang="en")
    assert fi and en and set(fi).isdisjoint(en)
    assert example_questions("no-such-card", lang="fi") == ()
