"""Plain text: OCR output or a saved letter, in UTF-8, UTF-16 or a legacy encoding."""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import NoTextFound, UnreadableInput
from ..model import PAGE_SEPARATOR, Page, RawDocument
from .base import restore_hyphen_breaks

__all__ = ["TextReader", "decode_text"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, path: Path | None = None) -> str:
    """Decode bytes of unknown encoding; UTF-8 first, then a detector.

    Raises:
        UnreadableInput: the bytes are not text in any encoding we trust.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        # UTF-16 without a BOM shows as every other byte zero.
        zeros_even = data[0:4096:2].count(0)
        zeros_odd = data[1:4096:2].count(0)
        if max(zeros_even, zeros_odd) > len(data[:4096]) // 4:
            return data.decode("utf-16-be" if zeros_even > zeros_odd else "utf-16-le", errors="replace")
        raise UnreadableInput(path, "binary data, not text")
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableInput(path, "not text in any known encoding")
    # cp1252 is what Dutch Windows writes; prefer it over near-identical guesses.
    encoding = best.encoding
    if encoding in {"latin_1", "iso8859_15", "cp1250"}:
        encoding = "cp1252"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return str(best)


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    control = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\n\r\t\f")
    return control > len(text[:20000]) * 0.01


class TextReader:
    format = "text"

    def sniff(self, head: bytes, path: Path) -> bool:
        return True  # the fallback: anything that decodes as text

    def read(self, path: Path) -> RawDocument:
        data = path.read_bytes()
        text = decode_text(data, path)
        if _looks_binary(text):
            raise UnreadableInput(path, "binary data, not text")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = restore_hyphen_breaks(text)  # a text dump of a PDF's layer
        if not text.strip():
            raise NoTextFound(path, "the file holds no text")
        pages = [Page(i + 1, t, "text") for i, t in enumerate(text.split(PAGE_SEPARATOR))]
        return RawDocument(path=path, format=self.format, pages=pages)
