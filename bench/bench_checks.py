"""Figures for the oversight checks (issue 9); writes the "Oversight checks" section of BENCHMARKS.md.

    python bench/bench_checks.py [--no-write]

1. Toetsingskader coverage, clean text against the scanned form read by
   Tesseract, over every test letter that has both (tests/letters and
   tests/check/letters): how often the two forms give a point the same status.
2. How often each point is covered in those letters (our writing, 2001-2026).
3. The seed letter's coverage table (when ../shared is there).
4. Time: coverage per letter, a Red Card check (the first loads GeoNames).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmarks_md import replace_section  # noqa: E402
from letters_corpus import SEED, letters  # noqa: E402

from artikel100 import process  # noqa: E402
from artikel100.check import check_task, coverage_of_extraction  # noqa: E402
from artikel100.check.coverage import POINT_LABELS  # noqa: E402

CHECK_LETTERS = ROOT / "tests" / "check" / "letters"


def _pairs() -> list[tuple[Path, Path]]:
    pairs = [(L.path("clean"), L.path("ocr")) for L in letters() if L.path("ocr").exists()]
    pairs += [(p, p.with_name(p.name.replace(".clean.txt", ".ocr.txt"))) for p in sorted(CHECK_LETTERS.glob("*.clean.txt"))
              if p.with_name(p.name.replace(".clean.txt", ".ocr.txt")).exists()]
    return pairs


def main(write: bool = True) -> None:
    pairs = _pairs()
    same = total = 0
    covered: Counter[str] = Counter()
    seconds = []
    for clean, ocr in pairs:
        t = time.perf_counter()
        a = {p.point: p.status for p in coverage_of_extraction(process(clean).extraction).points}
        seconds.append(time.perf_counter() - t)
        b = {p.point: p.status for p in coverage_of_extraction(process(ocr).extraction).points}
        same += sum(a[k] == b[k] for k in a)
        total += len(a)
        covered.update(k for k, v in a.items() if v == "covered")
    lines = [
        "## Oversight checks",
        "",
        f"`python bench/bench_checks.py` on {date.today()} (2 shared cores).",
        "",
        f"- Toetsingskader coverage, clean text against the Tesseract-read scan of the same letter: "
        f"{same}/{total} point statuses agree ({same / total:.1%}) over {len(pairs)} letters.",
        f"- Read, repair, extract and assess one letter: median {statistics.median(seconds) * 1000:.0f} ms.",
        "- Points covered in those letters (clean text), of " + str(len(pairs)) + ": "
        + ", ".join(f"{POINT_LABELS[k][0]} {covered.get(k, 0)}" for k in POINT_LABELS) + ".",
    ]
    seed = SEED.with_suffix(".txt")
    if seed.exists():
        cov = coverage_of_extraction(process(seed).extraction)
        lines += ["", "The seed letter (../shared/seed):", "", "| point | status | where |", "| --- | --- | --- |"]
        for p in cov.points:
            where = "; ".join(p.sections[:1]) or ("content" if p.status == "covered" else "")
            if p.refers_to:
                where += (" — " if where else "") + "refers to " + ", ".join(r.label for r in p.refers_to)
            lines.append(f"| {p.label} | {p.status} | {where} |")
        from artikel100.store import ingest, open_registry

        with tempfile.TemporaryDirectory() as tmp:
            reg = open_registry(str(Path(tmp) / "r.db"))
            ingest(reg, [str(seed)], jobs=1)
            with reg.engine.connect() as conn:
                t = time.perf_counter()
                check_task(conn, "NMI", date(2025, 3, 1), unit="force protection", place="Erbil")
                first = time.perf_counter() - t
                runs = []
                for place in ("Bagdad", "Camp Union III", "Erbil", "Koeweit", "Abu Ghraib"):
                    t = time.perf_counter()
                    check_task(conn, "NMI", date(2025, 3, 1), unit="force protection", place=place, personnel=150,
                               task="escort of advisers")
                    runs.append(time.perf_counter() - t)
            reg.close()
        lines += ["", f"- A Red Card check on the seed's registry: the first {first:.1f} s (loading GeoNames' "
                  f"cities), then median {statistics.median(runs) * 1000:.0f} ms."]
    section = "\n".join(lines) + "\n"
    print(section)
    if write:
        replace_section("Oversight checks", section)


if __name__ == "__main__":
    main(write="--no-write" not in sys.argv)
