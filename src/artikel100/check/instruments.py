"""Parliament's instruments across the registry: each motion with the letters
that cite it (what the cabinet says it did with it), each debate with its date
and the commitments made there."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from .common import Citation, letter_rows, sentence_around

__all__ = ["MotionView", "DebateView", "motions", "debates"]


@dataclass
class MotionView:
    kamerstuk: str | None
    name: str  # "Bosman c.s."
    submitters: list[str]
    co_signed: bool
    cited_by: list[Citation] = field(default_factory=list)  # the sentences of the letters that cite it
    in_registry: int | None = None  # the motion itself, when the registry holds it

    def to_json(self) -> dict[str, Any]:
        return {"kamerstuk": self.kamerstuk, "name": self.name, "submitters": self.submitters, "co_signed": self.co_signed,
                "in_registry": self.in_registry, "cited_by": [c.to_json() for c in self.cited_by]}


@dataclass
class DebateView:
    kind: str
    date: str | None
    subject: str | None
    commitment: bool
    citation: Citation

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "date": self.date, "subject": self.subject, "commitment": self.commitment,
                "citation": self.citation.to_json()}


def motions(conn: Connection) -> list[MotionView]:
    """Every motion cited, grouped by Kamerstuk (or by name when it has none), oldest citation first."""
    rows = letter_rows(conn, kinds=["motion"])
    by_number = {r.kamerstuk: r.id for r in rows.values() if r.kamerstuk}
    out: dict[str, MotionView] = {}
    for row in sorted(rows.values(), key=lambda r: (r.date or "", r.id)):
        for m in row.facts.get("motion", []):
            key = m.get("kamerstuk") or m.get("name") or "?"
            view = out.get(key)
            if view is None:
                view = out[key] = MotionView(m.get("kamerstuk"), m.get("name", ""), m.get("submitters", []),
                                             bool(m.get("co_signed")), in_registry=by_number.get(m.get("kamerstuk")))
            a, b = m["spans"][0]
            cite = row.cite(sentence_around(row.text, a, b))
            if all(c.letter_id != row.id for c in view.cited_by):
                view.cited_by.append(cite)
    return sorted(out.values(), key=lambda v: (v.kamerstuk or "~", v.name))


def debates(conn: Connection) -> list[DebateView]:
    """Every debate cited, by date."""
    out = []
    for row in letter_rows(conn, kinds=["debate"]).values():
        for d in row.facts.get("debate", []):
            a, _b = d["spans"][0]
            out.append(DebateView(d.get("kind", "debat"), d.get("date"), d.get("subject"), bool(d.get("commitment")),
                                  row.cite(sentence_around(row.text, a, a + 1))))
    return sorted(out, key=lambda d: (d.date or "", d.kind))
