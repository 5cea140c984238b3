"""Periods of a contribution that the date grammar (dates.py) does not read on its own.

"van 1 mei tot het einde van het jaar", "in september en oktober", "tot het einde van
het mandaat, op 31 december 2020", a labelled "Periode: 1 april 2005 tot en met 31 maart
2006", a mission's own mandate that is no Dutch framework, and the arithmetic an
extension needs: the day after an end, the end of an extension that names no year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..dutch import MONTH_NAMES_RE
from .dates import Period, find_dates, find_periods, resolve_month

__all__ = [
    "NOT_EXTENDED", "about_mandate", "day_after", "extended_end", "labelled_period", "month_pair", "months_before",
    "until_mandate_end", "until_year_end",
]


NOT_EXTENDED = re.compile(r"\b(?:niet|geen)\s+(?:\w+\s+){0,2}(?:verleng|voortgezet|voort te zetten)", re.IGNORECASE)


_SHORTEST_EXTENSION = 3  # months: a cabinet does not extend a contribution by a few weeks


def extended_end(words: str, end: str, letter_date: date | None) -> str:
    """The end an extension runs to, when the letter gives no year: "te verlengen tot en met 31
    december" is ahead of the letter, and in a letter of November the next year's, not the
    coming month's."""
    if letter_date is None or re.search(r"\b(?:19|20)\d\d\b|\ba\.\s?s\.|\baanstaande\b|\bjl\.", words) or len(end) < 7:
        return end  # a year, or "19 oktober a.s.": the coming one, as dates resolved it
    value = date(int(end[:4]), int(end[5:7]), 1)
    if (value.year - letter_date.year) * 12 + value.month - letter_date.month < _SHORTEST_EXTENSION:
        return f"{value.year + 1:04d}{end[4:]}"
    return end


_YEAR_END = re.compile(
    r"\b(?:(?:van|vanaf)\s+(?P<from>[^,;]{4,25}?)\s+)?(?:tot(?: en met)?|t/m)\s+(?:het\s+)?einde?\s+van\s+(?P<which>het|dit|volgend|komend)\s+jaar\b"
)


def until_year_end(text: str, letter_date: date | None) -> list[Period]:
    """"van 1 mei 2005 tot het einde van het jaar": December of the start's year."""
    out = []
    for m in _YEAR_END.finditer(text):
        start = find_dates(m.group("from"), letter_date)[0] if m.group("from") and find_dates(m.group("from"), letter_date) else None
        later = 1 if m.group("which") in ("volgend", "komend") else 0
        year = start.value[:4] if start and not later else (str(letter_date.year + later) if letter_date else None)
        if year is None:
            continue
        start_span = (m.start("from") + start.start, m.start("from") + start.end) if start else None
        out.append(Period(start.value if start else None, f"{year}-12", start_span, (m.start(), m.end()), m.span()))
    return out


_MONTH_NAME = f"(?:{MONTH_NAMES_RE})"


_MONTH_PAIR = re.compile(rf"\bin\s+(?P<a>{_MONTH_NAME})\s+en\s+(?P<b>{_MONTH_NAME}(?:\s+\d{{4}})?)\b", re.IGNORECASE)


def month_pair(text: str, letter_date: date | None) -> list[Period]:
    """"neemt in september en oktober deel": two months in a row are one period, not a list.

    Without a year the months lie ahead: a letter announces what a unit will do.
    """
    out: list[Period] = []
    pairs = list(_MONTH_PAIR.finditer(text))
    dates = {d.start: d for d in find_dates(text, letter_date)} if pairs else {}
    for m in pairs:
        a, b = dates.get(m.start("a")), dates.get(m.start("b"))
        if not (a and b and len(a.value) == 7 and len(b.value) == 7):
            continue
        am, bm = int(a.value[5:]), int(b.value[5:])
        if am % 12 + 1 != bm:
            continue
        if re.search(r"\d{4}$", m.group("b")):
            year = int(b.value[:4]) - (bm == 1)
        elif a.kind == "absolute":  # the year the sentence opens with ("In 2025 ...")
            year = int(a.value[:4])
        elif letter_date:
            year = resolve_month(am, letter_date, "future").year
        else:
            continue
        start, end = f"{year}-{am:02d}", f"{year + (bm == 1)}-{bm:02d}"
        out.append(Period(start, end, (a.start, a.end), (b.start, b.end), m.span()))
    return out


def months_before(day: date, months: int) -> str:
    """The month ``months`` before ``day``, as "YYYY-MM"."""
    index = day.year * 12 + day.month - 1 - months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def day_after(value: str) -> str:
    """The first day (or month) after a date as precise as it is given."""
    if len(value) == 10:
        return (date.fromisoformat(value) + timedelta(days=1)).isoformat()
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    return str(int(value) + 1)


_MANDATE_END = re.compile(
    r"\b(?:(?:van|vanaf)\s+(?P<from>[^,;]{4,25}?)\s+)?(?:tot(?: en met)?|t/m)\s+(?:het\s+)?einde?\s+van\s+(?:het\s+)?"
    r"(?:[\w-]+\s+)?mandaat(?:\s+van\s+(?:(?:de|het)\s+)?[\w-]+)?,?\s*(?:op|in|per|,)?\s*"
    r"(?:(?:naar verwachting|vermoedelijk|waarschijnlijk)\s+)?(?P<to>[^,;.]{4,30})"
)


def until_mandate_end(text: str, letter_date: date | None) -> list[Period]:
    """"tot en met het einde van het mandaat op 31 december 2020": the mandate's end is the framework's."""
    out = []
    for m in _MANDATE_END.finditer(text):
        ends = find_dates(m.group("to"), letter_date)
        if not ends or ends[0].start > 4:
            continue
        end = ends[0]
        starts = find_dates(m.group("from"), letter_date) if m.group("from") else []
        start = starts[0] if starts else None
        out.append(
            Period(
                start.value if start else None,
                end.value,
                (m.start("from") + start.start, m.start("from") + start.end) if start else None,
                (m.start("to") + end.start, m.start("to") + end.end),
                m.span(),
            )
        )
    return out


_PERIOD_LABEL = re.compile(r"^(?:Periode|Duur|Looptijd|Inzetperiode)\s*:\s*(?P<rest>.+)$", re.IGNORECASE)


def labelled_period(text: str, letter_date: date | None) -> list[Period]:
    """"Periode: 1 april 2005 tot en met 31 maart 2006." — a period after a label, without "van"."""
    m = _PERIOD_LABEL.match(text)
    if not m:
        return []
    return [
        Period(p.start, p.end, _shift(p.start_span, m.start("rest")), _shift(p.end_span, m.start("rest")), _shift(p.span, m.start("rest")))
        for p in find_periods("van " + m.group("rest"), letter_date)
        if p.start or p.end
    ] if not find_periods(m.group("rest"), letter_date) else []


def _shift(span: tuple[int, int] | None, by: int) -> tuple[int, int] | None:
    """A span found in "van " + rest, moved into the sentence."""
    return (max(0, span[0] - 4 + by), span[1] - 4 + by) if span else None


def about_mandate(text: str, period: Period) -> bool:
    """A mission's own mandate ("waarvan het mandaat op 31 december afloopt"), not a Dutch
    framework; "tot het einde van het mandaat" ties ours to it and counts."""
    # within the clause: "heeft het mandaat van de missie op 25 juni met resolutie 2164 verlengd tot ..."
    before = text[max(0, period.span[0] - 100) : period.span[0]].split(";")[-1]
    mandate = re.search(r"\bmandaat\b(?![^.;]*\bNederland)", before)
    # "De bijdrage geldt voor de duur van het nieuwe mandaat, tot 14 juni 2016": ours, tied to it
    tied = mandate and _FOR_THE_MANDATE.search(before, 0, mandate.start())
    return bool(mandate) and not tied and "einde van" not in text[period.span[0] : period.span[1]]


_FOR_THE_MANDATE = re.compile(r"\b(?:duur|looptijd)\s+van\s+het\s+(?:[\w-]+\s+)?$")
