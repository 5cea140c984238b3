"""How much one file may cost: the bounds every reader works within.

A letter is a few pages and a few hundred kilobytes; a scan of one a few tens
of megabytes. Input far beyond that is refused with one line saying which
bound it crossed, before the expensive work starts, so that memory and time
per file stay bounded whatever people feed us (a zip bomb posing as DOCX, a
1,000-page PDF, a 20 MB line of text).

The defaults can be changed for one run with ``ARTIKEL100_LIMITS``, e.g.
``ARTIKEL100_LIMITS="max_pages=50,ocr_page_timeout_s=30"``; the variable is
read on every call, so worker processes and tests see the same values.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import UnreadableInput

__all__ = ["Limits", "limits", "ENV_LIMITS", "check_text", "mb"]

ENV_LIMITS = "ARTIKEL100_LIMITS"
_MB = 1024 * 1024
_LINE_BREAK = re.compile("[\n\f]")


@dataclass(frozen=True)
class Limits:
    """Bounds per file. Sizes in bytes, times in seconds.

    Attributes:
        max_bytes: any file (a scanned PDF of a long letter is ~20 MB).
        max_text_bytes: text, HTML and XML files; read whole into memory.
        max_pages: pages of a PDF or frames of an image.
        max_ocr_pages: pages of one file that may go to OCR (~2 s each).
        ocr_page_timeout_s: one page in tesseract (a dense A4 page takes 1-3 s).
        ocr_file_budget_s: all OCR of one file.
        max_unpacked_bytes: what a DOCX (a ZIP) may unpack to, all parts together.
        max_archive_entries: parts in a DOCX (Word writes 10-50).
        max_chars: characters of text a reader may return (a long letter
            with annexes is ~300,000).
        max_line_chars: characters on one line (a paragraph is a line in
            flowing text; the longest are ~10,000).
        max_image_pixels: pixels of one page image (a poster at 300 dpi).
        max_render_pixels: pixels a PDF page is rendered at for OCR; larger
            pages are rendered at a lower resolution.
    """

    max_bytes: int = 40 * _MB
    max_text_bytes: int = 10 * _MB
    max_pages: int = 500
    max_ocr_pages: int = 150
    ocr_page_timeout_s: float = 120.0
    ocr_file_budget_s: float = 1800.0
    max_unpacked_bytes: int = 100 * _MB
    max_archive_entries: int = 5000
    max_chars: int = 2_000_000
    max_line_chars: int = 100_000
    max_image_pixels: int = 120_000_000
    max_render_pixels: int = 60_000_000


def limits() -> Limits:
    """The limits in force: the defaults, changed by ``$ARTIKEL100_LIMITS``.

    A malformed variable is ignored field by field: a limit must never make
    reading fail for a reason that is not the file's.
    """
    spec = os.environ.get(ENV_LIMITS, "").strip()
    if not spec:
        return _DEFAULT
    fields = {f.name: f.type for f in dataclasses.fields(Limits)}
    changes: dict[str, int | float] = {}
    for item in spec.split(","):
        name, _, value = item.partition("=")
        name = name.strip()
        if name not in fields:
            continue
        try:
            number = float(value)
        except ValueError:
            continue
        if number > 0:
            changes[name] = number if fields[name] in ("float", float) else int(number)
    return dataclasses.replace(_DEFAULT, **changes)  # type: ignore[arg-type]


_DEFAULT = Limits()


def mb(size: int) -> str:
    """``12.3 MB`` for a size in bytes (whole megabytes from 10 MB up)."""
    value = size / _MB
    return f"{value:.0f} MB" if value >= 10 or value == int(value) else f"{value:.1f} MB"


def check_text(text: str, path: str | Path | None) -> None:
    """Refuse text a reader returned that no letter would have.

    Raises:
        UnreadableInput: more than ``max_chars`` characters, or a line longer
            than ``max_line_chars`` (the later stages' cost grows with both).
    """
    bound = limits()
    if len(text) > bound.max_chars:
        raise UnreadableInput(
            path, f"the text is {len(text):,} characters long; a letter has at most {bound.max_chars:,}"
        )
    longest = max(map(len, _LINE_BREAK.split(text)), default=0)
    if longest > bound.max_line_chars:
        raise UnreadableInput(
            path, f"one line is {longest:,} characters long; a letter's lines have at most {bound.max_line_chars:,}"
        )
