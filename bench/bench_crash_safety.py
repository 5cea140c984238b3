"""Crash safety and concurrency of ``artikel100 ingest`` on 1,000 letters, SQLite and PostgreSQL.

    python bench/bench_crash_safety.py [--n 1000] [--kills 20] [--seed S] [--no-write]

Each scenario interrupts the real command and then ingests again; the
registry must then be exactly what one uninterrupted run gives (every letter
once, every fact, every source file, the deployments merged from the facts):

- SIGKILL of the command and its workers at ``--kills`` random points;
- a disk that fills up: the SQLite file on a tmpfs of half the size it needs,
  the PostgreSQL tables in a tablespace on a small tmpfs; then the file
  system is made larger, as a user frees space;
- the PostgreSQL server restarted mid-batch (``immediate``: a crash, and
  ``fast``), which the batch must wait out;
- two ``ingest`` commands at once on overlapping halves of the folder: the
  union, nothing doubled, no "database is locked".

The letters are tests/letters' own texts made unique (tests/crash_harness.py),
read through the real pipeline with 2 workers. Needs root for the tmpfs mounts
and the PostgreSQL binaries; a scenario that cannot run here says why.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from crash_harness import (  # noqa: E402
    PgServer,
    SmallDisk,
    differences,
    finish,
    kill_at_random_points,
    make_letters,
    snapshot,
    start_ingest,
    stored_letters,
)

from artikel100.store import open_registry  # noqa: E402

TITLE = "Crash safety"


def _verdict(db: str, clean: dict, letters_only: bool = False) -> str:
    got = snapshot(db)
    if letters_only:
        got = {**got, "deployments": clean["deployments"]}
    diff = differences(got, clean)
    return "identical to the clean run" if not diff else "DIFFERS: " + "; ".join(diff)


SCENARIOS = ("kill-sqlite", "kill-postgresql", "restart", "disk-sqlite", "disk-postgresql", "twice-sqlite",
             "twice-postgresql", "clean-postgresql")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--scenarios", default=",".join(SCENARIOS), help=f"comma-separated, of: {', '.join(SCENARIOS)}")
    parser.add_argument("--clean", type=Path, help="a SQLite registry an earlier uninterrupted run of the same --n made")
    parser.add_argument("--no-write", action="store_true")
    opts = parser.parse_args()
    wanted = [x.strip() for x in opts.scenarios.split(",") if x.strip()]
    seed = opts.seed if opts.seed is not None else int(time.time()) % 100_000
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="artikel100-crash-"))
    folder = work / "letters"
    make_letters(folder, opts.n)
    rows: list[tuple[str, str, str, str, str]] = []

    def row(scenario: str, backend: str, what: str, verdict: str, started: float) -> None:
        rows.append((scenario, backend, what, verdict, f"{time.monotonic() - started:.0f} s"))
        print(" | ".join(rows[-1]), flush=True)
        if not opts.no_write:
            from benchmarks_md import replace_section

            replace_section(TITLE, _section(rows, opts, seed, complete=len(rows) > len(wanted)))

    started = time.monotonic()
    clean_db = str(opts.clean) if opts.clean else str(work / "clean.db")
    if not opts.clean:
        done = finish([folder], clean_db)
        assert done.returncode == 0, done.stderr
    clean = snapshot(clean_db)
    assert len(clean["letters"]) == opts.n, "--clean was made from another --n"
    facts = sum(len(v["facts"]) for v in clean["letters"].values())
    row("uninterrupted run", "SQLite", f"{len(clean['letters'])} letters, {facts} facts, {len(clean['deployments'])} deployments",
        "reference", started)

    pg = PgServer()
    try:
        for name in wanted:
            started = time.monotonic()
            if name == "clean-postgresql":
                db = pg.database("clean")
                done = finish([folder], db)
                row("uninterrupted run", "PostgreSQL", "", _verdict(db, clean) if done.returncode == 0 else "FAILED " + done.stderr[-200:], started)
            elif name.startswith("kill-"):
                backend, db = ("SQLite", str(work / "killed.db")) if name.endswith("sqlite") else ("PostgreSQL", pg.database("killed"))
                points = kill_at_random_points(folder, db, opts.n, opts.kills, rng)
                done = finish([folder], db)
                verdict = _verdict(db, clean) if done.returncode == 0 else "FAILED " + done.stderr[-200:]
                row("SIGKILL, then ingest again", backend, f"{len(points)} kills, at {', '.join(map(str, points))} letters stored", verdict, started)
            elif name.startswith("disk-"):
                reason = SmallDisk.possible()
                if reason:
                    row("disk full", name, "", f"not run: {reason}", started)
                elif name.endswith("sqlite"):
                    _disk_sqlite(folder, clean, clean_db, row, started)
                else:
                    _disk_postgresql(folder, clean, pg, row, started)
            elif name == "restart":
                db = pg.database("restarted")
                open_registry(db).close()
                proc = start_ingest([folder], db)
                restarts = []
                for share, mode in ((3, "immediate"), (3 / 2, "fast")):
                    while stored_letters(db) < opts.n / share and proc.poll() is None:
                        time.sleep(0.05)
                    if proc.poll() is None:
                        pg.restart(mode)
                        restarts.append(f"{mode} at {stored_letters(db)}")
                _, err = proc.communicate()
                verdict = _verdict(db, clean) if proc.returncode == 0 else "FAILED " + err[-200:]
                row("server restarted mid-batch", "PostgreSQL", f"{len(restarts)} restarts ({', '.join(restarts)} letters stored); exit {proc.returncode}", verdict, started)
            elif name.startswith("twice-"):
                files = sorted(folder.iterdir())
                halves = (files[: 2 * opts.n // 3], files[opts.n // 3 :])
                backend, db = ("SQLite", str(work / "twice.db")) if name.endswith("sqlite") else ("PostgreSQL", pg.database("twice"))
                procs = [start_ingest(list(h), db) for h in halves]
                outs = [p.communicate() for p in procs]
                noise = [e for _, e in outs if "Traceback" in e or "locked" in e]
                ok = all(p.returncode == 0 for p in procs) and not noise
                verdict = _verdict(db, clean, letters_only=True) if ok else "FAILED " + " / ".join(e[-200:] for _, e in outs)
                row("two ingests at once (overlapping two-thirds)", backend, f"exits {[p.returncode for p in procs]}, no traceback or 'locked': {not noise}", verdict, started)
    finally:
        pg.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(_section(rows, opts, seed, complete=True))
    return 0 if all("DIFFERS" not in r[3] and "FAILED" not in r[3] for r in rows) else 1


def _disk_sqlite(folder: Path, clean: dict, clean_db: str, row, started: float) -> None:  # noqa: ANN001
    size_kb = sum(p.stat().st_size for p in Path(clean_db).parent.glob(Path(clean_db).name + "*")) // 1024
    disk = SmallDisk(size_kb // 2)
    try:
        db = str(disk.path / "registry.db")
        done = finish([folder], db)
        message = next((ln for ln in done.stderr.splitlines() if ln.startswith("artikel100:")), "")
        stored = stored_letters(db)
        part = snapshot(db)
        whole = all(v == clean["letters"][k] for k, v in part["letters"].items())
        disk.grow(size_kb * 4 + 20_000)
        again = finish([folder], db)
        verdict = _verdict(db, clean) if again.returncode == 0 else "FAILED " + again.stderr[-200:]
        row("disk full (tmpfs of half the size), then space freed", "SQLite",
            f"exit {done.returncode} after {stored} letters, all whole: {whole}; `{message.split(': ', 2)[-1]}`", verdict, started)
    finally:
        disk.close()


def _disk_postgresql(folder: Path, clean: dict, pg: PgServer, row, started: float) -> None:  # noqa: ANN001
    disk = SmallDisk(4000)
    try:
        shutil.chown(disk.path, "postgres", "postgres")
        pg.sql(f"CREATE TABLESPACE small LOCATION '{disk.path}'")
        db = pg.database("filling")
        pg.sql("ALTER DATABASE filling SET default_tablespace = small")
        done = finish([folder], db)
        message = next((ln for ln in done.stderr.splitlines() if ln.startswith("artikel100:")), "")
        stored = stored_letters(db)
        part = snapshot(db)
        whole = all(v == clean["letters"][k] for k, v in part["letters"].items())
        disk.grow(400_000)
        again = finish([folder], db)
        verdict = _verdict(db, clean) if again.returncode == 0 else "FAILED " + again.stderr[-200:]
        row("tablespace full (4 MB tmpfs), then space freed", "PostgreSQL",
            f"exit {done.returncode} after {stored} letters, all whole: {whole}; `{message.split(': ', 2)[-1][:90]}`", verdict, started)
    finally:
        pg.sql("DROP DATABASE IF EXISTS filling WITH (FORCE)")
        pg.sql("DROP TABLESPACE IF EXISTS small")
        disk.close()


def _section(rows: list, opts: argparse.Namespace, seed: int, complete: bool) -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    table = "\n".join("| " + " | ".join(r) + " |" for r in rows)
    return (
        f"## {TITLE}\n\n"
        f"`python bench/bench_crash_safety.py --n {opts.n} --kills {opts.kills} --seed {seed} --scenarios {opts.scenarios}` "
        f"on {platform.machine()}, {os.cpu_count()} cores (shared; load average {load} at the end), Python "
        f"{platform.python_version()}, {date.today().isoformat()}. {opts.n} letters (tests/letters' texts, each made unique), "
        "the real `artikel100 ingest` with 2 workers; PostgreSQL a throwaway local cluster (fsync on). After each "
        "interruption the same command runs again; \"identical\" means every letter once with its text and all its facts, "
        "every source file, and the deployments merged from them equal an uninterrupted run's (database ids aside). The "
        "two-at-once rows compare letters, facts and source files (the union).\n\n"
        "| scenario | backend | what happened | registry after ingesting again | time |\n|---|---|---|---|---|\n"
        f"{table}\n\n"
        + ("" if complete else "(The run was still going when this was written; the rows above are those it finished.)\n\n")
        + "Small versions of each run in the tests (tests/test_crash_safety.py: 30 letters, 3 kills).\n"
    )


if __name__ == "__main__":
    sys.exit(main())
