"""The reader interface: one reader per input format, chosen by content."""

from __future__ import annotations

import re
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


# pdfium marks a hyphen at a line end as U+0002 or U+FFFE and leaves out the line break after
# it ("bij\ufffedrage"); a text dump of a PDF's layer keeps that mark.
_PDF_HYPHEN = re.compile("[\ufffe\x02]\n?")


def restore_hyphen_breaks(text: str) -> str:
    """Give back the line break after pdfium's hyphen mark, so that repair joins the word
    as it joins any word broken at a line end."""
    return _PDF_HYPHEN.sub("-\n", text)
