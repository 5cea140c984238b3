"""The ministry letterhead: sender block, addressee block and the margin column.

A letter on ministry paper carries a return address, the addressee's postal
block and a right-hand margin column ("Datum", "Onze referentie", "Bijlage(n)",
the ministry's address, "Pagina 2 van 6"). Read line by line — from a PDF's
text layer or from OCR — that column runs into the body lines:
"verlengd Onze referentie tot en met 31 december 2015." Here the margin's
labels are known words of Rijksoverheid letters, and its values are learnt
from the first page: a label's value recurs on later pages, alone or glued to
a body line, and is taken out wherever it recurs that way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import Line

__all__ = ["Cut", "mark_letterhead"]

_LABELS = (
    "Onze referentie", "Uw referentie", "Ons kenmerk", "Uw kenmerk", "Kenmerk", "Bijlage(n)", "Bijlagen",
    "Contactpersoon", "Behandeld door", "Doorkiesnummer", "Inlichtingen", "Datum", "Retouradres",
)
_LABEL = re.compile(r"(?:^|(?<=\s))(?:" + "|".join(re.escape(l) for l in _LABELS) + r")(?=\s|$)")
# Lines that are letterhead wherever they stand.
_ALWAYS = re.compile(
    r"^(?:>\s*Retouradres\b.*|Postbus \d{3,6}(?:\s.*)?|\d{4}\s?[A-Z]{2}\s+[A-Z][\w' -]+|www\.[\w.-]+|"
    r"(?:T|F|E)\s+[\d+@][\w@. ()+-]+|Ministerie van [A-Z][\w ]+|Pagina \d+ van \d+|"
    r"(?:Plein|Kalvermarkt|Rijnstraat|Bezuidenhoutseweg|Turfmarkt)\s+\d+.*|"
    # a reference code alone on a line ("BS2014039812", "DVB/CV-138/2015") and an empty enclosure
    r"[A-Z]{0,6}[/-]?[A-Z]{0,4}[\d/-]{6,}[\dA-Z/-]*|Geen)$"
)
_POSTAL = re.compile(
    r"\s*(?:Postbus \d{3,6}|\d{4}\s?[A-Z]{2}\s+(?:Den Haag|DEN HAAG|'s-Gravenhage)|www\.[\w.-]+\.nl)\s*"
)
_FIRST_BODY = re.compile(r"^(?:Met deze brief|Hierbij|Geachte|In deze brief|Met verwijzing|Conform|Overeenkomstig)\b")


@dataclass(frozen=True)
class Cut:
    """Source characters to leave out of the cleaned text."""

    start: int
    end: int


def _is_letterhead(lines: list[Line]) -> bool:
    head = " ".join(l.text for l in lines[:40])
    return bool(re.search(r"Retouradres|Onze referentie|Ons kenmerk|Uw kenmerk", head))


def _first_page_values(lines: list[Line]) -> set[str]:
    """The values printed under or after the margin labels on the first page."""
    values: set[str] = set()
    for i, line in enumerate(lines[:60]):
        if _FIRST_BODY.match(line.text):
            break
        for m in _LABEL.finditer(line.text):
            rest = line.text[m.end() :].strip()
            value = rest if rest else (lines[i + 1].text if i + 1 < len(lines) else "")
            # A margin value is short: a reference, a date, "Geen"; never the subject line.
            if value and len(value.split()) <= 4 and not value.startswith("Betreft") and not _LABEL.match(value):
                values.add(value)
    return {v for v in values if len(v) >= 3}


def mark_letterhead(lines: list[Line]) -> list[Cut]:
    """Mark letterhead lines as furniture; return the margin words glued into body lines."""
    if not _is_letterhead(lines):
        return []
    values = _first_page_values(lines)
    cuts: list[Cut] = []
    in_head = True
    for line in lines:
        if line.kind != "body":
            continue
        text = line.text
        if in_head and (_FIRST_BODY.match(text) or text.startswith("Betreft")):
            in_head = False
        if _ALWAYS.match(text) or text in values or _LABEL.fullmatch(text):
            line.kind = "furniture"
            continue
        for m in _POSTAL.finditer(text):
            if m.group().strip() != text:
                cuts.append(Cut(line.start + m.start(), line.start + m.end()))
        if in_head and re.match(r"^(?:De Voorzitter van de|der Staten-Generaal|Aan de Voorzitter|Datum\s+\d)", text):
            continue  # the addressee and the date, kept for the header
        for m in _LABEL.finditer(text):
            # "Datum Nestor levert", "verlengd Onze referentie tot en met": a label inside a body line.
            if m.group() == "Datum" and m.start() == 0 and re.match(r"Datum\s+\d", text):
                continue  # "Datum 7 november 2014" on the first page is the letter's date
            end = m.end() + (1 if m.end() < len(text) else 0)
            start = m.start() - (1 if m.start() > 0 and m.end() == len(text) else 0)
            cuts.append(Cut(line.start + start, line.start + end))
        for value in values:
            at = text.find(value)
            if at >= 0 and (at == 0 or at + len(value) == len(text)) and value != text:
                cuts.append(Cut(line.start + at, line.start + at + len(value)))
    return _merged(cuts)


def _merged(cuts: list[Cut]) -> list[Cut]:
    out: list[Cut] = []
    for cut in sorted(cuts, key=lambda c: c.start):
        if out and cut.start <= out[-1].end:
            out[-1] = Cut(out[-1].start, max(out[-1].end, cut.end))
        else:
            out.append(cut)
    return out
