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
    Float,
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
    "letter_links",
    "letter_kamerstukken",
    "sync_documents",
    "sync_cursors",
    "oversight_links",
    "letter_layout",
    "proposal_rejections",
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
    # Oversight (issue 9)
    "coverage_points": "coverage_point",
    "red_card_holders": "red_card_holder",
    "monitoring_visits": "monitoring_visit",
    "observations": "observation",
    "follow_ups": "follow_up",
    "evaluations": "evaluation",
    "responses": "response",
    "motions": "motion",
    "debates": "debate",
    "tasks": "task",
    "areas": "area",
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


# --- One letter, several Kamerstukken (sync, issue 10) -----------------------
# The same letter sent to both chambers is two publications (29521-501 and
# 29521-K) but one letter: the copy points at the letter it repeats and is left
# out of deployments and commitments. A letter replaced by a later version of
# the same document (a Word draft, then the final PDF) points at it the same way.
letter_links = Table(
    "letter_links",
    metadata,
    Column("letter_id", Integer, ForeignKey("letters.id", ondelete="CASCADE"), primary_key=True),
    Column("same_as", Integer, ForeignKey("letters.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("reason", String(20), nullable=False),  # "other chamber" | "newer version"
    Column("linked_at", DateTime(timezone=True), nullable=False),
)

# The Kamerstuk numbers a letter is published under, as the publisher's
# metadata gives them (extraction's own reading stays in letters.kamerstuk).
letter_kamerstukken = Table(
    "letter_kamerstukken",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("letter_id", Integer, ForeignKey("letters.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kamerstuk", Text, nullable=False, index=True),  # "29521-501", "29521-K"
    Column("chamber", Text),  # "Tweede Kamer" | "Eerste Kamer"
    Column("source", String(20), nullable=False),  # "metadata"
    UniqueConstraint("letter_id", "kamerstuk"),
)

# --- Sync state (issue 10) ---------------------------------------------------
# One row per publication met in the open data: a Tweede Kamer Document, its
# officielebekendmakingen twin, or an Eerste Kamer Kamerstuk. ``key`` is the
# KOOP id ("kst-29521-501") when there is one, else "tk:<guid>". The row is
# the sync's memory: what the sources said (metadata), which file was fetched
# (with its ETag), which letter it became, and where the two disagree.
sync_documents = Table(
    "sync_documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(200), nullable=False, unique=True),
    Column("dossier", String(40), nullable=False, index=True),
    Column("kamerstuk", Text),
    Column("chamber", Text),
    Column("date", Text),
    Column("title", Text),
    Column("tk_id", String(64), index=True),
    Column("koop_id", String(200)),
    Column("tk_meta", Text),  # the OData Document as JSON
    Column("koop_meta", Text),  # the SRU record's fields as JSON
    Column("signatories", Text, nullable=False, default="[]"),  # [{"name", "role", "relation"}]
    Column("changed", Text),  # the sources' change stamps, JSON {"tk": ..., "koop": ...}
    # pending | stored | nofile | rejected | deleted
    Column("state", String(10), nullable=False),
    Column("deleted_at", DateTime(timezone=True)),
    Column("file_url", Text),
    Column("file_format", String(10)),
    Column("file_sha256", String(64)),
    Column("file_path", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("fetched_for", Text),  # ``changed`` when the file was fetched
    # Candidates found wanting for a change stamp ({"for": changed, "urls": {url: why}}),
    # so a resumed run does not fetch them again.
    Column("skipped", Text),
    Column("letter_id", Integer, ForeignKey("letters.id", ondelete="SET NULL"), index=True),
    Column("disagreements", Text, nullable=False, default="[]"),
    Column("error", Text),
    Column("attempts", Integer, nullable=False, default=0),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Where each listing stopped: the last change stamp seen, per source and query.
sync_cursors = Table(
    "sync_cursors",
    metadata,
    Column("name", String(200), primary_key=True),  # "odata:29521", "sru:29521"
    Column("value", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)


# A user's decision on a proposed link between an oversight record (a monitoring
# visit, a follow-up, an evaluation) and the later letter that reports on it.
# Keyed like commitment marks, by text hashes and the record's text, so it
# survives re-extraction.
oversight_links = Table(
    "oversight_links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("letter_sha256", String(64), nullable=False),
    Column("kind", String(20), nullable=False),  # "monitoring_visit" | "follow_up" | "evaluation"
    Column("record_text", Text, nullable=False),
    Column("by_letter_sha256", String(64), nullable=False),
    Column("status", String(10), nullable=False),  # "confirmed" | "rejected"
    Column("marked_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("letter_sha256", "kind", "record_text", "by_letter_sha256"),
)


# What the web UI shows of a letter beyond its text (migration 7): the source
# text, so the repair view can set source beside clean through the offset map,
# and the blocks and footnotes repair found (paragraph pages, footnote links).
letter_layout = Table(
    "letter_layout",
    metadata,
    Column("letter_id", Integer, ForeignKey("letters.id", ondelete="CASCADE"), primary_key=True),
    Column("source_text", Text, nullable=False),
    Column("blocks", Text, nullable=False),  # JSON list of [kind, start, end, number]
    Column("footnotes", Text, nullable=False),  # JSON list of [number, start, end, marker_at]
)

# A user's decision that a later letter proposed as fulfilling a commitment
# does not (migration 7). Keyed by text hashes and the commitment's text, like
# ``commitment_marks``, so it survives re-extraction.
proposal_rejections = Table(
    "proposal_rejections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("letter_sha256", String(64), nullable=False),
    Column("commitment_text", Text, nullable=False),
    Column("proposed_sha256", String(64), nullable=False),
    Column("rejected_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("letter_sha256", "commitment_text", "proposed_sha256"),
)


# Failed write-token attempts by client address (migration 20), kept in the registry so
# that every process of ``serve --workers N`` (and every host in front of one database)
# counts the same attempts. ``at`` is seconds since the epoch; rows older than the
# throttle's window are deleted as new attempts come in.
token_failures = Table(
    "token_failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("client", String(64), nullable=False),
    Column("at", Float, nullable=False),
    Index("ix_token_failures_client_at", "client", "at"),
    Index("ix_token_failures_at", "at"),
)
