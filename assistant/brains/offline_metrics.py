"""Offline parsing of the metrics answer: KPIs and the user's own measures, feedback channels."""

from __future__ import annotations

import re

from assistant.brains import offline_parse as P
from assistant.lang.clauses import classify, sentences
from assistant.lang.lexicon import feedback_channels, find_all, kpis
from assistant.lang.lists import base_form, split_items
from assistant.lang.words import lemma, words
from assistant.model import Assumption, Metric

_FEEDBACK = re.compile(r"palaut|feedback|kerä|kerää|collect|kysy|survey|ask", re.IGNORECASE)


def parse_metrics(text: str, *, lang: str) -> tuple[list[Metric], list[str], list[Assumption]]:
    metrics: list[Metric] = []
    feedback: list[str] = []
    for sentence in sentences(text):
        if P.parse_assumptions(sentence) or classify(sentence, "detail", ("pain_points",)):
            continue  # a guess or a volunteered pain point, not a metric
        if _FEEDBACK.search(sentence):
            feedback += [e.name(lang) for e in find_all(sentence, feedback_channels())]
        else:
            metrics += _metric_items(sentence, lang=lang)
    return metrics, list(dict.fromkeys(feedback)), P.parse_assumptions(text)


_METRIC_LEAD = re.compile(
    r"^(?:(?:we|i)\s+)?(?:track|follow|measure|monitor|watch|look at|seuraamme|seuraan|"
    r"mittaamme|mittaan|tarkkailemme|katsomme|katson)\s+(?:mainly|mostly|lähinnä|ainakin)?\s*",
    flags=re.IGNORECASE,
)


def _metric_items(sentence: str, *, lang: str) -> list[Metric]:
    """Known KPIs in the user's own words ("trial conversion"), one word as its base name."""
    out: list[Metric] = []
    led = bool(_METRIC_LEAD.match(sentence.strip()))
    for item in split_items(sentence):
        item = _METRIC_LEAD.sub("", item).strip()
        # "liidejä": the lexicon holds base forms, so try the lemmas too.
        found = find_all(item, kpis()) or find_all(" ".join(map(lemma, words(item))), kpis())
        if not found and led and 0 < len(item.split()) <= 4:
            # "Seuraan viikon varauksia": after "we track", the user's own measures count too.
            name = base_form(item, lang=lang)
            out.append(Metric(name=(name[:1].upper() + name[1:])[:200]))
        if not found:
            continue
        if len(item.split()) == 1 or len(item.split()) > 4:
            out += [Metric(name=e.name(lang)) for e in found]
        else:
            name = base_form(item, lang=lang)
            out.append(Metric(name=(name[:1].upper() + name[1:])[:200]))
    return out
