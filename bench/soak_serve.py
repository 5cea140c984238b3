"""Soak the web server: 50 users for 10 minutes, the server's memory sampled throughout.

    python bench/bench_ingest.py --n 10000 --db /tmp/bench.db      # once: builds the registry
    python bench/soak_serve.py --db /tmp/bench.db [--clients 50] [--minutes 10] [--no-write] [--samples rss.csv] [--json run.json]
    python bench/soak_serve.py --from-json run.json        # write a saved run's row into BENCHMARKS.md

The server is ``artikel100 serve --workers 2`` in its own process group on a
loopback port; the users are ``bench_serve.py``'s (the same mix of pages, API
calls and feeds, each user waiting for the whole answer and then thinking
0.5-1.5 s). Every ``--every`` seconds the resident memory (VmRSS) of every
process of the server is read from /proc. Reports requests, errors, latency
in the first and the last minute, RSS at the start, middle and end, and the
least-squares slope of the total RSS over the second half of the run (the
first half includes caches filling: snapshots, rendered pages). Memory is
called flat when that slope is under 1 MB per minute and the end is within
5 % of the middle; it levels off when, besides, the last third's slope is
under 1 MB per minute. Writes its row (one per backend; the other backend's
row stays) into the "Soak: web server" section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_serve import cpu_seconds, pct, start_server, user, wait_ready  # noqa: E402
from benchmarks_md import backend_rows, replace_section  # noqa: E402

TITLE = "Soak: web server"
FLAT_SLOPE_MB_PER_MIN = 1.0
FLAT_END_VS_MIDDLE = 0.05


def server_processes(root: int) -> list[int]:
    """``root`` and all its descendants (uvicorn's supervisor, its workers, multiprocessing helpers)."""
    parent: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, pp in parent.items() if pp in tree and pid not in tree}
        tree |= more
        grew = bool(more)
    return sorted(tree)


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class Sampler(threading.Thread):
    """Reads the server's RSS every ``every`` seconds: (seconds since start, total MB, {pid: MB})."""

    def __init__(self, root: int, every: float) -> None:
        super().__init__(daemon=True)
        self.root, self.every = root, every
        self.samples: list[tuple[float, float, dict[int, float]]] = []
        self.stop = threading.Event()
        self.t0 = time.perf_counter()

    def run(self) -> None:
        while not self.stop.is_set():
            per = {pid: rss_kb(pid) / 1024 for pid in server_processes(self.root)}
            self.samples.append((time.perf_counter() - self.t0, sum(per.values()), per))
            self.stop.wait(self.every)


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MB) in MB per minute."""
    if len(points) < 2:
        return 0.0
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return 60 * sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="a registry bench_ingest.py filled (path or postgresql:// URL)")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--every", type=float, default=5.0, help="seconds between memory samples")
    ap.add_argument("--today", default="2015-01-01", help="the server's today (the generated letters run 2001-2024)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    ap.add_argument("--samples", type=Path, help="also write every memory sample here (CSV: seconds, total MB, MB per process)")
    ap.add_argument("--json", type=Path, help="also write the run's figures here")
    ap.add_argument("--from-json", type=Path, help="write the row of a run saved with --json, and do nothing else")
    args = ap.parse_args(argv)
    if args.from_json:
        write_section(json.loads(args.from_json.read_text(encoding="utf-8")))
        print("wrote the section to BENCHMARKS.md")
        return 0
    if args.db is None:
        ap.error("--db is needed")

    load_start = os.getloadavg()
    proc, base = start_server(args.db, args.today, args.workers, own_group=True)
    samples: list[tuple[str, float, int]] = []
    stamps: list[float] = []
    try:
        missions, ids, warm = wait_ready(proc, base, timeout=600, repeat=args.workers)
        sampler = Sampler(proc.pid, args.every)
        cpu0 = cpu_seconds(proc.pid)
        sampler.start()
        seconds = args.minutes * 60
        t_start = time.perf_counter()
        until = t_start + seconds

        async def run() -> None:
            await asyncio.gather(*(user(base, until, ids, missions, i, samples) for i in range(args.clients)))

        # bench_serve's users append (kind, ms, status); when each answer came is kept beside it.
        class Stamped(list):
            def append(self, item):  # type: ignore[no-untyped-def]
                stamps.append(time.perf_counter() - t_start)
                super().append(item)

        samples = Stamped()
        asyncio.run(run())
        sampler.stop.set()
        sampler.join()
        cpu = cpu_seconds(proc.pid) - cpu0
        alive = proc.poll() is None
        processes = len(server_processes(proc.pid))
    finally:
        os.killpg(proc.pid, 15)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)

    mem = sampler.samples
    if args.samples:
        pids = sorted({pid for _t, _mb, per in mem for pid in per})
        lines = ["seconds,total_mb," + ",".join(f"pid_{pid}_mb" for pid in pids)]
        lines += [f"{t:.1f},{mb:.1f}," + ",".join(f"{per.get(pid, 0):.1f}" for pid in pids) for t, mb, per in mem]
        args.samples.write_text("\n".join(lines) + "\n", encoding="utf-8")
    half = [(t, mb) for t, mb, _ in mem if t >= mem[-1][0] / 2]
    middle = min(mem, key=lambda s: abs(s[0] - mem[-1][0] / 2))
    start_mb, middle_mb, end_mb = mem[0][1], middle[1], mem[-1][1]
    slope_half, slope_all = slope(half), slope([(t, mb) for t, mb, _ in mem])
    last_third = slope([(t, mb) for t, mb, _ in mem if t >= mem[-1][0] * 2 / 3])
    peak = max(mb for _t, mb, _ in mem)
    # When the total first came within 3 % of its highest: where the caches had (nearly) filled.
    plateau_s = next(t for t, mb, _ in mem if mb >= 0.97 * peak)
    flat = slope_half < FLAT_SLOPE_MB_PER_MIN and abs(end_mb - middle_mb) <= FLAT_END_VS_MIDDLE * middle_mb
    first = [ms for (_k, ms, _s), t in zip(samples, stamps) if t < 60]
    last = [ms for (_k, ms, _s), t in zip(samples, stamps) if t >= seconds - 60]
    errors = [(k, s) for k, _ms, s in samples if s != 200]
    figures = {
        "backend": "PostgreSQL" if args.db.startswith(("postgres", "postgresql")) else "SQLite",
        "letters": len(ids), "clients": args.clients, "minutes": args.minutes, "workers": args.workers,
        "server_processes": processes, "server_alive_at_end": alive, "startup_s": round(warm, 1),
        "requests": len(samples), "errors": len(errors), "failed": sorted({f"{k} -> {s or 'no answer'}" for k, s in errors}),
        "requests_per_s": round(len(samples) / seconds, 1),
        "median_ms_first_minute": round(statistics.median(first), 1) if first else None,
        "p95_ms_first_minute": round(pct(first, 0.95), 1) if first else None,
        "median_ms_last_minute": round(statistics.median(last), 1) if last else None,
        "p95_ms_last_minute": round(pct(last, 0.95), 1) if last else None,
        "rss_samples": len(mem), "rss_mb_start": round(start_mb, 1), "rss_mb_middle": round(middle_mb, 1),
        "rss_mb_end": round(end_mb, 1), "rss_mb_max": round(max(mb for _t, mb, _ in mem), 1),
        "slope_mb_per_min_second_half": round(slope_half, 2), "slope_mb_per_min_all": round(slope_all, 2),
        "slope_mb_per_min_last_third": round(last_third, 2), "within_3pct_of_max_from_min": round(plateau_s / 60, 1),
        "flat": flat, "levels_off": flat and last_third < FLAT_SLOPE_MB_PER_MIN, "date": date.today().isoformat(),
        "server_cpu_ms_per_request": round(cpu * 1000 / max(1, len(samples)), 1),
        "load_start": [round(x, 1) for x in load_start], "load_end": [round(x, 1) for x in os.getloadavg()],
        "per_process_mb_end": {str(pid): round(mb, 1) for pid, mb in sorted(mem[-1][2].items())},
    }
    print(json.dumps(figures, indent=1))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    if not args.no_write:
        write_section(figures)
        print("wrote the section to BENCHMARKS.md")
    return 0 if not errors and flat and alive else 1


ROW_HEADER = ("| backend | date | minutes | load average (start → end) | requests | errors | p95 first minute "
              "| p95 last minute | RSS start | RSS middle | RSS end | RSS max | within 3 % of max from "
              "| slope, second half | slope, last third | workers at the end | memory |")


def signed(x: float) -> str:
    return f"{x:+.2f}".replace("-0.00", "+0.00")


def row(f: dict) -> str:
    # The workers are the largest processes (the others: uvicorn's supervisor, multiprocessing's resource tracker).
    sizes = sorted(f["per_process_mb_end"].values(), reverse=True)[: f["workers"]]
    workers = " + ".join(f"{mb:g}" for mb in sizes) + " MB"
    load = lambda xs: "/".join(f"{x:.1f}" for x in xs)  # noqa: E731
    levels = f.get("levels_off", f["flat"] and f["slope_mb_per_min_last_third"] < FLAT_SLOPE_MB_PER_MIN)
    verdict = "**levels off**" if levels else "**does not level off**"
    return (f"| {f['backend']} | {f.get('date', date.today().isoformat())} | {f['minutes']:g} | "
            f"{load(f['load_start'])} → {load(f['load_end'])} | {f['requests']:,} ({f['requests_per_s']}/s) | "
            f"{f['errors']} | {f['p95_ms_first_minute']} ms | {f['p95_ms_last_minute']} ms | {f['rss_mb_start']} MB | "
            f"{f['rss_mb_middle']} MB | {f['rss_mb_end']} MB | {f['rss_mb_max']} MB | "
            f"minute {f['within_3pct_of_max_from_min']:g} | {signed(f['slope_mb_per_min_second_half'])} MB/min | "
            f"{signed(f['slope_mb_per_min_last_third'])} MB/min | {workers} | {verdict} |")


def write_section(f: dict) -> None:
    """Writes the run's row into the section; the other backend's row stays."""
    rows = backend_rows(TITLE, ROW_HEADER)
    rows[f["backend"]] = row(f)
    replace_section(TITLE, section(f, [rows[k] for k in ("SQLite", "PostgreSQL") if k in rows]))


def section(f: dict, rows: list[str]) -> str:
    from artikel100.serve.caches import LIMITS

    bounds = "; ".join(f"{name} {lim.size // 2**20} MB" if lim.by_bytes else f"{name} {lim.size:,}"
                       for name, lim in LIMITS.items())
    levels = [r.split("|")[1].strip() for r in rows if "**levels off**" in r]
    return f"""## {TITLE}

`python bench/soak_serve.py --db REGISTRY --clients {f['clients']} --minutes M --samples rss.csv` on {platform.machine()}, {os.cpu_count()} cores shared with the rest of the team (the load average, 1/5/15 minutes, at the start and the end of each run is in its row), Python {platform.python_version()}.
The registry is the one `bench/bench_ingest.py --n 10000 --db REGISTRY` builds ({f['letters']:,} letters); the PostgreSQL one is a copy of its rows made with `bench/copy_registry.py`. The server is `artikel100 serve --workers {f['workers']}` ({f['server_processes']} processes with uvicorn's supervisor); the users are `bench_serve.py`'s ({f['clients']} of them: pages, API calls and feeds; each waits for the answer, then thinks 0.5-1.5 s). The resident memory of every server process is read from /proc every 5 s; the slopes are least-squares fits of the total over the second half and over the last third of the run. One soak ran at a time.

{ROW_HEADER}
|{'---|' * (ROW_HEADER.count('|') - 1)}
{chr(10).join(rows)}

Flat means a second-half slope under {FLAT_SLOPE_MB_PER_MIN:g} MB/min and an end within {FLAT_END_VS_MIDDLE:.0%} of the middle; the memory levels off when, besides, the last third's slope is under {FLAT_SLOPE_MB_PER_MIN:g} MB/min. Levels off: {', '.join(levels) if levels else 'neither backend'}. RSS is the sum over all server processes (each worker holds its own snapshot of the registry and its own caches); the start is the first sample after the server had answered each kind of request once per worker. What a worker keeps per registry state is bounded in `serve/caches.py` (`LIMITS`: {bounds}); a worker answers at most 8 requests at once and keeps 2 malloc arenas (`serve/process.py`).

Before the web-speed work bounded those caches, limited the requests at once and the arenas (42f5e86 to 76b1c67), a 10-minute soak on SQLite (load average 6.7-13.4) saw memory rise by 16 MB/min in the first half and 2.4 MB/min in the second (420 to 517 MB), still rising at the end.
"""


if __name__ == "__main__":
    sys.exit(main())
