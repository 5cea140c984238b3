"""Repair: raw reader output in, clean structured text out."""

from __future__ import annotations

from ..model import Block, CleanDocument, OffsetMap, RawDocument

__all__ = ["repair"]


def repair(raw: RawDocument) -> CleanDocument:
    text = raw.source_text
    offsets = OffsetMap()
    offsets.add(0, len(text), 0, len(text))
    return CleanDocument(text=text, blocks=[Block("paragraph", 0, len(text))], offsets=offsets, raw=raw)
