"""Offline answers by kind of question: the right card leads, whole sentences, each cited."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.advice.answers import answer_question, find_passages, relevant
from assistant.advice.compose import compose, readable, sources_text
from assistant.advice.focus import focus
from assistant.advice.kinds import QuestionKind, question_kind
from assistant.brains.offline.offline_brain import OfflineBrain
from assistant.knowledge import Hit, load_cards
from assistant.model import Lang
from tests.brains.conftest import FakeKB

K = QuestionKind


@pytest.mark.parametrize(
    ("question", "lang", "kind"),
    [
        ("mitä kosketuspiste tarkoittaa?", Lang.FI, K.DEFINITION),
        ("Mikä se asiakaspolku oikeen on?", Lang.FI, K.DEFINITION),
        ("what's a touchpoint exactly?", Lang.EN, K.DEFINITION),
        ("What does pain point mean?", Lang.EN, K.DEFINITION),
        ("miten mittaan asiakastyytyväisyyttä?", Lang.FI, K.HOW),
        ("Myymme verkossa. Mitä teen, kun moni jättää ostoskorin kesken?", Lang.FI, K.HOW),
        ("how do I measure if members are happy", Lang.EN, K.HOW),
        ("onko B2B-polku erilainen kuin kuluttajan polku?", Lang.FI, K.COMPARISON),
        ("What's the difference between a pain and a doubt?", Lang.EN, K.COMPARISON),
        ("anna esimerkki kipupisteestä", Lang.FI, K.EXAMPLE),
        ("can you give an example of a touchpoint?", Lang.EN, K.EXAMPLE),
        ("miks tällanen kannattaa tehdä?", Lang.FI, K.WHY),
        ("Why should I bother with this?", Lang.EN, K.WHY),
        ("pitääkö toimitus ottaa mukaan?", Lang.FI, K.YES_NO),
        ("Should I include trip planning?", Lang.EN, K.YES_NO),
        ("asiakkaat pelkää yllätyslaskua", Lang.FI, K.OTHER),
        # A Finnish user may ask in English, and the other way round.
        ("what's a persona?", Lang.FI, K.DEFINITION),
    ],
)
def test_the_kind_of_question(question: str, lang: Lang, kind: QuestionKind) -> None:
    assert question_kind(question, lang=lang) is kind


def card_hit(card_id: str, lang: str, score: float = 1.0) -> Hit:
    card = next(c for c in load_cards() if c.id == card_id and c.lang == lang)
    first = card.sources[0]
    return Hit(
        text=card.body,
        source=first.file,
        title=first.title,
        author=first.author,
        score=score,
        card=card.id,
        card_title=card.title,
        lang=lang,
    )


def marks(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\[(\d+)\]", text.split("\n\n")[0])}


def test_a_definition_is_answered_by_the_card_that_defines_the_term() -> None:
    # The search ranked a card that only mentions touchpoints first; the defining card wins.
    hits = [
        card_hit("heinonen-identify-touchpoints", "fi", 1.0),
        card_hit("viralcx-term-touchpoint", "fi", 0.95),
    ]
    found = relevant("mitä kosketuspiste tarkoittaa?", hits, lang=Lang.FI)
    assert found[0].card == "viralcx-term-touchpoint"
    text = compose(question="mitä kosketuspiste tarkoittaa?", hits=found, lang=Lang.FI)
    assert text.startswith("Kosketuspiste on mikä tahansa hetki")


@pytest.mark.parametrize(
    ("question", "lang", "sources"),
    [
        ("Mikä on kipupiste ja miten löydän kipupisteet?", Lang.FI, "Lähteet: "),
        ("What is a pain point and how do I find pain points?", Lang.EN, "Sources: "),
    ],
)
def test_an_answer_is_whole_sentences_each_cited_in_the_users_language(
    question: str, lang: Lang, sources: str
) -> None:
    kb = FakeKB([card_hit("viralcx-term-pain-point", lang.value)])
    found = answer_question(question=question, brain=OfflineBrain(), kb=kb, lang=lang)
    body, _, tail = found.text.partition("\n\n")
    assert found.covered and tail.startswith(sources) and "Viral CX" in tail
    claims = re.split(r"(?<=\])\s+", body)
    assert claims and all(re.search(r"[.!?] \[\d+\]$", c) for c in claims)
    assert [c.card for c in found.citations] == ["viralcx-term-pain-point"]
    assert len(body.split()) <= 90


def test_no_card_is_cited_twice() -> None:
    same = card_hit("viralcx-term-touchpoint", "en")
    hits = [
        same,
        same,
        card_hit("viralcx-term-touchpoint", "fi"),
        card_hit("viralcx-term-goal", "en"),
    ]
    found = answer_question(
        question="what's a touchpoint?", brain=OfflineBrain(), kb=FakeKB(hits), lang=Lang.EN
    )
    cards = [c.card for c in found.citations]
    assert len(cards) == len(set(cards)) and cards[0] == "viralcx-term-touchpoint"
    assert max(marks(found.text)) <= len(set(cards))


def test_sources_name_each_article_once() -> None:
    hits = [card_hit("viralcx-term-touchpoint", "en"), card_hit("viralcx-term-goal", "en")]
    text = sources_text(hits, {1, 2}, Lang.EN)
    assert text.count("Viral CX") == 1 and text.startswith("Sources: [1, 2] ")


def test_a_long_list_is_cut_to_a_readable_sentence_and_question_lists_are_left_out() -> None:
    long = "Seuraa näitä: kassa, myynti, liidit, asiakastyytyväisyys, katetuotto, palautukset."
    assert readable(long * 4, Lang.FI) == "Seuraa näitä: kassa, myynti ja liidit."
    assert readable(long, Lang.FI) == long
    longer = "Track these: " + ", ".join(f"the figure number {n}" for n in range(30)) + "."
    assert readable(longer, Lang.EN) == (
        "Track these: the figure number 0, the figure number 1 and the figure number 2."
    )
    assert readable("Kysy itseltäsi: Missä asiakas epäröi?, Mikä häntä auttaa?.", Lang.FI) == ""
    assert readable("Under each stage, record", Lang.EN) == ""


def test_a_question_put_as_a_card_puts_it_is_answered_from_that_card(tmp_path: Path) -> None:
    # The real card index (with the fallback embedder: the words decide) and its example
    # questions: a question worded like one of them brings that card into the answer.
    from assistant.knowledge.search.card_index import load_card_index
    from assistant.knowledge.search.embeddings import HashEmbedder
    from assistant.settings import Settings

    settings = Settings(POLKUOPAS_DATA_DIR=tmp_path)  # type: ignore[call-arg]
    kb = load_card_index(settings=settings, embedder=HashEmbedder())
    question = "Mitä vaiheita yritysasiakkaan polussa yleensä on?"
    asked = kb.asked(question)
    assert max(asked, key=lambda card: asked[card]) == "lab-b2b-stages-oomen"
    found = find_passages(question, kb=kb, lang=Lang.FI)
    assert "lab-b2b-stages-oomen" in [h.card for h in found]
    assert len({h.card for h in found}) == len(found)


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        (
            "Our checkout is the critical one. How do I make it better?",
            "How do I make checkout better?",
        ),
        ("Meidän kassa on se kriittisin. Miten parannan sitä?", "Miten parannan kassa?"),
        # context that is the substance, or a topic not named plainly: the message stands
        ("Tosi moni jättää ostoskorin kesken. Mitä teen?", None),
        ("It is a bit slow. How do I fix it?", None),
        ("mitä on kosketuspiste?", None),
    ],
)
def test_the_question_after_its_context_is_what_is_searched(
    message: str, asked: str | None
) -> None:
    assert focus(message) == (asked or message)


def test_context_words_do_not_pull_in_passages_about_them(tmp_path: Path) -> None:
    # The real card index with the fallback embedder: "critical" in the context sentence
    # brought the card on critical touchpoints to the top; the question is about checkout.
    from assistant.knowledge.search.card_index import load_card_index
    from assistant.knowledge.search.embeddings import HashEmbedder
    from assistant.settings import Settings

    settings = Settings(POLKUOPAS_DATA_DIR=tmp_path)  # type: ignore[call-arg]
    kb = load_card_index(settings=settings, embedder=HashEmbedder())
    found = find_passages(
        "Our checkout is the critical one. How do I make it better?", kb=kb, lang=Lang.EN
    )
    assert found and all("critical" not in h.card for h in found)
    assert any("checkout" in f"{h.card_title} {h.text}".lower() for h in found)
