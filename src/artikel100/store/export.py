"""Everything in the registry, out: JSON for another tool, CSV for a spreadsheet.

JSON holds every letter with its facts (spans included) and every deployment
with its history and conflicts. CSV is one row per fact, with the columns a
spreadsheet filters on and the fact's spans and quoted words.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import asdict
from typing import IO, Any

from sqlalchemy import Connection, select

from . import schema as s
from .merge import load_deployments
from .queries import missing_kamerstukken

__all__ = ["export_json", "export_csv", "CSV_COLUMNS"]

CSV_COLUMNS = [
    "letter_id", "letter_date", "kamerstuk", "kind", "mission", "unit", "personnel", "start", "end",
    "due", "amount_eur", "ref", "text", "spans", "quote", "extractor_version",
]


def _letters(conn: Connection) -> Iterator[dict[str, Any]]:
    facts: dict[int, dict[str, list[Any]]] = {}
    for r in conn.execute(select(s.facts.c.letter_id, s.facts.c.kind, s.facts.c.data)
                          .order_by(s.facts.c.letter_id, s.facts.c.kind, s.facts.c.ordinal)):
        facts.setdefault(r.letter_id, {}).setdefault(r.kind + "s", []).append(json.loads(r.data))
    sources: dict[int, list[dict[str, Any]]] = {}
    for r in conn.execute(select(s.source_files.c.letter_id, s.source_files.c.path, s.source_files.c.sha256)):
        sources.setdefault(r.letter_id, []).append({"path": r.path, "sha256": r.sha256})
    for L in conn.execute(select(s.letters).order_by(s.letters.c.date, s.letters.c.id)):
        yield {
            "id": L.id, "date": L.date, "kamerstuk": L.kamerstuk, "title": L.title, "addressee": L.addressee,
            "text_sha256": L.text_sha256, "extractor_version": L.extractor_version, "sources": sources.get(L.id, []),
            "letter": json.loads(L.letter_json), **facts.get(L.id, {}),
        }


def export_json(conn: Connection, out: IO[str]) -> None:
    """Write the whole registry as one JSON object."""
    data = {
        "letters": list(_letters(conn)),
        "deployments": [
            {"mission": d.mission, "unit": d.unit, "start": d.start, "end": d.end,
             "steps": [asdict(st) for st in d.steps], "conflicts": [asdict(c) for c in d.conflicts]}
            for d in load_deployments(conn)
        ],
        "missing_kamerstukken": [{"kamerstuk": k, "cited_by": v} for k, v in missing_kamerstukken(conn)],
        **_oversight(conn),
    }
    json.dump(data, out, ensure_ascii=False, indent=1)
    out.write("\n")


def _oversight(conn: Connection) -> dict[str, Any]:
    """The oversight views (issue 9): coverage summary, monitoring with proposed links, motions."""
    from datetime import date

    from ..check.coverage import coverage_summary
    from ..check.instruments import motions
    from ..check.monitoring import monitoring

    return {
        "coverage_summary": coverage_summary(conn).to_json(),
        "monitoring": monitoring(conn, date.today()).to_json(),
        "motions": [m.to_json() for m in motions(conn)],
    }


def export_csv(conn: Connection, out: IO[str]) -> int:
    """Write one row per fact; returns the number of rows."""
    texts = dict(conn.execute(select(s.letter_texts.c.letter_id, s.letter_texts.c.text)).all())
    letters = {L.id: L for L in conn.execute(select(s.letters.c.id, s.letters.c.date, s.letters.c.kamerstuk,
                                                      s.letters.c.extractor_version))}
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for r in conn.execute(select(s.facts).order_by(s.facts.c.letter_id, s.facts.c.kind, s.facts.c.ordinal)):
        f = json.loads(r.data)
        L = letters[r.letter_id]
        text = texts.get(r.letter_id, "")
        spans = f.get("spans") or []
        writer.writerow({
            "letter_id": r.letter_id, "letter_date": L.date, "kamerstuk": L.kamerstuk, "kind": r.kind,
            "mission": r.mission, "unit": f.get("unit"), "personnel": f.get("personnel"),
            "start": f.get("start"), "end": f.get("end"), "due": f.get("due") or (f.get("date") if r.kind == "event" else None),
            "amount_eur": f.get("amount_eur"), "ref": r.ref,
            "text": f.get("text") or f.get("description") or f.get("name") or "",
            "spans": ";".join(f"{a}-{b}" for a, b in spans),
            "quote": " … ".join(text[a:b] for a, b in spans),
            "extractor_version": L.extractor_version,
        })
        n += 1
    return n
