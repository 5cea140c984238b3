"""What every check cites and reads: a letter's sentence, and a letter's stored facts."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import Connection, select

from ..store import schema as s

__all__ = ["Citation", "LetterRow", "letter_rows", "facts_of", "cite", "to_json", "sentence_around", "stating"]


@dataclass
class Citation:
    """The letter and the words that decide an answer."""

    letter_id: int | None
    kamerstuk: str | None
    date: str | None
    quote: str
    span: tuple[int, int] | None = None  # into the letter's cleaned text

    @property
    def label(self) -> str:
        """"27925-946 (2024-11-22)", or "letter 3 (2024-11-22)" when it has no number."""
        who = self.kamerstuk or (f"letter {self.letter_id}" if self.letter_id is not None else "this letter")
        return f"{who} ({self.date})" if self.date else who

    def to_json(self) -> dict[str, Any]:
        return {"letter_id": self.letter_id, "kamerstuk": self.kamerstuk, "date": self.date,
                "quote": self.quote, "span": list(self.span) if self.span else None}


@dataclass
class LetterRow:
    id: int | None
    date: str | None
    kamerstuk: str | None
    title: str | None
    text: str = ""
    facts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # kind -> facts as JSON, in order

    def cite(self, span: tuple[int, int] | list[int]) -> Citation:
        a, b = int(span[0]), int(span[1])
        return Citation(self.id, self.kamerstuk, self.date, self.text[a:b], (a, b))

    def missions(self) -> list[str]:
        """The letter's own missions: those with Dutch contributions, most facts first."""
        counts: dict[str, int] = {}
        for c in self.facts.get("contribution", []):
            if c.get("mission"):
                counts[c["mission"]] = counts.get(c["mission"], 0) + 1
        return sorted(counts, key=lambda m: -counts[m])


def letter_rows(conn: Connection, ids: list[int] | None = None, kinds: list[str] | None = None,
                with_text: bool = True) -> dict[int, LetterRow]:
    """Letters with their facts (all kinds, or ``kinds``), by id."""
    q = select(s.letters.c.id, s.letters.c.date, s.letters.c.kamerstuk, s.letters.c.title)
    if ids is not None:
        q = q.where(s.letters.c.id.in_(ids))
    rows = {r.id: LetterRow(r.id, r.date, r.kamerstuk, r.title) for r in conn.execute(q)}
    if not rows:
        return rows
    fq = select(s.facts.c.letter_id, s.facts.c.kind, s.facts.c.data).order_by(s.facts.c.letter_id, s.facts.c.kind, s.facts.c.ordinal)
    if ids is not None:
        fq = fq.where(s.facts.c.letter_id.in_(list(rows)))
    if kinds is not None:
        fq = fq.where(s.facts.c.kind.in_(kinds))
    for r in conn.execute(fq):
        if r.letter_id in rows:
            rows[r.letter_id].facts.setdefault(r.kind, []).append(json.loads(r.data))
    if with_text:
        tq = select(s.letter_texts.c.letter_id, s.letter_texts.c.text)
        if ids is not None:
            tq = tq.where(s.letter_texts.c.letter_id.in_(list(rows)))
        for r in conn.execute(tq):
            if r.letter_id in rows:
                rows[r.letter_id].text = r.text
    return rows


def facts_of(extraction_json: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """``Extraction.to_json()`` regrouped by the registry's singular kind names."""
    out: dict[str, list[dict[str, Any]]] = {}
    for attr, kind in s.FACT_KINDS.items():
        out[kind] = list(extraction_json.get(attr) or [])
    return out


def cite(row: LetterRow, spans: list[list[int]] | list[tuple[int, int]]) -> list[Citation]:
    return [row.cite(sp) for sp in spans]


def to_json(value: Any) -> Any:
    """Dataclasses (and lists of them) as JSON-ready values, calling ``to_json`` where defined."""
    if hasattr(value, "to_json"):
        return value.to_json()
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: to_json(getattr(value, f.name)) for f in fields(value)}
    return value


_SENTENCE_END = re.compile(r"(?<=[.?!])[)”’\"]?\s+(?=[A-Z0-9ÀÉÖÜ(‘“'\"])")
_ABBREVIATION = re.compile(r"\b(?:d\.d|nr|nrs|o\.a|jl|a\.s|c\.s|ca|vgl|art|blz|bijv|mln|mld|resp|[A-Z])\.$")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` (a stored letter) that holds ``start:end``."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    a, b = lo, hi
    for m in _SENTENCE_END.finditer(text, lo, hi):
        if _ABBREVIATION.search(text, lo, m.start()):
            continue
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start()
            break
    return a, b


def stating(row: LetterRow, spans: list[list[int]] | list[tuple[int, int]], value: str | int | None,
            words: re.Pattern[str] | None = None) -> Citation | None:
    """The sentence around ``spans`` that states ``value`` (a date or a number), else the first."""
    from ..extract.dates import find_dates
    from ..store.dates import agree, first_day

    cites: dict[tuple[int, int] | None, Citation] = {}
    for sp in spans:
        c = row.cite(sentence_around(row.text, int(sp[0]), int(sp[1])))
        cites.setdefault(c.span, c)
    found = list(cites.values())
    for c in found:
        if value is None:
            break
        if isinstance(value, int) and re.search(rf"(?<![\d.]){value}(?![\d])", c.quote.replace(".", "")):
            return c
        if isinstance(value, str) and any(agree(d.value, value) and len(d.value) >= min(len(value), 7)
                                          for d in find_dates(c.quote, first_day(row.date))):
            if words is None or words.search(c.quote):
                return c
    return found[0] if found else None
