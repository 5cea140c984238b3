"""Benchmark extraction: letters per second on text input, in one process (one core).

Usage: ``python bench/bench_extract.py [--rounds N] [--seed PATH] [--no-write] [--label NAME] [--src DIR]``

Sets: the test letters' clean text (``tests/letters/*.clean.txt``), the same
letters as OCR output (``*.ocr.txt``), and the seed letter
(``../shared/seed/000_58c76a8e68136705.txt``, about five times as long).

For each set it reports:

* the flow: ``artikel100.process_text(text)`` (read -> repair -> structure ->
  extract), the figure the issue's target of 50 letters/s per core is about;
* the extract stage alone: ``extract(doc)`` on letters already repaired;
* spaCy's blank Dutch tokeniser (``spacy.blank("nl")``) on the same texts,
  and our flow's letters/s divided by spaCy's (the ratio).

Start-up (importing artikel100 and the first call, which loads the wordfreq
lexicon, the mission catalogue and compiles the patterns) is timed once and
reported apart; then every set gets a warm-up pass before the timed rounds.
Each round runs every letter of a set once; the figure is the median of the
rounds, counted on the process's CPU time (``time.process_time``), which is
letters per second per core and holds up when others share the cores; the
wall-clock median is shown beside it. Caches keyed on a
letter's text are emptied at the start of each round, so a round never gets a
letter's results from an earlier one; load-once caches (lexicon, catalogue) stay.

Every run also writes one row into a table of runs (kept across runs, one row per
``--label``, default the commit), with the load average at its start and end, so
that figures of earlier code stay beside the current ones: ``--src DIR`` measures
the artikel100 package under another checkout's ``src`` (for example ``--src
../main/src --label "before: main abc1234"``).

spaCy is not a dependency of artikel100. Without it the spaCy columns stay
empty; install it with ``pip install spacy==3.8.18``.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks_md import BENCHMARKS, replace_section

ROOT = Path(__file__).resolve().parents[1]
LETTERS = ROOT / "tests" / "letters"
SEED = ROOT.parent / "shared" / "seed" / "000_58c76a8e68136705.txt"
TARGET = 50.0  # letters per second per core (the target)
SPACY_HINT = "pip install spacy==3.8.18"


def per_input_caches() -> list:
    """artikel100's functools caches keyed on the input (a text, a sentence, a word).

    Load-once caches (no required argument, or one entry: the lexicon, the
    catalogue, the place index) are left alone.
    """
    caches: dict[int, object] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("artikel100"):
            continue
        for obj in list(vars(module).values()):
            wrapped = getattr(obj, "__wrapped__", None)
            if wrapped is None or not hasattr(obj, "cache_clear"):
                continue
            if not getattr(wrapped, "__module__", "").startswith("artikel100"):
                continue
            if obj.cache_parameters().get("maxsize") == 1:
                continue
            try:
                params = inspect.signature(wrapped).parameters.values()
            except (TypeError, ValueError):
                continue
            if any(p.default is inspect.Parameter.empty for p in params):
                caches[id(obj)] = obj
    return list(caches.values())


def rounds(fn: Callable[[str], object], items: list, n: int, before_round: Callable[[], None]) -> tuple[list[float], list[float]]:
    """CPU seconds and wall seconds per round of ``fn`` over every item, ``n`` rounds."""
    cpu, wall = [], []
    for _ in range(n):
        before_round()
        gc.collect()
        c, t = time.process_time(), time.perf_counter()
        for item in items:
            fn(item)
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - t)
    return cpu, wall


def load_sets(seed: Path) -> dict[str, list[str]]:
    sets = {
        "clean": [p.read_text(encoding="utf-8") for p in sorted(LETTERS.glob("*.clean.txt"))],
        "ocr": [p.read_text(encoding="utf-8") for p in sorted(LETTERS.glob("*.ocr.txt"))],
    }
    if seed.exists():
        sets["seed"] = [seed.read_text(encoding="utf-8")]
    else:
        print(f"seed letter not found at {seed}; skipped", file=sys.stderr)
    return sets


def revision() -> str:
    """The commit measured, marked when src/ has changes not committed."""
    import subprocess

    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "src"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown commit"
    return f"commit {head}" + (" with uncommitted changes in src/" if dirty else "")


def machine() -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{platform.machine()}, {os.cpu_count()} cores (shared; load average {load} at the end), "
        f"Python {platform.python_version()}"
    )


def bench(n_rounds: int, seed: Path) -> dict:
    load_start = os.getloadavg()
    sets = load_sets(seed)

    # Start-up, in this fresh process: import, then the first call.
    t0 = time.perf_counter()
    import artikel100
    from artikel100.extract import extract
    from artikel100.read import read_text
    from artikel100.repair import repair

    t1 = time.perf_counter()
    artikel100.process_text(sets["clean"][0])
    t2 = time.perf_counter()
    startup = {"import": t1 - t0, "first": t2 - t1}

    try:
        import spacy

        s0 = time.perf_counter()
        nlp = spacy.blank("nl")
        nlp("Warm-up van de tokeniser.")
        startup["spacy"] = time.perf_counter() - s0
        startup["spacy_version"] = spacy.__version__
    except ImportError:
        nlp = None

    caches = per_input_caches()

    def clear() -> None:
        for c in caches:
            c.cache_clear()

    rows = []
    for name, texts in sets.items():
        docs = [repair(read_text(t)) for t in texts]
        for t in texts:  # warm-up pass
            artikel100.process_text(t)
        flow, flow_wall = rounds(artikel100.process_text, texts, n_rounds, clear)
        stage, _ = rounds(extract, docs, n_rounds, clear)
        row = {
            "set": name,
            "letters": len(texts),
            "kchars": sum(len(t) for t in texts) / len(texts) / 1000,
            "flow": [len(texts) / s for s in flow],
            "flow_wall": [len(texts) / s for s in flow_wall],
            "extract": [len(texts) / s for s in stage],
            "spacy": None,
        }
        if nlp is not None:
            for t in texts:
                nlp(t)
            tok, _ = rounds(nlp, texts, n_rounds, lambda: None)
            row["spacy"] = [len(texts) / s for s in tok]
        rows.append(row)
    return {"startup": startup, "rows": rows, "rounds": n_rounds, "machine": machine(),
            "load": (load_start, os.getloadavg()), "package": str(Path(artikel100.__file__).parent)}


def _med(xs: list[float] | None) -> float | None:
    return statistics.median(xs) if xs else None


def summary(result: dict) -> list[tuple[str, ...]]:
    """Table rows: set, flow letters/s (ms/letter), wall, extract letters/s, spaCy letters/s, ratio."""
    out = []
    for r in result["rows"]:
        flow, ext, sp = _med(r["flow"]), _med(r["extract"]), _med(r["spacy"])
        label = f"{r['set']} ({r['letters']} x {r['kchars']:.1f}k chars)"
        out.append(
            (
                label,
                f"{flow:,.1f} ({1000 / flow:.1f} ms/letter)",
                f"{_med(r['flow_wall']):,.1f}",
                f"{ext:,.1f}",
                f"{sp:,.0f}" if sp else "-",
                f"{flow / sp:.3f}" if sp else "-",
            )
        )
    return out


HEADERS = (
    "letters",
    "flow letters/s (CPU)",
    "flow letters/s (wall)",
    "extract stage letters/s (CPU)",
    "spaCy blank nl letters/s (CPU)",
    "ratio flow / spaCy",
)


def startup_line(s: dict) -> str:
    line = (
        f"Start-up (once per process, not in the rates): import {s['import']:.2f} s, "
        f"first letter {s['first']:.2f} s (wordfreq lexicon, catalogue, patterns)"
    )
    if "spacy" in s:
        line += f"; spaCy {s['spacy_version']} `spacy.blank(\"nl\")` {s['spacy']:.2f} s after import"
    return line + "."


def verdict(result: dict) -> str:
    by_set = {r["set"]: _med(r["flow"]) for r in result["rows"]}
    parts = [f"{k} {v:,.1f}" for k, v in by_set.items() if k != "seed"]
    worst = min(v for k, v in by_set.items() if k != "seed")
    status = "meet" if worst >= TARGET else "fall below"
    return f"Test letters ({', '.join(parts)} letters/s) {status} the target of {TARGET:.0f} letters/s per core."


def print_table(result: dict) -> None:
    rows = summary(result)
    try:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"artikel100 extraction, one process, median of {result['rounds']} rounds")
        for h in HEADERS:
            table.add_column(h, justify="left" if h == "letters" else "right")
        for row in rows:
            table.add_row(*row)
        console = Console(width=150)
        console.print(table)
        console.print(startup_line(result["startup"]))
        console.print(verdict(result))
    except ImportError:
        print(" | ".join(HEADERS))
        for row in rows:
            print(" | ".join(row))
        print(startup_line(result["startup"]))
        print(verdict(result))
    if "spacy" not in result["startup"]:
        print(f"spaCy is not installed; for the ratio column: {SPACY_HINT}")


RUN_HEADER = (
    "| run | date | load average (1/5/15 min) start → end | seed flow letters/s (CPU) | clean flow | ocr flow "
    "| seed extract stage | import | first letter |"
)


def run_row(result: dict, label: str) -> str:
    """One row of the table of runs: the flow's letters/s per set, start-up, the load."""
    by_set = {r["set"]: r for r in result["rows"]}
    load = lambda xs: "/".join(f"{x:.1f}" for x in xs)  # noqa: E731
    flow = lambda name: f"{_med(by_set[name]['flow']):,.1f}" if name in by_set else "-"  # noqa: E731
    seed = by_set.get("seed")
    seed_flow = f"**{_med(seed['flow']):,.1f}** ({1000 / _med(seed['flow']):.0f} ms)" if seed else "-"
    seed_stage = f"{_med(seed['extract']):,.1f}" if seed else "-"
    s = result["startup"]
    start, end = result["load"]
    return (f"| {label} | {time.strftime('%Y-%m-%d')} | {load(start)} → {load(end)} | {seed_flow} | {flow('clean')} | "
            f"{flow('ocr')} | {seed_stage} | {s['import']:.2f} s | {s['first']:.2f} s |")


def _earlier_runs() -> dict[str, str]:
    old = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else ""
    m = re.search(r"^## Extraction\n(.*?)(?=^## |\Z)", old, re.S | re.M)
    runs: dict[str, str] = {}
    for line in (m.group(1).splitlines() if m else []):
        if line.startswith("| ") and line.count("|") == RUN_HEADER.count("|") and not line.startswith("| run |"):
            runs[line.split("|")[1].strip()] = line
    return runs


def write_section(result: dict, label: str | None = None) -> None:
    rows = summary(result)
    runs = _earlier_runs()
    runs[label or revision()] = run_row(result, label or revision())
    lines = [
        "## Extraction",
        "",
        f"`python bench/bench_extract.py` at {revision()} on {result['machine']}, {time.strftime('%Y-%m-%d')}.",
        f"One process; letters per second are the median of {result['rounds']} rounds over each set after a warm-up pass,",
        "counted on the process's CPU time (letters per second per core, whatever else the shared cores run);",
        "the wall-clock figure beside it is what this run saw at its load.",
        "\"flow\" is `artikel100.process_text(text)` (read, repair, structure, extract) and is what the target",
        f"of {TARGET:.0f} letters/s per core is about; \"extract stage\" is `extract(doc)` alone on letters already",
        "repaired. The ratio divides our flow's letters/s by spaCy's blank Dutch tokeniser's on the same texts",
        "(tokenising only: no tagging or parsing).",
        "",
        "| " + " | ".join(HEADERS) + " |",
        "|" + "---|" * len(HEADERS),
        *["| " + " | ".join(r) + " |" for r in rows],
        "",
        startup_line(result["startup"]),
        verdict(result),
        "",
        "Runs of this benchmark, one row per code measured (`--label`; rows named \"before\" are earlier code,",
        "measured with `--src` on its checkout), letters per second per core of the flow, the median of the rounds:",
        "",
        RUN_HEADER,
        "|" + "---|" * (RUN_HEADER.count("|") - 1),
        *runs.values(),
        "",
        "To run it: `pip install spacy==3.8.18` (for the spaCy columns only; spaCy is not a dependency),",
        "then `python bench/bench_extract.py` from the repo root. It rewrites this section;",
        "`--no-write` only prints, `--rounds N` sets the rounds (default 7), `--seed PATH` another long letter,",
        "`--label NAME` names the run's row, `--src DIR` measures the package of another checkout.",
        "The machine is shared: compare medians from runs at a similar load average. spaCy's own figure moves with",
        "the load more than ours (it is short work per letter), so the ratio is good to about a factor of 1.5.",
        "",
    ]
    replace_section("Extraction", "\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seed", type=Path, default=SEED)
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    parser.add_argument("--label", help="the run's row in the table of runs (default: the commit)")
    parser.add_argument("--src", type=Path, help="measure the artikel100 package under this src directory")
    args = parser.parse_args()
    if args.src:
        sys.path.insert(0, str(args.src.resolve()))
    result = bench(args.rounds, args.seed)
    print_table(result)
    print(f"measured {result['package']}; load average {result['load'][0]} -> {result['load'][1]}")
    if not args.no_write:
        write_section(result, args.label)
        print(f"written to {BENCHMARKS}", file=sys.stderr)


if __name__ == "__main__":
    main()
