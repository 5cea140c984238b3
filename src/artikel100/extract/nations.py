"""Countries and their adjectives in Dutch, from CLDR (through Babel) and the lexicon.

A letter says whose units it speaks of with a country ("Duitsland levert ..."),
an adjective ("de Belgische F-16's", "Iraakse strijdkrachten") or a demonym
("de Amerikanen"). Country names come from CLDR's Dutch territory names, plus the
older or shorter forms letters use that can be derived from them ("Bosnië" of
"Bosnië en Herzegovina", "Macedonië" of "Noord-Macedonië") and the country
aliases of the place list. Adjectives are made from each name by the rules of
Dutch word formation (Irak -> Iraakse, Libië -> Libische, Polen -> Poolse,
Canada -> Canadese, Mali -> Malinese) and kept only where wordfreq's Dutch
lexicon knows the word, so the rules cannot invent one; the few that no rule
makes (Amerikaanse, Britse, Franse, Deense, Noorse, Zwitserse, Saoedische, ...) are listed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from babel import Locale
from ..datafiles import load_yaml
from .literals import WordStarts, by_first_character

__all__ = ["NL", "country_names", "country_of", "nationality", "find_countries", "CountryMention"]

NL = "NL"

# Territory codes that are no country: the EU, the eurozone, the UN, "unknown", regions.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
# Dutch demonyms and adjectives that no suffix rule derives from the country's name.
_IRREGULAR = {
    "Amerikaan": "US", "Amerikanen": "US", "Amerikaans": "US", "Amerikaanse": "US",
    "Brit": "GB", "Britten": "GB", "Brits": "GB", "Britse": "GB", "Engelse": "GB",
    "Fransen": "FR", "Frans": "FR", "Franse": "FR",
    "Denen": "DK", "Deens": "DK", "Deense": "DK",
    "Noren": "NO", "Noors": "NO", "Noorse": "NO",
    "Zwitsers": "CH", "Zwitserse": "CH",
    "Saoedische": "SA", "Congolese": "CD", "Palestijnse": "PS", "Emiraatse": "AE", "Cypriotische": "CY",
    "Nederlander": NL, "Nederlanders": NL, "Nederlands": NL, "Nederlandse": NL,
}
# Endings a country's name drops before an adjective suffix, longest first.
_NAME_ENDINGS = ("istan", "enland", "land", "ije", "ië", "je", "ne", "en", "ia", "al", "on", "us", "a", "e", "o", "")
_ADJECTIVE_SUFFIXES = (
    "ische", "isch", "sische", "se", "s", "e", "aanse", "aans", "iaanse", "iaans", "ese", "ees", "nese", "ense", "lese",
    "itische", "ijnse", "aarse", "otische", "en", "ers", "ezen", "nezen", "anen",
)
_MIN_ZIPF = 1.0  # the lexicon must know the adjective (in lower case, as wordfreq stores it)

_DATA = Path(__file__).with_name("data")


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Every Dutch name of a country -> its ISO 3166 code ("Irak" -> "IQ")."""
    territories = {code: name for code, name in Locale("nl").territories.items()
                   if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES}
    names: dict[str, str] = {}
    for code, name in territories.items():
        names[name] = code
        if " en " in name:  # "Bosnië en Herzegovina": also "Bosnië-Herzegovina" and "Bosnië"
            first = name.split(" en ")[0]
            names.setdefault(name.replace(" en ", "-"), code)
            names.setdefault(first, code)
    for code, name in territories.items():
        bare = re.sub(r"^(?:Noord|Zuid|Oost|West)-", "", name)
        if bare != name and bare not in names:  # "Noord-Macedonië" -> "Macedonië"; not Soedan
            names[bare] = code
    for entry in load_yaml(_DATA / "places.yaml")["places"]:
        code = names.get(entry["name"])
        if entry["kind"] == "country" and code:
            for alias in entry.get("aliases", []):
                names.setdefault(alias, code)
    names.setdefault("Verenigde Staten van Amerika", "US")
    names.setdefault("VS", "US")
    return names


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    """Adjectives and demonyms -> country code, derived from the names and checked in the lexicon."""
    from ..repair.lexicon import lexicon

    lex = lexicon()
    out: dict[str, str] = {}
    for name, code in country_names().items():
        if " " in name or len(name) < 4:
            continue  # "Verenigd Koninkrijk" and the like have irregular adjectives
        word = name.split("-")[-1]
        for ending in _NAME_ENDINGS:
            if ending and not word.endswith(ending):
                continue
            stem = word[: len(word) - len(ending)] if ending else word
            if len(stem) < 3:
                continue
            for stem_form in {stem, _doubled(stem), _undoubled(stem)}:
                for suffix in _ADJECTIVE_SUFFIXES:
                    if not ending and suffix in ("s", "e", "en"):
                        continue  # "Belgiës", "Malis": the name's genitive, no adjective
                    form = stem_form + suffix
                    if form not in out and lex.nl(form.casefold()) >= _MIN_ZIPF:
                        out[form] = code
    out.update(_IRREGULAR)
    return out


def _doubled(stem: str) -> str:
    """The open syllable's long vowel doubled before a suffix: Irak -> Iraak(se), Polen -> Pool(se)."""
    m = re.search(r"([^aeiouy])([aeou])([^aeiouy])$", stem)
    return stem[: m.start(2)] + m.group(2) * 2 + m.group(3) if m else stem


def _undoubled(stem: str) -> str:
    """The long vowel of a closed syllable made single before a suffix: Tsjaad -> Tsjad(ische)."""
    m = re.search(r"([aeou])\1([^aeiouy])$", stem)
    return stem[: m.start()] + m.group(1) + m.group(2) if m else stem


def nationality(word: str) -> str | None:
    """The country a capitalised adjective or demonym belongs to ("Belgische" -> "BE"), or None."""
    if not word[:1].isupper():
        return None
    return _adjectives().get(word)


def country_of(name: str) -> str | None:
    """The ISO code of a Dutch country name ("Litouwen" -> "LT"), or None."""
    return country_names().get(" ".join(name.split()))


class CountryMention:
    __slots__ = ("code", "start", "end", "adjective")

    def __init__(self, code: str, start: int, end: int, adjective: bool) -> None:
        self.code, self.start, self.end, self.adjective = code, start, end, adjective

    def __repr__(self) -> str:
        return f"CountryMention({self.code!r}, {self.start}, {self.end}, adjective={self.adjective})"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    forms = sorted(set(country_names()) | set(_adjectives()), key=len, reverse=True)
    names = by_first_character(forms, lambda f: re.escape(f).replace("\\ ", r"\s+"))  # (speed)
    return re.compile(rf"(?<![\w-])(?:{names})(?![\w])")


@lru_cache(maxsize=1)
def _finder() -> WordStarts:
    """``_pattern`` tried only where a name's first letter starts a word (speed)."""
    return WordStarts(_pattern(), "".join({f[0] for f in set(country_names()) | set(_adjectives())}))


@lru_cache(maxsize=2048)
def find_countries(text: str) -> tuple[CountryMention, ...]:
    """Countries, adjectives and demonyms of countries in ``text``, in text order."""
    names, adjectives = country_names(), _adjectives()
    out = []
    for m in _finder().finditer(text):
        form = " ".join(m.group().split())
        if form in names:
            out.append(CountryMention(names[form], m.start(), m.end(), False))
        elif form in adjectives:
            out.append(CountryMention(adjectives[form], m.start(), m.end(), True))
    return tuple(out)
