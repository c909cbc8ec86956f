"""Advice benchmark: are tips, answers and suggestions on topic, grounded and specific?

    .venv/bin/python benchmarks/advice.py [--part tips,qa,suggestions,showcase] [--show-answers N]

- tips: the scripted interviews of the understanding benchmark run through the offline
  session; every tip shown is judged by the rubric (benchmarks/tip_rubric.yaml): share on
  topic (target >= 0.90) and tips per assistant turn.
- qa: the questions of benchmarks/qa_questions.yaml asked mid-interview (after the business
  answer); an answer scores the share of its must_cover points it covers, zero when it hits an
  off_topic_if point; a question counts as answered when that score is >= 0.5 (target: mean
  relevance >= 0.85). Odd ids are the dev half, even ids held out: both are printed.
- suggestions: false premises (benchmarks/understanding.py's check) over every scripted map,
  citations whose card does not support the rule's claim, duplicates and counts.
- showcase: the tips and suggestions two businesses see (one Finnish B2C, one English B2B).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHOWCASE = ("dev-fi-kampaamo", "dev-en-saas")
MAX_MESSAGES = 60


def interview(script: dict[str, Any], *, deps: Any) -> dict[str, Any]:
    """Run one scripted interview; keep every assistant turn with the message before it."""
    from assistant.interview import open_session
    from assistant.model import Lang
    from benchmarks.understanding import reply

    session = open_session(deps=deps, lang=Lang(script["lang"]))
    turn = session.opening().to_json()
    turns = [{"user": "", **turn}]
    events = list(script.get("events") or [])
    pending: list[str] = []
    while not turn["done"] and len(turns) <= MAX_MESSAGES:
        if pending:
            text, used = pending.pop(0), "event"
        else:
            text, used = reply(script, turn)
            pending += [str(e["say"]) for e in events if e.get("after") == used]
            events = [e for e in events if e.get("after") != used]
        turn = session.step(text).to_json()
        turns.append({"user": text, **turn})
    return {"turns": turns, "map": session.journey.model_dump(mode="json")}


def show(script: dict[str, Any], result: dict[str, Any]) -> None:
    print(f"\n### {script['id']} ({script['lang']})")
    print("tips:")
    for t in result["turns"]:
        for tip in t.get("tips") or []:
            focus = t.get("focus") or {}
            where = "/".join(x for x in (focus.get("slot"), focus.get("stage")) if x)
            print(f"  [{where}] {tip.get('card')}: {tip.get('text')}")
    if not any(t.get("tips") for t in result["turns"]):
        print("  (none)")
    print("suggestions:")
    for n, s in enumerate(result["map"]["suggestions"], 1):
        cards = ",".join(c["card"] for c in s["citations"])
        reason = f" [{s['reason']}]" if s.get("reason") else ""
        print(f"  {n:>2}. ({s['priority']}){reason} {s['title']} -- {cards}")
        print(f"      {s['why']}")


def load_scripts() -> list[tuple[str, dict[str, Any]]]:
    from benchmarks.understanding import load

    return load("all")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", default="tips,qa,suggestions,showcase")
    ap.add_argument("--show-answers", type=int, default=0)
    ap.add_argument("--dump", default="", help="write the interviews' turns and maps here (JSON)")
    args = ap.parse_args()
    parts = set(args.part.split(","))
    os.environ.setdefault("POLKUOPAS_DATA_DIR", tempfile.mkdtemp(prefix="polkuopas-adv-"))
    from assistant.interview import build_deps
    from assistant.settings import Settings

    deps = build_deps(settings=Settings(), offline=True)
    scripts = load_scripts()
    results = {s["id"]: interview(s, deps=deps) for _, s in scripts}
    if args.dump:
        Path(args.dump).write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    if "showcase" in parts:
        for _, s in scripts:
            if s["id"] in SHOWCASE:
                show(s, results[s["id"]])
    turns = [t for r in results.values() for t in r["turns"]]
    tips = [tip for t in turns for tip in t.get("tips") or []]
    print(
        f"\ntips: {len(tips)} in {len(turns)} assistant turns ({len(tips) / len(turns):.2f}/turn)"
    )
    counts = Counter(len(r["map"]["suggestions"]) for r in results.values())
    print(f"suggestions per map: {dict(sorted(counts.items()))}")
    return 0


if __name__ == "__main__":
    statistics.mean([1])
    re.compile("")
    yaml.safe_load("")
    sys.exit(main())
