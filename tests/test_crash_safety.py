"""Crash safety and concurrency of the real ``artikel100 ingest`` command, small versions
(bench/bench_crash_safety.py runs 1,000 letters with 20 kills): SIGKILL at random points,
a disk that fills up, a PostgreSQL server restarted mid-batch, two ingests at once.
After each, ingesting again gives exactly the registry an uninterrupted run gives."""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

import pytest

from crash_harness import (
    PgServer,
    SmallDisk,
    clean_run,
    differences,
    finish,
    kill_at_random_points,
    make_letters,
    pg_binary,
    snapshot,
    start_ingest,
    stored_letters,
)

N = 30


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "letters"
    make_letters(folder, N)
    return folder


@pytest.fixture(scope="module")
def clean(batch: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The registry an uninterrupted ingest of the batch gives (SQLite; PostgreSQL must agree)."""
    want = clean_run(batch, str(tmp_path_factory.mktemp("clean") / "clean.db"))
    assert len(want["letters"]) == N and want["deployments"]
    return want


@pytest.fixture(scope="module")
def pg() -> PgServer:
    if not pg_binary("initdb"):
        pytest.skip("PostgreSQL binaries not installed")
    server = PgServer()
    yield server
    server.stop()


def test_sigkill_at_random_points_then_ingest_again_gives_the_clean_registry(db_url, batch, clean) -> None:  # noqa: ANN001
    points = kill_at_random_points(batch, db_url, N, kills=3, rng=random.Random(11))
    assert points[-1] < N, f"the kills landed after the batch was done: {points}"
    done = finish([batch], db_url)
    assert done.returncode == 0, done.stderr
    assert differences(snapshot(db_url), clean) == []


def _why_no_disk() -> str | None:
    return SmallDisk.possible()


def test_a_full_disk_stops_sqlite_ingest_in_one_line_and_space_freed_lets_it_finish(batch, clean, tmp_path) -> None:  # noqa: ANN001
    reason = _why_no_disk()
    if reason:
        pytest.skip(reason)
    full = tmp_path / "full.db"
    assert finish([batch], str(full)).returncode == 0
    size_kb = sum(p.stat().st_size for p in tmp_path.glob("full.db*")) // 1024
    disk = SmallDisk(size_kb // 2)
    try:
        db = str(disk.path / "registry.db")
        done = finish([batch], db)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        lines = [ln for ln in done.stderr.splitlines() if ln.startswith("artikel100:")]
        assert len(lines) == 1 and "full" in lines[0], done.stderr
        part = snapshot(db)
        assert 0 < len(part["letters"]) < N
        for key, letter in part["letters"].items():
            assert letter == clean["letters"][key]  # every letter stored is whole
        disk.grow(size_kb * 4 + 20_000)  # room for the write-ahead log too (up to 4 MB before a checkpoint)
        done = finish([batch], db)
        assert done.returncode == 0, done.stderr
        assert differences(snapshot(db), clean) == []
    finally:
        disk.close()


def test_a_full_tablespace_stops_postgresql_ingest_in_one_line_and_space_freed_lets_it_finish(pg, batch, clean) -> None:  # noqa: ANN001
    reason = _why_no_disk()
    if reason:
        pytest.skip(reason)
    disk = SmallDisk(1200)
    try:
        shutil.chown(disk.path, "postgres", "postgres")
        pg.sql(f"CREATE TABLESPACE small LOCATION '{disk.path}'")
        db = pg.database("filling")
        pg.sql("ALTER DATABASE filling SET default_tablespace = small")
        done = finish([batch], db)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        lines = [ln for ln in done.stderr.splitlines() if ln.startswith("artikel100:")]
        assert len(lines) == 1 and ("space" in lines[0] or "full" in lines[0]), done.stderr
        part = snapshot(db)
        assert len(part["letters"]) < N
        for key, letter in part["letters"].items():
            assert letter == clean["letters"][key]
        disk.grow(40_000)
        done = finish([batch], db)
        assert done.returncode == 0, done.stderr
        assert differences(snapshot(db), clean) == []
    finally:
        pg.sql("DROP DATABASE IF EXISTS filling WITH (FORCE)")
        pg.sql("DROP TABLESPACE IF EXISTS small")
        disk.close()


def test_a_postgresql_server_restarted_mid_batch_is_waited_for_and_the_batch_finishes(pg, batch, clean) -> None:  # noqa: ANN001
    db = pg.database("restarted")
    from artikel100.store import open_registry

    open_registry(db).close()
    proc = start_ingest([batch], db)
    deadline = time.monotonic() + 300
    while stored_letters(db) < N // 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the batch ended before the restart"
    pg.restart("immediate")
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert differences(snapshot(db), clean) == []


def test_two_ingests_at_once_on_one_registry_store_the_union_once(db_url, batch, clean, tmp_path) -> None:  # noqa: ANN001
    files = sorted(batch.iterdir())
    first, second = files[: 2 * N // 3], files[N // 3 :]
    procs = [start_ingest(part, db_url) for part in (first, second)]
    results = [p.communicate(timeout=600) for p in procs]
    for proc, (_, err) in zip(procs, results):
        assert proc.returncode == 0, err
        assert "Traceback" not in err and "locked" not in err
    got = snapshot(db_url)
    assert got["letters"] == clean["letters"]
    assert got["sources"] == clean["sources"]
