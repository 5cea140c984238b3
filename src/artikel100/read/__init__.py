"""Read any supported file into a RawDocument; the reader is chosen by content.

Readers live one per module; ``READERS`` is the table they are tried in. The
first whose ``sniff`` accepts the file's first bytes reads it; plain text is
the fallback.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from ..errors import InputError, UnreadableInput
from ..model import Page, RawDocument
from .base import MAX_BYTES, Reader
from .limits import check_text, limits, mb
from .text import TextReader

__all__ = ["read_document", "read_text", "check_file", "os_problem", "READERS", "Reader", "MAX_BYTES"]

# Formats read whole into memory as text, bounded by ``max_text_bytes``.
_TEXT_FORMATS = frozenset({"text", "html"})


def _readers() -> list[Reader]:
    readers: list[Reader] = []
    # Optional readers register themselves here as they are written.
    for module, name in (
        ("pdf", "PdfReader"),
        ("image", "ImageReader"),
        ("html", "HtmlReader"),
        ("docx", "DocxReader"),
        ("unsupported", "UnsupportedReader"),
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
        UnreadableInput: missing, empty, too large, not a regular file, not
            readable by us, or in no format we read; the message says which.
        NoTextFound: readable, but without text.
    """
    path = Path(path)
    check_file(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8192)
        for reader in READERS:
            if reader.sniff(head, path):
                if reader.format in _TEXT_FORMATS and size > limits().max_text_bytes:
                    raise UnreadableInput(
                        path, f"the file is {mb(size)} of text; text letters are at most {mb(limits().max_text_bytes)}"
                    )
                raw = reader.read(path)
                break
        else:
            raise UnreadableInput(path, "not a format artikel100 reads")
    except InputError:
        raise
    except OSError as exc:
        raise UnreadableInput(path, os_problem(exc, existed=True)) from None
    raw = _sanitized(raw)
    check_text(raw.source_text, path)
    return raw


def check_file(path: Path) -> None:
    """Refuse what is not a regular, non-empty file of a letter's size, naming why."""
    try:
        info = path.stat()
    except OSError as exc:
        raise UnreadableInput(path, os_problem(exc, existed=False)) from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableInput(path, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableInput(path, "is not a regular file (a pipe, socket or device)")
    if info.st_size == 0:
        raise UnreadableInput(path, "the file is empty")
    bound = limits().max_bytes
    if info.st_size > bound:
        raise UnreadableInput(path, f"the file is {mb(info.st_size)}; letters are at most {mb(bound)}")


def os_problem(exc: OSError, existed: bool) -> str:
    """What an OSError means for the user, in a few words."""
    if exc.errno == errno.ENOENT:
        if not existed and os.path.islink(exc.filename or ""):
            return f"a broken symbolic link (to {os.readlink(exc.filename)})"
        return "the file vanished while it was being read" if existed else "no such file"
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied: artikel100 may not read this file"
    if exc.errno == errno.EISDIR:
        return "is a directory, not a file"
    if exc.errno == errno.ENOTDIR:
        return "no such file (a part of the path is not a folder)"
    if exc.errno == errno.ENAMETOOLONG:
        return "the file name is too long"
    return f"cannot be read ({exc.strerror or exc})"


# C0 controls other than tab, line feed and form feed (the page separator)
# are junk in letter text, and PostgreSQL refuses NUL in a text column.
_CONTROL = re.compile("[\x00-\x08\x0b\x0d\x0e-\x1f\x7f]")


def _sanitized(raw: RawDocument) -> RawDocument:
    """Every reader's pages without control characters and without form feeds inside a page."""
    changed = False
    pages = []
    for page in raw.pages:
        text = page.text
        if _CONTROL.search(text) or "\f" in text:
            text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n"))
            changed = True
        pages.append(Page(page.number, text, page.method) if text is not page.text else page)
    if not changed:
        return raw
    return RawDocument(path=raw.path, format=raw.format, pages=pages, flowing=raw.flowing, warnings=raw.warnings)


def read_text(text: str, path: Path | None = None) -> RawDocument:
    """Wrap text already in memory as a RawDocument (for tests and the API)."""
    from ..model import PAGE_SEPARATOR

    pages = [Page(i + 1, t, "text") for i, t in enumerate(text.split(PAGE_SEPARATOR))]
    return RawDocument(path=path, format="text", pages=pages)
