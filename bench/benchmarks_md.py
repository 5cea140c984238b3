"""Write one section of BENCHMARKS.md, leaving the others as they are."""

from __future__ import annotations

import re
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "BENCHMARKS.md"


def replace_section(title: str, section: str) -> None:
    """Replace the ``## <title>`` section (``section`` starts with that heading) in place,
    or add it at the end."""
    old = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    new = pattern.sub(lambda _: section.rstrip("\n") + "\n\n", old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + section
    BENCHMARKS.write_text(new.rstrip("\n") + "\n", encoding="utf-8")


def backend_rows(title: str, header: str) -> dict[str, str]:
    """The rows of the ``## <title>`` section's table that start with a backend ("| SQLite",
    "| PostgreSQL ..."), keyed by their first cell: a benchmark rewrites its own row, keeps the rest."""
    old = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else ""
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", old, re.S | re.M)
    rows: dict[str, str] = {}
    for line in m.group(1).splitlines() if m else []:
        if line.startswith(("| SQLite", "| PostgreSQL")) and line.count("|") == header.count("|"):
            rows[line.split("|")[1].strip()] = line
    return rows
