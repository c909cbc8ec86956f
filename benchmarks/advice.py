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
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
QUOTE = re.compile(r"[”“]([^”“]{3,200})[”“]")
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


def card_texts(card_id: str) -> dict[str, str]:
    from assistant.knowledge import load_cards

    return {c.lang: f"{c.title}\n{c.body}" for c in load_cards() if c.id == card_id}


def tips_table(results: dict[str, Any], scripts: list[tuple[str, dict[str, Any]]]) -> None:
    from benchmarks.advice_judges import tip_on_topic

    rubric = yaml.safe_load((ROOT / "benchmarks" / "tip_rubric.yaml").read_text(encoding="utf-8"))
    print("\n== tips (rubric: benchmarks/tip_rubric.yaml; target on-topic >= 0.90)")
    print(f"{'set':<8} {'turns':>5} {'tips':>5} {'per turn':>8} {'on topic':>8} {'repeats':>7}")
    for name in ("dev", "heldout"):
        turns = tips = on = repeats = 0
        for set_name, script in scripts:
            if set_name != name:
                continue
            seen: set[str] = set()
            for t in results[script["id"]]["turns"]:
                turns += 1
                for tip in t.get("tips") or []:
                    tips += 1
                    repeats += tip["card"] in seen
                    seen.add(tip["card"])
                    slot = (t.get("focus") or {}).get("slot") or ""
                    ok, why = tip_on_topic(
                        rubric,
                        slot=slot,
                        card_text=card_texts(tip["card"]),
                        script_id=script["id"],
                    )
                    on += ok
                    if VERBOSE:
                        print(
                            f"   {'on ' if ok else 'OFF'} {script['id']:<26} {slot:<16} {tip['card']:<40} {why}"
                        )
        share = on / tips if tips else 1.0
        print(
            f"{name:<8} {turns:>5} {tips:>5} {tips / max(turns, 1):>8.2f} {share:>8.2f} {repeats:>7}"
        )


def qa_table(deps: Any, show: int) -> None:
    from assistant.interview import open_session
    from assistant.model import Lang
    from benchmarks.advice_judges import score_answers

    data = yaml.safe_load((ROOT / "benchmarks" / "qa_questions.yaml").read_text(encoding="utf-8"))
    questions = data["questions"]
    answers: dict[str, dict[str, Any]] = {}
    resumed = 0
    for q in questions:
        session = open_session(deps=deps, lang=Lang(q["lang"]))
        session.opening()
        first = session.step(q["business"]).to_json()
        turn = session.step(q["q"]).to_json()
        # The interview resumes where it was: the same question is pending again.
        resumed += turn["focus"] == first["focus"] and turn["expects"] == first["expects"]
        answers[q["id"]] = {"text": turn["text"], "citations": turn["citations"]}
    # Finnish answers are judged against the Finnish points, in their own language.
    finnish = finnish_points()
    judged = [
        {
            **q,
            "must_cover": finnish[q["id"]]["must_cover_fi"],
            "off_topic_if": finnish[q["id"]].get("off_topic_if_fi") or [],
            "judge": "fi/fi",
        }
        if q["id"] in finnish
        else q
        for q in questions
    ]
    score_answers(judged, answers)
    if GRADING_SHEET:
        write_grading_sheet(questions, answers, Path(GRADING_SHEET))
    judge_agreement(questions, answers, finnish)
    print("\n== answers (benchmarks/qa_questions.yaml; odd ids dev, even held out; target >= 0.85)")
    print(f"{'set':<8} {'n':>3} {'relevance':>9} {'answered':>8} {'outside ok':>10}")
    for name, parity in (("dev", 1), ("heldout", 0)):
        part = [q for q in questions if int(q["id"].rsplit("-", 1)[1]) % 2 == parity]
        scores = [answers[q["id"]]["score"] for q in part]
        inside = [answers[q["id"]]["score"] for q in part if q["sources"]]
        outside = [answers[q["id"]]["score"] for q in part if not q["sources"]]
        print(
            f"{name:<8} {len(part):>3} {statistics.mean(scores):>9.2f} "
            f"{sum(s >= 0.5 for s in inside)}/{len(inside):<6} {sum(outside):>4.0f}/{len(outside)}"
        )
    print(f"interview resumed at the pending question after the answer: {resumed}/{len(questions)}")
    for q in questions[:show] if show else []:
        a = answers[q["id"]]
        print(f"\n--- {q['id']} ({a['score']:.2f}) {q['q']}\n{a['text']}")
        for p in a.get("points", []):
            print("   ", p)


HAND_GRADES = ROOT / "benchmarks" / "qa_hand_grades.yaml"


def write_grading_sheet(
    questions: list[dict[str, Any]], answers: dict[str, dict[str, Any]], path: Path
) -> None:
    """The answers and their points, without the judge's scores, for a person to grade."""
    from benchmarks.advice_judges import claims

    sheet = [
        {
            "id": q["id"],
            "lang": q["lang"],
            "question": q["q"],
            "answer": " ".join(claims(answers[q["id"]]["text"])),
            "points": list(q["must_cover"]),
        }
        for q in questions
        if q["sources"] and answers[q["id"]]["citations"]
    ]
    path.write_text(yaml.safe_dump(sheet, allow_unicode=True, sort_keys=False, width=100), "utf-8")
    print(f"wrote {len(sheet)} answers to grade to {path}")


def finnish_points() -> dict[str, dict[str, Any]]:
    """The Finnish questions' points in Finnish (benchmarks/qa_points_fi.yaml), by id."""
    path = ROOT / "benchmarks" / "qa_points_fi.yaml"
    return {p["id"]: p for p in yaml.safe_load(path.read_text(encoding="utf-8"))}


def judge_agreement(
    questions: list[dict[str, Any]],
    answers: dict[str, dict[str, Any]],
    finnish: dict[str, dict[str, Any]],
) -> None:
    """How often the judge's "point covered" agrees with a person's hand grade
    (benchmarks/qa_hand_grades.yaml, graded by a helper who never saw the judge's scores),
    at the judge's bar and at other bars: how the bar (advice_judges.COVERED) is checked."""
    if not HAND_GRADES.exists():
        return
    from benchmarks.advice_judges import COVERED, best

    graded = yaml.safe_load(HAND_GRADES.read_text(encoding="utf-8"))["grades"]
    by_id = {q["id"]: q for q in questions}
    rows = []  # (judge, parity, similarity, hand): judge "fi" = English points, "fi/fi" Finnish
    for qid, marks in graded.items():
        q = by_id.get(qid)
        if q is None or qid not in answers or len(marks) != len(q["must_cover"]):
            continue
        parity = int(qid.rsplit("-", 1)[1]) % 2
        for i, (point, hand) in enumerate(zip(q["must_cover"], marks, strict=True)):
            rows.append((q["lang"], parity, best(point, answers[qid]["text"]), int(hand)))
            if qid in finnish:
                own = finnish[qid]["must_cover_fi"][i]
                rows.append(("fi/fi", parity, best(own, answers[qid]["text"]), int(hand)))
    print("\n== judge vs hand grades (points covered; odd ids dev, even held out)")
    print(f"{'lang':<5} {'bar':>5} {'set':<8} {'n':>4} {'agree':>6} {'judge+':>7} {'hand+':>6}")
    for lang in ("fi", "fi/fi", "en"):
        for bar in sorted({COVERED[lang], *(round(0.79 + 0.01 * k, 2) for k in range(14))}):
            for name, parity in (("dev", 1), ("heldout", 0)):
                part = [(s, h) for lg, p, s, h in rows if lg == lang and p == parity]
                if not part:
                    continue
                agree = sum((s >= bar) == bool(h) for s, h in part) / len(part)
                mark = " <- judge" if abs(bar - COVERED[lang]) < 1e-9 else ""
                print(
                    f"{lang:<5} {bar:>5.2f} {name:<8} {len(part):>4} {agree:>6.2f} "
                    f"{sum(s >= bar for s, _ in part):>7} {sum(h for _, h in part):>6}{mark}"
                )


def suggestions_table(results: dict[str, Any], scripts: list[tuple[str, dict[str, Any]]]) -> None:
    from assistant.advice.support import unsupported
    from assistant.model import Suggestion
    from benchmarks.understanding import false_premises

    print(
        "\n== suggestions (premises: benchmarks/understanding.py; support: assistant/advice/support.py)"
    )
    print(
        f"{'set':<8} {'maps':>4} {'count min/mean/max':>18} {'dupes':>5} {'false premises':>14} {'unsupported':>11}"
    )
    for name in ("dev", "heldout"):
        counts, dupes, premises, bad, cites = [], 0, 0, 0, 0
        for set_name, script in scripts:
            if set_name != name:
                continue
            found = results[script["id"]]["map"]["suggestions"]
            counts.append(len(found))
            # The same user words told twice at one place is a duplicate.
            told = [(s["touchpoint"], q) for s in found for q in QUOTE.findall(s["why"])[:1]]
            dupes += len(told) - len(set(told))
            wrong = false_premises(script["truth"], results[script["id"]]["map"], script["answers"])
            premises += len(wrong)
            for w in wrong if VERBOSE else []:
                print(f"   premise {script['id']}: {w}")
            for s in found:
                cites += len(s["citations"])
                bad += len(unsupported(Suggestion.model_validate(s), lang=script["lang"]))
        print(
            f"{name:<8} {len(counts):>4} {min(counts):>6}/{statistics.mean(counts):>4.1f}/{max(counts):<6} "
            f"{dupes:>5} {premises:>14} {bad:>5} of {cites}"
        )


def sweep(results: dict[str, Any], scripts: list[tuple[str, dict[str, Any]]], deps: Any) -> None:
    """Tips the dev interviews would get at each threshold (their final maps stand in for the
    map at each turn): how the threshold in prompts/advice/tips.yaml was chosen."""
    from assistant.advice.tips import pick_tip
    from assistant.model import JourneyMap, Lang
    from assistant.turns import Expects, Slot
    from benchmarks.advice_judges import tip_on_topic

    rubric = yaml.safe_load((ROOT / "benchmarks" / "tip_rubric.yaml").read_text(encoding="utf-8"))
    print("\n== tip threshold sweep (dev interviews only)")
    for threshold in (1.0, 1.5, 2.0, 2.5, 3.0, 3.5):
        turns = tips = on = 0
        for set_name, script in scripts:
            if set_name != "dev":
                continue
            journey = JourneyMap.model_validate(results[script["id"]]["map"])
            used: list[str] = []
            for t in results[script["id"]]["turns"][1:]:
                turns += 1
                focus = t.get("focus") or {}
                if t["expects"] in ("review", "done", "free") or not focus.get("slot"):
                    continue
                slot = Slot(Expects(t["expects"]), focus["slot"], focus.get("stage"))
                hit = pick_tip(
                    slot=slot,
                    journey=journey,
                    kb=deps.kb,
                    lang=Lang(script["lang"]),
                    used=used,
                    answer=t["user"],
                    threshold=threshold,
                )
                if hit is None:
                    continue
                used.append(hit.card)
                tips += 1
                on += tip_on_topic(
                    rubric,
                    slot=focus["slot"],
                    card_text=card_texts(hit.card),
                    script_id=script["id"],
                )[0]
        print(
            f"threshold {threshold:>4}: {tips / turns:.2f} tips/turn, on topic {on / max(tips, 1):.2f}"
        )


def load_scripts() -> list[tuple[str, dict[str, Any]]]:
    from benchmarks.understanding import load

    return load("all")


def main() -> int:
    global VERBOSE
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", default="tips,qa,suggestions,showcase")
    ap.add_argument("--show-answers", type=int, default=0, help="print the first N answers")
    ap.add_argument("--verbose", action="store_true", help="print every tip with its judgement")
    ap.add_argument(
        "--grading-sheet", default="", help="write the QA answers to grade by hand here"
    )
    ap.add_argument("--dump", default="", help="write the interviews' turns and maps here (JSON)")
    ap.add_argument("--load", default="", help="judge interviews dumped earlier instead of running")
    args = ap.parse_args()
    VERBOSE = args.verbose
    global GRADING_SHEET
    GRADING_SHEET = args.grading_sheet
    parts = set(args.part.split(","))
    os.environ.setdefault("POLKUOPAS_DATA_DIR", tempfile.mkdtemp(prefix="polkuopas-adv-"))
    from assistant.interview import build_deps
    from assistant.settings import Settings

    deps = build_deps(settings=Settings(), offline=True)
    scripts = load_scripts()
    if args.load:
        results = json.loads(Path(args.load).read_text(encoding="utf-8"))
    elif parts & {"tips", "suggestions", "showcase"}:
        results = {s["id"]: interview(s, deps=deps) for _, s in scripts}
    if args.dump:
        Path(args.dump).write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    if "showcase" in parts:
        for _, s in scripts:
            if s["id"] in SHOWCASE:
                show(s, results[s["id"]])
    if "sweep" in parts:
        sweep(results, scripts, deps)
    if "tips" in parts:
        tips_table(results, scripts)
    if "qa" in parts:
        qa_table(deps, args.show_answers)
    if "suggestions" in parts:
        suggestions_table(results, scripts)
    return 0


VERBOSE = False
GRADING_SHEET = ""

if __name__ == "__main__":
    sys.exit(main())
