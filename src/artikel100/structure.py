"""Structure: the letter header, its sections and its signature block.

Repair has set the header's fields apart as blocks of their own (``header`` and
``title`` blocks with a ``label``: dossier, number, title, addressee, date,
subject, meta, ...; see ``repair.header``) in whatever layout the letter was
published. Here they become the letter's facts, with the official print's own
fields first and a site's metadata only where the letter does not print them:

- Kamerstuk: the print's dossier and "Nr." (or an Eerste Kamer letter's "BA"),
  then the running footer, then the metadata ("29521 nr. BA", "kamerstukdossier
  27925 -784", "onder nr. 662 toegevoegd aan dossier 27925", "kst-27925-784").
- Date: "Den Haag, 8 november 2023", "Datum ...", a letterhead table's values,
  "Kamerbrief | 27 april 2010", a lone "16-10-2001"; then the metadata's
  document date ("Documentdatum", "datum: 2023-11-08", "Datum nieuwsfeit"),
  never a publication date.
- Addressee: the first chamber addressed ("I.a.a." copies are not addressees).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from difflib import get_close_matches

from .dutch import DATUM_RE, MONTH_NAMES
from .extract.dates import parse_letter_date
from .facts import LetterInfo, Signatory
from .model import Block, CleanDocument
from .repair.header import DATE_RE
from .signatures import find_signatories, metadata_signatories

__all__ = ["Section", "Structure", "structure", "header_blocks"]

_ADDRESSEE = re.compile(r"\b(Tweede|Eerste)\s+Kamer\b")
_ADDRESSEE_OCR = re.compile(r"\b(Tweede|Eerste)\s+K[a-z]{3,5}\b")
_AAN = re.compile(r"Aan de [Vv]oorzitter van de (Tweede|Eerste) Kamer")
# The letter's own number in the running footer: "Tweede Kamer, vergaderjaar 2023–2024, 27 925, nr. 946".
_RUNNING = re.compile(
    r"^\s*(?:Tweede|Eerste) Kamer,? vergaderjaar\s+\d{4}\s*[–-]\s*\d{4},\s*(\d{2}\s?\d{3}(?:-[A-Z]+)?),\s*(?:nr\.\s*)?(\d+|[A-Z]{1,3})\b",
    re.MULTILINE | re.IGNORECASE,
)
_KST = re.compile(r"\bkst-(\d{5})(?:-([A-Z]+|[IVXLC]+))?-(\d+|[A-Z]{1,3})\b")
_DOSSIER = re.compile(
    r"^(?P<dossier>[1-3]\d\s?\d{3})(?:\s?-\s?(?P<sub>[IVXLC]{1,7}|[A-Z]|\d{1,2})\b|\s(?P<sub2>[IVXLC]{1,7})(?=\s+[A-Z][a-z]))?"
)
_NUMBER = re.compile(r"^(?:(?:Nr|NR|nr|No)\.?\s*)?(?P<nr>\d{1,4}|[A-Z]{1,3})\b")
# Metadata forms of the letter's own number.
_META_NUMBER = (
    re.compile(r"\b(?P<dossier>\d{5})(?:-(?P<sub>[A-Z]+))?\s*nr\.\s*(?P<nr>\d+|[A-Z]{1,3})\b"),  # "29521 nr. BA"
    re.compile(r"kamerstukdossier\s+(?P<dossier>\d{5})\s*-\s*(?P<nr>\d+)\b"),
    re.compile(r"onder nr\.\s*(?P<nr>\d+|[A-Z]{1,3}) toegevoegd aan dossier (?P<dossier>\d{5})\b"),
    re.compile(r"\bKenmerk\s+(?P<dossier>\d{5}),\s*nr\.\s*(?P<nr>\d+|[A-Z]{1,3})\b"),
    re.compile(r"^Kamerstuk\s+(?P<dossier>\d{2}\s?\d{3})(?:\s?-?\s?(?P<sub>[A-Z]+))?,\s*nr\.\s*(?P<nr>\d+|[A-Z]{1,3})\s*\|"),
    _KST,
)
_LOOSE_DOSSIER = re.compile(r"^(\d{2}\s?\d{3}(?:-[A-Z]+)?)\s+[A-Z]", re.MULTILINE)
_LOOSE_NR = re.compile(r"(?:^|\s)(?:Nr\.|NR\.)\s*(\d+|[A-Z]{1,3})\b", re.MULTILINE)
_META_DATE = re.compile(
    r"(?:Documentdatum|datum:|Datum nieuwsfeit:?)\s*(?:(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>(?:19|20)\d\d)|(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d))"
)
_HEADER_DATE = re.compile(rf"(?P<full>{DATE_RE})|(?P<d>\d{{1,2}})-(?P<m>\d{{1,2}})-(?P<y>(?:19|20)\d\d)")
_FULL_DATE = re.compile(r"(?P<d>\d{1,2})\D+?(?P<month>[a-zA-Z]+)\s+(?P<y>\d{4})$")
_SUBJECT_LEAD = re.compile(r"^(?:(?:Onderwerp|Betreft)\s*:?\s*|.*?Brief\s+regering\s*[:;]\s*|Kamerbrief\s+(?:inzake|over)\s+)")
_SUBJECT_TAIL = re.compile(r"(?:\s+-\s+[^-]+?)?\s+-\s+Parlementaire monitor$|\s+(?:Bijlage\(n\)|Bijlagen?)$")


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
    # offset -> its section, as found (speed: every finder asks for each sentence's section)
    _at: dict[int, Section | None] = field(default_factory=dict, repr=False, compare=False)

    def section_at(self, offset: int) -> Section | None:
        if offset in self._at:
            return self._at[offset]
        found = next((section for section in self.sections if section.start <= offset <= section.end), None)
        self._at[offset] = found
        return found


def header_blocks(doc: CleanDocument) -> list[Block]:
    """The blocks repair set apart as the letter's header (never body text)."""
    return [b for b in doc.blocks if b.kind in ("header", "title")]


def _labelled(doc: CleanDocument, label: str) -> list[Block]:
    return [b for b in header_blocks(doc) if b.label == label]


def _text(doc: CleanDocument, block: Block) -> str:
    return doc.text[block.start : block.end]


def _title(doc: CleanDocument) -> tuple[str | None, list[tuple[int, int]]]:
    for block in _labelled(doc, "title"):
        return " ".join(_text(doc, block).split()), [(block.start, block.end)]
    for block in doc.blocks[:6]:
        text = doc.text[block.start : block.end]
        at = text.find("BRIEF VAN")
        if at >= 0:
            return text[at:], [(block.start + at, block.end)]
    return None, []


def _subject(doc: CleanDocument) -> tuple[str | None, list[tuple[int, int]]]:
    for label in ("subject", "site-subject"):
        for block in _labelled(doc, label):
            text = " ".join(_text(doc, block).split())
            lead = _SUBJECT_LEAD.match(text)
            subject = _SUBJECT_TAIL.sub("", text[lead.end() if lead else 0 :]).strip()
            if subject:
                start = block.start + max(_text(doc, block).find(subject[:10]), 0)
                return subject, [(start, block.end)]
    return None, []


def _addressee(doc: CleanDocument, head_end: int) -> tuple[str | None, list[tuple[int, int]]]:
    for block in _labelled(doc, "addressee"):
        m = _ADDRESSEE.search(_text(doc, block)) or _ADDRESSEE_OCR.search(_text(doc, block))
        if m:
            return f"{m.group(1)} Kamer", [(block.start + m.start(), block.start + m.end())]
    head = doc.text[:head_end]
    m = _AAN.search(head) or _ADDRESSEE.search(head)
    if m:
        return f"{m.group(1)} Kamer", [(m.start(), m.end())]
    m = _ADDRESSEE.search(doc.raw.source_text[:3000])
    return (f"{m.group(1)} Kamer", []) if m else (None, [])


def _key(dossier: str, sub: str | None, nr: str) -> str:
    dossier = dossier.replace(" ", "")
    return f"{dossier}-{sub}-{nr}" if sub else f"{dossier}-{nr}"


def _kamerstuk(doc: CleanDocument) -> tuple[str | None, list[tuple[int, int]]]:
    """The letter's own number, from its header, running footer or a site's metadata; never from a citation."""
    dossiers, numbers = _labelled(doc, "dossier"), _labelled(doc, "number")
    if dossiers and numbers:
        d = _DOSSIER.match(_text(doc, dossiers[0]))
        n = _NUMBER.match(_text(doc, numbers[0]))
        if d and n:
            sub = d.group("sub") or d.group("sub2")
            spans = [(dossiers[0].start, dossiers[0].start + d.end()), (numbers[0].start + n.start("nr"), numbers[0].start + n.end("nr"))]
            return _key(d.group("dossier"), sub, n.group("nr")), spans
    m = _RUNNING.search(doc.raw.source_text)
    if m:
        return f"{m.group(1).replace(' ', '')}-{m.group(2)}", []
    for block in _labelled(doc, "meta"):
        text = _text(doc, block)
        for pattern in _META_NUMBER:
            m = pattern.search(text)
            if m:
                if pattern is _KST:
                    key = _key(m.group(1), m.group(2), m.group(3))
                else:
                    key = _key(m.group("dossier"), m.groupdict().get("sub"), m.group("nr"))
                return key, [(block.start + m.start(), block.start + m.end())]
    m = _KST.search(doc.raw.source_text[:2000])
    if m:
        return _key(m.group(1), m.group(2), m.group(3)), []
    # A header repair did not set apart: "27 925 Bestrijding ... Nr. 946" before the title.
    title_at = doc.text.find("BRIEF VAN", 0, 1500)
    head = doc.text[: title_at if title_at > 0 else 1500]
    d, n = _LOOSE_DOSSIER.search(head), _LOOSE_NR.search(head)
    if d and n:
        return f"{d.group(1).replace(' ', '')}-{n.group(1)}", [(d.start(1), d.end(1)), (n.start(1), n.end(1))]
    return None, []


# A reference code between two dates: a letterhead table's row of values ("Uw brief ... Datum").
_CODE_BETWEEN = re.compile(r"\s(?=\S*\d)(?=\S*[A-Z/])\S+\s")


def _header_date(text: str) -> tuple[date, int, int] | None:
    """The first full date in a header block, as ``(date, start, end)`` in the block; in a row of
    a letterhead table's values the last, under "Datum" (the first is the letter it answers)."""
    found = list(_HEADER_DATE.finditer(text))
    if len(found) > 1 and _CODE_BETWEEN.search(text, found[0].end() - 1, found[-1].start() + 1):
        found.reverse()
    for m in found:
        try:
            if m.group("full"):
                f = _FULL_DATE.match(m.group("full"))
                month = get_close_matches(f.group("month").casefold(), MONTH_NAMES, n=1, cutoff=0.8) if f else []
                if not month:
                    continue
                value = date(int(f.group("y")), MONTH_NAMES.index(month[0]) + 1, int(f.group("d")))
            else:
                value = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
        return value, m.start(), m.end()
    return None


def _letter_date(doc: CleanDocument) -> tuple[date, int, int] | None:
    for block in _labelled(doc, "date"):
        found = _header_date(_text(doc, block))
        if found:
            return found[0], block.start + found[1], block.start + found[2]
    for block in _labelled(doc, "meta"):
        m = _META_DATE.search(_text(doc, block))
        if m:
            try:
                if m.group("y"):
                    value = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
                else:
                    value = date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            except ValueError:
                continue
            return value, block.start + m.start(), block.start + m.end()
    return parse_letter_date(doc.text[:3000])


def _place(doc: CleanDocument, found: tuple[date, int, int]) -> str | None:
    line_start = max(doc.text.rfind("\n", 0, found[1]) + 1, 0)
    place = doc.text[line_start : found[1]].strip(" ,;:")
    place = re.sub(rf"^(?:{DATUM_RE}|Kamerbrief|Brief|Kamerstuk)\b\s*\|?\s*", "", place).strip(" ,;:|")
    return place if place and not re.search(r"\d|/", place) else None


def _sections(doc: CleanDocument, body_end: int) -> list[Section]:
    sections: list[Section] = []
    for block in doc.blocks:
        if block.kind == "heading" and block.start < body_end:
            if sections:
                sections[-1].end = block.start - 1
            sections.append(Section(doc.text[block.start : block.end], block.start, body_end))
    return sections


def _merge_signatories(printed: list[Signatory], listed: list[Signatory]) -> list[Signatory]:
    """The signature block's signatories, then those only a site's metadata names."""
    seen = {re.sub(r"\W", "", s.name).casefold() for s in printed}
    return printed + [s for s in listed if re.sub(r"\W", "", s.name).casefold() not in seen]


def structure(doc: CleanDocument) -> Structure:
    """The letter's header fields, sections and signatories."""
    found = _letter_date(doc)
    head_end = found[2] if found else min(len(doc.text), 1500)
    letter = LetterInfo()
    letter.title, title_spans = _title(doc)
    letter.subject, subject_spans = _subject(doc)
    letter.addressee, addressee_spans = _addressee(doc, head_end)
    letter.kamerstuk, kamerstuk_spans = _kamerstuk(doc)
    letter_date = found[0] if found else None
    letter.date = letter_date.isoformat() if letter_date else None
    if found:
        letter.spans["date"] = [(found[1], found[2])]
        letter.place = _place(doc, found)
    letter.spans.update(
        {
            k: v
            for k, v in (("title", title_spans), ("subject", subject_spans), ("addressee", addressee_spans), ("kamerstuk", kamerstuk_spans))
            if v
        }
    )
    printed, body_end = find_signatories(doc, doc.blocks)
    letter.signatories = _merge_signatories(printed, metadata_signatories(doc, _labelled(doc, "meta")))
    return Structure(letter, letter_date, _sections(doc, body_end), body_end)
