"""Contributions: what the Netherlands sends, how many, from when until when, where.

Works sentence by sentence. A sentence speaks of a Dutch contribution when it
names the Netherlands, the cabinet, a nationaal kader, a Dutch unit or a head
count of people, or when it refers back to such a sentence ("Zij worden ...").
Sentences about costs and promises to inform are left to their own finders.

Its facts (head counts, periods, places, counted equipment) go to a mission in
this order: a mission the sentence names as the receiver ("bijdrage aan X");
a mission it names otherwise, unless only in passing ("de transitie van X")
when a unit of the sentence belongs to another; the mission its section's
heading names; the receiving mission of the paragraph so far; the mission the
sentence's unit was given to; the letter's main mission. Standing NATO groups
carry ships into operations, so their facts go to the letter's operation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date, timedelta

from ..facts import Contribution
from .literals import CASE_TRAPS, CaselessPrefilter, guarded
from .missions import standing_forces
from .mission_dates import MissionDates, mission_dates, referred_dates
from .dates import MONTHS, Period, add_months, find_dates, find_periods
from .numbers import Quantity, find_changes, find_quantities
from .whereabouts import country_of_place, in_the_kingdom, mission_of_places
from .sentences import Sentence
from .clauses import MISSION, ORGANISATION, clause_at, owner_of, read_clauses
from .nations import NL, nationality
from .commitments import is_commitment
from .tables import table_personnel
from .contribution_periods import (
    NOT_EXTENDED, about_mandate, day_after, extended_end, labelled_period, month_pair, months_before, until_mandate_end,
    until_year_end,
)
from .units import find_places, find_units, guess_places, is_person, is_personnel

__all__ = ["find_contributions", "not_joined"]

_DUTCH = re.compile(
    r"\b(?:Nederland|Nederlandse|kabinet|^De regering(?!\s+(?:van|in)\b)|[Ww]ij|Defensie|Koninklijke (?:Landmacht|Marine|Luchtmacht|Marechaussee)"
    r"|(?i:nationa(?:al|le) kader(?:s)?)|(?:De|Deze|deze) (?:inzet|versterking|uitbreiding)\b(?! van\b)|Zr\.\s?Ms\.|Hr\.\s?Ms\.|Nederlanders|\w*bijdrage|\w*bijdragen|uitzending(?:en)?|eenheden)\b"
)
# Other countries' or the mission's own numbers: "de VS", "de missie telt 13.000 militairen".
# Other countries' people: "de VS leveren 2.500 militairen".
_OTHERS = guarded(re.compile(
    r"\b(?:de VS|Verenigde Staten|Frankrijk|Duitsland|Verenigd Koninkrijk|in totaal \w+ landen)\b"
    # others as the ones who send: "andere landen leveren ...", not "samen met de bondgenoten"
    r"|\b(?:andere landen|bondgenoten|partnerlanden|troepenleveranciers|coalitiepartners)\s+(?:leveren|sturen|zenden|dragen|stellen)\b"
))
# another nation's unit as the sentence's subject: "De Duitse eenheden", "De Amerikaanse en Australische eenheden"
# (apart from _OTHERS, whose filter its "de" would open to every sentence; it matches at the start only)
_OTHERS_SUBJECT = re.compile(
    r"^(?:(?:Ook|Daarnaast|Tevens|Verder)\s+)?(?:[Dd]e|[Hh]et|[Dd]eze)\s+(?!Nederlandse\b)[A-Z][a-zë]+(?:i?aanse|ische|se)\s+(?:en\s+[A-Z][a-zë]+(?:i?aanse|ische|se)\s+)?"
    r"(?:eenhe\w+|troepen|militairen|bataljon|compagnie|team|marine|luchtmacht|strijdkrachten|detachement|leger|krijgsmacht)\b"
    # "Het Hondurese leger en de Amerikaanse eenheden": others side by side
    r"(?!\s+en\s+(?:de|het)\s+Nederlandse\b)"
)
# People counted as victims or captives, not sent: "kwamen twee vliegers om het leven"
_CASUALTIES = re.compile(
    r"\b(?:om het leven|omgekomen|gesneuveld|gewond|gedood|ontvoerd|ontvoering|gegijzeld|vastgehouden|gevangen|vermist"
    r"|ontslagen|gearresteerd|opgepakt)\b"
    r"|\bhoud(?:en|t)\b[^.]{0,80}\bvast\b"
)
# People the letter evacuates or protects, not the people it sends: "Ruim 150 Nederlandse burgers
# ... willen worden geëvacueerd", "Bij de ambassade hebben zich ruim 600 Nederlanders geregistreerd".
_CIVILIANS = re.compile(
    r"(?:staats)?burgers|landgenoten|inwoners|vluchtelingen|evacu[eé]s|passagiers|ambassadepersoneel|reizigers|toeristen"
    r"|onderdanen|gezinsleden|familieleden",
    re.IGNORECASE,
)
# "1 150 Nederlanders en hun gezinsleden": people counted with civilians are civilians.
_WITH_CIVILIANS = re.compile(rf"\s+en\s+(?:hun\s+|andere\s+|\d+\s+)?(?:{_CIVILIANS.pattern})\b", re.IGNORECASE)
# A count that others share or own: "120 medewerkers, onder wie Britse en Canadese artsen",
# "Van de ongeveer 70 medewerkers van de missie".
_SHARED_COUNT = re.compile(
    r"^,?\s+(?:onder wie|waaronder|onder meer)\s+(?!Nederlandse)[A-Z]\w+e\b"
    r"|^\s+van\s+(?:de|het)\s+(?:missie|operatie|troepenmacht|hoofdkwartier|coalitie)\b"
    r"|^\s+en\s+\w+\s+(?:\w+\s+)?(?:staats)?burgers\b"  # "16 Nederlanders en 28 burgers van andere EU-landen"
)
_EVACUATED = re.compile(r"\b(?:geregistreerd|geëvacueerd|geevacueerd|evacueren|evacuatie|in veiligheid)\b")
# People an aircraft or ship carries somewhere are its passengers: "heeft het toestel 118 Nederlanders
# en 41 andere Europeanen naar Nederland gebracht" (not soldiers, whom a letter sends, not carries).
_CARRIED = re.compile(
    r"[^.;:]{0,60}?\bnaar\s+[^.;:]{1,40}?\s(?:gebracht|vervoerd|overgebracht|teruggebracht|teruggevlogen|gerepatrieerd)\b"
)
# Or leave on flights, or stay behind: "Met deze vluchten hebben 38 Nederlanders het land verlaten",
# "Nog twintig Nederlanders hebben ervoor gekozen te blijven".
_FLOWN_OUT = re.compile(r"\b(?i:met)\s+(?:deze|de|een|die)\s+(?:[\w-]+\s+){0,2}?vlucht(?:en)?\b")
_STAYED = re.compile(r"[^.;:]{0,90}?\b(?:te\s+blijven|achter\s+te\s+blijven|achtergebleven|blijven\s+achter)\b")
_PASSENGER_NOUNS = frozenset({"nederlanders", "europeanen", "mensen", "personen", "burgers", "landgenoten"})
# "Nederland levert in 2017 geen eenheden": a contribution that is not made
_NEGATED = re.compile(
    r"\b(?:levert|leveren|stelt|zendt|stuurt|draagt|plaatst)\b[^.;]{0,50}\bgeen\b|\bgeen\s+(?:eenheden|schip|schepen|bijdrage|militairen|personeel|fregat|toestellen)\b"
    # "Nederland draagt daar niet aan bij", "draagt Nederland niet bij", "neemt niet deel"
    r"|\b(?:draagt|dragen|droeg|droegen|neemt|nemen|nam|namen)\b(?:\s+\w+){0,4}?\s+niet\s+(?!langer\b|meer\b|alleen\b)(?:\w+\s+)?(?:bij|deel)\b"
)
# Any character within a sentence, the dot of "15.000" too.
_GAP = r"(?:[^.;]|(?<=\d)\.(?=\d))"
# The whole mission's strength: "De missie telt circa 125 militairen uit elf lidstaten".
_WHOLE = re.compile(
    r"(?i:\b\w*(?:missie|operatie|divisie|macht|vloot|taakgroep|coalitie|groep|battlegroup)\b"
    rf"{_GAP}{{0,50}}\b(?:telt|tellen|bestaat uit|omvat|omvatten|beschikt over|daalt|groeit)\b)"
    # a mission by name: "EUTM Mali telt ongeveer vijfhonderd personen"
    # (not a place or a mission that qualifies the subject: "Het detachement in Villafranca telt";
    # nor a neuter pronoun, for the unit just named: "Het bestaat uit een bataljon van 750 militairen";
    # missions are "de" words, so "Zij telt 700 medewerkers" is the mission's size)
    r"|(?<!\bin )(?<!\bte )(?<!\bde )(?<!\bbij )\b(?!(?:Het|Dit)\b)[A-Z][A-Za-z-]{2,}(?:\s+[A-Z][a-z]+)?\s+(?:telt|omvat|bestaat uit|beschikt (?:\w+ )?over)\b"
    r"|(?i:\bomvang van de (?:missie|operatie|troepenmacht|vredesmacht)\b)"
    # "eind 2025 telde zij minder dan 1 000 ...": the mission after its verb; "De operatie krijgt een
    # sterkte van ongeveer 6 800 militairen en 350 militaire waarnemers"
    r"|\b(?:telt|telde|telden|tellen)\s+(?:zij|ze)\b"
    r"|(?i:\b\w*(?:missie|operatie|macht)\s+(?:krijgt|kreeg|heeft|had)\s+een\s+(?:\w+\s+)?(?:sterkte|omvang)\s+van\b)"
    # the mission as the subject of a verb further on: "Die missie richt zich op ... en telt 1 275
    # politiemensen"; founded with its size: "heeft UNMISS opgericht, met ten hoogste 7 000 militairen"
    r"|^(?:De|Die|Deze)\s+(?:[\w-]+\s+)?(?:missie|operatie|troepenmacht|vredesmacht)\b[^;]{0,200}?\ben\s+(?:telt|omvat)\b"
    r"|\b(?:opgericht|ingesteld)\b,?\s+met\s+(?:ten hoogste\s+|maximaal\s+|circa\s+|ongeveer\s+)?\d"
    rf"|\b(?:zal|zullen|zou|zouden|mag|mogen)\b{_GAP}{{0,120}}\b(?:tellen|omvatten)\b"
    r"|\buit (?:\w+ ){0,3}(?:landen|lidstaten|bondgenoten|deelnemende)\b"
    # "Met ruim 13.000 militairen ... is UNMISS een van de grootste VN-missies"
    r"|^Met (?:ruim |circa |ongeveer |bijna )?\d[\d.]*\s"
)
# The Netherlands as the one who sends: then other countries in the sentence are only context.
_WHOLE_FILTER = CaselessPrefilter(_WHOLE)  # speed: most sentences lack the words _WHOLE needs
# Speed: every match of _WHOLE holds one of these (in lower case), or "uit" and a word of many
# countries, or opens the sentence with "Met " (CaselessPrefilter picks its nouns, "missie",
# which most sentences of a letter hold; these verbs are rare).
_WHOLE_VERBS = ("telt", "tellen", "telde", "bestaat uit", "omvat", "beschikt", "daalt", "groeit", "omvang van", "sterkte van",
                "opgericht", "ingesteld")
_WHOLE_MANY = ("landen", "lidstaten", "bondgenoten", "deelnemende")


def _may_be_whole(text: str) -> bool:
    """False only when _WHOLE cannot match ``text`` (see _WHOLE_VERBS)."""
    if text.startswith("Met ") or any(c in text for c in CASE_TRAPS):
        return True  # (a character re folds to an ASCII letter and str.lower does not)
    low = text.lower()
    return any(map(low.__contains__, _WHOLE_VERBS)) or ("uit " in low and any(map(low.__contains__, _WHOLE_MANY)))


_NL_SENDS = re.compile(
    r"\bNederland\s+(?:levert|leverde|stelt|zendt|stuurt|draagt|plaatst|zet)\b|\b(?:levert|stelt|zendt|stuurt|plaatst)\s+Nederland\b"
    # "Sindsdien leveren Duitsland en Nederland samen de kern": the Netherlands among those who send
    r"|\b(?:leveren|stellen|zenden|sturen|plaatsen)\s+[A-Z][\w-]+\s+en\s+Nederland\b"
)


# "Nederland heeft sinds 2009 ... aan de operatie deelgenomen", "Nederland steunde AMIS sinds 2005":
# the Netherlands takes part, so a bare year after "sinds" is when its part began.
_CLAUSE_MARK = re.compile(r"[,;:.]")
_NL_JOINS_IN_RELATIVE = re.compile(r"[\s,]*waar(?:aan|bij|in)\s+Nederland\b[^,;:.]*\b(?:deelneemt|deelnam|bijdraagt|bijdroeg)\b")
_NL_TAKES_PART = re.compile(
    r"\bNederland\s+(?:neemt|nam|steunt|steunde|heeft|had)\b[^.;:]{0,140}?"
    r"(?<=\s)(?:deel|deelgenomen|bijgedragen|geleverd|met\s+[^.;:]{0,40}?(?:militairen|stafofficieren|officieren|waarnemers))\b"
)


def _handover_in(text: str, clause) -> bool:  # noqa: ANN001 (clauses.Clause)
    """Whether the clause hands a task over ("vanaf mei overgenomen door een Duitse eenheid"): its
    start is someone else's. Only the clause: in "vertrekt op 15 februari en blijft een jaar; na zes
    maanden wordt het afgelost" the rotation does not touch the departure."""
    return bool(_HANDOVER.search(text, clause.start, clause.end))


def _other_time(text: str, clause, pos: int) -> bool:  # noqa: ANN001
    """Whether ``pos`` stands in a clause that gives a reason ("Omdat de definitieve VJTF pas in
    2016 beschikbaar is") or tells of fighting or an attack ("In augustus vonden zware gevechten
    plaats"): its dates and places are that event's, not the contribution's."""
    part = text[clause.start : clause.end]
    return _in_reason(part, pos - clause.start) or bool(_CASUALTIES.search(part) or _INCIDENT.search(part) or _FIGHTING.search(part))


def _in_reason(part: str, offset: int) -> bool:
    """Offset ``offset`` of a clause stands in its reason ("omdat ..."); a reason put first ends at
    its comma ("Omdat de missie haar taken niet kan uitvoeren, beëindigt het kabinet ...")."""
    m = _REASON_CLAUSE.match(part)
    if not m:
        return False
    comma = part.find(", ", m.end())
    return comma < 0 or offset < comma


# "na de verkiezingen van 27 tot en met 29 oktober", "de top van 11 en 12 juli": a range that
# says when an event happened, not when the contribution ran ("neemt de taak van 1 april tot ... over").
_EVENT_OF = re.compile(
    r"\b(?:de|het)\s+(?:verkiezing(?:en)?|aanval(?:len)?|aanslag(?:en)?|verklaring|top|conferentie|vergadering"
    r"|bijeenkomst|overleg|ramp|aardbeving|orkaan|tyfoon|storm|branden?|overstroming(?:en)?|gevechten|onlusten"
    r"|rellen|protesten|bezoek|debat)\s+$"
)


def _time_of_an_event(text: str, period_start: int) -> bool:
    """The period starting at ``period_start`` is an event's: "de top van 11 tot en met 12 juli"."""
    return text.startswith("van ", period_start) and bool(_EVENT_OF.search(text, max(0, period_start - 40), period_start))


_FIGHTING = re.compile(r"\b(?:zware\s+)?(?:gevechten|vuurgevechten|beschietingen)\b")


def _of_the_mission(text: str, clause, here: list[tuple[str, int, int]], pos: int) -> bool:  # noqa: ANN001
    """A relative clause on the mission named right before it tells the mission's own dates:
    "(EUPOL Afghanistan), die op 15 juni jl. van start is gegaan"; not "De Nederlandse bijdrage
    aan NTM-I, die thans bestaat uit zes stafofficieren, eindigt per 31 december" (the date is
    the main clause's, after the relative one closes)."""
    part = text[clause.start : clause.end]
    if not _RELATIVE_OPENER.match(part) or _DUTCH.search(part):
        return False
    closes = part.find(",", len(part) - len(part.lstrip(" ,")))
    if closes >= 0 and pos >= clause.start + closes:
        return False
    named = [s for _, s, e in here if 0 <= clause.start - e <= 3]
    return bool(named) and not _SHARE_OF.search(text, 0, named[0]) and bool(_MISSION_BEGINS.search(part) or _MISSION_DOES.search(part))


# ... or what it did until then: "ECOMOG, die het land tot het begin van dit jaar beveiligde".
_MISSION_DOES = re.compile(
    r"\b(?:beveiligde|beveiligt|ondersteunde|ondersteunt|bewaakte|bewaakt|patrouilleerde|patrouilleert|opereerde|opereert"
    r"|trainde|traint|hield toezicht|houdt toezicht)\b"
)
# What a mission itself does in time: it begins, is set up, runs or ends.
_MISSION_BEGINS = re.compile(
    r"\b(?:van start|begon|begonnen|begint|gestart|startte|opgericht|ingesteld|opgeheven|afgesloten|loopt|liep|eindigt|eindigde)\b"
)


def _takes_part_before(text: str, clause_start: int, pos: int) -> bool:
    """The Netherlands takes part in the clause holding ``pos`` or the main clause before it
    (the verb may come last), not in a relative clause of its own ("..., die sinds 2007 ...")."""
    if _RELATIVE_OPENER.match(text, clause_start) or re.match(r"[\s,]*waar\w+\b", text[clause_start:]):
        # (unless the Netherlands is who takes part in it: "aan UNTSO, waaraan Nederland sinds 1956 deelneemt")
        end = _CLAUSE_MARK.search(text, clause_start + 2)
        return bool(_NL_JOINS_IN_RELATIVE.match(text, clause_start, end.start() if end else len(text)))

    m = _NL_TAKES_PART.search(text)
    return bool(m and m.start() < pos)


_LED_BY = re.compile(r"\bdoor (?:de |het )?[\w-]+(?: [\w-]+)? geleide\b")


# "De bijdrage aan MINUSMA bestaat uit ...": what the Dutch share consists of, not the mission's size.
_SHARE_OF = re.compile(
    r"\b(?:[Bb]ijdrage|[Bb]ijdragen|[Ii]nzet|[Dd]eelname)\s+(?:aan|in|bij|voor)\s+(?:de\s+|het\s+)?(?:[\w-]+\s+){0,2}$"
)


# The unit a count measures, before it: "een Oegandese bewakingseenheid van ongeveer 530 militairen".
_UNIT_OF_COUNT = re.compile(
    r"(?P<adj>[A-Z][\w'-]+)\s+(?:[\w'-]+\s+){1,2}?(?:van|met)\s+"
    r"(?:(?:circa|ca\.|ongeveer|ruim|bijna|zo'n|maximaal|ten hoogste|in totaal)\s+)?$"
)


def _of_a_foreign_unit(text: str, pos: int) -> bool:
    """The count at ``pos`` is the size of another country's unit (the host nation's included)."""
    m = _UNIT_OF_COUNT.search(text, max(0, pos - 70), pos)
    return bool(m) and nationality(m.group("adj")) not in (None, NL)


@lru_cache(maxsize=1024)
def _is_foreign(text: str) -> bool:
    """Numbers in the sentence count others' people or a whole mission's."""
    # The nation that leads ("de door Duitsland geleide brigade") does not make the sentence another's.
    text = _LED_BY.sub("", text)
    whole = _may_be_whole(text) and _WHOLE_FILTER.may_match(text) and any(not _SHARE_OF.search(text, 0, m.start()) for m in _WHOLE.finditer(text))
    if whole or ((_OTHERS.search(text) or _OTHERS_SUBJECT.match(text)) and not _NL_SENDS.search(text)):
        return True
    # another country as the subject: "Kenia trok vervolgens zijn bataljon ... terug"
    first = find_places(text[:40])
    return bool(first and first[0].start == 0 and first[0].kind == "country")


# Dates that start or end a contribution by the verb they stand with.
_START_VERB = re.compile(
    r"\b(?:(?:vertrek|vertrok)(?:t|ken|kende)?\b(?![^.]{0,40}\buit\b)|start\w*|aanvang\w*|gaat in|gaan in|ingaan|arriveer\w*|aankomst|ingezet"
    r"|operationeel|van start|ontplooid|sinds|vangt|vangen|neemt\b[^.]{0,40}\bover|in gebruik genomen|in gebruik gesteld"
    # "sluit op 22 april bij het eskader aan": joins the group then
    r"|(?:sluit|sluiten|sloot|sloten)\b[^.;]{0,40}?\baan\b|aangesloten|aansluiten"
    # "neemt vanaf het begin van de missie in juli 1994 deel": from the mission's start, which is then
    r"|vanaf (?:het begin|de start|de aanvang) van de (?:missie|operatie)"
    # "heeft Nederland op 5 augustus het USAR-team gestuurd": sent then; "is op 27 december van
    # Eindhoven naar Kerman gevlogen": gone there then
    r"|gestuurd|gezonden|uitgezonden|stuurt|stuurde|stuurden|zendt|zond|zonden"
    r"|naar\s+(?:de\s+|het\s+)?[A-Z][\w-]*(?:\s+[\w-]+){0,2}?\s+(?:over|af|uit)?ge(?:vlogen|reisd|varen)\b"
    # "heeft op 15 en 16 maart drie vluchten uitgevoerd": flown then
    r"|(?<!laatste )vluchten\s+(?:[\w-]+\s+){0,6}?uitgevoerd"
    # "De bijdrage begint op 31 maart", "de officieren zijn op 1 maart begonnen": the contribution
    # begins (not "het conflict, dat op 12 juli begon")
    r"|(?:bijdrage|inzet|deelname|uitzending|detachement|team|eenheid|missie|training\w*|werkzaamheden"
    r"|\w*officieren|militairen|\w*specialisten|waarnemers|adviseurs|instructeurs)\b[^.;]{0,40}?"
    r"\b(?:begint|beginnen|begon|begonnen)"
    # "...; zij beginnen daar op 26 april met vluchten": the people just named start (the singular
    # "Zij begint medio juli" is the mission's own start, not a contribution's)
    r"|(?:^|[;:]\s*)(?:zij|ze)\b[^.;]{0,40}?\b(?:beginnen|begonnen))\b",
    re.IGNORECASE,
)
_ENDS_CLAUSE = re.compile(r"\b(?:beëindigt|beëindigen|beeindigt|beeindigen|eindigt|stopt|stoppen)\b", re.IGNORECASE)
# (with where they went back to between: "begin augustus naar Nederland teruggekeerd")
_DONE_AFTER = re.compile(r"\s*(?:naar\s+[A-Z][\w-]+\s+)?(?:voltooid|afgerond|beëindigd|beeindigd|gereed|teruggekeerd)\b")
# Dutch splits "terugkeren" around the date: "De militairen keren eind maart terug."
_RETURN_VERB = re.compile(r"\b(?:keert|keren|keerde|keerden|trekt|trekken|trok|trokken|komt|komen|kwam|kwamen)\s+"
                          r"(?:(?:naar verwachting|vermoedelijk|dan|pas|weer|uiterlijk|in de loop van)\s+)?$")
_BACK_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?terug\b")
# Back home after the date, whatever the verb: "zijn naar verwachting in de tweede week van april
# terug in Nederland", "is eind juni weer thuis"
# "in de tweede week van" (april): a part of the month before a date
_PART_OF_MONTH = r"in de (?:eerste|tweede|derde|vierde|laatste) (?:week|weken|helft) van"
_PART_OF_MONTH_BEFORE = re.compile(rf"\b{_PART_OF_MONTH}\s*$")
_HOME_AGAIN = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:terug|weer)\s+(?:in\s+Nederland|thuis|in\s+(?:de\s+)?thuishaven)\b")
_FROM_START = re.compile(r"\bvanaf (?:de|het) (?:start|begin|aankomst|aanvang)|\bna (?:aankomst|de start|aanvang)\b", re.IGNORECASE)
_END_VERB = re.compile(
    r"\b(?:beëindig\w*|beeindig\w*|eindig\w*|keert|keren|keerde|keerden|terugkeer\w*|terugvlucht\w*|teruggekeerd|terugtrekking|teruggetrokken"
    r"|redeployment|afgerond|niet langer|niet meer"
    r"|afloop\w*|(?:vertrek|vertrok)\w*(?=[^.]{0,40}\buit\b)|laatste (?:vlucht|patrouille|missie|rotatie)|terug te trekken"
    r"|trekt\b[^.]{0,60}\bterug|voltooid"
    # "op 20 december hebben de laatste Nederlandse militairen het land verlaten"
    r"|laatste\b[^.;]{0,40}\b(?:het land|het gebied|de regio)\s+(?:verlaten|verliet|verlieten))\b",
    re.IGNORECASE,
)
# The people and units of a contribution, as the subject of a sentence ("Het detachement").
_PEOPLE_NOUNS = (
    "toestellen|schip|schepen|fregat|eenheid|eenheden|detachement|compagnie|militairen|bemanning|taskforce|team|teams"
    "|vliegtuigen|helikopters|mijnenjager|staf|stafofficieren|waarnemers|commandant"
    "|bataljon|peloton|taakgroep|battlegroup|voorhoede|kwartiermakers|mariniers"
)
# A sentence that goes on about the one before: "Zij worden ...", "Het gaat om ...".
_ANAPHOR = re.compile(
    r"^(?:Zij|Ze|Deze|Dit|Dat|Het|Hij|Daarnaast|Ook|Verder|Voorts|Tevens|In totaal|Ten (?:tweede|derde|vierde|vijfde|slotte)"
    # (the noun may head a compound: "De geniecompagnie", "Het transportdetachement")
    rf"|(?:De|Het|Deze|Dit|Die)\s+(?:\w+\s+)?(?:[a-zë]+(?=(?:{_PEOPLE_NOUNS})\b))?(?:{_PEOPLE_NOUNS}|bijdrage|bijdragen|versterking|uitbreiding|inzet|besluit|periode|termijn)"
    # the first or last of those just sent: "De eerste twintig vertrekken op 2 november"
    r"|(?:De|Een)\s+(?:eerste|laatste|overige)\s+(?:groep\b|\d+|[a-z]+(?:tig|tien)\b|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)"
    # parts of them: "Van hen werken er ...", "Daarvan zijn er ...", "Twee van hen ..."
    r"|Van (?:hen|deze|die)|Daarvan|\w+ van hen)\b"
    # A fact-sheet line ("Periode: ...", "Rotatie: ...") goes on about the line before it.
    r"|^[A-Z][a-z]+(?:\s[a-z]+)?\s*:\s"
    # an item of a list of the Dutch parts: "Stafofficieren op het hoofdkwartier in Banja Luka: circa 40."
    r"|^(?:Stafofficieren|Adviseurs|Instructeurs|Waarnemers|Militairen|Mentoren|Liaisonofficieren)\b"
)
# A unit as the subject, not "Het" or "Dit" alone: "Het schip", "De mariniers", "Het detachement".
_UNIT_SUBJECT = re.compile(rf"(?:De|Het|Deze|Dit)\s+(?:\w+\s+)?(?:[a-zë]+(?=(?:{_PEOPLE_NOUNS})\b))?(?:{_PEOPLE_NOUNS})\b")
# "Beide bijdragen lopen vanaf ...": the two contributions the paragraph just named.
_BOTH = re.compile(r"(?:Beide|De beide|Deze twee|Die twee) (?:bijdragen|missies|eenheden|detachementen)\b")
# The people or unit of the sentence before as the subject: "Zij zijn werkzaam ...", "De waarnemers ...".
_SAME_PEOPLE = re.compile(
    rf"(?:Zij|Ze)\b|(?:De|Het|Deze|Dit)\s+(?:\w+\s+)?(?:[a-zë]+(?=(?:{_PEOPLE_NOUNS})\b))?(?:{_PEOPLE_NOUNS}|adviseurs|instructeurs)\b"
)
_MONEY = re.compile(r"€|\bEUR\b|\beuro\b|\bmiljoen\b|\bmln\b", re.IGNORECASE)
_MONEY_WORDS = ("eur", "miljoen", "mln")  # _MONEY's words in lower case ("eur" holds "euro")


def _names_money(text: str) -> bool:
    """``_MONEY.search(text)``, its words asked for first with ``in`` (speed: re tries a
    caseless pattern at every character; a character re folds to ASCII goes to re)."""
    if "€" not in text and (text.isascii() or not any(c in text for c in CASE_TRAPS)):
        low = text.lower()
        if not any(map(low.__contains__, _MONEY_WORDS)):
            return False
    return bool(_MONEY.search(text))
# "Nederland levert in 2017 ...", "de eenheden die Nederland in 2019 gereedstelt", "de bijdrage
# aan de NRF in 2011", "In 2019 bedraagt de Nederlandse inzet ...": a whole year as the period.
_YEAR_CONTRIBUTION = re.compile(
    r"\b(?:lever\w*|geleverd|zend\w*|zond\w*|gezonden|stel\w*|gesteld|draag\w*|droeg\w*|bijgedragen|zet\w*|ingezet"
    r"|deelne\w*|deelname|deelgenomen|neemt|nemen|gereed\w*|oefen\w*|geoefend"
    r"|aangeboden|aanbied\w*|biedt|bieden|bijdrage\w*|inzet|bedraagt|beschikbaar)\b",
    re.IGNORECASE,
)
_YEAR_LEAD = re.compile(r"(?:^|[^\w])(?i:in)\s+$")
_PART_OF_YEAR = re.compile(r"\b(?i:eerder|later|vroeger|afgelopen)\s+$")
# A clause about informing, evaluating or paying for a contribution dates that, not the deployment.
_ABOUT_THE_CONTRIBUTION = re.compile(
    r"\b(?:informeer\w*|informeert|geïnformeerd|geinformeerd|bericht|evalu\w*|ge[eë]valueerd|monitor\w*|gemonitord|rapport\w*"
    r"|\w*rapportage\w*|verslag\w*|kosten|uitgaven|geraamd|budget\w*|begroting\w*|gefinancierd|in op|uw Kamer|de Kamer)\b",
    re.IGNORECASE,
)
# "De regering besloot in 1997 tot deelname": the year of the decision, not of the deployment
# (but "heeft besloten in 2023 instructeurs te leveren" gives the year to what is done).
_DECIDED = re.compile(r"\b(?:besloot|besloten|besluit|beslist|ingestemd|instemde)\b", re.IGNORECASE)
_TO_DO = re.compile(r"\bte\s+[a-z]\w*en\b")
_SINCE_IN_CLAUSE = re.compile(r"\b(?i:sinds)\b")
_HANDOVER = re.compile(r"\b(?:overgenomen|overnemen|overgedragen|overdragen|overdracht|afgelost)\b")
# In a sentence about a whole mission, the Dutch share is named as such.
_OWN_SHARE = re.compile(r"\bNederland(?:se)?\b(?!,)|\bwaarvan\b|\bvan wie\b|\bwaaronder\b")
_COUNT_AFTER = re.compile(
    r"(?:\b(?:militairen|personeel|aantal|sterkte|omvang)|\b[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)\s*:\s*(?:circa\s+|ca\.\s*|ongeveer\s+|maximaal\s+|ten hoogste\s+)?"
    # a day of a month ("Periode: 1 april 2005") is a date, not a count
    r"(?P<n>\d{1,4})\b(?!\s*(?:euro|EUR|miljoen|procent|%|uur|km|(?:" + "|".join(MONTHS) + r")\b))"
)
_ONE_PERSON = re.compile(
    r"\b(?:een|één)\s+(?:Nederlandse\s+|militaire\s+)?(?:stafofficier|officier|liaisonofficier|liaison officer|adviseur|waarnemer"
    r"|functionaris|staffunctionaris|marechaussee|politiefunctionaris|instructeur|militair|onderofficier|specialist"
    r"|arts|planner|verbindingsofficier)\b(?!\w)"
)
# Another body's seat, or where a ship was before: "na overleg met de ambassade in Bangkok",
# "op een oefenreis in Zuidoost-Azië".
_AMONG_BEFORE = re.compile(r"\b(?:onder wie|waaronder|onder meer|inclusief)\s+$")
_ELSEWHERE = re.compile(
    r"\b(?:ambassade|consulaat|oefenreis|thuishaven|thuisbasis)\s+(?:\w+\s+){0,2}(?:in|te)\s+$",
    re.IGNORECASE,
)
_MEETING = re.compile(r"\b(?:top|topontmoeting|conferentie|bijeenkomst|vergadering|overleg|ministeriële|donorconferentie)\s+(?:\w+\s+){0,2}(?:in|te)\s+$", re.IGNORECASE)
# A place a unit sets out from, with where it goes after it in the same clause.
# ("van" and "uit" also say whose: "de haven van Aden"; and "vanuit Polen en keren terug
# naar Kyiv" works from Poland: going back is no destination, nor is "naar Nederland terug".)
_ORIGIN = re.compile(r"\bvanuit\s+(?:de\s+|het\s+)?$")
_DESTINATION = re.compile(r"[^.;:]{0,80}?(?<!terug )\bnaar\s+(?:de\s+|het\s+)?[A-Z][\w-]*(?![\w-])(?!\s+(?:\w+\s+){0,2}?terug)")
# The place a unit comes back to: "naar Curaçao terug", "keren naar Nederland terug" (the word
# after), or "keert terug naar vliegbasis Volkel", "teruggekeerd naar Den Helder" (the word before).
_RETURNS_TO = re.compile(r"\bnaar\s+(?:de\s+|het\s+)?$")
_RETURN_AFTER = re.compile(r"\s+(?!en\s)(?:\w+\s+){0,2}?terug\w*\b")  # not "naar Somalië en terug"
_BACK_TO = re.compile(r"\bterug\w*\s+naar\s+(?:de\s+|het\s+)?(?:[a-z][\w-]*\s+){0,2}$")


def _returned_to(text: str, start: int, end: int) -> bool:
    """The place at ``text[start:end]`` is where a unit comes back to: home, not the mission's area."""
    return bool(_RETURNS_TO.search(text[max(0, start - 12) : start]) and _RETURN_AFTER.match(text, end)) \
        or bool(_BACK_TO.search(text[max(0, start - 50) : start]))


_MAX_DUTCH_PERSONNEL = 2000  # larger numbers count whole missions, not the Dutch part
# A nationality before the counted people, other than Dutch.
_OTHER_NATION = re.compile(r"^\S+\s+(?!Nederlandse\b)[A-Z][a-zë]+(?:i?aanse|ische|se|ese|ense)\s+\w+")
_EACH = re.compile(r"\b(?:elk|elke|ieder|iedere|per)\b")
_THRESHOLD = re.compile(r"\bbijdragen\s+van\s+(?:meer|minder)\s+dan\s+$")  # (before the number)
# The day a count or a state is given for: "het aantal op 1 juni", "de stand per 1 juni".
_AS_OF = re.compile(r"\b(?:aantal(?:len)?|stand|peildatum)\s+(?:op|per|van)(?:\s*$|\s)")
# A mission named as the receiver of the contribution: "bijdrage aan (de) X", "inzet in X".
_TARGET = re.compile(
    r"\b(?:[Aa]an|[Bb]ij|binnen|in het kader van|deel uit van|deel uit(?:maken|maakt|maakte|maakten|te maken) van|onderdeel (?:uit )?van)\s+(?:de\s+|het\s+)?(?:door\s+(?:de\s+|het\s+)?[\w-]+\s+geleide\s+)?(?:(?!(?:voor|van|in|op|met|tot|de|het)\b)[\w-]+\s+){0,3}['‘\"“]?$"
    # ("in het kader van de door de NAVO geleide 'International ...'": a led-by phrase and a quote between)
    # "voor X" receives a contribution only after a word of giving: not "gereedstelling voor de NRF"
    r"|\b(?:bijdrage\w*|beschikbaar|ingezet|inzet|levert|leveren|stelt|stellen)\s+(?:[\w-]+\s+){0,3}voor\s+(?:de\s+|het\s+)?(?:[\w-]+\s+){0,3}$"
    # "(ter beschikking) te stellen van de tweede operatie van de VN (UNOSOM II)": given to it
    r"|\b(?:stellen|stelt|gesteld)\s+van\s+(?:de|het)\s+[^.;:()]{0,45}$"
    # "De Nederlandse eenheid van de Stabilisation Force Iraq": the unit is the mission's
    r"|\b(?:Nederlandse|ons|onze)\s+(?:eenheid|eenheden|detachement|contingent|compagnie|bataljon|bijdrage|deelname)"
    r"\s+(?:van|bij|binnen)\s+(?:de\s+|het\s+)?['‘\"“]?$"
)
# A name spelled out before its abbreviation: "'International Security and Assistance Force' (ISAF)"
# (OCR reads a closing quote as "!" too).
_SPELLED_OUT = re.compile(r"(?:['‘\"“][^'’\"”]{2,90}['’\"”]|['‘\"“]?(?:[A-Z][\w-]*[!'’\"”]?\s+(?:(?:and|of|for|in|the)\s+)*){1,8})\s*\($")


def _listed_after(text: str, here: list[tuple[str, int, int]], receivers: list[str]) -> list[str]:
    """The missions listed after a receiver ("aan de VN-missie MINUSMA, de EU-trainingsmissie EUTM
    Mali en de civiele EU-missie EUCAP Sahel Mali"): given to as well."""
    out: list[str] = []
    ordered = sorted(here, key=lambda h: h[1])
    for (m1, _, e1), (m2, s2, _) in zip(ordered, ordered[1:]):
        if (m1 in receivers or m1 in out) and m2 not in receivers and _LISTED.fullmatch(text, e1, s2):
            out.append(m2)
    return out


# Between two missions of one list: ", de EU-trainingsmissie ", " en de civiele EU-missie ".
# (not a relative clause: "SNMG1, die onder Baltic Sentry opereert")
_LISTED = re.compile(
    # (nor what came after: "aan de voorganger MONUC en daarna aan MONUSCO")
    r"\)?\s*(?:,|\s+en)\s+(?!(?:die|dat|welke|wat|waar\w*|daarna|vervolgens|sindsdien|nadien|later)\b)(?:(?:de|het)\s+)?(?:[\w-]+\s+){0,3}?(?:\(\s*)?"
)


@lru_cache(maxsize=1024)
def _receives(text: str, start: int) -> bool:
    """Whether the mission mentioned at `start` is named as the receiver of the contribution.

    (Cached: four stages ask it of the same mention, a long letter a few hundred times.)"""
    before = _SPELLED_OUT.sub("", text[max(0, start - 220) : start])
    # "bij aan de EU-adviesmissie voor de hervorming van de veiligheidssector (EUAM Oekraïne)"
    before = _DESCRIBED_BEFORE.sub("", before)
    # a mention that starts inside a compound: "aan de NAVO-[operatie Baltic Sentry]"
    before = _GLUED_HEAD.sub(" ", before)
    if _HANDED_TO.search(before[-50:]):
        return False  # "met de overdracht aan UNAMID beëindigd": the successor, not the receiver
    return bool(_TARGET.search(before[-50:]) or _DEPLOYMENT_FOR.search(before[-130:]))


# The mission a relative clause after it gives to: "afhankelijk van SFOR, waaraan Nederland met
# ongeveer 1 200 militairen deelneemt".
_RECEIVES_AFTER = re.compile(
    r"\s*,?\s*(?:waaraan|waarin|waarvoor|waarbij)\s+(?:Nederland|wij|het kabinet|de regering|Defensie)\b[^.;]{0,80}?"
    r"\b(?:deel\w*|bij\w*|levert|leveren|leverde|draagt|dragen|stuurt|sturen)\b"
)


# "de inzet van Nederlandse F-16's vanaf de Italiaanse vliegbasis Amendola voor de NAVO-operatie X":
# what the deployment is for, however far its noun stands before "voor"
_DEPLOYMENT_FOR = re.compile(r"\b(?:inzet|bijdrage|deelname|uitzending)\s+van\b[^.;:()]{0,100}?\svoor\s+(?:de|het)\s+(?:[\w-]+\s+){0,2}$")


# A total that a sentence naming no mission gives after the counts of several.
_TOTAL = re.compile(r"(?:In totaal|Samen|Totaal|Opgeteld)\b")
_TOTAL_REACH = 600  # characters back: a table or list just above

_GLUED_HEAD = re.compile(r"(?<=\s)[\w]+-$")


# A sentence about the contribution the one before it stated.
_THAT_CONTRIBUTION = re.compile(r"(?:Die|Deze|Dat|Dit)\s+(?:bijdrage|inzet|deelname|steun)\b")
_THERETO = re.compile(r"\b(?:daaraan|daarvoor|daarbij|hieraan|hiervoor|eraan)\b")
# "Nederland neemt ... aan deze operatie deel": the mission the sentence before named.
_THIS_MISSION = re.compile(r"\b(?:aan|bij|in|voor)\s+(?:deze|die|dezelfde|de nieuwe)\s+(?:operatie|missie|troepenmacht|vredesmacht)\b")
_HANDED_TO = re.compile(r"\b(?:overdracht|overgedragen|overdragen|draagt|overgang|overgaat|opgaat|opgegaan|opvolger)\s+(?:\w+\s+)?(?:aan|in|naar)\s+(?:de\s+|het\s+)?$")


# (not the contribution's end by it: "verlengd tot het einde van het mandaat van UNAVEM III")
_MANDATE_OF = re.compile(
    r"(?<!\beinde van het )(?<!\beind van het )(?<!\bduur van het )(?<!\bafloop van het )"
    r"\bmandaat\s+van\s+(?:de\s+|het\s+)?$"
)
_DESCRIBED_BEFORE = re.compile(r"\b(?:de|het)\s+[^.;:()]{3,160}\(\s*$")


# A mission named in passing, as the owner of something: "de transitie van OIR".
_PASSIVE = re.compile(r"\b(?:van|door|na|dan|uit|met|tegen)\s+(?:de\s+|het\s+)?$")
_FRAMEWORK = re.compile(r"\bnationa(?:al|le) kader", re.IGNORECASE)
# The contribution as it stands, whose end an extension moves: "De huidige bijdrage loopt tot ...".
_CURRENT = re.compile(r"\b(?:huidige|lopende|bestaande|vigerende)\s+(?:\w+\s+)?(?:bijdrage|inzet|kader|besluit|deelname|uitzending)\b", re.IGNORECASE)
_EXTENDS_WORD = re.compile(r"\bverleng|\bverlenging|\bcontinuer|\bvoortzetting|\bvoort te zetten", re.IGNORECASE)
# An extension the letter only holds open: "wordt zo nodig verlengd", "een eventuele verlenging".
_MAY_EXTEND = re.compile(r"\b(?:zo ?nodig|indien nodig|eventuele?|mogelijke?|kan|kunnen)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _extends(text: str, pos: int = 0, endpos: int | None = None) -> bool:
    """``text[pos:endpos]`` speaks of an extension, not only of one the letter holds open."""
    return any(
        not _MAY_EXTEND.search(text, max(0, m.start() - 30), m.start())
        for m in _EXTENDS_WORD.finditer(text, pos, len(text) if endpos is None else endpos)
    )
# "naar Litouwen", "in Mali ingezet": a country counts only in plain deployment wording.
_DEPLOY_VERB = re.compile(r"\b(?:ingezet|gestationeerd|gelegerd|uitgezonden|ontplooid|gebaseerd|opereert|opereren|werkzaam)\b")


@dataclass
class _State:
    unit_missions: dict[str, str] = field(default_factory=dict)  # the ties the letter made so far
    letter_ties: dict[str, str] = field(default_factory=dict)  # the ties it makes anywhere
    last_mission: str | None = None
    last_block: int = -1
    last_dutch: bool = False
    receivers: list[str] = field(default_factory=list)  # the missions the paragraph gives to, in order
    letter_missions: frozenset[str] = frozenset()  # every mission the letter names
    main: str | None = None  # the letter's main mission, or the operation its subject describes
    last_start: dict[str, str] = field(default_factory=dict)  # mission -> the start a letter named
    last_facts: str | None = None  # the mission the paragraph's last facts went to
    recent_start: dict[str, str] = field(default_factory=dict)  # mission -> the paragraph's latest start
    framework_ends: dict[str, str] = field(default_factory=dict)  # mission -> the end of its current framework
    # extensions by a length before the letter gave the end they extend: (contribution, months)
    pending_extensions: list[tuple[Contribution, int]] = field(default_factory=list)
    day_pair_ends: list[Contribution] = field(default_factory=list)  # "op 2 en 3 oktober ... vluchten uitgevoerd"
    last_named: str | None = None  # the mission the sentence before named first
    named_before: list[str] = field(default_factory=list)  # every mission the sentence before named
    current: Sentence | None = None
    before: list[Sentence] = field(default_factory=list)  # the sentences before, in the same paragraph


@lru_cache(maxsize=256)
def _quantities(text: str) -> list[Quantity]:
    """A sentence's quantities, asked for twice per sentence."""
    return find_quantities(text)


_OPENING_PARAGRAPHS = 1
# A site's summary of the letter: "informeert de Tweede Kamer over de deelname van de marine aan ...".
_INFORMS_OF_SHARE = re.compile(r"\binformeer\w*\b[^.;]{0,60}\bover de (?:deelname|bijdrage|inzet)\b")
# "deelname aan Baltic Protector, de eerste maritieme inzet van de JEF": the others named after it
# describe the first mission, they receive nothing.
_APPOSITION_AFTER = re.compile(r",\s+(?:de|het|een)\s")


def _described_after(sentence: Sentence, mentions: list[tuple[str, int, int]], context: set[str]) -> bool:
    """The sentence names its first mission, then others only in a description after a comma."""
    own = [(m, s, e) for m, s, e in mentions if sentence.start <= s < sentence.end and m not in context]
    if not own:
        return False
    first, _, first_end = own[0]
    later = [s for m, s, _ in own if m != first]
    return bool(_APPOSITION_AFTER.match(sentence.text, first_end - sentence.start)) and \
        all(s > first_end for s in later) and _receives(sentence.text, own[0][1] - sentence.start)
_SHARE_IN = re.compile(r"\b(?:bijdrage|deelname|deelneming)\s+aan\b")  # "de Nederlandse bijdrage aan ..."


def _opening_receiver(sentences: list[Sentence], mentions: list[tuple[str, int, int]], body_end: int,
                      context: set[str]) -> str | None:
    """The mission the letter's opening gives its contribution to ("besloten een transportcompagnie
    ter beschikking te stellen van UNOSOM II"), however often the letter names the one before it."""
    paragraphs: set[int] = set()
    found = None
    for sentence in sentences:
        if sentence.footnote is not None or sentence.start >= body_end or sentence.block_kind in ("header", "title"):
            continue
        paragraphs.add(sentence.block_start)
        if len(paragraphs) > _OPENING_PARAGRAPHS:
            break
        here = [m for m, s, _ in mentions if sentence.start <= s < sentence.end]
        if any(m in standing_forces() for m in here):
            # a standing force in the opening carries units into the operation (see the end of
            # find_contributions): the operation beside it may still receive them ("aan Baltic
            # Protector, een inzet van de Joint Expeditionary Force")
            context = context | standing_forces()
            here = [m for m in here if m not in context]
            if not here:
                return None
        if found is not None or not here:
            continue
        # only the first sentence that names a mission, and only a decision of ours about one mission
        # (not a list: "bijdragen aan drie missies: X, Y en Z")
        found = ""
        if not _NEGATED.search(sentence.text) \
                and (_DUTCH.search(sentence.text) or _DECIDED.search(sentence.text) or _INFORMS_OF_SHARE.search(sentence.text)) \
                and (len({m for m in here if m not in context}) == 1 or _described_after(sentence, mentions, context)):
            found = next((m for m, s, _ in mentions if sentence.start <= s < sentence.end and m not in context
                          and (_receives(sentence.text, s - sentence.start)
                               # "over de Nederlandse bijdrage aan het planningsteam dat de EU heeft
                               # ingesteld, het EU Planning Team Kosovo": the one mission, described first
                               or _SHARE_IN.search(sentence.text, 0, s - sentence.start))), "")
    return found or None


def _main_mission(mentions: list[tuple[str, int, int]], body_end: int, context: set[str]) -> str | None:
    """The mission the letter names most. Between standing forces, the one the letter names first
    counts once more: "Met deze brief informeren wij uw Kamer over het bevel over SNMCMG1" is about
    the group, however often the NRF it belongs to that year comes up."""
    counts = Counter(m for m, s, _ in mentions if s < body_end and m not in context)
    if not counts:
        return None
    carriers, first = standing_forces(), next(iter(counts))
    if first in carriers and counts.most_common(1)[0][0] in carriers:
        counts[first] += 1
    return counts.most_common(1)[0][0]


# Taking part itself denied, not one kind of unit: "neemt niet deel", "draagt niet bij", "geen bijdrage".
_TAKES_NO_PART = re.compile(
    r"\b(?:neemt|nemen|nam|namen)\b[^,;]*\bdeel\b|\bdeel(?:name|neming|nemen|genomen)\b|\bbij(?:dragen|draagt|gedragen|droeg)\b"
    r"|\b(?:sluit|sluiten)\b[^,;]*\baan\b|\baan te sluiten\b"
    r"|\bgeen\s+(?:\w+\s+)?bijdrage\b|\bmee(?:doen|gedaan|deed)\b|\bdoet\b[^,;]*\bmee\b"
)


# Others founded or lead it: "Roemenië, Bulgarije en Turkije hebben de MCM Black Sea opgericht".
_FOUNDS = re.compile(r"\b(?:opgericht|richtten|richt\w*\b[^,;]*\bop\b|opgezet|geleid|leidt|leiden|leidde|initiatief)")


def not_joined(sentences: list[Sentence], mentions: list[tuple[str, int, int]], body_end: int) -> set[str]:
    """The missions a letter names only as others' or as ones the Netherlands stays out of.

    No clause has the Netherlands take part in them, nor gives them the contribution ("aan
    X"), and at least as many of their mentions say so as say nothing: "Nederland neemt niet aan
    Ace Guard deel", "de Verenigde Staten escorteren in de operatie Earnest Will" (but not
    "Roemenië, Bulgarije en Turkije hebben de MCM Black Sea opgericht": a group others founded
    may be the one Dutch ships join). The facts of the letter's own operation do not go to
    them: better none than another's.
    """
    tally: dict[str, list[int]] = {}  # mission -> [refused, others', neutral, Dutch]
    asked: list[tuple[str, int]] = []  # (mission, tally index) of the sentence before, if it asks the Netherlands
    for sentence in sentences:
        if sentence.start >= body_end or sentence.footnote is not None:
            continue
        if asked and _DECLINES_REQUEST.search(sentence.text):
            # "Frankrijk heeft Nederland gevraagd deel te nemen aan Turquoise. De regering heeft besloten
            # niet op dat verzoek in te gaan": the request is refused
            for mission, index in asked:
                tally[mission][index] -= 1
                tally[mission][0] += 1
        asked = []
        here = [(m, s - sentence.start, e - sentence.start) for m, s, e in mentions if sentence.start <= s < sentence.end]
        if not here:
            continue
        # The country in a mission's name ("EUCAP Sahel Mali", "EUAM Irak") is not who acts.
        masked = sentence.text
        for _, s_, e_ in here:
            masked = masked[:s_] + "x" * (e_ - s_) + masked[e_:]
        clauses = read_clauses(masked)
        for mission, pos, _ in here:
            clause = clause_at(clauses, pos)
            counts = tally.setdefault(mission, [0, 0, 0, 0])
            after = next((c for c in clauses if c.start >= clause.end), None)
            if after is not None and after.actor == NL and after.modality != "negated" \
                    and _RELATIVE_OPENER.match(masked, after.start):
                counts[3] += 1  # "de missie AMIS, die Nederland financieel en met materieel ondersteunt"
            elif clause.actor == NL:
                # "neemt niet aan Ace Guard deel" stays out; "levert geen schip aan Atalanta" may send other things
                refuses = clause.modality == "negated" and _TAKES_NO_PART.search(masked, clause.start, clause.end)
                counts[0 if refuses else 3 if clause.modality != "negated" else 2] += 1
            elif clause.own and clause.actor not in (None, MISSION, ORGANISATION) \
                    and not _FOUNDS.search(masked, clause.start, clause.end):
                counts[1] += 1  # (a group others founded or lead may be the one Dutch ships join)
            elif _receives(sentence.text, pos) and not _NEGATED.search(sentence.text):
                counts[3] += 1  # "het besluit van het kabinet bij te dragen aan EUCAP Sahel Mali"
            else:
                counts[2] += 1
            if _ASKS.search(sentence.text):
                asked.append((mission, next(i for i in (3, 2, 1, 0) if counts[i])))
    return {m for m, (no, away, neutral, dutch) in tally.items() if not dutch and (no or away) and no + away >= neutral}


_ASKS = re.compile(r"\b(?:gevraagd|verzocht|verzoek)\b")
_DECLINES_REQUEST = re.compile(
    r"\bniet\s+(?:op\s+(?:dat|dit|het|die|deze)\s+verzoek\s+in\s+te\s+gaan|in\s+te\s+gaan\s+op\s+(?:dat|dit|het)\s+verzoek)"
    r"|\bverzoek\s+(?:af\s+te\s+wijzen|afgewezen|niet\s+te\s+honoreren)\b|\bdaar\s+niet\s+op\s+in\s+te\s+gaan\b"
)


# Why a request is refused: the units are bound elsewhere ("De genie-eenheden zijn tot het voorjaar
# van 2005 gebonden aan de inzet in Irak", "de ontmijningscapaciteit is volledig ingezet in Mali").
_BOUND_ELSEWHERE = re.compile(
    r"\bgebonden\s+aan\b|\b(?:zijn|is)\s+(?:\w+\s+){0,3}?(?:nodig|voorzien|gereserveerd)\s+voor\b"
    r"|\b(?:zijn|is)\s+[^.;]{0,40}?\bnodig\b"  # "alle helikopters zijn tot eind 2010 in Afghanistan nodig"
    r"|\b(?:volledig|al|reeds|elders)\s+ingezet\b|\b(?:zijn|is)\s+in\s+[A-Z][^.;]{0,50}?\bingezet\b"
)
_REFUSAL = re.compile(
    rf"{_DECLINES_REQUEST.pattern}|\b(?:af\s+te\s+zien|afgezien|geen\s+ruimte|niet\s+(?:mogelijk|haalbaar|in\s+staat)"
    r"|afslaan|afgeslagen|afwijzen|afgewezen|af\s+te\s+wijzen|af\s+te\s+slaan)\b"
)


def _reason_not_to(text: str, before: list[Sentence]) -> bool:
    """The sentence gives the reason for a refusal just made ("Daarvoor ziet het kabinet geen
    ruimte: de capaciteit is volledig ingezet in Mali"): where the units are, not what is sent."""
    bound = _BOUND_ELSEWHERE.search(text)
    if bound is None:
        return False
    refusal = _REFUSAL.search(text, 0, bound.start())
    return bool(refusal or (before and _REFUSAL.search(before[-1].text)))


def find_contributions(
    sentences: list[Sentence],
    mentions: list[tuple[str, int, int]],
    letter_date: date | None,
    body_end: int,
    section_mission: Callable[[int], str | None] | None = None,
    lines: list[Sentence] | None = None,
    topic: str | None = None,
    others: set[str] | None = None,
) -> list[Contribution]:
    """Every Dutch contribution fact in the letter's body sentences.

    Args:
        sentences: the letter's sentences.
        mentions: (mission id, start, end) of every mission mention, in text order.
        letter_date: to resolve dates without a year.
        body_end: where the signature block starts.
        section_mission: the mission the heading of the section at an offset names, if any.
        lines: every block of the body as one unit, headings and table rows included.
        topic: the operation the letter's subject describes (``topic.find_topic``), which
            takes the facts of sentences that name no mission.
        others: ``not_joined`` of these sentences and mentions, when the caller has it already.
    """
    context = not_joined(sentences, mentions, body_end) if others is None else others
    own_dates = mission_dates([s for s in sentences if s.footnote is None and s.start < body_end], mentions, letter_date)
    # The one mission the subject line names is what the letter is about ("Onderwerp Beëindiging
    # Nederlandse deelname aan het WEU-politie-element in Mostar"), however often others come up.
    subject = {m for sent in sentences if sent.block_kind in ("header", "title")
               for m, s, _ in mentions if sent.start <= s < sent.end and m not in context}
    main = topic or (next(iter(subject)) if len(subject) == 1
                     else _opening_receiver(sentences, mentions, body_end, context)
                     or _main_mission(mentions, body_end, context))
    state = _State(letter_ties=_unit_ties(sentences, mentions, body_end),
                   letter_missions=frozenset(m for m, s, _ in mentions if s < body_end), main=main)
    out: list[Contribution] = []
    if lines:
        out.extend(table_personnel([l for l in lines if l.start < body_end], main, section_mission, mentions))
    following = {id(a): b for a, b in zip(sentences, sentences[1:])}
    for sentence in sentences:
        if sentence.footnote is not None or sentence.start >= body_end:
            continue
        if state.current is not None and _paragraph_key(state.current) == _paragraph_key(sentence):
            state.before.append(state.current)  # the sentences before, in this paragraph
        state.current = sentence
        block_key = _paragraph_key(sentence)
        carried = False
        if block_key != state.last_block:
            # "Het schip blijft tot en met 20 september in het gebied" opening the next paragraph
            # still speaks of the unit the one before ended on
            carried = state.last_dutch and bool(_UNIT_SUBJECT.match(sentence.text))
            state.last_mission, state.last_block, state.last_dutch = None, block_key, False
            state.receivers, state.recent_start, state.last_facts, state.last_named = [], {}, None, None
            state.named_before = []
            state.before = []
        here = [(m, s - sentence.start, e - sentence.start) for m, s, e in mentions
                if sentence.start <= s < sentence.end and m not in context]
        units = find_units(sentence.text)
        section = section_mission(sentence.start) if section_mission else None
        # "Zij ...", "Het detachement ..." go on about the contribution before; "Daarnaast levert
        # Nederland ..." starts a new one.
        continues = bool(state.last_dutch and _SAME_PEOPLE.match(sentence.text) and not _NL_SENDS.search(sentence.text))
        missions = _attribute(sentence.text, here, units, state, section, continues) or ([main] if main else [])
        state.last_named = here[0][0] if here else None  # the first named is mostly the subject
        if here:
            state.named_before = [m for m, _, _ in here]  # (a sentence that names none keeps those before)
        receivers = {m for m, st, _ in here if _receives(sentence.text, st)}
        for u in units:
            # A unit belongs to the mission it is given to ("een fregat aan Sea Guardian"),
            # not to one named beside it ("zonder afbreuk aan de gereedstelling voor de NRF").
            if len(receivers) == 1 and u.kind not in state.unit_missions and u.kind != "unit":
                state.unit_missions[u.kind] = next(iter(receivers))
        if sentence.block_kind in ("header", "title"):
            continue  # the letter's subject line: context for what follows, never a fact of its own
        # the missions given to: "aan UNTSO", or the one named where "Nederland levert ..."
        given = receivers or ({missions[0]} if here and missions and _NL_SENDS.search(sentence.text) else set())
        state.receivers += [m for m, _, _ in here if m in given and m not in state.receivers]
        both = not here and bool(_BOTH.match(sentence.text)) and len(state.receivers) >= 2
        if both:
            missions = state.receivers[-2:]  # "Beide bijdragen lopen vanaf 1 februari": the two just named
        if not missions:
            continue
        if receivers or (not here and missions):
            # Only a mission that receives the contribution sets the context of what follows;
            # "contact met ISAF" or "het vertrek uit SFIR" does not.
            state.last_mission = missions[0]
        sentence = _before_money(sentence)
        # ("Het huidige besluit loopt tot ...": the contribution as it stands is ours too)
        dutch = bool(_DUTCH.search(sentence.text) or _CURRENT.search(sentence.text) or any(u.strong for u in units)
                     or _counts_dutch_people(sentence.text))
        # A sentence that refers back to a Dutch one in its paragraph goes on about it ("Zij worden ...").
        follows = (carried or (state.last_dutch and (_ANAPHOR.match(sentence.text) or _people_subject(sentence.text)))) \
            and not _is_foreign(sentence.text)
        state.last_dutch = bool(dutch or follows)  # a chain: "Zij zijn ... . Het besluit loopt tot ..."
        if not (dutch or follows) or _is_about_something_else(sentence.text) or _NEGATED.search(sentence.text) \
                or _reason_not_to(sentence.text, state.before):
            continue
        if not here and _TOTAL.match(sentence.text) and len({
                c.mission for c in out if c.personnel and sentence.start - _TOTAL_REACH < c.spans[0][0] < sentence.start}) >= 2:
            continue  # "In totaal gaat het om 54 personen" under counts for several missions: theirs together
        for group in ([[m] for m in missions] if both else [missions]):
            read_as = _as_granted(sentence, following.get(id(sentence)))
            found = _facts(read_as, group, here, units, letter_date, state,
                           located=_places_units(sentence.text, units), follows=bool(follows))
            if read_as is not sentence:
                for c in found:
                    c.description = sentence.text  # (the words as written, not the blanked reading)
            found += _by_reference(sentence, group[0], own_dates.get(group[0]), found)
            found += _by_the_sentence_before(sentence, group[0], state.before, found, letter_date)
            out.extend(found)
            if found:
                state.last_facts = found[-1].mission
            firsts: dict[str, str] = {}
            for c in found:  # the sentence's first start: "vertrekt op 2 maart en sluit medio maart aan"
                if c.start and not c.framework:
                    firsts.setdefault(c.mission, c.start)
            state.recent_start.update(firsts)
    carriers = standing_forces()
    listed = {c.mission for c in out if c.status != "considered"} - carriers - {main}
    if main and main not in carriers and len(listed) < 2:
        # A standing force (a NATO maritime group, the NRF) carries units into an operation;
        # the letter is about the operation (unless it lists contributions to several missions,
        # the standing force's among them: "versterking van de NAVO-oostflank").
        for c in out:
            if c.mission in carriers:
                c.mission = main
    recent = months_before(letter_date, 1) if letter_date else "9999"
    for c, months in state.pending_extensions:
        # the first start the letter gives this mission that is not history
        begins = next((d.start for d in out if d.mission == c.mission and d.start and d.status == "decided"
                       and not d.framework and d.start[:7] >= recent), None)
        if c.mission in state.framework_ends:
            c.supersedes_end = state.framework_ends[c.mission]
            c.end = add_months(day_after(c.supersedes_end), months)
            out.append(c)
        elif begins:
            # "met zes maanden te verlengen. Het team telt vanaf 1 juli tien militairen": from the new start
            c.end = add_months(begins, months)
            out.append(c)
    for c in state.day_pair_ends:
        if any(d.mission == c.mission and d.end and d.end > c.end and d.status == "decided" for d in out):
            c.end = None  # the flights of those days were part of a stay that ends later
    return _without_coarse_dates(out)


# Someone asks the Netherlands, and the next sentence grants it: "De VN heeft Nederland gevraagd een
# stafofficier te leveren. Het kabinet heeft besloten aan dit verzoek te voldoen."
_ASKS = re.compile(r"\b(?:gevraagd|verzocht|vraagt|vragen|vroeg|vroegen|verzoekt|verzoeken)\b")
_GRANTS = re.compile(
    r"\b(?:voldoen|voldoet|gehoor|ingaan|in te gaan|ingegaan|honoreren|gehonoreerd|tegemoet\s+te\s+komen)\b"
    r"[^.;]{0,30}?\b(?:verzoek|hieraan|daaraan|hierop|daarop)\b"
    r"|\b(?:verzoek|hieraan|daaraan|hierop|daarop)\b[^.;]{0,30}?"
    r"\b(?:voldoen|voldaan|gehoor|in te gaan|ingaan|ingegaan|honoreren|gehonoreerd|tegemoet\s+te\s+komen)\b"
)
_REFUSES = re.compile(r"\b(?:niet|geen|afgezien|af te zien)\b")


_CLAUSE_JOIN = re.compile(r",\s+en\s+|;\s+")


def _before_money(sentence: Sentence) -> Sentence:
    """A sentence whose last clause names money, read without that clause (blanked, offsets kept):
    "Van januari tot mei waren twee officieren werkzaam bij AMIB, en Nederland heeft € 2,5 miljoen
    bijgedragen aan het trustfonds" keeps its officers (a sentence about money gives no facts)."""
    text = sentence.text
    if not _names_money(text):
        return sentence
    money = _MONEY.search(text)
    join = None
    for join in _CLAUSE_JOIN.finditer(text, 0, money.start()):
        pass
    if join is None or join.start() < 30 or _names_money(text[: join.start()]):
        return sentence
    return replace(sentence, text=text[: join.start()] + " " * (len(text) - join.start()))


def _as_granted(sentence: Sentence, following: Sentence | None) -> Sentence:
    """The sentence that asks the Netherlands for a contribution, read as decided when the
    sentence after it in the paragraph grants the request (the asking words blanked, offsets kept)."""
    if following is None or following.block_start != sentence.block_start or not _ASKS.search(sentence.text):
        return sentence
    if not _GRANTS.search(following.text) or _REFUSES.search(following.text):
        return sentence
    return replace(sentence, text=_ASKS.sub(lambda m: " " * len(m.group()), sentence.text))


def _by_reference(sentence: Sentence, mission: str, own: MissionDates | None, found: list[Contribution]) -> list[Contribution]:
    """The start and end a Dutch sentence gives by the mission's own ("vanaf het begin van de
    missie", "voor de duur van de missie", "eindigt op die datum"), where it gives none itself."""
    have = {f for c in found if c.mission == mission for f in ("start", "end") if getattr(c, f)}
    out = []
    for field_name, (value, (s, e)) in referred_dates(sentence.text, own).items():
        if field_name not in have:
            out.append(Contribution(mission=mission, description=sentence.text, spans=[(sentence.start + s, sentence.start + e)],
                                    status="decided", **{field_name: value}))
    return out


# "Op 10 februari droeg Turkije het bevel over. Sindsdien leveren ... Nederland ...", "De leiding
# eindigt op die datum": the date of the sentence before.
# What stands before a start's date: "op", "vanaf", "in de eerste week van" (juli)
_START_PREPOSITION = re.compile(rf"\b(?:op|per|in(?:\s+de)?|vanaf|sinds|met ingang van|{_PART_OF_MONTH})\s*$")
_STAY_THERE = re.compile(r"\b(?:blijft|blijven|verblijft|verblijven)\s+(?:daar|er|ter plaatse)\b")
_SINCE_THEN = re.compile(
    r"^Sindsdien\b|\b(?:sindsdien|vanaf (?:dat moment|die datum|dan)|sinds (?:dat moment|die datum))\b"
    # "... hebben het centrum op 30 september 2007 opgericht. Vanaf de oprichting werken er twee Nederlanders"
    r"|\b(?:[Vv]anaf|[Ss]inds) de (?:oprichting|instelling|start)\b"
    # "De Nederlandse militairen zijn op die datum in de nieuwe missie overgegaan"
    r"|\bop (?:die datum|dat moment)\b[^.;]{0,60}\b(?:overgegaan|overgestapt|begonnen|gestart|aangekomen|ingezet)\b"
)
_ENDS_THEN = re.compile(
    r"\b(?:eindigt|eindigen|stopt|stoppen|loopt af|lopen af|afloopt)\s+(?:ook\s+)?(?:op die datum|op dat moment|dan)\b"
    r"|\b(?:op die datum|op dat moment)\s+(?:eindigt|eindigen|stopt|stoppen|loopt|lopen)\b"
)


_SIZE_NOW = re.compile(r"\b(?:bestaat|bestaan|telt|tellen|omvat|omvatten)\b")


def _month_dates(text: str, letter_date: date | None) -> list:  # noqa: ANN201 (dates.DateMention)
    """The dates ``text`` names to the month at least."""
    return [d for d in find_dates(text, letter_date) if len(d.value) >= 7]


def _last_date(text: str, letter_date: date | None) -> str | None:
    """The last date, to the month at least, that ``text`` names."""
    dates = _month_dates(text, letter_date)
    return dates[-1].value if dates else None


def _by_the_sentence_before(sentence: Sentence, mission: str, before: list[Sentence], found: list[Contribution],
                            letter_date: date | None) -> list[Contribution]:
    """The start or end a Dutch sentence gives by the date of the last dated sentence before it in
    its paragraph."""
    refers = [(name, m) for name, rx in (("start", _SINCE_THEN), ("end", _ENDS_THEN)) if (m := rx.search(sentence.text))]
    if not refers or not before or _is_foreign(sentence.text) or not re.search(r"\bNederland(?:se|ers)?\b", sentence.text) \
            or _SIZE_NOW.search(sentence.text):
        return []  # not another's, nor what the share now consists of
    previous, dates = next(((b, ds) for b in reversed(before)
                            if (ds := _month_dates(b.text, letter_date))), (None, []))
    if previous is None or _DECIDED.search(previous.text):
        return []  # (nor since a decision: "Op 4 december besloot de NAVO ...")
    have = {f for c in found if c.mission == mission for f in ("start", "end") if getattr(c, f)}
    out = []
    for field_name, m in refers:
        if field_name in have:
            continue
        d = dates[-1]
        spans = [(previous.start + d.start, previous.start + d.end), (sentence.start + m.start(), sentence.start + m.end())]
        out.append(Contribution(mission=mission, description=sentence.text, spans=spans, status="decided",
                                **{field_name: d.value}))
    return out


def _without_coarse_dates(out: list[Contribution]) -> list[Contribution]:
    """A date that a more precise one of the same mission repeats says nothing more: "in de
    tweede helft van 2016" beside "van 1 juli tot en met 31 december 2016" keeps the days."""
    precise: dict[tuple[str, str], set[str]] = {}
    for c in out:
        for name in ("start", "end"):
            value = getattr(c, name)
            if value:
                precise.setdefault((c.mission, name), set()).add(value)
    kept = []
    for c in out:
        if c.framework or c.supersedes_end:
            kept.append(c)  # a framework's own dates make the deployment's history
            continue
        for name in ("start", "end"):
            value = getattr(c, name)
            if value and any(v != value and v.startswith(value) for v in precise[(c.mission, name)]):
                setattr(c, name, None)
        if c.start or c.end or c.personnel is not None or c.location or c.quantity is not None or c.supersedes_end:
            kept.append(c)
    return kept


_LIST_ITEM = re.compile(r"^\s*(?:[-–•*·]|\(?[a-z0-9]{1,2}[.)])\s")


def _unit_ties(sentences: list[Sentence], mentions: list[tuple[str, int, int]], body_end: int) -> dict[str, str]:
    """The mission the letter gives each kind of unit to, wherever it says so: "het PRT, dat
    in het kader van ISAF is gestationeerd in Baghlan" ties the PRT to ISAF for a list of
    decisions before it too."""
    ties: dict[str, str] = {}
    for sentence in sentences:
        if sentence.footnote is not None or sentence.start >= body_end:
            continue
        here = [(m, s - sentence.start) for m, s, _ in mentions if sentence.start <= s < sentence.end]
        receivers = {m for m, st in here if _receives(sentence.text, st)}
        if len(receivers) != 1:
            continue
        for u in find_units(sentence.text):
            if u.strong and u.kind != "unit":
                ties.setdefault(u.kind, next(iter(receivers)))
    return ties


def _places_units(text: str, units: list) -> bool:  # noqa: ANN001
    """Whether the places of a sentence are where Dutch units are: it names a unit, counts Dutch
    people or deploys ("ingezet", "gestationeerd"); not "De Nederlandse ambassade in Khartoem is
    gesloten" or "de humanitaire hulp aan Gaza"."""
    if units or _DEPLOY_VERB.search(text) or _STATIONS.search(text) or _counts_dutch_people(text):
        return True
    return any(is_personnel(w) for w in re.findall(r"[\w'’-]+", text))


# Where units are or go: "geplaatst in", "werken op het hoofdkwartier", "De bijdrage bestaat uit",
# "besloten bij te dragen aan de operatie in de Rode Zee".
_STATIONS = re.compile(
    r"\b(?:geplaatst|werken|werkt|aanwezig|actief|patrouilleert|patrouilleren|vaart|varen|vliegt|vliegen"
    r"|gevestigd|stationering|legering|bestaat uit|bestaan uit|ondergebracht|verblijft|verblijven|blijft|blijven"
    r"|aandoen|\w*bijdrage\w*|bij te dragen|te sturen|stuurt|sturen|gestuurd|te zenden|zendt|gezonden"
    r"|in te zetten|levert|leveren|geleverd|deel te nemen|neemt deel|nemen deel)\b"
)


def _counts_dutch_people(text: str) -> bool:
    """A head count of people that is not another country's or the whole mission's."""
    if _is_foreign(text):
        return False
    return any(
        q.value and q.value <= _MAX_DUTCH_PERSONNEL and _counts_people(text, q) for q in _quantities(text)
    )


def _is_about_something_else(text: str) -> bool:
    """Costs, promises to inform and letters sent mention dates and places that are not the
    contribution's ("het toetsingskader dat wij u in juni jl. hebben gezonden")."""
    return _names_money(text) or is_commitment(text) or bool(_DOCUMENT_SENT.search(text))


_DOCUMENT_SENT = re.compile(
    r"\b(?:brief|brieven|kamerbrief|toetsingskader|rapport|rapportage|notitie|nota)\s+(?:\w+\s+){0,4}?"
    r"(?:dat|die)\s+(?:wij|ik|het kabinet|de regering)\b[^;:]{0,60}?\b(?:gezonden|toegezonden|gestuurd|verzonden|aangeboden)\b"
)


def _paragraph_key(sentence: Sentence) -> int:
    # Sentences of one paragraph share the offset of its block; the Sentence knows its
    # start only, so a new paragraph is where the text before it ends in a blank line.
    return sentence.block_start


def _attribute(
    text: str, here: list[tuple[str, int, int]], units: list, state: _State, section: str | None,  # noqa: ANN001
    continues: bool = False,
) -> list[str]:
    """The missions a sentence's facts belong to (see the module docstring)."""
    targets = [m for m, s, e in here if _receives(text, s) or _RECEIVES_AFTER.match(text, e)]
    if targets:
        return list(dict.fromkeys(targets + _listed_after(text, here, targets)))
    if state.last_facts and _THAT_CONTRIBUTION.match(text):
        # "Die bijdrage is met de overdracht aan UNAMID beëindigd": the one the sentence before gave
        return [state.last_facts]
    this = _THIS_MISSION.search(text) if not here and state.named_before else None
    if this:
        # "aan deze operatie": the one the sentence before was about; "in de nieuwe missie": its successor, named last
        return [state.named_before[-1] if "nieuwe" in this.group() else state.named_before[0]]
    if continues and state.last_mission:
        # "Zij zijn werkzaam in ..., waar zij UNIFIL ondersteunen": still about the contribution before
        return [state.last_mission]
    known_unit = next((state.unit_missions[u.kind] for u in units if u.strong and u.kind in state.unit_missions), None)
    if known_unit is None and not here and not state.last_mission and _LIST_ITEM.match(text):
        # a list item before the letter says where its unit serves ("het PRT ... in het kader van ISAF")
        known_unit = next((state.letter_ties[u.kind] for u in units if u.strong and u.kind in state.letter_ties), None)
    # "met de overdracht aan MINURCAT beëindigd": the successor is not what the sentence is about,
    # nor the mission whose mandate a clause speaks of ("ook al loopt het mandaat van UNMIBH tot juni")
    here = [(m, s, e) for m, s, e in here if not _HANDED_TO.search(text[max(0, s - 50) : s])
            and not _MANDATE_OF.search(text[max(0, s - 40) : s])] or \
        ([] if state.last_mission or section else here)
    active = [m for m, s, _ in here if not _PASSIVE.search(text[max(0, s - 12) : s])]
    if active:
        return list(dict.fromkeys(active))
    if here and known_unit:
        # "De transitie van OIR betekent dat het helikopterdetachement ...": the unit
        # belongs to the mission it came with, not to a mission named in passing.
        return [known_unit]
    if here:
        return list(dict.fromkeys(m for m, _, _ in here))
    for context in (section, state.last_mission, known_unit):
        if context:
            return [context]
    if state.last_named and (_NL_SENDS.search(text) or _THERETO.search(text)):
        # "EUFOR Althea telt 2 500 militairen. Nederland levert daaraan circa 70 militairen": the
        # mission the sentence before, in this paragraph, was about, when this one gives to it
        return [state.last_named]
    if len(state.letter_missions) > 1:
        # A paragraph that names only a place: "In Kosovo is het marechausseeteam ... teruggekeerd"
        by_place = mission_of_places(text, state.letter_missions, state.main)
        if by_place:
            return [by_place]
    return []


def _facts(
    sentence: Sentence,
    missions: list[str],
    here: list[tuple[str, int, int]],
    units: list,  # noqa: ANN001
    letter_date: date | None,
    state: _State,
    located: bool,
    follows: bool = False,
) -> list[Contribution]:
    text, base = sentence.text, sentence.start
    framework = bool(_FRAMEWORK.search(text))
    out: list[Contribution] = []

    clauses = read_clauses(text)

    def make(mission: str, spans: list[tuple[int, int]], **fields) -> Contribution:  # noqa: ANN003
        mention = next(((s, e) for m, s, e in here if m == mission), None)
        all_spans = [(base + s, base + e) for s, e in spans]
        if mention:
            all_spans.append((base + mention[0], base + mention[1]))
        unit = _unit_at(text, units, spans[0][0])
        status = _status(text, clauses, spans[0], counted="personnel" in fields or "quantity" in fields)
        return Contribution(mission=mission, description=text, spans=all_spans, unit=unit, framework=framework,
                            status=status, **fields)

    quantities = _quantities(text)
    changes = find_changes(text, quantities)
    changed_old = {id(c.old) for c in changes}
    # "het aantal stafofficieren wordt uitgebreid van vijf naar maximaal acht": the noun stands before.
    resized = {id(c.new) for c in changes if c.new.noun is None and _counted_before(text, c.start)}
    foreign = _is_foreign(text)
    casualties = bool(_CASUALTIES.search(text))
    for q in quantities:
        if casualties:
            break
        if q.value is None or id(q) in changed_old or not (_counts_people(text, q) or id(q) in resized):
            continue
        here_dutch = clause_at(clauses, q.start).own and clause_at(clauses, q.start).actor == "NL"
        if q.value > _MAX_DUTCH_PERSONNEL or (
            foreign and not here_dutch and not _OWN_SHARE.search(text[max(0, q.start - 40) : q.end + 20])
        ):
            continue
        if any(p.noun is None and _whole_after(text, p) is q for p in quantities):
            continue  # the whole of "drie van de vier waarnemers": the three are counted
        if _DUTCH_AMONG.match(text, q.end):
            continue  # "ruim 600 waarnemers, onder wie twaalf Nederlanders": the whole
        if _THRESHOLD.search(text[max(0, q.start - 40) : q.number_span[0] if q.number_span else q.start]):
            continue  # "de bijdragen van meer dan tien militairen": which contributions a list holds
        if _EACH.search(text[max(0, q.start - 12) : q.start]):
            continue  # "twee battlegroups van elk 1.500 militairen" describes a kind of unit
        if (q.noun and _CIVILIANS.fullmatch(q.noun)) or _WITH_CIVILIANS.match(text, q.end) \
                or _EVACUATED.search(text[q.end : q.end + 80]) \
                or (q.noun and q.noun.casefold() in _PASSENGER_NOUNS and (
                    _CARRIED.match(text, q.end) or _STAYED.match(text, q.end)
                    or _FLOWN_OUT.search(text, clause_at(clauses, q.start).start, clause_at(clauses, q.start).end))):
            continue  # evacuees and passengers
        if _SHARED_COUNT.search(text[q.end : q.end + 60]):
            continue
        if _OTHER_NATION.search(text[q.start : q.end + 30]) or _of_a_foreign_unit(text, q.start):
            continue  # "twee Israëlische militairen", "2.000 Afghaanse agenten" are not Dutch
        mission = _receiver_after(text, here, q, quantities, missions) or _nearest(here, q.start, missions)
        out.append(make(mission, [q.number_span or (q.start, q.end)], personnel=q.value))
    if not casualties and not foreign:
        for m in _COUNT_AFTER.finditer(text):
            # "militairen: circa 90", "aantal: circa 15", "... in Banja Luka: circa 40"
            span = (m.start("n"), m.end("n"))
            out.append(make(_nearest(here, m.start(), missions), [span], personnel=int(m.group("n").replace(".", ""))))
        for m in _ONE_PERSON.finditer(text):
            # "een stafofficier aan MARCOM": one person, whom the article counts (not "negen man,
            # onder wie een arts": one of those just counted)
            if _AMONG_BEFORE.search(text, max(0, m.start() - 16), m.start()):
                continue
            out.append(make(_nearest(here, m.start(), missions), [(m.start(), m.end())], personnel=1))
    for q in quantities:
        # "drie chinookhelikopters", "vier F-35's", "een fregat": what is sent, counted.
        kind = _unit_at(text, units, q.end - 1, near=True)
        if q.value and kind and kind != "unit" and not _counts_people(text, q) and q.value <= 100:
            out.append(make(_nearest(here, q.start, missions), [q.number_span or (q.start, q.end)], quantity=q.value))
    if foreign and not (_NL_SENDS.search(text) or _OWN_SHARE.search(text)):
        return out  # "De Amerikaanse en Australische eenheden zijn sinds april aanwezig": not ours
    found = find_periods(text, letter_date) + until_year_end(text, letter_date) + until_mandate_end(text, letter_date)
    periods = [p for p in found if not about_mandate(text, p) and not _reported_period(text, clauses, p)
               and not _AS_OF.search(text, max(0, p.span[0] - 20), p.span[0] + 4)]
    periods += labelled_period(text, letter_date) + month_pair(text, letter_date)
    handover = bool(_HANDOVER.search(text))
    # "zijn in oktober tijdelijk naar Beiroet verplaatst en in januari teruggekeerd": a move and a
    # return within the deployment, which neither ends
    moved_for_now = bool(_MOVED_FOR_NOW.search(text))
    # (a mandate's or a report's period was left out above; its dates are not read on their own either)
    covered = [p.span for p in periods] + [p.span for p in found]
    verbs = _without_home_departure(text)
    for d in find_dates(text, letter_date):
        if any(a <= d.start < b for a, b in covered) or _MEETING_DATE.search(text, clause_at(clauses, d.start).start, d.start) \
                or _AS_OF.search(text, max(0, d.start - 20), d.start):
            continue  # "sinds het Algemeen Overleg dat wij op 13 december voerden": a meeting's date
        if _of_the_mission(text, clause_at(clauses, d.start), here, d.start) or _other_time(text, clause_at(clauses, d.start), d.start):
            continue
        before = verbs[max(0, d.start - 40) : d.start]
        near_from = max(0, d.start - 50)
        near = verbs[near_from : min(len(text), d.end + 50)]
        clause = clause_at(clauses, d.start)
        left = _left_from(text, clause)
        home_again = _HOME_AGAIN.match(text, d.end)
        if (_END_VERB.search(verbs, clause.start, clause.end) or left == "abroad" or home_again) and not moved_for_now and (
            re.search(r"\b(?:op|uiterlijk|per|voor|in|na|met ingang van|m\.i\.v\.)\s*$", before)
            or (home_again and _PART_OF_MONTH_BEFORE.search(before))
            or _DONE_AFTER.match(text, d.end)  # "is naar verwachting eind mei voltooid"
            or (_RETURN_VERB.search(before) and _BACK_AFTER.match(text, d.end))  # "keren eind maart terug"
        ):
            owner = _owner_of_date(text, clauses, here, missions, d.start)
            if d.qualifier == "kwartaal":
                d = replace(d, value=d.range_end)  # "keert in het eerste kwartaal van 2010 terug": by its last month
            # "De Nederlanders die bij EUCAP Sahel Niger en EUMPM Niger werkten, hebben het land op
            # 2 augustus verlaten": the people of both leave
            named = sorted((h for h in here if h[2] <= d.start), key=lambda h: h[1])
            listed = [named[0][0], *_listed_after(text, named, [named[0][0]])] if named else []
            for mission in (listed if owner in listed else [owner]):
                out.append(make(mission, [(d.start, d.end)], end=_coming_return(d, before, letter_date)))
        elif not (handover and _handover_in(text, clause)) and not _MOVED_FOR_NOW.search(text, clause.start, clause.end) \
                and (len(d.value) > 4 or _NL_SENDS.search(text) or _takes_part_before(text, clause.start, d.start)) and (
            # a bare year after "sinds" is history ("sinds 1974"), unless the Netherlands sends since then
            # (Dutch puts the verb last: "is op 15 januari vanuit Curaçao ... naar Haïti vertrokken")
            ((_START_VERB.search(near) or _START_VERB.search(verbs, clause.start, clause.end))
             and _START_PREPOSITION.search(before))
            or re.search(r"(?i:\bmet ingang van|\bm\.i\.v\.|\bvanaf)\s*$", before)
            or _START_VERB.search(before[-25:])
            # inside a separable verb: "sloot medio maart bij de interceptiemacht aan", "neemt op 1 mei ... over"
            or any(m.start() < d.start - near_from < d.end - near_from < m.end() for m in _START_VERB.finditer(near))
            or _clause_after(verbs, d.end)
            or (left == "home" and re.search(r"\b(?:op|per|in)\s*$", before))
        ):
            # "vertrekt begin november", "wordt half oktober ingezet", "sinds januari 2023 actief";
            # "op 15 en 16 maart drie vluchten uitgevoerd": the first day to the last
            last = d.range_end if d.range_end and len(d.range_end) == 10 and len(d.value) == 10 else None
            out.append(make(_owner_of_date(text, clauses, here, missions, d.start), [(d.start, d.end)], start=d.value, end=last))
            if last:
                state.day_pair_ends.append(out[-1])
            state.last_start.setdefault(missions[0], d.value)
        elif len(d.value) == 4 and _whole_year(text, clauses, d, find_dates, letter_date):
            clause = clause_at(clauses, d.start)
            if _SINCE_IN_CLAUSE.search(text, clause.start, d.start):
                # "heeft sinds de oprichting van UNMISS in 2011 een bijdrage geleverd": from then on
                out.append(make(_owner_of_date(text, clauses, here, missions, d.start), [(d.start, d.end)], start=d.value))
            elif _extends(text, clause.start, clause.end):
                # "de bijdragen in Irak in 2020 voort te zetten": it began before, it now runs to the year's end
                out.append(make(_owner_of_date(text, clauses, here, missions, d.start), [(d.start, d.end)], end=d.value))
            else:
                # "Nederland levert in 2017 een bijdrage van tien militairen": the whole year;
                # "in 2020 en 2021": both
                out.append(make(_owner_of_date(text, clauses, here, missions, d.start), [(d.start, d.end)], start=d.value, end=d.range_end or d.value))
    # "voor een periode van twaalf maanden, tot oktober 2017": the end the letter states
    stated_end = any(p.end and not p.months for p in periods)
    # the missions of one list given to together ("aan MINUSMA, de EU-trainingsmissie EUTM Mali en ...")
    together = len(missions) > 1 and bool(_listed_after(text, here, missions[:1]))
    for period in periods:
        start, end = period.start, period.end
        if _of_the_mission(text, clause_at(clauses, period.span[0]), here, period.span[0]) \
                or _other_time(text, clause_at(clauses, period.span[0]), period.span[0]) \
                or _time_of_an_event(text, period.span[0]):
            continue
        if handover and _handover_in(text, clause_at(clauses, period.span[0])):
            start = None  # "vanaf mei overgenomen door een eenheid van Duitsland" starts someone else's task
        if start and not end and period.start_span and (
            _END_VERB.match(_clause_after_end(text, period.start_span[1]))
            or _END_VERB.search(text[max(clause_at(clauses, period.start_span[0]).start, period.start_span[0] - 60) : period.start_span[0]])
            # "beëindigt het kabinet de bijdrage aan EUCAP Sahel Niger met ingang van 1 oktober"
            or _ENDS_CLAUSE.search(re.split(r"[,;:]", text[: period.start_span[0]])[-1])
        ):
            start, end = None, start  # "per 1 maart 2010 te beëindigen" ends the contribution
        if start and not end and period.months:
            end = add_months(start, period.months)
        extends_from = None
        if not start and not end and period.months and _FROM_START.search(text):
            # "De inzet duurt zes maanden vanaf de start": from the start named before.
            begun = next((state.last_start[m] for m in missions if m in state.last_start), None)
            if begun:
                start, end = begun, add_months(begun, period.months)
        begun_here = next((c.start for c in out if c.start and not c.end and c.description == text), None)
        if not start and not end and period.months and begun_here and not _extends(text) and not stated_end:
            # "neemt de leiding op 10 februari 2003 over, voor een periode van zes maanden"
            start, end = begun_here, add_months(begun_here, period.months)
        recent = next((state.recent_start[m] for m in missions if m in state.recent_start), None)
        if not start and not end and period.days and recent and follows and not stated_end:
            # "Sinds 8 november werkt een detachement ... . Het detachement blijft vier weken."; staying
            # there counts from the arrival the sentence before names last ("vertrekken op 3 september
            # ... en worden omstreeks 17 september in het gebied verwacht. Zij blijven daar acht weken.")
            there = _STAY_THERE.search(text) and state.before and _last_date(state.before[-1].text, letter_date)
            start, end = None, period.end_from(there if there and len(there) == 10 else recent)
        if recent and _SINCE_THEN.search(text) and state.before:
            # "... vertrekken half juni; de eenheid is medio juli operationeel. De bijdrage geldt
            # voor zes maanden vanaf dat moment": the moment last named, not the sentence's first
            recent = _last_date(state.before[-1].text, letter_date) or recent
        if not start and not end and period.months and recent and follows and not _extends(text):
            # "... vanaf 1 mei 2024 uit te breiden met drie cyberspecialisten. De cyberspecialisten
            # worden voor een periode van twaalf maanden uitgezonden": from the start just named.
            start, end = recent, add_months(recent, period.months)
        if not start and not end and period.months and _extends(text):
            # "met een half jaar verlengd": the framework named earlier, moved on by that much.
            extends_from = next((state.framework_ends[m] for m in missions if m in state.framework_ends), None)
            if extends_from is None:
                # "besloten de bijdrage met een jaar te verlengen. De huidige bijdrage loopt tot en met
                # 31 december 2022": the end it extends comes later in the letter
                if not handover or not _handover_in(text, clause_at(clauses, period.span[0])):
                    state.pending_extensions += [(make(m, [period.span]), period.months)
                                                 for m in _in_clause(missions, here, clauses, period.span[0], together)]
                continue
            end = add_months(day_after(extends_from), period.months)
        if not start and not end:
            continue
        if end and not start and period.end_span and _extends(text) and not NOT_EXTENDED.search(text):
            end = extended_end(text[period.end_span[0] : period.end_span[1]], end, letter_date)
        spans = [s for s in (period.start_span, period.end_span) if s] or [period.span]
        for mission in _in_clause(missions, here, clauses, period.span[0], together):
            c = make(mission, spans, start=start, end=end)
            if extends_from:
                c.supersedes_end = extends_from
                out.append(c)
                continue
            if end and (framework or _CURRENT.search(text)) and not _extends(text):
                # (its last day: "tot 1 april 2005" runs through 31 March; "tot 31 december" through that day)
                last = end if period.end_inclusive or not end.endswith("-01") or len(end) != 10 \
                    else (date.fromisoformat(end) - timedelta(days=1)).isoformat()
                state.framework_ends.setdefault(mission, last)
            elif end and _extends(text) and mission in state.framework_ends:
                c.supersedes_end = state.framework_ends[mission]
            out.append(c)
    for place in _places(text) if located else []:
        if any(s < place.end and place.start < e for _, s, e in here):
            continue  # "United Nations Interim Force in Lebanon" names the mission, not a place
        if _MEETING.search(text[max(0, place.start - 40) : place.start]):
            continue  # "tijdens de top in Istanboel": where leaders met, not where a unit is
        if _ELSEWHERE.search(text[max(0, place.start - 40) : place.start]):
            continue
        if re.search(r"\bvia\s+(?:\w+\s+){0,6}$", text[max(0, place.start - 50) : place.start]):
            continue  # "via Pakistan en de haven van Karachi": the way there
        if _ORIGIN.search(text[max(0, place.start - 12) : place.start]) and _DESTINATION.match(text, place.end):
            continue  # "vanuit Panama naar Port-au-Prince vliegen": where the flights start
        if _returned_to(text, place.start, place.end):
            continue  # "keert eind oktober naar Curaçao terug": home, not the mission's area
        if _context_place(text, clause_at(clauses, place.start), place, here):
            continue
        if place.kind == "guess" and country_of_place(place.name) == "NL":
            # "vanaf vliegbasis Eindhoven": home, not where the unit is deployed (the project's own
            # places are deployment places: only a guessed name asks the gazetteer, which loads slowly)
            continue
        there = clause_at(clauses, place.start)
        named_there = {m for m, s, _ in here if there.start <= s < place.start}
        if named_there and not named_there & set(missions):
            continue  # "De waarnemers van UNTSO werken op de Golan; twee zijn aan UNIFIL toegevoegd": UNTSO's place
        mission = _nearest(here, place.start, missions)
        # The place as the letter writes it ("Koerdistan", "Baghdad"), not a catalogue spelling.
        out.append(make(mission, [(place.start, place.end)], location=" ".join(text[place.start : place.end].split())))
    return [c for c in out if c.status not in _NOT_OURS]


# A clause that gives a reason or tells of a fight or an attack: its places are where that
# happened ("omdat de helikopters in Afghanistan zijn ingezet", "bij een aanval op een basis in
# Haskanita kwamen ... om het leven"), not where the contribution is. Not the threat a unit
# guards against ("beschermt de koopvaardij tegen aanvallen") nor what it does ("doelen aanvallen").
_REASON_CLAUSE = re.compile(r"[\s,;:]*(?i:omdat|doordat|aangezien|want)\b")
_ATTACK = r"(?:aanval|aanslag|beschieting|overval|hinderlaag|gevecht)(?:en|len)?"
_INCIDENT = re.compile(
    rf"\b(?:bij|na|door|tijdens)\s+(?:een|de|het|deze|die)\s+(?:\w+\s+)?{_ATTACK}\b|\b{_ATTACK}\s+op\b"
    r"|\b(?:werd|werden|is|zijn)\s+(?:\w+\s+){0,3}?(?:beschoten|overvallen)\b|\bworden\s+(?:\w+\s+)?overvallen\b"
)
# People of a place, not the unit's: "de vluchtelingen uit Darfur".
_PEOPLE_FROM = re.compile(rf"\b(?:{_CIVILIANS.pattern})\s+uit\s+(?:de\s+|het\s+)?$", re.IGNORECASE)


def _context_place(text: str, clause, place, here: list[tuple[str, int, int]]) -> bool:  # noqa: ANN001
    """Whether a place tells of something other than where the contribution is: a reason, a
    fight or an attack, the origin of people, or, in a relative clause on the mission named just
    before, the mission's own work once the sentence has placed the contribution ("aan de
    operatie Prosperity Guardian in Bahrein, die eveneens de scheepvaart in de Rode Zee
    beschermt")."""
    part = text[clause.start : clause.end]
    if _other_time(text, clause, place.start):
        return True
    if _PEOPLE_FROM.search(text[max(0, place.start - 40) : place.start]):
        return True
    if not _RELATIVE_OPENER.match(part) or _STATIONS.search(part) or _DEPLOY_VERB.search(part) or _LIES.search(part):
        return False  # "de battlegroup in Litouwen, die gelegerd is in Rukla": where the unit is
    antecedent = re.findall(r"[\w'’-]+", text[max(0, clause.start - 30) : clause.start])
    if antecedent and is_personnel(antecedent[-1]):
        return False  # "twee militairen, die ... in Bamako werkzaam zijn": the Dutch themselves
    before = [p for p in find_places(text[: clause.start]) if not any(s < p.end and p.start < e for _, s, e in here)]
    return bool(before) and (
        any(clause.start - 40 <= e <= clause.start for _, _, e in here)
        or any(clause.start - 40 <= p.end <= clause.start for p in before)
    )


_LIES = re.compile(r"\b(?:gelegerd|gestationeerd|werkzaam|opereert|opereren|ligt|liggen|bevindt|bevinden|zetelt)\b")
_RELATIVE_OPENER = re.compile(r"[\s,]*(?:die|dat|welke)\s")


# Facts of a clause that speaks of another country, of the mission itself, or of what is not done.
_NOT_OURS = frozenset({"foreign", "mission", "negated"})


# A report over a period ("de voortgangsrapportage over de bijdrage tussen mei 2020 en mei 2021").
_REPORT = re.compile(r"\b\w*(?:rapportage|verslag)\w*\b|\bterugblik\w*\b", re.IGNORECASE)
# A meeting, debate or letter whose date comes next: "het Algemeen Overleg dat wij op".
_MEETING_DATE = re.compile(
    r"\b(?:[Oo]verleg|debat|commissiedebat|notaoverleg|bijeenkomst|vergadering|top|gesprek|brief|Kamerbrief)\b"
    r"[^,;:()]{0,30}?\b(?:op|van|d\.d\.)\s*$"
)


def _reported_period(text: str, clauses: tuple, period: Period) -> bool:  # noqa: ANN001
    """A progress report's period, not the deployment's: the report is named in the clause before it."""
    clause = clause_at(clauses, period.span[0])
    return bool(_REPORT.search(text, clause.start, period.span[0]))


# "vertrekt op 24 oktober uit Den Helder" (or Willemstad): leaving a port or base of the
# Kingdom starts a deployment;
# "het vertrek uit Afghanistan" ends one.
_DEPARTS_FROM = re.compile(r"\b(?:vertrek|vertrok)\w*\b[^.;]{0,40}?\b(?P<uit>uit)\s+(?:de\s+|het\s+)?(?P<place>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)")


def _without_home_departure(text: str) -> str:
    """``text`` with the "uit" of a departure from the Netherlands blanked (same length),
    so that the verbs read it as a start."""
    m = _DEPARTS_FROM.search(text) if "vertr" in text else None
    if not m or not in_the_kingdom(m.group("place")):
        return text
    return text[: m.start("uit")] + "   " + text[m.end("uit") :]


_MOVED_FOR_NOW = re.compile(
    r"\btijdelijk\b[^.;]{0,60}?\b(?:verplaatst|overgebracht|verhuisd|uitgeweken|teruggetrokken|geëvacueerd|ondergebracht|gehaald)\b"
)
_LEAVES = re.compile(r"\b(?:verlaten|verliet|verlieten|verlaat)\b")


def _left_from(text: str, clause) -> str | None:  # noqa: ANN001 (clauses.Clause)
    """Where the clause's people leave: "hebben Niger op 2 augustus verlaten" ends their stay
    ("abroad"), "heeft op 3 mei Den Helder verlaten" starts the deployment ("home")."""
    if not _LEAVES.search(text, clause.start, clause.end):
        return None
    words = text[clause.start : clause.end]
    if any(in_the_kingdom(m.group()) for m in re.finditer(r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?", words)):
        return "home"
    if find_places(words):
        return "abroad"
    # a place the gazetteer lacks, named as what they leave: "hebben Dili op 15 december verlaten"
    return "abroad" if _LEFT_NAME.search(words) else None


# (or the country they are in: "hebben het land op 2 augustus verlaten")
_LEFT_NAME = re.compile(
    r"\b(?:hebben|heeft|had|hadden)\s+(?:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?|het\s+land|het\s+gebied)\s+(?:[\w-]+\s+){0,8}?"
    r"(?:verlaten|verliet|verlieten)\b")


_RETURNS_NOW = re.compile(r"\b(?:keert|keren|komt|komen|trekt|trekken)\s+(?:\w+\s+){0,3}$")


def _coming_return(d, before: str, letter_date: date | None) -> str:  # noqa: ANN001 (dates.DateMention)
    """A return told in the present ("keert naar verwachting begin december terug") lies ahead:
    a yearless date that resolved to before the letter's month is next year's."""
    if d.kind != "relative" or letter_date is None or not _RETURNS_NOW.search(before) \
            or d.value[:7] >= letter_date.isoformat()[:7]:
        return d.value
    return f"{int(d.value[:4]) + 1:04d}{d.value[4:]}"


def _whole_year(text: str, clauses: tuple, d, find, letter_date: date | None) -> bool:  # noqa: ANN001
    """A bare year after "in" is a contribution's whole period when its clause gives or
    joins something and names no other time."""
    if not _YEAR_LEAD.search(text[max(0, d.start - 4) : d.start]) and (
            d.kind != "relative" or _PART_OF_YEAR.search(text[max(0, d.start - 10) : d.start])):
        return False  # ("vorig jaar", "dit jaar": a year without "in"; "eerder dit jaar": a time in it)
    clause = clause_at(clauses, d.start)
    part = text[clause.start : clause.end]
    if not _YEAR_CONTRIBUTION.search(part) or _ABOUT_THE_CONTRIBUTION.search(part) \
            or (_DECIDED.search(part) and not _TO_DO.search(part)):
        return False
    others = [x for x in find(part, letter_date) if x.start + clause.start != d.start]
    return not others


def _in_clause(missions: list[str], here: list[tuple[str, int, int]], clauses: tuple, pos: int,  # noqa: ANN001
               together: bool = False) -> list[str]:
    """The missions a date at ``pos`` belongs to: those its clause names, when the sentence
    names more than one ("het commando over CTF-151, de taakgroep die onder de CMF ..."); all
    of a list given to together when the clause names one of them."""
    if len(missions) < 2:
        return missions
    clause = clause_at(clauses, pos)
    named = [m for m in missions if any(m == mid and clause.start <= s < clause.end for mid, s, _ in here)]
    if named and together:
        return missions  # "aan MINUSMA, de EU-trainingsmissie EUTM Mali en ... te verlengen tot"
    return named or missions


def _status(text: str, clauses: tuple, span: tuple[int, int], counted: bool) -> str:  # noqa: ANN001
    """Whose and how sure the fact at ``span`` is, from the clause it stands in.

    A number's own adjective decides for what it counts ("vier Nederlandse toestellen"
    in a clause about Belgian ones); otherwise the clause's actor and modality do.
    """
    clause = clause_at(clauses, span[0])
    owner = owner_of(text, span[1]) if counted else None
    if owner is not None:
        if owner != "NL":
            return "foreign"
    elif clause.actor == MISSION:
        return "mission"
    elif clause.foreign:
        return "foreign"
    if clause.modality == "negated":
        return "negated"
    return clause.modality


_FOR_UNIT = re.compile(r"^\S+\s+(?:\S+\s+)?(?:voor|van|bij|in de vorm van)\s+(?:de\s+|het\s+|een\s+)?(?:\w+\s+)?$")


def _unit_at(text: str, units: list, pos: int, near: bool = False) -> str | None:  # noqa: ANN001
    """The unit a fact at ``pos`` speaks of: the last unit named before it, else the next.

    With ``near``, only a unit word that ``pos`` falls in counts ("drie [chinookhelikopters]").
    """
    if near:
        return next((u.kind for u in units if u.start <= pos < u.end), None)
    after = [u for u in units if pos < u.start <= pos + 45 and u.strong]
    if after and _FOR_UNIT.search(text[pos : after[0].start]):
        return after[0].kind  # "145 militairen voor mobiele force protection"
    before = [u for u in units if u.start <= pos]
    specific = [u for u in before if u.strong]
    if not specific and after and not re.search(r"[,;.]", text[pos : after[0].start]):
        return after[0].kind  # "een detachement van 60 militairen met vier Apache gevechtshelikopters"
    if specific or before:
        return (specific or before)[-1].kind
    return units[0].kind if units else None


def _clause_after_end(text: str, pos: int) -> str:
    """Like ``_clause_after``, for the verbs that end a contribution."""
    clause = re.split(r"[,;.]", text[pos : pos + 60], maxsplit=1)[0]
    m = _END_VERB.search(clause)
    return clause[m.start() :] if m else ""


def _clause_after(text: str, pos: int) -> str:
    """The words after ``pos`` up to the next comma or full stop, up to the first start verb:
    "half oktober in het operatiegebied ingezet" gives "ingezet"."""
    clause = re.split(r"[,;.]", text[pos : pos + 80], maxsplit=1)[0]
    m = _START_VERB.search(clause)
    return clause[m.start() :] if m else ""


def _counted_before(text: str, pos: int) -> bool:
    m = re.search(r"\baantal\s+([\w'’]+)(?:\s+([\w'’]+))?[^.]{0,60}$", text[:pos])
    return bool(m and (is_personnel(m.group(1)) or is_personnel(m.group(2))))


_SUBJECT_NOUN = re.compile(r"(?:De|Deze|Die)\s+([\w-]+)(?:\s+([\w-]+))?")


def _people_subject(text: str) -> bool:
    """A sentence whose subject is people of a kind ("De cyberspecialisten werken ..."), who are
    the ones the sentence before just named when it sent them."""
    m = _SUBJECT_NOUN.match(text)
    return bool(m and (is_person(m.group(1)) or (m.group(1).islower() and is_person(m.group(2)))))


_PART_AFTER = re.compile(r"\s+(?:in|op|bij|als|aan|voor|te|binnen)\b")
_MEASURE_NOUN = re.compile(r"(?i:dag|dagen|week|weken|maand|maanden|jaar|jaren|uur|uren|kilometer|km|procent|euro)")


# A count of the people just named, as they are now: ", thans acht."
_NOW_COUNT = re.compile(r"[,;(]\s*(?:thans|momenteel|inmiddels|nu|op dit moment)\s+$")
_AMONG = r"(?:onder wie|van wie|waarvan|waaronder)"
_DUTCH_AMONG = re.compile(
    rf"[^.;:\d]{{0,60}}?\b{_AMONG}\s+(?:er\s+)?(?:\w+\s+){{1,2}}?(?:Nederlanders|Nederlandse)\b"
)
# A sentence about parts of the people the sentence before sent: "Van hen ...", "Daarvan zijn er
# ongeveer 1.100 in Uruzgan", "Twee van hen worden geplaatst in ..., twee in ...".
_OF_THEM = re.compile(r"(?:Van (?:hen|deze|die)\b|Daarvan\b|\w+ van hen\b)")
_AMONG_THEM = re.compile(rf"\b{_AMONG}\s+(?:er\s+)?(?:(?:circa|ongeveer|ruim|zo'n)\s+)?$")
_STANDS_ALONE = re.compile(r"\s*(?:[.;:,)]|$)")
# A unit whose size a list gives without repeating the noun: "een ondersteuningseenheid van 110",
# "de compagnie mariniers circa 130" (beside "450 militairen" in the same sentence).
_UNIT_SIZED = re.compile(
    r"\b(?!helikopter|vliegtuig|transport)\w*(?:eenheid|compagnie|detachement|bataljon|peloton|team|ploeg|eskadron|staf|bemanning)"
    r"(?:\s+\w+)?\s+(?:van\s+(?:(?:samen|in totaal|circa|ongeveer|ruim|zo'n|maximaal|ten hoogste|bijna)\s+)*"
    r"|(?:circa|ongeveer|ruim|zo'n|maximaal|ten hoogste|bijna)\s+)$",
    re.IGNORECASE,
)
_CREW = re.compile(r"bemanning\b", re.IGNORECASE)
_LIST_GOES_ON = re.compile(r"\s*(?:[.;:,)]|$|en\b|of\b)")


_PART_OF = re.compile(r"\s+van\s+de\s+")


def _whole_after(text: str, q):  # noqa: ANN001, ANN202
    """The count ``q`` is a part of, right after it: "drie van de vier waarnemers" (or None)."""
    m = _PART_OF.match(text, q.end)
    if m is None:
        return None
    return next((w for w in _quantities(text) if w.start == m.end() and w.value and q.value and w.value > q.value), None)


def _counts_people(text: str, q) -> bool:  # noqa: ANN001
    """The quantity counts people: its noun, the word after an adjective ("twaalf militaire waarnemers")
    or a conjunct ("70 analisten en inlichtingenpersoneel")."""
    if is_personnel(q.noun):
        return True
    if q.noun and _MEASURE_NOUN.fullmatch(q.noun):
        return False  # "voor twaalf maanden uitgezonden": a length of time, whoever is sent
    if q.noun is None and _PART_AFTER.match(text, q.end) and any(
        p.end <= q.start and p.value and q.value and q.value < p.value and is_personnel(p.noun)
        and (":" in text[p.end : q.start] or _AMONG_THEM.search(text[max(p.end, q.start - 20) : q.start]))
        and not re.search(r"[.;]", text[p.end : q.start])
        for p in _quantities(text)
    ):
        # "vier adviseurs aan EUSEC: twee in Kinshasa en twee in Goma", "ongeveer 650 militairen, onder
        # wie circa 230 in het hoofdkwartier": parts of the people just counted
        return True
    if q.noun is None and (whole := _whole_after(text, q)) is not None and is_personnel(whole.noun):
        return True  # "drie van de vier waarnemers gaan over naar UNVMC": three of them
    if q.noun is None and re.match(r"\s+van hen\b", text[q.end :]) \
            and any(is_personnel(w) for w in re.findall(r"[\w'’-]+", text[: q.start])):
        return True  # "dienen Nederlandse militairen in gemengde bemanningen; ongeveer 30 van hen vliegen ..."
    if q.noun is None and _NOW_COUNT.search(text[max(0, q.start - 20) : q.start]) and _STANDS_ALONE.match(text, q.end) \
            and any(is_personnel(w) for w in re.findall(r"[\w'’-]+", text[: q.start])):
        return True  # "Nederland levert sinds mei 2020 stafofficieren aan het hoofdkwartier, thans acht."
    if q.noun is None and _OF_THEM.match(text) and (_PART_AFTER.match(text, q.end) or re.match(r"\s+van hen\b", text[q.end :])):
        return True  # "Van hen werken er ongeveer 220 bij de Patriot-eenheid en 80 bij ...": parts of those just sent
    if q.noun is None and _LIST_GOES_ON.match(text, q.end) and (sized := _UNIT_SIZED.search(text[max(0, q.start - 60) : (q.number_span or (q.start,))[0]])) \
            and (any(p is not q and is_personnel(p.noun) for p in _quantities(text)) or _CREW.match(sized.group())):
        # "... van samen 450 militairen, een ondersteuningseenheid van 110 en 40 stafofficieren";
        # a crew is people by itself: "Zr.Ms. Karel Doorman met een bemanning van circa 180, die ..."
        return True
    if q.noun == "Nederlanders" and _AMONG_THEM.search(text[max(0, q.start - 20) : q.start]):
        return True  # "ruim 200 waarnemers van de EU en de OVSE, onder wie acht Nederlanders"
    if q.noun in ("leden", "man"):
        # "tien leden van de Koninklijke Marechaussee": members of a force are its people
        member_of = re.match(r"\s+van\s+(?:de|het)\s+(.{0,40})", text[q.end :])
        return bool(member_of and find_units(member_of.group(1)))
    nxt = re.match(r"\s+([\w'’]+)", text[q.end :])
    if q.noun and nxt and is_personnel(nxt.group(1)):
        return True
    # "70 analisten en inlichtingenpersoneel": the conjunct names them people
    conjunct = re.match(r"\s+(?:en|of)\s+([\w'’-]+)", text[q.end :])
    return bool(q.noun and conjunct and is_personnel(conjunct.group(1)))


def _places(text: str) -> list:  # noqa: ANN202
    """Places a unit is in: bases, cities, regions and seas; a country only when the letter
    sends a unit there ("naar Litouwen", "vanuit Jordanië"), or names it in a list of places
    ("in Koeweit, Bagdad en Tampa")."""
    places = find_places(text)
    places += [p for p in guess_places(text) if not any(q.start < p.end and p.start < q.end for q in places)]
    places = _pairs(text, places)
    fine = [p for p in places if p.kind != "country"]
    countries = [p for p in places if p.kind == "country"]
    keep: list = []
    grew = True
    while grew:  # "in Koeweit, Qatar en Tampa": a country listed next to a kept one is kept too
        grew = False
        for c in countries:
            before = text[max(0, c.start - 12) : c.start]
            if c in keep or before.endswith("("):
                continue  # "Tampa (VS)": the country says where the city is
            listed = any(0 < f.start - c.end <= 5 or 0 < c.start - f.end <= 5 for f in fine + keep)
            sent = re.search(r"\b(?:vanuit|naar)\s+$", before) or (
                not fine and _DEPLOY_VERB.search(text) and re.search(r"\bin\s+$", before)
            )
            if listed or sent:
                keep.append(c)
                grew = True
    return sorted(fine + keep, key=lambda p: p.start)


def _pairs(text: str, places: list) -> list:  # noqa: ANN001
    """A place followed by "en <Name>" names a second place ("in Bagdad en Koeweit");
    not after a country ("tussen Israël en Hezbollah" names a party, not a place)."""
    from .units import NOT_PLACES, Place

    out = list(places)
    for p in out:  # grows as it goes: "in Bagdad, Erbil en Koeweit" chains
        if p.kind == "country":
            continue
        m = re.match(r"\s*(?:\([^)]{2,30}\))?\s*(?:,|en|of)\s+([A-Z][^\W\d_]+(?:[- ][A-Z][^\W\d_]+)?)", text[p.end :])
        if not m or m.group(1) in NOT_PLACES or len(m.group(1)) < 4:
            continue
        s = p.end + m.start(1)
        if not any(q.start <= s < q.end for q in out):
            out.append(Place(m.group(1), "guess", s, s + len(m.group(1))))
    return sorted(out, key=lambda q: q.start)


# "en aan EUTM Mali twee instructeurs": a receiver that opens the next part of a list.
_NEXT_PART = re.compile(r"(?:\ben|,)\s+(?:aan|bij|voor)\s+(?:de\s+|het\s+)?$")


def _receiver_after(text: str, here: list[tuple[str, int, int]], q, quantities: list, missions: list[str]) -> str | None:  # noqa: ANN001
    """The mission a count is given to right after it: in "vijftien stafofficieren aan MINUSMA
    en twee instructeurs aan EUTM Mali" the two go to EUTM Mali, not to MINUSMA before them."""
    if len(missions) < 2:
        return None
    following = min((o.start for o in quantities if o.start > q.end), default=len(text))
    for m, s, _ in here:
        if q.end < s < following and m in missions and _receives(text, s):
            if _NEXT_PART.search(text[max(0, s - 20) : s]):
                return None  # "... en aan EUTM Mali": that receiver goes with what follows
            return m
    return None


_RELATIVE_TO_MISSION = re.compile(r"[\s,]*(?:waaraan|waarbij|waarin|waarvoor|waarmee|waar)\b")


def _owner_of_date(text: str, clauses: tuple, here: list[tuple[str, int, int]], missions: list[str], pos: int) -> str:  # noqa: ANN001
    """The mission a date is of: the sentence's first, or, in a relative clause on a mission named
    in the list, that one ("..., en aan Baltic Sentry, waaraan Zr.Ms. Van Amstel sinds 20 januari
    deelneemt")."""
    if len(missions) > 1:
        clause = clause_at(clauses, pos)
        if _RELATIVE_TO_MISSION.match(text, clause.start):
            before = [m for m, s, e in here if e <= clause.start and m in missions]
            if before:
                return before[-1]
    return missions[0]


def _nearest(here: list[tuple[str, int, int]], pos: int, missions: list[str]) -> str:
    """The mission named closest before ``pos`` (or after it), else the sentence's first."""
    before = [m for m, s, _ in here if s <= pos and m in missions]
    if before:
        return before[-1]
    after = [m for m, s, _ in here if s > pos and m in missions]
    return after[0] if after else missions[0]
