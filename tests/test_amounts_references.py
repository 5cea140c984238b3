"""Amounts and numbers as the official print writes them, and Kamerstuk references in every form."""

from __future__ import annotations

import pytest

from artikel100 import process_text
from artikel100.extract.numbers import find_quantities
from artikel100.extract.references import find_references


def _costs(sentence: str) -> list[float]:
    result = process_text(f"Den Haag, 1 mei 2015\n\n{sentence}\n")
    return sorted(c.amount_eur for c in result.extraction.costs)


@pytest.mark.parametrize(
    ("sentence", "amounts"),
    [
        ("De kosten bedragen € 535 000.", [535_000]),
        ("De kosten worden geraamd op EUR 1\u00a0400\u00a0000.", [1_400_000]),
        ("De kosten bedragen € 1\u2009250\u2009000 in 2016.", [1_250_000]),
        ("De kosten bedragen in 2016 450 000 euro.", [450_000]),
        ("De kosten bedragen circa 12,5 mln euro.", [12_500_000]),
        ("De kosten bedragen ruim € 3 miljard.", [3_000_000_000]),
        ("De kosten bedragen EUR 4,5 mln.", [4_500_000]),
        ("De kosten bedragen € 535.000,-.", [535_000]),
        ("De kosten zijn € 4.5 miljoen.", [4_500_000]),
        ("De kosten bedragen tussen de 10 en 15 miljoen euro.", [10_000_000, 15_000_000]),
        ("De kosten bedragen 10 à 15 miljoen euro.", [10_000_000, 15_000_000]),
        ("De kosten bedragen 2-3 mln euro.", [2_000_000, 3_000_000]),
        ("De additionele kosten bedragen EUR 45 tot 50 miljoen.", [45_000_000, 50_000_000]),
        ("De kosten bedragen ƒ 160 miljoen (circa € 72,6 miljoen).", [72_600_000]),
        ("De kosten bedragen f 160 miljoen (circa € 72,6 miljoen).", [72_600_000]),
        ("De kosten bedroegen fl. 3,5 miljoen.", []),
        ("De kosten bedragen Hfl. 25 miljoen.", []),
        ("De kosten bedragen 12 miljoen gulden.", []),
        ("Een partner droeg US$ 20 miljoen bij aan de kosten.", []),
        ("In 2015 en 2016 is 3 miljoen euro gereserveerd.", [3_000_000]),
    ],
)
def test_amounts_in_euros_as_letters_write_them(sentence: str, amounts: list[float]) -> None:
    assert _costs(sentence) == amounts


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Nederland levert ongeveer 1 400 militairen.", [1400]),
        ("Nederland levert ruim 1\u00a0400 militairen.", [1400]),
        ("Nederland levert circa 1\u2009400 militairen.", [1400]),
        ("In 2014 400 militairen en in 2015 300 militairen.", [400, 300]),  # a year is never glued to a count
        ("Er gaan 30 40 militairen.", [30, 40]),  # two numbers, not thirty-thousand-forty
    ],
)
def test_counts_with_thousands_grouped_by_a_space(text: str, values: list[int]) -> None:
    assert [q.value for q in find_quantities(text) if q.noun == "militairen" or q.value] == values


@pytest.mark.parametrize(
    ("text", "kamerstukken"),
    [
        ("Kamerstukken 33 694 en 29 521, nr. 11", ["33694-11"]),  # one document in two dossiers
        ("(Kamerstukken 28 676 en 21 501-02, nr. 247)", ["28676-247"]),
        ("(Kamerstukken 32 123 V en 29 521, nr. 15)", ["32123-V-15"]),  # the first a budget chapter
        ("Kamerstuk 34 000 V, nr. 69", ["34000-V-69"]),
        ("(Kamerstuk 33 750 XVII, nr. 14)", ["33750-XVII-14"]),
        ("(Kamerstuk 36 200 K, nr. 3)", ["36200-K-3"]),
        ("(Kamerstuk 36 200-X, nr. 12)", ["36200-X-12"]),
        ("TK 21 501-28, nr. 16", ["21501-28-16"]),
        ("Kamerstuk 28 676, nrs. 210 en 252", ["28676-210", "28676-252"]),
        ("Met Kamerstukken 28 676, nr. 85 van 2 juni 2009 en nr. 87 van 3 juli 2009 bent u", ["28676-85", "28676-87"]),
        ("Kamerstuk 27 925, nr. 612, d.d. 18 oktober 2019, nr. 755 d.d. 20 november 2020 en nr. 785", ["27925-612", "27925-755", "27925-785"]),
        ("Kamerstuk 27 925, AB van 20 mei 2020", ["27925-AB"]),
        ("29 521, BF", ["29521-BF"]),
        ("(Kamerstuk 28 ‘676, nrs. 210 en 252)", ["28676-210", "28676-252"]),  # an OCR speck
        ("(TK 21 501-28; nr. 16)", ["21501-28-16"]),  # OCR: a semicolon for the comma
        ("(Kamerstuk 28 676, nrs. 210 én 252)", ["28676-210", "28676-252"]),
        ("(zie ook Kamerstuk.33 750-V, nr, 76)", ["33750-V-76"]),
        ("(Kamerstuk 2021Z06013)", []),  # a zaak number
        ("Kamerstuk 279255, nr. 5", []),  # a misprint is not another dossier
        ("Kamerstuk 2792, nr. 5", []),
        ("Kamerstuk , nr. 612", []),  # a transcription that lost the dossier
        ("in 2025, 145 militairen", []),
    ],
)
def test_references_as_letters_cite_them(text: str, kamerstukken: list[str]) -> None:
    assert [r.kamerstuk for r in find_references(text)] == kamerstukken


def test_the_letters_own_number_is_never_a_reference() -> None:
    text = (
        "36 200 X Vaststelling van de begrotingsstaten van het Ministerie van Defensie\nNr. 12\n"
        "BRIEF VAN DE MINISTER VAN DEFENSIE\n\nDen Haag, 2 mei 2023\n\n"
        "Deze brief (Kamerstuk 36 200 X, nr. 12) volgt op de brief over de begroting (Kamerstuk 36 200 X, nr. 9).\n"
    )
    extraction = process_text(text).extraction
    assert extraction.letter.kamerstuk == "36200-X-12"
    assert [r.kamerstuk for r in extraction.references] == ["36200-X-9"]
