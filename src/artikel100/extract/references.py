"""References: Kamerstukken in every printed form, and other citations apart.

"Kamerstuk 27 925, nr. 943", "Kamerstukken 27925, nrs. 723, 727 en 746" (three
references), "(Kamerstuk 27 925, 963)", "29 521, nr. 214", "kst-27925-946",
Eerste Kamer letters "29 521, BF", sub-dossiers "36 200-X, nr. 12" and "34 000 V,
nr. 69", a document filed in two dossiers "Kamerstukken 33 694 en 29 521, nr. 11"
(one reference, the first dossier's), lists with dates between their numbers
("nr. 85 van 2 juni 2009 en nr. 87 van 3 juli 2009"). Zaak and document numbers
("2021Z06013") are not Kamerstukken. Handelingen and UN Security Council
resolutions are kept as their own kinds.
"""

from __future__ import annotations

import re

from ..dutch import MONTH_NAMES_RE
from ..facts import Reference

__all__ = ["find_references", "find_citations"]

# A dossier of five digits, never more ("279255" is a misprint, not 27925); a budget chapter's
# sub-dossier after a hyphen ("36 200-X", "21 501-28") or, Roman or a fund's letter, after a
# space before the number ("34 000 V, nr. 69", "33 750 XVII, nr. 14").
_DOSSIER = (
    r"(?P<dossier>[1-3]\d[\s.]?[‘’'`´]?\d{3})(?!\d)"  # OCR leaves a speck as a quote: "28 ‘676"
    r"(?:\s?-\s?(?P<sub>[IVXLC]+|[A-Z]{1,3}|\d{1,2})|\s(?P<sub2>[IVXLC]{1,7}|[A-L])(?=,?\s*nrs?\.))?"
)
_OTHER_DOSSIER = r"[1-3]\d[\s.]?\d{3}(?!\d)(?:\s?-\s?(?:[IVXLC]+|\d{1,2})|\s(?:[IVXLC]{1,7}|[A-L])(?=,))?"
# A list of numbers "723, 727 en 746"; a number followed by three digits starts the next dossier.
_NUMBERS = r"(?P<nrs>(?:\d{1,4}|[A-Z]{1,3})(?:[ \t]*(?:,|en|én|&)[ \t]*(?:nr\.[ \t]*)?(?:\d{1,4}|[A-Z]{1,3})\b(?!\s?\d{3}))*)"
# With the word Kamerstuk(ken) the "nr." may be missing; without it, "nr." is required
# (so "in 2025, 145 militairen" is never a reference); EK letters use capital letters.
# (speed: the patterns open with their word and look behind it for \b, "Kamerstuk(?<!\wKamerstuk)"
# for "\bKamerstuk": re finds a pattern's opening literal in C, and tries one that opens with \b
# at every character.)
_KAMERSTUK = r"Kamerstuk(?<!\wKamerstuk)"
_WITH_WORD = re.compile(
    rf"{_KAMERSTUK}(?:ken)?[:.]?\s*{_DOSSIER}[,;]?\s*(?:(?:nrs?|nummers?)[.,]?\s*)?{_NUMBERS}(?![\w-])"
)
# "Kamerstukken 33 694 en 29 521, nr. 11": one document filed in two dossiers, cited by the first.
# (the first may be a budget chapter: "Kamerstukken 32 123 V en 29 521, nr. 15" is 32123-V-15)
_FIRST_DOSSIER = _DOSSIER.replace(r"(?=,?\s*nrs?\.)", r"(?=,?\s*nrs?\.|\s+en\s)")
_JOINT = re.compile(
    rf"{_KAMERSTUK}(?:ken)?:?\s+{_FIRST_DOSSIER}\s+en\s+{_OTHER_DOSSIER},?\s*(?:(?:nrs?|nummers?)\.?\s*){_NUMBERS}(?![\w-])"
)
# A list that goes on after a date or a bracket: "nr. 85 van 2 juni 2009 en nr. 87 van 3 juli 2009".
_MORE = re.compile(
    rf"(?:,?\s*(?:van|d\.d\.)\s+\d{{1,2}}\s+(?i:{MONTH_NAMES_RE})(?:\s+\d{{4}}|\s+jl\.)?|\s*\([^()]{{0,60}}\))?"
    r"\s*(?:,|en|én|&)\s*(?:nrs?\.)\s*(?P<nrs>\d{1,4}(?:[ \t]*(?:,|en|én|&)[ \t]*\d{1,4}\b(?!\s?\d{3}))*)\b(?![\w-])"
)
# OCR reads the comma after the dossier as ";" and the dot of "nr." as ",".
# (the dossier's first digit first, then the look behind it: "(?<![\w,.-])" before it)
_BARE_DOSSIER = _DOSSIER.replace("(?P<dossier>[1-3]", r"(?P<dossier>[1-3](?<![\w,.-][1-3])", 1)
_BARE = re.compile(rf"{_BARE_DOSSIER}[,;]\s*(?:nrs?[.,]\s*(?P<nrs>\d{{1,4}}(?:[ \t]*(?:,|en|én|&)[ \t]*\d{{1,4}}\b(?!\s?\d{{3}}))*)|(?P<ek>[A-Z]{{1,3}})\b)")
_KST = re.compile(r"kst-(?<!\wkst-)(?P<dossier>\d{5})(?:-(?P<sub>[A-Z]+))?-(?P<nrs>\d+)\b")
_HANDELINGEN = re.compile(
    r"Handelingen(?<!\wHandelingen)\s+(?:I{1,2}|EK|TK)\s+\d{4}(?:\s*[/–-]\s*\d{2,4})?(?:,\s*nr\.\s*\d+)?(?:,\s*(?:item|blz\.|pag\.)\s*[\d-]+)?"
)
# ("\b(?:VN[- ]|VNVR-?)?[Rr]esolutie" by its first letter: with "VN" before it, or alone)
_RESOLUTION = re.compile(r"(?:V(?<!\wV)(?:N[- ]|NVR-?)[Rr]|R(?<!\wR)|r(?<!\wr))esolutie(?:s)?\s+(?:nr\.\s*)?(\d{3,4})(?:\s*\((\d{4})\))?")


def _key(dossier: str, sub: str | None, nr: str) -> str:
    dossier = re.sub(r"[\s.‘’'`´]", "", dossier)
    return f"{dossier}-{sub}-{nr}" if sub else f"{dossier}-{nr}"


def _numbers(m: re.Match[str]) -> list[tuple[str, int, int]]:
    """Each number of a list "723, 727 en 746" with its offsets."""
    group = "nrs" if m.group("nrs") else "ek"
    base = m.start(group)
    return [
        (x.group(), base + x.start(), base + x.end())
        for x in re.finditer(r"\d{1,4}|\b[A-Z]{1,3}\b", m.group(group))
    ]


def find_references(text: str, footnotes: dict[int, tuple[int, int]] | None = None) -> list[Reference]:
    """Every Kamerstuk cited in ``text``, one Reference per (dossier, number), all mentions as spans."""
    found: dict[str, Reference] = {}
    taken: list[tuple[int, int]] = []

    def add(key: str, span: tuple[int, int]) -> None:
        ref = found.get(key)
        note = _footnote_of(span[0], footnotes or {})
        if ref is None:
            found[key] = Reference(kamerstuk=key, spans=[span], in_footnote=note)
        elif span not in ref.spans:
            ref.spans.append(span)

    for pattern in (_JOINT, _WITH_WORD, _KST, _BARE):
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            dossier = m.group("dossier")
            sub = m.groupdict().get("sub") or m.groupdict().get("sub2")
            for nr, s, e in _numbers(m):
                add(_key(dossier, sub, nr), (m.start(), e) if s == m.start("nrs" if m.group("nrs") else "ek") else (s, e))
            end = m.end()
            while pattern is not _KST and (more := _MORE.match(text, end)):
                for x in re.finditer(r"\d{1,4}", more.group("nrs")):
                    add(_key(dossier, sub, x.group()), (more.start("nrs") + x.start(), more.start("nrs") + x.end()))
                end = more.end()
            taken.append((m.start(), end))
    return sorted(found.values(), key=lambda r: r.spans[0])


def find_citations(text: str) -> list[Reference]:
    """Handelingen and UN resolutions: cited, but not Kamerstukken."""
    out: list[Reference] = []
    for m in _HANDELINGEN.finditer(text):
        out.append(Reference(kamerstuk=" ".join(m.group().split()), spans=[(m.start(), m.end())], kind="handelingen"))
    for m in _RESOLUTION.finditer(text):
        label = f"UNSCR {m.group(1)}" + (f" ({m.group(2)})" if m.group(2) else "")
        out.append(Reference(kamerstuk=label, spans=[(m.start(), m.end())], kind="resolution"))
    return out


def _footnote_of(offset: int, footnotes: dict[int, tuple[int, int]]) -> int | None:
    for number, (start, end) in footnotes.items():
        if start <= offset < end:
            return number
    return None
