"""The typed document that flows through the stages: read -> repair -> structure.

``RawDocument`` is what a reader returns: the source text of every page, joined
with form feeds into one ``source_text`` whose offsets are the "source offsets"
of provenance. ``CleanDocument`` is what repair returns: the canonical cleaned
text that every fact's span points into, with an ``OffsetMap`` back to the
source offsets (and through them to pages).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

__all__ = [
    "Page",
    "RawDocument",
    "OffsetMap",
    "Block",
    "BlockKind",
    "Footnote",
    "Repair",
    "CleanDocument",
]

PAGE_SEPARATOR = "\f"


@dataclass(frozen=True)
class Page:
    """One page of source text.

    Attributes:
        number: 1-based page number.
        text: the page's text as the reader got it (OCR output, text layer, ...).
        method: how the text was obtained: "text", "pdf-text", "ocr", "html", "docx".
    """

    number: int
    text: str
    method: str = "text"


@dataclass
class RawDocument:
    """What a reader returns.

    Attributes:
        path: the file read, or None for text given directly.
        format: the detected format ("text", "pdf", "image", "html", "xml", "docx").
        pages: the pages in order.
        flowing: True when the reader already knows paragraphs and footnotes
            (HTML, XML, DOCX): each line is a whole paragraph, footnotes follow
            the body as ``N text`` lines, and repair must not re-flow lines.
        warnings: problems met on the way that did not stop reading (a page
            that failed OCR, an undecodable byte).
    """

    path: Path | None
    format: str
    pages: list[Page]
    flowing: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def source_text(self) -> str:
        """All pages joined by form feeds; the coordinate system of source offsets."""
        return PAGE_SEPARATOR.join(p.text for p in self.pages)

    def page_starts(self) -> list[int]:
        """Source offset at which each page starts."""
        starts, pos = [], 0
        for page in self.pages:
            starts.append(pos)
            pos += len(page.text) + len(PAGE_SEPARATOR)
        return starts

    def page_of(self, source_offset: int) -> int:
        """The 1-based page number that holds a source offset."""
        return bisect.bisect_right(self.page_starts(), source_offset)


@dataclass
class OffsetMap:
    """Maps offsets in the cleaned text back to source offsets.

    ``segments`` holds ``(clean_start, clean_end, source_start, source_end)``
    runs in clean order. A run copied verbatim has equal lengths; a repaired
    run (``0IR`` -> ``OIR``, a joined hyphen) maps its clean characters onto
    the source characters it replaced; inserted glue (a space that joins two
    lines) maps onto the source characters it stands for (the newline).
    """

    segments: list[tuple[int, int, int, int]] = field(default_factory=list)

    def add(self, clean_start: int, clean_end: int, source_start: int, source_end: int) -> None:
        self.segments.append((clean_start, clean_end, source_start, source_end))

    def to_source(self, clean_offset: int) -> int:
        """The source offset of the character at ``clean_offset``."""
        if not self.segments:
            return clean_offset
        i = max(0, bisect.bisect_right(self._starts(), clean_offset) - 1)
        c0, c1, s0, s1 = self.segments[i]
        if c1 - c0 == s1 - s0:
            return s0 + min(clean_offset - c0, max(0, s1 - s0 - 1)) if clean_offset < c1 else s1
        if clean_offset >= c1:
            return s1
        return s0 + (clean_offset - c0) * (s1 - s0) // max(1, c1 - c0)

    def _starts(self) -> list[int]:
        """The segments' clean starts, kept while the segments only grow (speed: every
        offset looked up built the list again)."""
        segments = self.segments
        cached = self.__dict__.get("_starts_cache")  # not a field: equality and repr stay the segments'
        if cached is None or cached[0] is not segments or cached[1] != len(segments):
            cached = (segments, len(segments), [s[0] for s in segments])
            self.__dict__["_starts_cache"] = cached
        return cached[2]

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """A half-open clean span as a half-open source span."""
        s = self.to_source(start)
        e = self.to_source(max(start, end - 1)) + 1
        return s, max(s, e)


BlockKind = Literal["title", "header", "heading", "paragraph", "signature", "footnote", "furniture"]


@dataclass(frozen=True)
class Block:
    """A paragraph-level piece of the cleaned text, ``text[start:end]``."""

    kind: BlockKind
    start: int
    end: int
    number: int | None = None  # the footnote number, for footnotes
    label: str | None = None  # a header block's field: "dossier", "number", "date", "subject", ...


@dataclass(frozen=True)
class Footnote:
    """A footnote: its number, its text span, and where its marker stood."""

    number: int
    start: int
    end: int
    marker_at: int | None  # clean offset of the end of the word that carried the marker


@dataclass(frozen=True)
class Repair:
    """One change repair made, for audit: what the source said and what we wrote."""

    kind: str
    source_start: int
    source_end: int
    before: str
    after: str


@dataclass
class CleanDocument:
    """The repaired text of a letter with its map back to the source."""

    text: str
    blocks: list[Block]
    offsets: OffsetMap
    raw: RawDocument
    footnotes: list[Footnote] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span_to_source(start, end)

    def page_of(self, clean_offset: int) -> int:
        return self.raw.page_of(self.offsets.to_source(clean_offset))

    def blocks_of(self, kind: BlockKind) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]
