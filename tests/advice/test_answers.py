"""Answers to questions mid-interview: relevant passages only, cited, or an honest "not covered"."""

from __future__ import annotations

from assistant.advice.answers import answer_question, relevant
from assistant.advice.compose import compose, sentences, texts
from assistant.brains.offline.offline_brain import OfflineBrain
from assistant.knowledge import Hit
from assistant.model import Lang
from tests.brains.conftest import FakeKB


def hit(card: str, text: str, title: str = "Otsikko") -> Hit:
    return Hit(text=text, source="000_e090c44f4a925d1a.txt", title=title, score=1.0, card=card)


TOUCH = hit(
    "touch",
    "Kosketuspiste on mikä tahansa hetki, jossa asiakas kohtaa yrityksesi. Esimerkkejä:\n"
    "- verkkosivut\n- **myymälä**\n\nKirjaa jokainen kosketuspiste aikajanalle.",
)
KPI = hit("kpi", "Seuraa muutamaa tunnuslukua: kassa, myynti ja liidit. Pidä se yksinkertaisena.")


def test_only_passages_that_share_words_with_the_question() -> None:
    assert relevant("mikä on kosketuspiste?", [KPI, TOUCH]) == [TOUCH]
    assert relevant("paljonko kello on Tokiossa?", [KPI, TOUCH]) == []


def test_the_cards_own_example_questions_order_the_passages() -> None:
    # two passages the words alone cannot tell apart: the card whose example question comes
    # closest to what was asked goes first (the closeness reached fit(); it once did not)
    a = hit("kysely-a", "Palautekysely kertoo asiakkaalle, että hänen mielipiteensä kiinnostaa.")
    b = hit("kysely-b", "Palautekysely lähtee automaattisesti, ja arvonta tuo lisää vastauksia.")
    question = "miten saan asiakkaat vastaamaan palautekyselyyn?"
    assert relevant(question, [a, b], asked={"kysely-b": 0.9})[0] is b
    assert relevant(question, [b, a], asked={"kysely-a": 0.9})[0] is a


def test_a_list_stays_with_its_sentence_and_no_markup_is_left() -> None:
    found = sentences(TOUCH.text)
    assert found[1] == "Esimerkkejä: verkkosivut, myymälä."
    assert not any("*" in s or s.endswith(":") for s in found)


def test_the_offline_answer_is_cited_and_names_its_sources() -> None:
    text = compose(question="mikä on kosketuspiste?", hits=[TOUCH], lang=Lang.FI)
    assert text.startswith("Kosketuspiste on mikä tahansa hetki") and "[1]" in text
    assert text.rstrip().endswith("[1] Otsikko (000_e090c44f4a925d1a.txt)")
    assert "_Lähde" not in text


def test_answer_through_the_brain_cites_what_it_used() -> None:
    found = answer_question(
        question="mikä on kosketuspiste?", brain=OfflineBrain(), kb=FakeKB([TOUCH]), lang=Lang.FI
    )
    assert found.covered and [c.card for c in found.citations] == ["touch"]


def test_outside_the_guidance_is_said_honestly() -> None:
    for lang in (Lang.FI, Lang.EN):
        found = answer_question(
            question="What is the capital of France?",
            brain=OfflineBrain(),
            kb=FakeKB([TOUCH, KPI]),
            lang=lang,
        )
        assert not found.covered and found.citations == []
        assert found.text == texts(lang.value)["not_covered"]


class _Writer:
    """A brain that answers from the second passage only, as an LLM may."""

    name = "llm"

    def answer(self, *, question: str, hits: list[Hit], lang: Lang) -> str:
        return "Seuraa kassaa ja myyntiä [2]."


def test_a_brain_answer_cites_only_the_passages_it_marks() -> None:
    both = hit("touch-kpi", "Kosketuspiste ja tunnusluku: kassa ja myynti kosketuspisteessä.")
    found = answer_question(
        question="mikä tunnusluku kosketuspisteessä?",
        brain=_Writer(),  # type: ignore[arg-type]
        kb=FakeKB([both, KPI]),
        lang=Lang.FI,
    )
    assert [c.card for c in found.citations] == ["kpi"]
