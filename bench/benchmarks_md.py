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
