"""Shared fixtures: registries on SQLite and on PostgreSQL, and the seed letter.

Every registry test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``ARTIKEL100_TEST_PG`` (a URL) when set; otherwise a
throwaway cluster is started on 127.0.0.1 on a free port in a temp dir
(initdb and pg_ctl as the ``postgres`` user when we are root, since initdb
refuses root) and dropped at the end. Without PostgreSQL binaries the
PostgreSQL half is skipped, except under ``CI=true``, where it fails.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from artikel100.store import Registry, open_registry
from letters_corpus import SHARED

PG_BIN_DIRS = [Path("/usr/lib/postgresql") / v / "bin" for v in ("17", "16", "15", "14")]


def _pg_bin(name: str) -> str | None:
    for d in PG_BIN_DIRS:
        if (d / name).exists():
            return str(d / name)
    return shutil.which(name)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A PostgreSQL server URL (without database name) for the whole session."""
    url = os.environ.get("ARTIKEL100_TEST_PG")
    if url:
        yield url
        return
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL binaries are missing and CI=true: the registry must be tested on PostgreSQL")
        pytest.skip("PostgreSQL binaries not installed")
    tmp = Path(tempfile.mkdtemp(prefix="artikel100-pg-"))
    data = tmp / "data"
    if os.geteuid() == 0:
        shutil.chown(tmp, "postgres", "postgres")
    port = _free_port()
    subprocess.run(
        _as_postgres([initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]),
        check=True, capture_output=True,
    )
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {tmp} -c fsync=off -c full_page_writes=off"
    subprocess.run(
        _as_postgres([pg_ctl, "-D", str(data), "-o", opts, "-l", str(tmp / "log"), "-w", "start"]),
        check=True, capture_output=True,
    )
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


def _fresh_pg_database(server: str) -> tuple[str, str]:
    name = "a100_" + uuid.uuid4().hex[:12]
    admin = create_engine(server.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    base = server.rsplit("/", 1)[0]
    return f"{base}/{name}", name


def _drop_pg_database(server: str, name: str) -> None:
    admin = create_engine(server.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL (or path) of an empty registry database, once per backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "registry.db")
        return
    server = request.getfixturevalue("pg_server")
    url, name = _fresh_pg_database(server)
    try:
        yield url
    finally:
        _drop_pg_database(server, name)


@pytest.fixture
def registry(db_url: str) -> Iterator[Registry]:
    """An open, migrated, empty registry on each backend."""
    reg = open_registry(db_url)
    try:
        yield reg
    finally:
        reg.close()


# ../shared beside the repository (a CI clone and a work tree have it; a lone
# clone does not), or $ARTIKEL100_SHARED: one place, in letters_corpus.
SEED_DIR = SHARED / "seed"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    if not SEED_DIR.exists():
        pytest.skip(f"needs ../shared: the seed letter is not under {SHARED}")
    return SEED_DIR
