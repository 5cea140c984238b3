"""One sync run: list each dossier, then fetch and ingest what is new or changed.

For each dossier:

1. **List** the Kamerstukken in officielebekendmakingen (SRU) and the
   government letters in the Tweede Kamer's API (OData), each from where the
   last run stopped (its cursor: the last change stamp seen). Each page's
   entries are folded into ``sync_documents`` in one transaction; the cursor
   moves only when a listing is complete, so an interrupted listing is read
   again and nothing listed is lost.
2. **Process** every ``pending`` row, oldest letter first: fetch its best file
   (once: the file is recorded with its hash before it is read, so a resumed
   run reads it from the cache), read it through the normal flow
   (``store.ingest.prepare``), and store letter, metadata, comparison and
   links in **one** transaction (``store_prepared(then=...)``). A crash
   leaves a row either pending or stored, never half of each.

Links: a letter whose text repeats another chamber's letter of the same date
in the same dossier is linked to it (``store.links``); a document whose file
changed into a different letter links the old letter to the new one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from ..store import Registry
from ..store import schema as s
from ..store.ingest import LetterRejected, Outcome, Prepared, extractor_version, prepare, store_prepared
from ..store.links import NEWER_VERSION, OTHER_CHAMBER, add_kamerstuk, link, similarity
from .compare import disagreements
from .endpoints import Endpoints
from .errors import SyncError
from .fetch import Fetched, candidates, fetch_best, skipped_urls
from .http import PoliteClient
from .odata import Dossier, document_query, list_documents
from .sru import list_records
from .state import get_cursor, pending_rows, reconcile_koop, reconcile_tk, rows_of, set_cursor, update_row

__all__ = ["SyncOptions", "DocumentOutcome", "DossierReport", "SyncReport", "sync", "COPY_SIMILARITY"]

# Word-trigram overlap above which two letters of one date are one letter sent twice.
COPY_SIMILARITY = 0.8


@dataclass
class SyncOptions:
    dossiers: list[Dossier]
    since: str | None = None  # letters dated on or after (YYYY-MM-DD)
    dry_run: bool = False
    cache: Path = Path("artikel100-sync-files")
    sources: tuple[str, ...] = ("koop", "tk")


@dataclass
class DocumentOutcome:
    key: str
    kamerstuk: str | None
    outcome: str  # added | replaced | duplicate | unchanged | not modified | rejected | withdrawn | failed | would fetch
    letter_id: int | None = None
    message: str = ""
    url: str | None = None


@dataclass
class DossierReport:
    dossier: str
    listed: dict[str, int] = field(default_factory=dict)  # new/changed/unchanged/deleted/nofile
    documents: list[DocumentOutcome] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for d in self.documents if d.outcome == outcome)


@dataclass
class SyncReport:
    dossiers: list[DossierReport] = field(default_factory=list)
    requests: int = 0
    files_fetched: int = 0
    bytes_fetched: int = 0

    @property
    def failed(self) -> bool:
        return any(d.errors or d.count("failed") for d in self.dossiers)


Events = Callable[[str, Any], None]  # ("listed", n) | ("document", DocumentOutcome)


def _cursor_name(source: str, dossier: Dossier, since: str | None) -> str:
    return f"{source}:{dossier}" + (f":since={since}" if since else "")


def _list_dossier(reg: Registry, client: PoliteClient, ep: Endpoints, dossier: Dossier,
                  opts: SyncOptions, report: DossierReport) -> dict[str, dict[str, Any]]:
    """Fold both listings into the rows; returns the rows as a dry run would leave them."""
    with reg.engine.connect() as conn:
        rows = rows_of(conn, dossier)
        cursors = {src: get_cursor(conn, _cursor_name(src, dossier, opts.since)) for src in ("koop", "tk")}

    # One outcome per publication: a row made by the KOOP listing and then met
    # in the Tweede Kamer's is one new publication, not a new and a changed one.
    seen: dict[str, str] = {}

    def fold(page_entries: list[Any], fn: Callable[..., tuple[str, str]]) -> None:
        if opts.dry_run:
            outcomes = [fn(None, rows, dossier, e) for e in page_entries]
        else:
            with reg.write() as conn:
                outcomes = [fn(conn, rows, dossier, e) for e in page_entries]
        for key, outcome in outcomes:
            if seen.get(key) in (None, "unchanged") or outcome == "deleted":
                seen[key] = outcome
        report.listed = {}
        for outcome in seen.values():
            report.listed[outcome] = report.listed.get(outcome, 0) + 1

    if "koop" in opts.sources:
        newest = cursors["koop"]
        for page in list_records(client, ep, dossier, modified_since=cursors["koop"], dated_since=opts.since):
            letters = [r for r in page if r.is_letter]
            fold(letters, reconcile_koop)
            newest = max([newest or ""] + [r.modified or "" for r in letters]) or None
        if newest and not opts.dry_run:
            with reg.write() as conn:
                set_cursor(conn, _cursor_name("koop", dossier, opts.since), newest)
    if "tk" in opts.sources:
        newest = cursors["tk"]
        url = document_query(ep, dossier, changed_since=cursors["tk"], dated_since=opts.since)
        for docs in list_documents(client, ep, url):
            fold(docs, reconcile_tk)
            newest = max([newest or ""] + [d.changed or "" for d in docs]) or None
        if newest and not opts.dry_run:
            with reg.write() as conn:
                set_cursor(conn, _cursor_name("tk", dossier, opts.since), newest)
    return rows


def _metadata(row: dict[str, Any]) -> dict[str, Any]:
    return {"kamerstuk": row.get("kamerstuk"), "date": row.get("date"), "chamber": row.get("chamber"),
            "signatories": json.loads(row.get("signatories") or "[]")}


def _text_of(conn: Connection, letter_id: int) -> str:
    return conn.execute(select(s.letter_texts.c.text).where(s.letter_texts.c.letter_id == letter_id)).scalar() or ""


def _link_other_chamber(conn: Connection, row: dict[str, Any], letter_id: int, text: str) -> int | None:
    """Link this letter and another chamber's letter of the same date when their words are the same."""
    if not row.get("date") or not row.get("chamber"):
        return None
    others = conn.execute(select(s.sync_documents.c.letter_id, s.sync_documents.c.chamber).where(
        s.sync_documents.c.dossier == row["dossier"], s.sync_documents.c.date == row["date"],
        s.sync_documents.c.chamber.is_not(None), s.sync_documents.c.chamber != row["chamber"],
        s.sync_documents.c.letter_id.is_not(None), s.sync_documents.c.letter_id != letter_id,
        s.sync_documents.c.state == "stored"))
    for other_id, other_chamber in others:
        if similarity(text, _text_of(conn, other_id)) >= COPY_SIMILARITY:
            # The Tweede Kamer's letter is the one the Eerste Kamer's copy repeats.
            if row["chamber"] == "Tweede Kamer":
                link(conn, other_id, letter_id, OTHER_CHAMBER)
            else:
                link(conn, letter_id, other_id, OTHER_CHAMBER)
            return other_id
    return None


def _record_stored(row: dict[str, Any], p: Prepared, got: Fetched) -> Callable[[Connection, Outcome, int], None]:
    def then(conn: Connection, outcome: Outcome, letter_id: int) -> None:
        if row.get("kamerstuk"):
            add_kamerstuk(conn, letter_id, row["kamerstuk"], row.get("chamber"))
        old = row.get("letter_id")
        if old and old != letter_id:
            link(conn, old, letter_id, NEWER_VERSION)
        _link_other_chamber(conn, row, letter_id, p.text)
        update_row(conn, row["id"], state="stored", letter_id=letter_id, error=None, fetched_for=row["changed"],
                   disagreements=json.dumps(disagreements(_metadata(row), p.facts.get("letter") or {}), ensure_ascii=False))
    return then


def _process(reg: Registry, client: PoliteClient, ep: Endpoints, row: dict[str, Any], opts: SyncOptions,
             report: SyncReport, version: str) -> DocumentOutcome:
    out = DocumentOutcome(row["key"], row.get("kamerstuk"), "failed")
    cached = Path(row["file_path"]) if row.get("file_path") else None
    if row.get("fetched_for") == row["changed"] and row.get("file_sha256") and cached and cached.exists():
        # Fetched before an interruption: read it from the cache, do not ask again.
        got = Fetched("fetched", None, cached, row["file_sha256"], cached.stat().st_size, row.get("file_format"))
        out.url = row.get("file_url")
    else:
        def on_skip(url: str, why: str) -> None:
            with reg.write() as conn:
                known = {**skipped_urls(row), url: why}
                update_row(conn, row["id"], skipped=json.dumps({"for": row["changed"], "urls": known}))
                row["skipped"] = json.dumps({"for": row["changed"], "urls": known})

        try:
            got = fetch_best(client, row, ep, opts.cache, on_skip)
        except SyncError as exc:
            with reg.write() as conn:
                update_row(conn, row["id"], error=str(exc), attempts=(row.get("attempts") or 0) + 1)
            out.message = str(exc)
            return out
        out.url = got.candidate.url if got.candidate else None
        with reg.write() as conn:
            if got.outcome == "not modified":
                update_row(conn, row["id"], state="stored", fetched_for=row["changed"], error=None)
                out.outcome, out.letter_id = "not modified", row.get("letter_id")
                return out
            if got.outcome == "withdrawn":
                from datetime import datetime, timezone

                update_row(conn, row["id"], state="deleted", deleted_at=datetime.now(timezone.utc),
                           error="withdrawn at the source")
                out.outcome, out.message = "withdrawn", "withdrawn at the source"
                return out
            if got.outcome == "missing":
                update_row(conn, row["id"], state="nofile", error="; ".join(got.notes) or "no file")
                out.outcome, out.message = "no file", "; ".join(got.notes)
                return out
            report.files_fetched += 1
            report.bytes_fetched += got.size
            update_row(conn, row["id"], file_url=out.url, file_format=got.format, file_sha256=got.sha256,
                       file_path=str(got.path), etag=got.etag, last_modified=got.last_modified,
                       fetched_for=row["changed"])
        row = {**row, "fetched_for": row["changed"]}
    assert got.path is not None
    p = prepare(got.path, reg.dialect)
    if p.error is not None:
        message = p.error.replace(str(got.path), out.url or str(got.path))
        with reg.write() as conn:
            update_row(conn, row["id"], state="rejected", error=message, attempts=(row.get("attempts") or 0) + 1)
        out.outcome, out.message = "rejected", message
        return out
    p.path = out.url or p.path
    try:
        outcome, letter_id = store_prepared(reg, p, version, then=_record_stored(row, p, got))
    except LetterRejected as exc:
        with reg.write() as conn:
            update_row(conn, row["id"], state="rejected", error=str(exc))
        out.outcome, out.message = "rejected", str(exc)
        return out
    out.outcome, out.letter_id = outcome, letter_id
    return out


def default_cache(db_url: str) -> Path:
    """Files beside a SQLite registry (``reg.db`` -> ``reg.sync-files/``), else the user's cache."""
    if db_url.startswith("sqlite:///") and db_url != "sqlite:///:memory:":
        db = Path(db_url.removeprefix("sqlite:///"))
        return db.with_name(db.stem + ".sync-files")
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "artikel100" / "sync"


def sync(reg: Registry, opts: SyncOptions, client: PoliteClient, endpoints: Endpoints,
         on_event: Events | None = None) -> SyncReport:
    """Sync the dossiers of ``opts`` into ``reg``.

    A failed listing stops that dossier (its cursor does not move) and is
    reported; a failed document stays pending and the run goes on.

    Returns:
        What was listed and what happened to each document.
    """
    report = SyncReport()
    version = extractor_version()
    emit = on_event or (lambda _kind, _value: None)
    for dossier in opts.dossiers:
        dr = DossierReport(str(dossier))
        report.dossiers.append(dr)
        try:
            rows = _list_dossier(reg, client, endpoints, dossier, opts, dr)
        except SyncError as exc:
            dr.errors.append(str(exc))
            emit("error", str(exc))
            continue
        if opts.dry_run:
            todo = sorted((r for r in rows.values() if r["state"] == "pending"), key=lambda r: (r["date"] or "", r["key"]))
            emit("listed", len(todo))
            for row in todo:
                first = next(iter(candidates(row, endpoints)), None)
                item = DocumentOutcome(row["key"], row.get("kamerstuk"), "would fetch", url=first.url if first else None)
                dr.documents.append(item)
                emit("document", item)
            continue
        with reg.engine.connect() as conn:
            todo = pending_rows(conn, dossier)
        emit("listed", len(todo))
        for row in todo:
            item = _process(reg, client, endpoints, row, opts, report, version)
            dr.documents.append(item)
            emit("document", item)
    report.requests = client.requests
    return report
