"""Read any supported file into a RawDocument; the reader is chosen by content.

Readers live one per module; ``READERS`` is the table they are tried in. The
first whose ``sniff`` accepts the file's first bytes reads it; plain text is
the fallback.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UnreadableInput
from ..model import RawDocument
from .base import MAX_BYTES, Reader
from .text import TextReader

__all__ = ["read_document", "read_text", "READERS", "Reader"]


def _readers() -> list[Reader]:
    readers: list[Reader] = []
    # Optional readers register themselves here as they are written.
    for module, name in (
        ("pdf", "PdfReader"),
        ("image", "ImageReader"),
        ("html", "HtmlReader"),
        ("docx", "DocxReader"),
    ):
        try:
            mod = __import__(f"{__name__}.{module}", fromlist=[name])
        except ImportError:
            continue
        readers.append(getattr(mod, name)())
    readers.append(TextReader())
    return readers


READERS: list[Reader] = _readers()


def read_document(path: str | Path) -> RawDocument:
    """Read a letter in any supported format.

    Raises:
        UnreadableInput: missing, empty, too large, or in no format we read.
        NoTextFound: readable, but without text.
    """
    path = Path(path)
    if not path.exists():
        raise UnreadableInput(path, "no such file")
    if path.is_dir():
        raise UnreadableInput(path, "is a directory, not a file")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableInput(path, "the file is empty")
    if size > MAX_BYTES:
        raise UnreadableInput(path, f"the file is {size // (1024 * 1024)} MB; letters are at most {MAX_BYTES // (1024 * 1024)} MB")
    with path.open("rb") as fh:
        head = fh.read(8192)
    for reader in READERS:
        if reader.sniff(head, path):
            return reader.read(path)
    raise UnreadableInput(path, "not a format artikel100 reads")


def read_text(text: str, path: Path | None = None) -> RawDocument:
    """Wrap text already in memory as a RawDocument (for tests and the API)."""
    from ..model import PAGE_SEPARATOR, Page

    pages = [Page(i + 1, t, "text") for i, t in enumerate(text.split(PAGE_SEPARATOR))]
    return RawDocument(path=path, format="text", pages=pages)
