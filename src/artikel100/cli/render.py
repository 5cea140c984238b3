"""Human-readable output of an extraction with rich."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..facts import Extraction

__all__ = ["print_extraction"]


def print_extraction(ex: Extraction, console: Console | None = None) -> None:
    console = console or Console()
    letter = ex.letter
    console.print(f"[bold]{letter.title or '(no title)'}[/bold]")
    console.print(f"{letter.addressee or '?'} · {letter.date or '?'} · kamerstuk {letter.kamerstuk or '-'}")
    for s in letter.signatories:
        console.print(f"  {s.role or '?'}: {s.name}")
    table = Table("kind", "fact", "text")
    for m in ex.missions:
        table.add_row("mission", m.id, m.name)
    for c in ex.contributions:
        bits = [f"{c.personnel} pers." if c.personnel else "", c.start or "", "→ " + c.end if c.end else "", c.location or ""]
        table.add_row("contribution", f"{c.mission} " + " ".join(b for b in bits if b), c.description[:80])
    for k in ex.costs:
        table.add_row("cost", f"€ {k.amount_eur:,.0f}", k.description[:80])
    for r in ex.references:
        table.add_row("reference", r.kamerstuk, r.kind)
    for t in ex.commitments:
        table.add_row("commitment", t.due or "-", t.text[:80])
    for e in ex.events:
        table.add_row("event", e.date, e.text[:80])
    console.print(table)
