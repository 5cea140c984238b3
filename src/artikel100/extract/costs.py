"""Costs in euros: "18,3 miljoen euro", "€ 4,5 mln", "EUR 450.000", "circa 7,5 miljoen euro",
"€ 535 000" (the official print groups thousands with a space), ranges ("tussen EUR 45 en 50
miljoen", "10 à 15 miljoen euro"); guilders and dollars are not euros."""

from __future__ import annotations

import re

from ..facts import Cost
from .literals import CASE_TRAPS
from .numbers import NUMBER_RE, parse_number
from .sentences import Sentence

__all__ = ["find_costs", "parse_amount"]

_NUMBER_WORDS = (
    r"(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|twintig|dertig"
    r"|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd)"
)
# "450.000", "18,3", and as the official print groups thousands: "535 000", "1\u00a0400\u00a0000"
# (a space, a no-break or a thin space); "4.5" before a scale word is an English decimal.
_GROUP = "[.\u00a0\u202f\u2009 ]"
_NUMBER = (
    rf"\d{{1,3}}(?:\.\d{{3}})+(?!\d)(?:,\d+)?|\d{{1,3}}(?:[\u00a0\u202f\u2009 ]\d{{3}})+(?!\d|\.\d)(?:,\d+)?"
    r"|\d+\.\d{1,2}(?=\s*(?:miljoen|miljard|mln|mld|mrd))|\d+(?:,\d+)?"
)
# "min" is how OCR reads "mln" beside a currency sign.
_SCALE = r"miljoen|mln\.?|min\.?|miljard|mld\.?|mrd\.?|duizend|dzd\.?|M(?=\s?€)"  # "12,5 M€"
_PREFIX = re.compile(rf"(?:€|EUR|euro)\s*(?P<num>{_NUMBER})(?![\d])(?:\s*(?P<scale>{_SCALE}))?", re.IGNORECASE)
_SUFFIX = re.compile(
    rf"(?<![\d.,])(?P<num>(?!(?:19|20)\d\d\s+(?:euro|EUR|€))(?:{_NUMBER}))\s*(?:(?P<scale>{_SCALE})\s*)?(?:['’]\s*)?(?:euro\b|EUR\b|€)", re.IGNORECASE
)
# "tussen EUR 45 en 50 miljoen": the first number takes the second's scale.
_RANGE = re.compile(
    rf"(?:€|EUR|euro)\s*(?P<num>{_NUMBER})\s+(?:en|tot|à|-|–)\s+(?:€|EUR)?\s*(?P<num2>{_NUMBER})\s*(?P<scale>{_SCALE})", re.IGNORECASE
)
# "tussen de 10 en 15 miljoen euro", "10 à 15 miljoen euro", "2-3 mln euro": both ends take the scale.
_SUFFIX_RANGE = re.compile(
    rf"(?<![\d.,])(?P<num>(?!(?:19|20)\d\d\b)(?:{_NUMBER}))\s*(?:en|tot|à|-|–)\s*(?P<num2>{_NUMBER})\s*(?P<scale>{_SCALE})\s*(?:['’]\s*)?(?:euro\b|EUR\b|€)",
    re.IGNORECASE,
)
# Guilders and other currencies: "ƒ 160 miljoen", "fl. 12 miljoen", "Hfl. 5 mln", "US$ 20 miljoen".
# A lone "f" is the guilder sign as a typewriter or OCR gives it ("f 25 miljoen").
_OTHER_CURRENCY_BEFORE = re.compile(r"(?:ƒ|(?<!\w)f[.:]?|\bfl[.:]*|\bHfl[.:]*|\bNLG|\bgld\.?|\$|\bUSD|£|\bGBP|\bCHF)\s*$", re.IGNORECASE)
_SCALES = {"miljoen": 1e6, "mln": 1e6, "min": 1e6, "m": 1e6, "miljard": 1e9, "mld": 1e9, "mrd": 1e9, "duizend": 1e3, "dzd": 1e3}
# "De kosten bedragen 12 miljoen": an amount without a currency in a sentence about costs.
# not guilders ("ƒ 160 miljoen (circa € 72,6 miljoen)", "fl. 12 miljoen", "12 miljoen gulden")
_BARE_SCALE = re.compile(
    rf"(?<![\d.,])(?<!ƒ)(?<!ƒ )(?<!fl\. )(?<!NLG )(?<!Hfl )(?P<num>{_NUMBER})\s*(?P<scale>miljoen|mln\.?|miljard|mld\.?)"
    r"(?!\s*(?:euro|EUR|€|dollar|US|\$|gulden))",
    re.IGNORECASE,
)
_COST_WORDS = re.compile(r"\b(?:kosten|uitgaven|geraamd|raming|bedraagt|bedragen|begroting|budget|gefinancierd)\b", re.IGNORECASE)
# "vijf miljoen euro": the number written as a word.
_WORDS = re.compile(
    rf"\b(?P<words>{NUMBER_RE})\s+(?:(?P<scale>miljoen|miljard)\s+)?euro\b", re.IGNORECASE
)
_MONEY_HINT = re.compile(r"€|euro|EUR|miljoen|miljard|mln|mld|mrd", re.IGNORECASE)
_MONEY_WORDS = ("eur", "miljoen", "miljard", "mln", "mld", "mrd")  # _MONEY_HINT's, in lower case ("eur" holds "euro")


def _names_money(text: str) -> bool:
    """``_MONEY_HINT.search(text)``, asked with ``in`` (speed: re tries a caseless pattern at every character)."""
    if "€" in text:
        return True
    if not text.isascii() and any(c in text for c in CASE_TRAPS):
        return bool(_MONEY_HINT.search(text))  # a character re folds to an ASCII letter: ask re
    low = text.lower()
    return any(map(low.__contains__, _MONEY_WORDS))
_BUDGET = re.compile(
    r"Budget Internationale Veiligheid(?:\s*\(BIV\))?|\bBIV\b|begroting van (?:Defensie|Buitenlandse Zaken)"
    r"|Defensiebegroting|(?:HGIS|ODA)[- ]middelen|Stabiliteitsfonds|Europese Vredesfaciliteit|European Peace Facility",
)


def parse_amount(number: str, scale: str | None) -> float:
    """Dutch notation to euros: "18,3" + "miljoen" -> 18300000.0; "450.000" -> 450000.0;
    "vijf" + "miljoen" -> 5000000.0."""
    if not number[:1].isdigit():
        value = float(parse_number(number) or 0)
        return round(value * _SCALES[scale.rstrip(".").casefold()], 2) if scale else value
    if re.fullmatch(r"\d+\.\d{1,2}", number) and scale:
        value = float(number)  # "4.5 miljoen": an English decimal point
    else:
        value = float(re.sub(_GROUP, "", number).replace(",", "."))
    if scale:
        value *= _SCALES[scale.rstrip(".").casefold()]
    return round(value, 2)


def find_costs(sentences: list[Sentence], full_text: str) -> list[Cost]:
    """Every euro amount in the letter's sentences, with its sentence as description."""
    costs: list[Cost] = []
    for i, sentence in enumerate(sentences):
        if not _names_money(sentence.text):
            continue  # most sentences name no money; the amount patterns are costly
        seen: list[tuple[int, int]] = []
        patterns = [_RANGE, _SUFFIX_RANGE, _SUFFIX, _PREFIX, _WORDS] + ([_BARE_SCALE] if _COST_WORDS.search(sentence.text) else [])
        for pattern in patterns:
            for m in pattern.finditer(sentence.text):
                if any(a < m.end() and m.start() < b for a, b in seen):
                    continue
                if pattern is not _PREFIX and pattern is not _RANGE and _OTHER_CURRENCY_BEFORE.search(sentence.text[max(0, m.start() - 8) : m.start()]):
                    seen.append((m.start(), m.end()))
                    continue  # guilders, dollars: not euros
                seen.append((m.start(), m.end()))
                if m.re is _RANGE or m.re is _SUFFIX_RANGE:
                    # both ends of the range, each with the scale printed once
                    for group in ("num", "num2"):
                        span = (sentence.start + m.start(group), sentence.start + m.end("scale"))
                        costs.append(Cost(parse_amount(m.group(group), m.group("scale")), sentence.text, [span], _budget(sentences, i)))
                    continue
                amount = parse_amount(m.group("num") if "num" in m.groupdict() else m.group("words"), m.group("scale"))
                if amount <= 0:
                    continue
                budget = _budget(sentences, i)
                span = (sentence.start + m.start(), sentence.start + m.end())
                costs.append(Cost(amount_eur=amount, description=sentence.text, spans=[span], budget=budget))
    return costs


def _budget(sentences: list[Sentence], i: int) -> str | None:
    """The budget named in the amount's sentence or the two after it."""
    for sentence in sentences[i : i + 3]:
        m = _BUDGET.search(sentence.text)
        if m:
            return m.group()
    return None
