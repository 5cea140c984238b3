"""What pages and API endpoints show, from the same registry calls the CLI makes.

Deployments are merged on read (``store.merge``); over 10,000 letters that is
about a second, too slow for every request. ``Snapshot`` holds the merged
answers (missions, deployments, deadlines, commitments, letter titles) and is
rebuilt only when the registry changed, which one cheap query tells: the
letter count, the newest ingest time and the newest commitment mark.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from ..store import schema as s
from ..store.db import Registry
from ..store.merge import Deployment, load_deployments
from ..store.proposals import rejected_proposals
from ..store.queries import CommitmentView, Deadline, MissionView, commitments, deadlines, missions, timeline

__all__ = ["LetterMeta", "Snapshot", "SnapshotCache", "registry_version"]


@dataclass
class LetterMeta:
    id: int
    date: str | None
    kamerstuk: str | None
    title: str | None
    addressee: str | None
    ingested_at: Any = None
    signatories: list[str] = field(default_factory=list)  # their roles ("minister van Defensie")

    @property
    def label(self) -> str:
        return self.kamerstuk or f"#{self.id}"


@dataclass
class Snapshot:
    """The registry's merged state on one day."""

    today: date
    version: tuple[Any, ...]
    letters: dict[int, LetterMeta]
    by_kamerstuk: dict[str, int]
    missions: list[MissionView]
    deployments: list[Deployment]
    deadlines: list[Deadline]
    commitments: list[CommitmentView]
    mission_names: dict[str, str] = field(default_factory=dict)
    letters_of_mission: dict[str, list[int]] = field(default_factory=dict)
    missions_of_letter: dict[int, list[str]] = field(default_factory=dict)
    fact_counts: dict[int, dict[str, int]] = field(default_factory=dict)
    letter_years: list[int] = field(default_factory=list)
    charts: tuple[Any, Any] | None = None
    page_lock: Any = field(default_factory=threading.Lock)

    def newest_letters(self, n: int = 10) -> list[LetterMeta]:
        return sorted(self.letters.values(), key=lambda L: (L.date or "", L.id), reverse=True)[:n]

    def letter(self, letter_id: int) -> LetterMeta | None:
        return self.letters.get(letter_id)

    def mission_name(self, mission_id: str | None) -> str:
        return self.mission_names.get(mission_id or "", mission_id or "")


def registry_version(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever a letter is added or replaced or a commitment is marked."""
    letters = conn.execute(select(func.count(s.letters.c.id), func.max(s.letters.c.ingested_at),
                                  func.max(s.letters.c.id))).one()
    marks = conn.execute(select(func.count(s.commitment_marks.c.id), func.max(s.commitment_marks.c.marked_at))).one()
    return (*letters, *marks)


def build_snapshot(conn: Connection, today: date) -> Snapshot:
    version = registry_version(conn)
    letters = {r.id: LetterMeta(r.id, r.date, r.kamerstuk, r.title, r.addressee, r.ingested_at,
                                [x.get("role") or x.get("name") for x in json.loads(r.letter_json).get("signatories", [])])
               for r in conn.execute(select(s.letters.c.id, s.letters.c.date, s.letters.c.kamerstuk, s.letters.c.title,
                                            s.letters.c.addressee, s.letters.c.ingested_at, s.letters.c.letter_json))}
    by_kst: dict[str, int] = {}
    for L in sorted(letters.values(), key=lambda L: L.id):
        if L.kamerstuk:
            by_kst.setdefault(L.kamerstuk, L.id)
    merged = load_deployments(conn)  # once: missions, the timeline and deadlines all read it
    views = missions(conn, today, deployments=merged)
    every_commitment = commitments(conn, today)
    snap = Snapshot(
        today, version, letters, by_kst, views, timeline(conn, deployments=merged),
        deadlines(conn, today, "6m", deployments=merged, commitment_views=every_commitment),
        every_commitment, mission_names={m.id: m.name for m in views},
    )
    rejected = rejected_proposals(conn)
    for c in snap.commitments:
        c.proposed = [p for p in c.proposed if (c.id, p) not in rejected]
    counts: dict[int, dict[str, int]] = {}
    for r in conn.execute(select(s.facts.c.letter_id, s.facts.c.kind, s.facts.c.mission, func.count())
                          .group_by(s.facts.c.letter_id, s.facts.c.kind, s.facts.c.mission)):
        per = counts.setdefault(r.letter_id, {})
        per[r.kind] = per.get(r.kind, 0) + r[3]
        if r.kind in ("mission", "contribution") and r.mission:
            mine = snap.missions_of_letter.setdefault(r.letter_id, [])
            if r.mission not in mine:
                mine.append(r.mission)
                snap.letters_of_mission.setdefault(r.mission, []).append(r.letter_id)
    snap.fact_counts = counts
    from .charts import gantt, personnel_chart  # the overview's charts: once per snapshot, not per request

    snap.charts = (gantt(snap.deployments, snap.mission_names, today), personnel_chart(snap.deployments, today))
    snap.letter_years = sorted({int(L.date[:4]) for L in letters.values() if L.date and L.date[:4].isdigit()},
                               reverse=True)
    return snap


class SnapshotCache:
    """One Snapshot per registry, rebuilt when ``registry_version`` moves (thread-safe)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._snap: Snapshot | None = None
        self._lock = threading.Lock()

    # How long a snapshot is trusted without asking the database whether it changed.
    RECHECK_SECONDS = 1.0
    _checked = 0.0

    def get(self, today: date) -> Snapshot:
        """The current snapshot; after a change, the previous one while a thread builds the next.

        Building takes seconds on a large registry, so requests keep being
        answered from the last snapshot meanwhile (a change shows within
        seconds); only the very first request of a process waits.
        """
        snap = self._snap
        now = time.monotonic()
        if snap is not None and snap.today == today and now - self._checked < self.RECHECK_SECONDS:
            return snap
        with self.registry.engine.connect() as conn:
            version = registry_version(conn)
        self._checked = now
        if snap is not None and snap.version == version and snap.today == today:
            return snap
        if snap is not None and snap.today == today and not self._stale_ok_off:
            self._rebuild_async(today)
            return snap
        with self._lock:
            snap = self._snap
            if snap is None or snap.version != version or snap.today != today:
                with self.registry.engine.connect() as conn:
                    self._snap = build_snapshot(conn, today)
            return self._snap  # type: ignore[return-value]

    _stale_ok_off = False
    _building = False

    def _rebuild_async(self, today: date) -> None:
        if self._building:
            return
        self._building = True

        def run() -> None:
            try:
                with self._lock, self.registry.engine.connect() as conn:
                    self._snap = build_snapshot(conn, today)
            finally:
                self._building = False

        threading.Thread(target=run, name="artikel100-snapshot", daemon=True).start()

    def invalidate(self) -> None:
        """After our own write: the next request waits for a fresh snapshot (the writer wants to see it)."""
        with self._lock:
            self._snap = None
            self._checked = 0.0


def letter_layout(conn: Connection, letter_id: int) -> dict[str, Any]:
    """The stored text, offset map, pages and (when recorded) source text, blocks and footnotes."""
    t = conn.execute(select(s.letter_texts).where(s.letter_texts.c.letter_id == letter_id)).first()
    lay = conn.execute(select(s.letter_layout).where(s.letter_layout.c.letter_id == letter_id)).first()
    out: dict[str, Any] = {
        "text": t.text if t else "",
        "offsets": json.loads(t.offsets) if t else [],
        "page_starts": json.loads(t.page_starts) if t else [],
        "source_text": lay.source_text if lay else None,
        "blocks": json.loads(lay.blocks) if lay else [],
        "footnotes": json.loads(lay.footnotes) if lay else [],
    }
    return out


def letter_list(conn: Connection, snap: Snapshot, *, page: int = 1, per_page: int = 25, mission: str | None = None,
                year: int | None = None, addressee: str | None = None) -> tuple[list[LetterMeta], int]:
    """Letters newest first, filtered by mission, year and addressee; one page and the total."""
    items = snap.__dict__.get("_sorted")
    if items is None:
        items = snap.__dict__["_sorted"] = sorted(snap.letters.values(), key=lambda L: (L.date or "", L.id), reverse=True)
    if mission:
        ids = set(snap.letters_of_mission.get(mission, []))
        items = [L for L in items if L.id in ids]
    if year:
        items = [L for L in items if (L.date or "").startswith(str(year))]
    if addressee:
        items = [L for L in items if (L.addressee or "").lower() == addressee.lower()]
    lo = (page - 1) * per_page
    return items[lo:lo + per_page], len(items)
