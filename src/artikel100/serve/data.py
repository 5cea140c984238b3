"""What pages and API endpoints show, from the same registry calls the CLI makes.

Deployments are merged on read (``store.merge``); over 10,000 letters that is
about a second, too slow for every request. ``Snapshot`` holds the merged
answers (missions, deployments, deadlines, commitments, letter titles) and is
rebuilt only when the registry changed, which one cheap query tells: the
letter count, the newest ingest time and the newest commitment mark.
"""

from __future__ import annotations

import gc
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from ..store import schema as s
from ..store.db import Registry
from ..store.links import copies, kamerstukken
from ..store.merge import Deployment, Window, load_deployments
from ..store.proposals import rejected_proposals
from .caches import SnapshotCaches
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
    caches: SnapshotCaches = field(default_factory=SnapshotCaches)  # what requests derive from it, bounded
    windows: dict[tuple[str, str | None], Window] = field(default_factory=dict)  # each deployment's, parsed once
    coverage_index: list[Any] | None = None  # oversight._index: what every letter page's coverage check reads
    newest_first: list[LetterMeta] = field(default_factory=list)  # the letter list's order
    ministers: list[str] = field(default_factory=list)  # the commitments page's filter: signatories' roles
    links: tuple[dict[int, int], dict[int, list[str]]] | None = None  # (store.links.copies, .kamerstukken)
    deployments_of_letter: dict[int, list[int]] = field(default_factory=dict)  # positions in ``deployments``

    def newest_letters(self, n: int = 10) -> list[LetterMeta]:
        if self.newest_first:
            return self.newest_first[:n]
        return sorted(self.letters.values(), key=lambda L: (L.date or "", L.id), reverse=True)[:n]

    def letter(self, letter_id: int) -> LetterMeta | None:
        return self.letters.get(letter_id)

    def mission_name(self, mission_id: str | None) -> str:
        return self.mission_names.get(mission_id or "", mission_id or "")

    def deployments_for_diff(self, letter_id: int) -> list[Deployment]:
        """The deployments ``check.diff_letters`` reads for this letter, in the snapshot's order.

        Those of the letter, those of every letter a step before it in them
        (the diff compares with one of these), and each such mission's
        whole-mission deployment: the diff is the same as over all of them,
        without walking every step of every deployment for each letter page.
        """
        mine = self.deployments_of_letter.get(letter_id, [])
        before: set[int] = set()
        for i in mine:
            ids = [st.letter_id for st in self.deployments[i].steps]
            for j, lid in enumerate(ids):
                if lid == letter_id and j > 0:
                    before.add(ids[j - 1])
        wanted = set(mine)
        for lid in before:
            wanted.update(self.deployments_of_letter.get(lid, []))
        missions = {self.deployments[i].mission for i in wanted}
        wanted.update(i for i, d in enumerate(self.deployments) if d.unit is None and d.mission in missions)
        return [self.deployments[i] for i in sorted(wanted)]

    def window(self, dep: Deployment) -> Window:
        """``dep``'s framework and head counts, parsed when the snapshot was built."""
        found = self.windows.get((dep.mission, dep.unit))
        return found if found is not None else dep.window()


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
    snap.windows = {(d.mission, d.unit): d.window() for d in merged}
    for i, d in enumerate(snap.deployments):
        for st in d.steps:
            at = snap.deployments_of_letter.setdefault(st.letter_id, [])
            if not at or at[-1] != i:
                at.append(i)
    snap.links = (copies(conn), kamerstukken(conn))
    from .charts import gantt, personnel_chart  # the overview's charts: once per snapshot, not per request

    snap.charts = (gantt(snap.deployments, snap.mission_names, today), personnel_chart(snap.deployments, today))
    snap.letter_years = sorted({int(L.date[:4]) for L in letters.values() if L.date and L.date[:4].isdigit()},
                               reverse=True)
    # What pages would otherwise compute on their first request, all of them at once, after every change.
    snap.newest_first = sorted(letters.values(), key=lambda L: (L.date or "", L.id), reverse=True)
    snap.ministers = sorted({r for L in letters.values() for r in L.signatories if r and r.lower().startswith("minister")})
    from .oversight import _index, warm_missions

    _index(conn, snap)
    warm_missions(conn, snap)
    return snap


class SnapshotCache:
    """One Snapshot per registry, rebuilt when ``registry_version`` moves (thread-safe)."""

    def __init__(self, registry: Registry, on_built: Callable[[Snapshot], None] | None = None) -> None:
        self.registry = registry
        self.on_built = on_built  # runs on each new snapshot before it answers (pages.prerender)
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
                self._snap = self._build(today)
            return self._snap  # type: ignore[return-value]

    _stale_ok_off = False
    _building = False

    def _rebuild_async(self, today: date) -> None:
        if self._building:
            return
        self._building = True

        def run() -> None:
            try:
                with self._lock:
                    self._snap = self._build(today)
            finally:
                self._building = False

        threading.Thread(target=run, name="artikel100-snapshot", daemon=True).start()

    def _build(self, today: date) -> Snapshot:
        with self.registry.engine.connect() as conn:
            snap = build_snapshot(conn, today)
        if self.on_built is not None:
            try:
                self.on_built(snap)
            except Exception:  # a page that fails here fails again for its visitor, with the error page
                logging.getLogger(__name__).exception("rendering the new snapshot's pages failed")
        settle_heap(snap)
        return snap

    def invalidate(self) -> None:
        """After our own write: the next request waits for a fresh snapshot (the writer wants to see it)."""
        with self._lock:
            self._snap = None
            self._checked = 0.0


# From this many letters on, a snapshot is taken out of the garbage collector's rounds.
FREEZE_FROM_LETTERS = 1000


def settle_heap(snap: Snapshot) -> None:
    """Takes what the process holds now (the new snapshot) out of the garbage collector's rounds.

    A snapshot of 10,000 letters is some 300,000 objects that live until the
    next one; each full collection walked all of them (about 300 ms, in which
    no request of the worker moved). Frozen objects are still freed when
    nothing refers to them; the previous snapshot is unfrozen first so that
    its cycles are collected once, here. Small registries (tests, demos) are
    left to the collector: their collections are short.
    """
    if len(snap.letters) < FREEZE_FROM_LETTERS and not gc.get_freeze_count():
        return
    gc.unfreeze()
    gc.collect()
    gc.freeze()


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
    items = snap.newest_first or sorted(snap.letters.values(), key=lambda L: (L.date or "", L.id), reverse=True)
    if mission:
        ids = set(snap.letters_of_mission.get(mission, []))
        items = [L for L in items if L.id in ids]
    if year:
        items = [L for L in items if (L.date or "").startswith(str(year))]
    if addressee:
        items = [L for L in items if (L.addressee or "").lower() == addressee.lower()]
    lo = (page - 1) * per_page
    return items[lo:lo + per_page], len(items)
