"""Sync from the open data: every artikel 100-brief without downloading by hand.

``sync(registry, options, client, endpoints)`` lists the government letters
of the given dossiers in the Tweede Kamer's Gegevensmagazijn (OData v4) and
the Kamerstukken of the same dossiers in officielebekendmakingen (SRU),
fetches each new or changed letter's best file once, and ingests it through
the normal flow, with the publisher's metadata stored beside the facts and
compared with them. ``sync_status`` reports the sync's state from the
registry alone. The formats followed are described in
``shared/research/open-data.md``.

Modules: ``http`` (the polite client), ``endpoints`` (URLs and mirrors),
``odata`` and ``sru`` (the two listings), ``state`` (the registry rows),
``fetch`` (the best file), ``compare`` (metadata against extraction),
``run`` (one run), ``status``.
"""

from __future__ import annotations

from .endpoints import ENV_KOOP_URL, ENV_URL, KOOP_ROOT, TK_ODATA, Endpoints
from .errors import BadPayload, FetchError, SyncError
from .http import Politeness, PoliteClient, user_agent
from .odata import Dossier
from .run import DocumentOutcome, DossierReport, SyncOptions, SyncReport, default_cache, sync
from .status import SyncStatus, sync_status

__all__ = [
    "sync",
    "sync_status",
    "SyncOptions",
    "SyncReport",
    "DossierReport",
    "DocumentOutcome",
    "SyncStatus",
    "Dossier",
    "Endpoints",
    "Politeness",
    "PoliteClient",
    "user_agent",
    "default_cache",
    "SyncError",
    "FetchError",
    "BadPayload",
    "TK_ODATA",
    "KOOP_ROOT",
    "ENV_URL",
    "ENV_KOOP_URL",
]
