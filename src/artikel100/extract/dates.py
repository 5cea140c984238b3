"""Dutch dates in artikel 100-brieven, with character offsets.

A date value is a string exactly as precise as the text: ``"2025"``,
``"2025-05"`` or ``"2025-05-31"``. Dates without a year ("31 mei jl.",
"begin november") are resolved against the letter's own date. Periods
("van januari 2025 tot en met juni 2025", "voor zes maanden") are found at
the bottom of this module because they are built from the same date grammar.

All offsets are half-open into the text passed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from ..dutch import DATUM_RE, MONTH_NAMES, MONTH_NAMES_RE

from .literals import CaselessPrefilter, Guarded, guarded
from .numbers import NUMBER_RE, parse_number

__all__ = [
    "MONTHS",
    "DATE_RE",
    "DateMention",
    "Period",
    "add_months",
    "date_spans",
    "find_dates",
    "find_periods",
    "parse_date_phrase",
    "parse_letter_date",
    "resolve_month",
]

#: Dutch month names and the abbreviations letters use, to month numbers.
MONTHS: dict[str, int] = {
    **{name: i for i, name in enumerate(MONTH_NAMES, 1)},
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}

_MONTH_FULL = rf"(?i:{MONTH_NAMES_RE})"
# Abbreviations are lower case only: "Jan" is far more often a first name.
_MONTH_ABBR = r"(?:jan|febr?|mrt|apr|jun|jul|aug|sept?|okt|nov|dec)\."
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})(?![\w])"
_YEAR = r"(?:19[4-9]\d|20\d\d)(?![\d\w])"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:e|ste|de)?"
_DAY_SEP = r"\s*(?:-|–|t/m|tot\s+en\s+met|tot|en)\s*"
# Words that place a date inside its month or year; normalised by _QUAL_NORM.
_QUAL = (
    r"(?i:begin|eind|einde|medio|half|halverwege|ultimo|midden|(?:eerste|tweede)\s+helft"
    r"|voorjaar|najaar|zomer|winter|lente|herfst)"
    r"(?:\s+(?:van\s+|de\s+maand\s+))?\s*"
)
_QUAL_NORM = {"einde": "eind", "ultimo": "eind", "half": "medio", "halverwege": "medio", "midden": "medio",
              "eerste": "eerste helft", "tweede": "tweede helft"}  # "de tweede helft van juli": in July
_REL = r"(?:jl\.|j\.l\.|jongstleden|ll\.|l\.l\.|laatstleden|a\.s\.|aanstaande)"
_PAST_WORDS = {"jl.", "j.l.", "jongstleden", "ll.", "l.l.", "laatstleden"}
# A bare year is a date only after a word that uses it as one ("in 2025").
_YEAR_LEAD = (
    r"(?i:in|sinds|vanaf|tussen|tot(?:\s+en\s+met)?|t/m|voor|vóór|na|per|jaar|kalenderjaar"
    r"|periode|loop\s+van|eind|einde|begin|medio|ultimo|halverwege"
    r"|voorjaar|najaar|zomer|winter|lente|herfst)\s+(?:van\s+)?(?:het\s+jaar\s+)?"
)
# Not a year but a head count: "in 2000 militairen" (rare, but cheap to rule out).
_NOT_YEAR = r"(?!\s+(?:militairen|personen|man|soldaten)\b)"

#: One date expression, without capturing groups, for composing into patterns.
DATE_RE = (
    rf"(?:(?:{_QUAL})?(?:{_DAY}(?:{_DAY_SEP}{_DAY})?\s+)?{_MONTH}(?:\s+{_YEAR})?(?:\s+{_REL})?"
    rf"|(?:{_QUAL})?{_YEAR}{_NOT_YEAR}"
    rf"|(?:{_QUAL})(?:het\s+)?(?i:dit|volgend|komend|vorig|verleden)\s+jaar\b"
    r"|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d(?!\d)"
    r"|(?:19|20)\d\d-\d\d-\d\d(?!\d))"
)

_B = r"(?<![\w\-/.])"
_RAW_RE = re.compile(
    rf"{_B}(?:(?P<qual>{_QUAL}))?"
    rf"(?:(?P<d1>{_DAY})(?:(?P<dsep>{_DAY_SEP})(?P<d2>{_DAY}))?\s+)?"
    rf"(?P<mon>{_MONTH})(?:\s+(?P<y>{_YEAR}))?(?:\s+(?P<rel>{_REL}))?"
    rf"|{_B}(?P<ylead>{_YEAR_LEAD})(?P<yqual>{_QUAL})?(?P<yonly>{_YEAR}){_NOT_YEAR}"
    rf"(?:\s*[-–/]\s*(?P<y2>(?:19|20)\d\d|\d\d)(?![\d\w]))?"
    rf"|{_B}(?P<nd>\d{{1,2}})[-/.](?P<nm>\d{{1,2}})[-/.](?P<ny>(?:19|20)\d\d)(?!\d)"
    rf"|{_B}(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)(?!\d)"
    # "eind dit jaar", "begin volgend jaar", "vorig jaar": a year the letter's date gives
    rf"|{_B}(?:(?P<rqual>{_QUAL})(?:het\s+)?)?(?P<rwhich>(?i:dit|volgend|komend|vorig|verleden))\s+jaar\b"
    r"(?!\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b)"
)
# The qualifier group may only stand before a month or a year; a lone
# "eind" followed by a day is not part of the date.
_LETTER_DATE_RE = re.compile(
    # OCR reads the comma after the place as ";", "." or ":" too.
    # a press copy's "Datum nieuwsfeit: 09-09-2005"; a site's "Kamerbrief | 21 januari 2010"
    rf"(?:^|(?<=\s))[ \t]*(?:Den[\s-]+Haag|[’'‘`]s[-\s]Gravenhage|{DATUM_RE}(?:\s+nieuwsfeit)?:?"
    rf"|(?:[A-Z][\w]*:?\s*\|\s*|Kamerstuk:\s*)*Kamerbrief\s*\|)[,;.:\s]+"
    rf"(?P<d>{_DAY}\s+{_MONTH}\s+{_YEAR}|\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)\d\d)",
    re.M,
)
_LETTER_DATE_WINDOW = 4000
_REF_DAY = {"begin": 5, "medio": 15, "eind": 25}


@dataclass(frozen=True)
class DateMention:
    """A date named in the text.

    Attributes:
        value: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, as precise as the text.
        start: offset of the first character of the phrase.
        end: offset just past the phrase.
        kind: ``"absolute"`` when the text gives the year, ``"relative"`` when
            the year was resolved against the letter date.
        qualifier: "begin", "eind", "medio" or a season, when the text
            places the date inside its month or year.
        range_end: for "17-18 oktober" or "2024-2025", the last day/year.
    """

    value: str
    start: int
    end: int
    kind: str
    qualifier: str | None = None
    range_end: str | None = None


def _month_of(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _qual(raw: str | None) -> str | None:
    if not raw:
        return None
    word = raw.split()[0].lower()
    return _QUAL_NORM.get(word, word)


def resolve_month(month: int, letter_date: date, direction: str, day: int = 15) -> date:
    """Give a month without a year the year it most likely has.

    Args:
        month: 1-12.
        letter_date: the date the letter was written.
        direction: ``"past"`` (the latest such month up to and including the
            letter's month, for "jl."), ``"future"`` (the first such month
            from the letter's month on, for "a.s.") or ``"nearest"``.
        day: the day inside the month the text points at (5 for "begin",
            25 for "eind"), used only to break "nearest" ties fairly.

    Returns:
        The first day of the resolved month.
    """
    year = letter_date.year
    if direction == "past":
        return date(year if month <= letter_date.month else year - 1, month, 1)
    if direction == "future":
        return date(year if month >= letter_date.month else year + 1, month, 1)
    # Nearest: compare the point the text refers to, not month numbers, so
    # "begin mei" in a November letter leans to the coming May.
    candidates = [date(y, month, min(day, 28)) for y in (year - 1, year, year + 1)]
    best = min(candidates, key=lambda d: (_distance(d, letter_date), d < letter_date))
    return date(best.year, month, 1)


def _resolve_day(month: int, day: int, letter_date: date, direction: str) -> date | None:
    """Resolve "31 mei jl." (past), "3 juni a.s." (future) or a bare "31 mei"."""
    options = []
    for y in (letter_date.year - 1, letter_date.year, letter_date.year + 1):
        try:
            options.append(date(y, month, day))
        except ValueError:
            continue
    if direction == "past":
        options = [d for d in options if d <= letter_date]
        return max(options) if options else None
    if direction == "future":
        options = [d for d in options if d >= letter_date]
        return min(options) if options else None
    return min(options, key=lambda d: _distance(d, letter_date)) if options else None


# A letter looks ahead more than back (what is past it marks with "jl."): a month
# without a year that is about as far ahead as behind is the coming one.
_FUTURE_LEAN = 45


def _distance(d: date, letter_date: date) -> int:
    days = (d - letter_date).days
    return days - _FUTURE_LEAN if days >= 0 else -days


def _day_str(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _convert(
    m: re.Match[str], letter_date: date | None, year_hint: int | None = None, lead: str = "nearest"
) -> DateMention | None:
    """Turn one match of ``_RAW_RE`` into a mention, or None when unresolvable.

    ``lead`` is the direction implied by the words before the match, used
    when the date itself carries no "jl." or "a.s.".
    """
    start, end = m.span()
    if m.group("nd"):
        value = _day_str(int(m.group("ny")), int(m.group("nm")), int(m.group("nd")))
        return DateMention(value, start, end, "absolute") if value else None
    if m.group("iy"):
        value = _day_str(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        return DateMention(value, start, end, "absolute") if value else None
    if m.group("rwhich"):
        if letter_date is None:
            return None
        year = letter_date.year + _YEAR_OFFSET[m.group("rwhich").casefold()]
        qual = _qual(m.group("rqual"))
        if qual and qual.endswith("helft"):
            return None  # "in de tweede helft van dit jaar": a half year, no date
        return DateMention(f"{year:04d}" + {"eind": "-12", "begin": "-01", "medio": "-06"}.get(qual or "", ""),
                           start, end, "relative", qual)
    if m.group("yonly"):
        start = m.start("yqual") if m.group("yqual") else m.start("yonly")
        lead = m.group("ylead").split()[0].lower()
        qual = _qual(m.group("yqual")) or (_qual(lead) if lead in _REF_DAY or lead in _QUAL_NORM else None)
        if qual and not m.group("yqual"):
            start = m.start("ylead")  # "eind 2025": the qualifier is part of the phrase
        y2 = m.group("y2")
        range_end = None
        if y2:
            range_end = y2 if len(y2) == 4 else m.group("yonly")[:2] + y2
        # "eind 2025" is December, "begin 2025" January, "medio 2025" June: as precise as the words allow.
        value = m.group("yonly") + {"eind": "-12", "begin": "-01", "medio": "-06"}.get(qual or "", "")
        return DateMention(value, start, end, "absolute", qual, range_end)

    month = _month_of(m.group("mon"))
    qual = _qual(m.group("qual"))
    rel = (m.group("rel") or "").lower()
    direction = "past" if rel in _PAST_WORDS else "future" if rel else lead
    year = int(m.group("y")) if m.group("y") else year_hint
    kind = "absolute" if year is not None else "relative"
    if m.group("d1") is None and m.group("mon")[-1] == "." and year is None:
        return None  # "dec." alone is too weak to be a date
    if m.group("d1") is None:
        if year is None:
            if letter_date is None:
                return None
            year = resolve_month(month, letter_date, direction, _REF_DAY.get(qual or "", 15)).year
        return DateMention(f"{year:04d}-{month:02d}", start, end, kind, qual)
    d1 = int(re.match(r"\d+", m.group("d1")).group())
    d2 = int(re.match(r"\d+", m.group("d2")).group()) if m.group("d2") else None
    if year is None:
        if letter_date is None:
            return None
        # Resolve on the last day of a range so "17-18 oktober jl." stays in one year.
        resolved = _resolve_day(month, d2 or d1, letter_date, direction)
        if resolved is None:
            return None
        year = resolved.year
    value = _day_str(year, month, d1)
    if value is None:
        return None
    range_end = _day_str(year, month, d2) if d2 and d2 > d1 else None
    return DateMention(value, start, end, kind, qual, range_end)


# Between a yearless date and a dated one it borrows its year from:
# "1 januari tot en met 30 juni 2025", "30 september en 1 oktober 2024".
_BORROW_GAP = re.compile(r"\s*(?:-|–|t/m|tot\s+en\s+met|tot|en|,)\s*")
# A word just before a yearless date that says which way to resolve it:
# "sinds februari" lies behind the letter, "komende maart" ahead of it.
_LEAD_PAST = re.compile(r"(?i:\b(?:sinds|afgelopen|vorige|jongste|eerder\s+in)\s+)$")
_LEAD_FUTURE = re.compile(r"(?i:\b(?:komende|volgende|aanstaande)\s+)$")
# A strong verb in the simple past right after the date (Dutch puts the finite verb second):
# "Op 10 februari droeg Turkije het bevel over", "Op 3 mei vertrok het eerste toestel".
_PAST_VERB_AFTER = re.compile(
    r",?\s+(?:droeg|droegen|nam|namen|kwam|kwamen|ging|gingen|vertrok|vertrokken|trok|trokken|gaf|gaven"
    r"|zond|zonden|sloot|sloten|begon|begonnen|verliet|verlieten|viel|vielen)\b"
)


# Contributions, commitments and events scan the same sentences: keep a letter's worth.
@lru_cache(maxsize=1024)
def _raw_matches(text: str) -> tuple[re.Match[str], ...]:
    # Dates, periods and quantities all need this scan of the same letter;
    # doing it once per text keeps extraction well above 50 letters a second.
    if not _RAW_FILTER.may_match(text):  # speed: no month name or year, no date
        return ()
    return tuple(_RAW_RE.finditer(text))


_RAW_FILTER = CaselessPrefilter(_RAW_RE)


def _iter_raw(text: str) -> Iterator[re.Match[str]]:
    return iter(_raw_matches(text))


def _windows(text: str, spans: Iterator[tuple[int, int]], pad: int) -> list[tuple[int, int]]:
    """Merged stretches of ``pad`` characters around ``spans``, cut at spaces.

    The period patterns are costly to try at every character; every period
    contains a date or a unit of time, so they only need to run near one.
    """
    out: list[tuple[int, int]] = []
    for s, e in spans:
        s = text.rfind(" ", 0, max(0, s - pad)) + 1
        e = min(len(text), e + pad)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every date-like phrase, resolved or not (cheap; for exclusion)."""
    return [m.span() for m in _iter_raw(text)]


def find_dates(text: str, letter_date: date | None) -> list[DateMention]:
    """Find every date mentioned in ``text``.

    Args:
        text: the cleaned letter (or any part of it).
        letter_date: the letter's own date, to resolve "31 mei jl." and
            "begin november"; without it such mentions are skipped.

    Returns:
        Mentions in text order.
    """
    matches = list(_iter_raw(text))
    out: list[DateMention] = []
    for i, m in enumerate(matches):
        if out and m.start() < out[-1].end:
            continue  # "vorig jaar" of "in september vorig jaar": the month's year, said already
        hint = None
        if m.group("mon") and not m.group("y") and not m.group("rel") and i + 1 < len(matches):
            nxt = matches[i + 1]
            if nxt.group("y") and _BORROW_GAP.fullmatch(text, m.end(), nxt.start()):
                hint = int(nxt.group("y"))
                if _month_of(m.group("mon")) > _month_of(nxt.group("mon")):
                    hint -= 1  # "december tot en met maart 2025" starts in 2024
        if hint is None and m.group("mon") and not m.group("y") and not m.group("rel"):
            hint = _opening_year(text)
        before = text[max(0, m.start() - 20) : m.start()]
        lead = "past" if _LEAD_PAST.search(before) else "future" if _LEAD_FUTURE.search(before) else "nearest"
        if lead == "nearest" and _PAST_VERB_AFTER.match(text, m.end()):
            lead = "past"  # "Op 10 februari droeg Turkije het bevel over": it happened
        which_year = _WHICH_YEAR.match(text, m.end()) if m.group("mon") and not m.group("y") else None
        if which_year and letter_date is not None:
            # "31 december van dit jaar", "maart volgend jaar": the year the words name
            hint = letter_date.year + _YEAR_OFFSET[which_year.group(1).casefold()]
        mention = _convert(m, letter_date, hint, lead)
        if mention is not None:
            if which_year:
                mention = replace(mention, end=which_year.end(), kind="absolute")
            out.append(mention)
    if "kwartaal" in text:  # a quarter's year is no year of its own
        quarters = _quarters(text)
        out = sorted([d for d in out if all(d.end <= q.start or d.start >= q.end for q in quarters)] + quarters,
                     key=lambda d: d.start)
    return out


# "in de loop van het eerste kwartaal van 2010": its first month, and its last as the range's end.
_QUARTER = re.compile(r"\b(?:het\s+)?(?P<q>eerste|tweede|derde|vierde|laatste|1e|2e|3e|4e)\s+kwartaal\s+(?:van\s+)?(?P<y>(?:19|20)\d\d)\b",
                      re.IGNORECASE)
_QUARTER_INDEX = {"eerste": 1, "1e": 1, "tweede": 2, "2e": 2, "derde": 3, "3e": 3, "vierde": 4, "4e": 4, "laatste": 4}


def _quarters(text: str) -> list[DateMention]:
    out = []
    for m in _QUARTER.finditer(text):
        first = 3 * _QUARTER_INDEX[m.group("q").casefold()] - 2
        year = m.group("y")
        out.append(DateMention(f"{year}-{first:02d}", m.start(), m.end(), "absolute", "kwartaal", f"{year}-{first + 2:02d}"))
    return out


# A sentence that opens with its year: "In 2025 heeft Nederland van februari tot en met april ...".
_OPENING_YEAR = re.compile(r"\s*In\s+(?P<y>(?:19|20)\d{2}),?\s")


def _opening_year(text: str) -> int | None:
    """The year of a sentence that opens with one, which its yearless months take."""
    m = _OPENING_YEAR.match(text)
    return int(m.group("y")) if m else None


_WHICH_YEAR = re.compile(r"\s+(?:van\s+)?(dit|volgend|komend|vorig|verleden)\s+jaar\b", re.IGNORECASE)
_YEAR_OFFSET = {"dit": 0, "volgend": 1, "komend": 1, "vorig": -1, "verleden": -1}


def parse_date_phrase(phrase: str, letter_date: date | None, year_hint: int | None = None) -> DateMention | None:
    """Parse a phrase that is exactly one date expression (see ``DATE_RE``).

    A bare year is accepted here, since the caller matched it in a place
    where it can only be a date ("tot en met 2025").
    """
    m = _RAW_RE.match(phrase)
    if m is None:
        m = _RAW_RE.match("in " + phrase)
        if m is None:
            return None
        mention = _convert(m, letter_date, year_hint)
        if mention is None:
            return None
        return DateMention(mention.value, max(0, mention.start - 3), mention.end - 3,
                           mention.kind, mention.qualifier, mention.range_end)
    return _convert(m, letter_date, year_hint)


def parse_letter_date(text: str) -> tuple[date, int, int] | None:
    """Find the letter's own date in its header.

    Looks for "Den Haag, 22 november 2024", "'s-Gravenhage, 3 februari 2006"
    or "Datum 22 november 2024" at the start of a line near the top.

    Returns:
        ``(date, start, end)`` with the span of the date words, or None.
    """
    m = _LETTER_DATE_RE.search(text, 0, min(len(text), _LETTER_DATE_WINDOW))
    if m is None:
        return None
    mention = parse_date_phrase(m.group("d"), None)
    if mention is None or len(mention.value) != 10:
        return None
    return date.fromisoformat(mention.value), m.start("d"), m.end("d")


def add_months(start: str, months: int) -> str:
    """The inclusive end of a period of ``months`` months from ``start``.

    "2025-01-01" + 6 is "2025-06-30"; "2025-01" + 6 is "2025-06"; "2025" + 12
    is "2025" (a year-precise start is taken to begin in January).
    """
    if len(start) == 10:
        return (date.fromisoformat(start) + relativedelta(months=months) - timedelta(days=1)).isoformat()
    first = date(int(start[:4]), int(start[5:7]) if len(start) == 7 else 1, 1)
    last = first + relativedelta(months=months - 1)
    if len(start) == 4 and months % 12 == 0:
        return f"{last.year:04d}"
    return f"{last.year:04d}-{last.month:02d}"


# ---------------------------------------------------------------------------
# Periods: a start, an end and/or a length, built from the date grammar above.

_BL = r"(?<![\w\-/.])"
_RANGE_RE = re.compile(
    # "de periode januari-juni 2025" counts as led, without "periode" in the span
    rf"{_BL}(?:(?P<lead>(?i:van(?:af)?|tussen))\s+|(?P<plead>(?<=periode\s)))?"
    rf"(?:(?P<a>{DATE_RE})|(?P<aday>{_DAY}))\s*"
    rf"(?P<conn>(?i:tot\s+en\s+met|t/m|tot|en)|-|–)\s*(?P<b>{DATE_RE})"
)
_END_RE = guarded(re.compile(
    rf"\b(?P<conn>(?i:tot\s+en\s+met|t/m|tot(?:\s+uiterlijk)?(?:\s+het)?|uiterlijk\s+tot))\s+(?P<b>{DATE_RE})"
))
_START_RE = guarded(re.compile(rf"\b(?P<conn>(?i:vanaf|met\s+ingang\s+van|m\.i\.v\.|ingaande|per))\s+(?P<a>{DATE_RE})"))
_EXPIRY_VERB = r"(?i:verloopt|verlopen|verliep|verliepen|afloopt|aflopen|eindigt|eindigen|loopt\s+af|lopen\s+af|verstrijkt|verstrijken|verstreek|verstreken)"
_EXPIRY_RES = (
    # "verloopt op 31 december 2024", "verlopen in juli 2025"
    re.compile(rf"\b{_EXPIRY_VERB}(?:\s+(?i:op|in|per))?\s+(?P<b>{DATE_RE})"),
    # "lopen in juli 2025 af", "loopt eind 2014 af": Dutch splits the verb around the date
    re.compile(rf"\b(?i:loopt|lopen|liep|liepen)\s+(?:\w+\s+){{0,3}}?(?:(?i:op|in|per)\s+)?(?P<b>{DATE_RE})\s+af\b"),
    # "Eind mei 2025 verloopt ook het mandaat"
    re.compile(rf"{_BL}(?P<b>{DATE_RE})\s+{_EXPIRY_VERB}\b"),
    # "Op 30 september 2009 loopt het nationale mandaat af"
    re.compile(rf"{_BL}(?P<b>{DATE_RE})\s+(?i:loopt|lopen|liep|liepen)\s+(?:[\w-]+\s+){{0,4}}?af\b"),
    # "blijft tot het einde van de Paralympische Spelen, op 28 september": the end, named then dated
    re.compile(rf"\b(?i:tot)\s+(?:het\s+)?(?i:einde|eind|afloop|sluiting)\s+van\s+[^.;:()]{{3,80}}?,\s+(?:(?i:dus|dat is)\s+)?(?i:op|per)\s+(?P<b>{DATE_RE})"),
)
_EXPIRY_RES = tuple(guarded(rx) for rx in _EXPIRY_RES)  # speed: skip sentences lacking their words
# The subject may be long when "af" ends the clause: "Op 31 december 2003 loopt de huidige
# Nederlandse bijdrage aan de vredesmissie ... (UNMEE) af." (scanned in wider windows)
_LONG_EXPIRY_RE = guarded(re.compile(rf"{_BL}(?P<b>{DATE_RE})\s+(?i:loopt|lopen|liep|liepen)\s+[^.;:]{{0,200}}?\s+af(?=[.,;]|\s*$)"))
_LONG_EXPIRY_PAD = 240
_DUR_HEDGE = r"(?:(?i:nog|opnieuw|wederom|maximaal|ten\s+hoogste|minimaal|ruim|circa|ongeveer)\s+)?"
_UNIT_HINT = re.compile(r"(?i:maand|jaar|jaren)")
_UNIT = r"(?P<unit>(?i:maanden|maand|jaren|jaar))\b"


_N = rf"(?P<n>{NUMBER_RE}|(?i:anderhalf))\s*(?P<half>(?i:half)\s*)?"
_DURATION_RES = (
        # "voor een periode van zes maanden", "met een half jaar", "voor de duur van een jaar"
        re.compile(
            rf"\b(?i:voor|met|gedurende|verlenging\s+van|periode\s+van|termijn\s+van)\s+{_DUR_HEDGE}"
            rf"(?:(?i:een|de)\s+(?i:periode|duur|termijn)\s+van\s+{_DUR_HEDGE})?{_N}{_UNIT}"
        ),
        # "zes maanden verlengd", "een jaar te verlengen"
        re.compile(rf"{_BL}{_N}{_UNIT}\s+(?:(?i:te|worden|wordt)\s+)?(?i:verleng\w*)"),
)
_DURATION_RES = tuple(guarded(rx) for rx in _DURATION_RES)


@dataclass(frozen=True)
class Period:
    """A period of deployment or mandate named in the text.

    Attributes:
        start: the first date, as precise as the text, or None.
        end: the last (or, with ``end_inclusive`` False, the first excluded) date.
        start_span: offsets of the start date's words.
        end_span: offsets of the end date's words.
        span: offsets of the whole phrase, connectives included.
        months: the length in months when the text states one.
        end_inclusive: False for "tot 1 april 2025" (up to, not including).
    """

    start: str | None
    end: str | None
    start_span: tuple[int, int] | None
    end_span: tuple[int, int] | None
    span: tuple[int, int]
    months: int | None = None
    end_inclusive: bool = True
    days: int | None = None  # a length in weeks or days no day in the sentence starts

    def end_from(self, start: str) -> str | None:
        """The last day of the length counted from ``start`` (a month for a month, a day for a day)."""
        if self.months:
            return add_months(start, self.months)
        if self.days and len(start) == 10:
            return (date.fromisoformat(start) + timedelta(days=self.days - 1)).isoformat()
        return None


def _months(m: re.Match[str]) -> int | None:
    word = m.group("n").lower()
    unit = 12 if m.group("unit").lower().startswith("ja") else 1
    if word == "anderhalf":
        return 18 if unit == 12 else None
    n = parse_number(word)
    if n is None:
        return None
    if m.group("half"):
        # "een half jaar" is six months; "twee half jaar" is not Dutch.
        return 6 if n == 1 and unit == 12 else None
    return n * unit


def _date_at(text: str, m: re.Match[str], group: str, letter_date: date | None,
             year_hint: int | None = None) -> DateMention | None:
    mention = parse_date_phrase(m.group(group), letter_date, year_hint or _opening_year(text))
    if mention is None:
        return None
    base = m.start(group)
    return DateMention(mention.value, base + mention.start, base + mention.end,
                       mention.kind, mention.qualifier, mention.range_end)


def _span(d: DateMention | None) -> tuple[int, int] | None:
    return (d.start, d.end) if d else None


def _scan(rx: re.Pattern[str] | Guarded, text: str, windows: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    if isinstance(rx, Guarded):  # speed: the sentence is asked for the pattern's words once
        if not rx.may_match(text):
            return
        rx = rx._re
    for s, e in windows:
        yield from rx.finditer(text, s, e)


def _ranges(text: str, letter_date: date | None, win: list[tuple[int, int]]) -> Iterator[Period]:
    for m in _scan(_RANGE_RE, text, win):
        lead = (m.group("lead") or ("periode" if m.group("plead") is not None else "")).lower()
        conn = m.group("conn").lower()
        if (conn == "en") != lead.startswith("tussen"):
            continue  # "tussen A en B" only; "A en B" is a list, not a period
        if not lead and conn not in ("t/m",) and not conn.startswith("tot en"):
            continue
        b = _date_at(text, m, "b", letter_date)
        if b is None:
            continue
        if m.group("aday"):
            # "17-18 oktober" is one date with a range end (see find_dates);
            # only a worded "1 tot en met 30 juni" makes a period of days.
            if len(b.value) != 10 or conn in ("-", "–"):
                continue
            a_val = _day_str(int(b.value[:4]), int(b.value[5:7]), int(re.match(r"\d+", m.group("aday")).group()))
            if a_val is None:
                continue
            a = DateMention(a_val, m.start("aday"), m.end("aday"), b.kind)
        else:
            hint = int(b.value[:4])
            a_mon = re.search(_MONTH, m.group("a"))
            if a_mon and len(b.value) >= 7 and _month_of(a_mon.group()) > int(b.value[5:7]):
                hint -= 1
            a = _date_at(text, m, "a", letter_date, hint)
            if a is None or (not lead and len(a.value) == 4):
                continue
        inclusive = conn != "tot" or b.qualifier == "eind"
        yield Period(a.value, b.value, _span(a), _span(b), m.span(), None, inclusive)


# "in de eerste helft van 2007": a half year, from its first month to its last.
_HALF_YEAR_RE = guarded(re.compile(rf"\b(?i:(?:in|gedurende|voor|tijdens)\s+de\s+)?(?P<which>(?i:eerste|tweede))\s+(?i:helft|jaarhelft)\s+(?i:van\s+)?(?P<y>{_YEAR})"))


_SINCE = re.compile(r"(?i:\b(?:sinds|vanaf|na)\b[^,;.]{0,25})$")
_UNTIL = re.compile(r"(?i:\b(?:tot(?:\s+en\s+met)?|t/m)\s+(?:het\s+(?:einde?|eind)\s+van\s+)?)$")


def _half_years(text: str) -> Iterator[Period]:
    for m in _HALF_YEAR_RE.finditer(text):
        year = m.group("y")
        first = m.group("which").lower() == "eerste"
        span = (m.start("which"), m.end("y"))
        start, end = f"{year}-{'01' if first else '07'}", f"{year}-{'06' if first else '12'}"
        before = text[max(0, m.start() - 30) : m.start()]
        if _SINCE.search(before):  # "sinds de start in de tweede helft van 2011": a start only
            yield Period(start, None, span, None, m.span())
        elif _UNTIL.search(before):
            yield Period(None, end, None, span, m.span())
        else:
            yield Period(start, end, span, span, m.span())


def _singles(text: str, letter_date: date | None, win: list[tuple[int, int]]) -> Iterator[Period]:
    for m in _scan(_END_RE, text, win):
        b = _date_at(text, m, "b", letter_date)
        if b is not None:
            conn = m.group("conn").lower()
            inclusive = not conn.startswith("tot") or "en met" in conn or b.qualifier == "eind"
            yield Period(None, b.value, None, _span(b), m.span(), None, inclusive)
    for m in _scan(_START_RE, text, win):
        a = _date_at(text, m, "a", letter_date)
        # "per" is also "per jaar"; only a full date makes it a start date.
        if a is not None and (m.group("conn").lower() != "per" or len(a.value) == 10):
            yield Period(a.value, None, _span(a), None, m.span())
    for rx in _EXPIRY_RES:
        for m in _scan(rx, text, win):
            b = _date_at(text, m, "b", letter_date)
            if b is not None:
                yield Period(None, b.value, None, _span(b), m.span())
    if re.search(r"\baf\b", text):
        wide = _windows(text, (m.span() for m in _raw_matches(text)), _LONG_EXPIRY_PAD)
        for m in _scan(_LONG_EXPIRY_RE, text, wide):
            b = _date_at(text, m, "b", letter_date)
            if b is not None:
                yield Period(None, b.value, None, _span(b), m.span())


# "voor een periode van zes maanden, te rekenen vanaf 1 mei": the length runs from the start after it.
_COUNTED_FROM = re.compile(r"\s*,?\s*(?:(?:te\s+rekenen|gerekend)\s+)?")


# "vanaf 14 augustus voor een periode van vier weken": a length in weeks or days, which gives an
# end only with the day it starts on.
_SHORT_LENGTH = re.compile(
    # (or how long they stay: "Het detachement blijft vier weken", "Zij blijven daar ten hoogste acht weken")
    rf"\b(?i:voor|gedurende|periode\s+van|termijn\s+van|(?:blijft|blijven|verblijft|verblijven)(?:\s+(?:daar|er|ter\s+plaatse))?)\s+{_DUR_HEDGE}(?:(?i:een|de)\s+(?i:periode|duur|termijn)\s+van\s+{_DUR_HEDGE})?"
    rf"(?P<n>{NUMBER_RE})\s+(?P<unit>(?i:weken|week|dagen|dag))\b"
)


def _with_short_lengths(text: str, periods: list[Period]) -> list[Period]:
    """Periods that start on a day and run for the weeks or days written right after or before them."""
    out = list(periods)
    for m in _SHORT_LENGTH.finditer(text):
        n = parse_number(m.group("n").lower())
        if not n:
            continue
        days = n * (7 if m.group("unit").lower().startswith("we") else 1)
        for i, p in enumerate(out):
            near = text[p.span[1] : m.start()] if p.span[1] <= m.start() else text[m.end() : p.span[0]]
            if p.start and len(p.start) == 10 and not p.end and p.months is None and _COUNTED_FROM.fullmatch(near):
                end = (date.fromisoformat(p.start) + timedelta(days=days - 1)).isoformat()
                out[i] = Period(p.start, end, p.start_span, m.span(), (min(m.start(), p.span[0]), max(m.end(), p.span[1])))
                break
        else:
            if all(m.end() <= p.span[0] or m.start() >= p.span[1] for p in out):
                out.append(Period(None, None, None, None, m.span(), days=days))  # from a start named before
    return out


def find_periods(text: str, letter_date: date | None) -> list[Period]:
    """Find periods: ranges, start and end dates, expiries and lengths.

    A length written right before a dated phrase ("met een half jaar tot en
    met juni 2025") is merged into one period. Overlapping phrases are
    reported once, the most complete reading winning.

    Returns:
        Periods in text order.
    """
    taken: list[Period] = []

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= p.span[0] or span[0] >= p.span[1] for p in taken)

    win = _windows(text, (m.span() for m in _raw_matches(text)), 80)
    for p in (*_half_years(text), *_ranges(text, letter_date, win), *_singles(text, letter_date, win)):
        if free(p.span):
            taken.append(p)
    durations: list[tuple[int, int, int]] = []
    unit_win = _windows(text, (m.span() for m in _UNIT_HINT.finditer(text)), 80)
    for rx in _DURATION_RES:
        for m in _scan(rx, text, unit_win):
            months = _months(m)
            if months and free(m.span()) and all(m.end() <= s or m.start() >= e for s, e, _ in durations):
                durations.append((m.start(), m.end(), months))
    taken.sort(key=lambda p: p.span)
    for s, e, months in durations:
        for i, p in enumerate(taken):
            if p.months is None and (text[e : p.span[0]].isspace() or text[p.span[1] : s].isspace()
                                     or (p.start and not p.end and _COUNTED_FROM.fullmatch(text[e : p.span[0]]))):
                taken[i] = Period(p.start, p.end, p.start_span, p.end_span,
                                  (min(s, p.span[0]), max(e, p.span[1])), months, p.end_inclusive)
                break
        else:
            taken.append(Period(None, None, None, None, (s, e), months))
    if "dag" in text or "week" in text or "weken" in text:
        taken = _with_short_lengths(text, taken)
    return sorted(taken, key=lambda p: p.span)
