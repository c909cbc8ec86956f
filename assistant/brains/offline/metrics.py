"""Offline parsing of the metrics answer: KPIs and the user's own measures, feedback channels."""

from __future__ import annotations

import re

from assistant.brains.offline import parse as P
from assistant.lang.clauses import classify, sentences
from assistant.lang.lists import base_form, split_items
from assistant.lang.nothing import is_nothing
from assistant.model import Assumption, Metric

_FEEDBACK = re.compile(
    r"palaut|feedback|kysel|survey|arvostel|review|kysy|kysyn|ask|kommentt|comment|kerä|collect|"
    r"kuulen|kuullaan|hear|questionnaire|lomake|form\b|gallup|haastatt|interview|suullisesti|"
    r"word of mouth|puskaradio",
    re.IGNORECASE,
)
_MEASURE = re.compile(
    r"määr|keskiarvo|keskiost|average|rate\b|%|prosent|konversi|conversion|myynti|liikevaihto|"
    r"kate|tulos|sales|revenue|margin|churn|mrr|arr|nps\b|score|pisteet|luku|number of|"
    r"count|kävij|visitors|traffic|liidi|lead|tilaukset|orders|varaukset|bookings|jäsenet|members",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:(?:we|i|me|mä|mää|minä)\s+)?(?:(?:mainly|mostly|lähinnä|ainakin|also|myös|just|vaan|"
    r"vain|sit|sitten|and|ja|no)\s+)*(?:track|follow|measure|monitor|watch|look at|check|"
    r"seuraamme|seuraan|seurataan|seuraa|mittaamme|mittaan|mitataan|tarkkailemme|katsomme|"
    r"katson|katsotaan|kattoo|katon|tsekkaan|kerään|keräämme|kerätään|kysyn|kysymme|kysytään|"
    r"asks?|collect|gather|get|saamme|saan|tulee|comes? from|comes? through)\b\s*",
    re.IGNORECASE,
)
_FILLER = re.compile(
    r"^(?:(?:ja|and|sekä|myös|also|lähinnä|mainly|mostly|esim|esimerkiksi|e\.g\.|like|sitten|"
    r"sit|vähän|some|the|our|meidän|palautetta|feedback|palaute)\b\s*)+",
    re.IGNORECASE,
)


def _tidy(item: str, *, lang: str) -> str:
    item = _FILLER.sub("", item.strip(" .,:;-–"))
    item = _LEAD.sub("", item)
    item = _FILLER.sub("", item).strip(" .,:;-–")
    if 0 < len(item.split()) <= 3:
        item = base_form(re.sub(r":\w+", "", item), lang=lang) or item  # "liidejä" -> "liidit"
    return item[:1].upper() + item[1:] if item else ""


def parse_metrics(text: str, *, lang: str) -> tuple[list[Metric], list[str], list[Assumption]]:
    """Measures the business follows and the ways it collects feedback, in the user's own
    words ("Käyntimäärät", "Google-arvostelut"); nothing for "en seuraa mitään"."""
    metrics: list[Metric] = []
    feedback: list[str] = []
    for sentence in sentences(text):
        if is_nothing(sentence) or P.parse_assumptions(sentence):
            continue
        if classify(sentence, "detail", ("pain_points",)) and not _MEASURE.search(sentence):
            continue  # a volunteered pain point, not a metric
        # Items after the first feedback word ("..., and collect feedback through a survey")
        # are ways of hearing customers; the measures named before it stay measures.
        marker = _FEEDBACK.search(sentence)
        start = marker.start() if marker else len(sentence)
        seen = 0
        for raw in split_items(sentence):
            at = sentence.find(raw, seen)
            seen = max(seen, at) if at >= 0 else seen
            about_feedback = at >= start or (at < 0 and marker is not None)
            item = _tidy(raw, lang=lang)
            if not item or is_nothing(item) or len(item.split()) > 7:
                continue
            if _NOTHING_ITEM.match(item):
                continue
            is_feedback = bool(_FEEDBACK.search(item)) and not _MEASURE.search(item)
            if is_feedback or (about_feedback and not _MEASURE.search(item)):
                feedback.append(item[:200])
            else:
                metrics.append(Metric(name=item[:200]))
    unique = list({m.name.casefold(): m for m in reversed(metrics)}.values())[::-1]
    return unique, list(dict.fromkeys(feedback)), P.parse_assumptions(text)


_NOTHING_ITEM = re.compile(
    r"^(?:en|ei|emme|we don't|i don't|nothing|mitään)\b.*\b(?:seuraa|mitään|track|anything)",
    re.IGNORECASE,
)
