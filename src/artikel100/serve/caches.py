"""Every cache the web app keeps while a registry state lasts, each with an explicit bound.

The snapshot (``data.Snapshot``) holds the merged registry; what requests
compute from it (rendered pages, a letter's oversight section, a mission's
coverage summary, filtered commitment lists, deployments as JSON) is kept in
the ``SnapshotCaches`` beside it, so a new registry state drops all of it at
once. Within one state every cache is a least-recently-used cache bounded by
entries or bytes (``LIMITS``), so a server that has seen every page of a large
registry holds no more than these bounds (issue 11: memory stays flat).

``Bounded.get_or_build`` builds a missing entry once: other requests for the
same key wait for that build instead of doing it too, while requests for
other keys go ahead (one lock per key, not one for the cache).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from cachetools import LRUCache

__all__ = ["Bounded", "Limit", "LIMITS", "SnapshotCaches"]

V = TypeVar("V")


@dataclass(frozen=True)
class Limit:
    """A cache's bound: ``size`` entries, or ``size`` bytes when ``by_bytes``."""

    size: int
    by_bytes: bool = False
    what: str = ""


# The bounds, per worker process and per registry state. Sizes measured on the
# 10,000-letter benchmark registry (bench/bench_ingest.py): a letter's oversight
# section is 5-20 kB of Python objects, a mission's summary about 50 kB.
LIMITS: dict[str, Limit] = {
    "pages": Limit(24 * 1024 * 1024, by_bytes=True,
                   what="rendered pages that depend only on the registry, the language and the URL"),
    "letter_oversight": Limit(1000, what="a letter's oversight section (coverage, diff, monitoring)"),
    "mission_oversight": Limit(400, what="a mission's toetsingskader summary"),
    "checks": Limit(200, what="/api/checks answers by mission and year"),
    "commitment_filters": Limit(128, what="commitment lists by status, mission, minister and year"),
    "deployments_json": Limit(4000, what="a deployment's history as JSON (the parts that do not depend on the day)"),
    "search": Limit(256, what="search answers (20 letters with snippets) by query and filters"),
}


def _bytes_of(value: Any) -> int:
    """The size a by-bytes cache charges: a body's length (and its key's), or the object itself."""
    if isinstance(value, tuple):
        return sum(_bytes_of(v) for v in value) + 64
    if isinstance(value, bytes | str):
        return len(value) + 64
    return sys.getsizeof(value)


class Bounded(Generic[V]):
    """A thread-safe LRU cache with a bound; entries larger than the whole bound are not kept."""

    def __init__(self, name: str, limit: Limit) -> None:
        self.name = name
        self.limit = limit
        self._lru: LRUCache[Hashable, V] = LRUCache(limit.size, getsizeof=_bytes_of if limit.by_bytes else None)
        self._lock = threading.Lock()
        self._flights: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            return self._lru.get(key)

    def put(self, key: Hashable, value: V) -> None:
        with self._lock:
            try:
                self._lru[key] = value
            except ValueError:  # larger than the whole cache: answered, not kept
                pass

    def get_or_build(self, key: Hashable, build: Callable[[], tuple[V, bool]]) -> V:
        """The entry for ``key``, built by ``build`` (which says whether to keep it) when missing."""
        with self._lock:
            if key in self._lru:
                return self._lru[key]
            flight = self._flights.get(key)
            mine = flight is None
            if mine:
                flight = self._flights[key] = threading.Lock()
                flight.acquire()
        assert flight is not None
        if not mine:
            with flight:  # another request is building it: wait for that
                pass
            with self._lock:
                if key in self._lru:
                    return self._lru[key]
            return build()[0]  # it was not kept (an error page, too large): build our own
        try:
            value, keep = build()
            if keep:
                self.put(key, value)
            return value
        finally:
            with self._lock:
                del self._flights[key]
            flight.release()

    def __len__(self) -> int:
        return len(self._lru)

    @property
    def size(self) -> int:
        """Entries, or bytes for a by-bytes cache."""
        return int(self._lru.currsize)


class SnapshotCaches:
    """The caches of one registry state, by name (``LIMITS`` gives each its bound)."""

    def __init__(self) -> None:
        self._caches = {name: Bounded(name, limit) for name, limit in LIMITS.items()}

    def __getitem__(self, name: str) -> Bounded[Any]:
        return self._caches[name]

    def sizes(self) -> dict[str, int]:
        return {name: cache.size for name, cache in self._caches.items()}
