"""Sentences of the cleaned text with their offsets and the block they sit in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Block, CleanDocument

__all__ = ["Sentence", "split_sentences", "block_lines"]

# A sentence ends at . ? ! followed by space and a capital, an opening bracket or a digit,
# but not after abbreviations Dutch letters use ("d.d.", "nr.", "o.a.", "jl.", "c.s.").
# After "!" not before "(": OCR reads a closing quote as "!" ("Assistance Force! (ISAF)").
_END = re.compile(r"(?<=[.?])[)”’\"]?\s+(?=[A-Z0-9ÀÉÖÜ(‘“'\"])|(?<=!)[)”’\"]?\s+(?=[A-Z0-9ÀÉÖÜ‘“'\"])")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:d\.d|nr|nrs|o\.a|jl|a\.s|c\.s|m\.b\.t|t\.a\.v|i\.v\.m|z\.s\.m|e\.d|bijv|incl|excl|ca|vgl|art|blz|mr|dr|ir|drs|prof|mln|mld|resp|St|dhr|mw|Zr|Hr|Ms|Zr\.\s?Ms|Hr\.\s?Ms)\.|\b[A-Z]\.)$"
)
_ABBREVIATION_SPAN = 16  # more than the longest abbreviation, "Zr. Ms." (their matches end at the full stop)

# "... met ingang van 1 oktober a.s. De terugtrekking ...": a date's "jl." or "a.s." often ends
# the sentence; it does when a word that opens sentences follows.
_DATE_ABBREVIATION = re.compile(r"\b(?:jl|a\.s)\.$")
_OPENER = re.compile(
    r"(?:De|Het|Dit|Deze|Dat|Die|Daarnaast|Daarom|Daarbij|Ook|Zij|Ze|Wij|We|Nederland|Tijdens"
    r"|Sinds|Vanaf|Er|Hierbij|Hiermee|Verder|Tevens|Voorts|Uw|Ik|Inmiddels|Op dit|In de|In het)\b"
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    block_kind: str
    footnote: int | None = None  # the footnote number when the sentence is in one
    block_start: int = 0  # start of the paragraph the sentence belongs to


def split_sentences(doc: CleanDocument, body_end: int | None = None) -> list[Sentence]:
    """All sentences of paragraphs and footnotes (headings and header lines left out)."""
    out: list[Sentence] = []
    for block in doc.blocks:
        if block.kind not in ("paragraph", "footnote"):
            continue
        if body_end is not None and block.kind == "paragraph" and block.start >= body_end:
            continue
        text = doc.text[block.start : block.end]
        pos = 0
        for m in _END.finditer(text):
            # (speed: the abbreviations end where the sentence would, so they are searched for in
            # its last characters only; re still reads the character before them for \b)
            tail = max(0, m.start() - _ABBREVIATION_SPAN)
            date_end = _DATE_ABBREVIATION.search(text, tail, m.start()) and _OPENER.match(text, m.end())
            if _ABBREVIATIONS.search(text, tail, m.start()) and not date_end:
                continue
            _add(out, doc.text, block.start + pos, block.start + m.start() + _closing(m.group()), block)
            pos = m.end()
        _add(out, doc.text, block.start + pos, block.end, block)
    return out


def _closing(gap: str) -> int:
    """Length of a closing quote or bracket kept with the sentence it ends."""
    return len(gap) - len(gap.lstrip(")”’\""))


def _add(out: list[Sentence], text: str, start: int, end: int, block: Block) -> None:
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(text[start:end], start, end, block.kind, block.number, block.start))


def block_lines(doc: CleanDocument) -> list[Sentence]:
    """Every block except footnotes and the letter's header as one unit: headings
    and table rows, which sentences leave out, for the readers of tables."""
    return [
        Sentence(doc.text[b.start : b.end], b.start, b.end, b.kind, None, b.start)
        for b in doc.blocks
        if b.kind not in ("footnote", "header", "title")
    ]
