"""Commitments (toezeggingen): promises to inform or report to parliament later.

A sentence is a commitment when it names parliament ("uw Kamer", "de Kamer",
"beide Kamers", "het parlement") together with an act of informing in the
future or as a standing promise ("zal ... informeren", "wordt ... geïnformeerd",
"ontvangt ... een brief", "nader berichten", "rapporteren"), and is not a
report of something already done ("heeft ... geïnformeerd", "zoals gemeld").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from ..facts import Commitment
from .literals import guarded  # speed: skip sentences lacking a pattern's words
from .dates import find_dates
from .numbers import parse_number
from .sentences import Sentence

__all__ = ["find_commitments"]

# Parliament, or its chair addressed as "u" ("bericht ik u", "wij zullen u informeren").
# Every commitment names parliament, its chair ("u"), a report or a return to the matter.
_HINT = re.compile(r"[Kk]amer|parlement|\b[uU]\b|terug|rapport|evaluatie|brief|verslag")
# _HINT asked in C (speed: its "\b[uU]\b" made re try it at every character): its words with
# ``in``, then the lone "u" with its letter first and the \b looked behind it.
_HINT_WORDS = ("Kamer", "kamer", "parlement", "terug", "rapport", "evaluatie", "brief", "verslag")
_LONE_U = re.compile(r"[uU](?<!\w[uU])(?!\w)")


def _hints(text: str) -> bool:
    """``_HINT.search(text)``, as a yes or no."""
    return any(map(text.__contains__, _HINT_WORDS)) or _LONE_U.search(text) is not None
_PARLIAMENT = re.compile(
    r"\b(?:uw|de|beide|Uw|De)\s+Kamer(?:s)?\b|\bhet parlement\b|\bKamerleden\b"
    r"|\b(?:ik|wij|we)\s+(?:\w+\s+)?u\b|\bu\s+(?:nader|hierover|daarover|zo spoedig|tijdig|in)\b"
    # the chair addressed as "U": "U wordt hierover separaat geïnformeerd"
    r"|\b[Uu]\s+(?:wordt|zult|ontvangt|zal)\b"
    # "ontvangt u een evaluatie", "de brief ..., die u voor de zomer ontvangt"
    r"|\b(?:ontvangt|krijgt)\s+u\b|\bdie\s+u\b(?=[^.;]{0,40}\bontvangt\b)"
)
_INFORM = guarded(re.compile(
    r"\b(?:informeren|informeert|informeer|geïnformeerd|geinformeerd|berichten|bericht|rapporteren|rapporteert|gerapporteerd"
    r"|inlichten|ingelicht|op de hoogte (?:houden|stellen|gehouden|gesteld)|toesturen|toegestuurd|toezenden"
    r"|toegezonden|ontvangt|ontvangen|sturen|zenden|doen toekomen|aanbieden|voorleggen|voorgelegd|terugkoppelen"
    r"|geïnformeerd worden|nader ingaan|ingaan op|op de hoogte|aangeboden|melden|meld)\b"
    # "laat ik uw Kamer weten welke lessen ...", "lichten wij uw Kamer in", "stel uw Kamer ... in kennis",
    # "brengen wij u ... verslag uit", "de brief die beide Kamers in het najaar bereikt"
    r"|\b(?:laat|laten)\s+(?:\w+\s+){1,4}?weten\b|\b(?:licht|lichten)\s+(?:\w+\s+){0,2}?(?:uw|de|beide)\s+Kamers?\s+in\b"
    r"|\bin\s+kennis\b|\bbereikt\b"
    r"|(?:verslag|rapportage|brief|evaluatie)\b"
    # "komt uw Kamer vóór het zomerreces toe", "gaat de Kamer ... toe": a document sent to it
    r"|\b(?:komt|komen|gaat|gaan)\s+(?:\w+\s+){0,2}(?:uw|de)\s+Kamer\b",
    re.IGNORECASE,
))
_FUTURE = guarded(re.compile(
    r"\b(?:zal|zullen|wordt|worden|ontvangt|ontvangen|gaat|gaan|zal worden|blijft|blijven|houdt|houden|volgt|informeert"
    r"|informeer|bericht|rapporteert|rapporteer|stuurt|stuur|zendt|komt|komen|houd)\b",
    re.IGNORECASE,
))
_PAST = guarded(re.compile(
    r"\b(?:heeft|hebben|werd|werden|is|zijn)\b[^.,;]{0,60}\b(?:geïnformeerd|geinformeerd|gerapporteerd|gemeld|ingelicht"
    r"|toegezonden|bericht|voorgelegd|gestuurd|verzonden|aangeboden)\b"
    r"|\bzoals (?:gemeld|bekend|eerder)\b|^(?:Hierbij|Met de(?:ze)? [a-z]+brief)\b|\bmet deze (?:[\w-]+\s+){0,3}?brief\b"
    r"|\bnu al\b|\bnu reeds\b|\bin deze (?:\w+)?(?:brief|rapportage|notitie|verslag|kabinetsreactie|reactie)\b"
    # kept within this letter: "zullen wij hieronder nader ingaan op", "zoals hierna toegelicht"
    r"|\bhieronder\b|\bhierna\b|\bonderstaande?\b|\bin het vervolg van deze\b"
    r"|\b(?:is|zijn|werd|werden)\s+(?:\w+\s+){0,3}?(?:toegegaan|toegekomen)\b"
    # "ontvangt uw Kamer hierbij": this letter keeps the promise; "die uw Kamer heeft ontvangen": done
    r"|\bhierbij\b|\b(?:heeft|hebben)\s+ontvangen\b",
    re.IGNORECASE,
))
# A report promised without naming parliament: "komen aan de orde in de jaarlijkse voortgangsrapportage".
_REPORT = guarded(re.compile(r"(?:voortgangs|jaar|eind)?(?:rapportage|evaluatie)|\w*brief\b|\bverslag\b", re.IGNORECASE))
# "Het kabinet komt hier in het najaar op terug": a promise to return to the matter.
_RETURN = re.compile(r"\b(?:komt|komen|zal|zullen)\b[^.]{0,80}\bterug(?:komen)?\b(?![^.]{0,20}\bvan\b)", re.IGNORECASE)
_CABINET = re.compile(r"\b(?:kabinet|regering|wij|ik|minister|staatssecretaris)\b", re.IGNORECASE)
_REPORT_VERB = re.compile(
    r"\b(?:komt|komen|zal|zullen|wordt|worden)\b[^.]*\b(?:aan de orde|ingegaan|gerapporteerd|opgenomen|meegenomen|toegelicht|behandeld)\b"
    r"|\b(?:volgt|volgen)\b[^.]{0,40}\b\w*(?:evaluatie|rapportage|verslag)|(?:evaluatie|rapportage|verslag)\b[^.]{0,20}\bvolgt\b",
    re.IGNORECASE,
)
# What makes "Wij informeren uw Kamer ..." a promise rather than this letter's own informing.
_LATER = guarded(re.compile(
    r"\b(?:zodra|wanneer|indien|mocht|na afloop|uiterlijk|binnenkort|later|nader|te zijner tijd|deze maand"
    r"|volgende (?:week|maand)|op korte termijn|zo spoedig mogelijk|zo snel mogelijk|in de (?:eerst)?volgende|separaat"
    r"|afzonderlijk|apart"
    # the time of informing right after whom: "Wij informeren uw Kamer in januari 2014 over ..."
    r"|(?:(?:uw|de|beide)\s+Kamers?|\bu)\s+in\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|de\s+(?:zomer|winter|herfst|lente)|het\s+(?:najaar|voorjaar))"
    r"|die\s+u\b[^.;]{0,40}\bontvangt"
    r"|voortaan|v(?:oo|ó|óó)r de (?:zomer|winter|herfst)|in het (?:najaar|voorjaar)"
    # a recurring report: "in de periodieke stand-van-zakenbrieven", "in de voortgangsrapportages"
    r"|(?:half)?jaarlijkse?|periodieke?|voortgangs\w+|stand-van-zaken\w*|elke|iedere|maandelijkse?|wekelijkse?)\b",
    re.IGNORECASE,
))
_FUTURE_VERB = re.compile(r"\b(?:zal|zullen)\b", re.IGNORECASE)
_PRACTICE = re.compile(r"\b(?:zoals gebruikelijk|conform de (?:gebruikelijke|vaste) (?:procedure|praktijk)|volgens de gebruikelijke)\b", re.IGNORECASE)
# Present tense that informs by this very letter ("informeert het kabinet uw Kamer over het
# besluit") rather than promising: no future word and no deadline.
_PRESENT_INFORM = re.compile(
    r"\b(?:informeert|informeren|informeer|berichten|bericht|bereikt)\b|\b(?:laat|laten)\s+(?:\w+\s+){1,4}?weten\b"
    # (the separable ones by both parts: "lichten wij uw Kamer in", "brengen wij u ... verslag uit")
    r"|\b(?:licht|lichten)\s+(?:\w+\s+){0,3}?Kamers?\s+in\b|\bverslag\s+uit\b|\bin\s+kennis\b",
    re.IGNORECASE)
_PROMISE_MARK = re.compile(
    r"\b(?:zal|zullen|later|nader|binnenkort|uiterlijk|v(?:oo|ó|óó)r|in de (?:eerst)?volgende|na afloop|zodra|indien"
    r"|mocht|mochten|in geval|wanneer|apart|afzonderlijk|(?:half)?jaarlijkse?|voortgangs\w+|periodieke?|stand-van-zaken\w*"
    r"|na (?:de|het|afloop)|a\.s|elke|iedere|\w*wekelijkse?|maandelijkse?|deze maand|volgende (?:week|maand)"
    r"|nog dit jaar|op korte termijn|spoedig|zo snel mogelijk|te zijner tijd|in de loop van|separaat|voortaan)\b"
    r"|\b(?:19|20)\d\d\b|\b(?:voorjaar|zomer|najaar|winter|kwartaal)\b",
    re.IGNORECASE,
)
# "begin volgend jaar", "later dit jaar", "het eerste kwartaal van 2026"
_NEXT_YEAR = re.compile(r"\b(?:begin|medio|eind|in de loop van|later)?\s*(volgend|dit|komend) jaar\b", re.IGNORECASE)
_QUARTER = re.compile(r"\b(eerste|tweede|derde|vierde) kwartaal(?: van)? (\d{4})\b", re.IGNORECASE)
_QUARTER_END = {"eerste": "03", "tweede": "06", "derde": "09", "vierde": "12"}
_CONDITIONAL = re.compile(r"\b(?:in geval|indien|zodra|mocht|mochten|wanneer|als er|ingeval|bij een|in het geval)\b", re.IGNORECASE)
# "voor de zomer", "in het najaar": the month by which the season's promise falls due.
_SEASON = re.compile(
    r"\b(?P<prep>v(?:oo|ó|óó)r|in|na|van) (?:de|het|dit|deze) (zomer|najaar|voorjaar|winter|herfst|lente)(?:reces|rec\w*)?(?: van (\d{4}))?", re.IGNORECASE
)
# The month a season's promise falls due: "voor de zomer" before the summer recess, in June (as
# ../shared/real/README.md reads it), "in de zomer" in July, "na de zomer" in September.
_SEASON_MONTH = {"voorjaar": 4, "lente": 4, "zomer": 7, "najaar": 10, "herfst": 10, "winter": 12}
_BEFORE_SEASON = {"voorjaar": 3, "lente": 3, "zomer": 6, "najaar": 9, "herfst": 9, "winter": 12}
_AFTER_SEASON = {"voorjaar": 6, "lente": 6, "zomer": 9, "najaar": 12, "herfst": 12, "winter": 3}


def _season_month(prep: str, season: str) -> int:
    prep = prep.casefold()
    table = _BEFORE_SEASON if prep.startswith("v") and prep != "van" else _AFTER_SEASON if prep == "na" else _SEASON_MONTH
    return table[season]
_HALF = re.compile(r"\b(eerste|tweede) helft van (\d{4})\b", re.IGNORECASE)
_DEADLINE = re.compile(r"(?:uiterlijk|voor|vóór|in|op|per|rond|\()\s*(?:begin|medio|eind|half)?\s*$", re.IGNORECASE)
# "de voortgangsrapportage van juni 2012": the date of the promised report itself.
_REPORT_OF = re.compile(r"(?:rapportage|brief|verslag|evaluatie|overleg|debat)\s+van\s*$", re.IGNORECASE)
_SUBJECT_DATE = re.compile(r"\b(?:na|vanaf|sinds|tot en met|tot|van|t/m)\s*(?:begin|medio|eind)?\s*$", re.IGNORECASE)
_YEAR_END = re.compile(r"\bv(?:oo|ó|óó)r het einde van (?:dit|het) jaar\b|\bv(?:oo|ó|óó)r het kerstreces\b", re.IGNORECASE)
_WITHIN = re.compile(r"\bbinnen\s+(?P<n>\w+)\s+(?P<unit>maanden|maand|weken|week|jaar)\b", re.IGNORECASE)


def _due(sentence: Sentence, letter_date: date | None) -> str | None:
    """The date a promise falls due, where the sentence gives or implies one.

    A date the sentence sets as the deadline ("uiterlijk 1 oktober", "(mei 2025)",
    "binnen drie maanden", "voor de zomer", "in het najaar") wins; dates that
    only name the subject ("na 31 december 2020", "de bijdrage in 2025") do not count.
    """
    text = sentence.text
    if ";" in text:
        # "... gevraagd in 2025 ook X te evalueren; de uitkomst wordt uw Kamer in 2026 aangeboden":
        # the date of the part that promises, when it gives one ("volgt in het voorjaar; uw Kamer
        # ontvangt dan een brief" takes the other part's)
        promising = [part for part in text.split(";") if _PARLIAMENT.search(part)]
        if len(promising) == 1 and len(promising[0]) < len(text):
            part = Sentence(promising[0], sentence.start, sentence.start + len(promising[0]), sentence.block_kind,
                            sentence.footnote, sentence.block_start)
            due = _due(part, letter_date)
            if due:
                return due
    if letter_date is not None:
        m = _WITHIN.search(text)
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
    floor = letter_date.isoformat() if letter_date else ""
    deadlines, others = [], []
    for d in find_dates(text, letter_date):
        if d.qualifier == "kwartaal":
            d = replace(d, value=d.range_end)  # due by the quarter's last month
        if d.value < floor[: len(d.value)]:
            continue
        before = text[max(0, d.start - 25) : d.start]
        if _SUBJECT_DATE.search(before) and not _REPORT_OF.search(before):
            continue
        if _DEADLINE.search(before):
            # "uiterlijk", "vóór", "(mei 2025)" fix a deadline; "in 2023" may name the subject
            deadlines.append((d.value, not re.search(r"\bin\s*$", before) or bool(re.search(r"\buiterlijk\s+in\s*$", before))))
        else:
            others.append(d.value)
    firm = [v for v, firm in deadlines if firm]
    if firm:
        return firm[0]
    if letter_date is not None:
        season = _SEASON.search(text)
        if season:
            month = _season_month(season.group("prep"), season.group(2).casefold())
            if season.group(3):  # "in het voorjaar van 2026"
                return f"{season.group(3)}-{month:02d}"
            return _season_due(month, letter_date)
        quarter = _QUARTER.search(text)
        if quarter:
            return f"{quarter.group(2)}-{_QUARTER_END[quarter.group(1).casefold()]}"
        relative_year = _NEXT_YEAR.search(text)
        if relative_year:
            return str(letter_date.year + (0 if relative_year.group(1).casefold() == "dit" else 1))
        half = _HALF.search(text)
        if half:
            return f"{half.group(2)}-{'06' if half.group(1).casefold() == 'eerste' else '12'}"
        if _YEAR_END.search(text):
            return f"{letter_date.year}-12"
    if deadlines:
        return deadlines[0][0]
    return others[0] if others else None


def _season_due(month: int, letter_date: date) -> str:
    year = letter_date.year if letter_date.month <= month else letter_date.year + 1
    return f"{year}-{month:02d}"


@lru_cache(maxsize=4096)
def is_commitment(text: str) -> bool:
    """A promise to inform parliament later (see the module docstring)."""
    if not _hints(text):
        return False  # cheap first look: most sentences promise nothing
    if _PAST.search(text):
        return False
    if _RETURN.search(text) and _CABINET.search(text):
        return True
    if _PARLIAMENT.search(text):
        later = _PRESENT_INFORM.search(text) and _LATER.search(text)
        if not (_INFORM.search(text) and (_FUTURE.search(text) or later)):
            return False
        only_present = _PRESENT_INFORM.search(text) and not _PROMISE_MARK.search(text) and not later
        # "Zoals gebruikelijk wordt de Kamer ... geïnformeerd op het moment van toewijzing": the
        # practice this very letter follows, unless the sentence also promises ("zal", a date).
        practice = _PRACTICE.search(text) and not (_LATER.search(text) or _FUTURE_VERB.search(text))
        return not (only_present or practice)
    return bool(_REPORT.search(text) and _REPORT_VERB.search(text))


# Where one sentence makes a second promise: "..., en zal bij wijzigingen uw Kamer vooraf
# berichten", "... en uiterlijk in maart 2026 over een eventuele voortzetting".
_SECOND_PROMISE = re.compile(
    r",?\s+en\s+(?=(?:zal|zullen|wordt|worden|ontvangt|informeert|bericht)\b|(?:uiterlijk|v(?:oo|ó|óó)r|binnen)\b[^,.;]{0,60}\bover\b)"
)


def _promises(sentence: Sentence) -> list[Sentence]:
    """A sentence as the promises it makes: split where a second one starts."""
    m = _SECOND_PROMISE.search(sentence.text)
    if not m or m.start() < 20:
        return [sentence]
    first = Sentence(sentence.text[: m.start()], sentence.start, sentence.start + m.start(), sentence.block_kind,
                     sentence.footnote, sentence.block_start)
    second = Sentence(sentence.text[m.end() :], sentence.start + m.end(), sentence.end, sentence.block_kind,
                      sentence.footnote, sentence.block_start)
    # Two promises only when each half promises on its own (the second keeps the first's
    # subject and addressee for the test).
    if not is_commitment(first.text) or not is_commitment(second.text + " " + first.text):
        return [sentence]
    return [first, second]


def find_commitments(sentences: list[Sentence], letter_date: date | None) -> list[Commitment]:
    """Every promise to inform parliament later, in the body (not in footnotes)."""
    out: list[Commitment] = []
    for sentence in sentences:
        if sentence.footnote is not None or not is_commitment(sentence.text):
            continue
        for part in _promises(sentence):
            out.append(
                Commitment(
                    text=part.text,
                    spans=[(part.start, part.end)],
                    due=_due(part, letter_date) or (_due(sentence, letter_date) if part.start == sentence.start else None),
                    conditional=bool(_CONDITIONAL.search(part.text)),
                )
            )
    return out
