"""The mission a place belongs to, among the missions a letter names.

A progress report goes through its missions paragraph by paragraph, and a
paragraph often names only the place: "In Kosovo is het marechausseeteam ...
teruggekeerd. De vier stafofficieren op het hoofdkwartier in Pristina blijven
tot en met 31 december 2025." Pristina is in Kosovo (GeoNames), and of the
letter's missions only KFOR works in Kosovo (the catalogue's ISO country
codes): the paragraph is about KFOR. When two of the letter's missions work in
the place's country (RSM and ISAF in Afghanistan), the place decides nothing.
"""

from __future__ import annotations

from functools import lru_cache

from .missions import catalogue
from .units import find_places

__all__ = ["KINGDOM", "country_of_place", "in_the_kingdom", "mission_of_places"]

# The ISO codes of the four countries of the Kingdom and of the Caribbean Netherlands: a ship
# that sails from Willemstad or Den Helder leaves home.
KINGDOM = frozenset({"NL", "AW", "CW", "SX", "BQ"})


@lru_cache(maxsize=4096)
def country_of_place(name: str) -> str | None:
    """The ISO code of the country a place is in ("Den Helder" -> "NL"), or None."""
    # (GeoNames, CLDR and the project's places; imported lazily, as only letters
    # that need a place's country load it)
    from ..gazetteer import gazetteer

    place = gazetteer().resolve(name)
    return place.country if place else None


def in_the_kingdom(name: str) -> bool:
    """Whether a place lies in the Kingdom of the Netherlands, the Caribbean parts included."""
    return country_of_place(name) in KINGDOM


def mission_of_places(text: str, candidates: frozenset[str], main: str | None) -> str | None:
    """The one mission of ``candidates`` that works in the countries of the places ``text``
    names, when the letter's main mission does not: None when the places name no such
    mission or more than one, or when the main mission is not catalogued with its countries
    (an operation the letter describes, a standing force)."""
    entries = catalogue()
    if main not in entries or not entries[main].countries:
        return None
    found: set[str] = set()
    for place in find_places(text):
        if place.kind == "sea":
            continue
        code = country_of_place(place.name)
        if not code or code in entries[main].countries:
            continue
        found |= {m for m in candidates if m in entries and code in entries[m].countries}
    return next(iter(found)) if len(found) == 1 else None
