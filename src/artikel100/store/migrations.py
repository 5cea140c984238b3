"""Schema migrations, recorded in the database's ``schema_migrations`` table.

Each migration is a numbered function run once, in order, inside one
transaction together with the row that records it. Two processes opening a
fresh registry at once serialise on a lock (SQLite's write lock via BEGIN
IMMEDIATE, a transaction-scoped advisory lock in PostgreSQL), and the loser
finds the work done.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from sqlalchemy import Connection, inspect, select, text

from . import schema
from .db import Registry
from .search import create_index, inline_index, tune_index

__all__ = ["MIGRATIONS", "migrate", "applied_versions"]

# An arbitrary constant: the key of the advisory lock that serialises migrations.
_PG_LOCK_KEY = 100_100_2024


def _m1_initial(conn: Connection) -> None:
    """Letters, source files, texts, facts, commitment marks."""
    schema.metadata.create_all(
        conn,
        tables=[
            schema.letters,
            schema.source_files,
            schema.letter_texts,
            schema.facts,
            schema.commitment_marks,
        ],
    )


def _m2_search(conn: Connection) -> None:
    """The full-text index (FTS5 or tsvector)."""
    create_index(conn)


def _m3_fingerprint(conn: Connection) -> None:
    """letters.fingerprint, so renderings of one letter are one letter; backfilled."""
    from .ingest import fingerprint

    if "fingerprint" not in {c["name"] for c in inspect(conn).get_columns("letters")}:
        conn.execute(text("ALTER TABLE letters ADD COLUMN fingerprint VARCHAR(64)"))
        conn.execute(text("CREATE INDEX ix_letters_fingerprint ON letters (fingerprint)"))
    rows = conn.execute(
        select(schema.letters.c.id, schema.letter_texts.c.text)
        .join(schema.letter_texts, schema.letter_texts.c.letter_id == schema.letters.c.id)
        .where(schema.letters.c.fingerprint.is_(None))
    ).all()
    for letter_id, body in rows:
        conn.execute(
            schema.letters.update().where(schema.letters.c.id == letter_id).values(fingerprint=fingerprint(body))
        )


def _m4_tune_search(conn: Connection) -> None:
    """Uncompressed tsvectors in PostgreSQL (faster ranking); nothing in SQLite."""
    if conn.dialect.name == "postgresql":
        tune_index(conn)


def _m5_text_columns(conn: Connection) -> None:
    """Extracted values as TEXT in PostgreSQL (they were VARCHAR(n)); SQLite ignores lengths."""
    if conn.dialect.name == "postgresql":
        for table, columns in schema.EXTRACTED_COLUMNS.items():
            for column in columns:
                conn.execute(text(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE TEXT"))


def _m6_inline_search(conn: Connection) -> None:
    """PostgreSQL's tsvectors in a narrow table, stored inline (faster ranking); nothing in SQLite."""
    if conn.dialect.name == "postgresql":
        inline_index(conn)


def _m10_oversight_links(conn: Connection) -> None:
    """Decisions on proposed links between oversight records and later letters (issue 9)."""
    schema.metadata.create_all(conn, tables=[schema.oversight_links])


def _m15_sync_state(conn: Connection) -> None:
    """The sync's memory: documents met in the open data, and where each listing stopped."""
    schema.metadata.create_all(conn, tables=[schema.sync_documents, schema.sync_cursors])


def _m16_letter_links(conn: Connection) -> None:
    """One letter under several Kamerstukken: copies to the other chamber, newer versions."""
    schema.metadata.create_all(conn, tables=[schema.letter_links, schema.letter_kamerstukken])
def _m7_letter_layout(conn: Connection) -> None:
    """letter_layout (source text, blocks, footnotes for the web UI) and proposal_rejections."""
    schema.metadata.create_all(conn, tables=[schema.letter_layout, schema.proposal_rejections])


def _m8_views(conn: Connection) -> None:
    """SQL views with typed columns (contributions, commitments, references, deployments)."""
    from .views import create_views

    create_views(conn)


def _m9_letter_indexes(conn: Connection) -> None:
    """Indexes for the web UI's lists: letters by date and by ingest time."""
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_letters_date ON letters (date)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_letters_ingested_at ON letters (ingested_at)"))


def _m20_token_failures(conn: Connection) -> None:
    """Failed write-token attempts, shared by all server processes (issue 11)."""
    schema.metadata.create_all(conn, tables=[schema.token_failures])


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "initial tables", _m1_initial),
    (2, "full-text search", _m2_search),
    (3, "letter fingerprints", _m3_fingerprint),
    (4, "search tuning", _m4_tune_search),
    (5, "extracted values as text", _m5_text_columns),
    (6, "inline search vectors", _m6_inline_search),
    (7, "letter layout for the web UI", _m7_letter_layout),
    (8, "SQL views with typed columns", _m8_views),
    (9, "letter list indexes", _m9_letter_indexes),
    (10, "oversight links", _m10_oversight_links),
    (15, "sync state", _m15_sync_state),
    (16, "letter links and kamerstukken", _m16_letter_links),
    (20, "token failures shared by server processes", _m20_token_failures),
]


def applied_versions(conn: Connection) -> set[int]:
    if not inspect(conn).has_table("schema_migrations"):
        return set()
    return set(conn.scalars(select(schema.schema_migrations.c.version)))


def migrate(registry: Registry) -> list[int]:
    """Bring the registry's schema up to date.

    Returns:
        The versions applied now (empty when it was up to date).
    """
    with registry.write() as conn:
        if registry.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        schema.schema_migrations.create(conn, checkfirst=True)
        done = applied_versions(conn)
        applied = []
        for version, name, step in MIGRATIONS:
            if version in done:
                continue
            step(conn)
            conn.execute(
                schema.schema_migrations.insert().values(
                    version=version, name=name, applied_at=datetime.now(timezone.utc)
                )
            )
            applied.append(version)
        return applied
