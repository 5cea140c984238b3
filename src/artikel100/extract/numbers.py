"""Dutch numbers and counted quantities ("circa 145 militairen"), with offsets.

Numbers come as digits ("145", "1.200" with the Dutch thousands dot, "1 200")
or as Dutch words ("honderdvijfenveertig"); words are read by ``text2num``.
A quantity is a number that counts something: years, day numbers of dates,
Kamerstuk and resolution numbers, article numbers, times and amounts of
money are numbers but not quantities, and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from text_to_num import text2num

from .literals import CaselessPrefilter

__all__ = ["NUMBER_RE", "Change", "Quantity", "find_changes", "find_quantities", "parse_number"]

# Dutch number words are written as one word up to a thousand
# ("honderdvijfenveertig"); the grammar below accepts exactly those.
_UNIT_WORDS = "een|één|twee|drie|vier|vijf|zes|zeven|acht|negen"
_TEEN_WORDS = "tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien"
_TENS_WORDS = "twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig"
_UNIT = rf"(?:{_UNIT_WORDS})"
_TEEN = rf"(?:{_TEEN_WORDS})"
_TENS = rf"(?:{_TENS_WORDS})"
_LT100 = rf"(?:{_UNIT}(?:en|ën){_TENS}|{_TENS}|{_TEEN}|{_UNIT})"
_LT1000 = rf"(?:(?:{_TEEN}|{_UNIT})?honderd(?:en)?{_LT100}?|{_LT100})"
_WORDS = rf"(?:{_LT1000}?duizend(?:\s?(?:en\s?)?{_LT1000})?|{_LT1000})"
_DIGITS = r"(?:\d{1,3}(?:[.\u00a0\u202f\u2009 ]\d{3})+(?![\d,.]\d)|\d+)"

#: One number expression (digits or Dutch words), for composing into patterns.
NUMBER_RE = rf"(?:{_DIGITS}|(?i:{_WORDS})(?![\w]))"

_FULL_DIGITS = re.compile(r"\d{1,3}(?:[.\u00a0\u202f\u2009 ]\d{3})+|\d+")
_FULL_WORDS = re.compile(rf"(?i:{_WORDS})")
_SEPARATORS = str.maketrans("", "", ". \u00a0\u202f\u2009")


@lru_cache(maxsize=4096)
def parse_number(s: str) -> int | None:
    """Read one Dutch number expression.

    Args:
        s: "145", "1.200", "1 200", "twee", "honderdtachtig", "één", ...

    Returns:
        The integer, or None when ``s`` is not a whole number ("half",
        "18,3", "militairen").
    """
    s = s.strip()
    if _FULL_DIGITS.fullmatch(s):
        return int(s.translate(_SEPARATORS))
    if not _FULL_WORDS.fullmatch(s):
        return None
    try:
        return int(text2num(s.lower(), "nl"))
    except ValueError:
        return None


@dataclass(frozen=True)
class Quantity:
    """A counted number of something.

    Attributes:
        value: the number, or None for vague counts ("enkele", "tientallen").
        start: start of the phrase (qualifier included).
        end: end of the phrase (noun included when there is one).
        qualifier: "circa", "ongeveer", "maximaal", "minimaal", "ruim",
            "bijna", "tot", "zo'n", "enkele", ... or None.
        noun: the counted word ("militairen", "F-35's") or None.
        number_span: offsets of the number words alone.
    """

    value: int | None
    start: int
    end: int
    qualifier: str | None = None
    noun: str | None = None
    number_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Change:
    """A change of a quantity: "van vijf naar maximaal acht F-16's"."""

    old: Quantity
    new: Quantity
    start: int
    end: int


_VAGUE_WORDS = "enkele|tientallen|honderden|duizenden"
_VAGUE = rf"(?:{_VAGUE_WORDS})"
# Every number word opens with one of these (all words of the grammar start with a unit,
# a teen, a ten, "honderd" or "duizend"; all have three letters or more).
_FIRST_THREE = sorted({w[:3] for w in "|".join((_UNIT_WORDS, _TEEN_WORDS, _TENS_WORDS, "honderd|duizend", _VAGUE_WORDS)).split("|")})
_NUM_TOKEN_RE = re.compile(
    # The lookaheads are only for speed: the first spares trying the word grammar at
    # every character, the third at every word start that opens no number word ("de", "het").
    r"(?=[\deéEÉtTdDvVzZaAnNhH])"
    r"(?<![\w\-/.,€])"
    rf"(?=\d|(?i:{'|'.join(_FIRST_THREE)}))"
    rf"(?:(?P<num>{_DIGITS}|(?i:{_WORDS}))(?P<tal>tal)?|(?P<vague>(?i:{_VAGUE})))(?![\w])"
)
# Qualifiers directly before the number, longest first; normalised below.
_QUALIFIER_RE = re.compile(
    r"(?i:\b(?P<q>tot\s+maximaal|tot\s+een\s+maximum\s+van|maximaal|max\.|ten\s+hoogste|hooguit"
    r"|maximum\s+van|minimaal|minstens|ten\s+minste|tenminste|circa|ca\.|ongeveer|ruim|bijna"
    r"|zo['’]n|rond\s+de|om\s+en\s+nabij|naar\s+schatting|meer\s+dan|minder\s+dan|tot)\s+)$"
)
_QUAL_NORM = {
    "tot maximaal": "maximaal", "tot een maximum van": "maximaal", "max.": "maximaal",
    "ten hoogste": "maximaal", "hooguit": "maximaal", "maximum van": "maximaal",
    "minstens": "minimaal", "ten minste": "minimaal", "tenminste": "minimaal",
    "ca.": "circa", "rond de": "circa", "om en nabij": "circa", "naar schatting": "circa",
    "zo’n": "zo'n",
}
# Words before a number that make it a label, not a count.
_LABEL_BEFORE = re.compile(
    r"(?i:\b(?:artikel|art\.|lid|fase|nr\.?|nrs\.|nummers?|hoofdstuk|paragraaf|bijlage|pagina|blz\.|p\.|punt"
    r"|resoluties?|[\w-]*resoluties?|UNSCR|kamerstuk(?:ken)?|kst\.|motie|amendement|rubriek|stap|niveau|camp)"
    r"\s+(?:I{1,2}\s+)?(?:\d+\s*(?:,|en)\s*)*)$"
)
# After a number: money, percentages, times, decimals, day-of-month.
_NOT_COUNT_AFTER = re.compile(
    r"(?i:[.,:]\d|\s*(?:,\d+\s*)?(?:miljoen|miljard|mln\b|mld\b|euro|eur\b|€|%|procent|uur\b)"
    r"|\s*[-–]|\s+[IVX]+\b|,\s*nrs?\.)"
)
_MONEY_BEFORE = re.compile(r"(?:€|EUR|euro)\s*$")
_KAMERSTUK_RE = re.compile(
    r"(?i:\b(?:kamerstuk(?:ken)?|kst\.?)\s+(?:I{1,2}\s+)?(?:\d{4}/\d{2,4},?\s*)?\d{2}\s?\d{3}"
    r"(?:\s*-\s*[IVX]+)?(?:,?\s*(?:(?:nrs?\.|nummers?)\s*)?\d+(?:\s*(?:,|en|t/m|-)\s*\d+)*)?)"
    r"|\b\d{2}\s?\d{3}(?:\s*-\s*[IVX]+)?,\s*(?:nrs?\.|nummers?)\s*\d+(?:\s*(?:,|en)\s*\d+)*"
)
_KAMERSTUK_FILTER = CaselessPrefilter(_KAMERSTUK_RE)
_NOUN_RE = re.compile(r"\s+(?P<noun>[^\W\d_][\w'’\-]*)")
# Adjectives that may stand between a number and its noun ("vier Nederlandse F-35's").
_ADJECTIVE_RE = re.compile(r"(?i:extra|grote|kleine|nieuwe|andere|\w+(?:se|ische|ale|ele|ige|lijke|bare))")
_NOT_NOUN = frozenset(
    "naar tot en of van in op aan voor met bij uit om te is zijn was waren wordt worden werd "
    "de het een die dat dit deze als dan door over per na tegen".split()
)
_FOOTNOTE_NEXT = re.compile(r" [A-Z]")
_YEARLIKE = re.compile(r"(?:19|20)\d\d")
_HEADCOUNT = frozenset("militairen personen man soldaten mensen".split())
_CHANGE_CUE = re.compile(
    r"(?i:uitgebreid|uitbreiding|verhoogd|verhoging|verlaagd|verlaging|teruggebracht|verminderd"
    r"|vermindering|vergroot|verkleind|opgeschaald|afgeschaald|stijgt|daalt|groeit|toename|afname|gaat)"
)


def _noun_after(text: str, pos: int) -> tuple[str | None, int]:
    """The counted word after ``pos`` (skipping up to two adjectives) and its end."""
    end = pos
    for _ in range(3):
        m = _NOUN_RE.match(text, end)
        if m is None:
            return None, pos
        word = m.group("noun").rstrip("'’-")
        if word.lower() in _NOT_NOUN or parse_number(word) is not None:
            return None, pos
        nxt = _NOUN_RE.match(text, m.end())
        if _ADJECTIVE_RE.fullmatch(word) and nxt and nxt.group("noun").lower() not in _NOT_NOUN:
            end = m.end()
            continue
        return word, m.start("noun") + len(word)
    return None, pos


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    from .dates import date_spans  # dates.py builds on this module; import late to stay acyclic

    spans = date_spans(text)
    if _KAMERSTUK_FILTER.may_match(text):  # speed: most sentences cite no Kamerstuk
        spans.extend(m.span() for m in _KAMERSTUK_RE.finditer(text))
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def find_quantities(text: str) -> list[Quantity]:
    """Find counted quantities ("circa 145 militairen", "twee schepen").

    The bare article "een" is not read as the number one; "één" is.

    Returns:
        Quantities in text order.
    """
    excluded: list[tuple[int, int]] | None = None  # found at the first number that needs them (speed)
    out: list[Quantity] = []
    for m in _NUM_TOKEN_RE.finditer(text):
        s, e = m.span()
        raw = m.group("num")
        if raw is not None:
            if raw.lower() == "een":
                continue
            if excluded is None:
                excluded = _excluded_spans(text)
            if _inside(excluded, s, e):
                continue
            if _NOT_COUNT_AFTER.match(text, m.end()) or _MONEY_BEFORE.search(text, max(0, s - 6), s):
                continue
            if _LABEL_BEFORE.search(text, max(0, s - 40), s):
                continue
            # A footnote number opens its paragraph: "1 Kamerbrief over ...".
            if raw.isdigit() and (s == 0 or text[s - 1] == "\n") and _FOOTNOTE_NEXT.match(text, e):
                continue
            value = parse_number(raw)
            if value is None:
                continue
        noun, noun_end = _noun_after(text, e)
        if raw is not None and _YEARLIKE.fullmatch(raw) and (noun or "").lower() not in _HEADCOUNT:
            continue
        qm = _QUALIFIER_RE.search(text, max(0, s - 30), s)
        qualifier = None
        start = s
        if m.group("vague"):
            value, qualifier = None, m.group("vague").lower()
        elif qm:
            q = re.sub(r"\s+", " ", qm.group("q").lower())
            qualifier, start = _QUAL_NORM.get(q, q), qm.start("q")
        if m.group("tal") and qualifier is None:
            qualifier = "circa"  # "een twintigtal" is about twenty
        out.append(Quantity(value, start, max(e, noun_end), qualifier, noun, (s, e)))
    return out


_VAN_BEFORE = re.compile(r"(?i:\bvan\s+)$")
_CHANGE_GAP = re.compile(r"\s+(?P<conn>naar|tot)\s+")


def find_changes(text: str, quantities: list[Quantity] | None = None) -> list[Change]:
    """Find changes of a quantity: "van vijf naar maximaal acht".

    "van X naar Y" is always a change; "van X tot Y" only next to a word of
    change ("uitgebreid van vijf tot acht"), since otherwise it is a range.

    Args:
        text: the text searched.
        quantities: ``find_quantities(text)`` when the caller already has it,
            to save scanning the text twice.
    """
    if quantities is None:
        quantities = find_quantities(text)
    quantities = [q for q in quantities if q.value is not None]
    changes: list[Change] = []
    for old, new in zip(quantities, quantities[1:]):
        van = _VAN_BEFORE.search(text, max(0, old.start - 10), old.start)
        if van is None:
            continue
        new_num = new.number_span[0] if new.number_span else new.start
        if new.qualifier == "tot":
            new = replace(new, qualifier=None, start=new_num)
        gap = _CHANGE_GAP.fullmatch(text, old.end, new.start)
        if gap is None:
            continue
        if gap.group("conn") == "tot":
            sentence_start = max(text.rfind(".", 0, van.start()), text.rfind("\n", 0, van.start()), 0)
            if not _CHANGE_CUE.search(text, sentence_start, van.start()):
                continue
        if old.noun is None and new.noun is not None:
            old = replace(old, noun=new.noun)
        changes.append(Change(old, new, van.start(), new.end))
    return changes
