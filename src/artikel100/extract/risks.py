"""Risks named in a risks section, and monitoring findings and recommendations.

Not scored yet; shown to users. A risk is a sentence in a section whose
heading speaks of risks ("Risico's", "Veiligheidsrisico's", "Dreiging") that
names a threat or a risk, with the level where the letter assesses one.
"""

from __future__ import annotations

import re

from ..facts import Finding, Risk
from .sentences import Sentence

__all__ = ["find_risks", "find_findings"]

_RISK_HEADING = re.compile(r"risico|dreiging|veiligheidssituatie", re.IGNORECASE)
_MONITORING_HEADING = re.compile(r"monitoring|evaluatie|lessen|leren", re.IGNORECASE)
_RISK_WORDS = re.compile(r"\b(?:risico\w*|dreiging\w*|gevaar\w*|aanslag\w*|bedreig\w*)\b", re.IGNORECASE)
_LEVEL = re.compile(
    r"\b(?:(?:zeer\s+)?(?:laag|gering|beperkt|matig|aanzienlijk|hoog|groot|substantieel|significant|reëel)"
    r"(?:\s+tot\s+(?:zeer\s+)?(?:laag|gering|beperkt|matig|aanzienlijk|hoog|groot|substantieel))?)\b",
    re.IGNORECASE,
)
_THREAT = re.compile(
    r"\b(?:indirect vuur|direct vuur|drones?|(?:geïmproviseerde )?explosieven|IED'?s|raketten|mortieren|terroris\w+"
    r"|spionage|cyber\w*|ontvoering\w*|civiele onrust|demonstraties|milities|piraten|piraterij|mijnen)\b",
    re.IGNORECASE,
)
# Who poses the threat: "afkomstig van aan Iran gelieerde milities", "uitgaande van ISIS".
_SOURCE = re.compile(
    r"\b(?:afkomstig van|uitgaande van|van de kant van|gaat [^.]{0,40}?uit van|door)\s+(?P<source>[^,.;()]{3,70}?)(?=[,.;(]|\s+(?:tot|en|of)\s|$)"
)
_RECOMMENDATION = re.compile(r"\b(?:aanbeveling\w*|aandachtspunt\w*|verbeterpunt\w*|beveelt|aanbevolen)\b", re.IGNORECASE)
_FINDING = re.compile(r"\b(?:vastgesteld|geconstateerd|bleek|toonde|constateert|concludeert|duidelijk)\b", re.IGNORECASE)


def find_risks(sentences: list[Sentence], section_of) -> list[Risk]:  # noqa: ANN001
    """Risk sentences in risk sections; ``section_of(offset)`` gives the heading or None."""
    out: list[Risk] = []
    for s in sentences:
        heading = section_of(s.start)
        if s.footnote is not None or not heading or not _RISK_HEADING.search(heading):
            continue
        if not _RISK_WORDS.search(s.text):
            continue
        threat = _THREAT.search(s.text)
        level = _LEVEL.search(s.text)
        source = _SOURCE.search(s.text)
        out.append(
            Risk(
                text=s.text,
                spans=[(s.start, s.end)],
                threat=threat.group() if threat else None,
                source=source.group("source").strip() if source else None,
                level=level.group().lower() if level else None,
            )
        )
    return out


def find_findings(sentences: list[Sentence], section_of) -> list[Finding]:  # noqa: ANN001
    """Findings and recommendations in a monitoring and evaluation section."""
    out: list[Finding] = []
    for s in sentences:
        heading = section_of(s.start)
        if s.footnote is not None or not heading or not _MONITORING_HEADING.search(heading):
            continue
        if _RECOMMENDATION.search(s.text):
            out.append(Finding(s.text, [(s.start, s.end)], "recommendation"))
        elif _FINDING.search(s.text):
            out.append(Finding(s.text, [(s.start, s.end)], "finding"))
    return out
