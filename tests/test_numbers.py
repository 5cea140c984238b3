"""Dutch numbers and counted quantities."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from artikel100.extract.numbers import NUMBER_RE, find_changes, find_quantities, parse_number

_UNITS = ["", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
_TEENS = ["tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien",
          "achttien", "negentien"]
_TENS = ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"]


def dutch_words(n: int) -> str:
    """Spell 1-9999 the way Dutch style guides do (one word below a thousand)."""
    if n >= 1000:
        head = "" if n // 1000 == 1 else dutch_words(n // 1000)
        rest = n % 1000
        return head + "duizend" + (" " + dutch_words(rest) if rest else "")
    if n >= 100:
        head = "" if n // 100 == 1 else _UNITS[n // 100]
        return head + "honderd" + (dutch_words(n % 100) if n % 100 else "")
    if n >= 20:
        unit = _UNITS[n % 10]
        joiner = "ën" if unit.endswith("e") else "en"
        return (unit + joiner if unit else "") + _TENS[n // 10]
    if n >= 10:
        return _TEENS[n - 10]
    return _UNITS[n]


@pytest.mark.parametrize(
    ("text", "value"),
    [("145", 145), ("1.200", 1200), ("1 200", 1200), ("twee", 2), ("vijftig", 50),
     ("honderdtachtig", 180), ("honderdvijfenveertig", 145), ("tweeduizend", 2000),
     ("een", 1), ("één", 1), ("Drie", 3), ("tweeënveertig", 42)],
)
def test_parse_number_reads_digits_and_dutch_words(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["half", "18,3", "militairen", "", "tal", "1.2"])
def test_parse_number_rejects_what_is_not_a_whole_number(text: str) -> None:
    assert parse_number(text) is None


@given(st.integers(min_value=1, max_value=9999))
def test_every_number_written_in_dutch_words_parses_back(n: int) -> None:
    words = dutch_words(n)
    assert re.fullmatch(NUMBER_RE, words)
    assert parse_number(words) == n


@given(st.integers(min_value=1, max_value=999_999))
def test_every_number_with_a_thousands_dot_parses_back(n: int) -> None:
    dotted = f"{n:,}".replace(",", ".")
    assert re.fullmatch(NUMBER_RE, dotted)
    assert parse_number(dotted) == n


def _one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def test_quantity_keeps_qualifier_noun_and_exact_span() -> None:
    text = "Het kabinet stuurt circa 145 militairen naar het gebied."
    q = _one(text)
    assert (q.value, q.qualifier, q.noun) == (145, "circa", "militairen")
    assert text[q.start : q.end] == "circa 145 militairen"
    assert text[slice(*q.number_span)] == "145"


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "noun"),
    [
        ("Er gaan ongeveer honderdtachtig personen mee.", 180, "ongeveer", "personen"),
        ("De marine levert twee schepen.", 2, None, "schepen"),
        ("Nederland stelt vier F-35's beschikbaar.", 4, None, "F-35's"),
        ("Er vliegen drie chinookhelikopters.", 3, None, "chinookhelikopters"),
        ("We plaatsen ruim twintig stafofficieren.", 20, "ruim", "stafofficieren"),
        ("Het gaat om zo'n dertig adviseurs.", 30, "zo'n", "adviseurs"),
        ("Er komen bijna 200 mariniers.", 200, "bijna", "mariniers"),
        ("Er gaan in totaal circa 145 militairen.", 145, "circa", "militairen"),
        ("Er gaan ten hoogste 60 militairen.", 60, "maximaal", "militairen"),
        ("De inzet omvat minimaal 10 instructeurs.", 10, "minimaal", "instructeurs"),
        ("Er gaan tot 450 militairen.", 450, "tot", "militairen"),
        ("Er komen 1.200 militairen.", 1200, None, "militairen"),
        ("Een twintigtal adviseurs blijft.", 20, "circa", "adviseurs"),
    ],
)
def test_quantities_in_sentences(text: str, value: int, qualifier: str | None, noun: str) -> None:
    q = _one(text)
    assert (q.value, q.qualifier, q.noun) == (value, qualifier, noun)


def test_vague_count_has_no_value() -> None:
    q = _one("Er blijven enkele adviseurs achter.")
    assert (q.value, q.qualifier, q.noun) == (None, "enkele", "adviseurs")


def test_a_number_without_noun_has_noun_none() -> None:
    q = _one("De bijdrage telt maximaal vijftig.")
    assert (q.value, q.qualifier, q.noun) == (50, "maximaal", None)


@pytest.mark.parametrize(
    "text",
    [
        "Zie Kamerstuk 27 925, nr. 943 en Kamerstukken 27925, nrs. 723, 727 en 746.",
        "De Veiligheidsraad nam resolutie 2732 aan.",
        "De kosten bedragen 18,3 miljoen euro, of € 250 per dag.",
        "Op 31 mei jl. en op 7 oktober 2023 gebeurde het.",
        "In 2025 en sinds 2014 is dat zo.",
        "Dit is een artikel 100-brief over fase 2.",
        "Het overleg begint om 12.00 uur.",
        "De groei was 5 procent, of 3%.",
        "Het mandaat verloopt op 31-12-2024.",
        "Er komt een helikopterdetachement.",
    ],
)
def test_labels_dates_money_and_articles_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_footnote_number_is_not_a_quantity() -> None:
    text = "Slottekst.\n\n1 Kamerbrief over de inzet."
    assert find_quantities(text) == []


def test_change_from_old_to_new_quantity() -> None:
    text = "Het aantal toestellen gaat van vijf naar maximaal acht F-16's."
    [change] = find_changes(text)
    assert (change.old.value, change.new.value) == (5, 8)
    assert change.new.qualifier == "maximaal"
    assert change.old.noun == change.new.noun == "F-16's"
    assert text[change.start : change.end] == "van vijf naar maximaal acht F-16's"


def test_van_tot_is_a_change_only_next_to_a_word_of_change() -> None:
    [change] = find_changes("De eenheid wordt uitgebreid van 145 tot 200 militairen.")
    assert (change.old.value, change.new.value, change.new.qualifier) == (145, 200, None)
    assert find_changes("Per schip zijn van 20 tot 30 bemanningsleden nodig.") == []
