"""Missions a letter describes instead of naming them.

Letters often say "de EU-trainingsmissie in Mali", "de door de NAVO geleide
stabilisatiemissie in Bosnië-Herzegovina", "de vooruitgeschoven
NAVO-aanwezigheid in Litouwen" or "de evacuatie uit Soedan". Such a description
has a head noun (missie, operatie, troepenmacht, coalitie, evacuatie, ...), and
may say who leads it (an organisation glued to the head, "door de VS geleide"),
what kind it is (the first part of the compound: training, advies, politie,
waarnemers, ...), where it works ("in Mali", "uit Soedan") and what for ("tegen
ISIS", "ter handhaving van het wapenembargo").

A description is resolved against the catalogue by those parts and the
letter's date: the missions of that organisation, kind and country that ran
when the letter was written. When exactly one fits (preferring the missions
the letter names elsewhere) the description is a mention of it. When none or
several fit, a description that says who leads it or what kind of operation it
is, and where or what for, is a mission of its own, with an id made from its
words ("EVACUATIE-UIT-SOEDAN"); descriptions of one head, organisation and
place in one letter are one mission.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .missions import CatalogueEntry, catalogue
from .nations import country_of, find_countries
from .organisations import ABBREVIATIONS, ORGANISATIONS

__all__ = ["Description", "find_descriptions", "resolve"]

_ORG = ABBREVIATIONS
# Who leads it: "door de NAVO geleide", "NAVO-geleide", "VN-gemandateerde".
_LEADER = rf"(?:door\s+de\s+(?P<led>{_ORG}|Verenigde Staten)\s+geleide|(?P<led2>{_ORG})-(?:geleide|gemandateerde))\s+"
_ADJECTIVES = (
    r"(?:(?:internationale|multinationale|militaire|maritieme|nieuwe|civiele|civiel-militaire|gezamenlijke"
    r"|Europese|vooruitgeschoven|versterkte|consulaire|humanitaire|beoogde|brede)\s+){0,3}"
)
# The head noun, with the kind as the first part of a compound ("trainingsmissie").
_HEADS = (
    r"(?P<head>(?P<kind>[a-zë]*?)(?:missie|operatie|troepenmacht|vredesmacht|coalitie|aanwezigheid"
    r"|evacuatie(?:operatie|poging)?|onderzoeksteam|inzet|(?<=reactie|respons)macht"
    # "de internationale mijnenbestrijdingsactie", "de hulpactie" (not "transactie", "redactie", "fractie")
    r"|(?<=[a-zë]{3}s|hulp)(?<!trans)actie))"
)
_HEAD = re.compile(
    rf"(?<![\w-])(?:(?:de|het|een)\s+)?(?:{_LEADER})?(?P<adjectives>{_ADJECTIVES})"
    rf"(?:(?P<org>{_ORG})[- ])?{_HEADS}(?![\w-])"
)
# What may follow: where ("in Mali", "uit Soedan", "boven Irak") and what for ("tegen ISIS",
# "ter handhaving van het wapenembargo"), up to a comma, a bracket or a clause.
_STOP = r"(?:is|zijn|was|waren|wordt|worden|werd|heeft|hebben|had|zal|zullen|kan|kunnen|die|dat|waar|waarin|en|of|om|te|met|als|door|sinds|tot|vanaf|op|bij|aan|na)"
# Whose force it is, after the head: "de snelle reactiemacht van de EU".
_OWNER_PP = re.compile(r"\s+van\s+de\s+(?P<who>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)")
# Of whom an evacuation is: "de evacuatie van Nederlanders uit Soedan".
_WHOM_PP = re.compile(r"\s+van\s+(?:[\w-]+\s+){0,2}?(?=(?:uit|naar)\s)")
_PLACE_PP = re.compile(
    # (the place's words stay on one line: a heading "De VN-missie in Colombia" ends at its line)
    r"\s+(?:in|uit|naar|boven|rond|op|voor|aan)\s+(?:de\s+|het\s+)?(?P<place>[A-Z][\w'-]*(?:[ \t]+(?:en[ \t]+)?[A-Z][\w'-]*){0,3})"
)
# Or on which waters: "in de Golf van Suez", "in de Straat van Hormuz", "in de Rode Zee".
_WATERS_PP = re.compile(
    r"\s+(?:in|op|voor|rond)\s+(?:de|het)\s+(?P<waters>(?:Golf|Straat|Baai|Kanaal)\s+van\s+[A-Z][\w'-]*"
    r"|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s+(?:Zee|Oceaan|Golf))(?![\w-])"
)
_PURPOSE_PP = re.compile(
    rf"\s+(?:tegen|ter|voor)\s+(?P<what>(?!{_STOP}\b)[\w'-]+(?:\s+(?!{_STOP}\b)[\w'-]+){{0,5}}?)"
    rf"(?=[,.;:()]|\s+(?:{_STOP}|in|uit|naar|boven)\b|$)"
)
_KINDS = {
    "trainings": ("train",), "training": ("train",), "advies": ("advi",), "politie": ("politi", "police"),
    "politietrainings": ("politi", "police"), "waarnemers": ("waarnem", "monitor", "observ"),
    "monitorings": ("monitor", "waarnem"), "vredes": ("vrede", "peace"), "stabilisatie": ("stabili",),
    "onderzoeks": ("onderzoek", "investig"), "maritieme": ("maritie", "naval", "navfor"),
    "grens": ("grens", "border"), "capaciteitsopbouw": ("capaciteit", "capacity"),
    # "de snelle reactiemacht": a force of that kind, which of them by the letter's year
    "reactie": ("reaction", "reactie", "response", "respons"), "respons": ("reaction", "reactie", "response", "respons"),
    # what is done: "de internationale mijnenbestrijdingsactie in de Golf van Suez"
    "mijnenbestrijdings": ("mijn", "mine", "mcm"), "ontmijnings": ("mijn", "mine", "demin"),
    "hulp": ("hulp", "relief", "humanit"), "reddings": ("redding", "rescue"),
}
_TASK_KINDS = frozenset({"mijnenbestrijdings", "ontmijnings", "hulp", "reddings"})
_SPECIFIC_HEADS = ("evacuatie", "onderzoeksteam")
# What a head noun is called in the catalogue's names, to choose between missions that fit.
_HEAD_WORDS = {
    "aanwezigheid": ("aanwezigheid", "presence"), "troepenmacht": ("force", "macht"), "vredesmacht": ("force", "macht"),
    "coalitie": ("coalition", "coalitie"),
}
# Heads that name armed forces, and the words of a civilian mission's name they exclude.
_MILITARY_HEADS = ("troepenmacht", "vredesmacht", "operatie", "macht")
_CIVILIAN = ("politi", "police", "advi", "rechtsstaat", "rule of law", "border", "grens", "capaci", "monitor", "waarnem")


@dataclass(frozen=True)
class Description:
    """One description of a mission in the text."""

    start: int
    end: int
    phrase: str  # the words, article left out, line breaks read as spaces
    head: str
    organisation: str | None
    kind: str | None
    countries: tuple[str, ...]
    purpose: str | None

    @property
    def signature(self) -> tuple[str, str | None, tuple[str, ...], str | None]:
        """What makes two descriptions in one letter the same mission."""
        return (self.head, self.organisation, self.countries, self.purpose if not self.countries else None)

    adjectives: str = ""
    waters: str | None = None  # the sea it works on, when it names no country ("de Golf van Suez")

    @property
    def specific(self) -> bool:
        """Says enough to be a mission of its own when the catalogue has none."""
        if self.head.startswith(_SPECIFIC_HEADS):
            # "de evacuatie uit Soedan", "het VN-onderzoeksteam", "de consulaire evacuatieoperatie"
            return bool(self.countries or self.purpose or self.organisation or self.adjectives or self.head != "evacuatie")
        # (waters make a task of its own specific, "de mijnenbestrijdingsactie in de Golf van Suez", not a
        # body's operation there, "de EU-operatie in de Middellandse Zee", which the catalogue names)
        on_waters = bool(self.waters) and self.kind in _TASK_KINDS
        return bool(self.countries or self.purpose or on_waters) and bool(self.organisation or self.kind)


@lru_cache(maxsize=4096)
def _fold(s: str) -> str:
    # (cached: _fits folds every catalogue entry's names for every description)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).casefold()


def _countries(place: str) -> tuple[str, ...]:
    """The countries a place phrase names: "Bosnië-Herzegovina", "Ethiopië en Eritrea"."""
    code = country_of(place)
    if code:
        return (code,)
    return tuple(dict.fromkeys(m.code for m in find_countries(place) if not m.adjective))


def find_descriptions(text: str) -> list[Description]:
    """Every description of a mission in ``text`` that says at least who leads it,
    what kind it is, or where it works."""
    out = []
    for m in _HEAD.finditer(text):
        head = m.group("head")
        if head.endswith(("inzet", "aanwezigheid")) and not (m.group("org") or m.group("led") or m.group("led2")):
            continue  # "de inzet in Irak" is the Dutch contribution, not a mission
        org_word = m.group("org") or m.group("led") or m.group("led2")
        organisation = ORGANISATIONS.get(org_word) if org_word else None
        end = m.end()
        owner = _OWNER_PP.match(text, end) if head.endswith("macht") and not org_word else None
        if owner and owner.group("who") in ORGANISATIONS:
            organisation = ORGANISATIONS[owner.group("who")]  # "de snelle reactiemacht van de NAVO"
            end = owner.end()
        elif owner and m.group("kind") in ("reactie", "respons"):
            continue  # another body's force ("van de ECOWAS"): the year would pick a NATO or EU one
        countries: tuple[str, ...] = ()
        purpose = None
        whom = _WHOM_PP.match(text, end) if head.startswith("evacuatie") else None
        if whom and _PLACE_PP.match(text, whom.end() - 1):
            end = whom.end() - 1
        waters = None
        kind_word = m.group("kind")
        for _ in range(2):
            on = _WATERS_PP.match(text, end) if kind_word in _TASK_KINDS else None
            if on and waters is None and not countries:
                waters = on.group("waters")
                end = on.end()
                continue
            place = _PLACE_PP.match(text, end)
            if place and not countries and _countries(place.group("place")):
                countries = _countries(place.group("place"))
                end = place.end()
                continue
            why = _PURPOSE_PP.match(text, end)
            if why and purpose is None and not why.group("what").strip().startswith(("de Kamer", "uw Kamer")):
                purpose = " ".join(why.group("what").split())
                end = why.end("what")
                continue
            break
        kind = m.group("kind") or None
        if kind is not None and kind not in _KINDS:
            kind = None
        if not (organisation or kind or countries or purpose or head.startswith(_SPECIFIC_HEADS)):
            continue
        start = m.start()
        article = re.match(r"(?:de|het|een)\s+", text[start:end])
        if article:
            start += article.end()
        phrase = " ".join(text[start:end].split())
        adjectives = " ".join(m.group("adjectives").split())
        out.append(Description(start, end, phrase, head, organisation, kind, countries, purpose, adjectives, waters))
    return out


def _fits(entry: CatalogueEntry, d: Description, year: int | None) -> bool:
    if d.organisation and entry.organisation != d.organisation:
        return False
    if d.countries and not set(d.countries) & set(entry.countries):
        return False
    forms = _fold(" ".join(entry.names + entry.aliases))
    if d.kind and not any(stem in forms for stem in _KINDS[d.kind]):
        return False
    if not d.kind and d.head.endswith(_MILITARY_HEADS) and any(word in forms for word in _CIVILIAN):
        return False  # "de EU-geleide troepenmacht" is no police or advisory mission
    if d.kind in _TASK_KINDS and not (d.organisation or d.countries):
        return False  # "de mijnenbestrijdingsactie in de Golf van Suez": what is done says not whose
    if d.head.startswith("evacuatie") or d.head == "onderzoeksteam":
        return False  # the catalogue keeps no ad hoc evacuations or inquiries
    if year is not None and entry.start is not None:
        if year < entry.start - 1 or (entry.end is not None and year > entry.end + 1):
            return False
    return bool(d.organisation or d.kind)


def resolve(d: Description, letter_date: date | None, named: set[str], nearby: tuple[str, ...] = (),
            exclude: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The catalogue mission a description is, or None when none or several fit.

    Args:
        d: the description.
        letter_date: when the letter was written (the mission must have run then).
        named: the ids of the catalogue missions the letter names elsewhere; one of
            them that fits wins over the rest of the catalogue.
        nearby: the countries of the missions named near a description that names no
            place ("de EU-geleide troepenmacht als opvolger van SFOR" works in Bosnia).
        exclude: missions the letter names as the one before ("na afloop van Essential
            Harvest"), which the description is not.
    """
    if not d.countries and nearby and d.organisation:
        d = dataclasses.replace(d, countries=nearby)
    year = letter_date.year if letter_date else None
    fits = [e.id for e in catalogue().values() if e.id not in exclude and _fits(e, d, year)]
    in_letter = [f for f in fits if f in named]
    if len(in_letter) == 1:
        return in_letter[0]
    if len(fits) > 1 and d.countries:
        # "de vooruitgeschoven NAVO-aanwezigheid in Litouwen": the one whose name says presence
        words = next((w for h, w in _HEAD_WORDS.items() if d.head.endswith(h)), ())
        fits = [f for f in fits if any(w in _fold(" ".join(catalogue()[f].names + catalogue()[f].aliases)) for w in words)]
    return fits[0] if len(fits) == 1 else None


def described_id(phrase: str) -> str:
    """An id made from a description's words: "evacuatie uit Soedan" -> "EVACUATIE-UIT-SOEDAN"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", phrase) if not unicodedata.combining(c))
    return "-".join(re.findall(r"[A-Za-z0-9]+", plain)).upper()
