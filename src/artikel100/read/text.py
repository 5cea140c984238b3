"""Plain text: OCR output or a saved letter, in UTF-8, UTF-16 or a legacy encoding."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import NoTextFound, UnreadableInput
from ..model import PAGE_SEPARATOR, Page, RawDocument
from .base import restore_hyphen_breaks

__all__ = ["TextReader", "decode_text"]

# UTF-32's BOMs begin with UTF-16's: test them first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 4096
_CONTROL_BYTES = bytes(c for c in range(32) if c not in b"\t\n\r\f")


def decode_text(data: bytes, path: Path | None = None) -> str:
    """Decode bytes of unknown encoding.

    In order: a byte-order mark; UTF-32 or UTF-16 without one (recognised by
    where the zero bytes fall); UTF-8; then a detector for the legacy 8-bit
    encodings (cp1252 and its relatives, Mac Roman, DOS code pages).

    Raises:
        UnreadableInput: the bytes are not text in any encoding we trust.
    """
    if not data.strip(b"\x00"):
        raise UnreadableInput(path, "the file holds only NUL bytes (an unfinished download or copy?)")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc)
            except UnicodeDecodeError:
                data = data[len(bom) :]  # a BOM over damaged text: judge the rest on its own
                break
    wide = _wide_encoding(data)
    if wide is not None:
        try:
            return data.decode(wide)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:_SAMPLE]:
        raise UnreadableInput(path, "binary data, not text")
    sample = data[:_SAMPLE * 4]
    if sum(sample.count(c) for c in _CONTROL_BYTES) > len(sample) // 100:
        raise UnreadableInput(path, "binary data, not text")  # no 8-bit text has control bytes
    western = _western(data)
    if western is not None:
        return data.decode(western)
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableInput(path, "not text in any known encoding")
    try:
        return data.decode(best.encoding)
    except UnicodeDecodeError:
        return str(best)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-32 or UTF-16 without a BOM, told by the zero bytes of mostly-Latin text.

    Dutch text is nearly all ASCII, so in UTF-16-LE every odd byte is zero and
    almost no even one; in UTF-32-LE three bytes of every four.
    """
    sample = data[: _SAMPLE - _SAMPLE % 4]
    if len(sample) < 8 or sample.count(0) < len(sample) // 3:
        return None

    def zero_share(offset: int, step: int) -> float:
        column = sample[offset::step]
        return column.count(0) / len(column)

    if len(data) % 4 == 0:
        shares = [zero_share(i, 4) for i in range(4)]
        if shares[0] < 0.2 and min(shares[1:]) > 0.9 and shares[2] > 0.99:
            return "utf-32-le"
        if shares[3] < 0.2 and min(shares[:3]) > 0.9 and shares[1] > 0.99:
            return "utf-32-be"
    if len(data) % 2 == 0:
        even, odd = zero_share(0, 2), zero_share(1, 2)
        if odd > 0.6 and even < 0.2:
            return "utf-16-le"
        if even > 0.6 and odd < 0.2:
            return "utf-16-be"
    return None


# The 8-bit encodings Dutch letters were saved in: Windows, old Macs, DOS.
_WESTERN = ("cp1252", "mac_roman", "cp850")
_WORD = re.compile(r"\w+")
# cp1252 leaves these five bytes undefined; bytes with none of them decode.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _western(data: bytes) -> str | None:
    """The Western 8-bit encoding under which the most words with accents are real words.

    Detectors guess these poorly on short texts (they tell them apart by
    letter statistics, and "beëindiging" in cp850 looks like "be‰indiging" in
    cp1252 to them); a lexicon settles it. None when no word with an accent is
    a known word under any of them.
    """
    from wordfreq import zipf_frequency  # imported late: loading it takes 0.1 s

    best, best_score = None, 0
    for encoding in _WESTERN:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        words = [w for w in _WORD.findall(text[:100_000]) if not w.isascii()][:100]
        score = sum(1 for w in words if any(zipf_frequency(w, lang) >= 1.5 for lang in ("nl", "en", "fr", "de")))
        if score > best_score:
            best, best_score = encoding, score
    if best == "cp1252" and b"\xa4" in data and not any(0x80 <= b <= 0x9F for b in data):
        # ISO 8859-15 is cp1252 but for the euro sign at 0xA4 (cp1252: "¤",
        # which no letter uses) and nothing at 0x80-0x9F.
        return "iso8859_15"
    if best is None and not _CP1252_UNDEFINED.intersection(data):
        # No word with an accent to judge by (only curly quotes, say): what
        # Dutch Windows writes is the best guess.
        return "cp1252"
    return best


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
