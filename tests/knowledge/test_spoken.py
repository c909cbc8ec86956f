"""Spoken Finnish in a question is read as the written words the index knows."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.knowledge.search.embeddings import HashEmbedder
from assistant.knowledge.search.hybrid import HybridIndex, known_words
from assistant.knowledge.search.spoken import written, written_text
from tests.knowledge.test_fusion import doc, make_index

KNOWN = frozenset(
    {
        "tarkoittaa",
        "viimeinen",
        "kohdalla",
        "tehdä",
        "pitäisi",
        "kuullut",
        "nettisivuilla",
        "verkkokaupassa",
        "kuulet",
        "muilla",
    }
)


@pytest.mark.parametrize(
    ("spoken", "expected"),
    [
        ("tarkottaa", "tarkoittaa"),  # the i of a diphthong
        ("viimenen", "viimeinen"),
        ("kohalla", "kohdalla"),  # the d
        ("tehä", "tehdä"),
        ("pitäis", "pitäisi"),  # a final sound
        ("kuullu", "kuullut"),
        ("nettisivuil", "nettisivuilla"),
        ("verkkokaupas", "verkkokaupassa"),
    ],
)
def test_a_spoken_word_is_read_as_the_written_one_the_index_knows(
    spoken: str, expected: str
) -> None:
    assert written(spoken, KNOWN) == expected


@pytest.mark.parametrize(
    "word",
    [
        "kuule",  # written Finnish the index lacks: no spoken "kuulet"
        "mulla",  # a spoken pronoun (a stopword), not "muilla"
        "asiakaspolku",  # nothing known to put in its place
        "oikein",
    ],
)
def test_written_words_and_pronouns_stay_as_they_are(word: str) -> None:
    assert written(word, KNOWN) == word


def test_only_the_spoken_words_of_a_text_change() -> None:
    got = written_text("Mitä se kipupiste tarkottaa mun kahvilan kohalla?", KNOWN)
    assert got == "Mitä se kipupiste tarkoittaa mun kahvilan kohdalla?"


def test_the_index_knows_its_words_and_every_form_of_its_lemmas() -> None:
    known = known_words([doc(0, "Viimeinen kohtaaminen jää mieleen.")], {"hinnoista": "hinta"})
    assert {"viimeinen", "kohtaaminen", "hinnoista", "hinta"} <= known


def test_a_spoken_question_finds_the_passage_of_its_written_words() -> None:
    passages = [
        doc(0, "Viimeinen kohtaaminen jää asiakkaan mieleen pitkäksi aikaa."),
        doc(1, "Lomakekentät kannattaa karsia kassalta."),
    ]
    embedder = HashEmbedder()
    index = HybridIndex(
        passages=passages, vectors=embedder.passages([p.text for p in passages]), embedder=embedder
    )
    assert index.written("onks se viimenen kohtaaminen?") == "onks se viimeinen kohtaaminen?"
    assert index.written("is the last one important?") == "is the last one important?"
    spoken = index.scored("onks se viimenen kohtaaminen tärkee?")
    assert spoken[0][1] == passages[0]
    written = index.scored("onks se viimeinen kohtaaminen tärkee?")
    assert np.allclose([s for s, _ in spoken], [s for s, _ in written])


def test_a_cards_text_is_scored_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bridge scores passages with each card's text: no spoken reading (and no
    dictionary load) for text the project wrote itself."""
    index = make_index()
    monkeypatch.setattr(
        "assistant.knowledge.search.hybrid.written_text", lambda *_: pytest.fail("read")
    )
    index.fused("Viimenen kohtaaminen")
