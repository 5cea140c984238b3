"""The registry's tables, in SQLAlchemy Core, shared by SQLite and PostgreSQL.

One row per letter (keyed by the hash of its cleaned text, so the same letter
read from a PDF and from a text file is one letter), one row per source file
(keyed by the hash of its bytes, which is what makes ingest idempotent), the
cleaned text with its offset map, and one row per fact.

Facts are stored generically: the full fact as JSON (``data``, spans
included, exactly ``Extraction.to_json()``'s item) plus the few columns the
queries filter on (``mission``, ``ref``, ``date``). Derived views such as
deployments are computed on read by ``merge`` rather than stored, so an
improvement to the merge rules never leaves stale rows behind.

The full-text index is dialect specific (an FTS5 virtual table in SQLite, a
tsvector column in PostgreSQL) and is created by ``migrations``, not here.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

__all__ = [
    "metadata",
    "schema_migrations",
    "letters",
    "source_files",
    "letter_texts",
    "facts",
    "commitment_marks",
    "FACT_KINDS",
    "EXTRACTED_COLUMNS",
]

metadata = MetaData()

# Values that come from extraction are Text, not VARCHAR(n): PostgreSQL
# enforces lengths (SQLite does not), and a letter must never be refused
# because its place or title ran longer than we guessed.
EXTRACTED_COLUMNS = {
    "letters": ["date", "addressee", "kamerstuk", "place"],
    "facts": ["mission", "ref", "date"],
}

# The Extraction list attributes that become fact rows, singular kind names.
FACT_KINDS: dict[str, str] = {
    "missions": "mission",
    "contributions": "contribution",
    "costs": "cost",
    "references": "reference",
    "commitments": "commitment",
    "events": "event",
    "risks": "risk",
    "findings": "finding",
}

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

letters = Table(
    "letters",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("text_sha256", String(64), nullable=False, unique=True),
    # The letter's words without punctuation, numbers and layout: the same
    # letter read from a PDF, its text layer and its OCR often differ only there.
    Column("fingerprint", String(64), index=True),
    Column("date", Text),  # YYYY, YYYY-MM or YYYY-MM-DD, as precise as the letter
    Column("addressee", Text),
    Column("kamerstuk", Text, index=True),
    Column("title", Text),
    Column("place", Text),
    Column("letter_json", Text, nullable=False),  # LetterInfo with signatories and spans
    Column("status", String(10), nullable=False),  # "success" | "partial"
    Column("warnings", Text, nullable=False, default="[]"),
    Column("extractor_version", String(40), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

source_files = Table(
    "source_files",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("letter_id", Integer, ForeignKey("letters.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("path", Text, nullable=False),  # where it was first seen
    Column("format", String(10), nullable=False),
    Column("size", Integer, nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False),
)

letter_texts = Table(
    "letter_texts",
    metadata,
    Column("letter_id", Integer, ForeignKey("letters.id", ondelete="CASCADE"), primary_key=True),
    Column("text", Text, nullable=False),
    Column("offsets", Text, nullable=False),  # JSON list of [clean0, clean1, source0, source1]
    Column("page_starts", Text, nullable=False),  # JSON list: source offset of each page
)

facts = Table(
    "facts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("letter_id", Integer, ForeignKey("letters.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("ordinal", Integer, nullable=False),  # position in the Extraction list
    Column("mission", Text),  # Mission.id / Contribution.mission
    Column("ref", Text),  # Reference.kamerstuk
    Column("date", Text),  # contribution end, commitment due, event date
    Column("data", Text, nullable=False),  # the fact as JSON, spans included
    UniqueConstraint("letter_id", "kind", "ordinal"),
    Index("ix_facts_kind_mission", "kind", "mission"),
    Index("ix_facts_kind_ref", "kind", "ref"),
)

# A user's decision that a commitment was fulfilled. Keyed by the letter's text
# hash and the commitment's text, not by fact id, so it survives re-extraction.
commitment_marks = Table(
    "commitment_marks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("letter_sha256", String(64), nullable=False),
    Column("commitment_text", Text, nullable=False),
    Column("done", Boolean, nullable=False, default=True),
    Column("by_letter_sha256", String(64)),
    Column("marked_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("letter_sha256", "commitment_text"),
)
