"""Human-readable output of an extraction with rich: each fact beside the words that state it."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..facts import Contribution, Extraction

__all__ = ["print_extraction"]


def _quote(text: str, spans: list[tuple[int, int]], context: int = 35) -> Text:
    """The first span's words in bold, with a little of the text around them."""
    if not spans:
        return Text("(not located)", style="dim")
    s, e = spans[0]
    before = text[max(0, s - context) : s].split("\n")[-1]
    after = text[e : e + context].split("\n")[0]
    out = Text("…" if s - context > 0 else "")
    out.append(" ".join(before.split(" ")))
    out.append(text[s:e], style="bold")
    out.append(after + "…")
    return out


def _fact(c: Contribution) -> str:
    bits = []
    if c.personnel is not None:
        bits.append(f"{c.personnel} personnel")
    if c.quantity is not None:
        bits.append(f"{c.quantity} × {c.unit}")
    if c.start or c.end:
        bits.append(f"{c.start or '…'} → {c.end or '…'}")
    if c.location:
        bits.append(f"in {c.location}")
    return ", ".join(bits) or "-"


def print_extraction(ex: Extraction, console: Console | None = None) -> None:
    console = console or Console()
    letter, text = ex.letter, ex.text
    console.print(f"[bold]{escape(letter.title or letter.subject or '(no title)')}[/bold]")
    if letter.title and letter.subject:
        console.print(f"subject: {escape(letter.subject)}")
    console.print(f"{letter.addressee or '?'} · {letter.date or '?'} · kamerstuk {letter.kamerstuk or '-'}")
    for s in letter.signatories:
        console.print(f"  {s.role or '?'}: {s.name}")
    if ex.missions:
        console.print("missions: " + ", ".join(f"{m.id} ({len(m.spans)}×)" for m in ex.missions))
    table = Table("mission", "unit", "fact", "stated as", title="contributions")
    for c in ex.contributions:
        table.add_row(c.mission, c.unit or "", _fact(c), _quote(text, c.spans))
    if ex.contributions:
        console.print(table)
    others = Table("kind", "fact", "stated as")
    for k in ex.costs:
        others.add_row("cost", f"€ {k.amount_eur:,.0f}" + (f" ({k.budget})" if k.budget else ""), _quote(text, k.spans))
    for t in ex.commitments:
        due = (t.due or "no date") + (" if …" if t.conditional else "")
        others.add_row("commitment", due, _quote(text, t.spans, 60))
    if others.rows:
        console.print(others)
    if ex.references:
        console.print("references: " + ", ".join(r.kamerstuk for r in ex.references))
    if ex.events:
        console.print(f"events: {len(ex.events)} dated, from {min(e.date for e in ex.events)} to {max(e.date for e in ex.events)}")
