"""A server that misbehaves: 429 with Retry-After, 500s, timeouts, truncated bodies, malformed pages."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from sqlalchemy import func, select

from artikel100.store import schema as s
from artikel100.sync import FetchError, Politeness, PoliteClient
from artikel100.sync.http import retry_after_seconds
from conftest import FAST
from sync_fixtures import render

RESOURCE = "/OData/v4/2.0/Document(7d6c3a50-1f4e-4c2a-9b1e-0a1b2c3d4e05)/resource"


class Clock:
    """A fake clock: ``sleep`` advances it and records the waits."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


def _client(**kw) -> PoliteClient:
    return PoliteClient(Politeness(**{**FAST.__dict__, **kw}))


def test_429_is_retried_after_the_seconds_the_server_asks(fake):
    clock = Clock()
    fake.fault(RESOURCE, "429:2")
    with PoliteClient(FAST, sleep=clock.sleep, clock=clock) as client:
        response = client.get(fake.base + RESOURCE)
    assert response.status == 200 and clock.slept == [2.0] and client.requests == 2


def test_retry_after_as_an_http_date_is_honoured():
    now = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)
    assert retry_after_seconds(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30
    assert retry_after_seconds("7") == 7 and retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_a_retry_after_longer_than_allowed_gives_up_at_once_with_the_url(fake):
    fake.fault(RESOURCE, "429:3600")
    with _client() as client, pytest.raises(FetchError, match=r"Document\(.*asks to wait 3600 s"):
        client.get(fake.base + RESOURCE)
    assert client.requests == 1


def test_500s_back_off_exponentially_and_then_succeed(fake):
    clock = Clock()
    fake.fault(RESOURCE, "500", times=3)
    politeness = Politeness(delay=0, timeout=1, retries=3, backoff=0.5, max_wait=1.5)
    with PoliteClient(politeness, sleep=clock.sleep, clock=clock) as client:
        assert client.get(fake.base + RESOURCE).status == 200
    assert clock.slept == [0.5, 1.0, 1.5]  # doubling, capped at max_wait


def test_500s_that_never_stop_end_in_one_error_naming_the_url(fake):
    fake.fault(RESOURCE, "500", times=10)
    with _client(retries=2) as client, pytest.raises(FetchError) as info:
        client.get(fake.base + RESOURCE)
    assert "HTTP 500" in str(info.value) and "resource" in str(info.value) and "3 attempts" in str(info.value)


def test_a_timeout_is_retried(fake):
    fake.fault(RESOURCE, "sleep:0.6")
    with _client(timeout=0.2) as client:
        assert client.get(fake.base + RESOURCE).status == 200
    assert client.requests == 2


def test_a_truncated_download_is_retried_and_the_whole_file_kept(fake):
    fake.fault(RESOURCE, "truncate")
    with _client() as client:
        body = client.get(fake.base + RESOURCE).content
    assert body == render("kfor_2026", "pdf", 29521, "500", "Tweede Kamer", "2025-2026")


def test_requests_are_spaced_by_the_delay(fake):
    clock = Clock()
    with PoliteClient(Politeness(delay=0.5, timeout=1), sleep=clock.sleep, clock=clock) as client:
        for _ in range(3):
            client.get(fake.base + RESOURCE)
    assert clock.slept == [0.5, 0.5]


def _letters(registry) -> int:
    with registry.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(s.letters)).scalar_one()


def test_a_malformed_json_page_is_read_again(registry, fake, run_sync):
    fake.fault("/OData/v4/2.0/Document?", "badjson")
    report = run_sync(registry)
    assert not report.failed and _letters(registry) == 5


def test_a_page_that_stays_malformed_stops_the_dossier_and_keeps_its_cursor(registry, fake, run_sync):
    fake.fault("$skip=2", "badjson", times=10)
    report = run_sync(registry)
    assert report.failed and "not valid JSON" in report.dossiers[0].errors[0]
    with registry.engine.connect() as conn:
        cursors = dict(conn.execute(select(s.sync_cursors.c.name, s.sync_cursors.c.value)).all())
    assert "tk:29521" not in cursors and "koop:29521" in cursors
    fake.faults.clear()
    again = run_sync(registry)
    assert not again.failed and _letters(registry) == 5


def test_every_fault_in_one_sync_still_stores_every_letter_once(registry, fake, run_sync):
    fake.fault("/sru", "500", times=2)
    fake.fault("4e03)/resource", "429:0")
    fake.fault("/xml/kst-29521-501.xml", "sleep:1.5")
    fake.fault("/html/kst-29521-K.html", "truncate")
    report = run_sync(registry)
    assert not report.failed and _letters(registry) == 5
    served = fake.files_served()
    assert len(served) == len(set(served))
    with registry.engine.connect() as conn:
        sizes = dict(conn.execute(select(s.sync_documents.c.key, s.sync_documents.c.file_sha256)).all())
    expected = hashlib.sha256(render("unifil_2026", "html", 29521, "K", "Eerste Kamer", "2025-2026")).hexdigest()
    assert sizes["kst-29521-K"] == expected


def test_a_file_that_keeps_failing_stays_pending_and_is_fetched_next_time(registry, fake, run_sync):
    fake.fault("4e03)/resource", "500", times=10)
    report = run_sync(registry)
    failed = [d for d in report.dossiers[0].documents if d.outcome == "failed"]
    assert [d.key for d in failed] == ["kst-29521-503"] and "HTTP 500" in failed[0].message
    assert _letters(registry) == 4
    fake.faults.clear()
    again = run_sync(registry)
    assert [d.outcome for d in again.dossiers[0].documents] == ["added"] and _letters(registry) == 5
