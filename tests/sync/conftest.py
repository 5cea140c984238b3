"""Fixtures for the sync tests: the fake open data on 127.0.0.1 and a fast, polite client.

No test reaches the internet: every client here is pointed at the fake with
``Endpoints.resolve(fake.base)``, and the backoff is milliseconds.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fake_server import FakeOpenData, serve  # noqa: E402

from artikel100.store import Registry  # noqa: E402
from artikel100.sync import Dossier, Endpoints, Politeness, PoliteClient, SyncOptions, SyncReport, sync  # noqa: E402

FAST = Politeness(delay=0.0, timeout=1.0, retries=3, backoff=0.01, max_wait=0.05, max_retry_after=5.0)


@pytest.fixture
def fake() -> Iterator[FakeOpenData]:
    """The fake open data with small pages, so that paging is exercised."""
    with serve(FakeOpenData(page_size=2, sru_page_limit=2)) as f:
        yield f


SyncRunner = Callable[..., SyncReport]


@pytest.fixture
def run_sync(fake: FakeOpenData, tmp_path: Path) -> SyncRunner:
    """Run one sync of dossier 29521 (or others) against the fake; returns the report."""
    cache = tmp_path / "files"

    def run(registry: Registry, *dossiers: str, politeness: Politeness = FAST, dry_run: bool = False,
            sleep: Callable[[float], None] | None = None) -> SyncReport:
        opts = SyncOptions([Dossier.parse(d) for d in dossiers or ("29521",)], dry_run=dry_run, cache=cache)
        client = PoliteClient(politeness, sleep=sleep) if sleep else PoliteClient(politeness)
        with client:
            return sync(registry, opts, client, Endpoints.resolve(fake.base))

    return run
