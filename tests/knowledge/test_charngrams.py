"""Character n-gram TF-IDF and the query-language guess that decides when it is used."""

from __future__ import annotations

import math

import pytest

from assistant.knowledge.search.charngrams import CharNgramIndex, grams
from assistant.lang.detect import query_lang


def test_grams_stay_inside_words_and_skip_stopwords() -> None:
    got = grams("ja polku")
    assert " po" in got and "ku " in got and "polku" in got
    assert not any(" " in g.strip() for g in got), "a gram crossed a word boundary"
    assert not any("ja" in g for g in got), "a stopword gave grams"


def test_inflected_and_compound_forms_rank_their_passage_first() -> None:
    texts = [
        "Kosketuspisteiden kartoitus alkaa verkkosivuista.",
        "Kassan lomakekentät kannattaa karsia.",
        "Arvontapalkinto nostaa vastausprosenttia.",
    ]
    index = CharNgramIndex(texts)
    for query, expected in [
        ("kosketuspiste", 0),
        ("lomakekenttiä", 1),
        ("arvontapalkinnoilla", 2),
    ]:
        scores = index.scores(index.query_vector([(query, 1.0)]))
        assert max(range(3), key=scores.__getitem__) == expected, (query, scores)


def test_scores_are_cosines() -> None:
    index = CharNgramIndex(["asiakaspolku", "kipupiste"])
    scores = index.scores(index.query_vector([("asiakaspolku", 1.0)]))
    assert math.isclose(scores[0], 1.0, rel_tol=1e-9)
    assert 0.0 <= scores[1] < 0.2


def test_unknown_and_empty_queries_score_zero() -> None:
    index = CharNgramIndex(["asiakaspolku"])
    assert index.scores(index.query_vector([("xyzzy", 1.0)])) == [0.0]
    assert index.scores(index.query_vector([("", 1.0)])) == [0.0]
    assert CharNgramIndex([]).scores({"abc": 1.0}) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Miten saan ostajat vastaamaan palautekyselyyn?", "fi"),
        ("asiakaspolun vaiheet", "fi"),
        ("Onko kysely hyvä idea", "fi"),
        ("Which key figures should a small company keep an eye on?", "en"),
        ("What could stop a customer from moving on?", "en"),
        ("What is a touchpoint", "en"),
    ],
)
def test_query_lang(text: str, lang: str) -> None:
    assert query_lang(text) == lang
