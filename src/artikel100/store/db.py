"""Opening the registry: a path or URL in, a migrated ``Registry`` out.

SQLite is the default (one file); a ``postgresql://`` URL gives a shared,
multi-user registry. Everything else in ``store`` talks to the database
through SQLAlchemy Core on ``Registry.engine`` and branches on
``Registry.dialect`` only where the two databases genuinely differ (the
full-text index).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from ..errors import StoreError

__all__ = ["Backoff", "Registry", "open_registry", "resolve_url", "is_transient", "first_line", "DEFAULT_DB", "ENV_DB"]

DEFAULT_DB = "artikel100.db"
ENV_DB = "ARTIKEL100_DB"


@dataclass
class Registry:
    """An open registry database.

    Attributes:
        engine: the SQLAlchemy engine.
        url: the URL it was opened with (password masked when printed).
    """

    engine: Engine
    url: str

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A transaction for writing: committed on success, rolled back on error.

        In SQLite it starts with BEGIN IMMEDIATE, taking the write lock at
        once, so two writers queue on the busy timeout instead of one failing
        when it upgrades a read lock; reads (``engine.connect()``) stay
        deferred and never block a writer in WAL mode.
        """
        with self.engine.connect() as conn:
            conn = conn.execution_options(artikel100_write=True)
            with conn.begin():
                yield conn

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def resolve_url(db: str | os.PathLike[str] | None) -> str:
    """Turn ``--db`` (a path, a URL, or nothing) into an SQLAlchemy URL.

    Nothing means ``$ARTIKEL100_DB``, then ``./artikel100.db``. A bare
    ``postgresql://`` URL is given psycopg 3 as its driver.
    """
    value = str(db) if db is not None else os.environ.get(ENV_DB) or DEFAULT_DB
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser())


def _sqlite_engine(url: str) -> Engine:
    # isolation_level=None hands transaction control to us: pysqlite's own
    # implicit BEGIN skips DDL and SELECTs, which would break per-letter
    # atomicity and the migration lock. We emit BEGIN ourselves: IMMEDIATE
    # for ``Registry.write()``, deferred for reads.
    engine = create_engine(url, connect_args={"isolation_level": None, "timeout": 60})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")  # readers don't block the writer
        cur.execute("PRAGMA synchronous=NORMAL")  # durable at checkpoints; WAL stays consistent
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        write = conn.get_execution_options().get("artikel100_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


class Backoff:
    """Doubling waits until a deadline, for a transaction worth trying again:
    ``if not backoff.wait(): raise``."""

    def __init__(self, for_s: float, first: float, most: float) -> None:
        self._deadline, self._wait, self._most = time.monotonic() + for_s, first, most

    def wait(self) -> bool:
        """Sleep before the next try; False once that would pass the deadline."""
        if time.monotonic() + self._wait > self._deadline:
            return False
        time.sleep(self._wait)
        self._wait = min(self._wait * 2, self._most)
        return True


_OPEN_WAIT = 120.0  # seconds another process may keep a new registry busy while we open it


def _migrate_waiting(registry: Registry) -> None:
    """Migrate, waiting out a lock that SQLite reports at once instead of on its busy timeout
    (another process opening the same new file, a checkpoint): the migration is one transaction."""
    from .migrations import migrate as run_migrations

    backoff = Backoff(_OPEN_WAIT, first=0.1, most=2.0)
    while True:
        try:
            run_migrations(registry)
            return
        except SQLAlchemyError as exc:
            locked = registry.dialect == "sqlite" and is_transient(exc)  # (a server that is down fails at once)
            if not locked or not backoff.wait():
                raise


def open_registry(db: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Registry:
    """Open (and by default create or migrate) the registry at ``db``.

    Raises:
        StoreError: the database cannot be opened or migrated.
    """
    url = resolve_url(db)
    try:
        if url.startswith("sqlite"):
            path = url.removeprefix("sqlite:///")
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            engine = _sqlite_engine(url)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        registry = Registry(engine, url)
        if migrate:
            _migrate_waiting(registry)
        return registry
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open the registry at {_masked(url)}: {_first_line(exc)}") from exc


def _masked(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL: show it as given
        return url


def first_line(exc: BaseException) -> str:
    """The database's own message, first line only (SQLAlchemy appends SQL and a link)."""
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


_first_line = first_line

# PostgreSQL error classes worth a retry: connection exceptions (08), the
# server shutting down or starting (57P01-57P03), serialization and deadlock.
_PG_TRANSIENT = ("08", "57P01", "57P02", "57P03", "40001", "40P01")


def is_transient(exc: BaseException) -> bool:
    """Whether a database error may pass if the same transaction is tried again.

    True for a lost or refused connection (a PostgreSQL server restarting) and
    for SQLite's "database is locked" once its busy timeout ran out; False for
    a full disk, a refused value or a broken schema, which waiting won't fix.
    """
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    orig = exc.orig
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate.startswith(_PG_TRANSIENT)
    message = str(orig).lower()
    if type(orig).__module__.startswith("psycopg"):
        # No SQLSTATE: the client lost the server ("server closed the connection", "connection refused").
        return type(orig).__name__ in ("OperationalError", "InterfaceError")
    return "database is locked" in message or "database is busy" in message
