"""``sync --status``: what the sync knows, from the registry alone (no network).

Per dossier: how many publications are in each state, when the last change
was recorded and where each listing stopped. Then every disagreement
between the metadata and extraction, every document deleted or withdrawn at
the source (whose letter is kept), every document still failing, and the
letters linked as one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, inspect, select

from ..store import schema as s

__all__ = ["DossierStatus", "SyncStatus", "sync_status"]

STATES = ("stored", "pending", "nofile", "rejected", "deleted")


@dataclass
class DossierStatus:
    dossier: str
    states: dict[str, int]
    last_change: datetime | None
    cursors: dict[str, str]


@dataclass
class SyncStatus:
    dossiers: list[DossierStatus] = field(default_factory=list)
    disagreements: list[dict[str, Any]] = field(default_factory=list)  # key, kamerstuk, letter_id, items
    deleted: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)


def sync_status(conn: Connection) -> SyncStatus:
    out = SyncStatus()
    if not inspect(conn).has_table("sync_documents"):
        return out
    d = s.sync_documents
    counts: dict[str, dict[str, int]] = {}
    for dossier, state, n in conn.execute(select(d.c.dossier, d.c.state, func.count()).group_by(d.c.dossier, d.c.state)):
        counts.setdefault(dossier, {})[state] = n
    last = dict(conn.execute(select(d.c.dossier, func.max(d.c.updated_at)).group_by(d.c.dossier)).all())
    cursors: dict[str, dict[str, str]] = {}
    for name, value in conn.execute(select(s.sync_cursors.c.name, s.sync_cursors.c.value)):
        source, _, rest = name.partition(":")
        cursors.setdefault(rest.split(":")[0], {})[source if ":" not in rest else f"{source} ({rest.split(':', 1)[1]})"] = value
    for dossier in sorted(counts):
        out.dossiers.append(DossierStatus(dossier, {k: counts[dossier].get(k, 0) for k in STATES},
                                          last.get(dossier), cursors.get(dossier, {})))
    rows = conn.execute(select(d.c.key, d.c.kamerstuk, d.c.chamber, d.c.date, d.c.state, d.c.letter_id,
                               d.c.disagreements, d.c.error, d.c.deleted_at, d.c.tk_meta).order_by(d.c.dossier, d.c.date, d.c.key))
    for r in rows:
        number = json.loads(r.tk_meta or "{}").get("DocumentNummer")
        base = {"key": r.key, "label": r.kamerstuk or number or r.key, "kamerstuk": r.kamerstuk, "chamber": r.chamber, "date": r.date, "letter_id": r.letter_id}
        items = json.loads(r.disagreements or "[]")
        if items and r.state == "stored":
            out.disagreements.append({**base, "items": items})
        if r.state == "deleted":
            out.deleted.append({**base, "deleted_at": r.deleted_at, "why": r.error or "Verwijderd at the source"})
        elif r.error and r.state in ("pending", "rejected", "nofile"):
            out.problems.append({**base, "state": r.state, "error": r.error})
    if inspect(conn).has_table("letter_links"):
        names = {r.letter_id: r.kamerstuk for r in conn.execute(
            select(d.c.letter_id, d.c.kamerstuk).where(d.c.letter_id.is_not(None)))}
        for r in conn.execute(select(s.letter_links).order_by(s.letter_links.c.letter_id)):
            out.links.append({"letter_id": r.letter_id, "same_as": r.same_as, "reason": r.reason,
                              "letter": names.get(r.letter_id), "same_as_letter": names.get(r.same_as)})
    return out
