"""Crash safety and concurrency of ``artikel100 ingest``, for tests/test_crash_safety.py and
bench/bench_crash_safety.py.

Letters are the test letters of tests/letters (our own writing), each made
unique by a reference word, so a batch of any size can be made. Ingest runs as
the real command in its own process group, so a SIGKILL takes its workers too.
A registry's *snapshot* is everything a user can see in it, with database ids
replaced by the letters' text hashes (ids differ between runs: PostgreSQL's
sequences move on in transactions that were rolled back): each letter with
its facts, each source file, and the deployments merged from the facts.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from artikel100.store import open_registry
from artikel100.store import schema as s
from artikel100.store.merge import load_deployments
from letters_corpus import letters

_ALPHABET = "bcdfghjklmnpqrstvwxz"


def _word(i: int) -> str:
    out = ""
    for _ in range(5):
        i, r = divmod(i, len(_ALPHABET))
        out += _ALPHABET[r]
    return "kenmerk" + out


def make_letters(folder: Path, n: int) -> list[Path]:
    """n letter files (clean texts of the test letters, each with its own reference word)."""
    folder.mkdir(parents=True, exist_ok=True)
    base = [letter.clean_text for letter in letters()]
    paths = []
    for i in range(n):
        text = base[i % len(base)]
        head, _, rest = text.partition("\n\n")
        path = folder / f"brief-{i:05d}.txt"
        path.write_text(f"{head}\n\nOns kenmerk: {_word(i)}\n\n{rest}", encoding="utf-8")
        paths.append(path)
    return paths


def ingest_command(inputs: list[Path], db: str, jobs: int = 2) -> list[str]:
    return [sys.executable, "-m", "artikel100", "ingest", *map(str, inputs), "--db", db, "-j", str(jobs)]


def start_ingest(inputs: list[Path], db: str, jobs: int = 2, **kwargs) -> subprocess.Popen:  # noqa: ANN003
    """``artikel100 ingest`` in a new process group (its workers share it)."""
    return subprocess.Popen(
        ingest_command(inputs, db, jobs), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True, **kwargs,
    )


def stored_letters(db: str) -> int:
    with open_registry(db, migrate=False) as reg:
        return _count(reg)


def _count(reg) -> int:  # noqa: ANN001 (a Registry)
    with reg.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(s.letters)).scalar_one()


def kill_at_random_points(folder: Path, db: str, n: int, kills: int, rng: random.Random, jobs: int = 2) -> list[int]:
    """Start ingest, SIGKILL it (and its workers) when a random number of letters is stored,
    ``kills`` times; returns the letter counts at which it was killed."""
    open_registry(db).close()  # migrated before the first kill, as a user's registry is
    points = []
    for k in range(kills):
        done = stored_letters(db)
        left = kills - k
        # Spread the kills over what is left, each at a random count in its share.
        share = max(1, (n - done) // (left + 1))
        # (several letters left after the last kill: the workers run ahead of the writer, which can
        # store the letters they finished faster than one poll, on a loaded machine most of all)
        target = min(n - 8, done + rng.randint(1, share))
        proc = start_ingest([folder], db, jobs)
        deadline = time.monotonic() + 600
        with open_registry(db, migrate=False) as reg:  # (one engine for every poll: opening one is slow)
            while proc.poll() is None and time.monotonic() < deadline:
                if _count(reg) >= target:
                    time.sleep(rng.random() * 0.02)  # land anywhere in the next transaction
                    break
                time.sleep(0.005)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stderr.close()  # type: ignore[union-attr]
        points.append(stored_letters(db))
    return points


def finish(inputs: list[Path], db: str, jobs: int = 2) -> subprocess.CompletedProcess:
    return subprocess.run(ingest_command(inputs, db, jobs), capture_output=True, text=True, timeout=3600)


def snapshot(db: str) -> dict:
    """What a user can see in the registry, without database ids."""
    with open_registry(db, migrate=False) as reg, reg.engine.connect() as conn:
        sha = dict(conn.execute(select(s.letters.c.id, s.letters.c.text_sha256)).all())
        letter_rows = conn.execute(select(s.letters).order_by(s.letters.c.text_sha256)).mappings().all()
        facts: dict[str, list] = {}
        for r in conn.execute(select(s.facts.c.letter_id, s.facts.c.kind, s.facts.c.ordinal, s.facts.c.data)
                              .order_by(s.facts.c.letter_id, s.facts.c.kind, s.facts.c.ordinal)):
            facts.setdefault(sha[r.letter_id], []).append((r.kind, r.ordinal, json.loads(r.data)))
        texts = {sha[r.letter_id]: r.text for r in conn.execute(select(s.letter_texts))}
        sources = sorted((r.sha256, sha[r.letter_id], Path(r.path).name)
                         for r in conn.execute(select(s.source_files)))
        deployments = [_deployment(d, sha) for d in load_deployments(conn)]
    return {
        "letters": {
            r["text_sha256"]: {
                "fields": {k: r[k] for k in ("date", "kamerstuk", "title", "status", "extractor_version", "fingerprint")},
                "text": texts.get(r["text_sha256"]),
                "facts": facts.get(r["text_sha256"], []),
            }
            for r in letter_rows
        },
        "sources": sources,
        "deployments": deployments,
    }


def _deployment(dep, sha: dict[int, str]) -> dict:  # noqa: ANN001
    def ids(message: str) -> str:
        return re.sub(r"\b(letters?) (\d+)(?: and (\d+))?",
                      lambda m: m.group(1) + " " + " and ".join(sha[int(g)][:12] for g in m.groups()[1:] if g), message)

    return {
        "key": dep.key,
        "steps": [(st.kind, sha[st.letter_id], st.letter_date, st.kamerstuk, st.start, st.end, st.personnel, st.description)
                  for st in dep.steps],
        "conflicts": [(c.field, ids(c.message)) for c in dep.conflicts],
    }


def differences(got: dict, want: dict) -> list[str]:
    """What differs between two snapshots, in words (empty when identical)."""
    out = []
    missing = want["letters"].keys() - got["letters"].keys()
    extra = got["letters"].keys() - want["letters"].keys()
    if missing:
        out.append(f"{len(missing)} letters missing")
    if extra:
        out.append(f"{len(extra)} letters too many")
    for key in want["letters"].keys() & got["letters"].keys():
        if got["letters"][key] != want["letters"][key]:
            out.append(f"letter {key[:12]} differs")
    if got["sources"] != want["sources"]:
        out.append(f"source files differ ({len(got['sources'])} vs {len(want['sources'])})")
    if got["deployments"] != want["deployments"]:
        out.append(f"deployments differ ({len(got['deployments'])} vs {len(want['deployments'])})")
    return out[:10]


# --- a PostgreSQL server of our own, to restart and to give a small tablespace -----------

PG_BIN_DIRS = [Path("/usr/lib/postgresql") / v / "bin" for v in ("17", "16", "15", "14")]


def pg_binary(name: str) -> str | None:
    for folder in PG_BIN_DIRS:
        if (folder / name).exists():
            return str(folder / name)
    return shutil.which(name)


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


class PgServer:
    """A throwaway PostgreSQL cluster on 127.0.0.1 that a test may stop and start."""

    def __init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="artikel100-pgcrash-"))
        self.data = self.tmp / "data"
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        if os.geteuid() == 0:
            shutil.chown(self.tmp, "postgres", "postgres")
        subprocess.run(_as_postgres([pg_binary("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                                     "-E", "UTF8", "--locale=C.UTF-8"]), check=True, capture_output=True)
        self.start()

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _ctl(self, *args: str) -> None:
        opts = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.tmp}"
        subprocess.run(_as_postgres([pg_binary("pg_ctl"), "-D", str(self.data), "-o", opts,
                                     "-l", str(self.tmp / "log"), "-w", *args]), check=True, capture_output=True)

    def start(self) -> None:
        self._ctl("start")

    def restart(self, mode: str = "fast") -> None:
        self._ctl("-m", mode, "restart")

    def database(self, name: str, tablespace: str | None = None) -> str:
        self.sql(f'CREATE DATABASE "{name}"' + (f" TABLESPACE {tablespace}" if tablespace else ""))
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def sql(self, statement: str) -> None:
        from sqlalchemy import create_engine, text

        engine = create_engine(self.url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(statement))
        engine.dispose()

    def stop(self) -> None:
        subprocess.run(_as_postgres([pg_binary("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(self.tmp, ignore_errors=True)


# --- a small file system that fills up -----------------------------------------------------


class SmallDisk:
    """A tmpfs of a given size mounted on a fresh folder (needs root and mount rights).

    ``grow`` remounts it larger, as a user frees space, keeping what is on it.
    """

    def __init__(self, size_kb: int) -> None:
        self.path = Path(tempfile.mkdtemp(prefix="artikel100-disk-"))
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0777", "tmpfs", str(self.path)],
                       check=True, capture_output=True)

    @staticmethod
    def possible() -> str | None:
        """None when a tmpfs can be mounted here, else why not."""
        if os.geteuid() != 0:
            return "mounting a small file system needs root"
        if shutil.which("mount") is None:
            return "no mount command"
        probe = Path(tempfile.mkdtemp(prefix="artikel100-mountprobe-"))
        try:
            done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)], capture_output=True, text=True)
            if done.returncode != 0:
                return f"mount refused: {done.stderr.strip()}"
            subprocess.run(["umount", str(probe)], capture_output=True)
            return None
        finally:
            probe.rmdir()

    def grow(self, size_kb: int) -> None:
        subprocess.run(["mount", "-o", f"remount,size={size_kb}k", str(self.path)], check=True, capture_output=True)

    def close(self) -> None:
        subprocess.run(["umount", "-l", str(self.path)], capture_output=True)
        shutil.rmtree(self.path, ignore_errors=True)


def clean_run(folder: Path, db: str, jobs: int = 2) -> dict:
    """Ingest the folder once, uninterrupted, and return the snapshot."""
    done = finish([folder], db, jobs)
    assert done.returncode == 0, done.stderr
    return snapshot(db)


def seeded_rng(seed: int | None = None) -> random.Random:
    return random.Random(seed if seed is not None else int(time.time()))
