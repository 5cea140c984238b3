"""What the web app keeps between requests stays within its bounds, and a new registry state replaces it.

The caches (serve/caches.py) are exercised directly and through a running app
over the example letters: pages rendered before the first request, the old
snapshot freed after a change, nothing kept beyond a bound.
"""

from __future__ import annotations

import gc
import threading
import time
import weakref

from fastapi.testclient import TestClient

from artikel100.serve import create_app
from artikel100.serve.caches import LIMITS, Bounded, Limit
from conftest import make_settings


def test_a_cache_keeps_no_more_than_its_bound_and_drops_the_least_recently_used() -> None:
    cache: Bounded[int] = Bounded("t", Limit(3))
    for i in range(5):
        cache.put(i, i)
    assert len(cache) == 3 and cache.get(0) is None and cache.get(4) == 4
    cache.get(2)  # used: now the newest
    cache.put(5, 5)
    assert cache.get(2) == 2 and cache.get(3) is None


def test_a_cache_by_bytes_counts_bodies_and_refuses_what_is_larger_than_itself() -> None:
    cache: Bounded[tuple[bytes, str]] = Bounded("pages", Limit(10_000, by_bytes=True))
    for i in range(10):
        cache.put(i, (b"x" * 3000, "text/html"))
    assert 2 <= len(cache) <= 3 and cache.size <= 10_000
    cache.put("huge", (b"x" * 20_000, "text/html"))
    assert cache.get("huge") is None and len(cache) >= 2


def test_a_missing_entry_is_built_once_while_other_keys_go_ahead() -> None:
    cache: Bounded[str] = Bounded("t", Limit(10))
    calls: list[str] = []
    slow_started = threading.Event()

    def slow() -> tuple[str, bool]:
        calls.append("slow")
        slow_started.set()
        time.sleep(0.3)
        return "page", True

    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get_or_build("a", slow))) for _ in range(4)]
    threads[0].start()
    slow_started.wait(5)
    for t in threads[1:]:
        t.start()
    t0 = time.perf_counter()
    other = cache.get_or_build("b", lambda: ("other", True))  # not held up by the build of "a"
    assert other == "other" and time.perf_counter() - t0 < 0.2
    for t in threads:
        t.join(5)
    assert results == ["page"] * 4 and calls == ["slow"]


def test_an_answer_the_builder_does_not_keep_is_built_again() -> None:
    cache: Bounded[str] = Bounded("t", Limit(10))
    n = []
    for _ in range(3):
        cache.get_or_build("error", lambda: (n.append(1) or "404", False))
    assert len(n) == 3 and cache.get("error") is None


def test_every_cache_has_a_bound_and_says_what_it_keeps() -> None:
    assert LIMITS and all(lim.size > 0 and lim.what for lim in LIMITS.values())


def test_the_busiest_pages_are_rendered_before_the_first_request(filled_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = create_app(make_settings(filled_url, tmp_path, token=None))
    with TestClient(app) as client:
        snap = app.state.cache._snap
        pages = snap.caches["pages"]
        keys = set(pages._lru.keys())
        assert ("nl", "/") in keys and ("nl", "/missies") in keys and ("deadlines.ics",) in keys
        mission = next(m.id for m in snap.missions)
        assert ("nl", f"/missies/{mission}") in keys
        # What was rendered ahead is what a visitor gets.
        cached = pages.get(("nl", "/"))[0]
        assert client.get("/").content == cached
        # The host a request names is no part of the key: a page is kept once.
        client.get("/missies", headers={"host": "elders.example"})
        assert len(pages) == len(keys)


def test_a_new_registry_state_frees_the_old_snapshot_and_its_caches(filled_url, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from artikel100.serve import data

    monkeypatch.setattr(data, "FREEZE_FROM_LETTERS", 0)  # the example registry is small: freeze it anyway
    app = create_app(make_settings(filled_url, tmp_path, token=None))
    try:
        with TestClient(app) as client:
            first = weakref.ref(app.state.cache._snap)
            assert gc.get_freeze_count() > 0  # out of the collector's rounds
            client.get("/brieven")
            app.state.cache.invalidate()  # as after a write
            assert client.get("/").status_code == 200
            assert app.state.cache._snap is not first()
            gc.collect()
            assert first() is None, "the replaced snapshot is still referenced"
    finally:
        gc.unfreeze()
