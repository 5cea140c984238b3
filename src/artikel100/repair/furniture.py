"""Page furniture: page numbers, running headers and footers, page breaks.

Marks lines as ``furniture`` (left out of the cleaned text) and sets
``page_break_before`` where a page ends in text that has no form feeds (OCR
output saved as one stream shows a page break as a run of blank lines or as a
lone page number).
"""

from __future__ import annotations

import re
from collections import Counter

from .lines import Line

__all__ = ["mark_furniture", "mark_repeated"]

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:pagina|page|blad|p\.)\s*)?\d{1,3}(?:\s*(?:/|van|of)\s*\d{1,3})?(?:\s*[-–—])?$",
    re.IGNORECASE,
)
# "Tweede Kamer, vergaderjaar 2023–2024, 27 925, nr. 946" and its Eerste Kamer twin; the
# kst print's first-page masthead ("Tweede Kamer der Staten-Generaal 2", "Vergaderjaar
# 2011–2012") and footer ("kst-27925-452 ISSN 0921 - 7371 's-Gravenhage 2012"); a
# ministry letter's "Pagina 2 van 6".
_RUNNING_HEADER = re.compile(
    r"^(?:(?:Tweede|Eerste) Kamer,? (?:der Staten-Generaal,? )?vergaderjaar \d{4}\s*[–-]\s*\d{4}"
    r"|(?:Tweede|Eerste) Kamer der Staten-Generaal \d?$"
    r"|Vergaderjaar \d{4}\s*[–-]\s*\d{4}$"
    r"|kst-\d+(?:-[A-Z]+)?-\d+\b.*(?:ISSN|Gravenhage)"
    r"|ISSN \d{4}\s*[–-]\s*\d{4}\b.*(?:Gravenhage|Den Haag)\s*\d{4}$"
    r"|(?:Pagina|Blad) \d+ van \d+$)",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


def _norm(text: str) -> str:
    return _DIGITS.sub("#", text.casefold()).strip()


def mark_furniture(lines: list[Line]) -> None:
    """Mark page numbers and running headers; infer page breaks.

    Run before footnote detection, so a footer line is never read as part of a
    footnote; ``mark_repeated`` runs after it.
    """
    _infer_page_breaks(lines)
    _mark_page_numbers(lines)
    for line in lines:
        if line.kind == "body" and _RUNNING_HEADER.match(line.text):
            line.kind = "furniture"


def _neighbours_blank(lines: list[Line], i: int) -> bool:
    before = i == 0 or lines[i - 1].blank or lines[i].page_break_before
    after = i + 1 >= len(lines) or lines[i + 1].blank or lines[i + 1].page_break_before
    return before and after


def _mark_page_numbers(lines: list[Line]) -> None:
    for i, line in enumerate(lines):
        if line.kind == "body" and _PAGE_NUMBER.match(line.text) and _neighbours_blank(lines, i):
            line.kind = "furniture"
            # The page ends here in a stream without form feeds.
            for nxt in lines[i + 1 :]:
                if not nxt.blank:
                    nxt.page_break_before = True
                    break


def _infer_page_breaks(lines: list[Line]) -> None:
    """Two or more blank lines in a row stand for a page break in OCR streams."""
    run = 0
    for line in lines:
        if line.blank:
            run += 1
            continue
        if run >= 2:
            line.page_break_before = True
        run = 0


def _edge_lines(lines: list[Line]) -> list[int]:
    """Indices of the first and last two non-blank lines of each page."""
    pages: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if line.page_break_before and pages[-1]:
            pages.append([])
        if not line.blank:
            pages[-1].append(i)
    edges: list[int] = []
    for page in pages:
        edges.extend(page[:2] + page[-2:])
    return edges


def mark_repeated(lines: list[Line]) -> None:
    """A body line that recurs at the edge of several pages is a running header or footer."""
    edges = [i for i in _edge_lines(lines) if lines[i].kind == "body"]
    counts = Counter(_norm(lines[i].text) for i in set(edges) if len(lines[i].text) >= 8)
    # Three pages, or two when the line carries a number (a date, a page, a Kamerstuk):
    # a sentence of the letter itself does not recur at page edges.
    repeated = {text for text, n in counts.items() if n >= 3 or (n >= 2 and "#" in text)}
    if not repeated:
        return
    for i in set(edges):
        if _norm(lines[i].text) in repeated:
            lines[i].kind = "furniture"
