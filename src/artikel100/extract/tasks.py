"""What a Dutch unit may do and where: its tasks and its area, as the letter sets them.

The Red Card check (``artikel100.check.task``) holds a task against these.
A task sentence names the contribution (a unit, the letter's own mission, or
"de Nederlandse bijdrage") and what it does ("voert bewakings- en
beveiligingstaken uit door NMI-adviseurs te begeleiden"); its ``activities``
are kinds from ``ACTIVITIES``. A sentence that rules tasks out ("een
non-combat missie", "offensieve operaties vormen geen onderdeel van de
opdracht") is a task with ``excluded=True``. An area sentence places the unit
("vanaf Camp Union III in Bagdad ... in Bagdad en directe omgeving").
"""

from __future__ import annotations

import re

from ..facts import Area, Task
from .literals import guarded, has_case_trap, lower_twin  # speed: skip sentences lacking a pattern's words
from .oversight import Scope
from .sentences import Sentence
from .units import find_places, find_units, guess_places

__all__ = ["ACTIVITIES", "activities_of", "find_tasks", "find_areas"]

# Kinds of task, in Dutch and English (a user may type "escort of advisers").
ACTIVITIES: dict[str, re.Pattern[str]] = {
    "combat": re.compile(
        r"\b(?:offensie\w+|gevechts(?:taken|operaties|acties|handelingen)|gevecht\w*|combat|strike\w*|raids?|aanval(?:len)?\s+(?:op|uit)"
        r"|luchtaanval\w*|aanvallen|aanvalsacties|doel(?:en|witten)\s+(?:aan|be)(?:vallen|strijden)|uitschakelen|neutralis\w+"
        r"|kinetische?|attack\w*|assault|arrest\w*|detain\w*|aanhouden|bombard\w*|offensive|targeting|kill)\b",
        re.IGNORECASE),
    "escort": re.compile(r"\b(?:begeleid\w*|escort\w*|konvooi\w*|convoy\w*|veilig\s+verplaatsen|verplaatsingen|(?:personnel\s+)?movement\w*|transporteren\s+van\s+(?:de\s+)?adviseurs|accompan\w+)\b", re.IGNORECASE),
    "protection": re.compile(r"\b(?:bewakings?\w*|beveilig\w*|bewaken|bewaakt|force[ -]protection|guardian\s+angels?|bescherm\w*\s+(?:van\s+)?(?:het\s+)?(?:eigen\s+)?(?:personeel|kamp|basis|adviseurs|missie)|protect\w*|guard\w*|security)\b", re.IGNORECASE),
    "training": re.compile(r"\b(?:train\w*|opleid\w*|opleiding\w*|instruct\w*|drill\w*|oefen\w*)\b", re.IGNORECASE),
    # Advising, not the advisers a unit protects ("NMI-adviseurs te begeleiden").
    "advice": re.compile(r"\b(?:adviser(?:en|t)|adviseert|advisering|advieswerk\w*|advies(?:taken|rol|functie)|mentor(?:en|t|ing)|advice|advise|advising|capaciteitsopbouw|capacity\s+building)\b", re.IGNORECASE),
    "transport": re.compile(r"\b(?:(?:lucht)?transport\w*|vervoer\w*|airlift\w*|vluchten|vliegen|fly\w*|lift\w*)\b", re.IGNORECASE),
    "reconnaissance": re.compile(r"\b(?:verkenn\w*|inlichting\w*|surveillance|\bISR\b|observ\w*|patrouill\w*|patrol\w*|reconnaiss\w*|intelligence)\b", re.IGNORECASE),
    "maritime security": re.compile(r"\b(?:piraterij\w*|koopvaardij\w*|maritieme\s+(?:veiligheid|beveiliging)|vrije\s+doorvaart|shipping|scheepvaart|vessel\s+protection)\b", re.IGNORECASE),
    "air policing": re.compile(r"\b(?:air\s+policing|luchtruimbewaking|onderschep\w*|intercept\w*|quick\s+reaction\s+alert)\b", re.IGNORECASE),
    "air defence": re.compile(r"\b(?:luchtverdediging\w*|air\s+defen[cs]e|raketverdediging|missile\s+defen[cs]e)\b", re.IGNORECASE),
    "deterrence": re.compile(r"\b(?:afschrikking\w*|afschrikken|afschrikt|deterrence|deter)\b", re.IGNORECASE),
    "command and staff": re.compile(r"\b(?:staf\w*|hoofdkwartier\w*|commandovoering|het\s+commando|commandant|headquarters|staff|command)\b", re.IGNORECASE),
    "medical": re.compile(r"\b(?:medisch\w*|hospita\w*|medical|medevac|casevac)\b", re.IGNORECASE),
    "engineering": re.compile(r"\b(?:genie\w*|constructie\w*|bouwen|engineer\w*|explosieven\w*opruim\w*|ontmijn\w*|demining)\b", re.IGNORECASE),
    "logistics": re.compile(r"\b(?:logisti\w+|bevoorrad\w*|combat\s+service\s+support|supply|supplies)\b", re.IGNORECASE),
}
# What makes a sentence give tasks, rather than mention a kind of activity in passing.
_TASK_CUE = guarded(re.compile(
    r"\b(?:taak|taken|taakstelling|opdracht|verantwoordelijk\s+voor|voert\s+[^.]{0,80}\buit|voeren\s+[^.]{0,80}\buit|wordt\s+ingezet|worden\s+ingezet|zal\s+worden\s+ingezet"
    r"|richt\s+zich\s+op|richten\s+zich\s+op|bestaat\s+uit\s+het|heeft\s+als\s+(?:taak|opdracht|doel)|ondersteunt|ondersteunen|begeleid\w*|beveiligt|bewaakt|traint|trainen|adviseert|adviseren"
    r"|treedt\s+[^.]{0,40}\bop\s+als|ter\s+ondersteuning\s+van|oefent|oefenen|patrouilleert|patrouilleren|escorteert|escorteren"
    r"|beschermt|beschermen|levert\s+een\s+bijdrage\s+aan)\b",
    re.IGNORECASE,
), lowered=True)  # (speed: asked only whether it matches)
_EXCLUDED = guarded(re.compile(
    r"\bnon[- ]combat\b|\bgeen\s+(?:offensieve|gevechts\w*|combat)\b|\bniet\s+(?:deel\s*(?:nemen|genomen)|betrokken)\s+(?:aan|bij)\s+(?:gevechts|offensieve|combat)\w*"
    r"|\b(?:vormen|vormt|maken|maakt)\s+geen\s+(?:onderdeel|deel)\s+(?:uit\s+)?(?:van\s+)?(?:de\s+)?(?:opdracht|taken|mandaat)"
    r"|\bniet\s+(?:ingezet|bedoeld)\s+(?:voor|om)\s+[^.]{0,40}(?:gevecht|offensie|aanval)",
    re.IGNORECASE,
), lowered=True)  # (speed: asked only whether it matches)
_OURS = re.compile(r"\b(?:Nederland|Nederlandse|de\s+(?:eenheid|compagnie|taakgroep|taskforce|bijdrage)|het\s+(?:detachement|team))\b")
_NOT_TASK_SECTION = re.compile(
    r"risico|financ|kosten|context|politieke|veiligheidssituatie|mensenrechten|monitoring|evaluatie"
    r"|geweldsinstructie|bevelsstructuur|commandostructuur", re.IGNORECASE)
# Handing tasks over to an ally ends them; it gives none.
_HANDOVER = re.compile(r"\b(?:draagt|dragen|droeg)\b[^.]{0,80}\bover\b|\bovergedragen\b|\boverdracht\b", re.IGNORECASE)


# (speed: the same patterns, case-sensitive, for the phrase in lower case; see lower_twin)
_ACTIVITIES_LOWER = {name: lower_twin(rx) for name, rx in ACTIVITIES.items()}


def activities_of(text: str) -> list[str]:
    """The kinds of task a phrase speaks of, in ``ACTIVITIES`` order."""
    if has_case_trap(text):
        return [name for name, rx in ACTIVITIES.items() if rx.search(text)]
    low = text.lower()
    return [name for name, rx in _ACTIVITIES_LOWER.items() if rx.search(low)]


_ANAPHOR = re.compile(r"^(?:Zij|Hij|Deze|Die|Het|Ze)\b|^De\s+(?:eenheid|compagnie|taakgroep|taskforce|bijdrage|militairen)\b")


def _unit(text: str) -> str | None:
    units = [u for u in find_units(text) if u.kind != "unit"]
    strong = [u for u in units if u.strong]
    return (strong or units)[0].kind if units else None


class _Units:
    """The unit a sentence is about: the one it names, or for "Zij ..." the one the
    sentence before it in the paragraph named."""

    def __init__(self) -> None:
        self.block, self.last = -1, None

    def of(self, s: Sentence) -> str | None:
        if s.block_start != self.block:
            self.block, self.last = s.block_start, None
        strong = [u for u in find_units(s.text) if u.strong]
        if strong:
            self.last = strong[0].kind
            return self.last
        if self.last and _ANAPHOR.match(s.text):
            return self.last
        return _unit(s.text)


def find_tasks(sentences: list[Sentence], section_of, scope: Scope) -> list[Task]:  # noqa: ANN001
    """The tasks the letter gives its own units, and the tasks it rules out."""
    out: list[Task] = []
    units = _Units()
    for s in sentences:
        if s.footnote is not None:
            continue
        unit = units.of(s)
        named = scope.named(s.start, s.end)
        if named and not set(named) & set(scope.own):
            continue  # another mission's work
        heading = section_of(s.start) or ""
        excluded = _EXCLUDED.search(s.text)
        if excluded:
            out.append(Task(text=s.text, spans=[(s.start, s.end)], mission=scope.mission(s.start, s.end),
                            unit=unit, activities=["combat"], excluded=True))
            continue
        if _NOT_TASK_SECTION.search(heading) or not _TASK_CUE.search(s.text) or _HANDOVER.search(s.text):
            continue
        if not (named or unit or _OURS.search(s.text)):
            continue
        kinds = [k for k in activities_of(s.text) if k != "combat"]
        if not kinds:
            continue
        out.append(Task(text=s.text, spans=[(s.start, s.end)], mission=scope.mission(s.start, s.end),
                        unit=unit, activities=kinds))
    return out


_BASE_BEFORE = re.compile(r"(?:vanaf|vanuit|gelegerd\s+(?:op|in)|gestationeerd\s+(?:op|in)|gebaseerd\s+(?:op|in)|op\s+(?:de\s+)?(?:vliegbasis|basis|luchtmachtbasis))\s+$", re.IGNORECASE)
_AREA_CUE = guarded(re.compile(
    r"\b(?:(?:vanaf|vanuit)(?=\s+[A-Z])|gelegerd|gestationeerd|gebaseerd|ingezet\s+in|opereert|opereren|actief\s+in|werkzaam\s+in|inzetgebied|operatiegebied|werkgebied"
    r"|taken\s+uit|werkbezoeken|in\s+(?:de\s+)?(?:regio|provincie|omgeving)|en\s+(?:directe\s+|naaste\s+)?omgeving|en\s+omstreken)\b",
    re.IGNORECASE,
), lowered=True)  # (speed: asked only whether it matches)
_PART = re.compile(r"\b(?:het\s+)?((?:noord|zuid)?(?:oosten|westen)|noorden|zuiden|centrum|midden|grensgebied)\s+van\s+$", re.IGNORECASE)
_VICINITY = re.compile(r"\ben\s+(?:directe\s+|naaste\s+)?omgeving\b|\ben\s+omstreken\b|\bomgeving\s+van\b|\brondom\b|\bnabij\b", re.IGNORECASE)


def find_areas(sentences: list[Sentence], section_of, scope: Scope) -> list[Area]:  # noqa: ANN001
    """Where the letter places its units: base and area of operations."""
    out: list[Area] = []
    units = _Units()
    for s in sentences:
        if s.footnote is not None:
            continue
        unit = units.of(s)
        if not _AREA_CUE.search(s.text):
            continue
        named = scope.named(s.start, s.end)
        if named and not set(named) & set(scope.own):
            continue
        if _NOT_TASK_SECTION.search(section_of(s.start) or "") and not unit:
            continue
        if not (unit or _OURS.search(s.text)):
            continue  # a mission's or an ally's whereabouts, not a Dutch unit's
        places = find_places(s.text)
        places += [p for p in guess_places(s.text) if not any(q.start < p.end and p.start < q.end for q in places)]
        if not places:
            continue
        base = next((p.name for p in sorted(places, key=lambda p: p.start)
                     if p.kind == "base" or _BASE_BEFORE.search(s.text[: p.start])), None)
        area = list(dict.fromkeys(p.name for p in sorted(places, key=lambda p: p.start) if p.name != base))
        parts = {p.name: m.group(1).casefold() for p in places
                 if (m := _PART.search(s.text[max(0, p.start - 40): p.start]))}
        out.append(Area(text=s.text, spans=[(s.start, s.end)], mission=scope.mission(s.start, s.end), unit=unit,
                        places=area, base=base, vicinity=bool(_VICINITY.search(s.text)), parts=parts))
    return out
