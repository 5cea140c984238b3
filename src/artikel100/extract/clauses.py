"""Clauses: who acts in each part of a sentence, and whether it is decided.

A letter's sentence often holds more than one actor: "Nederland levert 150
militairen, terwijl Duitsland de helikopters levert" or "De Belgische F-16's
worden afgelost door vier Nederlandse toestellen". The facts of a sentence
(a head count, a date, a place) belong to the clause they stand in, so the
sentence is cut into clauses and each clause is read for:

* its **actor** — the Netherlands (``"NL"``: "Nederland", "het kabinet",
  "wij", "Defensie", a Dutch unit), another country (its ISO code: "Duitsland",
  "de Belgische F-16's", "de Amerikanen"), or the mission itself
  (``"MISSION"``: "de missie telt 13.000 militairen", "het mandaat van
  UNMISS"); a country after a word of place ("in Litouwen", "vanuit
  Jordanië") or of company ("samen met Duitsland", "door Duitsland geleide")
  is no actor;
* its **modality** — ``"decided"``, ``"considered"`` (the cabinet investigates,
  considers or only could: "onderzoekt de mogelijkheid", "overweegt", "zou
  ... kunnen", "een mogelijke bijdrage"), ``"negated"`` ("levert geen",
  "draagt niet bij") or ``"past"`` (it happened before: "leverde", "heeft ...
  bijgedragen", "vond plaats").

A clause without an actor of its own takes the one of the clause before it in
the sentence (a relative clause speaks of its main clause's subject); a
considered main clause makes what follows it in the sentence considered too
("Het kabinet onderzoekt of Nederland vanaf 1 januari een fregat kan leveren,
dat ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..dutch import MONTH_NAMES_RE
from .literals import at_word_starts, guarded  # speed: skip sentences lacking a pattern's words
from .missions import lookup
from .nations import NL, find_countries

__all__ = ["Clause", "read_clauses", "clause_at", "owner_of", "MISSION", "ORGANISATION"]

MISSION = "MISSION"
ORGANISATION = "ORGANISATION"  # an alliance or its bodies: "de NAVO", "de bondgenoten", "de Veiligheidsraad"

# Alliances, their bodies and members as a group, as the ones who decide or send.
_ORGANISATION_ACTOR = guarded(re.compile(
    r"\b(?:[Dd]e\s+)?(?:NAVO|Navo|NATO|VN|Verenigde Naties|EU|Europese Unie|(?:VN-)?Veiligheidsraad|VNVR|Noord-Atlantische Raad"
    r"|(?:NAVO-|EU-)?(?:bondgenoten|lidstaten|partners|ministers\b(?:\s+van\s+\w+)?)|(?:Navo|NAVO|EU)\s+ministers|coalitiepartners"
    r"|troepenleveranciers|andere landen|(?:[Dd]eze|[Dd]ie)\s+(?:\w+\s+)?landen)\b"
    # (not the first part of a mission's name: "de EU-trainingsmissie", "de NAVO-operatie"; but
    # "het NAVO-hoofdkwartier" is the alliance's)
    r"(?!-\w*(?:missie|operatie|macht)\b)"
))
# A passive's agent: "waartoe door de NAVO-bondgenoten werd besloten".
_AGENT = guarded(re.compile(r"\bdoor\s+(?P<who>(?:de\s+)?[\w-]+(?:\s+[\w-]+)?)\s+(?:werd|wordt|werden|worden|is|zijn)\b"))

# Where a clause starts: after a semicolon or a colon, and at a comma or a dash before a
# word that opens a clause.
_OPENERS = (
    r"die|dat|waar|waarbij|waarmee|waarin|waarvan|waarna|waardoor|waaronder|terwijl|omdat|doordat|nadat|zodat"
    r"|hoewel|maar|en|of|mits|tenzij|indien|wanneer|zodra|als|aangezien|zoals|dan wel|alsmede|evenals"
    r"|waartoe|waarover|waarop|waaraan|waarvoor"
)
# (speed: every boundary opens with a space, a comma, a semicolon or a colon; the pattern takes
# that character first, which re finds in C, and each alternative looks behind at which it was.
# The alternatives keep their order: the matches are those of "\s*[;:]\s+|,\s+(?=...)|...".)
_BOUNDARY = re.compile(
    rf"[\s;:,](?:(?<=[;:])\s+|(?<=\s)\s*[;:]\s+|(?<=,)\s+(?=(?:{_OPENERS})\b)|(?<=\s)\s*[–-]\s+(?=[a-z])"
    r"|(?<=\s)\s*(?=(?:terwijl|maar|waarbij|zodat|omdat)\b)"
    # a second finite verb of sending: "nam ... deel aan IFOR en levert sindsdien ... aan SFOR"
    r"|(?<=\s)\s*(?=en\s+(?:levert|leveren|leverde|leverden|neemt|nemen|draagt|dragen|stuurt|sturen|zendt|zenden)\b)"
    # what came next: "van 2003 tot juli 2010 aan de voorganger MONUC en daarna aan MONUSCO"
    r"|(?<=\s)\s*(?=en\s+(?:daarna|vervolgens|sindsdien|nadien)\b)"
    # the main clause after a fronted one: "Omdat de Duitse eenheden ... nemen, kan de Nederlandse ..."
    r"|(?<=,)\s+(?=(?:kan|kunnen|moet|moeten|mag|mogen|zal|zullen|wordt|worden|is|zijn|levert|leveren|heeft|hebben|blijft|blijven)\s)"
    # an apposition and a relative clause: "CTF-151, de taakgroep die onder de CMF ... bestrijdt"
    r"|(?<=,)\s+(?=(?:de|het|een)\s)|(?<=\s)\s*(?=(?:die|waarin|waarmee|waarbij)\s))"
)

# The Netherlands as the one who acts.
_DUTCH_ACTORS = [
    "Nederland", "[Hh]et kabinet", "[Dd]e regering", "[Dd]e Nederlandse regering", "[Ww]ij", "[Ww]e", "Defensie",
    "[Dd]e krijgsmacht", "Koninklijke (?:Landmacht|Marine|Luchtmacht|Marechaussee)", "Korps Mariniers",
    r"Zr\.\s?Ms\.", r"Hr\.\s?Ms\.",
]
_DUTCH_ACTOR = guarded(
    re.compile(rf"\b(?:{'|'.join(_DUTCH_ACTORS)})\b"),
    fast=re.compile(rf"(?:{at_word_starts(_DUTCH_ACTORS)})\b"),  # (speed: the same matches)
)
# Words after which a country is a place or a partner, not the one who acts.
_NOT_ACTOR_BEFORE = re.compile(
    # (at the sentence's start too: "In Oost-Timor zijn sinds 2006 Nederlanders werkzaam")
    r"(?:\b(?i:in|naar|uit|vanuit|vanaf|boven|rond|nabij|bij|te|tot|met|naast|tegen|voor|over|op|van|aan|tussen"
    # (a list of places too: "in Israël, Libanon en Syrië")
    r"|samen met|alsook|dan|door)\s+(?:de\s+|het\s+)?(?:[\w-]+\s+)?(?:(?:[\w-]+,\s+)+[\w-]+\s+(?=(?:en|of)\s)|(?:[\w-]+,\s+)*)(?:(?:en|of)\s+)?$|\(\s*$)"
)
_LED_BY = re.compile(r"\bdoor\s+(?:de\s+|het\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:geleide|gecommandeerde|aangevoerde)\b")
# The mission's own strength or mandate: "de missie telt", "het mandaat van UNMISS loopt".
_MISSION_ACTOR = guarded(re.compile(
    # (not the object of a preposition: "Het nationaal kader voor de bijdragen aan de coalitie loopt tot ...")
    r"(?i:(?<!\baan )(?<!\bvoor )(?<!\bbij )(?<!\bin )\b(?:de|het|deze)\s+(?:\w+\s+)?(?:[a-z]*missie|[a-z]*operatie|troepenmacht|vredesmacht|coalitie|vloot|taakgroep|mandaat)\b"
    r"[^;:]{0,60}?\b(?:telt|tellen|telde|telden|bestaat uit|bestaan uit|bestond uit|omvat|omvatten|omvatte|beschikt over|loopt|liep|verloopt|eindigt|is verlengd|wordt verlengd"
    # "De verificatiemissie begint op 26 september met ongeveer 120 waarnemers"
    r"|(?:begint|begon|start|startte)\s[^;:]{0,40}?\bmet)\b)"
    # its size as a phrase: "een VN-onderzoeksteam van ca. 15 personen", "een troepenmacht van 12.000 militairen"
    # (or of a component: "met een politiecomponent van ten hoogste 1 608 functionarissen")
    r"|\b(?:een|de|het)\s+(?:[A-Z]{2,4}-)?(?:\w*missie|\w*operatie|troepenmacht|vredesmacht|onderzoeksteam|waarnemersmacht|\w+component)"
    # (not its dates: "een politietrainingsmissie van 1 juli 2011 tot ...")
    rf"\s+van\s+(?:ca\.\s*|circa\s+|ongeveer\s+|ruim\s+|bijna\s+|ten\s+hoogste\s+|maximaal\s+)?\d(?![\d.]*\s+(?i:{MONTH_NAMES_RE})\b)"
))
_CONSIDERED = guarded(re.compile(
    r"\b(?:onderzoek(?:t|en)\s+(?:\w+\s+){0,4}?(?:de\s+)?(?:mogelijkhe\w+|of|welke|hoe)|onderzocht\s+(?:of|welke|wordt|worden)"
    r"|onderzoek(?:t|en)\s+(?:een|de)\s+(?:mogelijke\s+)?(?:Nederlandse\s+)?(?:bijdrage|inzet|deelname|uitzending)"
    r"|overweeg(?:t|en)|overwogen|verken(?:t|nen)|verkend|(?:is|wordt|worden)\s+(?:\w+\s+){0,2}?gekeken\s+naar|bezie[nt]|bekijk(?:t|en)|in overweging"
    r"|zou(?:den)?\s+(?:\w+\s+){0,12}?kunnen|zou(?:den)?\s+(?:\w+\s+){0,12}?(?:bijdragen|leveren|inzetten|worden ingezet)"
    r"|\bindien\b|\bmits\b"
    r"|mogelijke?\s+(?:Nederlandse\s+)?(?:bijdrage|inzet|deelname|uitzending)|eventuele?\s+(?:Nederlandse\s+)?(?:bijdrage|inzet|deelname)"
    r"|de mogelijkheid\s+(?:om|van|tot)|de opties?\s+(?:voor|om|van)|nog geen (?:besluit|beslissing)"
    r"|in beraad|beraadt\s+zich|beraden\s+zich"  # "is het kabinet nog in beraad"
    r"|(?:is|zijn|wordt|worden)\s+(?:\w+\s+){0,3}gevraagd|(?<!op )verzoek\w*\s+(?:om|tot)|kennisgeving"
    # someone asks: "De operatiecommandant heeft om een Nederlands fregat gevraagd", "vraagt of Nederland"
    r"|(?:heeft|hebben|had|hadden)\s+(?:[\w'-]+\s+){0,8}?(?:gevraagd|verzocht)"
    r"|(?:vraagt|vragen|vroeg|vroegen|verzoekt|verzoeken)\s+(?:[\w'-]+\s+){0,4}?(?:om|of)\b)\b",
    re.IGNORECASE,
), lowered=True)  # (speed: asked only whether it matches)
# The same, put first (apart, so that "of", which nearly every sentence holds, does not let every
# sentence through _CONSIDERED's filter; \b and ^ hold at the first character only: a match):
# a condition, "Zou dat mogelijk blijken, dan ...", "Mocht de VN daarom vragen, dan ...", and an
# open question, "Of Nederland in 2018 opnieuw eenheden levert, wordt later besproken".
_CONSIDERED_FIRST = re.compile(r"\b(?:^\s*(?:Zou|Zouden|Mocht|Mochten)\b|^\s*Of\b)\b", re.IGNORECASE)
_NEGATED = guarded(re.compile(
    r"\b(?:levert|leveren|leverde|stelt|stellen|zendt|zenden|stuurt|sturen|draagt|dragen|plaatst|zet)\b[^;:]{0,50}?\bgeen\b"
    r"|\bgeen\s+(?:\w+\s+)?(?:eenheden|schip|schepen|bijdrage|militairen|personeel|fregat|toestellen|troepen)\b"
    r"|\b(?:draagt|dragen|droeg|droegen|neemt|nemen|nam|namen|levert|leveren|leverde|leverden)\b(?:\s+\w+){0,4}?\s+niet\s+(?!langer\b|meer\b|alleen\b|eerder\b)(?:\w+\s+)?(?:bij|deel|aan)?\b"
    r"|\bwordt\s+niet\s+verlengd\b|\bzal\s+niet\s+worden\s+verlengd\b"
))
_PAST = guarded(re.compile(
    r"\b(?:leverde|leverden|droeg|droegen|nam|namen|vond|vonden|was|waren|zond|zonden|stelde|stelden)\b"
    r"|\b(?:heeft|hebben|had|hadden)\b[^;:]{0,80}?\b(?:geleverd|bijgedragen|deelgenomen|ingezet|uitgezonden|gestationeerd)\b",
))
# A sentence about what happens now or next keeps its present tense: "was" in "zoals
# was voorzien" or "die eerder was ingezet" does not make the rest of it past.
_PRESENT = re.compile(r"\b(?:levert|leveren|zal|zullen|wordt|worden|blijft|blijven|gaat|gaan|is|zijn|draagt|dragen|stelt|stellen)\b")
# Words that count or name Dutch people and units, which an adjective before them qualifies.
_PEOPLE = re.compile(
    r"(?:militair\w*|troepen|eenhe\w+|strijdkrachten|F-?\d+\w*|toestellen|vliegtuigen|helikopters?|schepen|schip|fregat\w*"
    r"|bijdrage\w*|inzet|personeel|detachement\w*|bataljon\w*|compagnie\w*|marine|luchtmacht|landmacht|special forces"
    r"|commando\w*|mariniers|stafofficieren|officieren|politie\w*|agenten|soldaten|manschappen|team\w*|trainers|instructeurs"
    r"|leger|legers|krijgsmacht)\b",
    re.IGNORECASE,
)


# What a nationality adjective qualifies when it names who acts: people or units, also after
# a second adjective ("de Deense en Noorse eenheden") or as a unit's name ("De Amerikaanse Joint
# Task Force Liberia", "Het Australische Reconstruction Task Force").
_QUALIFIES = re.compile(
    rf"\s+(?:(?:en|of)\s+[A-Z][\w\u00eb\u00ef-]+\s+|,\s+[A-Z][\w\u00eb\u00ef-]+\s+)?(?:{_PEOPLE.pattern}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)",
    re.IGNORECASE,
)
# A relative clause that gives the size of what it follows, when that is a multinational
# whole: "de battlegroup in Rukla, die in totaal ongeveer 1.200 militairen telt", "De missie,
# die op haar hoogtepunt ruim 300 waarnemers telde".
_WHOLE_BEFORE = re.compile(
    r"\b(?:missie|operatie|troepenmacht|vredesmacht|coalitie|battlegroup|brigade|divisie|macht|vloot|taakgroep|taskforce)"
    r"(?:\s+(?:in|te|bij|van)\s+[A-Z][\w-]*)?\s*$",
    re.IGNORECASE,
)
_SIZE_VERB = re.compile(r"\b(?:telt|tellen|telde|telden|omvat|omvatten|omvatte|bestaat uit|bestaan uit|bestond uit)\b")
_RELATIVE = re.compile(r"[\s,]*(?:die|dat|welke)\b")
# A named mission as the subject that has or counts people: "UNMOVIC heeft ongeveer 110
# inspecteurs in Irak", "KFOR telt 4 000 militairen" (its own strength, not a Dutch share).
_NAMED_HAS = re.compile(
    r"\s*(?:[Dd]e\s+|[Hh]et\s+)?(?P<name>[A-Z][\w-]*[A-Z][\w-]*)\s+"
    r"(?:heeft|had|hebben|telt|telde|beschikt\s+over|beschikte\s+over|bestaat\s+uit|bestond\s+uit|omvat|omvatte)\s"
    r"(?=(?:(?:thans|nu|inmiddels|in\s+totaal|ongeveer|ruim|circa|ca\.|zo'n|bijna|meer\s+dan)\s+)*\d)"
)
# A body's own people: "het IAEA, dat ongeveer dertig eigen inspecteurs in het land heeft".
_OWN_PEOPLE = re.compile(r"\b(?:\d[\d .]*|[a-z]+tig|[a-z]*honderd|[a-z]*duizend)\s+eigen\s+[a-z]+", re.IGNORECASE)
_DECIDES = re.compile(r"\b(?:besloten|besluit|besloot|beslist|ingestemd|stemt\s+in)\b")


@dataclass(frozen=True)
class Clause:
    """One clause of a sentence; offsets are into the sentence's text."""

    start: int
    end: int
    actor: str | None  # "NL", another country's ISO code, MISSION, or None
    modality: str  # "decided" | "considered" | "negated" | "past"
    own: bool = False  # the clause names its actor itself (not taken from the clause before)

    @property
    def foreign(self) -> bool:
        """Another country, the mission or an alliance acts: not the Netherlands."""
        return self.actor is not None and self.actor != NL


# Verbs whose subject sends or holds units: "Duitsland levert", "leveren de Belgen".
_VERB = (
    r"(?:levert|leveren|leverde|leverden|stelt|stellen|zendt|zenden|stuurt|sturen|draagt|dragen|plaatst|plaatsen|zet|zetten"
    r"|neemt|nemen|nam|namen|blijft|blijven|bleef|bleven|wordt|worden|werd|werden|is|zijn|was|waren|heeft|hebben|had|zal|zullen"
    r"|gaat|gaan|ging|gingen|voert|voeren|voerde|voerden"
    r"|opereert|opereren|vliegt|vliegen|patrouilleert|patrouilleren|traint|trainen|beschikt|beschikken|ontplooit|ontplooien)"
)
# What opens a clause before its subject: a connective, or an adverbial and the verb (inversion).
_LEAD = re.compile(
    rf"^[\s,;:–-]*(?:(?:{_OPENERS}|ook|daarnaast|tevens|verder|voorts|bovendien|inmiddels|thans|nu)\s+)*"
    rf"(?:(?P<adverbial>(?:in|op|per|van|vanaf|sinds|tot|tussen|tijdens|na|met ingang van|eind|begin|medio)\s+[^,;:]{{1,45}}?|[a-z]+)\s+{_VERB}\s+)?"
    r"(?:(?:ook|daarnaast|tevens|verder|voorts|bovendien|inmiddels|thans|nu|nog)\s+)*"
    r"(?:(?:de|het|een|alle|deze|die|beide|elk|ook)\s+)*(?:(?:huidige|nieuwe|eerste|tweede|laatste|overige|andere)\s+)?",
    re.IGNORECASE,
)
# A unit of a nation's forces as the subject: "een bataljon van het Afghaanse (leger)".
_UNIT_OF = re.compile(rf"(?:{_PEOPLE.pattern})\s+van\s+(?:het|de)\s+", re.IGNORECASE)
_SUBJECT_VERB = re.compile(rf"^[\s\w'’-]{{0,25}}?\s*{_VERB}\b", re.IGNORECASE)
_VERB_NEXT = re.compile(rf"\s+{_VERB}\b", re.IGNORECASE)  # a verb of sending right after the words


@lru_cache(maxsize=256)
def _lead(part: str) -> re.Match[str] | None:
    """_LEAD's match of a clause (speed: asked for each name the clause holds)."""
    return _LEAD.match(part)


def _in_subject_position(part: str, pos: int, end: int) -> bool:
    """The words at ``pos`` open the clause's subject: right after its opening (a
    connective, or an adverbial and the verb), or right before a verb of sending.

    This tells "Duitsland levert ..." and "In 2016 leveren de Belgische F-16's ..."
    from "training van Koerdische eenheden" and "in Bagdad en Koeweit".
    """
    lead = _lead(part)
    # (right after the opening, not inside its adverbial: "In Oost-Timor zijn sinds 2006 Nederlanders
    # werkzaam", "Op verzoek van Frankrijk levert Nederland ...")
    if lead and lead.end() >= pos - 1 and not (lead.start("adverbial") <= pos < lead.end("adverbial")) \
            and not _NOT_ACTOR_BEFORE.search(part[:pos]):
        return True
    if lead and _UNIT_OF.fullmatch(part, lead.end(), pos):
        return True  # "In Uruzgan is verder een bataljon van het Afghaanse leger gelegerd"
    return bool(_VERB_NEXT.match(part, end)) and not _NOT_ACTOR_BEFORE.search(part[:pos])


def _actor(text: str, start: int, end: int) -> str | None:
    """Who acts in ``text[start:end]`` (see the module docstring)."""
    part = text[start:end]
    if _MISSION_ACTOR.search(part) and not re.search(r"\bNederland(?:se)?\b(?!,)", part):
        return MISSION
    if (named := _NAMED_HAS.match(part)) and lookup(named.group("name")):
        return MISSION
    agent = _AGENT.search(part)
    if agent and _ORGANISATION_ACTOR.fullmatch(agent.group("who")):
        return ORGANISATION
    if "door" in part:  # speed: every match holds "door"
        part = _LED_BY.sub(lambda m: " " * len(m.group()), part)
    candidates: list[tuple[int, str]] = []
    for m in _ORGANISATION_ACTOR.finditer(part):
        if _in_subject_position(part, m.start(), m.end()):
            candidates.append((m.start(), ORGANISATION))
    for m in _DUTCH_ACTOR.finditer(part):
        if not _NOT_ACTOR_BEFORE.search(part[max(0, m.start() - 30) : m.start()]):
            candidates.append((m.start(), NL))
    for c in find_countries(part):
        if c.adjective and not _QUALIFIES.match(part, c.end):
            continue  # "de Iraakse regering", "de Afghaanse provincie": no one sent
        if c.code == NL:
            if not _NOT_ACTOR_BEFORE.search(part[max(0, c.start - 30) : c.start]):
                candidates.append((c.start, NL))  # "in Nederland", "uit Canada, Nederland en ...": a place
        elif _in_subject_position(part, c.start, c.end):
            candidates.append((c.start, c.code))
    if not candidates:
        return None
    codes = {code for _, code in candidates}
    if NL in codes and len(codes) > 1 and (re.search(r"\bNederland\b", part) or codes == {NL, ORGANISATION}):
        return NL  # "Nederland en België leveren elk een fregat": the Dutch share is ours
    return min(candidates)[1]


def _modality(part: str) -> str:
    if _NEGATED.search(part):
        return "negated"
    if _CONSIDERED_FIRST.match(part) or _CONSIDERED.search(part):
        return "considered"
    if _PAST.search(part) and not _PRESENT.search(_PAST.sub("", part)):
        return "past"
    return "decided"


# A list set in between commas, no clause of its own: "is op 28 april met 22 ton hulpgoederen,
# waaronder tenten en medicijnen, naar Kathmandu gevlogen" (the clause goes on after it).
_INSERTED_LIST = re.compile(r",\s+(?:waaronder|onder wie|onder meer|zoals)\s+(?P<list>[^,;:.]{1,80}?),\s")
_VERB_IN = re.compile(rf"\b{_VERB}\b|\b\w+(?:t|en|de|te)\s+(?:zij|ze|hij)\b", re.IGNORECASE)


# A condition that someone asks first: ", als Italië daarom vraagt", ", indien de VN daartoe verzoeken".
_ON_REQUEST = re.compile(
    r"[\s,]*(?:als|indien|wanneer|mits|zodra)\s+[^.;,]{0,40}?\b(?:daarom|erom|daartoe|hierom)\s+(?:vraagt|vragen|verzoekt|verzoeken)\b",
    re.IGNORECASE,
)

# A condition after what only can happen: "dat het laboratorium met ingang van 1 maart kan worden
# ingezet, mits de inspecties dan nog voortgaan" is an offer, not a decision.
_CONDITION = re.compile(r"[\s,]*(?:mits|op voorwaarde dat)\b", re.IGNORECASE)
_CAN = re.compile(r"\b(?:kan|kunnen)\b")


@lru_cache(maxsize=2048)
def read_clauses(text: str) -> tuple[Clause, ...]:
    """The clauses of one sentence, in order, each with its actor and modality."""
    cuts = [0]
    inserted_until = -1
    for m in _BOUNDARY.finditer(text):
        if m.start() < inserted_until:
            continue
        if (inserted := _INSERTED_LIST.match(text, m.start())) and not _VERB_IN.search(inserted.group("list")):
            inserted_until = inserted.end()
            continue
        if m.start() > cuts[-1] + 3:
            cuts.append(m.start())
    cuts.append(len(text))
    clauses: list[Clause] = []
    actor: str | None = None
    considered = False
    for start, end in zip(cuts, cuts[1:]):
        own = _actor(text, start, end)
        if own is None and _RELATIVE.match(text, start) and (
                _SIZE_VERB.search(text, start, end) and _WHOLE_BEFORE.search(text, max(0, start - 60), start)
                or _OWN_PEOPLE.search(text, start, end)):
            own = MISSION
        actor = own if own is not None else actor
        modality = _modality(text[start:end])
        if modality == "considered":
            considered = True
        elif considered and modality == "decided" and not _DECIDES.search(text, start, end):
            modality = "considered"  # (not "..., waartoe het kabinet heeft besloten": a decision of its own)
        clauses.append(Clause(start, end, actor, modality, own is not None))
        if _ON_REQUEST.match(text, start) and len(clauses) > 1 and clauses[-2].modality == "decided":
            # "Wel zal een Nederlandse officier ... ondersteunen, als Italië daarom vraagt": only if asked
            clauses[-2] = replace(clauses[-2], modality="considered")
        if _CONDITION.match(text, start) and len(clauses) > 1 and clauses[-2].modality == "decided" \
                and _CAN.search(text, clauses[-2].start, clauses[-2].end):
            clauses[-2] = replace(clauses[-2], modality="considered")
    return tuple(clauses)


def clause_at(clauses: tuple[Clause, ...], pos: int) -> Clause:
    """The clause that holds offset ``pos`` of the sentence."""
    for clause in clauses:
        if clause.start <= pos < clause.end:
            return clause
    return clauses[-1]


# The words between a number and what it counts: "150 Duitse militairen", "vier Nederlandse toestellen".
_BETWEEN = re.compile(r"\s+(?:(?:extra|andere|eigen|militaire|ervaren|nieuwe)\s+)?(?P<adj>[A-Z][\w\u00eb\u00ef-]+)\s+")


def owner_of(text: str, number_end: int) -> str | None:
    """The nation an adjective right after a number gives what it counts, or None.

    "vier Nederlandse toestellen" is Dutch and "300 Duitse militairen" German,
    whatever the clause around them says.
    """
    m = _BETWEEN.match(text, number_end)
    if not m:
        return None
    found = find_countries(m.group("adj"))
    return found[0].code if found and found[0].adjective else None
