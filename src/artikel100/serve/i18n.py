"""Dutch by default, English through a switch: gettext catalogues compiled by Babel.

Message ids are English (code and docs are English); ``locale/nl`` holds the
Dutch catalogue the site speaks by default and ``locale/en`` an empty one.
The language comes from ``?lang=`` (which also sets a cookie), then the
``lang`` cookie, then Dutch. Templates call ``_()``/``ngettext()``, bound per
request through a context variable, and format dates and numbers with
Babel's CLDR data for the same locale.
"""

from __future__ import annotations

from contextvars import ContextVar
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from babel.support import NullTranslations, Translations

__all__ = ["LANGUAGES", "DEFAULT_LANGUAGE", "LOCALE_DIR", "translations", "current", "gettext", "ngettext",
           "use_language", "pick_language", "fmt_date", "fmt_number", "fmt_money"]

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

_current: ContextVar[str] = ContextVar("artikel100_lang", default=DEFAULT_LANGUAGE)


@lru_cache(maxsize=None)
def translations(lang: str) -> NullTranslations:
    """The compiled catalogue of ``lang`` (English is the message ids themselves)."""
    if lang == "en":
        return NullTranslations()
    found = Translations.load(str(LOCALE_DIR), [lang], domain="messages")
    if not isinstance(found, Translations):
        raise RuntimeError(f"the {lang} catalogue is missing from {LOCALE_DIR} (run pybabel compile)")
    return found


def current() -> str:
    return _current.get()


def use_language(lang: str) -> None:
    _current.set(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)


def pick_language(query: str | None, cookie: str | None) -> str:
    for value in (query, cookie):
        if value in LANGUAGES:
            return value  # type: ignore[return-value]
    return DEFAULT_LANGUAGE


def gettext(message: str) -> str:
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(current()).ngettext(singular, plural, n)


_DAY, _MONTH = "d MMMM y", "MMMM y"


def fmt_date(value: str | date | None, fmt: str = "long") -> str:
    """A date as precise as the letter gave it ("2025", "juni 2025", "30 juni 2025")."""
    if value is None or value == "":
        return "–"
    return _formatted_date(value, fmt, current())


# A page shows hundreds of dates and Babel takes ~50 µs for each; the registry's
# distinct dates are few, so each is formatted once per language (at most this many kept).
@lru_cache(maxsize=16384)
def _formatted_date(value: str | date, fmt: str, locale: str) -> str:
    if isinstance(value, date):
        return format_date(value, _DAY if fmt == "long" else "d MMM y", locale=locale)
    parts = str(value).split("-")
    try:
        if len(parts) == 1:
            return parts[0]
        if len(parts) == 2:
            return format_date(date(int(parts[0]), int(parts[1]), 1), _MONTH, locale=locale)
        return format_date(date(int(parts[0]), int(parts[1]), int(parts[2][:2])),
                           _DAY if fmt == "long" else "d MMM y", locale=locale)
    except ValueError:
        return str(value)


def warm_up() -> None:
    """Loads every language's catalogue and CLDR data now (a first page would wait ~100 ms for them)."""
    token = _current.set(DEFAULT_LANGUAGE)
    try:
        for lang in LANGUAGES:
            _current.set(lang)
            translations(lang)
            fmt_date(date(2000, 1, 1)), fmt_date("2000-01"), fmt_number(1000), fmt_money(1000.0)
    finally:
        _current.reset(token)


def fmt_number(value: float | int | None) -> str:
    return "–" if value is None else _formatted_number(value, current())


@lru_cache(maxsize=4096)  # head counts, days left, years: a few thousand values at most kept
def _formatted_number(value: float | int, locale: str) -> str:
    return format_decimal(value, locale=locale)


def fmt_money(value: float | None) -> str:
    if value is None:
        return "–"
    return format_currency(value, "EUR", locale=current(), format="¤ #,##0", currency_digits=False)


def language_name(lang: str) -> str:
    return Locale.parse(lang).get_display_name(lang).capitalize()
