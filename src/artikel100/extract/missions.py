"""Find the missions and operations a letter mentions.

Known missions come from the catalogue ``data/missions.yaml``. Every name and
alias there is matched against the letter's words:

* an alias without lower-case letters, or a one-word alias with two or more
  capitals ("eFP"), is an acronym and matches case-sensitively; other aliases
  match case-insensitively and without regard to accents;
* words are compared without the hyphens, spaces and line breaks between them,
  so "NAVO-missie", "NAVO missie" and "NAVO-\\nmissie" are one form, and a
  match always starts and ends at a word boundary ("NMI" counts in
  "NMI-adviseurs", "OIR" does not count in "VOIRE");
* at each word the longest alias wins, so "EUAM Oekraïne" is not "EUAM".

A mission the catalogue does not know is still reported (``known=False``)
when the letter names it in one of a few unmistakable ways: "Operation X" /
"operatie X" with a capitalised name, "de VN-missie UNXXX", "EUNAVFOR X", or
an EU/UN acronym in brackets right after a mission's description ("de
EU-trainingsmissie in de Centraal-Afrikaanse Republiek (EUTM RCA)").

The catalogue is read and indexed once per process; matching is one pass over
the words with a dictionary look-up per word.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import bisect
import dataclasses
import functools
import re
import unicodedata
from itertools import chain
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from ..errors import InternalError
from ..facts import Mission
from ..datafiles import load_yaml
from .organisations import NAMES as ORGANISATION_NAMES
from .nations import nationality

__all__ = ["CatalogueEntry", "catalogue", "find_missions", "mission_mentions", "lookup", "key"]

CATALOGUE_PATH = Path(__file__).with_name("data") / "missions.yaml"
ORGANISATIONS = frozenset({"UN", "NATO", "EU", "coalition", "bilateral", "OSCE", "other"})

_WORD = re.compile(r"\w+")
# What may stand between two words of one name: spaces, at most one line break,
# hyphens and dashes, a soft hyphen, apostrophes ("Da'esh") and a slash
# ("Tchad/RCA"). Anything else (a full stop, a comma, a bracket, a blank line)
# ends the name.
_GAP = re.compile(r"[ \t\n\u00a0]*[-\u00ad\u2010\u2011\u2012\u2013'\u2019\u2018/]?[ \t\n\u00a0]*")
_MAX_GAP = 6
# A leading article is not part of a name: "de anti-ISIS-coalitie" is found in
# "van de anti-ISIS-coalitie" and in "aan anti-ISIS-coalitie" alike.
_ARTICLES = frozenset({"de", "het", "een", "the"})
_PROBE = 3  # characters of the folded name the index is keyed on


@dataclass(frozen=True)
class CatalogueEntry:
    """One mission of the catalogue."""

    id: str
    organisation: str
    names: tuple[str, ...]
    aliases: tuple[str, ...]
    region: str | None = None
    countries: tuple[str, ...] = ()  # ISO 3166 alpha-2 codes
    area: str | None = None
    start: int | None = None
    end: int | None = None
    standing: bool = False  # a standing or standby force that carries units into operations

    @property
    def name(self) -> str:
        """The main name: the first of ``names``."""
        return self.names[0]


@dataclass(frozen=True)
class _Form:
    """One name or alias, prepared for matching."""

    mission_id: str
    text: str
    exact: str  # its words run together, as written
    folded: str  # the same, case- and accent-folded
    case_sensitive: bool


@dataclass(frozen=True)
class _Mention:
    mission_id: str
    start: int
    end: int
    known: bool
    name: str
    organisation: str | None


def _fold(s: str) -> str:
    """Case- and accent-fold: "Geïntegreerde" and "geintegreerde" fold alike."""
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _words(form: str) -> list[str]:
    words = _WORD.findall(form)
    if len(words) > 1 and words[0].casefold() in _ARTICLES:
        words = words[1:]
    return words


def _is_acronym(words: list[str]) -> bool:
    joined = "".join(words)
    if not any(c.islower() for c in joined):
        return True
    return len(words) == 1 and sum(c.isupper() for c in joined) >= 2


def _prepare(mission_id: str, form: str) -> _Form | None:
    words = _words(form)
    if not words:
        return None
    exact = "".join(words)
    return _Form(mission_id, form, exact, _fold(exact), _is_acronym(words))


# What OCR reads for a digit in an acronym: "SNMCMG1" as "SNMCMGI" or "SNMCMGl", "CTF-150" as "CTF-15O".
_OCR_DIGITS = (str.maketrans({"1": "I", "0": "O"}), str.maketrans({"1": "l", "0": "O"}))


def _ocr_variants(form: _Form) -> list[_Form]:
    """The forms of an acronym with digits as OCR misreads them (matched case-sensitively)."""
    if not form.case_sensitive or not any(c in "10" for c in form.exact):
        return []
    out = []
    for table in _OCR_DIGITS:
        exact = form.exact.translate(table)
        if exact != form.exact and all(o.exact != exact for o in out):
            out.append(_Form(form.mission_id, form.text, exact, _fold(exact), True))
    return out


def key(name: str) -> str:
    """The form of a name that :func:`lookup` compares: words folded and run together."""
    return _fold("".join(_words(name)))


def _entry(raw: dict[str, Any], where: str) -> CatalogueEntry:
    mission_id = raw.get("id")
    if not isinstance(mission_id, str) or not re.fullmatch(r"[A-Z0-9]+(?:-[A-Z0-9]+)*", mission_id):
        raise InternalError(f"{where}: bad or missing id {mission_id!r}")
    if raw.get("organisation") not in ORGANISATIONS:
        raise InternalError(f"{where}: {mission_id}: organisation {raw.get('organisation')!r}")
    names = tuple(raw.get("names") or ())
    if not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise InternalError(f"{where}: {mission_id}: needs at least one name")
    aliases = tuple(raw.get("aliases") or ())
    if not all(isinstance(a, str) and a.strip() for a in aliases):
        raise InternalError(f"{where}: {mission_id}: empty alias")
    return CatalogueEntry(
        id=mission_id,
        organisation=raw["organisation"],
        names=names,
        aliases=aliases,
        region=raw.get("region"),
        countries=tuple(raw.get("countries") or ()),
        area=raw.get("area"),
        start=raw.get("start"),
        end=raw.get("end"),
        standing=bool(raw.get("standing", False)),
    )


@lru_cache(maxsize=1)
def standing_forces() -> frozenset[str]:
    """The ids of the standing and standby forces (``standing: true``), which carry units into operations."""
    return frozenset(e.id for e in catalogue().values() if e.standing)


def catalogue() -> dict[str, CatalogueEntry]:
    """The catalogue, id -> entry, read once per process.

    Raises:
        InternalError: the catalogue file is malformed, an id is repeated, or
            one form names two missions.
    """
    return _load()[0]


@functools.cache
def _load(path: Path = CATALOGUE_PATH) -> tuple[dict[str, CatalogueEntry], _Index]:
    raw = load_yaml(path)
    if not isinstance(raw, list):
        raise InternalError(f"{path}: expected a list of missions")
    entries: dict[str, CatalogueEntry] = {}
    for i, item in enumerate(raw):
        entry = _entry(item if isinstance(item, dict) else {}, f"{path} entry {i}")
        if entry.id in entries:
            raise InternalError(f"{path}: id {entry.id} appears twice")
        entries[entry.id] = entry
    return entries, _Index.build(entries)


class _Index:
    """Forms keyed on the first characters of their folded words."""

    def __init__(self) -> None:
        self.by_probe: dict[str, list[_Form]] = {}
        self.ids: dict[str, str] = {}  # key(form) -> id, for lookup
        self.openers: frozenset[str] = frozenset()  # every probe's prefixes, the empty one too

    @classmethod
    def build(cls, entries: dict[str, CatalogueEntry]) -> _Index:
        index = cls()
        variants: list[_Form] = []
        for entry in entries.values():
            seen: set[tuple[str, bool]] = set()
            for text in (entry.id, *entry.names, *entry.aliases):
                form = _prepare(entry.id, text)
                if form is None:
                    continue
                owner = index.ids.setdefault(form.folded, entry.id)
                if owner != entry.id:
                    raise InternalError(f"form {text!r} names both {owner} and {entry.id}")
                if text == entry.id and text not in entry.aliases:
                    continue  # ids like "EUTM-MALI" are for lookup, not text forms
                if len(form.folded) < _PROBE:
                    raise InternalError(f"{entry.id}: form {text!r} is too short to match safely")
                if (form.exact, form.case_sensitive) in seen:
                    continue
                seen.add((form.exact, form.case_sensitive))
                index.by_probe.setdefault(form.folded[:_PROBE], []).append(form)
                variants += _ocr_variants(form)
        for variant in variants:  # (after every real form: a variant never takes another mission's letters)
            if index.ids.setdefault(variant.folded, variant.mission_id) == variant.mission_id:
                index.by_probe.setdefault(variant.folded[:_PROBE], []).append(variant)
        for forms in index.by_probe.values():
            forms.sort(key=lambda f: len(f.folded), reverse=True)
        # speed: a word can open a name only if it (its first characters) begins a probe
        index.openers = frozenset(p[:n] for p in index.by_probe for n in range(len(p) + 1))
        return index


def _index() -> _Index:
    return _load()[1]


def lookup(name: str) -> str | None:
    """The catalogue id of a mission id, name or alias (any case), or None."""
    return _index().ids.get(key(name)) if name else None


# ---------------------------------------------------------------------------
# known missions


class _Words:
    """The words of a text, as written and folded, with their offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        self.raw = [text[s:e] for s, e in self.spans]
        self.folded = [w.lower() if w.isascii() else _fold(w) for w in self.raw]
        self._joined: dict[int, bool] = {}  # speed: every name start asks again

    def __len__(self) -> int:
        return len(self.spans)

    def joined(self, j: int) -> bool:
        """Whether word ``j`` may continue a name that word ``j - 1`` is part of."""
        if j not in self._joined:
            self._joined[j] = self._gap_joins(j)
        return self._joined[j]

    def _gap_joins(self, j: int) -> bool:
        start, end = self.spans[j - 1][1], self.spans[j][0]
        if j == 0 or end - start > _MAX_GAP:
            return False
        gap = self.text[start:end]
        return gap.count("\n") <= 1 and _GAP.fullmatch(gap) is not None


def _known_mentions(text: str) -> list[_Mention]:
    index = _index()
    entries = catalogue()
    words = _Words(text)
    out: list[_Mention] = []
    n = len(words)
    folded = words.folded
    openers = index.openers
    free = 0  # the first word not inside a name found
    # speed: only a word whose first characters begin a probe can open a name (the probe
    # starts with the word and, for a short word, the next one), so the loop visits those alone.
    following = folded[1:] + [""]
    for i in [k for k, (w, nxt) in enumerate(zip(folded, following))
              if w[:_PROBE] in openers and (len(w) >= _PROBE or (w + nxt)[:_PROBE] in openers)]:
        if i < free:
            continue
        probe = folded[i]
        j = i + 1
        while len(probe) < _PROBE and j < n and words.joined(j):
            probe += folded[j]
            j += 1
        forms = index.by_probe.get(probe[:_PROBE])
        found = _match(forms, i, words) if forms else None
        if found is None:
            continue
        form, last = found
        entry = entries[form.mission_id]
        start, end = words.spans[i][0], words.spans[last][1]
        out.append(_Mention(entry.id, start, end, True, entry.name, entry.organisation))
        free = last + 1
    return out


def _match(forms: list[_Form], i: int, words: _Words) -> tuple[_Form, int] | None:
    """The longest form that starts at word ``i``, with the index of its last word."""
    n = len(words)
    folded = words.folded
    for form in forms:
        acc = ""
        j = i
        while j < n and (j == i or words.joined(j)):
            acc += folded[j]
            if not form.folded.startswith(acc):
                break
            if len(acc) == len(form.folded):
                if not form.case_sensitive or "".join(words.raw[i : j + 1]) == form.exact:
                    return form, j
                break
            j += 1
    return None


# ---------------------------------------------------------------------------
# missions the catalogue does not know

_NAME_WORD = r"[A-Z][\w'\u2019]*(?:-[A-Z][\w'\u2019]*)?"
# Each pattern starts with literal text, which lets ``re`` skip ahead quickly;
# the word boundary before it is checked in code (``_starts_word``).
_OPERATION = re.compile(rf"perati(?:on|e)[ \t]+({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})")
# A name the letter explains as an operation right after it: "deelname aan Baltic Protector, een
# maritieme inzet van de Joint Expeditionary Force".
# (An exercise's name may end in its year: "aan Trident Juncture 2018, de grootste oefening van de NAVO".)
_EXPLAINED_NAME = re.compile(
    rf"\b(?:aan|in|bij)[ \t]+({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}(?:[ \t]+(?:19|20)\d\d)?),[ \t]+(?:een|de)[ \t]+(?:[\w-]+[ \t]+){{0,3}}?"
    r"[\w-]*?(?:inzet|operatie|oefening|missie|patrouille|activiteit)\b"  # "NAVO-oefening", "winteroefening", "NAVO-activiteit" too
)
_JOINED_EXERCISE = re.compile(
    rf"\b(?:deel|deelname|deelneming)\s+aan\s+(?:de|het)\s+(?:[\w-]+\s+)?[\w-]*oefening\s+"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}(?:[ \t]+(?:19|20)\d\d)?)"
)
_EUNAVFOR = re.compile(r"EU ?NAVFOR(?:[ \t]+MED)?[ \t]+([A-Z][a-z]{2,})(?!\w)")
_UN_MISSION = re.compile(
    r"VN-(?:vredes|waarnemers|politie|stabilisatie|bijstands)?missie[ \t]+"
    r"\(?([A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)?)(?![\w-])"
)
_BRACKETED = re.compile(r"\((?P<acr>[A-Z][A-Za-z0-9]*[A-Z0-9](?:[ -][A-Z][A-Za-z]*)?)\)")
# The mission a bracketed acronym belongs to: "<...missie> [in de
# Centraal-Afrikaanse Republiek] (EUTM RCA)", at most six words before it.
_MISSION_WORD = re.compile(
    r"(?<![\w-])(?:(?P<org>VN|EU|NAVO|OVSE|AU)-)?\w*(?:[Mm]issie|[Mm]ission|[Oo]peratie)(?!\w)"
)
_LOOK_BACK = 120
# Capitalised Dutch adjectives of nationality or place ("Nederlandse",
# "Iraakse", "Malinese") follow "operatie" in running text but start no name.
_ADJECTIVE = re.compile(r"[A-Z][a-zë]+(?:se|sche)")
_BETWEEN_FUNCTION_WORDS = frozenset({"in", "de", "het", "van", "voor", "op", "the", "of", "to", "for", "on"})
# Names that follow "Operation"/"operatie" but are no operation's name.
_NOT_OPERATION_NAMES = frozenset(
    {
        "de", "het", "een", "in", "op", "van", "voor", "met", "en", "te", "aan", "bij", "om", "tot",
        "na", "uit", "door", "als", "dat", "die", "dit", "deze", "er", "is", "zal", "wordt", "of",
        "the", "a", "an", "and", "for", "to", "centre", "center", "plan", "plans", "order", "orders",
        "room", "area", "commander", "headquarters", "support", "nederland", "defensie", "zij", "hij",
        "wij", "u", "ook", "daarnaast", "deze", "zo",
    }
)
# Nouns that are no name on their own but may start one: "Support Hope", "Order Restore".
_NOUNS_THAT_START_NAMES = frozenset({"support", "plan", "order", "area", "centre", "center"})
# Bodies and agencies of the UN and EU whose acronyms look like missions'.
_NOT_MISSION_ACRONYMS = frozenset(
    {
        "UNSC", "UNSCR", "UNHCR", "UNDP", "UNICEF", "UNOPS", "UNODC", "UNMAS", "UNFPA", "UNESCO", "UNEP",
        "UNOCHA", "UNGA", "UNHRC", "UNRWA", "UNIDIR", "UNDPKO", "UNDPO", "UNDSS", "UNOG", "UNHQ", "UNPOL",
        "UNLB", "UNOHCHR", "UNWOMEN", "UNAIDS", "UNSG", "EUMS", "EUMC", "EUCO", "EUSR", "EUISS", "EUROPOL",
        "EUROJUST", "EUROCORPS", "EUROFOR", "EUROMARFOR", "EUROGENDFOR", "EUSC", "EUDEL", "EUMETSAT",
        "EUR", "EURO", "VN", "EU", "NAVO", "NATO", "OVSE", "OSCE", "AU", "VS", "USA", "US",
    }
)


# A force's English name in capitalised words, with a head that makes it a force or an
# operation (and perhaps its number or year: "Carrier Strike Group 2021"), and its acronym in
# brackets right after it.
_FORCE_HEAD = r"(?:Group|Mission|Operation|Task[ \t]+Force|Force|Cent(?:er|re)|Coalition)"
# A country's armed service or a unit within a force is no operation: "de Royal Air Force (RAF)",
# "een Immediate Response Force (IRF)" of the NRF, "een Quick Reaction Force (QRF)".
_ARMED_SERVICE = re.compile(
    r"\b(?:Air|Royal|Armed|Defen[cs]e|Self-Defen[cs]e|Army|Naval|Marine|Special|Response|Reaction|Readiness)[ \t]+Forces?\b")
_NAMED_FORCE = re.compile(
    rf"(?P<name>[A-Z][\w-]+(?:[ \t]+(?:[A-Z][\w-]+|of|for|the|and)){{0,5}}?[ \t]+{_FORCE_HEAD}"
    rf"(?:[ \t]+(?:[–-][ \t]+)?(?:[A-Z][\w-]+|\d{{1,4}})){{0,3}})[ \t]+\((?P<acr>[A-Z]{{2,}}[A-Za-z0-9-]*(?:[ \t]+[A-Z][A-Za-z]+){{0,3}})\)"
)


_NAMED_TEAM = re.compile(_NAMED_FORCE.pattern.replace(_FORCE_HEAD, "Team", 1))
_OWNED_BY_ORGANISATION = re.compile(rf"\s+van\s+de\s+(?:{ORGANISATION_NAMES})\b")


# An organisation glued to "operatie": "NAVO-operatie", "EU-operatie", "VN-operatie".
_ORG_PREFIX = re.compile(r"(?<![\w-])(?:NAVO|NATO|EU|VN|UN|OVSE|WEU|VS|AU)-$")


def _slug(name: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return "-".join(re.findall(r"[A-Za-z0-9]+", plain)).upper()


def _starts_word(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-")


def _bracketed_mission_org(text: str, bracket: int, head: str) -> str | None:
    """The organisation of the mission whose acronym is in brackets at ``bracket``, or None.

    The mission word must stand at most six words before the bracket, with
    only the words of a place or a name in between; without an organisation
    in front of it ("VN-missie") the acronym itself must start with EU or UN.
    """
    window_start = max(0, bracket - _LOOK_BACK)
    window = text[window_start:bracket]
    last = None
    for last in _MISSION_WORD.finditer(window):
        pass
    if last is None:
        return None
    if last.start() == 0 and window_start > 0 and not _starts_word(text, window_start):
        return None
    between = window[last.end() :].split()
    if len(between) > 6 or any(
        w.casefold() not in _BETWEEN_FUNCTION_WORDS and not w[:1].isupper() for w in between
    ):
        return None  # a clause, not a name, stands between the mission and the brackets
    if any(c in window[last.end() :] for c in ".,;:()"):
        return None
    org = last.group("org")
    if org:
        return {"VN": "UN", "NAVO": "NATO", "OVSE": "OSCE"}.get(org, org)
    if head.startswith("EU"):
        return "EU"
    return "UN" if head.startswith("UN") else None


def _unknown_mentions(text: str, known: list[_Mention]) -> list[_Mention]:
    taken = sorted((m.start, m.end) for m in known)
    ends = {m.end: m for m in known}

    def free(s: int, e: int) -> bool:
        k = bisect.bisect_left(taken, (e, e))
        return not (k and taken[k - 1][1] > s)

    found: list[_Mention] = []
    acronyms: dict[str, tuple[str, str, str | None, bool]] = {}  # acronym -> (id, name, organisation, known)
    explained: dict[str, tuple[str, str]] = {}  # a name the letter explained, or it without its year -> (id, name)

    def add(mission_id: str, s: int, e: int, name: str, organisation: str | None) -> bool:
        if lookup(mission_id) or lookup(name) or not free(s, e):
            return False  # the catalogue's match (or an earlier unknown one) covers it
        found.append(_Mention(mission_id, s, e, False, name, organisation))
        bisect.insort(taken, (s, e))
        return True

    for m in _OPERATION.finditer(text):
        if m.start() == 0 or text[m.start() - 1] not in "Oo":
            continue
        if not _starts_word(text, m.start() - 1) and not _ORG_PREFIX.search(text, max(0, m.start() - 12), m.start() - 1):
            continue  # "NAVO-operatie Distinguished Games" is a name; "vredesoperatie X" is not
        words = list(re.finditer(r"\S+", m.group(1)))
        while words and words[-1].group().casefold() in _NOT_OPERATION_NAMES:
            words.pop()
        if not words or (words[0].group().casefold() in _NOT_OPERATION_NAMES
                         and not (len(words) > 1 and words[0].group().casefold() in _NOUNS_THAT_START_NAMES)):
            continue  # ("operatie Support Hope" is a name; "Operation Support" alone is not)
        if _ADJECTIVE.fullmatch(words[0].group()) and (len(words) == 1 or nationality(words[0].group())):
            continue  # "de operatie Nederlandse militairen ...": an adjective, not a name ("Intense Look" is one)
        name_end = m.start(1) + words[-1].end()
        name = " ".join(text[m.start(1) : name_end].split())
        add(_slug(name), m.start() - 1, name_end, f"Operation {name}", None)
    for m in _EXPLAINED_NAME.finditer(text):
        words = [w for w in m.group(1).split() if w.casefold() not in _NOT_OPERATION_NAMES]
        if not words or _ADJECTIVE.fullmatch(words[0]) or _is_place(" ".join(words)):
            continue  # "aan Litouwen, een land ...": a place, not a name
        name = " ".join(m.group(1).split())
        if add(_slug(name), m.start(1), m.end(1), name, None):
            # later, "Baltic Protector moet laten zien ...", "Trident Juncture toetst ...": the same
            explained[name] = (_slug(name), name)
            without_year = re.sub(r"\s+(?:19|20)\d\d$", "", name)
            if without_year != name and not _is_place(without_year):
                explained[without_year] = (_slug(name), name)
    for m in _JOINED_EXERCISE.finditer(text):
        # "neemt van 9 tot en met 21 juni deel aan de jaarlijkse NAVO-oefening BALTOPS": an exercise
        # the Netherlands takes part in is an operation of its own (one only named is not: "Zapad")
        name = " ".join(m.group("name").split())
        if not _is_place(name) and add(_slug(name), m.start("name"), m.end("name"), name, None):
            explained.setdefault(name, (_slug(name), name))
    for m in _EUNAVFOR.finditer(text):
        if not _starts_word(text, m.start()) or m.group(1) in {"Med", "Operation", "Operatie"}:
            continue
        add(_slug(m.group(1)), m.start(), m.end(), " ".join(m.group(0).split()), "EU")
    for m in _UN_MISSION.finditer(text):
        acr = m.group(1)
        if not _starts_word(text, m.start()) or acr in _NOT_MISSION_ACRONYMS:
            continue
        if add(_slug(acr), m.start(1), m.end(1), acr, "UN"):
            acronyms.setdefault(acr, (_slug(acr), acr, "UN", False))
    for m in _BRACKETED.finditer(text):
        acr = m.group("acr")
        before = len(text[: m.start()]) - len(text[: m.start()].rstrip())
        named = ends.get(m.start() - before)
        if named is not None and free(m.start("acr"), m.end("acr")):
            # "de EU Military Assistance Mission Ukraine (EUMAM)": the letter's own short
            # name for the mission it just named, and a mention of that mission.
            found.append(_Mention(named.mission_id, m.start("acr"), m.end("acr"), True, named.name, named.organisation))
            bisect.insort(taken, (m.start("acr"), m.end("acr")))
            acronyms.setdefault(acr, (named.mission_id, named.name, named.organisation, True))
            continue
        head = acr.split()[0].split("-")[0]
        if head in _NOT_MISSION_ACRONYMS or len(head) < 3:
            continue
        org = _bracketed_mission_org(text, m.start(), head)
        if org and add(_slug(acr), m.start("acr"), m.end("acr"), acr, org):
            acronyms.setdefault(acr, (_slug(acr), acr, org, False))
    # A team is a mission only as an organisation's, where the letter names no other mission: "in het
    # Cyber Rapid Response Team (CRRT) van de Europese Unie" (beside ISAF, a "Provincial Reconstruction
    # Team (PRT)" is its part; "het Joint Operations Command Advisory Team (JOCAT) in Erbil" a unit).
    teams = [] if known else [m for m in _NAMED_TEAM.finditer(text) if _OWNED_BY_ORGANISATION.match(text, m.end())]
    named_forces = chain(_NAMED_FORCE.finditer(text), teams)
    for m in named_forces:
        # "de Mine Countermeasures Naval Group Black Sea (MCM Black Sea)": a force's English
        # name with the acronym it goes by; the name is the mention, the acronym names it after.
        name, acr = " ".join(m.group("name").split()), " ".join(m.group("acr").split())
        start = m.start("name")
        if acr[0] != name[0]:
            # "de Britse Carrier Strike Group 2021 (CSG21)": the name starts where its acronym does
            first = re.search(rf"(?<!\S){re.escape(acr[0])}", m.group("name"))
            if first is None:
                continue
            start += first.start()
            name = " ".join(text[start : m.end("name")].split())
        if acr.split()[0] in _NOT_MISSION_ACRONYMS or not _starts_word(text, m.start()) or _ARMED_SERVICE.search(name):
            continue
        if add(_slug(acr), start, m.end("name"), name, None):
            acronyms.setdefault(acr, (_slug(acr), name, None, False))
    for name, (mission_id, full) in explained.items():
        for m in re.finditer(r"(?<![\w-])" + r"\s+".join(map(re.escape, name.split())) + r"(?![\w-])", text):
            add(mission_id, m.start(), m.end(), full, None)
    # Once a letter has named an acronym, its later bare uses are mentions too.
    for acr, (mission_id, name, org, is_known) in acronyms.items():
        pattern = r"(?<!\w)" + r"[ \t\n-]+".join(map(re.escape, re.split(r"[ -]", acr))) + r"(?!\w)"
        for m in re.finditer(pattern, text):
            if is_known:
                if free(m.start(), m.end()):
                    found.append(_Mention(mission_id, m.start(), m.end(), True, name, org))
                    bisect.insort(taken, (m.start(), m.end()))
            else:
                add(mission_id, m.start(), m.end(), name, org)
    return found


# ---------------------------------------------------------------------------
# public API


# The words that make a name an operation's: "operatie Concordia", "EU-operatie Concordia",
# "EUFOR Concordia". After one of these, the letter says just "Concordia".
_OPERATION_WORD = re.compile(
    r"(?:(?:EU|NAVO|VN|NATO|UN)-?)?(?:operatie|operation|missie|mission)|EUFOR|EUNAVFOR", re.IGNORECASE
)
# A compound that names a kind of mission: "politietrainingsmissie", "waarnemersmissie".
_MISSION_COMPOUND = re.compile(r"(?i:[a-zë]{4,}(?:missie|operatie))")
_BARE_NAME = re.compile(r"[A-Z][\w'’]+(?: [A-Z][\w'’]+){0,2}")


def _bare_mentions(text: str, known: list[_Mention]) -> list[_Mention]:
    """Later uses of a short form of a mission the letter has named in full: the name without its
    operation word ("de EU-operatie Concordia", then "Concordia"), the acronym without its place
    ("EUPOL Afghanistan", then "EUPOL") and the head compound of a described name ("de
    geïntegreerde politietrainingsmissie", then "een politietrainingsmissie"). Alone, such a word
    may be anything, so it counts only after the full name, and only when one mission has it."""
    entries = catalogue()
    taken = sorted((m.start, m.end) for m in known)
    out: list[_Mention] = []
    bare_of: dict[str, set[str]] = {}
    for mission_id in dict.fromkeys(m.mission_id for m in known):
        entry = entries[mission_id]
        bare = bare_of.setdefault(mission_id, set())
        for form in (*entry.names, *entry.aliases):
            head, _, rest = form.partition(" ")
            if rest and _OPERATION_WORD.fullmatch(head) and _BARE_NAME.fullmatch(rest) and len(rest) >= _PROBE \
                    and not _is_place(rest):
                bare.add(rest)  # not "EUNAVFOR Somalia": alone, that is the country
            elif rest and head.isupper() and len(head) >= _PROBE and head.isalpha() and _is_place(rest):
                bare.add(head)  # "EUPOL Afghanistan", later "aan EUPOL"
            # "de geïntegreerde politietrainingsmissie", then "een politietrainingsmissie"
            last = form.rsplit(" ", 1)[-1]
            if " " in form and _MISSION_COMPOUND.fullmatch(last):
                bare.add(last.lower())
    heads = Counter(name for names in bare_of.values() for name in names)
    for mission_id, bare in bare_of.items():
        entry = entries[mission_id]
        first = min(m.start for m in known if m.mission_id == mission_id)
        for name in sorted((b for b in bare if heads[b] == 1), key=len, reverse=True):
            flags = re.IGNORECASE if name.islower() else 0  # a common noun may open a sentence
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text[first:], flags):
                start, end = first + m.start(), first + m.end()
                k = bisect.bisect_left(taken, (start, start))
                if (k and taken[k - 1][1] > start) or (k < len(taken) and taken[k][0] < end):
                    continue
                out.append(_Mention(mission_id, start, end, True, entry.name, entry.organisation))
                bisect.insort(taken, (start, end))
    return out


@lru_cache(maxsize=512)
def _is_place(name: str) -> bool:
    from .nations import find_countries
    from .units import find_places

    return any(p.end - p.start == len(name) for p in find_places(name)) or any(
        c.end - c.start == len(name) for c in find_countries(name)
    )


_NAME_WORDS_BEFORE = re.compile(r"(?:(?!(?:De|Het|Een|In|Op|Aan|Bij)\b)[A-Z][\w-]+[ \t]+){1,3}$")
_ACRONYM_AFTER = re.compile(r"[ \t]*\((?P<acr>[A-Z]{2,}[\w-]*)\)")


def _inside_longer_name(text: str, m: _Mention) -> bool:
    """A catalogue name that is the end of another's, which its own acronym follows: "de door
    Australië geleide International Stabilisation Force (ISF)" is not SFOR."""
    after = _ACRONYM_AFTER.match(text, m.end)
    if after is None or lookup(after.group("acr")) == m.mission_id:
        return False
    return _NAME_WORDS_BEFORE.search(text, max(0, m.start - 60), m.start) is not None


@lru_cache(maxsize=4)  # extract asks for the mentions and the missions of one text
def _mentions(text: str, letter_date: date | None = None) -> list[_Mention]:
    known = [m for m in _known_mentions(text) if not _inside_longer_name(text, m)]
    known = sorted(known + _bare_mentions(text, known), key=lambda m: (m.start, m.end))
    unknown = _unknown_mentions(text, known)
    named = _same_in_apposition(text, sorted(known + unknown, key=lambda m: (m.start, m.end)))
    named = sorted(named + _described_mentions(text, named, letter_date), key=lambda m: (m.start, m.end))
    return sorted(named + _head_mentions(text, named), key=lambda m: (m.start, m.end))


# A Dutch name with a compound head before the acronym in brackets: "de Verificatiemissie van de
# Verenigde Naties in Colombia (UNVMC)", "de EU-trainingsmissie in Mali (EUTM Mali)".
_HEAD_BEFORE = re.compile(r"\b(?:de|het)\s+(?:[A-Z]{2,4}-)?(?P<head>[A-Za-zë]{3,}(?:missie|operatie|macht))\b[^.;:()]{0,80}\(\s*$")


def _head_mentions(text: str, named: list[_Mention]) -> list[_Mention]:
    """Later mentions of a mission by the head of the Dutch name the letter gave it ("die bij de
    verificatiemissie de samenwerking ... ondersteunt"), where no other mission has that head."""
    heads: dict[str, _Mention | None] = {}
    for m in named:
        before = _HEAD_BEFORE.search(text, max(0, m.start - 120), m.start)
        if before:
            head = before.group("head").casefold()
            heads[head] = m if heads.get(head, m).mission_id == m.mission_id else None
    taken = [(m.start, m.end) for m in named]
    out: list[_Mention] = []
    for head, m in heads.items():
        if m is None:
            continue  # two missions of one head: which is meant is not known
        for later in re.finditer(rf"\b(?:[Dd]e|[Dd]eze|[Dd]ie)\s+(?P<head>{re.escape(head)})\b", text[m.end :]):
            s, e = m.end + later.start("head"), m.end + later.end("head")
            if all(e <= a or s >= b for a, b in taken):
                out.append(dataclasses.replace(m, start=s, end=e))
    return out


# What may stand between a description and the name it describes: "de EU-politiemissie EUPM",
# "de VS-geleide militaire missie van de anti-ISIS-Coalitie Operation Inherent Resolve".
# ("de politiemissie van de Europese Unie, EUPM": whose it is, then the name after a comma)
_APPOSITION = re.compile(
    r"[ \t\n]*(?:\(|(?:van|voor|in het kader van)\s+(?:de|het)\s+(?:[\w-]+\s+)?"
    rf"|van\s+de\s+(?:{ORGANISATION_NAMES}),)?[ \t\n]*"
)


_NAMED_IN_BRACKETS = re.compile(r"[^.;:()\n]{0,160}\(\s*")
_NEARBY = 300  # characters around a description in which named missions say where it works


_PREDECESSOR = re.compile(
    r"\b(?:na (?:afloop|het einde|de beëindiging|beëindiging|afsluiting|de afsluiting) van|als opvolger van|opvolger van|opvolgt)"
    r"\s+(?:de\s+|het\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _described_mentions(text: str, named: list[_Mention], letter_date: date | None) -> list[_Mention]:
    """Missions the letter describes ("de EU-trainingsmissie in Mali"): a mention of the
    catalogue mission the description fits, or a mission of its own (see ``described``)."""
    from .described import described_id, find_descriptions, resolve

    taken = sorted((m.start, m.end) for m in named)
    in_letter = {m.mission_id for m in named if m.known}
    # "na afloop van Essential Harvest een kleinere troepenmacht": what the letter describes after
    # a mission it names as the one before is not that mission
    before = {m.mission_id for m in named if m.known and _PREDECESSOR.search(text, max(0, m.start - 40), m.start)}
    entries = catalogue()
    out: list[_Mention] = []
    ids: dict[tuple, str] = {}
    resolved: dict[tuple, str] = {}  # (head, organisation, purpose) -> the catalogue mission it fit
    for d in find_descriptions(text):
        k = bisect.bisect_left(taken, (d.end, d.end))
        if (k and taken[k - 1][1] > d.start) or (k < len(taken) and taken[k][0] < d.end):
            continue  # "NAVO-trainingsmissie in Irak" is a name of the catalogue
        if k < len(taken) and _APPOSITION.fullmatch(text[d.end : taken[k][0]]):
            continue  # "de EU-operatie EUFOR Althea": the description goes with the name after it
        if k < len(taken) and _NAMED_IN_BRACKETS.fullmatch(text, d.end, taken[k][0]):
            # "de EU-missie voor advies en bijstand bij de hervorming van de veiligheidssector in de
            # Democratische Republiek Congo (EUSEC RD Congo)": the name in brackets ends the description.
            # (Taking the description as a mention of it too moved a letter's facts to the wrong
            # mission when OCR broke the name in brackets over two lines.)
            continue
        nearby = tuple(dict.fromkeys(
            c for m in named if m.known and abs(m.start - d.start) < _NEARBY for c in entries[m.mission_id].countries
        ))
        mission_id = resolve(d, letter_date, in_letter - before, nearby, exclude=before)
        if mission_id is None and not d.countries and d.purpose:
            # "de NAVO-troepenmacht ter bescherming van de waarnemers" again, without "in Macedonië"
            mission_id = resolved.get((d.head, d.organisation, d.purpose))
        if mission_id is not None and d.purpose:
            resolved.setdefault((d.head, d.organisation, d.purpose), mission_id)
        if mission_id is not None:
            entry = entries[mission_id]
            out.append(_Mention(mission_id, d.start, d.end, True, entry.name, entry.organisation))
        elif d.specific:
            mission_id = ids.setdefault(d.signature, described_id(d.phrase))
            out.append(_Mention(mission_id, d.start, d.end, False, d.phrase, d.organisation))
    return out


def _same_in_apposition(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """"de anti-ISIS-coalitie (Operation Inherent Resolve)": the letter says the two catalogue
    entries are one mission here; every mention of the first is the bracketed one."""
    same: dict[str, _Mention] = {}
    for a, b in zip(mentions, mentions[1:]):
        if a.known and b.known and a.mission_id != b.mission_id and re.fullmatch(r"\s*\(\s*", text[a.end : b.start]) \
                and text[b.end : b.end + 1] == ")" and a.mission_id not in same:
            same[a.mission_id] = b
    return [
        dataclasses.replace(m, mission_id=same[m.mission_id].mission_id, name=same[m.mission_id].name,
                            organisation=same[m.mission_id].organisation) if m.mission_id in same else m
        for m in mentions
    ]


def mission_mentions(text: str, letter_date: date | None = None) -> list[tuple[str, int, int]]:
    """Every mention of a mission as ``(id, start, end)``, in text order.

    ``text[start:end]`` is the words of the mention; unknown missions carry
    the id :func:`find_missions` gives them. ``letter_date`` resolves descriptions
    ("de NAVO-missie in Afghanistan") to the mission that ran then.
    """
    return [(m.mission_id, m.start, m.end) for m in _mentions(text, letter_date)]


def find_missions(text: str, letter_date: date | None = None) -> list[Mission]:
    """One :class:`Mission` per distinct mission the text mentions.

    Missions come in the order of their first mention. ``spans`` holds every
    mention; ``aliases`` the distinct forms the text used (line breaks read as
    spaces); ``name`` the catalogue's main name, or for an unknown mission the
    name as the letter gives it.
    """
    missions: dict[str, Mission] = {}
    for m in _mentions(text, letter_date):
        mission = missions.get(m.mission_id)
        if mission is None:
            mission = missions[m.mission_id] = Mission(
                id=m.mission_id, name=m.name, spans=[], known=m.known, organisation=m.organisation
            )
        mission.spans.append((m.start, m.end))
        form = " ".join(text[m.start : m.end].split())
        if form not in mission.aliases:
            mission.aliases.append(form)
    return list(missions.values())
