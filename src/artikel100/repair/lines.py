"""Split source text into lines with their source offsets and pages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import RawDocument

__all__ = ["Line", "split_lines", "typical_width", "TERMINAL", "is_terminated", "is_dense"]

# Characters that end a sentence or a paragraph-level unit.
TERMINAL = ".:;?!)”\"'’"


@dataclass
class Line:
    """One source line, stripped of surrounding white space.

    ``start``/``end`` are source offsets of the stripped text; ``indented``
    says the line began with white space (some OCR engines mark a page's
    first lines that way); ``page_break_before`` is set where a page ends.
    """

    text: str
    start: int
    end: int
    page: int
    indented: bool = False
    page_break_before: bool = False
    kind: str = "body"  # body | blank | furniture | footnote | header
    label: str | None = None  # a header line's field ("dossier", "date", ...; see repair.header)
    group: int | None = None  # header lines of one field share a group

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(raw: RawDocument) -> list[Line]:
    """All lines of all pages; a form feed between pages sets ``page_break_before``."""
    lines: list[Line] = []
    for page, page_start in zip(raw.pages, raw.page_starts()):
        first = True
        for m in re.finditer(r"[^\n]*", page.text):
            if m.start() > 0 and m.start() == m.end() and page.text[m.start() - 1 : m.start()] != "\n":
                continue  # finditer's empty match after a line's end
            raw_line = m.group()
            stripped = raw_line.strip()
            lead = len(raw_line) - len(raw_line.lstrip())
            start = page_start + m.start() + lead
            line = Line(
                text=stripped,
                start=start,
                end=start + len(stripped),
                page=page.number,
                indented=lead > 0 and bool(stripped),
                page_break_before=first and page.number > 1,
                kind="body" if stripped else "blank",
            )
            first = False
            lines.append(line)
    return lines


def typical_width(lines: list[Line]) -> int:
    """The length of a full line of running text: a high percentile of body lines."""
    lengths = sorted(len(l.text) for l in lines if l.kind == "body" and len(l.text) > 20)
    if len(lengths) < 5:
        return 80
    return lengths[int(len(lengths) * 0.8)]


def is_terminated(text: str) -> bool:
    """True when a line ends a sentence (or a signature line ends with a comma)."""
    return bool(text) and text[-1] in TERMINAL


def is_dense(lines: list[Line]) -> bool:
    """True for text without blank lines between paragraphs, as PDF text layers give it."""
    filled = sum(1 for l in lines if not l.blank)
    return filled >= 30 and sum(1 for l in lines if l.blank) < 0.05 * filled
