"""Dates as precise as the letters are: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

A partial date is a period. As a start it means its first day, as an end
(a framework "tot en met juni 2025") its last day; two dates agree when one
is a prefix of the other ("2025-06" and "2025-06-30").
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from dateutil.relativedelta import relativedelta

__all__ = ["first_day", "last_day", "agree", "parse_period", "parse_day"]

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _parts(value: str) -> tuple[int, int | None, int | None]:
    m = _PARTIAL.match(value.strip())
    if not m:
        raise ValueError(f"not a date: {value!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    y, mo, d = m.groups()
    return int(y), int(mo) if mo else None, int(d) if d else None


# The registry's dates are a few thousand distinct strings asked about millions of
# times (every deployment on every day of a chart); parsed once each, at most this many kept.
_PARSED_DATES = 16384


@lru_cache(maxsize=_PARSED_DATES)
def first_day(value: str | None) -> date | None:
    """The first day a partial date can mean."""
    if not value:
        return None
    y, m, d = _parts(value)
    return date(y, m or 1, d or 1)


@lru_cache(maxsize=_PARSED_DATES)
def last_day(value: str | None) -> date | None:
    """The last day a partial date can mean (the end of a framework "until June 2025")."""
    if not value:
        return None
    y, m, d = _parts(value)
    if m is None:
        return date(y, 12, 31)
    return date(y, m, d or calendar.monthrange(y, m)[1])


def agree(a: str | None, b: str | None) -> bool:
    """True when two partial dates can mean the same day (one is a prefix of the other)."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def parse_period(value: str) -> relativedelta:
    """``"6m"``, ``"10y"``, ``"2w"``, ``"30d"`` -> a relativedelta.

    Raises:
        ValueError: not a period.
    """
    m = re.fullmatch(r"\s*(\d+)\s*([dwmy])\s*", value.lower())
    if not m:
        raise ValueError(f"not a period: {value!r} (use e.g. 30d, 2w, 6m, 10y)")
    n, unit = int(m.group(1)), m.group(2)
    return {
        "d": relativedelta(days=n),
        "w": relativedelta(weeks=n),
        "m": relativedelta(months=n),
        "y": relativedelta(years=n),
    }[unit]


def parse_day(value: str) -> date:
    """A full or partial date given on the command line, as its first day."""
    d = first_day(value)
    assert d is not None
    return d
