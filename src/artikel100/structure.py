"""Structure: the letter header, its sections and its signature block.

Works on the cleaned text's blocks (and, for the letter's own Kamerstuk number,
on the page furniture too, where the running header prints it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .extract.dates import parse_letter_date
from .facts import LetterInfo
from .model import CleanDocument
from .signatures import find_signatories

__all__ = ["Section", "Structure", "structure"]

_ADDRESSEE = re.compile(r"\b(Tweede|Eerste)\s+Kamer\b")
_AAN = re.compile(r"Aan de [Vv]oorzitter van de (Tweede|Eerste) Kamer")
# The letter's own number: "Tweede Kamer, vergaderjaar 2023–2024, 27 925, nr. 946",
# "27 925 Bestrijding internationaal terrorisme\nNr. 946", "kst-27925-946".
# Only as a line of its own (the running footer), never as a citation inside a sentence.
_RUNNING = re.compile(
    r"^\s*(?:Tweede|Eerste) Kamer,? vergaderjaar\s+\d{4}\s*[–-]\s*\d{4},\s*(\d{2}\s?\d{3}(?:-[A-Z]+)?),\s*(?:nr\.\s*)?(\d+|[A-Z]{1,3})\b",
    re.MULTILINE | re.IGNORECASE,
)
_KST = re.compile(r"\bkst-(\d{5})-(\d+)\b")
_HEADER_DOSSIER = re.compile(r"^(\d{2}\s?\d{3}(?:-[A-Z]+)?)\s+[A-Z]", re.MULTILINE)
_HEADER_NR = re.compile(r"(?:^|\s)(?:Nr\.|NR\.)\s*(\d+|[A-Z]{1,3})\b", re.MULTILINE)


@dataclass
class Section:
    heading: str
    start: int  # of the heading
    end: int  # of the section's last paragraph


@dataclass
class Structure:
    letter: LetterInfo
    letter_date: date | None
    sections: list[Section] = field(default_factory=list)
    body_end: int = 0  # where the signature block (or the footnotes) starts

    def section_at(self, offset: int) -> Section | None:
        for section in self.sections:
            if section.start <= offset <= section.end:
                return section
        return None


def _title(doc: CleanDocument) -> tuple[str | None, list[tuple[int, int]]]:
    for block in doc.blocks[:6]:
        text = doc.text[block.start : block.end]
        at = text.find("BRIEF VAN")
        if at >= 0:
            return text[at:], [(block.start + at, block.end)]
    return None, []


def _addressee(doc: CleanDocument, head_end: int) -> tuple[str | None, list[tuple[int, int]]]:
    head = doc.text[:head_end]
    m = _AAN.search(head) or _ADDRESSEE.search(head)
    if m:
        return f"{m.group(1)} Kamer", [(m.start(), m.end())]
    m = _ADDRESSEE.search(doc.raw.source_text[:3000])
    return (f"{m.group(1)} Kamer", []) if m else (None, [])


def _kamerstuk(doc: CleanDocument, head_end: int) -> tuple[str | None, list[tuple[int, int]]]:
    """The letter's own number, from its header or running header, never from a citation."""
    title_at = doc.text.find("BRIEF VAN", 0, head_end)
    head = doc.text[: title_at if title_at > 0 else head_end]
    dossier, nr = _HEADER_DOSSIER.search(head), _HEADER_NR.search(head)
    if dossier and nr:
        return f"{dossier.group(1).replace(' ', '')}-{nr.group(1)}", [(dossier.start(1), dossier.end(1)), (nr.start(1), nr.end(1))]
    for text, in_clean in ((head, True), (doc.raw.source_text, False)):
        m = _RUNNING.search(text) or _KST.search(text[:2000])
        if m:
            spans = [(m.start(), m.end())] if in_clean else []
            return f"{m.group(1).replace(' ', '')}-{m.group(2)}", spans
    return None, []


def _sections(doc: CleanDocument, body_end: int) -> list[Section]:
    sections: list[Section] = []
    for block in doc.blocks:
        if block.kind == "heading" and block.start < body_end:
            if sections:
                sections[-1].end = block.start - 1
            sections.append(Section(doc.text[block.start : block.end], block.start, body_end))
    return sections


def structure(doc: CleanDocument) -> Structure:
    """The letter's header fields, sections and signatories."""
    found = parse_letter_date(doc.text[:3000])
    head_end = found[2] if found else min(len(doc.text), 1500)
    letter = LetterInfo()
    letter.title, title_spans = _title(doc)
    letter.addressee, addressee_spans = _addressee(doc, head_end)
    letter.kamerstuk, kamerstuk_spans = _kamerstuk(doc, head_end)
    letter_date = found[0] if found else None
    letter.date = letter_date.isoformat() if letter_date else None
    if found:
        letter.spans["date"] = [(found[1], found[2])]
        place = doc.text[:found[1]].rsplit("\n", 1)[-1].strip(" ,")
        letter.place = place or None
    letter.spans.update(
        {k: v for k, v in (("title", title_spans), ("addressee", addressee_spans), ("kamerstuk", kamerstuk_spans)) if v}
    )
    letter.signatories, body_end = find_signatories(doc, doc.blocks)
    return Structure(letter, letter_date, _sections(doc, body_end), body_end)
