"""The sync's memory in the registry: one row per publication, one cursor per listing.

A row moves through these states::

    pending ──fetch+ingest──> stored          (the letter is in the registry)
       │                 └──> rejected        (fetched, but not a letter / unreadable)
       ├──> nofile                            (metadata only: the source has no file yet)
       └──> deleted                           (Verwijderd at the source; the letter is kept)

A listing marks a row ``pending`` when it is new or its change stamp moved;
nothing else makes work. Every write here is part of a caller's transaction.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Literal

from sqlalchemy import Connection, insert, select, update

from ..store import schema as s
from .odata import Dossier, TkDocument
from .sru import KoopRecord

__all__ = ["Listed", "rows_of", "reconcile_tk", "reconcile_koop", "get_cursor", "set_cursor", "pending_rows",
           "has_file", "update_row"]

Listed = Literal["new", "changed", "unchanged", "deleted", "nofile"]


def _now() -> datetime:
    return datetime.now(timezone.utc)


def rows_of(conn: Connection, dossier: Dossier | str | None = None) -> dict[str, dict[str, Any]]:
    stmt = select(s.sync_documents)
    if dossier is not None:
        stmt = stmt.where(s.sync_documents.c.dossier == str(dossier))
    return {r.key: dict(r._mapping) for r in conn.execute(stmt)}


def get_cursor(conn: Connection, name: str) -> str | None:
    return conn.execute(select(s.sync_cursors.c.value).where(s.sync_cursors.c.name == name)).scalar()


def set_cursor(conn: Connection, name: str, value: str) -> None:
    if get_cursor(conn, name) is None:
        conn.execute(insert(s.sync_cursors).values(name=name, value=value, updated_at=_now()))
    else:
        conn.execute(update(s.sync_cursors).where(s.sync_cursors.c.name == name).values(value=value, updated_at=_now()))


def has_file(row: dict[str, Any]) -> bool:
    tk = json.loads(row.get("tk_meta") or "{}")
    koop = json.loads(row.get("koop_meta") or "{}")
    return bool(tk.get("ContentType")) or any(m in (koop.get("urls") or {}) for m in ("xml", "html", "pdf"))


def _next_state(old: dict[str, Any] | None, new: dict[str, Any], moved: bool, deleted: bool) -> str:
    if deleted:
        return "deleted"
    if not has_file(new):
        return "nofile"
    if old is None or moved or old["state"] in ("nofile", "deleted"):
        return "pending"
    return old["state"]


def _write(conn: Connection, old: dict[str, Any] | None, values: dict[str, Any]) -> None:
    values["updated_at"] = _now()
    if old is None:
        conn.execute(insert(s.sync_documents).values(**values))
    else:
        conn.execute(update(s.sync_documents).where(s.sync_documents.c.id == old["id"]).values(**values))


def update_row(conn: Connection, row_id: int, **values: Any) -> None:
    values["updated_at"] = _now()
    conn.execute(update(s.sync_documents).where(s.sync_documents.c.id == row_id).values(**values))


def _reconcile(
    conn: Connection | None, rows: dict[str, dict[str, Any]], key: str, side: str, stamp: str | None,
    fields: dict[str, Any], deleted: bool,
) -> Listed:
    """Fold one listed entry into its row; with ``conn`` None only say what would happen."""
    old = rows.get(key)
    changed = json.loads(old["changed"] or "{}") if old else {}
    moved = old is None or changed.get(side) != stamp
    values = dict(old or {})
    values.pop("id", None)
    for name, value in fields.items():
        if name in ("tk_meta", "koop_meta", "tk_id", "koop_id", "signatories") or not values.get(name):
            if value not in (None, "", "[]"):
                values[name] = value
    values["key"] = key
    values["changed"] = json.dumps({**changed, side: stamp}, sort_keys=True)
    values.setdefault("signatories", "[]")
    values.setdefault("disagreements", "[]")
    values.setdefault("attempts", 0)
    state = _next_state(old, values, moved, deleted)
    values["state"] = state
    if deleted and not (old and old.get("deleted_at")):
        values["deleted_at"] = _now()
    elif not deleted:
        values["deleted_at"] = None
    outcome: Listed = (
        "deleted" if deleted and (old is None or old["state"] != "deleted" or moved) else
        "unchanged" if not moved else "nofile" if state == "nofile" else "new" if old is None else "changed"
    )
    if deleted and old is not None and old["state"] == "deleted" and not moved:
        outcome = "unchanged"
    if moved or old is None or state != old["state"]:
        if conn is not None:
            _write(conn, old, values)
        rows[key] = {**values, "id": old["id"] if old else None}
        if old is None and conn is not None:
            rows[key]["id"] = conn.execute(select(s.sync_documents.c.id).where(s.sync_documents.c.key == key)).scalar_one()
    return outcome


def tk_key(doc: TkDocument, dossier: Dossier) -> str:
    return doc.kst_id(dossier) or f"tk:{doc.id}"


def reconcile_tk(
    conn: Connection | None, rows: dict[str, dict[str, Any]], dossier: Dossier, doc: TkDocument
) -> tuple[str, Listed]:
    meta = dict(doc.raw)
    meta["Kamerstukdossier"] = [{"Nummer": d.number, "Toevoeging": d.toevoeging} for d in doc.dossiers]
    meta["DocumentActor"] = doc.actors
    kst = doc.kst_id(dossier)
    fields = {
        "dossier": str(dossier), "tk_id": doc.id, "tk_meta": json.dumps(meta, ensure_ascii=False, sort_keys=True),
        "kamerstuk": kst[4:] if kst else None, "chamber": doc.chamber, "date": doc.date,
        "title": doc.subject or doc.title,
        "signatories": json.dumps(doc.signatories(), ensure_ascii=False) if doc.signatories() else None,
    }
    key = tk_key(doc, dossier)
    return key, _reconcile(conn, rows, key, "tk", doc.changed, fields, doc.deleted)


def reconcile_koop(
    conn: Connection | None, rows: dict[str, dict[str, Any]], dossier: Dossier, rec: KoopRecord
) -> tuple[str, Listed]:
    fields = {
        "dossier": str(dossier), "koop_id": rec.identifier,
        "koop_meta": json.dumps(rec.as_json(), ensure_ascii=False, sort_keys=True),
        "kamerstuk": rec.kamerstuk, "chamber": rec.chamber, "date": rec.date, "title": rec.title,
    }
    if rec.signers and not (rows.get(rec.identifier) or {}).get("tk_id"):
        fields["signatories"] = json.dumps([{"name": n, "role": None, "relation": "indiener"} for n in rec.signers],
                                           ensure_ascii=False)
    return rec.identifier, _reconcile(conn, rows, rec.identifier, "koop", rec.modified, fields, deleted=False)


def pending_rows(conn: Connection, dossier: Dossier) -> list[dict[str, Any]]:
    rows = conn.execute(select(s.sync_documents).where(s.sync_documents.c.dossier == str(dossier),
                                                       s.sync_documents.c.state == "pending"))
    return sorted((dict(r._mapping) for r in rows), key=lambda r: (r["date"] or "", r["key"]))
