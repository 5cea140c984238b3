"""The reader interface: one reader per input format, chosen by content."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..model import RawDocument

__all__ = ["Reader", "MAX_BYTES"]

# A letter is a few hundred kilobytes at most; a PDF scan a few tens of megabytes.
MAX_BYTES = 40 * 1024 * 1024


class Reader(Protocol):
    """Reads one format into a RawDocument."""

    format: str

    def sniff(self, head: bytes, path: Path) -> bool:
        """True when ``head`` (the first bytes of the file) looks like this format."""

    def read(self, path: Path) -> RawDocument:
        """Read the file; raise an ``InputError`` subclass naming the file on bad input."""
