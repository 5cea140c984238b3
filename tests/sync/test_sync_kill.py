"""SIGKILL in the middle of a sync, then a resumed one: nothing fetched or stored twice, nothing lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from artikel100.store import open_registry
from artikel100.store import schema as s

STATES = {"kst-29521-500": "stored", "kst-29521-501": "stored", "kst-29521-K": "stored", "kst-29521-502": "stored",
          "kst-29521-503": "stored", "kst-29521-504": "nofile", "tk:7d6c3a50-1f4e-4c2a-9b1e-0a1b2c3d4e06": "deleted"}


def _sync_process(base: str, db: str, cache: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "artikel100", "sync", "--base-url", base, "--dossier", "29521", "--db", db,
           "--cache", str(cache), "--delay", "0", "--timeout", "30", "--retries", "1"]
    env = {**os.environ, "COLUMNS": "80"}
    env.pop("ARTIKEL100_SYNC_URL", None)
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


@pytest.mark.parametrize("where", ["4e02)/resource", "Document?", "/html/kst-29521-K.html"],
                         ids=["during-a-file", "during-the-listing", "after-some-letters"])
def test_a_killed_sync_resumes_without_fetching_or_storing_twice(db_url, fake, tmp_path, where):
    cache = tmp_path / "files"
    if where == "Document?":
        fake.fault("$skip=2", "block")  # the second page of the Kamer's listing
    else:
        fake.fault(where, "block")
    proc = _sync_process(fake.base, db_url, cache)
    try:
        assert fake.blocked.wait(120), proc.communicate(timeout=5)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        fake.release.set()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    before = list(fake.files_served())
    with open_registry(db_url) as reg, reg.engine.connect() as conn:
        kept = dict(conn.execute(select(s.sync_documents.c.key, s.sync_documents.c.letter_id)
                                 .where(s.sync_documents.c.state == "stored")).all())
    assert not (cache.exists() and any(p.name.startswith(".part-") for p in cache.iterdir()))

    resumed = _sync_process(fake.base, db_url, cache)
    out, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err.decode()
    served = fake.files_served()
    assert len(served) == len(set(served)), "a file was fetched twice"
    assert served[: len(before)] == before
    assert len(served) == 6  # the five letters and the empty KOOP XML, each once
    with open_registry(db_url) as reg, reg.engine.connect() as conn:
        rows = dict(conn.execute(select(s.sync_documents.c.key, s.sync_documents.c.state)).all())
        assert rows == STATES
        letters = conn.execute(select(func.count()).select_from(s.letters)).scalar_one()
        files = conn.execute(select(func.count()).select_from(s.source_files)).scalar_one()
        assert letters == files == 5
        now = dict(conn.execute(select(s.sync_documents.c.key, s.sync_documents.c.letter_id)).all())
        assert all(now[k] == v for k, v in kept.items())  # letters stored before the kill are the same letters
        facts = conn.execute(select(s.facts.c.letter_id, s.facts.c.kind, s.facts.c.ordinal)).all()
        assert len(facts) == len(set(facts))
        links = conn.execute(select(s.letter_links.c.letter_id, s.letter_links.c.reason)).all()
        assert [r.reason for r in links] == ["other chamber"]
