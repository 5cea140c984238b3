"""Parliament's instruments a letter cites: motions (with their submitters) and
debates (with their date), each a reference of its own kind.

"de moties Bosman c.s. (Kamerstuk 27 925, nr. 699) en Kerstens/Van Ojik
(Kamerstuk 27 925, nr. 697)" is two motions; "de motie van het lid Sjoerdsma
over ... (Kamerstuk 27 925, nr. 700)" one; "de motie-Van der Staaij" one
without a number. "Zoals toegezegd tijdens het commissiedebat ... van 22
oktober 2024" is a debate in which the cabinet made a commitment.
"""

from __future__ import annotations

import re
from datetime import date

from ..facts import Debate, Motion
from .literals import guarded  # speed: skip sentences lacking a pattern's words
from .dates import find_dates
from .references import find_references
from .sentences import Sentence

__all__ = ["find_motions", "find_debates"]

# A surname as letters print it: "Bosman", "Van Ojik", "van der Staaij", "Klaver-Bouzid".
_PARTICLE = r"(?:[Vv]an\s+(?:de[rn]?\s+|het\s+|'t\s+)?|[Dd]e\s+|[Tt]er\s+|[Tt]en\s+|[Dd]en\s+|[Ll]e\s+|[Dd]’|[Dd]')"
_SURNAME = rf"(?:{_PARTICLE})?[A-Z][a-zà-ÿ’'-]+(?:-(?:{_PARTICLE})?[A-Z][a-zà-ÿ’'-]+)?"
_NAMES = rf"{_SURNAME}(?:\s*/\s*{_SURNAME})*"
_TRIGGER = guarded(re.compile(r"\b(?:[Mm]oties|[Mm]otie)\b(?:-(?=[A-Z]|[Vv]an\s))?"))
_ITEM = re.compile(
    rf"\s*(?:(?:,|en|alsmede|evenals)\s+)?(?:de\s+)?(?:(?:gewijzigde|aangenomen)\s+)?(?:motie\s+)?"
    rf"(?:van\s+(?:het\s+lid|de\s+leden)\s+)?(?P<names>{_NAMES}(?:\s+en\s+{_SURNAME})?)(?P<cs>\s+c\.s\.)?"
    rf"(?:\s+(?:over|inzake|betreffende)\s+(?P<subject>(?:(?!\s+en\s+(?:de\s+|aan\s+de\s+)?motie)[^().;]){{3,120}}))?"
    # "(Kamerstuk 27 925, nr. 699)", or with its opening bracket lost: "Sjoerdsma Kamerstuk 33 750, nr. 34)"
    rf"\s*(?P<ref>\((?:[^()]|\([^()]*\))*\)|Kamerstuk(?:ken)?\s+[^()]{{5,60}}?\))?"
)
_BARE_REF = re.compile(r"\s*(?:\(\s*)?(?:Kamerstuk(?:ken)?\s+)?\d{2}\s?\d{3}(?:-[A-Z]+)?,\s*(?:nrs?\.?\s*)?\d+\)?")
_NOT_NAMES = frozenset("De Het Een Deze Die Dat Kamer Kamerstuk Kamerstukken Tweede Eerste Nederland NAVO VN EU Motie Moties".split())


def _motion_from(m: re.Match[str], s: Sentence, offset: int) -> Motion | None:
    names = m.group("names")
    parts = re.split(r"\s*/\s*|\s+en\s+", names)
    if any(p.split()[-1] in _NOT_NAMES or p.split()[0] in _NOT_NAMES for p in parts):
        return None
    ref_text = m.group("ref") or ""
    refs = find_references(ref_text)
    start, end = offset + m.start("names"), offset + m.end()
    return Motion(
        text=s.text, spans=[(s.start + start, s.start + end)],
        kamerstuk=refs[0].kamerstuk if refs else None, submitters=[p.strip() for p in parts],
        co_signed=bool(m.group("cs")), name=names + (" c.s." if m.group("cs") else ""),
        subject=" ".join(m.group("subject").split()) if m.group("subject") else None,
    )


def find_motions(sentences: list[Sentence]) -> list[Motion]:
    """Every motion cited, one record per motion, in text order (footnotes included)."""
    out: list[Motion] = []
    for s in sentences:
        for t in _TRIGGER.finditer(s.text):
            pos = t.end()
            found = False
            while True:
                m = _ITEM.match(s.text, pos)
                if not m or not m.group("names"):
                    break
                motion = _motion_from(m, s, 0)
                if motion is None:
                    break
                out.append(motion)
                found = True
                pos = m.end()
            if not found:
                # "de motie (Kamerstuk 27 925, nr. 699)", "motie 27 925, nr. 699": a number, no names.
                m = _BARE_REF.match(s.text, t.end())
                refs = find_references(m.group()) if m else []
                if refs:
                    out.append(Motion(text=s.text, spans=[(s.start + t.start(), s.start + m.end())],  # type: ignore[union-attr]
                                      kamerstuk=refs[0].kamerstuk, name=refs[0].kamerstuk))
    return out


_DEBATE = guarded(re.compile(
    r"\b(?P<kind>commissiedebat|notaoverleg|wetgevingsoverleg|algemeen\s+overleg|\(?\bAO\b\)?|plenaire?\s+debat|plenair\s+debat"
    r"|tweeminutendebat|dertigledendebat|interpellatiedebat|(?:mondelinge\s+)?vragenuur|schriftelijk\s+overleg"
    r"|rondetafelgesprek|technische\s+briefing|Kamerdebat|debat)\b",
    re.IGNORECASE,
))
_DEBATE_KIND = {"ao": "algemeen overleg", "(ao)": "algemeen overleg", "plenaire debat": "plenair debat",
                "mondelinge vragenuur": "vragenuur", "kamerdebat": "debat"}
_TOEZEGGING = re.compile(r"\btoegezegd\b|\btoezegging\w*\b|\btoezegde\b|\bzegde\b[^.]{0,40}\btoe\b", re.IGNORECASE)
_SUBJECT = re.compile(r"^\s*(?:over|inzake|betreffende|van de vaste commissie voor|met de vaste commissie voor)\s+(?P<subject>[^,.;()]{3,100}?)(?=\s+(?:van|op|d\.d\.)\s+\d|\s*[,.;(]|$)", re.IGNORECASE)
_GENERIC_DEBATE = re.compile(r"\b(?:publieke|maatschappelijke|internationale|politieke|bredere|lopende)\s+debat\b", re.IGNORECASE)


def find_debates(sentences: list[Sentence], letter_date: date | None) -> list[Debate]:
    """Debates and committee meetings cited, with the date the sentence gives them."""
    out: list[Debate] = []
    for s in sentences:
        for m in _DEBATE.finditer(s.text):
            kind = " ".join(m.group("kind").casefold().split())
            kind = _DEBATE_KIND.get(kind, kind)
            window = s.text[m.end(): m.end() + 160]
            dates = [d for d in find_dates(window, letter_date) if d.start < 120]
            promised = bool(_TOEZEGGING.search(s.text))
            if kind == "debat" and (_GENERIC_DEBATE.search(s.text[max(0, m.start() - 20): m.end()]) or not (dates or promised)):
                continue  # "het publieke debat": no parliamentary debate
            if kind == "algemeen overleg" and m.group("kind").startswith(("AO", "(AO")) and not dates:
                continue
            subject = _SUBJECT.match(window)
            out.append(Debate(
                text=s.text, spans=[(s.start + m.start("kind"), s.start + m.end() + (dates[0].end if dates else 0))],
                kind=kind, date=dates[0].value if dates else None,
                subject=subject.group("subject").strip() if subject else None, commitment=promised,
            ))
            break  # one debate per sentence: "het commissiedebat ... (AO)" is one
    return out
