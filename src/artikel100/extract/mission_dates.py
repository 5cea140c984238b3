"""A mission's own dates, and the Dutch dates a letter gives by referring to them.

Letters often state when a mission itself begins, lasts or ends, and give the
Dutch contribution's dates only by reference to that: "Proxima is op 15
december 2003 van start gegaan" ... "Nederland heeft vanaf het begin van de
missie aan Proxima bijgedragen"; "De missie begint op 15 december en duurt zes
maanden" ... "Zij blijven voor de duur van de missie"; "Het mandaat van Proxima
loopt op 14 december af; de Nederlandse bijdrage eindigt op die datum".

``mission_dates`` reads the mission's own start, length and end from sentences
whose subject is the mission (named, or "De missie" in the paragraph that names
it); ``referred_dates`` turns a Dutch sentence's reference into the dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..dutch import MONTH_NAMES_RE
from .dates import add_months, find_dates
from .numbers import parse_number
from .sentences import Sentence

__all__ = ["MissionDates", "mission_dates", "referred_dates"]


@dataclass
class MissionDates:
    """What the letter says of one mission's own time."""

    start: str | None = None
    end: str | None = None
    months: int | None = None
    start_span: tuple[int, int] | None = None  # offsets into the letter's text
    end_span: tuple[int, int] | None = None

    @property
    def last(self) -> str | None:
        """The mission's end, stated or computed from its start and length."""
        if self.end:
            return self.end
        return add_months(self.start, self.months) if self.start and self.months else None


# The mission as the subject: "<M> is op 15 december 2003 van start gegaan", "De missie begint op ...".
_BEGINS = re.compile(r"\b(?:van start (?:gegaan|gaat|gaan)|begint|begon|is begonnen|start(?:te)?|gestart|ging van start"
                     r"|(?:wordt|werd|is)\s+(?:\w+\s+){0,4}?operationeel)\b")
_LASTS = re.compile(r"\bduurt\s+(?:ten hoogste\s+|maximaal\s+|ongeveer\s+)?(?P<n>\w+)\s+(?P<unit>maanden|maand|jaar|jaren)\b")
_MONTHS_WORDS = {"maan": 1, "jaar": 12, "jare": 12}
# "Het mandaat van Proxima loopt op 14 december af", "loopt tot 30 september".
_ENDS = re.compile(r"\b(?:loopt\b[^.;]{0,40}\baf|loopt tot|eindigt|verloopt|afloopt)\b")
_THE_MISSION = re.compile(r"^(?:De|Deze|Die) (?:missie|operatie)\b")
_SUBJECT_WITHIN = 40  # the mission named this near the start is the sentence's subject
_DUTCH = re.compile(r"\b(?:Nederland|Nederlandse|kabinet|regering)\b")
# The Dutch references.
_FROM_THE_START = re.compile(
    # (not "vanaf het begin van de missie in juli 1994", which dates itself; "... in Juba" does not)
    rf"\b(?:vanaf|sinds) (?:het begin|de start|de aanvang|de oprichting) van de (?:missie|operatie)\b"
    rf"(?!\s+(?:in|op)\s+(?:\d|(?:begin|eind|medio)\s|{MONTH_NAMES_RE}))"
)
_FOR_ITS_DURATION = re.compile(r"\bvoor de (?:gehele |volledige )?duur van de (?:missie|operatie)\b")
# "worden uitgezonden tot het einde van het mandaat" (without a date of its own after it)
_TO_ITS_END = re.compile(r"\btot (?:het )?(?:einde|eind|afloop) van (?:het|haar|zijn) (?:huidige )?mandaat\b(?!,?\s+(?:op|per)\s)")
_ON_THAT_DATE = re.compile(r"\b(?:eindigt|stopt|loopt af|afloopt)\s+(?:ook\s+)?(?:op die datum|op dat moment|tegelijk(?:ertijd)?)\b")


def mission_dates(
    sentences: list[Sentence], mentions: list[tuple[str, int, int]], letter_date: date | None
) -> dict[str, MissionDates]:
    """Every mission's own start, length and end the letter states (the first statement wins)."""
    out: dict[str, MissionDates] = {}
    last_named: str | None = None
    block = -1
    for sentence in sentences:
        if sentence.block_start != block:
            block = sentence.block_start  # ("De missie ..." in a paragraph that names none is the one named last)
        named = [(m, s - sentence.start) for m, s, _ in mentions if sentence.start <= s < sentence.end]
        # only what is said before the Netherlands comes in: "...loopt op 14 december af; de Nederlandse ..."
        dutch = _DUTCH.search(sentence.text)
        text = sentence.text[: dutch.start()] if dutch else sentence.text
        subject = named[0][0] if named and named[0][1] < _SUBJECT_WITHIN else None
        if subject is None and last_named and _THE_MISSION.match(text):
            subject = last_named
        if named:
            last_named = named[-1][0]
        if subject is None:
            continue
        info = out.setdefault(subject, MissionDates())
        begins, ends = _BEGINS.search(text), _ENDS.search(text)
        for d in find_dates(text, letter_date) if begins or ends else ():
            span = (sentence.start + d.start, sentence.start + d.end)
            if begins and info.start is None and abs(d.start - begins.start()) < 40 and len(d.value) > 4:
                info.start, info.start_span = d.value, span
            elif ends and info.end is None and abs(d.start - ends.start()) < 40 and (not begins or d.start > begins.end()):
                info.end, info.end_span = d.value, span
        lasts = _LASTS.search(text)
        if lasts and info.months is None:
            info.months = _MONTHS_WORDS.get(lasts.group("unit")[:4], 1) * (parse_number(lasts.group("n")) or 0) or None
    return {m: d for m, d in out.items() if d.start or d.end}


def referred_dates(text: str, own: MissionDates | None) -> dict[str, tuple[str, tuple[int, int]]]:
    """The Dutch start and end a sentence gives by reference to the mission's own dates:
    field -> (value, span of the words that refer, in the sentence)."""
    if own is None:
        return {}
    out: dict[str, tuple[str, tuple[int, int]]] = {}
    m = _FROM_THE_START.search(text)
    if m and own.start:
        out["start"] = (own.start, m.span())
    m = _FOR_ITS_DURATION.search(text)
    if m:
        if own.start:
            out["start"] = (own.start, m.span())
        if own.last:
            out["end"] = (own.last, m.span())
    m = _ON_THAT_DATE.search(text) or _TO_ITS_END.search(text)
    if m and own.end:
        out["end"] = (own.end, m.span())
    return out
