"""Extract: facts with spans from a cleaned letter."""

from __future__ import annotations

from ..facts import Extraction, LetterInfo
from ..model import CleanDocument

__all__ = ["extract"]


def extract(doc: CleanDocument) -> Extraction:
    return Extraction(text=doc.text, letter=LetterInfo())
