"""The sync's exceptions, under artikel100's one base class.

    Artikel100Error
    └── SyncError                 the open data could not be synced
        ├── FetchError            a request failed after every retry
        └── BadPayload            a response that is not what the source documents
"""

from __future__ import annotations

from ..errors import Artikel100Error

__all__ = ["SyncError", "FetchError", "BadPayload"]


class SyncError(Artikel100Error):
    """The sync could not go on; ``str()`` is one line naming the URL or the setting."""


class FetchError(SyncError):
    """A request failed after every retry."""


class BadPayload(SyncError):
    """A page or file is not in the documented shape (malformed JSON, XML without records...)."""
