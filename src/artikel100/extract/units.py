"""Dutch units and capabilities, personnel nouns, and places, as letters name them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from ..dutch import MONTH_NAMES
from ..datafiles import load_yaml
from .literals import CASE_TRAPS, CaselessPrefilter, WordStarts, by_first_character

__all__ = ["PERSONNEL_NOUNS", "UnitMention", "find_units", "is_person", "is_personnel", "Place", "find_places", "guess_places"]

# Nouns that count people ("145 militairen", "vijftig stafofficieren").
PERSONNEL_NOUNS = re.compile(
    r"^(?:militair(?:en)?|perso(?:on|nen)|personeel(?:sleden)?|man|vrouwen|(?:staf|liaison|verbindings)?officieren"
    r"|officier|onderofficieren|(?:militaire\s+)?adviseurs|instructeurs|trainers|mentoren|bemanningsleden|opvarenden|mariniers"
    r"|commando'?s|functionarissen|agenten|politiefunctionarissen|politieagenten|marechaussees|waarnemers|observers"
    r"|specialisten|medewerkers|vliegers|piloten|experts|deskundigen|planners|artsen|verpleegkundigen|genisten"
    r"|stafleden|manschappen|uitgezonden(?:en)?|Nederlanders|rechercheurs|onderzoekers|technici|juristen|tolken|duikers"
    r"|stafofficier|functionaris|militaire?|ambtenaren|rechters|douaniers|grensbewakers|politiemensen|soldaten"
    r"|commandanten|matrozen|vliegeniers"
    # agent nouns by their suffix: "analisten", "reservisten", "logistici", "verificateurs",
    # "inspecteurs", "coördinatoren"
    r"|\w{3,}isten|\w{3,}ici|\w{3,}eurs|\w{3,}atoren)$",
    re.IGNORECASE,
)

# Unit words -> the kind of deployment the registry keys on.
_UNITS: list[tuple[str, str]] = [
    (r"force[ -]protection|infanteriecompagnie|beveiligingseenheid|bewakingseenheid|(?:infanterie)?compagnie", "force protection"),
    (r"helikopterdetachement|\w*helikopters?|[Cc]hinooks?|Apaches?|Cougars?|NH-?90'?s?", "helicopters"),
    (r"F-?16'?s?|F-?35'?s?|jachtvliegtuigen|gevechtsvliegtuigen|luchtverdedigingseenheid", "fighter aircraft"),
    (r"C-130|KDC-10|MRTT|tank(?:er)?vliegtuig(?:en)?|transportvliegtuig(?:en)?", "air transport"),
    (r"MQ-9|Reaper|onbemande (?:vliegtuigen|luchtvaartuigen)", "unmanned aircraft"),
    (r"Special Operations Forces|SOF|special forces|commando'?s|Korps Commandotroepen", "special operations forces"),
    (r"fregat(?:ten)?|luchtverdedigings- en commandofregat|oorlogsschip|marineschip|Zr\.\s?Ms\.\s?\w+|Hr\.\s?Ms\.\s?\w+|patrouilleschip|onderzeeboot|bevoorradingsschip|amfibisch transportschip", "ship"),
    (r"mijnenjagers?|mijnenbestrijdingsvaartuig(?:en)?", "mine countermeasures"),
    (r"Vessel Protection Detachments?|VPD'?s?", "vessel protection"),
    (r"(?:staf|liaison)officieren|stafofficier|hoofdkwartier|staffuncties|staf", "staff"),
    (r"Force Commander|commandant|commando over|het commando", "command"),
    (r"inlichtingeneenheid|inlichtingencapaciteit|ISR|All Sources Information Fusion Unit|ASIFU", "intelligence"),
    (r"trainingsteam|trainers|instructeurs|opleiders|(?:militaire )?adviseurs|mentoren|trainingsmissie", "training and advice"),
    (r"politiefunctionarissen|politieagenten|marechaussees|Koninklijke Marechaussee|KMar", "police"),
    (r"genie|geniecapaciteit|constructie", "engineers"),
    (r"PRT|Provincial Reconstruction Team|reconstructieteam|wederopbouwteam", "reconstruction team"),
    (r"Patriot|luchtverdedigingssysteem", "air defence"),
    (r"(?:battle)?groep|battlegroup|bataljon|taakgroep|taskforce|task force|eenheid|detachement", "unit"),
]
# One pass over a sentence: every kind an alternative of its own, in order of precedence.
_UNIT_RE = re.compile(
    r"\b(?:"
    + "|".join(
        rf"(?P<k{i}>{'(?i:' if kind != 'special operations forces' else '(?:'}{p}))" for i, (p, kind) in enumerate(_UNITS)
    )
    + r")(?![\w])"
)
_UNIT_KINDS = {f"k{i}": kind for i, (_, kind) in enumerate(_UNITS)}
_UNIT_FILTER = CaselessPrefilter(_UNIT_RE)
# Speed: the alternatives of _UNIT_RE one by one, with the words (in lower case) each needs.
# A kind none of whose words a sentence holds cannot match anywhere in it, so leaving it out
# of the pattern changes neither which kind wins at a place nor where the matches are; a
# sentence is scanned with the alternatives it may hold only (a few of the nineteen).
_UNIT_ALTERNATIVES = [
    rf"(?P<k{i}>{'(?i:' if kind != 'special operations forces' else '(?:'}{p}))" for i, (p, kind) in enumerate(_UNITS)
]
_UNIT_WORDS = [CaselessPrefilter(re.compile(alt)).words for alt in _UNIT_ALTERNATIVES]
_UNIT_SUBSETS: dict[tuple[int, ...], re.Pattern[str]] = {}  # compiled once per process, like re's own cache
_MAX_SUBSETS = 512


def _unit_pattern(text: str) -> re.Pattern[str]:
    """_UNIT_RE, or the same pattern without the kinds ``text`` cannot hold."""
    if any(c in text for c in CASE_TRAPS):
        return _UNIT_RE  # a letter re folds to ASCII and str.lower does not: keep every kind
    low = text.lower()
    kinds = tuple(i for i, words in enumerate(_UNIT_WORDS) if not words or any(map(low.__contains__, words)))
    if not kinds or len(kinds) == len(_UNIT_WORDS):
        return _UNIT_RE
    pattern = _UNIT_SUBSETS.get(kinds)
    if pattern is None:
        if len(_UNIT_SUBSETS) >= _MAX_SUBSETS:
            return _UNIT_RE
        pattern = _UNIT_SUBSETS[kinds] = re.compile(
            r"\b(?:" + "|".join(_UNIT_ALTERNATIVES[i] for i in kinds) + r")(?![\w])"
        )
    return pattern


# Words that name a unit of any country; only the others mark a sentence as Dutch.
_WEAK_KINDS = frozenset({"staff", "command", "unit", "training and advice"})


@dataclass(frozen=True)
class UnitMention:
    kind: str
    text: str
    start: int
    end: int

    @property
    def strong(self) -> bool:
        return self.kind not in _WEAK_KINDS


def find_units(text: str) -> list[UnitMention]:
    """Unit and capability words in ``text``, in text order; where two kinds could match at
    one place, the one listed first wins."""
    return list(_units_of(text))


@lru_cache(maxsize=2048)
def _units_of(text: str) -> tuple[UnitMention, ...]:
    # Several stages ask for the units of the same sentence.
    if not _UNIT_FILTER.may_match(text):  # speed: none of the words a unit needs
        return ()
    return tuple(UnitMention(_UNIT_KINDS[m.lastgroup], m.group(), m.start(), m.end()) for m in _unit_pattern(text).finditer(text))


# Full-time equivalents count people: "ongeveer 29 VTE".
_FTE = re.compile(r"^(?:VTE|vte|fte|FTE|voltijdequivalenten)$")
# The last part of a compound that counts people: "staffunctionarissen", "KMar-medewerkers".
_PERSONNEL_TAIL = re.compile(
    r"(?:functionarissen|medewerkers|werkers|hulpverleners|officieren|militairen|adviseurs|instructeurs|mariniers|agenten|specialisten"
    r"|waarnemers|monitoren|trainers|mentoren|stafleden|bemanningsleden|deskundigen|experts|personeel|ambtenaren|bewakers|rechters"
    # who makes, leads or commands: "kwartiermakers", "teamleiders", "bevelvoerders", "brandweerlieden"
    r"|makers|leiders|voerders|lieden|leden|soldaten|commandanten)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def is_personnel(noun: str | None) -> bool:
    """A word that counts people: a personnel noun, a compound ending in one, or full-time equivalents.

    (Cached: the contributions ask it of every word of many sentences, the same words again.)"""
    if not noun:
        return False
    word = noun.strip("’'")
    # "VN-militairen", "NAVO-adviseurs" are the organisation's people, not a kind of Dutch staff
    compound = len(word) > 9 and _PERSONNEL_TAIL.search(word) and not re.match(r"[A-Z]{2,}-", word)
    return bool(PERSONNEL_NOUNS.match(word) or _FTE.match(word) or compound)


# One person of a kind, in the singular: "De douanedeskundige heeft nog tot 31 oktober gewerkt".
_SINGULAR_PERSON = re.compile(
    r"\w*(?:deskundige|adviseur|officier|waarnemer|specialist|instructeur|marechaussee|functionaris|medewerker|expert"
    r"|militair|agent|arts)$", re.IGNORECASE)


def is_person(noun: str | None) -> bool:
    """A word for people of a kind, plural ("militairen", see :func:`is_personnel`) or singular ("adviseur")."""
    return bool(noun) and (is_personnel(noun) or bool(_SINGULAR_PERSON.match(noun)))


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _place_index() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One pattern for every place form (longest first) and form -> (name, kind)."""
    data = load_yaml(Path(__file__).with_name("data") / "places.yaml")
    forms: dict[str, tuple[str, str]] = {}
    for entry in data["places"]:
        for form in [entry["name"], *entry.get("aliases", [])]:
            forms[" ".join(form.split())] = (entry["name"], entry["kind"])
    names = by_first_character(sorted(forms, key=len, reverse=True), lambda f: re.escape(f).replace("\\ ", "\\s+"))  # (speed)
    return re.compile(rf"(?<![\w-])(?:{names})(?![\w-])"), forms


# "in Suva Reka", "vanuit Camp Faouar", "te Prijedor": a capitalised name after a place preposition.
_NAME = r"(?:Camp |Kamp |Fort )?[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČ][^\W\d_]+(?:[- ](?:e[- ])?[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČ][^\W\d_]+){0,2}"
_PLACE_AFTER = re.compile(
    r"\b(?:in|te|vanuit|vanaf|nabij|rond|naar|bij|(?:lucht(?:macht)?|vlieg|marine)?basis|luchthaven|havens? van|haven|kamp)\s+"
    rf"(?P<name>{_NAME})(?![\w-])"
    # "rond Bugojno en Novi Travnik", "in Strausberg (Duitsland) en in Żagań": the second place of a pair
    rf"(?:\s*(?:\([^)]{{2,30}}\))?\s*(?:,|en|of)\s+(?:in\s+|te\s+)?(?P<name2>{_NAME})(?![\w-]))?"
)
NOT_PLACES = frozenset(
    "Nederland Europa Afrika Azië Amerika Den Haag Brussel Kamer Tweede Eerste Staten-Generaal NAVO Navo VN EU "
    "Verenigde Naties Europese Unie Defensie Buitenlandse Zaken Nederlandse Nederlanders".split()
)
_ADJECTIVE = re.compile(r"(?:isch|ische|iaanse|aanse|ese|se)$")
_MONTH_NAMES = frozenset(MONTH_NAMES)


def guess_places(text: str) -> list[Place]:
    """Places not in the gazetteer, by the way letters name them; kind "guess"."""
    from ..repair.lexicon import lexicon
    from .missions import lookup

    out = []
    for m in _PLACE_AFTER.finditer(text):
        for group in ("name", "name2"):
            name = m.group(group)
            if not name or len(name) < 4:
                continue
            first = name.split()[0]
            if name in NOT_PLACES or first in NOT_PLACES or first.casefold() in _MONTH_NAMES or lookup(name):
                continue
            if lexicon().nl(first.casefold()) >= 5.0 or _ADJECTIVE.search(first):
                continue  # a very common word with a capital, or "de Libische kust"
            out.append(Place(name, "guess", m.start(group), m.end(group)))
    return out


@lru_cache(maxsize=1)
def _place_finder() -> WordStarts:
    """The place pattern tried only where a form's first letter starts a word (speed)."""
    pattern, forms = _place_index()
    return WordStarts(pattern, "".join({f[0] for f in forms}))


def find_places(text: str) -> list[Place]:
    """Known places named in ``text``."""
    _, forms = _place_index()
    out = []
    for m in _place_finder().finditer(text):
        name, kind = forms[" ".join(m.group().split())]
        out.append(Place(name, kind, m.start(), m.end()))
    return out
