"""Load benchmark: N simulated users interview through the core (Session) at once, each
with a think time between messages, against SQLite (WAL) or, with POLKUOPAS_DATABASE_URL,
PostgreSQL. Users are threads in --procs worker processes (one engine and one card index
per process, as in the app server). Prints turns/s, latency p50/p95/p99, errors, peak RSS,
and checks through the store that every turn was persisted; then a saturation run (no
think time) and the peak RSS of one `polkuopas chat --jsonl --offline` process.

    .venv/bin/python benchmarks/load.py                       # 200 users, 5-20 s, ~3 min
    .venv/bin/python benchmarks/load.py --users 400 --turns 12 --think 5-20
    .venv/bin/python benchmarks/load.py --users 40 --think 0 --saturation 0
    .venv/bin/python benchmarks/load.py --chat-rss-only        # memory of one chat, ~30 s
"""

from __future__ import annotations

import argparse
import functools
import multiprocessing as mp
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted((ROOT / "benchmarks" / "understanding" / "dev").glob("*.yaml"))
KB_DIR = Path(tempfile.gettempdir()) / "polkuopas-load-kb"
"""Kept between runs: the card index is built once, not timed."""


@functools.cache
def _script(path: Path) -> dict[str, Any]:
    """A user's script, parsed once per process before the clock: parsing the YAML is the
    harness's work, not the core's (it was ~6 CPU ms of every measured turn)."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _user(n: int, *, deps: Any, turns: int, think: tuple[float, float], out: list[Any]) -> None:
    from assistant.interview import open_session
    from assistant.model import Lang
    from benchmarks.understanding import reply

    rng = random.Random(n)
    script = _script(SCRIPTS[abs(n) % len(SCRIPTS)])
    time.sleep(rng.uniform(0, think[1]))  # users arrive spread over one think time
    row: dict[str, Any] = {"id": "", "sent": 0, "ms": [], "errors": 0}
    try:
        session = open_session(deps=deps, lang=Lang(script["lang"]))
        row["id"] = session.id
        turn = session.opening().to_json()
        while not turn["done"] and row["sent"] < turns:
            time.sleep(rng.uniform(*think))
            text = reply(script, turn)[0]
            start = time.perf_counter()
            turn = session.step(text).to_json()
            row["ms"].append((time.perf_counter() - start) * 1000)
            row["sent"] += 1
            row["errors"] += int(turn.get("unsaved", 0) > 0)
    except Exception as exc:  # counted and shown, never hidden
        row["errors"] += 1
        row["error"] = f"{type(exc).__name__}: {exc}"[:200]
    out.append(row)


def _worker(users: list[int], turns: int, think: tuple[float, float], env: dict[str, str]) -> Any:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    from assistant.interview import build_deps

    deps = build_deps(offline=True)
    deps.kb.search("asiakas", k=1)  # the index and the dictionaries load before the clock
    for thread in threading.enumerate():
        if thread.name == "polkuopas-warm-up":
            thread.join()
    for path in SCRIPTS:
        _script(path)
    warm: list[Any] = []  # one short interview first: word lists and tables load once, untimed
    _user(-1, deps=deps, turns=3, think=(0.0, 0.0), out=warm)
    out: list[Any] = []
    threads = [
        threading.Thread(
            target=_user, args=(n,), kwargs=dict(deps=deps, turns=turns, think=think, out=out)
        )
        for n in users
    ]
    began, cpu = time.time(), _cpu()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ended, cpu = time.time(), _cpu() - cpu
    deps.store.close()
    return out, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, (began, ended), cpu


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(
    *, users: int, turns: int, think: tuple[float, float], procs: int, env: dict[str, str]
) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    shares = [list(range(i, users, procs)) for i in range(procs)]
    with ctx.Pool(procs) as pool:
        results = pool.starmap(_worker, [(s, turns, think, env) for s in shares if s])
    wall = max(e for _, _, (_, e), _ in results) - min(b for _, _, (b, _), _ in results)
    rows = [row for out, *_ in results for row in out]
    cpu = sum(c for *_, c in results)
    ms = sorted(m for row in rows for m in row["ms"])
    q = statistics.quantiles(ms, n=100) if len(ms) > 1 else [0.0] * 99
    return {
        "users": users,
        "turns": len(ms),
        "wall": wall,
        "p50": q[49],
        "p95": q[94],
        "p99": q[98],
        "errors": sum(r["errors"] for r in rows),
        "rss": max(rss for _, rss, *_ in results),
        "cpu_ms": cpu * 1000 / max(1, len(ms)),
        "rows": rows,
    }


def lost_turns(url: str, rows: list[dict[str, Any]]) -> int:
    """Turns a user sent (and the replies) that the store does not have."""
    from assistant.store import Store
    from assistant.turns import Role

    lost = 0
    with Store(url) as store:
        for row in rows:
            if not row["id"]:
                lost += row["sent"] or 1
                continue
            got = store.transcript(row["id"])
            users = sum(t.role is Role.USER for t in got)
            replies = sum(t.role is Role.ASSISTANT for t in got)
            lost += max(0, row["sent"] - users) + max(0, row["sent"] + 1 - replies)
    return lost


QUESTION = {"fi": "mikä on kosketuspiste?", "en": "what is a touchpoint?"}


def _rss_mb(pid: int) -> tuple[float, float]:
    """(current, peak) resident set of a live process in MB, from /proc (Linux)."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def chat_rss(env: dict[str, str]) -> dict[str, float]:
    """Resident memory (MB) of one `polkuopas chat --jsonl --offline` through a whole
    scripted interview: after the opening, after the first answer, and the peak."""
    import json

    from benchmarks.interview import drive, load_scripts

    script = load_scripts()[0]
    cmd = [
        str(ROOT / ".venv" / "bin" / "polkuopas"),
        "chat",
        "--jsonl",
        "--offline",
        "--lang",
        script["lang"],
    ]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdin and proc.stdout
    seen: list[float] = []

    def send(text: str) -> dict[str, Any]:
        proc.stdin.write(text + "\n")  # type: ignore[union-attr]
        proc.stdin.flush()  # type: ignore[union-attr]
        turn = dict(json.loads(proc.stdout.readline()))  # type: ignore[union-attr]
        seen.append(_rss_mb(proc.pid)[0])
        return turn

    first = json.loads(proc.stdout.readline())
    opening = _rss_mb(proc.pid)[0]
    _, turns = drive(script, send, first)
    send(QUESTION[script["lang"]])  # users ask too: the answer path searches the cards
    proc.stdin.close()
    _, _, usage = os.wait4(proc.pid, 0)
    return {
        "opening": opening,
        "first": seen[0] if seen else opening,
        "peak": usage.ru_maxrss / 1024,
        "turns": float(turns + 1),
    }


def print_chat_rss(env: dict[str, str]) -> None:
    m = chat_rss(env)
    print(
        f"polkuopas chat --jsonl --offline: RSS {m['opening']:.0f} MB after the opening,"
        f" {m['first']:.0f} MB after the first answer, peak {m['peak']:.0f} MB over"
        f" {m['turns']:.0f} turns (the last a question to the guidance)"
    )


def _think(text: str) -> tuple[float, float]:
    low, _, high = text.partition("-")
    return float(low), float(high or low)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--turns", type=int, default=6, help="messages per user at most")
    parser.add_argument("--think", type=_think, default=(5.0, 20.0), help="seconds, e.g. 5-20 or 0")
    parser.add_argument("--procs", type=int, default=2, help="worker processes (cores)")
    parser.add_argument(
        "--saturation", type=int, default=24, help="users with no think time (0: skip)"
    )
    parser.add_argument("--no-chat-rss", action="store_true")
    parser.add_argument(
        "--chat-rss-only", action="store_true", help="only the memory of one `polkuopas chat`"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    KB_DIR.mkdir(exist_ok=True)
    url = os.environ.get("POLKUOPAS_DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/load.db"
    env = {"POLKUOPAS_DATA_DIR": str(KB_DIR), "POLKUOPAS_DATABASE_URL": url}
    os.environ.update(env)
    if args.chat_rss_only:
        print_chat_rss({**os.environ, **env})
        return
    from assistant.knowledge import load_card_index
    from assistant.settings import get_settings

    load_card_index(settings=get_settings())  # built once, outside the timings
    from assistant.store import Store

    Store(url).close()  # the schema, before workers race to create it
    load = os.getloadavg()[0]
    print(
        f"database: {url.split('@')[-1]}   processes: {args.procs}   cpus: {os.cpu_count()}"
        f"   load average before: {load:.1f}"
    )
    print(
        f"{'run':<12}{'users':>6}{'turns':>7}{'turns/s':>9}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'errors':>7}{'lost':>6}{'RSS MB':>8}"
    )
    phases = [("think", args.users, args.think)]
    if args.saturation > 0:
        phases.append(("saturation", args.saturation, (0.0, 0.0)))
    for name, users, think in phases:
        r = run(users=users, turns=args.turns, think=think, procs=args.procs, env=env)
        label = f"{name} {think[0]:g}-{think[1]:g}s"
        print(
            f"{label:<12}{r['users']:>6}{r['turns']:>7}{r['turns'] / r['wall']:>9.1f}{r['p50']:>8.0f}"
            f"{r['p95']:>8.0f}{r['p99']:>8.0f}{r['errors']:>7}{lost_turns(url, r['rows']):>6}{r['rss']:>8.0f}{r['cpu_ms']:>12.1f}"
        )
        for row in r["rows"]:
            if "error" in row:
                print("  error:", row["error"])
                break
    if not args.no_chat_rss:
        print_chat_rss({**os.environ, **env})


if __name__ == "__main__":
    main()
