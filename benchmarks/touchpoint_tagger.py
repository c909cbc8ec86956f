"""Train the touchpoint tagger (assistant/lang/tagger.py) and compare it with the rules.

    .venv/bin/python benchmarks/touchpoint_tagger.py            # leave-one-set-out table
    .venv/bin/python benchmarks/touchpoint_tagger.py --write    # and write the shipped model

Training data: every touchpoints answer of the development interviews
(benchmarks/understanding/dev*/, minus the stages whose touchpoints a later correction
changed: their truth is not what that answer said) and the touchpoints rows of the answer
table (tests/data/answers). Never the held-out sets: `heldout` (old) is reported apart,
and the blind set (understanding.BLIND) is never read here.

Labels: for each true name (or one of its `alt`s), the shortest run of words that the
product's own naming (tagger.span_name) turns into that name is tagged B/I; the rest O.
Names no run of words gives ("soitan" for Puhelu) stay unlabelled: the rules' known
channels cover them.

The table scores names per answer (precision/recall, the benchmark's same_name) for the
rules alone, the tagger alone and the product's combination (_touchpoints), leaving each
set out in turn; a set the rules were never tuned on (the newest dev set) is the fair
comparison.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import pycrfsuite  # noqa: E402
from understanding import BLIND, SET_NAMES, same_name  # noqa: E402

from assistant.brains.offline import understand as U  # noqa: E402
from assistant.lang import tagger as T  # noqa: E402
from assistant.model import JourneyMap, Lang  # noqa: E402

Example = tuple[str, str, str, str, list[Any]]  # group, lang, stage, text, truth names
Pairs = list[tuple[list[str], list[Any]]]  # (names found, true names) per answer
DEV = [s for s in SET_NAMES if s.startswith("dev")]
SHIPPED = T.MODEL


def interviews(sets: list[str]) -> list[Example]:
    out: list[Example] = []
    for name in sets:
        assert name not in BLIND, "the blind set is never trained on"
        for path in sorted((ROOT / "benchmarks/understanding" / name).glob("*.yaml")):
            d = yaml.safe_load(path.read_text(encoding="utf-8"))
            changed = {e["after"] for e in d.get("events", [])}
            truth = {s["name"]: s.get("touchpoints", []) for s in d["truth"]["stages"]}
            for stage, answer in (d["answers"].get("stage") or {}).items():
                if f"touchpoints@{stage}" not in changed and answer.get("touchpoints"):
                    out.append(
                        (name, d["lang"], stage, answer["touchpoints"], truth.get(stage, []))
                    )
    return out


def table() -> list[Example]:
    out: list[Example] = []
    for path in sorted((ROOT / "tests/data/answers").glob("*.yaml")):
        rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for row in rows if isinstance(rows, list) else []:
            expect = row.get("expect") or {}
            if (
                row.get("key") == "touchpoints"
                and not row.get("correction")
                and "touchpoints" in expect
            ):
                stage = (row.get("context") or {}).get("stage") or ""
                out.append(("table", row["lang"], stage, row["text"], expect["touchpoints"]))
    return out


def label(lang: str, text: str, truth: list[Any]) -> list[str]:
    toks = T.tokens(text)
    tags = ["O"] * len(toks)
    for name in truth:
        found = None
        for n in range(1, 6):
            for i in range(len(toks) - n + 1):
                span = toks[i : i + n]
                if any(not T._WORDISH.match(w) for w in span) or tags[i : i + n] != ["O"] * n:
                    continue
                got = T.span_name(" ".join(span), lang)
                if got and same_name(name, got):
                    found = (i, n)
                    break
            if found:
                break
        if found:
            i, n = found
            tags[i : i + n] = ["B"] + ["I"] * (n - 1)
    return tags


def train(examples: list[Example], path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for _, lang, _, text, truth in examples:
        toks = T.tokens(text)
        if toks:
            trainer.append(T.features(toks, lang), label(lang, text, truth))
    # Light L1/L2 regularisation won on the leave-one-set-out table (c1 0.02-0.3 tried).
    trainer.set_params(
        {"c1": 0.02, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}
    )
    trainer.train(str(path))


def use(path: Path | None) -> None:
    """Point the product's tagger at a model (None: no tagger, the rules alone)."""
    T._tagger.cache_clear()
    if path is None:
        T.MODEL = Path("/nonexistent")
    else:
        T.MODEL = path


def product(lang: str, stage: str, text: str) -> list[str]:
    found = U._touchpoints(text, stage=stage or None, lang=Lang(lang), journey=JourneyMap())
    return [t.name for t in found]


def alone(lang: str, text: str) -> list[str]:
    return T.tagged_names(text, lang=lang) or []


def score(pairs: Pairs) -> tuple[float, float, int, int, int]:
    tp = fp = fn = 0
    for got, truth in pairs:
        used: set[int] = set()
        for g in got:
            hit = next((k for k, t in enumerate(truth) if k not in used and same_name(t, g)), None)
            if hit is None:
                fp += 1
            else:
                used.add(hit)
                tp += 1
        fn += len(truth) - len(used)
    return (tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0, tp, fp, fn)


def columns(examples: list[Example], model: Path) -> list[Pairs]:
    """The names found in each answer by the rules alone, the tagger alone (`model`) and
    the product (both), each with the answer's true names."""
    out: list[Pairs] = [[], [], []]
    for _, lang, stage, text, truth in examples:
        use(None)
        out[0].append((product(lang, stage, text), truth))
        use(model)
        out[1].append((alone(lang, text), truth))
        out[2].append((product(lang, stage, text), truth))
    return out


def row(name: str, n: int, cols: list[tuple[float, float, int, int, int]]) -> str:
    return f"{name:<14}{n:>5}  " + "  ".join(f"{p:.2f}/{r:.2f}" for p, r, *_ in cols)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="train on all and write the model")
    args = ap.parse_args()
    logging.disable(logging.WARNING)  # "no model" is the rules-alone column here, not news
    t0 = time.time()
    examples = interviews(DEV) + table()
    held = interviews(["heldout"])
    tmp = Path(tempfile.mkdtemp()) / "cv.crfsuite"
    print(f"{len(examples)} answers for training, {len(held)} held out (old 'heldout' set)")
    print(f"{'left out':<14}{'n':>5}  rules      tagger     product (precision/recall)")
    totals: list[Pairs] = [[], [], []]
    for group in sorted({e[0] for e in examples}, key=lambda g: (g == "table", g)):
        test = [e for e in examples if e[0] == group]
        train([e for e in examples if e[0] != group], tmp)
        pairs = columns(test, tmp)
        for k in range(3):
            totals[k] += pairs[k]
        print(row(group, len(test), [score(p) for p in pairs]))
    print(row("all (CV)", len(examples), [score(p) for p in totals]))
    model = SHIPPED if args.write else tmp
    train(examples, model)
    print(row("heldout (old)", len(held), [score(p) for p in columns(held, model)]))
    if args.write:
        print(f"wrote {model.relative_to(ROOT)} ({model.stat().st_size // 1024} KB)")
    print(f"{time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
