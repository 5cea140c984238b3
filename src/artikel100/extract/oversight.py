"""The oversight machinery a letter describes: the red card holder, monitoring
visits with their findings and recommendations, the follow-up promised,
evaluations announced or delivered, and passages that report on earlier ones.

Each record is one sentence (or, for a finding run, one sentence each) with
its span, linked to the others by index (an observation to its visit, a
follow-up to the observations it answers and to the commitment that makes the
promise) and to a mission: the one the sentence names, else the letter's own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..facts import (
    Commitment, Contribution, Evaluation, FollowUp, MonitoringVisit, Observation, RedCardHolder, Reference, Response,
)
from .literals import guarded  # speed: skip sentences lacking a pattern's words
from .commitments import is_commitment
from .dates import find_dates
from .sentences import Sentence

__all__ = ["Scope", "find_red_card_holders", "find_monitoring", "find_evaluations", "find_responses"]


@dataclass
class Scope:
    """Which mission a sentence is about: the one it names, else the letter's own."""

    mentions: list[tuple[str, int, int]]
    own: list[str]  # the letter's missions with Dutch contributions, most facts first

    @classmethod
    def of(cls, mentions: list[tuple[str, int, int]], contributions: list[Contribution]) -> Scope:
        counts = Counter(c.mission for c in contributions)
        return cls(mentions, [m for m, _ in counts.most_common()])

    @property
    def main(self) -> str | None:
        return self.own[0] if self.own else None

    def named(self, start: int, end: int) -> list[str]:
        mentions = self.mentions
        cached = self.__dict__.get("_starts")  # (not a field) the mentions' starts, when in text order
        if cached is None or cached[0] is not mentions or cached[1] != len(mentions):
            starts = [a for _, a, _ in mentions]
            cached = (mentions, len(mentions), starts if starts == sorted(starts) else None)
            self.__dict__["_starts"] = cached
        starts = cached[2]
        if starts is None:
            return list(dict.fromkeys(m for m, a, _ in mentions if start <= a < end))
        # speed: the mentions that start in [start, end), found by bisection, in the same order
        return list(dict.fromkeys(m for m, _, _ in mentions[bisect_left(starts, start) : bisect_left(starts, end)]))

    def mission(self, start: int, end: int) -> str | None:
        named = self.named(start, end)
        mine = [m for m in named if m in self.own]
        return (mine or named or [self.main])[0]


# --- the red card holder ---------------------------------------------------------

_RCH = r"(?:nationale\s+)?(?:[Rr]ed[- ][Cc]ard[- ]?[Hh]older|[Rr]ed[- ][Cc]ard-?houder|[Rr]ode[- ]?[Kk]aart-?houder|RCH)"
_HOLDER = r"(?P<holder>(?:de|het|een)\s+[^.,;:()]{3,90}?)"
_RCH_FORMS = [guarded(form) for form in (
    re.compile(rf"{_HOLDER}\s+(?:is|fungeert\s+als|vervult\s+de\s+(?:rol|functie)\s+van|treedt\s+op\s+als|wordt\s+aangewezen\s+als|is\s+aangewezen\s+als)\s+(?:de\s+)?{_RCH}", re.IGNORECASE),
    re.compile(rf"\b(?:De|de)\s+{_RCH}\s+(?:is|wordt|betreft|zal\s+zijn)\s+{_HOLDER}(?=[,.;]|\s+(?:die|van|en|in|op|bij)\b|$)"),
    re.compile(rf"\b(?:nationale\s+)?(?:red\s+card|rode\s+kaart)\s+(?:berust|ligt|is\s+belegd|wordt\s+belegd|is\s+ondergebracht)\s+bij\s+{_HOLDER}(?=[,.;]|\s+(?:die|van|en|in|op)\b|$)", re.IGNORECASE),
    re.compile(rf"{_HOLDER}\s+(?:beschikt\s+over|houdt|hanteert|heeft)\s+(?:de\s+)?(?:nationale\s+)?(?:red\s+card|rode\s+kaart)", re.IGNORECASE),
)]
_DUTY = guarded(re.compile(r"\b(?:bewaakt|ziet\s+erop\s+toe|controleert|toetst|beoordeelt|kan\s+weigeren|weigert|gaat\s+na)\b", re.IGNORECASE))
_ON_BEHALF = re.compile(r"\bnamens\s+(?:de\s+)?(?P<who>CDS|Commandant der Strijdkrachten|minister van Defensie|Directeur Operaties)\b")
_ANAPHOR = re.compile(r"^(?:Deze|Hij|Zij|Die|De\s+(?:Red\s+Card\s+Holder|RCH|functionaris))\b", re.IGNORECASE)


def find_red_card_holders(sentences: list[Sentence], scope: Scope) -> list[RedCardHolder]:
    """Who holds the national red card, and what the letter says the holder checks."""
    out: list[RedCardHolder] = []
    body = [s for s in sentences if s.footnote is None]
    for i, s in enumerate(body):
        for form in _RCH_FORMS:
            m = form.search(s.text)
            if not m:
                continue
            holder = " ".join(m.group("holder").split())
            holder = re.sub(r"^(?:[Tt]ijdens [^,]+,\s*|[Ii]n [^,]+,\s*)", "", holder)
            a = s.start + m.start("holder")
            record = RedCardHolder(holder=holder, text=s.text, spans=[(s.start, s.end)],
                                   mission=scope.mission(s.start, s.end))
            duty = next((t for t in body[i : i + 3] if _DUTY.search(t.text)
                         and (t is s or _ANAPHOR.match(t.text))), None)
            if duty is not None:
                record.duty = duty.text
                if duty is not s:
                    record.spans.append((duty.start, duty.end))
            for t in (s, duty):
                who = _ON_BEHALF.search(t.text) if t else None
                if who:
                    record.on_behalf_of = "CDS" if who.group("who").startswith(("CDS", "Commandant")) else who.group("who")
                    break
            record.spans.insert(1, (a, a + len(m.group("holder").rstrip())))
            out.append(record)
            break
    return out


# --- monitoring visits, observations, follow-up -----------------------------------

_VISIT = guarded(re.compile(r"\bmonitorings?(?:bezoek|missie|reis)\w*|\bevaluatiebezoek\w*|\bveldbezoek\w*"
                    r"|\b(?:werk)?bezoek\w*\s+(?:ter|voor|in het kader van)\s+(?:de\s+)?monitoring", re.IGNORECASE))
_VISIT_DONE = re.compile(r"\b(?:bracht|brachten|bezocht|bezochten|vond|vonden|afgelegd|gebracht|plaatsgevonden|heeft|hebben|is|werd|werden)\b", re.IGNORECASE)
# Present tense speaks of a visit to come ("Halverwege de inzet brengen de ministeries een monitoringsbezoek").
_VISIT_PLANNED = re.compile(r"\b(?:zal|zullen|gepland|voorzien|volgt|komend|komende|wordt|worden|brengen|brengt|bezoekt|bezoeken|vindt|vinden)\b", re.IGNORECASE)
_VISIT_BY = re.compile(r"(?:bracht|brachten|brengt|brengen|heeft|hebben)\s+(?P<by>(?:een|de)\s+[^.;]{3,120}?)\s+(?:een\s+)?(?:monitorings?bezoek|bezoek|werkbezoek)"
                       r"|\bdoor\s+(?P<by2>(?:een|de)\s+(?:delegatie|team|vertegenwoordigers)[^.;,]{0,100})", re.IGNORECASE)
_VISIT_PLACE = re.compile(r"(?:bezoek\w*|bezocht(?:en)?)\s+(?:aan|in|naar)?\s*(?P<place>(?:het\s+|de\s+)?[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|en|van|de)){0,3})")
_FINDING = guarded(re.compile(r"\b(?:vastgesteld|geconstateerd|constateerde\w*|constateert|stelde\w* vast|stelt vast|toonde\w*(?:\s+\w+){0,2}\s+aan|bleek|blijkt|werd\s+(?:opnieuw\s+|ook\s+)?duidelijk|is\s+gebleken|kwam\s+naar\s+voren|concludeer\w*|bevinding\w*)\b", re.IGNORECASE))
_RECOMMENDATION = guarded(re.compile(r"\b(?:aanbeveling\w*|beveelt\w*\s+[^.]{0,40}\baan|wordt\s+aanbevolen|adviseert|raadt\s+[^.]{0,30}\baan)\b", re.IGNORECASE))
_ATTENTION = guarded(re.compile(r"\b(?:aandachtspunt\w*|verbeterpunt\w*|knelpunt\w*|zorgpunt\w*|leerpunt\w*)\b", re.IGNORECASE))
_FOLLOW = guarded(re.compile(r"\b(?:opvolging|opvolgen|opgevolgd|op te volgen|gevolg\s+geven|beziet|bezien|werkt\s+aan|oppakken|opgepakt|meenemen|meegenomen|verbeteren)\b", re.IGNORECASE))
_THESE = guarded(re.compile(r"\b(?:deze|die|genoemde|voornoemde)\s+(?:aanbevelingen|aandachtspunten|punten|bevindingen|verbeterpunten|knelpunten)\b", re.IGNORECASE))
_PROBLEM = re.compile(
    r"\b(?:echter|te\s+(?:kort|lang|weinig|klein|groot|traag)|afhankelijk|beperkend\w*|knelpunt\w*|onvoldoende|tekort\w*"
    r"|ontbre\w+|moeilijk\w*|lastig\w*|vertraging\w*|zorg\w*|risico\w*|gebrek\w*|probleem\w*|problemen|niet\s+(?:voldoende|altijd|genoeg))\b",
    re.IGNORECASE,
)
_MONITORING_HEADING = re.compile(r"monitoring|evaluatie|lessen|leren|bevinding|aanbeveling", re.IGNORECASE)


def _visit(s: Sentence, letter_date: date | None, scope: Scope) -> MonitoringVisit | None:
    m = _VISIT.search(s.text)
    if not m or _RESPONSE.search(s.text):
        return None  # no visit, or a report on an earlier one ("Naar aanleiding van het monitoringsbezoek van ...")
    after = s.text[m.end():]
    before = s.text[: m.start()]
    # "Dit raamwerk bestaat uit een tussentijds monitoringsbezoek": a description, not a visit.
    if re.search(r"\b(?:bestaat|bestaan|omvat|omvatten|voorziet|voorzien)\s+(?:uit|in)\b", s.text, re.IGNORECASE):
        return None
    planned = bool(_VISIT_PLANNED.search(before + after[:60])) and not re.search(r"\b(?:bracht|brachten|bezocht|vond|plaatsgevonden)\b", s.text)
    if not planned and not _VISIT_DONE.search(s.text):
        return None
    dates = find_dates(s.text, letter_date)
    by = _VISIT_BY.search(s.text)
    place = _VISIT_PLACE.search(s.text, m.start())
    if place is None:  # "een monitoringsbezoek aan de battlegroup in Rukla"
        from .units import find_places, guess_places

        named = find_places(after) or guess_places(after)
        place_name = named[0].name if named else None
    else:
        place_name = place.group("place").strip()
    return MonitoringVisit(
        text=s.text, spans=[(s.start, s.end)], date=dates[0].value if dates else None,
        by=" ".join((by.group("by") or by.group("by2")).split()) if by else None,
        place=place_name,
        mission=scope.mission(s.start, s.end), status="planned" if planned else "done",
    )


def _in_monitoring(section_of, s: Sentence) -> bool:  # noqa: ANN001
    heading = section_of(s.start)
    return bool(heading and _MONITORING_HEADING.search(heading))


def find_monitoring(
    sentences: list[Sentence], section_of, letter_date: date | None, commitments: list[Commitment], scope: Scope,  # noqa: ANN001
) -> tuple[list[MonitoringVisit], list[Observation], list[FollowUp]]:
    """Visits, their findings / points of attention / recommendations, and the follow-up promised.

    Observations are read in a monitoring or evaluation section, or after a
    visit in its section; a sentence that announces points of attention
    ("Tegelijk zijn er ook aandachtspunten.") makes the rest of its paragraph
    points of attention, up to the sentence that promises their follow-up.
    """
    visits: list[MonitoringVisit] = []
    observations: list[Observation] = []
    follow_ups: list[FollowUp] = []
    body = [s for s in sentences if s.footnote is None]
    current_visit: int | None = None
    visit_section: str | None = None
    attention_block: int | None = None
    for s in body:
        heading = section_of(s.start)
        visit = _visit(s, letter_date, scope)
        if visit is not None:
            visits.append(visit)
            current_visit, visit_section = len(visits) - 1, heading
            attention_block = None
        in_scope = _in_monitoring(section_of, s) or (current_visit is not None and heading == visit_section)
        if not in_scope:
            continue
        if heading != visit_section and visit is None:
            current_visit = None
        mission = scope.mission(s.start, s.end)
        promise = is_commitment(s.text) or (_FOLLOW.search(s.text) and re.search(r"\b(?:zal|zullen|beziet|werkt)\b", s.text))
        answers_obs = _FOLLOW.search(s.text) or _THESE.search(s.text) or _RECOMMENDATION.search(s.text)
        if promise and answers_obs and (observations or _THESE.search(s.text)):
            commitment = next((i for i, c in enumerate(commitments)
                               if any(a < s.end and s.start < b for a, b in c.spans)), None)
            pending = [i for i, o in enumerate(observations) if o.kind in ("attention", "recommendation")
                       and not any(i in f.answers for f in follow_ups)]
            if _THESE.search(s.text) and attention_block is not None:
                run = [i for i in pending if observations[i].spans[0][0] >= attention_block]
                pending = run or pending
            follow_ups.append(FollowUp(
                text=s.text, spans=[(s.start, s.end)], due=commitments[commitment].due if commitment is not None else None,
                answers=pending, commitment=commitment, mission=mission,
            ))
            attention_block = None
            continue
        if visit is not None and not _FINDING.search(s.text[len(visit.text) // 2:]):
            continue
        if _RESPONSE.search(s.text):
            continue  # a report on earlier recommendations (see find_responses)
        kind = None
        # "Tegelijk zijn er ook aandachtspunten.", "De delegatie deed twee aanbevelingen.": an announcement
        announced = (_ATTENTION.search(s.text) or _RECOMMENDATION.search(s.text)) and not re.search(r":\s*\S", s.text) and len(s.text) < 70
        if _ATTENTION.search(s.text):
            attention_block = s.block_start
            if announced:
                continue
            kind = "attention"
        elif announced:
            continue
        elif _RECOMMENDATION.search(s.text):
            kind = "recommendation"
        elif attention_block is not None and s.block_start == attention_block:
            # In a run of points of attention, a sentence that names no problem frames them.
            if not _PROBLEM.search(s.text):
                continue
            kind = "attention"
        elif _FINDING.search(s.text):
            kind = "finding"
        if kind:
            observations.append(Observation(text=s.text, spans=[(s.start, s.end)], kind=kind,
                                            visit=current_visit, mission=mission))
    return visits, observations, follow_ups


# --- evaluations -----------------------------------------------------------------------

_EVALUATION = guarded(re.compile(
    r"\b(?P<kind>eind|tussen|tussentijdse|jaarlijkse|post[- ]?missie|missie|beleids|slot)?-?(?:evaluatie|evaluaties|evaluatierapport|evaluatieonderzoek)\b"
    r"|\bpost[- ]mission[- ](?:review|beoordeling|assessment)\b|\bPMB\b|\bbeleidsdoorlichting\b|\bgeëvalueerd\b|\bgeevalueerd\b",
    re.IGNORECASE,
))
_KINDS = {"eind": "final", "slot": "final", "tussen": "interim", "tussentijdse": "interim", "jaarlijkse": "annual",
          "postmissie": "post-mission", "post-missie": "post-mission", "post missie": "post-mission", "missie": "evaluation",
          "beleids": "policy review"}
_IOB = re.compile(r"\bIOB\b|Inspectie Ontwikkelingssamenwerking en Beleidsevaluatie", re.IGNORECASE)
_INDEPENDENT = re.compile(r"\bonafhankelijke?\s+(?:partij|instantie|evaluator|onderzoekers?|onderzoeksinstituut|derde|deskundigen|externe)"
                          r"|\bexterne?\s+(?:partij|bureau|onderzoeks\w*|evaluator|deskundigen)|\bClingendael\b|\bHCSS\b|\buniversiteit\b", re.IGNORECASE)
_INTERNAL = re.compile(r"\binterne?\s+(?:evaluatie|evaluaties)|\bdoor\s+(?:het\s+ministerie\s+van\s+)?Defensie\s+(?:zelf|intern)\b", re.IGNORECASE)
_DELIVERED = guarded(re.compile(
    r"\b(?:is|zijn|werd|werden)\s+(?:inmiddels\s+)?(?:afgerond|uitgevoerd|verschenen|gepubliceerd|aangeboden|voltooid|opgeleverd)\b"
    r"|\b(?:heeft|hebben)\s+[^.]{0,60}\b(?:uitgevoerd|afgerond|geëvalueerd|opgeleverd)\b|\btreft\s+u\s+(?:hierbij|bijgaand)\b"
    r"|\bbied(?:t|en)\s+(?:ik|wij|we)\s+u\s+(?:hierbij\s+)?|\bhierbij\s+ontvangt\s+u\b|\bconcludeert\b|\bstelt\s+vast\b|\buit\s+de\s+\w*evaluatie\s+blijkt\b"
    r"|\bbevindingen\s+van\s+de\s+\w*evaluatie\b|\bgaat\s+(?:hierbij|bijgaand)\b",
    re.IGNORECASE,
))
_ANNOUNCED = guarded(re.compile(r"\b(?:zal|zullen|volgt|volgen|voorzien|gepland|wordt\s+[^.]{0,60}\b(?:uitgevoerd|opgesteld|betrokken|gestart|verricht)|worden\s+[^.]{0,60}\b(?:uitgevoerd|betrokken)|ontvangt\s+uw\s+Kamer|na\s+afloop)\b", re.IGNORECASE))
_RULE = re.compile(r"\b(?:raamwerk|standaard|in\s+beginsel|bij\s+(?:elke|iedere)|voor\s+(?:elke|iedere)\s+(?:artikel[- ]100|missie))\b", re.IGNORECASE)
_CONTENTS = re.compile(r"\bgaat\s+(?:deze\s+brief\s+)?(?:[^.]{0,40}\s)?in\s+op\b|\bwordt\s+ingegaan\s+op\b|\bkomen\s+aan\s+bod\b", re.IGNORECASE)


def find_evaluations(sentences: list[Sentence], letter_date: date | None, commitments: list[Commitment],
                     scope: Scope) -> list[Evaluation]:
    """Evaluations the letter announces, delivers, or sets as a rule; one per sentence."""
    out: list[Evaluation] = []
    floor = letter_date.isoformat() if letter_date else ""
    last_block: int | None = None
    for s in sentences:
        if s.footnote is not None:
            continue
        m = _EVALUATION.search(s.text)
        if not m or _CONTENTS.search(s.text):
            continue
        if m.group().casefold().startswith("ge") and not re.search(r"\b(?:bijdrage|inzet|missie|operatie|deelname)\b", s.text, re.IGNORECASE):
            continue  # "heeft de VN de personele behoeftestelling geëvalueerd": not an evaluation of a deployment
        commitment = next((c for c in commitments if any(a < s.end and s.start < b for a, b in c.spans)), None)
        if out and last_block == s.block_start and re.search(r"\b(?:deze|die)\s+\w*evaluatie", s.text, re.IGNORECASE):
            # "Uw Kamer ontvangt deze eindevaluatie uiterlijk in het voorjaar van 2026": the same evaluation
            out[-1].spans.append((s.start, s.end))
            out[-1].due = out[-1].due or (commitment.due if commitment else None)
            continue
        last_block = s.block_start
        kind = _KINDS.get((m.group("kind") or "").casefold().replace(" ", ""), "evaluation") if m.group("kind") else (
            "post-mission" if re.match(r"post|PMB", m.group(), re.IGNORECASE) else "evaluation")
        if kind == "evaluation" and re.search(r"\bderde\s+woensdag\s+van\s+mei\b|\bjaarlijks", s.text, re.IGNORECASE):
            kind = "annual"
        elif kind == "evaluation" and re.search(r"\bna\s+(?:afloop|beëindiging|het\s+einde)\b|\bafsluitend", s.text, re.IGNORECASE):
            kind = "final"
        delivered, announced, rule = bool(_DELIVERED.search(s.text)), bool(_ANNOUNCED.search(s.text)), bool(_RULE.search(s.text))
        specific = kind != "evaluation" or _IOB.search(s.text) or _INDEPENDENT.search(s.text)
        if not (delivered or announced or (rule and specific)):
            continue
        status = "framework" if rule and not delivered else "delivered" if delivered and not announced else "announced"
        by = "IOB" if _IOB.search(s.text) else "independent" if _INDEPENDENT.search(s.text) else "internal" if _INTERNAL.search(s.text) else None
        due = commitment.due if commitment else next(
            (d.value for d in find_dates(s.text, letter_date) if status == "announced" and d.value >= floor[: len(d.value)]), None)
        out.append(Evaluation(text=s.text, spans=[(s.start, s.end)], kind=kind, status=status, by=by, due=due,
                              mission=scope.mission(s.start, s.end)))
    return out


# --- later letters reporting on earlier monitoring ----------------------------------------

_RESPONSE = guarded(re.compile(
    r"\b(?:naar\s+aanleiding\s+van|n\.a\.v\.|als\s+opvolging\s+van|in\s+opvolging\s+van|opvolging\s+(?:van|aan|gegeven\s+aan)|in\s+reactie\s+op|met\s+betrekking\s+tot|ten\s+aanzien\s+van|wat\s+betreft)"
    r"\s+(?:de\s+|het\s+|deze\s+|dit\s+)?(?:[^.]{0,40}?\s)?(?P<about>aanbevelingen|aandachtspunten|bevindingen|monitorings?bezoek\w*|\w*evaluatie\w*)"
    r"|\b(?P<about2>monitorings?bezoek\w*|aandachtspunten|aanbevelingen)\b[^.]{0,80}\b(?:van|uit|in)\s+(?:de\s+|het\s+)?(?:[^.]{0,30}\s)?(?:brief|artikel[- ]100-brief|kamerbrief)\s+van\b"
    r"|\b(?:zoals\s+)?toegezegd\s+in\s+(?:de\s+)?(?:artikel[- ]100-?brief|brief|kamerbrief)\s+van\b",
    re.IGNORECASE,
))


def find_responses(sentences: list[Sentence], letter_date: date | None, references: list[Reference],
                   scope: Scope) -> list[Response]:
    """Passages that report on the follow-up of earlier visits, recommendations or evaluations."""
    out: list[Response] = []
    for s in sentences:
        if s.footnote is not None:
            continue
        m = _RESPONSE.search(s.text)
        if not m:
            continue
        # The letter's own new framework ("Als opvolging van de moties ... is een raamwerk ontwikkeld") is no report.
        word = (m.group("about") or m.group("about2") or "").casefold()
        about = "visit" if "bezoek" in word else "evaluation" if "evaluatie" in word else "recommendations"
        if about == "visit" and re.search(r"\bmonitoringsbezoek\w*\s+(?:van|in)\s+\w+", s.text, re.IGNORECASE) is None and not m.group("about"):
            about = "recommendations"
        dates = [d.value for d in find_dates(s.text, letter_date) if not letter_date or d.value < letter_date.isoformat()[: len(d.value)] or d.value[:7] <= letter_date.isoformat()[:7]]
        cites = [r.kamerstuk for r in references if r.kind == "kamerstuk" and any(s.start <= a < s.end for a, _ in r.spans)]
        out.append(Response(text=s.text, spans=[(s.start, s.end)], about=about, date=dates[0] if dates else None,
                            cites=cites, mission=scope.mission(s.start, s.end)))
    return out
