"""Compare search configurations on the retrieval questions in one process.

Run: .venv/bin/python benchmarks/retrieval_tune.py [--store DIR] 'vector_weight=0.6' 'bridge_weight=1'
Each argument is one configuration (comma-separated SearchConfig field=value pairs; '' is
the default). Ingests the five articles once (into DIR, reused on later runs) and prints
hit@3 and MRR per split and group for each. The untouched split is never loaded here.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.retrieval import find_seeds, load_questions, parse_config, rank_of


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("configs", nargs="*", default=[""])
    parser.add_argument("--store", type=Path, help="reuse this store dir across runs")
    args = parser.parse_args()
    seeds = find_seeds()
    if seeds is None:
        print("skipped: the source articles (../shared/seeds) are not here")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="polkuopas-tune-"))
    os.environ.setdefault("POLKUOPAS_DATA_DIR", str(tmp / "data"))
    store_dir = args.store or tmp / "store"
    from assistant.knowledge import open_document_store
    from assistant.settings import get_settings

    questions = load_questions({"tune", "holdout", "fresh", "final"})
    splits = ("tune", "holdout", "fresh", "final", "all")
    header = "".join(f"{s[:5]:>6}fi {s[:5]:>6}en" for s in splits)
    print(f"{'config':<44}{header}   MRR all")
    for spec in args.configs:
        config = parse_config([p for p in spec.split(",") if p])
        store = open_document_store(settings=get_settings(), path=store_dir, config=config)
        store.ingest(sorted(seeds.glob("00*.txt")))
        ranks: dict[tuple[str, str], list[int | None]] = defaultdict(list)
        for q in questions:
            rank = rank_of(store.search(q["q"], k=5), q["source"], q["phrase"])
            group = "fi" if q["group"] == "fi" else "en"
            ranks[(q["split"], group)].append(rank)
            ranks[("all", group)].append(rank)
        cells = []
        for split in splits:
            for group in ("fi", "en"):
                rs = ranks[(split, group)]
                cells.append(f"{sum(1 for r in rs if r and r <= 3) / max(len(rs), 1):>9.2f}")
        every = ranks[("all", "fi")] + ranks[("all", "en")]
        mrr = sum(1 / r for r in every if r) / len(every)
        print(f"{spec or 'default':<44}{''.join(cells)}   {mrr:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
