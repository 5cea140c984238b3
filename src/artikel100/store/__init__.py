"""The registry: every letter's facts in one database, merged into deployments.

``open_registry(db)`` opens (and migrates) a SQLite file or a PostgreSQL URL;
``ingest`` stores letters; ``merge`` folds contributions from many letters
into deployments with a history; ``queries`` answers the commands' questions;
``search`` is full-text search; ``export`` writes everything out.
"""

from __future__ import annotations

from .db import Registry, open_registry, resolve_url
from .ingest import IngestReport, collect_paths, extractor_version, ingest, ingest_extraction

__all__ = [
    "Registry",
    "open_registry",
    "resolve_url",
    "IngestReport",
    "collect_paths",
    "extractor_version",
    "ingest",
    "ingest_extraction",
]
