"""Commitments (toezeggingen): promises to inform or report to parliament later.

A sentence is a commitment when it names parliament ("uw Kamer", "de Kamer",
"beide Kamers", "het parlement") together with an act of informing in the
future or as a standing promise ("zal ... informeren", "wordt ... geïnformeerd",
"ontvangt ... een brief", "nader berichten", "rapporteren"), and is not a
report of something already done ("heeft ... geïnformeerd", "zoals gemeld").
"""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta

from ..facts import Commitment
from .dates import find_dates
from .numbers import parse_number
from .sentences import Sentence

__all__ = ["find_commitments"]

_PARLIAMENT = re.compile(r"\b(?:uw|de|beide|Uw|De)\s+Kamer(?:s)?\b|\bhet parlement\b|\bKamerleden\b")
_INFORM = re.compile(
    r"\b(?:informeren|informeert|geïnformeerd|geinformeerd|berichten|bericht|rapporteren|rapporteert|gerapporteerd"
    r"|inlichten|ingelicht|op de hoogte (?:houden|stellen|gehouden|gesteld)|toesturen|toegestuurd|toezenden"
    r"|toegezonden|ontvangt|ontvangen|verslag|rapportage|voortgangsrapportage|brief|evaluatie|terugkoppelen"
    r"|geïnformeerd worden|nader ingaan|ingaan op)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:zal|zullen|wordt|worden|ontvangt|ontvangen|gaat|gaan|zal worden|blijft|blijven|houdt|houden|volgt|informeert"
    r"|rapporteert|stuurt|stuurt|zendt|komt|komen)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:heeft|hebben|werd|werden|is|zijn)\b[^.]{0,60}\b(?:geïnformeerd|geinformeerd|gerapporteerd|gemeld|ingelicht|toegezonden|bericht)\b"
    r"|\bzoals (?:gemeld|aangekondigd|toegezegd|bekend|eerder)\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(r"\b(?:in geval|indien|zodra|mocht|mochten|wanneer|als er|ingeval|bij een|in het geval)\b", re.IGNORECASE)
_SUMMER = re.compile(r"\bvoor de zomer(?:reces)?\b", re.IGNORECASE)
_YEAR_END = re.compile(r"\bvoor het einde van (?:dit|het) jaar\b|\bvoor het kerstreces\b", re.IGNORECASE)
_WITHIN = re.compile(r"\bbinnen\s+(?P<n>\w+)\s+(?P<unit>maanden|maand|weken|week|jaar)\b", re.IGNORECASE)


def _due(sentence: Sentence, letter_date: date | None) -> str | None:
    """The date a promise falls due, where the sentence gives or implies one."""
    if letter_date is not None:
        m = _WITHIN.search(sentence.text)
        if m:
            n = parse_number(m.group("n")) or (1 if m.group("n").casefold() in ("een", "één") else None)
            if n:
                unit = m.group("unit").casefold()
                delta = (
                    relativedelta(months=n) if unit.startswith("maand")
                    else relativedelta(weeks=n) if unit.startswith("week")
                    else relativedelta(years=n)
                )
                return (letter_date + delta).isoformat()
        if _SUMMER.search(sentence.text):
            year = letter_date.year if letter_date.month < 7 else letter_date.year + 1
            return f"{year}-07"
        if _YEAR_END.search(sentence.text):
            return f"{letter_date.year}-12"
    dates = [d for d in find_dates(sentence.text, letter_date) if letter_date is None or d.value >= letter_date.isoformat()[: len(d.value)]]
    return dates[-1].value if dates else None


def is_commitment(text: str) -> bool:
    return bool(
        _PARLIAMENT.search(text) and _INFORM.search(text) and _FUTURE.search(text) and not _PAST.search(text)
    )


def find_commitments(sentences: list[Sentence], letter_date: date | None) -> list[Commitment]:
    """Every promise to inform parliament later, in the body (not in footnotes)."""
    out: list[Commitment] = []
    for sentence in sentences:
        if sentence.footnote is not None or not is_commitment(sentence.text):
            continue
        out.append(
            Commitment(
                text=sentence.text,
                spans=[(sentence.start, sentence.end)],
                due=_due(sentence, letter_date),
                conditional=bool(_CONDITIONAL.search(sentence.text)),
            )
        )
    return out
