"""Word error rate of the test letters before and after repair, per printed form.

    python bench/bench_repair.py [--no-write]

For every letter in ``tests/letters`` the clean original is the reference. The
forms: ``layout`` (the text layer of the printed letter: line breaks, page
furniture, footnotes at the page foot, hyphens), ``ocr`` (the same pages printed,
degraded and read by Tesseract), and the clean text itself, which repair must
leave unchanged. Word errors are counted as ``shared/eval/score.py`` counts them.
The figures go into the "Repair" section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from artikel100 import clean_file
from benchmarks_md import replace_section

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from letters_corpus import word_errors  # noqa: E402  (the tests' count, as score.py counts)

ROOT = Path(__file__).resolve().parents[1]
LETTERS = ROOT / "tests" / "letters"
SEED = ROOT.parent / "shared" / "seed" / "000_58c76a8e68136705"


def measure() -> list[tuple[str, int, int, int, int]]:
    """(form, letters, words, errors before, errors after) per form."""
    rows = []
    cleans = sorted(LETTERS.glob("*.clean.txt"))
    for form in ("clean", "layout", "ocr"):
        n = words = before = after = 0
        for clean in cleans:
            stem = clean.name[: -len(".clean.txt")]
            path = clean if form == "clean" else LETTERS / f"{stem}.{form}.txt"
            if not path.exists():
                continue
            reference = clean.read_text(encoding="utf-8")
            e0, w = word_errors(reference, path.read_text(encoding="utf-8"))
            e1, _ = word_errors(reference, clean_file(path).text)
            n, words, before, after = n + 1, words + w, before + e0, after + e1
        rows.append((form, n, words, before, after))
    if SEED.with_suffix(".txt").exists():
        reference = SEED.with_suffix(".clean.txt").read_text(encoding="utf-8")
        e0, w = word_errors(reference, SEED.with_suffix(".txt").read_text(encoding="utf-8"))
        e1, _ = word_errors(reference, clean_file(SEED.with_suffix(".txt")).text)
        rows.append(("seed (real OCR)", 1, w, e0, e1))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = ap.parse_args()
    rows = measure()
    table = Table("form", "letters", "words", "WER before", "WER after", "errors removed")
    lines = [
        "| form | letters | words | WER before repair | WER after repair | errors removed |",
        "|---|---|---|---|---|---|",
    ]
    for form, n, words, before, after in rows:
        removed = f"{1 - after / before:.0%}" if before else "(none to remove; none added)" if not after else "added!"
        cells = [form, str(n), f"{words:,}", f"{before / words:.2%}", f"{after / words:.2%}", removed]
        table.add_row(*cells)
        lines.append("| " + " | ".join(cells) + " |")
    Console().print(table)
    if not args.no_write:
        section = (
            "## Repair\n\n`python bench/bench_repair.py`: word error rate against each letter's clean original, "
            "before and after repair, over all test letters (the letterhead letters print \"Datum\"/\"Betreft\" "
            "where the original has title and date lines, which counts against them).\n\n" + "\n".join(lines) + "\n"
        )
        replace_section("Repair", section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
