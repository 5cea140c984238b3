"""Formats people send that are not letters we read, named so the message helps.

Without this a gzip file or a program would be read as text and refused as
"binary data"; saying what the file is tells the user what to do instead.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UnreadableInput
from ..model import RawDocument

__all__ = ["UnsupportedReader", "KNOWN_FORMATS", "known_format"]

_SAVE_AS = "save it as .docx or PDF"

# (magic at offset 0, what the file is, what to do)
KNOWN_FORMATS: tuple[tuple[bytes, str], ...] = (
    (b"{\\rtf", f"an RTF document; {_SAVE_AS}"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
    (b"BZh91AY&SY", "a bzip2 archive; unpack it first"),
    (b"\xfd7zXZ\x00", "an xz archive; unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it first"),
    (b"Rar!\x1a\x07", "a RAR archive; unpack it first"),
    (b"\x7fELF", "a program (ELF), not a letter"),
    (b"MZ", "a Windows program, not a letter"),
    (b"SQLite format 3\x00", "an SQLite database, not a letter (use it with --db)"),
    (b"\x00\x00\x00\x0cjP  ", "a JPEG 2000 image; save it as PNG, TIFF or PDF"),
    (b"%!PS", "a PostScript file; print it to PDF first"),
)


class UnsupportedReader:
    """Refuses known non-letter formats with a message that names them."""

    format = "unsupported"

    def sniff(self, head: bytes, path: Path) -> bool:
        return _what(head) is not None

    def read(self, path: Path) -> RawDocument:
        """Raises:
        UnreadableInput: always, saying what the file is.
        """
        with path.open("rb") as fh:
            head = fh.read(8192)
        raise UnreadableInput(path, _what(head) or "not a format artikel100 reads")


def known_format(head: bytes) -> str | None:
    """What a file with these first bytes is, when it is a known non-letter format (else None)."""
    return _what(head)


def _what(head: bytes) -> str | None:
    for magic, what in KNOWN_FORMATS:
        if head.startswith(magic):
            # "MZ" can open a text; a Windows program has its PE header where byte 60 says.
            if magic == b"MZ" and not _is_pe(head):
                continue
            return what
    return None


def _is_pe(head: bytes) -> bool:
    if len(head) < 64:
        return False
    at = int.from_bytes(head[60:64], "little")
    return head[at : at + 4] == b"PE\x00\x00"
